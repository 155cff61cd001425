//! The static column for the county portal: one page per activity whose report the office
//! approved for publication (`#编号 发布` in a reply, or `themeday approve 编号`), and an
//! index.
//!
//! Only what the office approved is published, and never personal data: contact lines,
//! phone and ID numbers and e-mail addresses are removed from the text (`scrub`), photos are
//! stripped of EXIF/GPS and other metadata (`photo`); formats that cannot be vouched for are
//! left out. The export says what it removed and which reports still await approval.
//!
//! Reads the store and the archive, writes only into the output folder.

pub mod photo;
pub mod scrub;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::classify::Kind;
use crate::config::Config;
use crate::deadlines::season_status;
use crate::error::{Error, Result};
use crate::notify::html_escape as esc;
use crate::notify::zh_date_short;
use crate::parse::parse;
use crate::store::Store;
use photo::Photo;
use scrub::{scrub, Pii};

const STYLE: &str = "body{font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;max-width:960px;margin:0 auto;padding:24px;color:#222;background:#f7f7f7}header{background:#b5121b;color:#fff;padding:16px 24px;margin:-24px -24px 24px}h1{font-size:22px;margin:0}article{background:#fff;padding:16px 24px;margin-bottom:16px;border:1px solid #e5e5e5}article p{line-height:1.9;text-indent:2em}.meta{color:#777;font-size:13px}ul.list{list-style:none;padding:0}ul.list li{background:#fff;border:1px solid #e5e5e5;margin:8px 0;padding:12px 16px}ul.list a{color:#b5121b;font-size:16px;text-decoration:none}.photos img{max-width:100%;margin:8px 0;display:block}footer{color:#999;font-size:12px;text-align:center;margin-top:32px}";

/// What one published page left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageReport {
    pub activity: u32,
    pub mail_id: i64,
    /// Personal data removed from the text, by kind.
    pub removed: BTreeMap<Pii, usize>,
    pub photos: usize,
    /// What was taken out of the photos (each kind once).
    pub photo_metadata: Vec<&'static str>,
    /// Images not published, and why.
    pub skipped: Vec<String>,
}

/// What an export did: the pages, what each left out, and the reports awaiting approval.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortalReport {
    pub pages: Vec<PageReport>,
    /// (activity, report mail) with a report on record that the office has not approved.
    pub awaiting: Vec<(u32, i64)>,
}

impl PortalReport {
    /// The report in Chinese, for the office.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for p in &self.pages {
            let mut parts: Vec<String> = p
                .removed
                .iter()
                .map(|(k, n)| format!("{} {n} 处", k.zh()))
                .collect();
            if parts.is_empty() {
                parts.push("正文未发现个人信息".into());
            }
            out.push_str(&format!(
                "第{}项（邮件 #{}）：已删除 {}；照片 {} 张",
                p.activity,
                p.mail_id,
                parts.join("、"),
                p.photos
            ));
            if !p.photo_metadata.is_empty() {
                out.push_str(&format!("，已去除{}", p.photo_metadata.join("、")));
            }
            out.push_str("。\n");
            for s in &p.skipped {
                out.push_str(&format!("    {s}\n"));
            }
        }
        if !self.awaiting.is_empty() {
            out.push_str(&format!(
                "以下 {} 项活动的情况报告尚未同意发布，未放入专栏（回复日报“#编号 发布”或运行 themeday approve 编号）：\n",
                self.awaiting.len()
            ));
            for (a, m) in &self.awaiting {
                out.push_str(&format!("    第{a}项：邮件 #{m}\n"));
            }
        }
        out
    }
}

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
/// the sender's signature block (cut at a `----` line). Personal data is removed before.
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

/// The reports the office approved, per activity (oldest first).
fn approved_reports(store: &Store) -> Result<BTreeMap<u32, Vec<i64>>> {
    let mut out: BTreeMap<u32, Vec<i64>> = BTreeMap::new();
    for (id, publish) in store.portal_approvals()? {
        if !publish {
            continue;
        }
        let Some(m) = store.mail(id)? else { continue };
        // Each settled report the mail carries (one that also carries a plan shows its report).
        for s in m.settled_submissions() {
            if let (Kind::Report, Some(a)) = (s.kind, s.activity) {
                let v = out.entry(a).or_default();
                v.push(id);
                v.sort_unstable();
            }
        }
    }
    Ok(out)
}

