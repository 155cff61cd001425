//! Classify: a parsed mail → plan, report or other, with the unit, activity and date.
//!
//! Pure: the [`Classifier`] is built once from the configuration and then maps a
//! [`ParsedMail`] to a [`Decision`] with no I/O and no clock. Evidence follows DESIGN §3,
//! strongest first: a sender address the directory knows; unit names (full, short, aliases)
//! by where they stand (From name, subject, signature, attachment names weigh more than a
//! mention in passing, and a unit "invited" or "joined" is discounted); the theme, matched on
//! character bigrams weighted by how rare they are among the 25 themes; dates near activity
//! words; plan words against report words. Whatever the evidence cannot settle is left null
//! and flagged `needs_review`: nothing is guessed away silently.
//!
//! One file per concern; [`Classifier::classify`] reads as the list of their stages:
//! `zones` (where each piece of text stands; reply or forward), `units` (unit evidence and the
//! unit decision), `theme` (theme scores and the activity within the unit), `dates` (date
//! parsing, the date candidates and the activity date), `cues` (plan, report and question
//! words, and the kind decision), `eventday` (the unit's own event day inside a campaign
//! range or near a commemorative day), `checks` (look-alikes, scans, several submissions,
//! activities the schedule does not have) and `review` (the decision, its confidence,
//! `needs_review`). A mail in traditional characters is first read as simplified.
//!
//! Invariants: units are indexed in directory order and activities in schedule order
//! throughout; the stages run in a fixed order and append to one list of reasons, so a
//! decision's reasons read in that order. What classify may not do: no I/O (no files,
//! network or store), no clock and no randomness; the same configuration and mail always
//! give the same decision. It returns no errors: what it cannot settle it flags for review.

pub mod dates;

mod checks;
mod cues;
mod eventday;
mod review;
mod split;
mod theme;
mod units;
mod zones;

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::config::Config;
use crate::parse::ParsedMail;
pub use checks::{SCAN_REASON, SEVERAL_REASON, UNSCHEDULED_REASON};
use cues::{decide_kind, Facts, Tally};
use review::decide_other;
use theme::{activity_matchers, ActivityMatcher};
use units::{unit_automaton, unit_matchers, UnitMatcher};
use zones::{zones, Framing};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Plan,
    Report,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Report => "report",
            Kind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "plan" => Some(Kind::Plan),
            "report" => Some(Kind::Report),
            "other" => Some(Kind::Other),
            _ => None,
        }
    }

    /// The Chinese word the office uses.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Plan => "活动方案",
            Kind::Report => "活动情况报告",
            Kind::Other => "其他邮件",
        }
    }
}

/// One plan or report a mail carries: what it is, for which activity, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Submission {
    pub kind: Kind,
    pub activity: Option<u32>,
    pub activity_date: Option<NaiveDate>,
    pub activity_end: Option<NaiveDate>,
    /// Why this part was read so (the part's own reasons; empty for one set by the office).
    pub reasons: Vec<String>,
}

/// What a mail is. The top-level kind, activity and dates are its first submission; a mail
/// that carries several (a report of one activity and the plan of the next) lists the
/// further ones in `also`, each for the same unit. `needs_review` covers the whole mail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub kind: Kind,
    pub unit: Option<String>,
    pub activity: Option<u32>,
    pub activity_date: Option<NaiveDate>,
    pub activity_end: Option<NaiveDate>,
    pub confidence: f64,
    pub needs_review: bool,
    pub automated: bool,
    pub reasons: Vec<String>,
    /// The further submissions of a mail that carries several; empty for most mail.
    pub also: Vec<Submission>,
}

impl Decision {
    fn other(automated: bool, reason: String) -> Decision {
        Decision {
            kind: Kind::Other,
            unit: None,
            activity: None,
            activity_date: None,
            activity_end: None,
            confidence: 0.95,
            needs_review: false,
            automated,
            reasons: vec![reason],
            also: Vec::new(),
        }
    }

