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
//! words, and the kind decision) and `review` (the decision, its confidence, `needs_review`).
//!
//! Invariants: units are indexed in directory order and activities in schedule order
//! throughout; the stages run in a fixed order and append to one list of reasons, so a
//! decision's reasons read in that order. What classify may not do: no I/O (no files,
//! network or store), no clock and no randomness; the same configuration and mail always
//! give the same decision. It returns no errors: what it cannot settle it flags for review.

pub mod dates;

mod cues;
mod review;
mod theme;
mod units;
mod zones;

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Config;
use crate::parse::ParsedMail;
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
        }
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

    /// Classifies one mail: the stages below, in order, each noting its reasons.
    pub fn classify(&self, mail: &ParsedMail) -> Decision {
        if let Some(d) = self.screen(mail) {
            return d;
        }
        let from = mail.from_addr.clone().unwrap_or_default();
        let framing = Framing::of(mail);
        let zones = zones(mail);
        let mut reasons = Vec::new();

        // Evidence: scores over the zones, and facts about the mail.
        let (unit_score, unit_where) = self.unit_scores(&zones, &from, framing.forward);
        let theme = self.theme_scores(&zones);
        let mentions = self.date_candidates(&zones);
        let mut tally = Tally::of(&zones, framing);
        let facts = Facts::of(mail);

        // Decisions, each noting why in `reasons`.
        let unit = self.decide_unit(&unit_score, &unit_where, &theme, &mut reasons);
        self.note_closest_theme(&theme, &mut reasons);
        let mut kind = decide_kind(&mut tally, &facts, &theme, unit.index, &mut reasons);
        self.lean_by_sent_date(mail, &mut kind, &mentions, unit.index, &mut reasons);
        if kind.kind == Kind::Other {
            return decide_other(mail, kind.submission_like, reasons);
        }
        let activity = self.decide_activity(unit.index, &theme, &mentions, &mut reasons);
        let date = self.decide_date(&mentions, activity.index, kind.kind, &mut reasons);
        if facts.postponed && kind.kind == Kind::Plan {
            return self.refer_postponement(unit.index, activity.index, reasons);
        }
        self.decide_review(kind, &tally, unit, activity, date, reasons)
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
