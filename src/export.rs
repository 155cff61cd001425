//! Exports for the office: the timeliness table for the annual performance assessment
//! (绩效考核), as CSV or XLSX (`timeliness`), and the static HTML column of the county portal
//! built from the reports.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::classify::Kind;
use crate::config::Config;
use crate::deadlines::season_status;
use crate::error::{Error, Result};
use crate::parse::parse;
use crate::store::Store;

pub mod timeliness;
pub use timeliness::timeliness;

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
