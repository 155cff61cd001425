//! Review: the end of classification: the decision, its confidence, and whether a person
//! must look at the mail.
//!
//! Whatever the evidence cannot settle is left null and flagged `needs_review`, never
//! guessed: a mail of no kind that still looks like a submission, or that has no readable
//! text; a postponement or cancellation (the office updates the schedule); a submission
//! whose unit, activity or date is missing, whose plan and report evidence are close, whose
//! kind leans on the sent date alone, or whose confidence is low.
//!
//! Invariants: confidence is 0–1, rounded to two decimals, the weakest of the unit, activity
//! and kind confidences (less without a date). No I/O and no clock.

use super::cues::{KindCall, Tally};
use super::dates::Candidate;
use super::theme::ActivityCall;
use super::units::UnitCall;
use super::zones::is_cjk;
use super::{Classifier, Decision, Kind};
use crate::parse::ParsedMail;

/// No kind: other, for review when it looks like a submission or has no readable text.
pub(super) fn decide_other(
    mail: &ParsedMail,
    submission_like: bool,
    reasons: Vec<String>,
) -> Decision {
    let mut d = Decision::other(false, "no plan or report evidence".into());
    d.reasons = reasons;
    let readable = [
        mail.subject.as_str(),
        mail.body.as_str(),
        mail.quoted.as_str(),
    ]
    .iter()
    .map(|t| t.chars().filter(|c| is_cjk(*c)).count())
    .sum::<usize>()
        + mail
            .attachments
            .iter()
            .filter_map(|a| a.text.as_deref())
            .map(|t| t.chars().filter(|c| is_cjk(*c)).count())
            .sum::<usize>();
    if submission_like {
        d.needs_review = true;
        d.confidence = 0.3;
        d.reasons
            .push("looks like a submission but its kind is unclear".into());
    } else if readable < 8
        && (!mail.problems.is_empty() || looks_encoded(&mail.body) || !mail.attachments.is_empty())
    {
        d.needs_review = true;
        d.confidence = 0.2;
        d.reasons
            .push("no readable text: a person should open it".into());
    } else {
        d.reasons.push("not a plan or report".into());
    }
    d
}

impl Classifier {
    /// A postponed or cancelled activity: other, for the office to update its date.
    pub(super) fn refer_postponement(
        &self,
        unit: Option<usize>,
        activity: Option<usize>,
        mut reasons: Vec<String>,
    ) -> Decision {
        reasons.push(
            "the activity is postponed or cancelled: the office should update its date".into(),
        );
        Decision {
            kind: Kind::Other,
            unit: unit.map(|ui| self.units[ui].name.clone()),
            activity: activity.map(|i| self.activities[i].number),
            activity_date: None,
            activity_end: None,
            confidence: 0.4,
            needs_review: true,
            automated: false,
            reasons,
            also: Vec::new(),
        }
    }

    /// The final decision: confidence from the weakest evidence, and `needs_review`.
    pub(super) fn decide_review(
        &self,
        kind: KindCall,
        tally: &Tally,
        unit: UnitCall,
        activity: ActivityCall,
        chosen: Option<Candidate>,
        mut reasons: Vec<String>,
    ) -> Decision {
        let (kind, kind_unclear) = (kind.kind, kind.unclear);
        let (plan, report) = (tally.plan, tally.report);
        let total = plan + report;
        let kind_margin = tally.margin();
        let (unit, unit_conf) = (unit.index, unit.confidence);
        let (activity, act_conf) = (activity.index, activity.confidence);
        let kind_conf = (0.5 + kind_margin * 0.5) * (total / 6.0).min(1.0);
        let mut confidence = unit_conf
            .min(if activity.is_some() { act_conf } else { 0.2 })
            .min(kind_conf);
        if chosen.is_none() {
            confidence *= 0.8;
        }
        let confidence = (confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0;
        let needs_review = unit.is_none()
            || activity.is_none()
            || chosen.is_none()
            || kind_margin < 0.15
            || kind_unclear
            || confidence < 0.35;
        if kind_margin < 0.15 {
            reasons.push("plan and report evidence are close".into());
        }
        Decision {
            kind,
            unit: unit.map(|ui| self.units[ui].name.clone()),
            activity: activity.map(|i| self.activities[i].number),
            activity_date: chosen.as_ref().map(|c| c.mention.start),
            activity_end: chosen.as_ref().map(|c| c.mention.end),
            confidence,
            needs_review,
            automated: false,
            reasons,
            also: Vec::new(),
        }
    }
}

/// Body text that is still base64 or quoted-printable: a MIME structure that did not decode.
fn looks_encoded(body: &str) -> bool {
    let lines: Vec<&str> = body.lines().filter(|l| l.trim().len() >= 40).collect();
    !lines.is_empty()
        && lines
            .iter()
            .filter(|l| {
                l.trim()
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
            })
            .count()
            * 2
            >= lines.len()
}
