//! Records: the domain records several layers share — a recorded mail ([`MailRecord`]) and
//! the settled plans and reports folded for deadlines and reminders ([`Submissions`], with
//! the [`Receipt`] it hands out).
//!
//! Invariants:
//! - these are plain values and pure functions of them: no I/O, no clock (time is passed in);
//! - `Submissions` is folded one mail at a time in id order, so its size does not grow with
//!   the mailbox.
//!
//! This room sits below `store`, `deadlines`, `schedule` and `notify`, which all read it: it
//! may import only lower modules (`classify`'s types, chrono) and must never import `store`,
//! `deadlines`, `schedule` or `notify`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;

use crate::classify::Kind;

/// A recorded mail, as the deadline engine and the reports read it.
#[derive(Debug, Clone, PartialEq)]
pub struct MailRecord {
    pub id: i64,
    pub hash: String,
    pub message_id: Option<String>,
    pub source: String,
    pub recorded_at: DateTime<FixedOffset>,
    pub mail_date: Option<DateTime<FixedOffset>>,
    pub from_addr: Option<String>,
    pub from_name: Option<String>,
    pub subject: String,
    pub size: i64,
    pub archive_path: PathBuf,
    pub kind: Kind,
    pub unit: Option<String>,
    pub activity: Option<u32>,
    pub activity_date: Option<NaiveDate>,
    pub activity_end: Option<NaiveDate>,
    pub confidence: f64,
    pub needs_review: bool,
    pub automated: bool,
    pub reasons: Vec<String>,
    pub attachments: Vec<String>,
    pub parse_error: Option<String>,
    pub reviewed: bool,
    /// Why the bot could not handle this mail (Chinese, for the office), when it could not:
    /// it could not be parsed or classified, or its acknowledgement could not be built.
    pub unprocessable: Option<String>,
    /// What the office should know about this mail beyond the classifier's reasons (Chinese),
    /// e.g. that it shares its Message-ID with another mail of other content.
    pub notes: Vec<String>,
}

impl MailRecord {
    /// When the mail reached the office: its Date header, unless that is later than when it
    /// was recorded (a wrong clock on the sender's side).
    pub fn received_instant(&self) -> DateTime<FixedOffset> {
        match self.mail_date {
            Some(d) if d <= self.recorded_at => d,
            _ => self.recorded_at,
        }
    }

    /// Counts toward an activity's state: a plan or report the office need not check first.
    pub fn is_settled_submission(&self) -> bool {
        self.kind != Kind::Other && self.activity.is_some() && (!self.needs_review || self.reviewed)
    }
}

/// What the bot could not stand behind in a mail, recorded with it for the office: see
/// [`MailRecord::unprocessable`] and [`MailRecord::notes`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    pub unprocessable: Option<String>,
    pub notes: Vec<String>,
}

/// A plan or report that counts for an activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    pub mail_id: i64,
    /// Local date it reached the office.
    pub received: NaiveDate,
    /// None when the deadline itself is unknown.
    pub on_time: Option<bool>,
}

/// When a recorded mail reached the office, in local time: its Date header, unless that is
/// later than when it was recorded (a wrong clock on the sender's side).
pub fn received_at(m: &MailRecord, tz: Tz) -> NaiveDate {
    m.received_instant().with_timezone(&tz).date_naive()
}

/// What the deadlines and reminders need from the settled plans and reports, folded one mail
/// at a time in id order, so its size does not grow with the mailbox: per activity, the date
/// the latest dated plan or report states and the first to arrive; and the addresses the
/// units' submissions came from.
#[derive(Debug, Default, Clone)]
pub struct Submissions {
    pub(crate) by_activity: HashMap<u32, ActivitySubmissions>,
    /// (unit, address), each pair once, in the order first seen.
    senders: Vec<(String, String)>,
    seen_senders: HashSet<(String, String)>,
}

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct ActivitySubmissions {
    pub(crate) plan: Side,
    pub(crate) report: Side,
}

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Side {
    /// (first day, last day) stated by the latest mail that states one.
    pub(crate) dated: Option<(NaiveDate, NaiveDate)>,
    /// (local arrival date, mail id) of the first to arrive (the lowest id among equals).
    first: Option<(NaiveDate, i64)>,
}

impl Side {
    fn add(&mut self, m: &MailRecord, tz: Tz) {
        if let Some(d) = m.activity_date {
            self.dated = Some((d, m.activity_end.unwrap_or(d).max(d)));
        }
        let received = received_at(m, tz);
        if self.first.is_none_or(|(first, _)| received < first) {
            self.first = Some((received, m.id));
        }
    }

    pub(crate) fn receipt(&self, deadline: Option<NaiveDate>) -> Option<Receipt> {
        self.first.map(|(received, mail_id)| Receipt {
            mail_id,
            received,
            on_time: deadline.map(|d| received <= d),
        })
    }
}

impl Submissions {
    /// Takes one mail into account; mails must come in id order. Anything but a settled plan
    /// or report with an activity is ignored.
    pub fn add(&mut self, m: &MailRecord, tz: Tz) {
        if !m.is_settled_submission() {
            return;
        }
        if let (Some(unit), Some(addr)) = (&m.unit, &m.from_addr) {
            let pair = (unit.clone(), addr.to_lowercase());
            if self.seen_senders.insert(pair.clone()) {
                self.senders.push(pair);
            }
        }
        let Some(activity) = m.activity else {
            return;
        };
        let a = self.by_activity.entry(activity).or_default();
        match m.kind {
            Kind::Plan => a.plan.add(m, tz),
            Kind::Report => a.report.add(m, tz),
            Kind::Other => {}
        }
    }

    pub fn from_mails(mails: &[MailRecord], tz: Tz) -> Submissions {
        let mut s = Submissions::default();
        for m in mails {
            s.add(m, tz);
        }
        s
    }

    /// (unit, address) of every settled submission, each once, oldest first.
    pub fn senders(&self) -> &[(String, String)] {
        &self.senders
    }
}