    /// Every submission the mail carries, the first (the top-level fields) first; none for
    /// `other` mail.
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
}

/// Built once per configuration; classifies any number of mails.
pub struct Classifier {
    year: i32,
    office_address: String,
    /// Names of the office's own staff (the notice's contacts) and their other addresses:
    /// their mail is internal, never a unit's submission.
    office_staff: Vec<String>,
    office_staff_addresses: HashSet<String>,
    units: Vec<UnitMatcher>,
    /// Every name of every unit in one automaton: a zone is scanned once for all of them.
    unit_names: AhoCorasick,
    /// For each pattern of `unit_names`: (unit index, specificity).
    unit_name_of: Vec<(usize, f64)>,
    activities: Vec<ActivityMatcher>,
}

impl Classifier {
    /// Builds the matchers: unit names and addresses, and the activities' theme bigrams.
    pub fn new(config: &Config) -> Classifier {
        let units = unit_matchers(config);
        let (unit_names, unit_name_of) = unit_automaton(&units);
        let activities = activity_matchers(config, &units);
        Classifier {
            year: config.year,
            office_address: config.office_address.clone(),
            office_staff: config.office_staff.clone(),
            office_staff_addresses: config.office_staff_addresses.iter().cloned().collect(),
            units,
            unit_names,
            unit_name_of,
            activities,
        }
    }

    /// Classifies one mail: the stages below, in order, each noting its reasons. A mail that
    /// carries several submissions is cut into one mail per submission, each read on its own
    /// (`split`).
    pub fn classify(&self, mail: &ParsedMail) -> Decision {
        self.classify_mail(mail, true)
    }

    /// Classifies one part of a mail cut by `split`: it is not cut again.
    fn classify_one(&self, mail: &ParsedMail) -> Decision {
        self.classify_mail(mail, false)
    }