/// Builds the portal column: `index.html` and one page per activity whose report the office
/// approved, cleaned photos alongside. Plans, other mail and reports not approved never
/// appear.
pub fn export(
    config: &Config,
    store: &Store,
    now: DateTime<FixedOffset>,
    out: &Path,
) -> Result<PortalReport> {
    let werr = |path: &Path, e: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(out).map_err(|e| werr(out, e))?;
    let statuses = season_status(config, &store.submissions(config.timezone)?, now);
    let approved = approved_reports(store)?;
    let mut report = PortalReport::default();
    let mut items = Vec::new();
    for s in &statuses {
        // The activity's report on record when the office approved it, else the latest
        // report it approved.
        let first = s.report.as_ref().map(|r| r.mail_id);
        let chosen = approved.get(&s.number).and_then(|v| {
            first
                .filter(|f| v.contains(f))
                .or_else(|| v.last().copied())
        });
        let Some(mail_id) = chosen else {
            if let Some(f) = first {
                report.awaiting.push((s.number, f));
            }
            continue;
        };
        let Some(m) = store.mail(mail_id)? else {
            continue;
        };
        let raw = std::fs::read(&m.archive_path).map_err(|source| Error::Read {
            path: m.archive_path.clone(),
            source,
        })?;
        let Ok(p) = parse(&raw) else { continue };
        let mut page = PageReport {
            activity: s.number,
            mail_id,
            ..PageReport::default()
        };
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
                    .unwrap_or_default();
                let name = part.attachment_name().unwrap_or("");
                let Some(kind) = photo::image_kind(&ct, name) else {
                    continue;
                };
                match photo::clean(kind, part.contents()) {
                    Photo::Clean(c) => {
                        std::fs::create_dir_all(&photo_dir).map_err(|e| werr(&photo_dir, e))?;
                        let file = format!("photo-{:02}.{}", i + 1, c.ext);
                        let path = photo_dir.join(&file);
                        std::fs::write(&path, &c.bytes).map_err(|e| werr(&path, e))?;
                        photos.push(format!("activity-{:02}/{file}", s.number));
                        for r in c.removed {
                            if !page.photo_metadata.contains(&r) {
                                page.photo_metadata.push(r);
                            }
                        }
                    }
                    Photo::Skipped(why) => page.skipped.push(format!("附件第{}个：{why}", i + 1)),
                }
            }
        }
        if let Some(msg) = msg {
            crate::parse::drop_flat(msg);
        }
        page.photos = photos.len();
        let date = match (s.date, s.end) {
            (Some(d), Some(e)) if d != e => {
                format!("{}至{}", zh_date_short(d), zh_date_short(e))
            }
            (Some(d), _) => zh_date_short(d),
            _ => String::new(),
        };
        let (text, removed) = scrub(&report_text(&p));
        for k in removed {
            *page.removed.entry(k).or_insert(0) += 1;
        }
        let paragraphs: String = publishable_lines(&text)
            .iter()
            .map(|l| format!("<p>{}</p>", esc(l)))
            .collect();
        let imgs: String = photos
            .iter()
            .map(|src| format!("<img src=\"{}\" alt=\"活动照片\">", esc(src)))
            .collect();
        let html = format!(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><style>{STYLE}</style></head><body><header><h1>政务公开主题日</h1></header><p><a href=\"index.html\">← 返回专栏</a></p><article><h2>{title}</h2><p class=\"meta\">责任单位：{unit}　活动日期：{date}</p>{paragraphs}<div class=\"photos\">{imgs}</div></article><footer>{office}</footer></body></html>",
            title = esc(&s.theme),
            unit = esc(&s.unit),
            date = esc(&date),
            office = esc(&config.office_name),
        );
        let file = format!("activity-{:02}.html", s.number);
        let path = out.join(&file);
        std::fs::write(&path, html).map_err(|e| werr(&path, e))?;
        items.push((s.number, file, s.theme.clone(), s.unit.clone(), date));
        report.pages.push(page);
    }
    let list: String = items
        .iter()
        .map(|(n, page, theme, unit, date)| {
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
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{y}年“政务公开主题日”活动专栏</title><style>{STYLE}</style></head><body><header><h1>{y}年“政务公开主题日”活动专栏</h1></header><p class=\"meta\">已展示 {n} 项活动成果（共 {total} 项）。</p><ul class=\"list\">{list}</ul><footer>{office}</footer></body></html>",
        y = config.year,
        n = items.len(),
        total = statuses.len(),
        office = esc(&config.office_name),
    );
    let path = out.join("index.html");
    std::fs::write(&path, index).map_err(|e| werr(&path, e))?;
    Ok(report)
}
