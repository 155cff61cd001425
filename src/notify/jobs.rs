//! Scheduled work: queues the office's daily digest and the units' reminders.
//!
//! [`crate::schedule`] decides what is due; this room turns it into mail and queues it through
//! the store, where every reminder item and every digest has a unique key: running [`run_due`]
//! any number of times, across restarts, sends each once. It reads the clock only as the `now`
//! it is given, and sends nothing itself (delivery is `notify::deliver_due`).

use chrono::{DateTime, FixedOffset, Timelike};

use crate::config::Config;
use crate::error::Result;
use crate::notify::{self, digest, remind};
use crate::schedule::due_reminders;
use crate::store::Store;

/// Queues the digest and the reminders due at `now` (each after its configured hour, on
/// working days only). Safe to call as often as you like.
pub fn run_due(config: &Config, store: &mut Store, now: DateTime<FixedOffset>) -> Result<()> {
    let local = now.with_timezone(&config.timezone);
    let today = local.date_naive();
    match config.calendar.is_workday(today) {
        Ok(true) => {}
        Ok(false) => return Ok(()),
        Err(e) => {
            tracing::error!("cannot tell whether {today} is a working day: {e}");
            return Ok(());
        }
    }
    if local.hour() >= config.policy.digest_hour && !store.digest_queued_for(today)? {
        queue_digest(config, store, now)?;
    }
    if local.hour() >= config.policy.reminder_hour {
        // Reminders held by a budget yesterday come back to the schedule first, so today's
        // reminder carries their items with today's text.
        notify::budget::release_held(store, now)?;
        queue_reminders(config, store, now)?;
    }
    Ok(())
}

/// Builds today's digest and queues it; false when today's is queued already.
pub fn queue_digest(
    config: &Config,
    store: &mut Store,
    now: DateTime<FixedOffset>,
) -> Result<bool> {
    let today = now.with_timezone(&config.timezone).date_naive();
    let d = digest::build(config, store, now)?;
    let out = notify::build(config, &d.draft, now)?;
    let queued = store.queue_digest(&out, today, d.last_mail_id, now)?;
    if queued {
        tracing::info!(day = %today, "digest queued");
    }
    Ok(queued)
}

/// Queues the reminders due today (none on a rest day); returns how many mails were queued.
pub fn queue_reminders(
    config: &Config,
    store: &mut Store,
    now: DateTime<FixedOffset>,
) -> Result<usize> {
    let today = now.with_timezone(&config.timezone).date_naive();
    let subs = store.submissions(config.timezone)?;
    let learned = store.learned_addresses()?;
    let sent = store.reminder_items()?;
    let mut n = 0;
    for mut r in due_reminders(config, &subs, &learned, &sent, now)? {
        // An address the bot cannot write to is never one to remind.
        r.recipients
            .retain(|a| crate::config::is_plausible_address(a));
        if r.recipients.is_empty() {
            // Shown in the digest; logged quietly since this runs every half minute.
            tracing::debug!(unit = %r.unit, "no address known: reminder cannot be sent");
            continue;
        }
        let draft = remind::draft(config, &r, today);
        // One unit's mail that cannot be built never holds back the others' reminders.
        let out = match notify::build(config, &draft, now) {
            Ok(o) => o,
            Err(e) => {
                tracing::warn!(unit = %r.unit, "reminder cannot be built: {e}");
                continue;
            }
        };
        let items: Vec<(String, u32)> = r
            .items
            .iter()
            .map(|i| (i.key.clone(), i.activity))
            .collect();
        if store.queue_reminder(&out, &items, today, now)? {
            tracing::info!(unit = %r.unit, items = items.len(), "reminder queued");
            n += 1;
        }
    }
    Ok(n)
}
