//! `[assessment]`: how the timeliness export scores each plan and report for the units'
//! performance assessment (绩效考核).
//!
//! A submission on time scores `on_time`; a late one loses `late_per_workday` for each working
//! day after its deadline, never below `missing`; one not sent by its deadline scores `missing`;
//! one not yet due is not scored. Defaults: 100, 10, 0. Every bad value is reported with its
//! file and line. This room reads only the section it is given: no I/O, no clock.

use std::path::Path;

use serde::Deserialize;

use crate::error::ConfigProblem;
use crate::textpos::{line_containing, line_of};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAssessment {
    on_time: Option<toml::Spanned<f64>>,
    late_per_workday: Option<toml::Spanned<f64>>,
    missing: Option<toml::Spanned<f64>>,
}

/// The scoring rule of the timeliness export.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// Score of a plan or report received by its deadline.
    pub on_time: f64,
    /// Points a late one loses per working day after the deadline.
    pub late_per_workday: f64,
    /// Score of one not received by its deadline; also the floor of a late one.
    pub missing: f64,
}

impl Default for Assessment {
    fn default() -> Self {
        Assessment {
            on_time: 100.0,
            late_per_workday: 10.0,
            missing: 0.0,
        }
    }
}

impl Assessment {
    /// The score of a submission `late_workdays` working days after its deadline (0: on time).
    pub fn late(&self, late_workdays: i64) -> f64 {
        if late_workdays <= 0 {
            return self.on_time;
        }
        (self.on_time - self.late_per_workday * late_workdays as f64).max(self.missing)
    }
}

/// Checks `[assessment]`; every problem names its line in `path`.
pub(super) fn assessment(
    path: &Path,
    text: &str,
    raw: Option<RawAssessment>,
    problems: &mut Vec<ConfigProblem>,
) -> Assessment {
    let raw = raw.unwrap_or_default();
    let d = Assessment::default();
    let line = |v: &Option<toml::Spanned<f64>>, key: &str| {
        v.as_ref()
            .map(|s| line_of(text, s.span().start))
            .or_else(|| line_containing(text, key))
            .unwrap_or(0)
    };
    let get = |v: &Option<toml::Spanned<f64>>, default: f64| {
        v.as_ref().map(|s| *s.get_ref()).unwrap_or(default)
    };
    let a = Assessment {
        on_time: get(&raw.on_time, d.on_time),
        late_per_workday: get(&raw.late_per_workday, d.late_per_workday),
        missing: get(&raw.missing, d.missing),
    };
    let mut problem = |line: usize, message: String, fix: &str| {
        problems.push(ConfigProblem {
            file: path.to_path_buf(),
            line,
            message,
            fix: fix.into(),
        })
    };
    if !(a.on_time.is_finite() && a.on_time > 0.0 && a.on_time <= 1000.0) {
        problem(
            line(&raw.on_time, "on_time"),
            format!("on_time = {} 不是合理的满分", a.on_time),
            "按时报送的得分写作 1 到 1000 之间的数，如 100",
        );
    }
    if !(a.late_per_workday.is_finite() && a.late_per_workday >= 0.0) {
        problem(
            line(&raw.late_per_workday, "late_per_workday"),
            format!("late_per_workday = {} 不能为负数", a.late_per_workday),
            "写每逾期一个工作日扣的分数，如 10；不扣分写 0",
        );
    }
    if !(a.missing.is_finite() && a.missing >= 0.0 && a.missing <= a.on_time) {
        problem(
            line(&raw.missing, "missing"),
            format!(
                "missing = {} 应在 0 到 on_time（{}）之间",
                a.missing, a.on_time
            ),
            "未报送的得分写作 0 到满分之间的数，通常为 0",
        );
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> (Assessment, Vec<ConfigProblem>) {
        #[derive(Deserialize)]
        struct File {
            assessment: Option<RawAssessment>,
        }
        let f: File = toml::from_str(text).unwrap();
        let mut problems = Vec::new();
        let a = assessment(Path::new("t.toml"), text, f.assessment, &mut problems);
        (a, problems)
    }

    #[test]
    fn late_submissions_lose_points_per_working_day_down_to_missing() {
        let a = Assessment {
            on_time: 100.0,
            late_per_workday: 15.0,
            missing: 20.0,
        };
        assert_eq!(a.late(0), 100.0);
        assert_eq!(a.late(1), 85.0);
        assert_eq!(a.late(5), 25.0);
        assert_eq!(a.late(6), 20.0);
        assert_eq!(a.late(60), 20.0);
    }

    #[test]
    fn bad_values_are_reported_with_their_line() {
        let (a, p) = check(
            "[office]\n\n[assessment]\non_time = 100\nlate_per_workday = -5\nmissing = 120\n",
        );
        assert_eq!(a.on_time, 100.0);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!((p[0].line, p[1].line), (5, 6));
        assert!(
            p[0].to_string()
                .starts_with("t.toml:5: late_per_workday = -5 不能为负数"),
            "{}",
            p[0]
        );
        let (a, p) = check("x = 1\n");
        assert!(p.is_empty());
        assert_eq!(a, Assessment::default());
        let (a, p) = check("[assessment]\nlate_per_workday = 2.5\n");
        assert!(p.is_empty());
        assert_eq!(a.late(2), 95.0);
    }
}
