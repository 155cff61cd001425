//! What is due: which reminders and overdue notices each unit should get today.
//!
//! This room decides, it does not write mail: [`due_reminders`] is pure — the schedule, the
//! records, the calendar, what was already sent and `now` in, the reminders due out. Turning
//! them into mail and queueing them is `notify::jobs`, which imports this module; this module
//! never imports `notify` (data flows one way: schedule → notify → outbox). Nothing is due on
//! a rest day; what fell due on one is due on the next working day.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::config::Config;
use crate::deadlines::{month_end, season_status, ActivityStatus, Submissions};
use crate::error::Result;
use crate::store::LearnedAddress;

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

/// Addresses reminders go to, for each unit: the directory's and those the office confirmed.
/// Never a proposed address, and never merely the address a submission came from: an
/// address the office has not stood behind gets no reminder in place of the unit.
pub fn unit_addresses(
    config: &Config,
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
    for l in learned.iter().filter(|l| l.is_confirmed()) {
        add(&l.unit, &l.address);
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
    let addresses = unit_addresses(config, learned);
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
