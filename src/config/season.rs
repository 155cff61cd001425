//! `[season] grace_days`: how long a season stays open after its last report deadline.
//!
//! A season ends `grace_days` calendar days (default 30) after the latest report deadline of
//! its activities; after that no reminder, overdue notice or digest goes out for it
//! (`deadlines::season_end`). Late mail is still recorded and acknowledged. This room only
//! checks the value: no I/O, no clock.

use std::path::Path;

use crate::error::ConfigProblem;
use crate::textpos::line_of;

pub const DEFAULT_GRACE_DAYS: u32 = 30;

/// Checks `grace_days`; a bad value is reported with its line and the default used.
pub(super) fn grace_days(
    path: &Path,
    text: &str,
    raw: Option<&toml::Spanned<i64>>,
    problems: &mut Vec<ConfigProblem>,
) -> u32 {
    let Some(v) = raw else {
        return DEFAULT_GRACE_DAYS;
    };
    match u32::try_from(*v.get_ref()) {
        Ok(d) if d <= 366 => d,
        _ => {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_of(text, v.span().start),
                message: format!("grace_days = {} 不是 0 到 366 之间的天数", v.get_ref()),
                fix: "写最后一个报告截止日之后活动季还保持多少天，如 30".into(),
            });
            DEFAULT_GRACE_DAYS
        }
    }
}
