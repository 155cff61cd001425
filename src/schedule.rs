//! Scheduled work: reminders to units and the office's daily digest.
//!
//! [`due_reminders`] is pure: the schedule, the records, the calendar, what was already sent
//! and `now` in, the reminders due out. [`run_due`] queues them (and the digest) through the
//! store, where every reminder item and every digest has a unique key: running it any number
//! of times, across restarts, sends each once. Nothing goes out on a rest day; what fell due
//! on one goes out on the next working day.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};

use crate::config::Config;
use crate::deadlines::{month_end, season_status, ActivityStatus, Submissions};
use crate::error::Result;
use crate::notify::{self, digest, remind};
use crate::store::{LearnedAddress, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemKind {
    MonthNotice,
    PlanReminder,
    PlanLastDay,
    PlanOverdue,
    ReportReminder,
    ReportLastDay,
    ReportOverdue,
}

impl ItemKind {
    fn key(self) -> &'static str {
        match self {
            ItemKind::MonthNotice => "notice",
            ItemKind::PlanReminder => "plan-reminder",
            ItemKind::PlanLastDay => "plan-lastday",
            ItemKind::PlanOverdue => "plan-overdue",
            ItemKind::ReportReminder => "report-reminder",
            ItemKind::ReportLastDay => "report-lastday",
            ItemKind::ReportOverdue => "report-overdue",
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, ItemKind::PlanOverdue | ItemKind::ReportOverdue)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub key: String,
    pub kind: ItemKind,
    pub activity: u32,
    pub deadline: Option<NaiveDate>,
    /// Working days left until the deadline (for reminders).
    pub left: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitReminder {
    pub unit: String,
    pub items: Vec<Item>,
    pub recipients: Vec<String>,
}

impl UnitReminder {
    pub fn overdue(&self) -> bool {
        self.items.iter().any(|i| i.kind.is_overdue())
    }
}

/// Addresses for each unit: the directory's, the learned ones, and those its settled plans
/// and reports came from.
pub fn unit_addresses(
    config: &Config,
    subs: &Submissions,
    learned: &[LearnedAddress],
) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut add = |unit: &str, addr: &str| {
        let v = out.entry(unit.to_string()).or_default();
        let a = addr.to_lowercase();
        if a != config.office_address && !v.contains(&a) {
            v.push(a);
        }
    };
    for u in &config.units {
        for a in &u.addresses {
            add(&u.name, a);
        }
    }
    for l in learned {
        add(&l.unit, &l.address);
    }
    for (unit, addr) in subs.senders() {
        add(unit, addr);
    }
    out
}

/// What is due at `today` for each activity, given what was already sent.
pub fn due_items(
    config: &Config,
    statuses: &[ActivityStatus],
    today: NaiveDate,
    sent: &HashSet<String>,
) -> Vec<(String, Item)> {
    let cal = &config.calendar;
    let p = &config.policy;
    let mut out = Vec::new();
    for s in statuses {
        if s.error.is_some() {
            continue;
        }
        let mut push = |kind: ItemKind, deadline: Option<NaiveDate>| {
            let key = format!("{}:{}", kind.key(), s.number);
            if !sent.contains(&key) {
                let left = deadline.and_then(|d| cal.workdays_between(today, d).ok());
                out.push((
                    s.unit.clone(),
                    Item {
                        key,
                        kind,
                        activity: s.number,
                        deadline,
                        left,
                    },
                ));
            }
        };
        let nothing_yet = s.plan.is_none() && s.report.is_none();
        let month_first = NaiveDate::from_ymd_opt(s.year, s.month, 1).expect("valid month");
        if nothing_yet {
            if let Ok(trigger) = cal.add_workdays(month_first, -p.month_notice_workdays) {
                if today >= trigger && today < month_first {
                    push(ItemKind::MonthNotice, s.plan_deadline);
                }
            }
            if let Some(d) = s.plan_deadline {
                let left = cal.workdays_between(today, d).unwrap_or(i64::MAX);
                if left > 0 && left <= p.plan_reminder_workdays as i64 {
                    push(ItemKind::PlanReminder, Some(d));
                } else if today == d {
                    push(ItemKind::PlanLastDay, Some(d));
                } else if today > d
                    && today <= month_end(s.year, s.month).max(d) + chrono::Duration::days(31)
                {
                    push(ItemKind::PlanOverdue, Some(d));
                }
            }
        }
        if s.report.is_none() && s.plan.is_some() {
            if let (Some(rd), Some(end)) = (s.report_deadline, s.end) {
                let left = cal.workdays_between(today, rd).unwrap_or(i64::MAX);
                if today > end && left > 0 && left <= p.report_reminder_workdays as i64 {
                    push(ItemKind::ReportReminder, Some(rd));
                } else if today == rd {
                    push(ItemKind::ReportLastDay, Some(rd));
                } else if today > rd {
                    push(ItemKind::ReportOverdue, Some(rd));
                }
            }
        }
    }
    out
}

/// Reminders due at `now`, one per unit (several activities go in one mail).
pub fn due_reminders(
    config: &Config,
    subs: &Submissions,
    learned: &[LearnedAddress],
    sent: &HashSet<String>,
    now: DateTime<FixedOffset>,
) -> Result<Vec<UnitReminder>> {
    let today = now.with_timezone(&config.timezone).date_naive();
    if !config.calendar.is_workday(today)? {
        return Ok(Vec::new());
    }
    let statuses = season_status(config, subs, now);
    let addresses = unit_addresses(config, subs, learned);
    let mut per_unit: BTreeMap<String, Vec<Item>> = BTreeMap::new();
    for (unit, item) in due_items(config, &statuses, today, sent) {
        per_unit.entry(unit).or_default().push(item);
    }
    Ok(per_unit
        .into_iter()
        .map(|(unit, mut items)| {
            items.sort_by_key(|i| (i.activity, i.kind));
            let recipients = addresses.get(&unit).cloned().unwrap_or_default();
            UnitReminder {
                unit,
                items,
                recipients,
            }
        })
        .collect())
}

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
    for r in due_reminders(config, &subs, &learned, &sent, now)? {
        if r.recipients.is_empty() {
            // Shown in the digest; logged quietly since this runs every half minute.
            tracing::debug!(unit = %r.unit, "no address known: reminder cannot be sent");
            continue;
        }
        let draft = remind::draft(config, &r, today);
        let out = notify::build(config, &draft, now)?;
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
