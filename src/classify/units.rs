//! Units: which of the directory's units sent a mail, from its address and where its names
//! stand.
//!
//! Evidence for a unit is a sender address the directory knows (or learned), and its names
//! (full, short, aliases) found in the mail's zones, weighted by the zone and by how specific
//! the name is; a unit "invited" or "joined" (邀请, 联合, …) is discounted. The unit decision
//! then adds each unit's best theme match and takes the unit only when it clearly leads.
//!
//! Invariants: unit indexes are directory order, the same in `Classifier::units`, the score
//! vectors and `ActivityMatcher::unit`; every name of every unit is in one automaton, scanned
//! once per zone. No I/O and no clock.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use super::zones::Zone;
use super::Classifier;
use crate::config::Config;

/// One unit of the directory: its names and the addresses it writes from.
pub(super) struct UnitMatcher {
    pub(super) name: String,
    /// (name, specificity) longest first.
    pub(super) names: Vec<(String, f64)>,
    pub(super) addresses: HashSet<String>,
}

/// The unit decision: the unit (directory index) if the evidence settles it, and how sure.
#[derive(Clone, Copy, Debug)]
pub(super) struct UnitCall {
    pub(super) index: Option<usize>,
    pub(super) confidence: f64,
}

/// The directory's units, each name with its specificity (longer names say more).
pub(super) fn unit_matchers(config: &Config) -> Vec<UnitMatcher> {
    config
        .units
        .iter()
        .map(|u| UnitMatcher {
            name: u.name.clone(),
            names: u
                .names(&config.county)
                .into_iter()
                .map(|n| {
                    let len = n.chars().count();
                    let spec = if len >= 5 {
                        1.0
                    } else if len == 4 {
                        0.9
                    } else {
                        0.7
                    };
                    (n, spec)
                })
                .collect(),
            addresses: u.addresses.iter().cloned().collect(),
        })
        .collect()
}

/// All unit names in one automaton, with each pattern's (unit index, specificity).
pub(super) fn unit_automaton(units: &[UnitMatcher]) -> (AhoCorasick, Vec<(usize, f64)>) {
    let mut patterns = Vec::new();
    let mut unit_name_of = Vec::new();
    for (ui, u) in units.iter().enumerate() {
        for (name, spec) in &u.names {
            patterns.push(name.clone());
            unit_name_of.push((ui, *spec));
        }
    }
    let unit_names = AhoCorasick::new(&patterns).expect("unit names make a valid automaton");
    (unit_names, unit_name_of)
}

impl Classifier {
    /// Evidence for each unit (directory order) and where it was found.
    pub(super) fn unit_scores(
        &self,
        zones: &[(Zone, String)],
        from: &str,
        forward: bool,
    ) -> (Vec<f64>, Vec<Vec<&'static str>>) {
        let mut unit_score = vec![0.0f64; self.units.len()];
        let mut unit_where: Vec<Vec<&'static str>> = vec![Vec::new(); self.units.len()];
        for (ui, u) in self.units.iter().enumerate() {
            if u.addresses.contains(from) {
                unit_score[ui] += 10.0;
                unit_where[ui].push("known sender address");
            }
        }
        let patterns = self.unit_name_of.len();
        let mut best = vec![0.0f64; self.units.len()];
        // Where each name may next match: its occurrences are taken left to right without
        // overlapping themselves, as a search for that name alone would find them.
        let mut next_start = vec![0usize; patterns];
        for (zone, text) in zones {
            best.iter_mut().for_each(|b| *b = 0.0);
            next_start.iter_mut().for_each(|n| *n = 0);
            for m in self.unit_names.find_overlapping_iter(text.as_str()) {
                let p = m.pattern().as_usize();
                if m.start() < next_start[p] {
                    continue;
                }
                next_start[p] = m.end();
                let (ui, spec) = self.unit_name_of[p];
                let before = &text[..m.start()];
                let tail: String = before
                    .chars()
                    .rev()
                    .take(6)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let invited = [
                    "邀请", "联合", "会同", "配合", "协同", "以及", "和", "、", "及",
                ]
                .iter()
                .any(|w| tail.ends_with(w))
                    || ["邀请", "联合", "会同"].iter().any(|w| tail.contains(w));
                let w = if invited { spec * 0.3 } else { spec };
                best[ui] = best[ui].max(w);
            }
            for (ui, b) in best.iter().enumerate() {
                if *b > 0.0 {
                    unit_score[ui] += b * zone.unit_weight(forward);
                    unit_where[ui].push(zone.name());
                }
            }
        }
        (unit_score, unit_where)
    }

    /// The best theme match among a unit's activities, 0–1.
    fn max_theme_of(&self, theme: &[f64], ui: usize) -> f64 {
        self.activities
            .iter()
            .zip(theme)
            .filter(|(a, _)| a.unit == ui)
            .map(|(_, t)| *t)
            .fold(0.0, f64::max)
    }

    /// The unit: name and address evidence plus theme, taken only when it clearly leads.
    pub(super) fn decide_unit(
        &self,
        unit_score: &[f64],
        unit_where: &[Vec<&'static str>],
        theme: &[f64],
        reasons: &mut Vec<String>,
    ) -> UnitCall {
        let mut combined: Vec<(usize, f64)> = (0..self.units.len())
            .map(|ui| {
                let t = self.max_theme_of(theme, ui);
                let theme_part = if t >= 0.25 { t * 6.0 } else { t * 2.0 };
                (ui, unit_score[ui] + theme_part)
            })
            .collect();
        combined.sort_by(|a, b| b.1.total_cmp(&a.1));
        let (best_u, best_c) = combined[0];
        let second_c = combined.get(1).map(|x| x.1).unwrap_or(0.0);
        let best_theme = self.max_theme_of(theme, best_u);
        let unit_ok = (unit_score[best_u] >= 1.0 || best_theme >= 0.45) && best_c > 0.0;
        let unit_conf = if unit_ok {
            (best_c - second_c) / best_c.max(1e-9) * 0.5 + (best_c / 8.0).min(1.0) * 0.5
        } else {
            0.0
        };
        let unit = if unit_ok && best_c >= second_c * 1.15 {
            Some(best_u)
        } else {
            None
        };
        if let Some(ui) = unit {
            if unit_score[ui] > 0.0 {
                reasons.push(format!(
                    "unit {} named in {}",
                    self.units[ui].name,
                    unit_where[ui].join(", ")
                ));
            } else {
                reasons.push(format!(
                    "unit {} inferred from its theme",
                    self.units[ui].name
                ));
            }
        } else if unit_ok {
            reasons.push(format!(
                "unit unclear: {} ({best_c:.1}) vs {} ({second_c:.1})",
                self.units[best_u].name, self.units[combined[1].0].name
            ));
        }
        UnitCall {
            index: unit,
            confidence: unit_conf,
        }
    }
}
