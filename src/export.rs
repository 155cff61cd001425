//! Exports for the office: the timeliness table for the annual performance assessment
//! (绩效考核), as CSV or XLSX. (The portal column is `crate::portal`.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::deadlines::{season_status, ActivityStatus};
use crate::error::{Error, Result};
use crate::records::Receipt;
use crate::store::Store;

const HEADERS: [&str; 13] = [
    "序号",
    "责任单位",
    "活动主题",
    "计划月份",
    "活动日期",
    "方案收到日期",
    "方案截止日期",
    "方案是否按时",
    "报告收到日期",
    "报告截止日期",
    "报告是否按时",
    "提醒次数",
    "状态",
];

const UNIT_HEADERS: [&str; 9] = [
    "责任单位",
    "活动数",
    "方案按时",
    "方案逾期",
    "方案未报",
    "报告按时",
    "报告逾期",
    "报告未报",
    "提醒次数",
];

fn on_time(r: &Option<Receipt>) -> &'static str {
    match r {
        None => "未报",
        Some(Receipt {
            on_time: Some(true),
            ..
        }) => "按时",
        Some(Receipt {
            on_time: Some(false),
            ..
        }) => "逾期",
        Some(Receipt { on_time: None, .. }) => "待定",
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn rows(
    statuses: &[ActivityStatus],
    reminders: &std::collections::HashMap<u32, u32>,
) -> Vec<Vec<String>> {
    statuses
        .iter()
        .map(|s| {
            vec![
                s.number.to_string(),
                s.unit.clone(),
                s.theme.clone(),
                format!("{}月", s.month),
                match (s.date, s.end) {
                    (Some(d), Some(e)) if d != e => format!("{d}至{e}"),
                    (d, _) => date(d),
                },
                date(s.plan.as_ref().map(|r| r.received)),
                date(s.plan_deadline.filter(|_| !s.plan_deadline_provisional)),
                on_time(&s.plan).to_string(),
                date(s.report.as_ref().map(|r| r.received)),
                date(s.report_deadline),
                on_time(&s.report).to_string(),
                reminders.get(&s.number).copied().unwrap_or(0).to_string(),
                s.state.zh().to_string(),
            ]
        })
        .collect()
}

fn unit_rows(
    statuses: &[ActivityStatus],
    reminders: &std::collections::HashMap<u32, u32>,
) -> Vec<Vec<String>> {
    // Units in the order of their first activity in the schedule, as the office reads it.
    let mut order: Vec<&str> = Vec::new();
    let mut per: BTreeMap<&str, [u32; 8]> = BTreeMap::new();
    for s in statuses {
        if !order.contains(&s.unit.as_str()) {
            order.push(s.unit.as_str());
        }
        let e = per.entry(s.unit.as_str()).or_default();
        e[0] += 1;
        match on_time(&s.plan) {
            "按时" => e[1] += 1,
            "逾期" => e[2] += 1,
            "未报" => e[3] += 1,
            _ => {}
        }
        match on_time(&s.report) {
            "按时" => e[4] += 1,
            "逾期" => e[5] += 1,
            "未报" => e[6] += 1,
            _ => {}
        }
        e[7] += reminders.get(&s.number).copied().unwrap_or(0);
    }
    order
        .into_iter()
        .map(|u| {
            std::iter::once(u.to_string())
                .chain(per[u].iter().map(|n| n.to_string()))
                .collect()
        })
        .collect()
}

fn csv_line(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Writes the timeliness table. CSV: `out` holds the activities and `<out>-units.csv` the
/// per-unit totals, UTF-8 with a byte-order mark so Excel and WPS read the Chinese. XLSX: two
/// sheets. Returns the files written.
pub fn timeliness(
    config: &Config,
    store: &Store,
    now: DateTime<FixedOffset>,
    format: &str,
    out: &Path,
) -> Result<Vec<PathBuf>> {
    let statuses = season_status(config, &store.submissions(config.timezone)?, now);
    let reminders = store.reminders_per_activity()?;
    let rows = rows(&statuses, &reminders);
    let units = unit_rows(&statuses, &reminders);
    let werr = |path: &Path, e: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source: e,
    };
    match format {
        "csv" => {
            let write = |path: &Path, headers: &[&str], rows: &[Vec<String>]| -> Result<()> {
                let mut text = String::from("\u{feff}");
                text.push_str(&csv_line(
                    &headers.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
                ));
                text.push_str("\r\n");
                for r in rows {
                    text.push_str(&csv_line(r));
                    text.push_str("\r\n");
                }
                std::fs::write(path, text).map_err(|e| werr(path, e))
            };
            let units_path = out.with_file_name(format!(
                "{}-units.csv",
                out.file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("timeliness")
            ));
            write(out, &HEADERS, &rows)?;
            write(&units_path, &UNIT_HEADERS, &units)?;
            Ok(vec![out.to_path_buf(), units_path])
        }
        "xlsx" => {
            use rust_xlsxwriter::{Format, Workbook};
            let xerr = |e: rust_xlsxwriter::XlsxError| {
                Error::Usage(format!("cannot write {}: {e}", out.display()))
            };
            let mut wb = Workbook::new();
            let bold = Format::new().set_bold().set_background_color("#DDEBF7");
            let sheet = wb.add_worksheet().set_name("活动报送情况").map_err(xerr)?;
            for (c, h) in HEADERS.iter().enumerate() {
                sheet
                    .write_string_with_format(0, c as u16, *h, &bold)
                    .map_err(xerr)?;
            }
            for (r, row) in rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    if (c == 0 || c == 11) && !v.is_empty() {
                        sheet
                            .write_number((r + 1) as u32, c as u16, v.parse::<f64>().unwrap_or(0.0))
                            .map_err(xerr)?;
                    } else {
                        sheet
                            .write_string((r + 1) as u32, c as u16, v)
                            .map_err(xerr)?;
                    }
                }
            }
            for (c, w) in [6, 24, 48, 10, 24, 14, 14, 12, 14, 14, 12, 10, 18]
                .iter()
                .enumerate()
            {
                sheet.set_column_width(c as u16, *w).map_err(xerr)?;
            }
            sheet.set_freeze_panes(1, 0).map_err(xerr)?;
            // Printed for the assessment file: landscape, one page wide, header on every page.
            sheet.set_landscape();
            sheet.set_paper_size(9);
            sheet.set_print_fit_to_pages(1, 0);
            sheet.set_repeat_rows(0, 0).map_err(xerr)?;
            let sheet = wb.add_worksheet().set_name("单位汇总").map_err(xerr)?;
            for (c, h) in UNIT_HEADERS.iter().enumerate() {
                sheet
                    .write_string_with_format(0, c as u16, *h, &bold)
                    .map_err(xerr)?;
            }
            for (r, row) in units.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    if c == 0 {
                        sheet.write_string((r + 1) as u32, 0, v).map_err(xerr)?;
                    } else {
                        sheet
                            .write_number((r + 1) as u32, c as u16, v.parse::<f64>().unwrap_or(0.0))
                            .map_err(xerr)?;
                    }
                }
            }
            sheet.set_column_width(0, 28).map_err(xerr)?;
            sheet.set_landscape();
            sheet.set_paper_size(9);
            sheet.set_print_fit_to_pages(1, 0);
            wb.save(out).map_err(xerr)?;
            Ok(vec![out.to_path_buf()])
        }
        other => Err(Error::Usage(format!(
            "unknown format {other:?}: use csv or xlsx"
        ))),
    }
}
