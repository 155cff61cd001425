//! Theme: which of the season's activities a mail is about, by its theme.
//!
//! Each activity's theme (the schedule's wording, without the words every mail of the season
//! carries) is cut into character bigrams, weighted by how rare they are among all themes.
//! A mail matches a theme by the share of that weight it carries, counting only runs of two
//! or more matched bigrams. Once the unit is known, its activity is the one whose theme (and
//! planned month) fits clearly best.
//!
//! Invariants: activity indexes are schedule order, the same in `Classifier::activities` and
//! the theme score vectors; theme scores are 0–1. No I/O and no clock.

use std::collections::{HashMap, HashSet};

use chrono::Datelike;

use super::dates::Candidate;
use super::units::UnitMatcher;
use super::zones::Zone;
use super::Classifier;
use crate::config::Config;

/// Words every mail of the season carries; they say nothing about which activity it is.
const THEME_NOISE: &[&str] = &[
    "政务公开主题日",
    "政务公开",
    "主题活动",
    "活动",
    "主题",
    "宣传日",
    "开展",
];

/// Two consecutive characters (letters and digits only, ASCII lowercased).
type Bigram = (char, char);

/// The bigrams of a text, in order (repeats kept).
fn bigrams(s: &str) -> Vec<Bigram> {
    let chars: Vec<char> = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// A theme without the season's common words (`THEME_NOISE`).
fn theme_core(theme: &str) -> String {
    let mut t = theme.to_string();
    for n in THEME_NOISE {
        t = t.replace(n, " ");
    }
    t
}

/// One activity of the schedule: its number, unit, planned month and theme bigrams.
pub(super) struct ActivityMatcher {
    pub(super) number: u32,
    pub(super) unit: usize,
    pub(super) year: i32,
    pub(super) month: u32,
    pub(super) grams: Vec<(Bigram, f64)>,
    pub(super) total: f64,
}

impl ActivityMatcher {
    /// Whether `text` names this activity's theme: it shares a run of two or more of the
    /// theme's bigrams (three characters or more), or says 主题日.
    pub(super) fn named_in(&self, text: &str) -> bool {
        if text.contains("主题日") {
            return true;
        }
        let grams: HashSet<Bigram> = bigrams(text).into_iter().collect();
        self.grams
            .windows(2)
            .any(|w| grams.contains(&w[0].0) && grams.contains(&w[1].0))
    }
}

/// The activity decision: the activity (schedule index) if the evidence settles it, and how
/// sure.
#[derive(Clone, Copy, Debug)]
pub(super) struct ActivityCall {
    pub(super) index: Option<usize>,
    pub(super) confidence: f64,
}

/// The schedule's activities, each theme's bigrams weighted by their rarity across themes.
pub(super) fn activity_matchers(config: &Config, units: &[UnitMatcher]) -> Vec<ActivityMatcher> {
    // Bigram document frequency across themes.
    let theme_grams: Vec<Vec<Bigram>> = config
        .activities
        .iter()
        .map(|a| {
            let mut seen = HashSet::new();
            bigrams(&theme_core(&a.theme))
                .into_iter()
                .filter(|g| seen.insert(*g))
                .collect()
        })
        .collect();
    let mut df: HashMap<Bigram, usize> = HashMap::new();
    for g in &theme_grams {
        for x in g {
            *df.entry(*x).or_default() += 1;
        }
    }
    let n = config.activities.len().max(1) as f64;
    config
        .activities
        .iter()
        .zip(&theme_grams)
        .map(|(a, grams)| {
            let grams: Vec<(Bigram, f64)> = grams
                .iter()
                .map(|g| (*g, (1.0 + n / df[g] as f64).ln()))
                .collect();
            let total = grams.iter().map(|g| g.1).sum::<f64>().max(1e-9);
            ActivityMatcher {
                number: a.number,
                unit: units
                    .iter()
                    .position(|u| u.name == a.unit)
                    .unwrap_or(usize::MAX),
                year: a.year,
                month: a.month,
                grams,
                total,
            }
        })
        .collect()
}

impl Classifier {
    /// How much of each activity's theme (schedule order) the mail carries, 0–1.
    /// Theme scores of a mail; a reply whose own new text plainly names a theme is read by
    /// that text, not by the subject and the quoted mail it answers (which may be about
    /// another activity).
    pub(super) fn reply_theme_scores(
        &self,
        zones: &[(Zone, String)],
        framing: super::zones::Framing,
    ) -> Vec<f64> {
        if framing.reply && !framing.forward {
            let own: Vec<(Zone, String)> = zones
                .iter()
                .filter(|(z, _)| !matches!(z, Zone::Subject | Zone::Quoted))
                .cloned()
                .collect();
            let scores = self.theme_scores(&own);
            if scores.iter().copied().fold(0.0, f64::max) >= 0.6 {
                return scores;
            }
        }
        self.theme_scores(zones)
    }

    pub(super) fn theme_scores(&self, zones: &[(Zone, String)]) -> Vec<f64> {
        let all_text: String = zones
            .iter()
            .filter(|(z, _)| *z != Zone::FromName)
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let mail_grams: HashSet<Bigram> = bigrams(&all_text).into_iter().collect();
        self.activities
            .iter()
            .map(|a| {
                // A bigram counts only inside a run of two or more matched bigrams (a shared
                // substring of three characters or more): lone bigrams are chance.
                let hit: Vec<bool> = a
                    .grams
                    .iter()
                    .map(|(g, _)| mail_grams.contains(g))
                    .collect();
                let matched: f64 = (0..hit.len())
                    .filter(|&i| {
                        hit[i] && ((i > 0 && hit[i - 1]) || (i + 1 < hit.len() && hit[i + 1]))
                    })
                    .map(|i| a.grams[i].1)
                    .sum();
                matched / a.total
            })
            .collect()
    }

    /// Notes the theme the mail comes closest to, if any.
    pub(super) fn note_closest_theme(&self, theme: &[f64], reasons: &mut Vec<String>) {
        if let Some((i, t)) = theme.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) {
            if *t > 0.0 {
                reasons.push(format!(
                    "closest theme: activity {} ({:.0}%)",
                    self.activities[i].number,
                    t * 100.0
                ));
            }
        }
    }

    /// The activity within the unit: its only one, or the clear leader by theme and month.
    pub(super) fn decide_activity(
        &self,
        unit: Option<usize>,
        theme: &[f64],
        mentions: &[Candidate],
        reasons: &mut Vec<String>,
    ) -> ActivityCall {
        let candidates: Vec<usize> = match unit {
            Some(ui) => (0..self.activities.len())
                .filter(|&i| self.activities[i].unit == ui)
                .collect(),
            None => Vec::new(),
        };
        let mut activity: Option<usize> = None;
        let mut act_conf = 0.0;
        if candidates.len() == 1 {
            activity = Some(candidates[0]);
            act_conf = 1.0;
        } else if candidates.len() > 1 {
            let mut scored: Vec<(usize, f64)> = candidates
                .iter()
                .map(|&i| {
                    let a = &self.activities[i];
                    let month_hit = mentions.iter().filter(|m| m.weight >= 2.0).any(|m| {
                        m.mention.start.month() == a.month && m.mention.start.year() == a.year
                    });
                    (i, theme[i] + if month_hit { 0.25 } else { 0.0 })
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            let (top, s1) = scored[0];
            let s2 = scored[1].1;
            if s1 >= 0.15 && s1 - s2 >= 0.08 {
                activity = Some(top);
                act_conf = ((s1 - s2) / s1.max(1e-9)).clamp(0.3, 1.0);
                reasons.push(format!(
                    "activity {} by theme/date ({s1:.2} vs {s2:.2})",
                    self.activities[top].number
                ));
            } else {
                reasons.push(format!(
                    "activity unclear among {}",
                    candidates
                        .iter()
                        .map(|&i| self.activities[i].number.to_string())
                        .collect::<Vec<_>>()
                        .join("/")
                ));
            }
        }
        if let Some(i) = activity {
            reasons.push(format!(
                "theme of activity {} matched {:.0}%",
                self.activities[i].number,
                theme[i] * 100.0
            ));
        }
        ActivityCall {
            index: activity,
            confidence: act_conf,
        }
    }
}
