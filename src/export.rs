//! Exports for the office: the timeliness table for the annual performance assessment
//! (绩效考核), as CSV or XLSX, and the static HTML column of the county portal built from the
//! reports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::classify::Kind;
use crate::config::Config;
use crate::deadlines::{season_status, ActivityStatus};
use crate::error::{Error, Result};
use crate::parse::parse;
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
                Error::Usage(format!("无法写入 {}：{e}", out.display()))
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

use crate::notify::html_escape as esc;

const STYLE: &str = "body{font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;max-width:960px;margin:0 auto;padding:24px;color:#222;background:#f7f7f7}header{background:#b5121b;color:#fff;padding:16px 24px;margin:-24px -24px 24px}h1{font-size:22px;margin:0}article{background:#fff;padding:16px 24px;margin-bottom:16px;border:1px solid #e5e5e5}article p{line-height:1.9;text-indent:2em}.meta{color:#777;font-size:13px}ul.list{list-style:none;padding:0}ul.list li{background:#fff;border:1px solid #e5e5e5;margin:8px 0;padding:12px 16px}ul.list a{color:#b5121b;font-size:16px;text-decoration:none}.photos img{max-width:100%;margin:8px 0;display:block}footer{color:#999;font-size:12px;text-align:center;margin-top:32px}";

/// A report's readable text: the mail's own words, or the attachment's when the mail only
/// says "见附件".
fn report_text(p: &crate::parse::ParsedMail) -> String {
    let own = p.body.trim();
    let att = p
        .attachments
        .iter()
        .filter_map(|a| a.text.as_deref())
        .max_by_key(|t| t.len())
        .unwrap_or("");
    let cjk = |s: &str| {
        s.chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count()
    };
    if cjk(own) >= 60 || cjk(att) < cjk(own) {
        own.to_string()
    } else {
        att.trim().to_string()
    }
}

/// The lines of a report fit to publish: without the salutation to the office and without
/// the sender's signature block (cut at a `----` line or a phone number line).
fn publishable_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines
        .first()
        .is_some_and(|l| (l.ends_with('：') || l.ends_with(':')) && l.chars().count() <= 20)
    {
        lines.remove(0);
    }
    if let Some(cut) = lines
        .iter()
        .position(|l| l.chars().all(|c| c == '-' || c == '—' || c == '_') && l.len() >= 3)
    {
        lines.truncate(cut);
    }
    lines
}

/// Builds the portal column: `index.html` and one page per activity with a report, photos
/// copied alongside. Only reports count; plans and other mail never appear. Returns the
/// number of activity pages.
pub fn portal(
    config: &Config,
    store: &Store,
    now: DateTime<FixedOffset>,
    out: &Path,
) -> Result<usize> {
    let werr = |path: &Path, e: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(out).map_err(|e| werr(out, e))?;
    let statuses = season_status(config, &store.submissions(config.timezone)?, now);
    let mut items = Vec::new();
    for s in &statuses {
        let Some(r) = &s.report else { continue };
        let Some(m) = store.mail(r.mail_id)?.filter(|m| m.kind == Kind::Report) else {
            continue;
        };
        let raw = std::fs::read(&m.archive_path).map_err(|source| Error::Read {
            path: m.archive_path.clone(),
            source,
        })?;
        let Ok(p) = parse(&raw) else { continue };
        let page = format!("activity-{:02}.html", s.number);
        let photo_dir = out.join(format!("activity-{:02}", s.number));
        let mut photos = Vec::new();
        // The photos, re-read from the archived mail (the parse keeps names, not bytes).
        let msg = crate::parse::mime(&raw).ok().flatten();
        if let Some(msg) = &msg {
            use mail_parser::MimeHeaders;
            for (i, part) in msg.attachments().enumerate() {
                let ct = part
                    .content_type()
                    .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")))
                    .unwrap_or_default()
                    .to_lowercase();
                let name = part.attachment_name().unwrap_or("").to_lowercase();
                let ext = if ct == "image/png" || name.ends_with(".png") {
                    "png"
                } else if ct == "image/jpeg"
                    || ct == "image/jpg"
                    || name.ends_with(".jpg")
                    || name.ends_with(".jpeg")
                {
                    "jpg"
                } else if ct == "image/gif" || name.ends_with(".gif") {
                    "gif"
                } else {
                    continue;
                };
                std::fs::create_dir_all(&photo_dir).map_err(|e| werr(&photo_dir, e))?;
                let file = format!("photo-{:02}.{ext}", i + 1);
                let path = photo_dir.join(&file);
                std::fs::write(&path, part.contents()).map_err(|e| werr(&path, e))?;
                photos.push(format!("activity-{:02}/{file}", s.number));
            }
        }
        if let Some(msg) = msg {
            crate::parse::drop_flat(msg);
        }
        let date = match (s.date, s.end) {
            (Some(d), Some(e)) if d != e => format!(
                "{}至{}",
                crate::notify::zh_date_short(d),
                crate::notify::zh_date_short(e)
            ),
            (Some(d), _) => crate::notify::zh_date_short(d),
            _ => String::new(),
        };
        let paragraphs: String = publishable_lines(&report_text(&p))
            .iter()
            .map(|l| format!("<p>{}</p>", esc(l)))
            .collect();
        let imgs: String = photos
            .iter()
            .map(|src| format!("<img src=\"{}\" alt=\"活动照片\">", esc(src)))
            .collect();
        let html = format!(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{title}</title><style>{STYLE}</style></head><body><header><h1>政务公开主题日</h1></header><p><a href=\"index.html\">← 返回专栏</a></p><article><h2>{title}</h2><p class=\"meta\">责任单位：{unit}　活动日期：{date}</p>{paragraphs}<div class=\"photos\">{imgs}</div></article><footer>{office}</footer></body></html>",
            title = esc(&s.theme),
            unit = esc(&s.unit),
            date = esc(&date),
            office = esc(&config.office_name),
        );
        let path = out.join(&page);
        std::fs::write(&path, html).map_err(|e| werr(&path, e))?;
        items.push((
            s.number,
            page,
            s.theme.clone(),
            s.unit.clone(),
            date,
            photos.first().cloned(),
        ));
    }
    let list: String = items
        .iter()
        .map(|(n, page, theme, unit, date, _)| {
            format!(
                "<li><a href=\"{}\">{}</a><div class=\"meta\">第{n}项　{}　{}</div></li>",
                esc(page),
                esc(theme),
                esc(unit),
                esc(date)
            )
        })
        .collect();
    let index = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{y}年“政务公开主题日”活动专栏</title><style>{STYLE}</style></head><body><header><h1>{y}年“政务公开主题日”活动专栏</h1></header><p class=\"meta\">已展示 {n} 项活动成果（共 {total} 项）。</p><ul class=\"list\">{list}</ul><footer>{office}</footer></body></html>",
        y = config.year,
        n = items.len(),
        total = statuses.len(),
        office = esc(&config.office_name),
    );
    let path = out.join("index.html");
    std::fs::write(&path, index).map_err(|e| werr(&path, e))?;
    Ok(items.len())
}
