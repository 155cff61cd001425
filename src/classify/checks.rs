//! Checks: what a mail is besides its words' kind — the look-alikes that carry plan and report
//! words without being a submission, the mails a decision cannot rest on, and the ones that
//! carry more than one submission or one the schedule does not have.
//!
//! - a reply that only acknowledges the notice (收到，将按要求报送) above the quoted notice;
//! - a periodic work summary (上半年政务公开工作总结): a report of the office's other business;
//! - documents with no text to read (a scanned PDF, a photographed page): the decision rests on
//!   them when the mail's own readable text is thin, and goes to review ("扫描件，需人工核对");
//! - several submissions in one mail (a plan and a report, or two activities): flagged for
//!   review ("一封邮件含多项报送"), never recorded silently as one;
//! - an activity the schedule does not have (计划外活动): the unit's scheduled activities are
//!   far from the mail's date and none of their themes matches.
//!
//! Reasons the office reads are in Chinese. No I/O and no clock.

use chrono::Datelike;

use super::dates::Candidate;
use super::zones::{is_cjk, Framing, Zone};
use super::Classifier;
use crate::parse::ParsedMail;

/// The review reason for a decision that rests on a scan or a photographed page.
pub const SCAN_REASON: &str = "扫描件，需人工核对";
/// The review reason for a mail that carries more than one submission.
pub const SEVERAL_REASON: &str = "一封邮件含多项报送";
/// The reason for an activity the schedule does not have.
pub const UNSCHEDULED_REASON: &str = "计划外活动";

const PHOTO_WORDS: &[&str] = &[
    "照片",
    "图片",
    "合影",
    "现场",
    "活动图",
    "photo",
    "img_",
    "dsc",
];
const DOC_WORDS: &[&str] = &[
    "方案",
    "报告",
    "总结",
    "简报",
    "新闻稿",
    "通讯稿",
    "汇报",
    "材料",
    "扫描",
    "文件",
    "scan",
];

fn cjk_count(s: &str) -> usize {
    s.chars().filter(|c| is_cjk(*c)).count()
}

/// Attachments that should carry text and carry none a machine can read, each named with why
/// (in Chinese): a PDF without text (a scan) or unreadable, a picture of a document.
pub(super) fn unread_documents(mail: &ParsedMail) -> Vec<String> {
    mail.attachments
        .iter()
        .filter_map(|a| {
            let why = a.no_text.as_deref()?;
            let name = a.name.as_deref().unwrap_or("（无名附件）");
            let lower = name.to_lowercase();
            let picture = a.content_type.starts_with("image/") || why.starts_with("图片");
            // A photo of the event, not a page, unless the mail has nothing else to read.
            let only_pictures = mail
                .attachments
                .iter()
                .all(|b| b.text.is_none() && b.content_type.starts_with("image/"));
            if picture
                && (PHOTO_WORDS.iter().any(|w| lower.contains(w))
                    || !DOC_WORDS.iter().any(|w| lower.contains(w)))
                && !(only_pictures && cjk_count(&mail.body) < 20)
            {
                return None;
            }
            Some(format!("附件《{name}》：{why}"))
        })
        .collect()
}

/// Whether the mail's own readable text (its body and the text read from attachments) is too
/// thin for a decision to rest on it.
pub(super) fn thin_text(mail: &ParsedMail) -> bool {
    let readable = cjk_count(&mail.body)
        + mail
            .attachments
            .iter()
            .filter_map(|a| a.text.as_deref())
            .map(cjk_count)
            .sum::<usize>();
    readable < 80
}

/// A reply whose own words only acknowledge what it quotes (the notice, a reminder).
pub(super) fn acknowledgement(mail: &ParsedMail, framing: Framing) -> bool {
    if !framing.reply {
        return false;
    }
    let own = mail.body.trim();
    let ack = [
        "收到",
        "已收悉",
        "收悉",
        "知悉",
        "遵照执行",
        "照办",
        "按要求",
        "按照要求",
        "好的",
    ]
    .iter()
    .any(|w| own.contains(w));
    let has_doc = mail
        .attachments
        .iter()
        .any(|a| a.text.is_some() || a.no_text.is_some());
    ack && !has_doc && cjk_count(own) <= 60 && super::dates::find_dates(own, 2000).is_empty()
}

