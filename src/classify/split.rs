//! Split: a mail that carries several submissions (the report of one activity and the plan
//! of the next, in two attachments or in two parts of its body) cut into one mail per
//! submission, each classified on its own and then put together as one decision.
//!
//! - Attachments: those titled as plans go in one part and those titled as reports in
//!   another (by name, or by first line when the name says nothing); two attachments of one
//!   kind whose titles name two different activities go in a part each. A part keeps the
//!   sender and the body's signature block, not the subject or the body's other lines (they
//!   speak of every part at once).
//! - Body: numbered or titled sections (一、…情况报告：… / 二、…活动方案：…), each with the
//!   signature block.
//!
//! The decision lists each part that reads as a plan or report, in the mail's order: the
//! first is its top-level kind, activity and date, the others `also`. It goes to review when
//! any part is unclear, a part reads as neither, two parts read the same, or the parts name
//! different units; not merely for carrying several. No I/O and no clock.

use super::checks::{title_kind, SEVERAL_REASON};
use super::zones::{is_cjk, Zone};
use super::{Classifier, Decision, Kind, Submission};
use crate::parse::{Attachment, ParsedMail};

/// An enumeration that opens a section: 一、 二、 1. 1． 1、 （一） (1) 第一，.
fn numbered(line: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"^\s*(?:[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}\s*[、.．)）]|[（(][一二三四五六七八九十\d]{1,2}[）)]|第[一二三四五六七八九十]{1,2}[，、,])",
        )
        .expect("section regex")
    })
    .is_match(line)
}

/// What a body line's heading says it is: the text before its first colon or full stop, when
/// the line opens a section (numbered, or a short line of its own) and that text ends in a
/// plan's or report's title word (一、…活动情况报告：…, 二、…活动方案（初稿）). A plan's own
/// sections (六、宣传报道, 五、工作要求：…情况报告…) are no titles.
fn heading_kind(line: &str) -> Option<bool> {
    let t = line.trim();
    if !(numbered(t) || t.chars().count() <= 40) {
        return None;
    }
    let mut head = t
        .split(['：', ':', '。', '，', ';', '；'])
        .next()
        .unwrap_or("")
        .trim_end();
    // A trailing note in brackets: （初稿）, （附件1）.
    while let Some(open) = head
        .ends_with(['）', ')'])
        .then(|| head.rfind(['（', '(']))
        .flatten()
    {
        head = head[..open].trim_end();
    }
    const REPORT: [&str; 7] = [
        "报告",
        "总结",
        "活动情况",
        "开展情况",
        "简报",
        "新闻稿",
        "通讯稿",
    ];
    if head.ends_with("方案") {
        Some(true)
    } else if REPORT.iter().any(|w| head.ends_with(w)) {
        Some(false)
    } else {
        None
    }
}

/// The lines that end the body: a signature block of short lines without sentences (the
/// unit's name, a date, a contact), with the blank lines among them.
fn trailer(lines: &[&str]) -> usize {
    let mut start = lines.len();
    while start > 0 {
        let l = lines[start - 1].trim();
        let sentence = ['，', '。', '；', '：'].iter().any(|p| l.contains(*p))
            && !l.starts_with("联系人")
            && !l.starts_with("电话");
        if !l.is_empty() && (l.chars().count() > 30 || sentence) {
            break;
        }
        start -= 1;
    }
    start
}

/// The body's sections of submissions, each with its kind (true: plan), when it has two or
/// more of some substance; the signature block is returned apart.
pub(super) fn body_sections(body: &str) -> Option<(Vec<(bool, String)>, String)> {
    let lines: Vec<&str> = body.lines().collect();
    let end = trailer(&lines);
    let mut sections: Vec<(bool, Vec<&str>)> = Vec::new();
    for l in &lines[..end] {
        match heading_kind(l) {
            Some(k) if numbered(l) || sections.last().is_none_or(|s| s.0 != k) => {
                sections.push((k, vec![l]))
            }
            _ => {
                if let Some(s) = sections.last_mut() {
                    s.1.push(l);
                }
            }
        }
    }
    let substantial = |s: &(bool, Vec<&str>)| {
        s.1.iter()
            .flat_map(|l| l.chars())
            .filter(|c| is_cjk(*c))
            .count()
            >= 15
    };
    if sections.len() < 2 || !sections.iter().all(substantial) {
        return None;
    }
    let kinds: Vec<bool> = sections.iter().map(|s| s.0).collect();
    if !(kinds.contains(&true) && kinds.contains(&false)) {
        return None;
    }
    Some((
        sections
            .into_iter()
            .map(|(k, ls)| (k, ls.join("\n")))
            .collect(),
        lines[end..].join("\n"),
    ))
}

