//! The timeliness table for the units' annual performance assessment (绩效考核): one row per
//! activity (plan and report: received, deadline, on time or not, score) and one per unit,
//! under a title row naming the county, the season and the instant it stands at.
//!
//! Each plan and report is 按时, 逾期, 未报 (its deadline has passed without it), 未到期 (its
//! deadline is still ahead, so it counts neither way yet) or 待定 (received, but its deadline is
//! unknown until the activity's date is). Scores follow `[assessment]` and are given only for
//! the first three. XLSX cells hold real dates and numbers; CSV is written by the `csv` crate,
//! UTF-8 with a byte-order mark so Excel and WPS read the Chinese.
//!
//! Reads the store and the calendar; writes only the files it is asked to.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::calendar::Calendar;
use crate::config::{Assessment, Config};
use crate::deadlines::{season_status, ActivityStatus, State};
use crate::error::{Error, Result};
use crate::records::Receipt;
use crate::store::Store;

/// One cell, typed as it goes into the XLSX.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => fmt_number(*n),
            Cell::Date(d) => d.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

fn fmt_number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n:.1}")
    }
}

const HEADERS: [&str; 17] = [
    "序号",
    "责任单位",
    "活动主题",
    "计划月份",
    "活动日期",
    "结束日期",
    "方案收到日期",
    "方案截止日期",
    "方案是否按时",
    "方案得分",
    "报告收到日期",
    "报告截止日期",
    "报告是否按时",
    "报告得分",
    "得分",
    "提醒次数",
    "状态",
];
const WIDTHS: [f64; 17] = [
    6.0, 22.0, 40.0, 9.0, 12.0, 12.0, 13.0, 13.0, 12.0, 9.0, 13.0, 13.0, 12.0, 9.0, 8.0, 9.0, 18.0,
];

const UNIT_HEADERS: [&str; 12] = [
    "责任单位",
    "活动数",
    "方案按时",
    "方案逾期",
    "方案未报",
    "方案未到期",
    "报告按时",
    "报告逾期",
    "报告未报",
    "报告未到期",
    "提醒次数",
    "平均得分",
];

/// How one plan or report stands at the export's instant, and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub label: &'static str,
    pub score: Option<f64>,
}

/// One plan or report: received (on time, late by so many working days, or with its deadline
/// unknown), missed, or not yet due.
pub fn standing(
    receipt: &Option<Receipt>,
    deadline: Option<NaiveDate>,
    missed_anyway: bool,
    today: NaiveDate,
    cal: &Calendar,
    rule: &Assessment,
) -> Standing {
    match receipt {
        Some(Receipt {
            on_time: Some(true),
            ..
        }) => Standing {
            label: "按时",
            score: Some(rule.on_time),
        },
        Some(Receipt {
            on_time: Some(false),
            received,
            ..
        }) => Standing {
            label: "逾期",
            score: deadline
                .and_then(|d| cal.workdays_between(d, *received).ok())
                .map(|n| rule.late(n.max(1))),
        },
        Some(Receipt { on_time: None, .. }) => Standing {
            label: "待定",
            score: None,
        },
        None if missed_anyway || deadline.is_some_and(|d| today > d) => Standing {
            label: "未报",
            score: Some(rule.missing),
        },
        None => Standing {
            label: "未到期",
            score: None,
        },
    }
}

/// The plan's and the report's standing for one activity.
fn standings(s: &ActivityStatus, today: NaiveDate, config: &Config) -> (Standing, Standing) {
    let not_held = s.state == State::NotHeld;
    let plan = standing(
        &s.plan,
        s.plan_deadline,
        not_held,
        today,
        &config.calendar,
        &config.assessment,
    );
    let report = standing(
        &s.report,
        s.report_deadline,
        not_held,
        today,
        &config.calendar,
        &config.assessment,
    );
    (plan, report)
}

/// The activity as it stood on `today`: plans and reports received later are not there yet.
fn as_of(s: &ActivityStatus, today: NaiveDate) -> ActivityStatus {
    let mut s = s.clone();
    s.plan = s.plan.filter(|r| r.received <= today);
    s.report = s.report.filter(|r| r.received <= today);
    s
}

fn mean(scores: &[Option<f64>]) -> Option<f64> {
    let v: Vec<f64> = scores.iter().flatten().copied().collect();
    (!v.is_empty()).then(|| (v.iter().sum::<f64>() / v.len() as f64 * 10.0).round() / 10.0)
}

