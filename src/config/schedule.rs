//! The schedule table: the notice's 附件 (活动计划表) as pasted from Word or Excel.
//!
//! [`parse_schedule`] turns the TSV into [`Activity`] rows sorted by 序号, and reports every bad
//! row at once with the schedule file's line and what to write instead. Invariants: each
//! activity has a unique 序号, a non-empty theme and unit, and a month 1–12 of the season year
//! (with a day only when that date exists); `Activity::line` is the 1-based line of its row.
//!
//! This module only reads the text it is given: no file I/O and no knowledge of the unit
//! directory (whether a 责任单位 exists is checked in `validate`, where both are known).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::Activity;
use crate::error::ConfigProblem;

/// Parses the schedule table as pasted from Word or Excel: tab-separated, one header row (which
/// may repeat at page breaks), cells possibly quoted by Excel, months written `4 月`, `4月`,
/// `2023年4月` or a day `6月26日`.
pub fn parse_schedule(file: &Path, text: &str, year: i32) -> (Vec<Activity>, Vec<ConfigProblem>) {
    let mut acts: Vec<Activity> = Vec::new();
    let mut problems = Vec::new();
    let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw_line) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw_line.trim_end_matches('\r');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let cells: Vec<String> = l.split('\t').map(clean_cell).collect();
        if cells.first().is_some_and(|c| c == "序号") {
            continue; // header, possibly repeated
        }
        let mut problem = |message: String, fix: &str| {
            problems.push(ConfigProblem {
                file: file.to_path_buf(),
                line,
                message,
                fix: fix.into(),
            })
        };
        if cells.len() != 5 {
            problem(
                format!("应有 5 列（以制表符分隔），实际 {} 列", cells.len()),
                "每行依次为 序号<TAB>活动主题<TAB>活动形式<TAB>责任单位<TAB>计划开展时间",
            );
            continue;
        }
        let Ok(number) = cells[0].parse::<u32>() else {
            problem(format!("序号 {:?} 不是数字", cells[0]), "填写序号，如 26");
            continue;
        };
        if let Some(prev) = seen.insert(number, line) {
            problem(
                format!("序号 {number} 重复（第 {prev} 行也用了）"),
                "每项活动用不同的序号",
            );
            continue;
        }
        if cells[1].is_empty() || cells[3].is_empty() {
            problem("活动主题或责任单位为空".into(), "填写活动主题和责任单位");
            continue;
        }
        let Some((month, date)) = parse_planned_time(&cells[4], year) else {
            problem(
                format!("计划开展时间 {:?} 不是 {year} 年的月份", cells[4]),
                "月份写作 4月（1–12），具体日期写作 6月26日",
            );
            continue;
        };
        acts.push(Activity {
            number,
            theme: cells[1].clone(),
            form: cells[2].clone(),
            unit: cells[3].clone(),
            year,
            month,
            date,
            line,
        });
    }
    acts.sort_by_key(|a| a.number);
    (acts, problems)
}

fn clean_cell(c: &str) -> String {
    let c = c.trim();
    let c = if c.len() >= 2 && c.starts_with('"') && c.ends_with('"') {
        c[1..c.len() - 1].replace("\"\"", "\"")
    } else {
        c.to_string()
    };
    // Word tables carry full-width and non-breaking spaces; the schedule's names keep none.
    c.replace(['\u{a0}', '\u{3000}'], " ").trim().to_string()
}

fn parse_planned_time(cell: &str, year: i32) -> Option<(u32, Option<NaiveDate>)> {
    let s: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s
        .strip_prefix(&format!("{year}年"))
        .unwrap_or(&s)
        .to_string();
    let (m, rest) = s.split_once('月')?;
    let month: u32 = m.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let rest = rest.trim_end_matches("份");
    if rest.is_empty() {
        return Some((month, None));
    }
    let day: u32 = rest
        .strip_suffix('日')
        .or_else(|| rest.strip_suffix('号'))?
        .parse()
        .ok()?;
    Some((month, Some(NaiveDate::from_ymd_opt(year, month, day)?)))
}
