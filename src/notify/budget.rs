//! Budgets for the mail the bot sends on its own, so it can be neither a relay nor a
//! loudspeaker, and so a flood of acknowledgements never costs a unit its reminder.
//!
//! - Each kind of mail has its own per-recipient daily budget (`policy.per_recipient_daily`):
//!   acknowledgements count against acknowledgements only, reminders and overdue notices
//!   against reminders only. The office's own addresses (its mailbox, its staff, the digest's
//!   recipients) and the digest are never capped: the office's copies are its own.
//! - Acknowledgements to addresses the bot has never seen (not in the directory, not confirmed
//!   by the office, never sent to before today) have a daily total
//!   (`policy.new_address_acks_daily`); the rest are held for the office, listed in the
//!   digest, and never retried on their own.
//! - One automatic mail per conversation per day: a mail in a thread that already got an
//!   acknowledgement today gets none (an auto-responder and the bot never talk to each other).
//! - Mail held by a per-recipient budget is retried on the next working day (a held reminder
//!   is handed back to the schedule, which writes it again with that day's text).
//!
//! This room decides and marks; it does not build or send mail (`notify::deliver_due` does).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};

use super::kinds;
use crate::config::Config;
use crate::error::Result;
use crate::parse::ParsedMail;
use crate::store::{QueuedMail, Store, HELD_FOR_OFFICE};

/// The local day `now` falls in, as [start, end).
pub fn local_day(
    config: &Config,
    now: DateTime<FixedOffset>,
) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
    let local = now.with_timezone(&config.timezone);
    let start = config
        .timezone
        .from_local_datetime(&local.date_naive().and_hms_opt(0, 0, 0).expect("midnight"))
        .earliest()
        .expect("midnight exists")
        .fixed_offset();
    (start, start + Duration::days(1))
}

/// The next working day after `now`'s local day (the next calendar day when the calendar has
/// no data for it).
pub fn next_workday(config: &Config, now: DateTime<FixedOffset>) -> NaiveDate {
    let today = now.with_timezone(&config.timezone).date_naive();
    config
        .calendar
        .add_workdays(today, 1)
        .unwrap_or(today + Duration::days(1))
}

/// When mail held today is retried: the next working day at the reminder hour.
pub fn retry_at(config: &Config, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let day = next_workday(config, now);
    let hour = config.policy.reminder_hour.min(23);
    config
        .timezone
        .from_local_datetime(&day.and_hms_opt(hour, 0, 0).expect("valid hour"))
        .earliest()
        .map(|t| t.fixed_offset())
        .unwrap_or(now + Duration::days(1))
}

/// Whether the conversation `p` belongs to already got an acknowledgement today: then it gets
/// no other one today.
pub fn thread_answered_today(
    config: &Config,
    store: &Store,
    p: &ParsedMail,
    now: DateTime<FixedOffset>,
) -> Result<bool> {
    // A forged mail may name thousands of references: the first (the root) and the last few
    // (the mails it answers) are enough.
    let refs = &p.references;
    let mut ids: Vec<String> = refs.iter().take(2).cloned().collect();
    ids.extend(refs.iter().rev().take(8).cloned());
    ids.extend(p.in_reply_to.iter().cloned());
    if ids.is_empty() {
        return Ok(false);
    }
    let (start, end) = local_day(config, now);
    store.ack_in_thread_between(&ids, start, end)
}

/// Puts held mail whose retry time has come back in the queue (reminders go back to the
/// schedule). Call before the schedule and before delivery; any number of times.
pub fn release_held(store: &Store, now: DateTime<FixedOffset>) -> Result<()> {
    let n = store.release_held(now)?;
    let r = store.renew_held_reminders(now)?;
    if n + r > 0 {
        tracing::info!(mails = n, reminders = r, "held mail released for its retry");
    }
    Ok(())
}

/// Addresses of the office itself: never capped.
fn office_addresses(config: &Config) -> HashSet<String> {
    let mut s: HashSet<String> = config
        .office_staff_addresses
        .iter()
        .chain(config.policy.digest_to.iter())
        .map(|a| a.to_lowercase())
        .collect();
    s.insert(config.office_address.to_lowercase());
    s
}

/// What the budgets say about one queued mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Send,
    /// Held until `until` (a timestamp; [`HELD_FOR_OFFICE`] for never on its own).
    Hold {
        why: String,
        until: String,
    },
}

