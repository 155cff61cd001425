//! The schedule table: the notice's 附件 (活动计划表) as pasted from Word or Excel.
//!
//! [`parse_schedule`] reads the table as real TSV (or CSV, for a `.csv` file or a table without
//! tabs) with the `csv` crate: a cell that holds a line break or a tab comes quoted, `""` inside
//! it, as Excel writes it when a range is copied. It turns the rows into [`Activity`] values
//! sorted by 序号 and reports every bad row at once with the schedule file's line and what to
//! write instead. Invariants: each activity has a unique 序号, a non-empty theme and unit, and a
//! month 1–12 of the season year (with a day only when that date exists); `Activity::line` is
//! the 1-based line on which its row starts; a line break inside a cell is joined away.
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
use crate::textpos::line_of;

/// The field separator: a tab, unless the file is a `.csv` or its text has no tab but commas.
fn delimiter(file: &Path, text: &str) -> u8 {
    let csv_name = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv_name || (!text.contains('\t') && text.contains(',')) {
        b','
    } else {
        b'\t'
    }
}

/// Parses the schedule table as pasted from Word or Excel: tab-separated (or a CSV file), one
/// header row (which may repeat at page breaks), cells quoted by Excel when they hold a line
/// break, months written `4 月`, `4月`, `2023年4月` or a day `6月26日`.
pub fn parse_schedule(file: &Path, text: &str, year: i32) -> (Vec<Activity>, Vec<ConfigProblem>) {
    let mut acts: Vec<Activity> = Vec::new();
    let mut problems = Vec::new();
    let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delim = delimiter(file, text);
    let sep = if delim == b',' { "," } else { "<TAB>" };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        let mut problem = |line: usize, message: String, fix: String| {
            problems.push(ConfigProblem {
                file: file.to_path_buf(),
                line,
                message,
                fix,
            })
        };
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                problem(
                    e.position().map(|p| p.line() as usize).unwrap_or(line),
                    format!("无法读取这一行：{e}"),
                    "按制表符分隔的表格粘贴（从 Word/Excel 复制）".into(),
                );
                break;
            }
        }
        // The csv crate ends a CRLF row at its CR, so its line count lags and the row's offset
        // points at the LF before it: skip line breaks to the row's first cell.
        let line = record
            .position()
            .map(|p| {
                let at = p.byte() as usize;
                let skip = text.as_bytes()[at.min(text.len())..]
                    .iter()
                    .take_while(|b| **b == b'\r' || **b == b'\n')
                    .count();
                line_of(text, at + skip)
            })
            .unwrap_or(line);
        let mut cells: Vec<String> = record.iter().map(clean_cell).collect();
        // Excel copies the empty cells right of the table too.
        while cells.len() > 5 && cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        if cells.iter().all(|c| c.is_empty()) || cells[0].starts_with('#') {
            continue;
        }
        if cells.first().is_some_and(|c| c == "序号") {
            continue; // header, possibly repeated
        }
        let mut problem = |message: String, fix: &str| problem(line, message, fix.to_string());
        if cells.len() != 5 {
            let quoted = record.iter().any(|c| c.contains('\n'));
            problem(
                format!(
                    "应有 5 列（以{}分隔），实际 {} 列",
                    if delim == b',' { "逗号" } else { "制表符" },
                    cells.len()
                ),
                &format!(
                    "每行依次为 序号{sep}活动主题{sep}活动形式{sep}责任单位{sep}计划开展时间{}",
                    if quoted {
                        "；单元格内有换行时，整个单元格须用英文双引号括起来，引号须成对（从 Excel 复制时会自动这样做）"
                    } else {
                        ""
                    }
                ),
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

/// One cell as the schedule means it: on one line (a line break between Chinese characters
/// joins them, elsewhere it is a space), without Word's full-width and non-breaking spaces.
fn clean_cell(c: &str) -> String {
    let c = c.replace(['\u{a0}', '\u{3000}'], " ");
    let mut out = String::new();
    for part in c
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let join = match (out.chars().last(), part.chars().next()) {
            (Some(a), Some(b)) => a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric(),
            _ => false,
        };
        if join {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
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

    const HEADER: &str = "序号\t活动主题\t活动形式\t责任单位\t计划开展时间\r\n";

    #[test]
    fn an_excel_paste_with_a_multi_line_cell_loads() {
        // Excel puts a cell with a line break in quotes (and doubles the quotes inside), ends
        // rows with CRLF, and copies the empty column right of the table.
        let text = format!(
            "{HEADER}1\t\"“强化依法治水，携手共护母亲河”\r\n世界水日，中国水周主题活动\"\t\"政策发布、\r\n有奖问答比赛等\"\t县水利局\t4 月\t\r\n2\t\"优化\"\"经济\"\"环境\"\t现场宣传\t县市监局\t4 月\t\r\n3\t法治政府示范创建宣传\t问卷调查\t县司法局\t13 月\t\r\n"
        );
        let (acts, problems) = parse_schedule(Path::new("s.tsv"), &text, 2023);
        assert_eq!(acts.len(), 2, "{problems:?}");
        assert_eq!(
            acts[0].theme,
            "“强化依法治水，携手共护母亲河”世界水日，中国水周主题活动"
        );
        assert_eq!(acts[0].form, "政策发布、有奖问答比赛等");
        assert_eq!((acts[0].line, acts[0].month), (2, 4));
        assert_eq!(acts[1].theme, "优化\"经济\"环境");
        // The rows after the two-line cells keep their own line numbers.
        assert_eq!(acts[1].line, 5);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 6);
        assert!(problems[0].message.contains("\"13 月\""), "{}", problems[0]);
    }

    #[test]
    fn a_cell_with_an_unpaired_quote_is_reported_with_the_fix() {
        let text = format!(
            "{HEADER}1\t\"活动\r\n主题\t形式\t县水利局\t4月\r\n2\t主题\t形式\t县市监局\t4月\r\n"
        );
        let (acts, problems) = parse_schedule(Path::new("s.tsv"), &text, 2023);
        assert!(acts.is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].fix.contains("引号须成对"), "{}", problems[0]);
    }

    #[test]
    fn words_split_across_lines_keep_a_space_and_comments_blank_lines_headers_are_skipped() {
        let text = "# 2024 年计划表\n\n序号\t活动主题\t活动形式\t责任单位\t计划开展时间\n7\t\"Open\nDay\"\t座谈\t县民政局\t2024年4月\n序号\t活动主题\t活动形式\t责任单位\t计划开展时间\n8\t主题\t形式\t县水利局\t6月26日\n";
        let (acts, problems) = parse_schedule(Path::new("s.tsv"), text, 2024);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(acts[0].theme, "Open Day");
        assert_eq!(acts[1].date, NaiveDate::from_ymd_opt(2024, 6, 26));
        assert_eq!((acts[0].line, acts[1].line), (4, 7));
    }

    #[test]
    fn a_csv_file_is_read_with_commas() {
        let text = "序号,活动主题,活动形式,责任单位,计划开展时间\n1,\"主题，含逗号, 和英文逗号\",宣传,县水利局,4月\n";
        let (acts, problems) = parse_schedule(Path::new("s.csv"), text, 2023);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(acts[0].theme, "主题，含逗号, 和英文逗号");
    }

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