/// A reply or forward of the office's own mail (its notice, a reminder) that adds no
/// submission of the unit's own: no document, and no plan or report title in its new text.
pub(super) fn passes_on_office_mail(mail: &ParsedMail, office_address: &str) -> bool {
    if mail.quoted.trim().is_empty() || office_address.is_empty() {
        return false;
    }
    let quotes_office = mail.quoted.lines().take(12).any(|l| {
        let l = l.trim();
        ["发件人", "From:", "From：", "发信人"]
            .iter()
            .any(|k| l.starts_with(k))
            && l.to_lowercase().contains(office_address)
    });
    let has_doc = mail
        .attachments
        .iter()
        .any(|a| a.text.is_some() || a.no_text.is_some());
    let titles = [
        "活动方案",
        "实施方案",
        "工作方案",
        "的方案",
        "情况报告",
        "情况的报告",
        "情况汇报",
        "总结",
        "新闻稿",
        "简报",
        "报送如下",
        "报告如下",
        "见附件",
        "详见附件",
    ];
    // The unit's own words: lines that only repeat the subject (as a forward's first line
    // does) are not.
    let own: String = mail
        .body
        .lines()
        .filter(|l| {
            let l = l.trim();
            let bare = l
                .trim_start_matches(|c: char| "转发：:FWfwd ".contains(c))
                .trim();
            bare.is_empty() || !mail.subject.contains(bare)
        })
        .collect::<Vec<_>>()
        .join("\n");
    quotes_office && !has_doc && !titles.iter().any(|t| own.contains(t))
}

/// A title of the office's other periodic business: 上半年政务公开工作总结, 年度工作报告.
pub(super) fn periodic_summary(mail: &ParsedMail) -> bool {
    let titles = std::iter::once(mail.subject.as_str())
        .chain(mail.attachments.iter().filter_map(|a| a.name.as_deref()))
        .chain(
            mail.attachments
                .iter()
                .filter_map(|a| a.text.as_deref())
                .filter_map(|t| t.lines().find(|l| !l.trim().is_empty())),
        );
    let period = [
        "上半年",
        "下半年",
        "半年",
        "年度",
        "全年",
        "季度",
        "1-6月",
        "1—6月",
        "1至6月",
        "前三季度",
    ];
    let summary = ["工作总结", "工作报告", "工作情况", "总结"];
    // The year's openness work plan (工作要点, 政务公开工作实施方案) is no activity's plan.
    let yearly = [
        "工作要点",
        "工作实施方案",
        "工作方案",
        "工作计划",
        "工作总结",
        "工作报告",
    ];
    titles.into_iter().any(|t| {
        let periodic =
            period.iter().any(|p| t.contains(p)) && summary.iter().any(|s| t.contains(s));
        let openness_work = t.contains("政务公开工作") && yearly.iter().any(|y| t.contains(y));
        (periodic || openness_work) && !t.contains("主题日") && !t.contains("主题活动")
    })
}

/// An issue of a periodical (洞口人社工作简报 2023年第6期, 总第58期): the unit's general news,
/// which may mention its theme day among other business, but is no submission unless its
/// title names the theme day.
pub(super) fn periodical(mail: &ParsedMail) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?:总第|第)\s*[0-9０-９一二三四五六七八九十]+\s*期")
            .expect("periodical regex")
    });
    let first_lines: Vec<&str> = mail
        .body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .collect();
    let titles = std::iter::once(mail.subject.as_str()).chain(first_lines);
    let issue = titles.clone().any(|t| {
        re.is_match(t)
            && ["简报", "动态", "信息", "通讯", "快报", "周报", "月报"]
                .iter()
                .any(|k| t.contains(k))
    });
    let names_theme_day = std::iter::once(mail.subject.as_str())
        .chain(mail.attachments.iter().filter_map(|a| a.name.as_deref()))
        .any(|t| t.contains("主题日") || t.contains("主题活动"));
    issue && !names_theme_day
}

/// Whether the mail says 主题日 anywhere a unit writes (subject, body, attachments).
pub(super) fn mentions_theme_day(mail: &ParsedMail) -> bool {
    mail.subject.contains("主题日")
        || mail.body.contains("主题日")
        || mail.attachments.iter().any(|a| {
            a.name.as_deref().is_some_and(|n| n.contains("主题日"))
                || a.text.as_deref().is_some_and(|t| t.contains("主题日"))
        })
}

/// For a mail of several submissions: the mail with only the attachments titled as `plan`
/// (or as a report), and no body, so one submission can be read whole; None when the
/// attachments do not split that way.
pub(super) fn one_submission(mail: &ParsedMail, plan: bool) -> Option<ParsedMail> {
    let keep: Vec<_> = mail
        .attachments
        .iter()
        .filter(|a| {
            let head = a
                .text
                .as_deref()
                .and_then(|t| t.lines().find(|l| !l.trim().is_empty()))
                .unwrap_or("");
            title_kind(a.name.as_deref().unwrap_or(""))
                .or_else(|| title_kind(head))
                .is_some_and(|k| k == plan)
        })
        .cloned()
        .collect();
    if !keep.is_empty() && keep.len() < mail.attachments.len() {
        return Some(ParsedMail {
            body: String::new(),
            quoted: String::new(),
            attachments: keep,
            ..mail.clone()
        });
    }
    // No attachments to split: the body's paragraphs of that kind, and those of none.
    let lines: Vec<&str> = mail.body.lines().collect();
    let kinds: Vec<Option<bool>> = lines.iter().map(|l| title_kind(l)).collect();
    if !(kinds.contains(&Some(true)) && kinds.contains(&Some(false))) {
        return None;
    }
    let body: Vec<&str> = lines
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| k.is_none_or(|k| k == plan))
        .map(|(l, _)| *l)
        .collect();
    Some(ParsedMail {
        subject: String::new(),
        body: body.join("\n"),
        quoted: String::new(),
        attachments: Vec::new(),
        ..mail.clone()
    })
}