/// Today's budgets, read once per delivery pass and kept up to date as mail goes out.
pub struct Budget {
    per_recipient: u32,
    new_address_acks: u32,
    office: HashSet<String>,
    /// (kind, recipient) → mails sent today: each kind of mail has its own budget.
    sent: HashMap<(String, String), u32>,
    /// Acknowledgements sent today to addresses never seen before today.
    strangers_today: u32,
    /// Addresses known at the start of today; loaded when the first acknowledgement is due.
    known: Option<HashSet<String>>,
    today_sent: Vec<(String, Vec<String>)>,
    day_start: DateTime<FixedOffset>,
    retry: String,
}

impl Budget {
    pub fn load(config: &Config, store: &Store, now: DateTime<FixedOffset>) -> Result<Budget> {
        let (day_start, day_end) = local_day(config, now);
        let today_sent = store.sent_on(day_start, day_end)?;
        let mut sent = HashMap::new();
        for (kind, list) in &today_sent {
            for r in list {
                *sent.entry((kind.clone(), r.to_lowercase())).or_insert(0) += 1;
            }
        }
        Ok(Budget {
            per_recipient: config.policy.per_recipient_daily,
            new_address_acks: config.policy.new_address_acks_daily,
            office: office_addresses(config),
            sent,
            strangers_today: 0,
            known: None,
            today_sent,
            day_start,
            retry: crate::store::ts(&retry_at(config, now)),
        })
    }

    /// The addresses known before today: the directory's, those the office confirmed, the
    /// office's own, and every address mail was sent to before today.
    fn known(&mut self, config: &Config, store: &Store) -> Result<&HashSet<String>> {
        if self.known.is_none() {
            let mut known = store.recipients_before(self.day_start)?;
            known.extend(self.office.iter().cloned());
            for u in &config.units {
                known.extend(u.addresses.iter().map(|a| a.to_lowercase()));
            }
            // Learned by the office (a correction, a confirmation); an address the bot took up
            // on its own from the very mail it would answer is not "seen".
            for l in store.learned_addresses()? {
                if l.is_confirmed() {
                    known.insert(l.address.to_lowercase());
                }
            }
            self.strangers_today = self
                .today_sent
                .iter()
                .filter(|(k, _)| k == kinds::ACK)
                .filter(|(_, list)| list.iter().any(|r| !known.contains(&r.to_lowercase())))
                .count() as u32;
            self.known = Some(known);
        }
        Ok(self.known.as_ref().expect("just loaded"))
    }

    /// Whether `q` may go out now.
    pub fn check(&mut self, config: &Config, store: &Store, q: &QueuedMail) -> Result<Verdict> {
        // The office's own digest is not capped: it is one a day by construction.
        if q.kind == kinds::DIGEST {
            return Ok(Verdict::Send);
        }
        let c = q.kind.clone();
        for r in &q.recipients {
            let r = r.to_lowercase();
            if self.office.contains(&r) {
                continue;
            }
            let n = self.sent.get(&(c.clone(), r.clone())).copied().unwrap_or(0);
            if n >= self.per_recipient {
                return Ok(Verdict::Hold {
                    why: format!(
                        "daily cap of {} {} mails to {r} reached; retried on the next working day",
                        self.per_recipient, q.kind
                    ),
                    until: self.retry.clone(),
                });
            }
        }
        if q.kind == kinds::ACK {
            let cap = self.new_address_acks;
            let known = self.known(config, store)?;
            let stranger = q
                .recipients
                .iter()
                .any(|r| !known.contains(&r.to_lowercase()));
            if stranger && self.strangers_today >= cap {
                return Ok(Verdict::Hold {
                    why: format!(
                        "daily total of {cap} acknowledgements to never-seen addresses reached; held for the office"
                    ),
                    until: HELD_FOR_OFFICE.to_string(),
                });
            }
        }
        Ok(Verdict::Send)
    }

    /// Counts a mail that went out.
    pub fn count(&mut self, q: &QueuedMail) {
        let c = q.kind.clone();
        for r in &q.recipients {
            *self.sent.entry((c.clone(), r.to_lowercase())).or_insert(0) += 1;
        }
        if q.kind == kinds::ACK {
            if let Some(known) = &self.known {
                if q.recipients
                    .iter()
                    .any(|r| !known.contains(&r.to_lowercase()))
                {
                    self.strangers_today += 1;
                }
            }
        }
    }
}
