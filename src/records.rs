//! Records: the domain records several layers share — a recorded mail ([`MailRecord`]) and
//! the settled plans and reports folded for deadlines and reminders ([`Submissions`], with
//! the [`Receipt`] it hands out).
//!
//! Invariants:
//! - these are plain values and pure functions of them: no I/O, no clock (time is passed in);
//! - `Submissions` is folded one mail at a time in id order, so its size does not grow with
//!   the mailbox;
//! - when a mail arrived is the office's side's account of it ([`MailRecord::received_instant`]:
//!   IMAP `INTERNALDATE`, Maildir delivery time, top `Received:` line), never the sender's
//!   `Date:`; the first plan or report *received* for an activity is its record, and a later
//!   one never replaces it (a later plan may still move the activity's date: a unit that
//!   postpones sends a new plan; a later report moves nothing).
//!
//! This room sits below `store`, `deadlines`, `schedule` and `notify`, which all read it: it
//! may import only lower modules (`classify`'s types, chrono) and must never import `store`,
//! `deadlines`, `schedule` or `notify`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;

use crate::classify::{Kind, Submission};

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
    /// When the office's side received it (see [`Provenance::received`]); `None` for rows
    /// recorded before this was kept.
    pub received_at: Option<DateTime<FixedOffset>>,
    /// The DKIM check of the mail, see [`Provenance::dkim`].
    pub dkim: Option<String>,
    /// How the sender address stands for the unit, see [`Provenance::sender`].
    pub sender: Option<String>,
    /// The mail waits for review only because of who sent it (the classifier was sure).
    pub held_for_sender: bool,
    /// The further submissions of a mail that carries several (the first is `kind`,
    /// `activity` and the dates above), in the mail's order; empty for most mail.
    pub also: Vec<Submission>,
}

/// What the bot knows about a mail besides its content: when the office's side received it,
/// whether its signature holds, and whether its sender may speak for the unit it names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Provenance {
    /// IMAP `INTERNALDATE`, Maildir delivery time or the top `Received:` line; never `Date:`.
    pub received: Option<DateTime<FixedOffset>>,
    /// `pass d=…`, `fail d=…: why`, `none` (no signature for the From domain, or no key
    /// published), `temperror: why` (DNS did not answer in time), `off` (not checked).
    pub dkim: Option<String>,
    /// `directory`, `confirmed`, `unconfirmed` or `other-unit:NAME` for a plan or report;
    /// `None` for other mail.
    pub sender: Option<String>,
    /// The sender check alone holds the mail for review.
    pub held_for_sender: bool,
}

impl MailRecord {
    /// When the mail reached the office: the office's side's received time, unless that is
    /// later than when it was recorded (a replayed clock); the recording instant for rows
    /// recorded before received times were kept. Never the sender's `Date:`.
    pub fn received_instant(&self) -> DateTime<FixedOffset> {
        match self.received_at {
            Some(r) if r <= self.recorded_at => r,
            _ => self.recorded_at,
        }
    }

    /// Days between the sender's `Date:` and the received time, when more than one day
    /// (a wrong clock, or a backdated mail): shown to the office, never used.
    pub fn date_skew_days(&self) -> Option<i64> {
        let d = self.mail_date?;
        let skew = (d - self.received_instant()).num_seconds().abs();
        (skew > 24 * 3600).then_some(skew / (24 * 3600))
    }

    /// Counts toward an activity's state: a plan or report the office need not check first.
    pub fn is_settled_submission(&self) -> bool {
        self.kind != Kind::Other && self.activity.is_some() && (!self.needs_review || self.reviewed)
    }

    /// Every plan or report the mail carries, the first (its own columns) first; none for
    /// other mail.
    pub fn submissions(&self) -> Vec<Submission> {
        if self.kind == Kind::Other {
            return Vec::new();
        }
        let mut v = vec![Submission {
            kind: self.kind,
            activity: self.activity,
            activity_date: self.activity_date,
            activity_end: self.activity_end,
            reasons: Vec::new(),
        }];
        v.extend(self.also.iter().cloned());
        v
    }