    fn classify_mail(&self, mail: &ParsedMail, split: bool) -> Decision {
        // Traditional characters are read as simplified: names and cues are simplified.
        let simplified = crate::parse::simplified_mail(mail);
        let mail = simplified.as_ref().unwrap_or(mail);
        if let Some(d) = self.screen(mail) {
            return d;
        }
        let from = mail.from_addr.clone().unwrap_or_default();
        let framing = Framing::of(mail);
        tracing::debug!(
            subject = %mail.subject,
            body = %mail.body,
            quoted_chars = mail.quoted.chars().count(),
            reply = framing.reply,
            forward = framing.forward,
            "classifying"
        );
        let zones = zones(mail);
        let mut reasons = Vec::new();

        // Evidence: scores over the zones, and facts about the mail.
        let (unit_score, unit_where) = self.unit_scores(&zones, &from, framing.forward);
        let theme = self.reply_theme_scores(&zones, framing);
        let mentions = self.date_candidates(&zones);
        let mut tally = Tally::of(&zones, framing);
        // "5月18日，县自来水公司组织…开展…" before the mail was sent: an account of what was
        // done, which is what a report is (a plan says 拟于/将于).
        if let Some(sent) = mail.date.map(|d| d.date_naive()) {
            if mentions.iter().any(|c| {
                matches!(c.event, Some("在…开展") | Some("于"))
                    && c.mention.end < sent
                    && (sent - c.mention.end).num_days() <= 60
            }) {
                tally.add_report(3.0, "(an account of a day before it was sent)");
            }
        }
        let facts = Facts::of(mail);

        // Decisions, each noting why in `reasons`.
        let unit = self.decide_unit(&unit_score, &unit_where, &theme, &mut reasons);
        self.note_closest_theme(&theme, &mut reasons);
        let unread = checks::unread_documents(mail);
        reasons.extend(unread.iter().cloned());
        let rests_on_unread = !unread.is_empty() && checks::thin_text(mail);
        let mut kind = decide_kind(&mut tally, &facts, &theme, unit.index, &mut reasons);
        self.screen_lookalikes(mail, framing, &mut kind, &mut reasons);
        if kind.kind == Kind::Other
            && rests_on_unread
            && unit.index.is_some()
            && tally.plan + tally.report >= 2.4
            && !facts.question
        {
            // The document is a scan: its title words are all there is to go on.
            kind.kind = if tally.plan >= tally.report {
                Kind::Plan
            } else {
                Kind::Report
            };
            kind.unclear = true;
            kind.submission_like = false;
        }
        self.lean_by_sent_date(mail, &mut kind, &mentions, unit.index, &mut reasons);
        if kind.kind == Kind::Other
            && rests_on_unread
            && unit.index.is_some()
            && !facts.question
            && !kind.screened
        {
            // Only a picture or a scan from a unit ("盖章版"): what it is, a person reads.
            kind.submission_like = true;
        }
        if kind.kind == Kind::Other {
            let mut d = decide_other(mail, kind.submission_like, reasons);
            if d.needs_review && rests_on_unread {
                d.reasons.push(checks::SCAN_REASON.into());
            }
            return d;
        }
        let several = self.several_submissions(mail, framing);
        if several && split {
            if let Some(d) = self.classify_parts(mail) {
                return d;
            }
            // Read the submission of the kind the words lean to on its own, and flag the mail.
            if let Some(one) = checks::one_submission(mail, kind.kind == Kind::Plan) {
                let mut d = self.classify_one(&one);
                d.needs_review = true;
                d.reasons.insert(
                    0,
                    format!(
                        "several submissions: its {} read on its own",
                        kind.kind.as_str()
                    ),
                );
                if !d.reasons.iter().any(|r| r == checks::SEVERAL_REASON) {
                    d.reasons.push(checks::SEVERAL_REASON.into());
                }
                return d;
            }
        }
        let mut activity = self.decide_activity(unit.index, &theme, &mentions, &mut reasons);
        let unscheduled = unit
            .index
            .is_some_and(|ui| self.unscheduled(mail, ui, &theme, &mentions));
        if unscheduled {
            activity.index = None;
            activity.confidence = 0.0;
            reasons.push(checks::UNSCHEDULED_REASON.into());
        }
        let date = self.decide_date(&mentions, activity.index, kind.kind, &mut reasons);
        if facts.postponed && kind.kind == Kind::Plan {
            return self.refer_postponement(unit.index, activity.index, reasons);
        }
        let contested = date
            .as_ref()
            .is_some_and(|c| self.date_contested(&mentions, c, activity.index));
        if contested {
            reasons.push("another date reads as much like the activity's".into());
        }
        // A date two months or more from the activity's planned month: postponed, or another
        // activity than the one the unit's name points to.
        let far = match (&date, activity.index) {
            (Some(c), Some(i)) => {
                let a = &self.activities[i];
                let d = c.mention.start;
                let months = (d.year() - a.year) * 12 + d.month() as i32 - a.month as i32;
                (months.abs() >= 2).then_some(months)
            }
            _ => None,
        };
        if let Some(m) = far {
            reasons.push(format!(
                "the date is {} months from the activity's planned month",
                m.abs()
            ));
        }
        // A report can only tell of a day before it was sent (the Date: header only raises
        // the question; it settles nothing).
        let report_ahead = kind.kind == Kind::Report
            && matches!((&date, mail.date), (Some(c), Some(sent)) if c.mention.start > sent.date_naive());
        if (report_ahead || !checks::mentions_theme_day(mail)) && checks::periodical(mail) {
            // An issue of the unit's newsletter that announces the activity among its other
            // news: neither its report nor its plan.
            reasons.push("a periodical newsletter, not a theme-day submission".into());
            return decide_other(mail, false, reasons);
        }
        if report_ahead {
            reasons.push("a report of a day after it was sent".into());
        }
        let mut d = self.decide_review(kind, &tally, unit, activity, date, reasons);
        if contested || far.is_some() || report_ahead {
            d.needs_review = true;
        }
        if rests_on_unread {
            d.needs_review = true;
            d.reasons.push(checks::SCAN_REASON.into());
        }
        if several {
            d.needs_review = true;
            d.reasons.push(checks::SEVERAL_REASON.into());
        }
        d
    }

