//! Deadlines: a pure function of the schedule, the records, the calendar and `now`.
//!
//! DESIGN §2: plan deadline = 5 working days before the first day of the activity, report
//! deadline = 5 working days after its last day, each ending at 24:00 Asia/Shanghai. Until a
//! plan or report states the date, only the planned month is known, and the plan deadline is
//! the latest possible one: 5 working days before the month's last day. A date in a year the
//! calendar does not cover makes that activity's deadlines an error, shown, never guessed.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::calendar::Calendar;
use crate::config::{Activity, Config};
use crate::records::Receipt;
// Re-exported: tests/store.rs reads `Submissions` at this path.
pub use crate::records::Submissions;

pub const PLAN_LEAD: i32 = 5;
pub const REPORT_LAG: i32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Waiting,
    PlanDueSoon,
    PlanOverdue,
    PlanReceived { on_time: bool },
    ReportDueSoon,
    ReportOverdue,
    ReportReceived { on_time: bool },
    NotHeld,
}

impl State {
    pub fn zh(self) -> &'static str {
        match self {
            State::Waiting => "等待方案",
            State::PlanDueSoon => "方案即将到期",
            State::PlanOverdue => "方案逾期未报",
            State::PlanReceived { on_time: true } => "方案已按时报送",
            State::PlanReceived { on_time: false } => "方案已报送（逾期）",
            State::ReportDueSoon => "待报送情况报告",
            State::ReportOverdue => "情况报告逾期未报",
            State::ReportReceived { on_time: true } => "报告已按时报送",
            State::ReportReceived { on_time: false } => "报告已报送（逾期）",
            State::NotHeld => "未见开展",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActivityStatus {
    pub number: u32,
    pub unit: String,
    pub theme: String,
    pub month: u32,
    pub year: i32,
    pub date: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub plan_deadline: Option<NaiveDate>,
    /// The plan deadline is the latest possible one inside the planned month.
    pub plan_deadline_provisional: bool,
    pub report_deadline: Option<NaiveDate>,
    pub plan: Option<Receipt>,
    pub report: Option<Receipt>,
    pub state: State,
    /// Calendar gaps and similar problems that stop a deadline from being computed.
    pub error: Option<String>,
}

pub fn month_end(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .expect("valid month")
        .pred_opt()
        .expect("valid date")
}

pub fn activity_status(
    a: &Activity,
    subs: &Submissions,
    cal: &Calendar,
    today: NaiveDate,
    horizon: i32,
) -> ActivityStatus {
    let mine = subs.by_activity.get(&a.number).copied().unwrap_or_default();
    // The date: a report says when it really happened; otherwise the latest plan that gives one
    // (a unit that postpones sends a new plan); otherwise the schedule's fixed day.
    let (date, end) = match mine
        .report
        .dated
        .or(mine.plan.dated)
        .or(a.date.map(|d| (d, d)))
    {
        Some((d, e)) => (Some(d), Some(e)),
        None => (None, None),
    };
    let mut error = None;
    let mut note = |e: crate::error::Error| {
        if error.is_none() {
            error = Some(e.to_string());
        }
    };
    let (plan_deadline, provisional) = match date {
        Some(d) => (
            cal.add_workdays(d, -PLAN_LEAD).map_err(&mut note).ok(),
            false,
        ),
        None => (
            cal.add_workdays(month_end(a.year, a.month), -PLAN_LEAD)
                .map_err(&mut note)
                .ok(),
            true,
        ),
    };
    let report_deadline = end.and_then(|e| cal.add_workdays(e, REPORT_LAG).map_err(&mut note).ok());
    let plan = mine
        .plan
        .receipt(if provisional { None } else { plan_deadline });
    let report = mine.report.receipt(report_deadline);
    let due_soon = |deadline: NaiveDate| -> bool {
        cal.workdays_between(today, deadline)
            .map(|n| (0..=horizon as i64).contains(&n))
            .unwrap_or(false)
    };
    let state = if let Some(r) = &report {
        State::ReportReceived {
            on_time: r.on_time.unwrap_or(true),
        }
    } else if end.is_some_and(|e| today > e) && (plan.is_some() || !provisional) {
        match report_deadline {
            Some(d) if today > d => State::ReportOverdue,
            _ => State::ReportDueSoon,
        }
    } else if let Some(p) = &plan {
        State::PlanReceived {
            on_time: p.on_time.unwrap_or(true),
        }
    } else {
        match plan_deadline {
            Some(d) if today > d => {
                let window_closed = cal
                    .add_workdays(month_end(a.year, a.month), REPORT_LAG)
                    .map(|last| today > last)
                    .unwrap_or(false);
                if provisional && window_closed {
                    State::NotHeld
                } else {
                    State::PlanOverdue
                }
            }
            Some(d) if due_soon(d) => State::PlanDueSoon,
            _ => State::Waiting,
        }
    };
    ActivityStatus {
        number: a.number,
        unit: a.unit.clone(),
        theme: a.theme.clone(),
        month: a.month,
        year: a.year,
        date,
        end,
        plan_deadline,
        plan_deadline_provisional: provisional,
        report_deadline,
        plan,
        report,
        state,
        error,
    }
}

/// Every activity's status at `now`.
pub fn season_status(
    config: &Config,
    subs: &Submissions,
    now: DateTime<FixedOffset>,
) -> Vec<ActivityStatus> {
    let today = now.with_timezone(&config.timezone).date_naive();
    config
        .activities
        .iter()
        .map(|a| {
            activity_status(
                a,
                subs,
                &config.calendar,
                today,
                config.policy.digest_horizon_workdays,
            )
        })
        .collect()
}

/// The last day of the season: the latest report deadline of its activities (for one whose
/// date is not known yet, the latest it can be: 5 working days after its planned month), plus
/// `[season] grace_days`. After it, nothing is due any more: no reminder, overdue notice or
/// digest goes out for the season.
pub fn season_end(config: &Config, statuses: &[ActivityStatus]) -> Option<NaiveDate> {
    statuses
        .iter()
        .map(|s| {
            s.report_deadline.unwrap_or_else(|| {
                let month_last = month_end(s.year, s.month);
                config
                    .calendar
                    .add_workdays(month_last, REPORT_LAG)
                    // A calendar gap: a generous stand-in, never earlier than the real one.
                    .unwrap_or(month_last + chrono::Duration::days(14))
            })
        })
        .max()
        .map(|last| last + chrono::Duration::days(config.season_grace_days.into()))
}

/// `Some(end)` when the season ended before `today`.
pub fn season_ended(
    config: &Config,
    statuses: &[ActivityStatus],
    today: NaiveDate,
) -> Option<NaiveDate> {
    season_end(config, statuses).filter(|end| today > *end)
}

/// Months the notice requires a theme for but the schedule leaves empty.
pub fn empty_required_months(config: &Config) -> Vec<u32> {
    config
        .required_months
        .iter()
        .copied()
        .filter(|m| {
            !config
                .activities
                .iter()
                .any(|a| a.month == *m && a.year == config.year)
        })
        .collect()
}

pub fn fmt_date(d: Option<NaiveDate>) -> String {
    d.map(|d| format!("{}月{}日", d.month(), d.day()))
        .unwrap_or_else(|| "—".into())
}