    /// The submissions that count toward their activities' states: each with an activity, of
    /// a mail the office need not check first.
    pub fn settled_submissions(&self) -> Vec<Submission> {
        if self.needs_review && !self.reviewed {
            return Vec::new();
        }
        self.submissions()
            .into_iter()
            .filter(|s| s.kind != Kind::Other && s.activity.is_some())
            .collect()
    }

    /// Whether the mail carries a settled report (as its first submission or a further one).
    pub fn has_settled_report(&self) -> bool {
        self.settled_submissions()
            .iter()
            .any(|s| s.kind == Kind::Report)
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

/// When a recorded mail reached the office, in local time (see
/// [`MailRecord::received_instant`]).
pub fn received_at(m: &MailRecord, tz: Tz) -> NaiveDate {
    m.received_instant().with_timezone(&tz).date_naive()
}

/// What the deadlines and reminders need from the settled plans and reports, folded one mail
/// at a time in id order, so its size does not grow with the mailbox: per activity, the first
/// plan and the first report received, the date the activity has (the latest dated plan's,
/// the first dated report's); and the addresses the units' submissions came from (shown,
/// never used for reminders).
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

/// Where a mail stands in arrival order: its received instant, then its id.
type Arrival = (DateTime<FixedOffset>, i64);

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Side {
    /// (first day, last day) the activity has by this side: for plans the latest received
    /// that states one (a postponement), for reports the first received that states one.
    pub(crate) dated: Option<(NaiveDate, NaiveDate)>,
    dated_by: Option<Arrival>,
    /// The first received (the lowest id among equals) and its local arrival date.
    first: Option<(Arrival, NaiveDate)>,
}

impl Side {
    fn add(&mut self, m: &MailRecord, s: &Submission, tz: Tz, first_date_stays: bool) {
        let arrival = (m.received_instant(), m.id);
        if let Some(d) = s.activity_date {
            let replaces = match self.dated_by {
                None => true,
                Some(by) if first_date_stays => arrival < by,
                Some(by) => arrival > by,
            };
            if replaces {
                self.dated = Some((d, s.activity_end.unwrap_or(d).max(d)));
                self.dated_by = Some(arrival);
            }
        }
        if self.first.is_none_or(|(first, _)| arrival < first) {
            self.first = Some((arrival, received_at(m, tz)));
        }
    }

    /// The id of the mail that is this side's record, if any.
    pub(crate) fn record_id(&self) -> Option<i64> {
        self.first.map(|((_, id), _)| id)
    }

    pub(crate) fn receipt(&self, deadline: Option<NaiveDate>) -> Option<Receipt> {
        self.first.map(|((_, mail_id), received)| Receipt {
            mail_id,
            received,
            on_time: deadline.map(|d| received <= d),
        })
    }
}

impl Submissions {
    /// Takes one mail into account; mails must come in id order. Each settled plan or report
    /// it carries counts for its activity (a mail with the report of one activity and the
    /// plan of the next counts for both); anything else is ignored.
    pub fn add(&mut self, m: &MailRecord, tz: Tz) {
        let subs = m.settled_submissions();
        if subs.is_empty() {
            return;
        }
        if let (Some(unit), Some(addr)) = (&m.unit, &m.from_addr) {
            let pair = (unit.clone(), addr.to_lowercase());
            if self.seen_senders.insert(pair.clone()) {
                self.senders.push(pair);
            }
        }
        for s in &subs {
            let Some(activity) = s.activity else {
                continue;
            };
            let a = self.by_activity.entry(activity).or_default();
            match s.kind {
                Kind::Plan => a.plan.add(m, s, tz, false),
                Kind::Report => a.report.add(m, s, tz, true),
                Kind::Other => {}
            }
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

    /// The mail that is the record for `activity`'s plan or report: the first received.
    pub fn record_of(&self, activity: u32, kind: Kind) -> Option<i64> {
        let a = self.by_activity.get(&activity)?;
        match kind {
            Kind::Plan => a.plan.record_id(),
            Kind::Report => a.report.record_id(),
            Kind::Other => None,
        }
    }
}