    /// Mail with plan or report words that is no submission: a reply that only acknowledges
    /// what it quotes, a periodic work summary.
    fn screen_lookalikes(
        &self,
        mail: &ParsedMail,
        framing: Framing,
        kind: &mut cues::KindCall,
        reasons: &mut Vec<String>,
    ) {
        if kind.kind == Kind::Other && !kind.submission_like {
            return;
        }
        let why = if checks::acknowledgement(mail, framing) {
            "a reply acknowledging what it quotes, not a submission"
        } else if checks::passes_on_office_mail(mail, &self.office_address) {
            "passes on the office's own mail, adds no submission"
        } else if checks::periodic_summary(mail) {
            "a periodic work summary, not a theme-day submission"
        } else {
            return;
        };
        kind.kind = Kind::Other;
        kind.submission_like = false;
        kind.screened = true;
        reasons.push(why.into());
    }

    /// Mail that is no unit's submission by its headers alone: automated, ours, the office's.
    fn screen(&self, mail: &ParsedMail) -> Option<Decision> {
        if let Some(why) = &mail.automated {
            return Some(Decision::other(true, format!("automated: {why}")));
        }
        if mail.ours {
            return Some(Decision::other(true, "our own mail (loop header)".into()));
        }
        let from = mail.from_addr.as_deref().unwrap_or("");
        if from == self.office_address || self.office_staff_addresses.contains(from) {
            return Some(Decision::other(false, "sent by the office itself".into()));
        }
        if let Some(name) = &mail.from_name {
            if self.office_staff.iter().any(|s| name.trim() == s) {
                return Some(Decision::other(
                    false,
                    format!("sent by office staff ({name})"),
                ));
            }
        }
        None
    }

    /// The activities this mail most likely concerns, best first, with a score: for the office
    /// reviewing a mail the classifier could not settle.
    pub fn candidates(&self, mail: &ParsedMail, n: usize) -> Vec<(u32, f64)> {
        let simplified = crate::parse::simplified_mail(mail);
        let mail = simplified.as_ref().unwrap_or(mail);
        let zones = zones(mail);
        let from = mail.from_addr.clone().unwrap_or_default();
        let (unit_score, _) = self.unit_scores(&zones, &from, false);
        let theme = self.theme_scores(&zones);
        let top = unit_score.iter().copied().fold(0.0, f64::max).max(1e-9);
        let mut v: Vec<(u32, f64)> = self
            .activities
            .iter()
            .zip(&theme)
            .map(|(a, t)| {
                let u = unit_score.get(a.unit).copied().unwrap_or(0.0) / top;
                (a.number, ((u * 0.5 + t * 0.5) * 100.0).round() / 100.0)
            })
            .filter(|(_, s)| *s > 0.0)
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }

    /// Adds a sender address learned for a unit (confirmed by the office, or recognised with
    /// high confidence), so later mail from it counts as that unit's.
    pub fn learn_address(&mut self, unit: &str, address: &str) {
        if let Some(u) = self.units.iter_mut().find(|u| u.name == unit) {
            u.addresses.insert(address.to_lowercase());
        }
    }

    /// Whether the office itself (its address, or one of its staff) sent this mail.
    pub fn from_office(&self, mail: &ParsedMail) -> bool {
        let from = mail.from_addr.as_deref().unwrap_or_default();
        from == self.office_address
            || self.office_staff_addresses.contains(from)
            || mail
                .from_name
                .as_ref()
                .is_some_and(|n| self.office_staff.iter().any(|s| n.trim() == s))
    }
}