fn head_of(a: &Attachment) -> &str {
    a.text
        .as_deref()
        .and_then(|t| t.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("")
}

/// An attachment's title and what it says it is.
fn titled(a: &Attachment) -> Option<(bool, &str)> {
    let name = a.name.as_deref().unwrap_or("");
    title_kind(name)
        .map(|k| (k, name))
        .or_else(|| title_kind(head_of(a)).map(|k| (k, head_of(a))))
}

impl Classifier {
    /// The activity a title clearly names, if one does.
    fn title_activity(&self, title: &str) -> Option<usize> {
        let scores = self.theme_scores(&[(Zone::Subject, title.to_string())]);
        let (i, s) = scores
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))?;
        (*s >= 0.6).then_some(i)
    }

    /// The mail cut into one mail per submission, in its order; empty when it does not cut.
    pub(super) fn parts(&self, mail: &ParsedMail) -> Vec<ParsedMail> {
        let lines: Vec<&str> = mail.body.lines().collect();
        let signature = lines[trailer(&lines)..].join("\n");
        let part = |body: String, attachments: Vec<Attachment>| ParsedMail {
            subject: String::new(),
            body,
            quoted: String::new(),
            attachments,
            ..mail.clone()
        };
        // Attachments: grouped by kind, and apart when one kind's titles name two activities.
        let mut groups: Vec<(bool, Option<usize>, Vec<Attachment>)> = Vec::new();
        for a in &mail.attachments {
            let Some((k, title)) = titled(a) else {
                continue;
            };
            let act = self.title_activity(title);
            match groups
                .iter_mut()
                .find(|g| g.0 == k && (g.1 == act || g.1.is_none() || act.is_none()))
            {
                Some(g) => {
                    g.1 = g.1.or(act);
                    g.2.push(a.clone());
                }
                None => groups.push((k, act, vec![a.clone()])),
            }
        }
        if groups.len() >= 2 {
            return groups
                .into_iter()
                .map(|(_, _, atts)| part(signature.clone(), atts))
                .collect();
        }
        match body_sections(&mail.body) {
            Some((sections, sig)) => sections
                .into_iter()
                .map(|(_, text)| part(format!("{text}\n\n{sig}"), Vec::new()))
                .collect(),
            None => Vec::new(),
        }
    }

    /// A mail of several submissions, read part by part (`parts`): the decision listing each
    /// part that reads as a plan or report, or None when no part does.
    pub(super) fn classify_parts(&self, mail: &ParsedMail) -> Option<Decision> {
        let parts = self.parts(mail);
        if parts.len() < 2 {
            return None;
        }
        let decisions: Vec<Decision> = parts.iter().map(|p| self.classify_one(p)).collect();
        let read: Vec<&Decision> = decisions.iter().filter(|d| d.kind != Kind::Other).collect();
        let first = *read.first()?;
        let mut unclear = read.len() < decisions.len();
        let mut kept: Vec<&Decision> = Vec::new();
        for d in &read {
            if kept
                .iter()
                .any(|k| k.kind == d.kind && k.activity == d.activity)
            {
                unclear = true;
                continue;
            }
            unclear |= d.needs_review || d.unit != first.unit;
            kept.push(d);
        }
        let mut d = first.clone();
        let names: Vec<&str> = kept.iter().map(|k| k.kind.as_str()).collect();
        d.reasons.insert(
            0,
            if kept.len() == 1 {
                format!(
                    "several submissions: its {} read on its own",
                    d.kind.as_str()
                )
            } else {
                format!(
                    "several submissions, each read on its own: {}",
                    names.join(", ")
                )
            },
        );
        d.confidence = kept
            .iter()
            .map(|k| k.confidence)
            .fold(d.confidence, f64::min);
        d.also = kept[1..]
            .iter()
            .map(|k| Submission {
                kind: k.kind,
                activity: k.activity,
                activity_date: k.activity_date,
                activity_end: k.activity_end,
                reasons: k.reasons.clone(),
            })
            .collect();
        if unclear || kept.len() == 1 {
            d.needs_review = true;
            // What the office must settle in each further part, and the part's own Chinese
            // reasons (a scan, 计划外活动).
            for k in &kept[1..] {
                if k.needs_review {
                    d.reasons.push(further_zh(k));
                }
                for r in &k.reasons {
                    if r.starts_with(|c: char| !c.is_ascii()) && !d.reasons.contains(r) {
                        d.reasons.push(r.clone());
                    }
                }
            }
            if !d.reasons.iter().any(|r| r == SEVERAL_REASON) {
                d.reasons.push(SEVERAL_REASON.into());
            }
        }
        Some(d)
    }
}

/// What is unsettled in a further part, for the office (Chinese).
fn further_zh(k: &Decision) -> String {
    let what = match k.activity {
        Some(a) => format!("第{a}项{}", k.kind.zh()),
        None => k.kind.zh().to_string(),
    };
    let why = if k.unit.is_none() {
        "未识别出责任单位"
    } else if k.activity.is_none() {
        "未能确定是哪一项活动"
    } else if k.activity_date.is_none() {
        "未找到活动日期"
    } else {
        "识别把握不足"
    };
    format!("同一邮件另含{what}：{why}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_sections_cut_at_numbered_titles() {
        let body = "县政务公开办：\n现报送两项材料。\n一、“5·15”宣传日活动情况报告：5月15日上午，我局在步行街开展了现场宣传，发放资料2000余份。\n二、“6·26”禁毒宣传活动方案：我局拟于6月21日在雪峰广场开展禁毒现场宣传。\n洞口县公安局\n2023年5月18日";
        let (sections, sig) = body_sections(body).expect("two sections");
        assert_eq!(sections.len(), 2);
        assert!(!sections[0].0 && sections[0].1.contains("5月15日"));
        assert!(sections[1].0 && sections[1].1.contains("6月21日"));
        assert!(!sections[0].1.contains("6月21日"));
        assert_eq!(sig, "洞口县公安局\n2023年5月18日");
    }

    #[test]
    fn a_plan_with_a_reporting_duty_is_one_section() {
        // 五、工作要求 speaks of the report to come: its heading is no report's.
        let body = "一、活动方案：拟于6月21日在雪峰广场开展禁毒现场宣传，组织志愿者发放资料。\n二、参加人员：禁毒委成员单位、志愿者协会和学生代表。\n三、工作要求：活动结束后5个工作日内将情况报告报县政务公开办。";
        assert!(body_sections(body).is_none());
        let body = "洞口县水利局主题活动方案\n一、活动时间：2023年4月14日上午9:00\n二、活动地点：县城平溪江风光带，邀请周边居民参加。\n六、宣传报道：邀请县融媒体中心现场采访报道。";
        assert!(body_sections(body).is_none());
    }
}
