//! The schedule table: the notice's 附件 (活动计划表) as pasted from Word or Excel.
//!
//! [`parse_schedule`] turns the TSV into [`Activity`] rows sorted by 序号, and reports every bad
//! row at once with the schedule file's line and what to write instead. Invariants: each
//! activity has a unique 序号, a non-empty theme and unit, and a month 1–12 of the season year
//! (with a day only when that date exists); `Activity::line` is the 1-based line of its row.
//!
//! [`append_row`] adds an activity the office decided on later (an 11月 theme, an activity a
//! unit proposed, 计划外活动) to the table's text, checked the same way.
//!
//! This module only reads the text it is given: no file I/O, and the unit directory only as
//! the list of names a caller passes (whether a 责任单位 exists is otherwise checked in
//! `validate`, where both are known).

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
                format!("expected 5 tab-separated columns, found {}", cells.len()),
                "each row is 序号<TAB>活动主题<TAB>活动形式<TAB>责任单位<TAB>计划开展时间",
            );
            continue;
        }
        let Ok(number) = cells[0].parse::<u32>() else {
            problem(
                format!("序号 {:?} is not a number", cells[0]),
                "write the row number, e.g. 26",
            );
            continue;
        };
        if let Some(prev) = seen.insert(number, line) {
            problem(
                format!("序号 {number} is used twice (also line {prev})"),
                "give each activity its own number",
            );
            continue;
        }
        if cells[1].is_empty() || cells[3].is_empty() {
            problem(
                "活动主题 or 责任单位 is empty".into(),
                "fill in the theme and the responsible unit",
            );
            continue;
        }
        let Some((month, date)) = parse_planned_time(&cells[4], year) else {
            problem(
                format!("计划开展时间 {:?} is not a month of {year}", cells[4]),
                "write the month as 4月 (1–12), or a day as 6月26日",
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

/// A row the office adds to the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRow {
    /// 序号; the next free number when None.
    pub number: Option<u32>,
    pub theme: String,
    pub form: String,
    pub unit: String,
    /// 计划开展时间 as the table writes it: `11月` or a day `11月16日`.
    pub planned: String,
}

/// The schedule's text with `row` appended, and the row's number; or why not (in Chinese,
/// for the operator). `units` are the directory's unit names (责任单位).
pub fn append_row(
    file: &Path,
    text: &str,
    year: i32,
    units: &[String],
    row: &NewRow,
) -> Result<(String, u32), String> {
    let (acts, problems) = parse_schedule(file, text, year);
    if let Some(p) = problems.first() {
        return Err(format!(
            "活动计划表 {} 第{}行有误：{}，请先修正。",
            file.display(),
            p.line,
            p.message
        ));
    }
    let clean = |s: &str| clean_cell(&s.replace(['\t', '\r', '\n'], " "));
    let (theme, form, unit) = (clean(&row.theme), clean(&row.form), clean(&row.unit));
    if theme.is_empty() {
        return Err("活动主题不能为空。".into());
    }
    if !units.contains(&unit) {
        return Err(format!(
            "责任单位“{unit}”不在单位名录中。请填写名录中的名称之一：{}。",
            units.join("、")
        ));
    }
    let planned = clean(&row.planned);
    if parse_planned_time(&planned, year).is_none() {
        return Err(format!(
            "计划开展时间“{planned}”无法识别，请写成 11月 或 11月16日（{year}年）。"
        ));
    }
    let number = row
        .number
        .unwrap_or_else(|| acts.iter().map(|a| a.number).max().unwrap_or(0) + 1);
    if let Some(a) = acts.iter().find(|a| a.number == number) {
        return Err(format!(
            "序号 {number} 已用于“{}”（第{}行），请换一个序号。",
            a.theme, a.line
        ));
    }
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(if out.contains("\r\n") { "\r\n" } else { "\n" });
    }
    out.push_str(&format!("{number}\t{theme}\t{form}\t{unit}\t{planned}"));
    out.push_str(if text.contains("\r\n") { "\r\n" } else { "\n" });
    // The result must read back as the table it claims to be.
    let (after, problems) = parse_schedule(file, &out, year);
    if !problems.is_empty() || after.len() != acts.len() + 1 {
        return Err("新增后的活动计划表无法通过检查，未作修改。".into());
    }
    Ok((out, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> Vec<String> {
        vec!["县水利局".to_string(), "县公安局".to_string()]
    }

    const TSV: &str =
        "序号\t活动主题\t活动形式\t责任单位\t计划开展时间\n1\t世界水日\t政策发布\t县水利局\t4 月\n";

    fn row(theme: &str, unit: &str, planned: &str) -> NewRow {
        NewRow {
            number: None,
            theme: theme.into(),
            form: "现场宣传".into(),
            unit: unit.into(),
            planned: planned.into(),
        }
    }

    #[test]
    fn appends_the_next_number() {
        let (out, n) = append_row(
            Path::new("s.tsv"),
            TSV,
            2023,
            &units(),
            &row("节约用水 共建节水型社会", "县水利局", "11月"),
        )
        .unwrap();
        assert_eq!(n, 2);
        assert!(
            out.ends_with("2\t节约用水 共建节水型社会\t现场宣传\t县水利局\t11月\n"),
            "{out}"
        );
        let (acts, problems) = parse_schedule(Path::new("s.tsv"), &out, 2023);
        assert!(problems.is_empty());
        assert_eq!(acts[1].month, 11);
    }

    #[test]
    fn refuses_unknown_unit_bad_month_taken_number() {
        let r = |row: &NewRow| append_row(Path::new("s.tsv"), TSV, 2023, &units(), row);
        assert!(r(&row("x", "县交警队", "11月"))
            .unwrap_err()
            .contains("单位名录"));
        assert!(r(&row("x", "县水利局", "冬季"))
            .unwrap_err()
            .contains("无法识别"));
        assert!(r(&row("", "县水利局", "11月")).is_err());
        let mut taken = row("x", "县水利局", "11月");
        taken.number = Some(1);
        assert!(r(&taken).unwrap_err().contains("已用于"));
    }
}