/// Months a text names without a day: 11月份, 11月中旬, 十一月上旬, 11月底.
fn months_named(text: &str) -> Vec<u32> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份|中旬|上旬|下旬|底|初)")
            .expect("month regex")
    });
    re.captures_iter(text)
        .filter_map(|c| {
            let m = &c[1];
            let n = m.parse::<u32>().ok().or_else(|| {
                let digits = "一二三四五六七八九";
                match m {
                    "十" => Some(10),
                    "十一" => Some(11),
                    "十二" => Some(12),
                    _ => digits
                        .chars()
                        .position(|d| m.starts_with(d))
                        .map(|p| p as u32 + 1),
                }
            })?;
            (1..=12).contains(&n).then_some(n)
        })
        .collect()
}

/// What a title says it is: Some(true) a plan, Some(false) a report, None neither or both.
pub(super) fn title_kind(t: &str) -> Option<bool> {
    let plan = t.contains("方案");
    let report = [
        "报告",
        "总结",
        "新闻稿",
        "通讯稿",
        "简报",
        "汇报",
        "开展情况",
        "活动情况",
        "报道",
        "报导",
    ]
    .iter()
    .any(|w| t.contains(w));
    match (plan, report) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

impl Classifier {
    /// The mail's documents (attachments, or a subject naming both) hold more than one
    /// submission: a plan and a report, or the same kind for two activities.
    pub(super) fn several_submissions(&self, mail: &ParsedMail, framing: Framing) -> bool {
        // Each attachment's title: its name, or its first line when the name says nothing.
        let mut titles: Vec<(bool, &str)> = Vec::new();
        for a in &mail.attachments {
            let name = a.name.as_deref().unwrap_or("");
            let head = a
                .text
                .as_deref()
                .and_then(|t| t.lines().find(|l| !l.trim().is_empty()))
                .unwrap_or("");
            if let Some(k) = title_kind(name) {
                titles.push((k, name));
            } else if let Some(k) = title_kind(head) {
                titles.push((k, head));
            }
        }
        if titles.iter().any(|t| t.0) && titles.iter().any(|t| !t.0) {
            return true;
        }
        if super::split::body_sections(&mail.body).is_some() {
            return true;
        }
        if !framing.reply {
            let s = mail.subject.as_str();
            if s.contains("方案")
                && ["情况报告", "总结", "新闻稿", "简报"]
                    .iter()
                    .any(|w| s.contains(w))
            {
                return true;
            }
        }
        // Two titles of one kind for two different activities, each clearly named.
        if titles.len() < 2 {
            return false;
        }
        let mut acts: Vec<usize> = titles
            .iter()
            .filter_map(|(_, t)| {
                let scores = self.theme_scores(&[(Zone::Subject, t.to_string())]);
                let (i, s) = scores
                    .iter()
                    .enumerate()
                    .max_by(|a, b| a.1.total_cmp(b.1))?;
                (*s >= 0.6).then_some(i)
            })
            .collect();
        acts.sort();
        acts.dedup();
        acts.len() > 1
    }

    /// The unit's scheduled activities do not fit: none of their themes matches and the mail's
    /// own date is two months or more from each planned month (or the unit has none).
    pub(super) fn unscheduled(
        &self,
        mail: &ParsedMail,
        unit: usize,
        theme: &[f64],
        mentions: &[Candidate],
    ) -> bool {
        let acts: Vec<usize> = (0..self.activities.len())
            .filter(|&i| self.activities[i].unit == unit)
            .collect();
        if acts.is_empty() {
            return true;
        }
        if acts.iter().any(|&i| theme[i] >= 0.5) {
            return false;
        }
        // The mail's own date, or else the months it names (11月份, 11月中旬).
        let months: Vec<(i32, u32)> = match self.pick_date(mentions, None, super::Kind::Other) {
            Some(date) if date.weight >= 2.0 => {
                vec![(date.mention.start.year(), date.mention.start.month())]
            }
            _ => months_named(&format!("{}\n{}", mail.subject, mail.body))
                .into_iter()
                .map(|m| (self.year, m))
                .collect(),
        };
        !months.is_empty()
            && months.iter().all(|&(y, m)| {
                acts.iter().all(|&i| {
                    let a = &self.activities[i];
                    ((y - a.year) * 12 + m as i32 - a.month as i32).abs() >= 2
                })
            })
    }
}