fn date_cell(d: Option<NaiveDate>) -> Cell {
    d.map(Cell::Date).unwrap_or(Cell::Empty)
}

fn score_cell(s: Option<f64>) -> Cell {
    s.map(Cell::Number).unwrap_or(Cell::Empty)
}

/// The title: county, season, the instant the table stands at.
pub fn title(config: &Config, now: DateTime<FixedOffset>) -> String {
    format!(
        "{}{}年“政务公开主题日”活动报送及时性统计（截至{}）",
        config.county,
        config.year,
        now.with_timezone(&config.timezone)
            .format("%Y年%m月%d日 %H:%M")
    )
}

/// The scoring rule in words, under the title.
pub fn rule_text(rule: &Assessment) -> String {
    format!(
        "得分规则：方案、报告各自计分，按时报送 {} 分；逾期每晚一个工作日扣 {} 分，最低 {} 分；逾期未报 {} 分；未到期和待定（活动日期未定）不计分。“得分”为该项活动已计分材料的平均分。",
        fmt_number(rule.on_time),
        fmt_number(rule.late_per_workday),
        fmt_number(rule.missing),
        fmt_number(rule.missing)
    )
}

/// The activity rows and the unit rows at `now`.
pub fn tables(
    config: &Config,
    statuses: &[ActivityStatus],
    reminders: &HashMap<u32, u32>,
    now: DateTime<FixedOffset>,
) -> (Vec<Vec<Cell>>, Vec<Vec<Cell>>) {
    let today = now.with_timezone(&config.timezone).date_naive();
    let mut rows = Vec::new();
    let mut order: Vec<&str> = Vec::new();
    let mut per: BTreeMap<&str, ([u32; 10], Vec<Option<f64>>)> = BTreeMap::new();
    for orig in statuses {
        // As of `now`: what reached the office later does not count yet.
        let s = &as_of(orig, today);
        let (plan, report) = standings(s, today, config);
        let reminded = reminders.get(&s.number).copied().unwrap_or(0);
        rows.push(vec![
            Cell::Number(s.number as f64),
            Cell::Text(s.unit.clone()),
            Cell::Text(s.theme.clone()),
            Cell::Text(format!("{}月", s.month)),
            date_cell(s.date),
            date_cell(s.end.filter(|e| Some(*e) != s.date)),
            date_cell(s.plan.as_ref().map(|r| r.received)),
            date_cell(s.plan_deadline.filter(|_| !s.plan_deadline_provisional)),
            Cell::Text(plan.label.into()),
            score_cell(plan.score),
            date_cell(s.report.as_ref().map(|r| r.received)),
            date_cell(s.report_deadline),
            Cell::Text(report.label.into()),
            score_cell(report.score),
            score_cell(mean(&[plan.score, report.score])),
            Cell::Number(reminded as f64),
            Cell::Text(s.state.zh().into()),
        ]);
        // Units in the order of their first activity in the schedule, as the office reads it.
        if !order.contains(&orig.unit.as_str()) {
            order.push(orig.unit.as_str());
        }
        let (n, scores) = per.entry(orig.unit.as_str()).or_default();
        n[0] += 1;
        for (st, base) in [(plan, 1), (report, 5)] {
            match st.label {
                "按时" => n[base] += 1,
                "逾期" => n[base + 1] += 1,
                "未报" => n[base + 2] += 1,
                "未到期" => n[base + 3] += 1,
                _ => {}
            }
            scores.push(st.score);
        }
        n[9] += reminded;
    }
    let units = order
        .into_iter()
        .map(|u| {
            let (n, scores) = &per[u];
            std::iter::once(Cell::Text(u.to_string()))
                .chain(n.iter().map(|x| Cell::Number(*x as f64)))
                .chain(std::iter::once(score_cell(mean(scores))))
                .collect()
        })
        .collect();
    (rows, units)
}

/// Writes the timeliness table. CSV: `out` holds the activities and `<out>-units.csv` the
/// per-unit totals. XLSX: two sheets. Returns the files written.
pub fn timeliness(
    config: &Config,
    store: &Store,
    now: DateTime<FixedOffset>,
    format: &str,
    out: &Path,
) -> Result<Vec<PathBuf>> {
    let statuses = season_status(config, &store.submissions(config.timezone)?, now);
    let reminders = store.reminders_per_activity()?;
    let (rows, units) = tables(config, &statuses, &reminders, now);
    let title = title(config, now);
    match format {
        "csv" => {
            let units_path = out.with_file_name(format!(
                "{}-units.csv",
                out.file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("timeliness")
            ));
            write_csv(out, &title, &HEADERS, &rows)?;
            write_csv(&units_path, &title, &UNIT_HEADERS, &units)?;
            Ok(vec![out.to_path_buf(), units_path])
        }
        "xlsx" => {
            write_xlsx(out, &title, &rule_text(&config.assessment), &rows, &units)?;
            Ok(vec![out.to_path_buf()])
        }
        other => Err(Error::Usage(format!(
            "不支持的格式 {other:?}：请用 csv 或 xlsx"
        ))),
    }
}

fn write_csv(path: &Path, title: &str, headers: &[&str], rows: &[Vec<Cell>]) -> Result<()> {
    let werr = |e: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source: e,
    };
    let csv_err = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => werr(e),
        other => Error::Usage(format!("无法写入 {}：{other:?}", path.display())),
    };
    let mut file = std::fs::File::create(path).map_err(werr)?;
    std::io::Write::write_all(&mut file, "\u{feff}".as_bytes()).map_err(werr)?;
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(file);
    w.write_record([title]).map_err(csv_err)?;
    w.write_record(headers).map_err(csv_err)?;
    for r in rows {
        w.write_record(r.iter().map(Cell::text)).map_err(csv_err)?;
    }
    w.flush().map_err(werr)
}

fn write_xlsx(
    out: &Path,
    title: &str,
    rule: &str,
    rows: &[Vec<Cell>],
    units: &[Vec<Cell>],
) -> Result<()> {
    use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};
    let xerr =
        |e: rust_xlsxwriter::XlsxError| Error::Usage(format!("无法写入 {}：{e}", out.display()));
    let bold = Format::new().set_bold().set_background_color("#DDEBF7");
    let title_format = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let note = Format::new().set_font_size(9).set_text_wrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let write_rows = |sheet: &mut Worksheet, first: u32, rows: &[Vec<Cell>]| -> Result<()> {
        for (r, row) in rows.iter().enumerate() {
            let r = first + r as u32;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                match v {
                    Cell::Text(s) => sheet.write_string(r, c, s).map(|_| ()),
                    Cell::Number(n) => sheet.write_number(r, c, *n).map(|_| ()),
                    Cell::Date(d) => {
                        let d = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .map_err(xerr)?;
                        sheet.write_date_with_format(r, c, &d, &date).map(|_| ())
                    }
                    Cell::Empty => Ok(()),
                }
                .map_err(xerr)?;
            }
        }
        Ok(())
    };
    let mut wb = Workbook::new();
    // Sheet 1: the activities, under the title and the scoring rule.
    let sheet = wb.add_worksheet().set_name("活动报送情况").map_err(xerr)?;
    let last = (HEADERS.len() - 1) as u16;
    sheet
        .merge_range(0, 0, 0, last, title, &title_format)
        .map_err(xerr)?;
    sheet
        .merge_range(1, 0, 1, last, rule, &note)
        .map_err(xerr)?;
    sheet.set_row_height(0, 24).map_err(xerr)?;
    sheet.set_row_height(1, 28).map_err(xerr)?;
    for (c, h) in HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(2, c as u16, *h, &bold)
            .map_err(xerr)?;
    }
    write_rows(sheet, 3, rows)?;
    for (c, w) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(c as u16, *w).map_err(xerr)?;
    }
    sheet.set_freeze_panes(3, 0).map_err(xerr)?;
    // Printed for the assessment file: landscape, one page wide, title and header on every page.
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 2).map_err(xerr)?;
    // Sheet 2: per unit.
    let sheet = wb.add_worksheet().set_name("单位汇总").map_err(xerr)?;
    let last = (UNIT_HEADERS.len() - 1) as u16;
    sheet
        .merge_range(0, 0, 0, last, title, &title_format)
        .map_err(xerr)?;
    sheet.set_row_height(0, 24).map_err(xerr)?;
    for (c, h) in UNIT_HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(1, c as u16, *h, &bold)
            .map_err(xerr)?;
    }
    write_rows(sheet, 2, units)?;
    sheet.set_column_width(0, 28).map_err(xerr)?;
    for c in 1..=last {
        sheet.set_column_width(c, 10).map_err(xerr)?;
    }
    sheet.set_freeze_panes(2, 0).map_err(xerr)?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    wb.save(out).map_err(xerr)?;
    Ok(())
}
