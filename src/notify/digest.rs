//! The office's daily digest: what needs a person today (今日待办), what falls due in the next
//! working days, what arrived since the last digest SMTP accepted, and the season's progress;
//! plus what the office should know about the bot itself (mail held or failed, a refused
//! login, units with no known address, calendar gaps, months the notice requires but the
//! schedule leaves empty).
//!
//! Collected once as data (`digest_data`, with the trust sections from `evidence` and the
//! trouble from `trouble`) and rendered for the phone (`digest_view`). This room holds what
//! those share: the digest value, the office's words for why a mail waits for review, what
//! the bot proposes for a mail (each submission of one that carries several) and the lines
//! that settle it.
//! Whatever a sender wrote (subject, name, attachment names) is repeated cut to 200
//! characters, without control characters.

use chrono::{DateTime, FixedOffset};

use super::{evidence, zh_date_short, Draft};
use crate::classify::Kind;
use crate::config::Config;
use crate::error::Result;
use crate::parse::reply::UNIT_MESSAGE;
use crate::records::MailRecord;
use crate::safetext::repeated;
use crate::store::Store;

/// The text of a unit's note in answer to our mail, when the mail is one.
pub fn unit_message(m: &MailRecord) -> Option<&str> {
    m.reasons.iter().find_map(|r| r.strip_prefix(UNIT_MESSAGE))
}

/// At most this many newly arrived mails are listed one by one.
pub const MAX_ARRIVED_ROWS: usize = 300;

pub struct Digest {
    pub draft: Draft,
    pub last_mail_id: i64,
}

/// Today's digest: collected as data (`digest_data`) and rendered for the phone
/// (`digest_view`).
pub fn build(config: &Config, store: &Store, now: DateTime<FixedOffset>) -> Result<Digest> {
    let data = super::digest_data::collect(config, store, now)?;
    super::digest_view::render(config, &data)
}

/// Why a mail waits for a person, in one line: the notes recorded with it, its sender's
/// standing (see `evidence`), and what the classifier could not tell. (A unit's note in
/// answer to our mail has a block of its own, with its text: `questions::unit_messages`.)
pub(crate) fn review_reason(m: &MailRecord) -> String {
    let mut why: Vec<String> = m.notes.iter().map(|n| repeated(n)).collect();
    // The classifier's own reasons for the office (scans, several submissions, 计划外活动),
    // which it writes in Chinese.
    why.extend(
        m.reasons
            .iter()
            .filter(|r| r.chars().next().is_some_and(|c| !c.is_ascii()))
            .cloned(),
    );
    if let Some(s) = super::evidence::sender_reason(m) {
        why.push(s);
    }
    if let Some(e) = &m.parse_error {
        why.push(format!("无法解析：{e}"));
    }
    if m.kind != crate::classify::Kind::Other {
        if m.unit.is_none() {
            why.push("未识别出责任单位".to_string());
        } else if m.activity.is_none()
            && !m
                .reasons
                .iter()
                .any(|r| r == crate::classify::UNSCHEDULED_REASON)
        {
            why.push("该单位有多项活动，未能确定是哪一项".to_string());
        }
        if m.activity_date.is_none() {
            why.push("未找到活动日期".to_string());
        }
    } else {
        why.push("像是报送材料，但未能判断是方案还是报告".to_string());
    }
    if why.is_empty() {
        why.push(format!("识别把握不足（置信度{:.2}）", m.confidence));
    }
    why.join("；")
}

fn kind_word(k: Kind) -> &'static str {
    match k {
        Kind::Plan => "方案",
        _ => "报告",
    }
}

/// What the bot recorded or proposes for a mail, in a few words: each submission of a mail
/// that carries several.
pub(super) fn proposal(m: &MailRecord) -> String {
    if m.kind == Kind::Other {
        return "其他邮件".into();
    }
    let unit = m.unit.clone().unwrap_or_else(|| "单位未识别".into());
    m.submissions()
        .iter()
        .map(|s| {
            let mut parts = vec![
                s.kind.zh().to_string(),
                unit.clone(),
                s.activity
                    .map(|a| format!("第{a}项"))
                    .unwrap_or_else(|| "活动未识别".into()),
            ];
            if let Some(d) = s.activity_date {
                parts.push(format!("活动日期{}", zh_date_short(d)));
            }
            parts.join(" · ")
        })
        .collect::<Vec<_>>()
        .join("；")
}

/// The exact lines that settle a mail under review: confirming the proposal when it names
/// an activity, else each of the unit's activities, else the general form; and 其他.
pub(super) fn review_replies(config: &Config, m: &MailRecord) -> Vec<String> {
    let n = m.id;
    let date = m
        .activity_date
        .map(|d| format!(" {}", d.format("%Y-%m-%d")))
        .unwrap_or_else(|| " 日期".into());
    let mut v = Vec::new();
    if !m.also.is_empty() {
        // Several submissions: confirm them all, or set each, separated by ；.
        let subs = m.submissions();
        if subs
            .iter()
            .all(|s| s.activity.is_some() && s.activity_date.is_some())
        {
            v.push(format!("#{n} 确认"));
        }
        let parts: Vec<String> = subs
            .iter()
            .map(|s| {
                format!(
                    "{} {}{}",
                    s.activity
                        .map(|a| format!("第{a}项"))
                        .unwrap_or_else(|| "第N项".into()),
                    kind_word(s.kind),
                    s.activity_date
                        .map(|d| format!(" {}", d.format("%Y-%m-%d")))
                        .unwrap_or_else(|| " 日期".into())
                )
            })
            .collect();
        v.push(format!("#{n} {}", parts.join("；")));
        v.extend(evidence::confirm_line(m));
        v.push(format!("#{n} 其他"));
        return v;
    }
    match (m.kind, m.activity, &m.unit) {
        (Kind::Other, _, _) => {
            v.push(format!("#{n} 确认"));
            v.push(format!("#{n} 第N项 方案 日期"));
        }
        (k, Some(a), _) => {
            if m.activity_date.is_some() {
                v.push(format!("#{n} 确认"));
            }
            v.push(format!("#{n} 第{a}项 {}{date}", kind_word(k)));
        }
        (k, None, Some(unit)) => {
            for a in config.activities_of(unit) {
                v.push(format!("#{n} 第{}项 {}{date}", a.number, kind_word(k)));
            }
        }
        (k, None, None) => v.push(format!("#{n} 第N项 {}{date}", kind_word(k))),
    }
    // Held only because its sender is not confirmed: confirming the address settles it.
    v.extend(evidence::confirm_line(m));
    if m.kind != Kind::Other {
        v.push(format!("#{n} 其他"));
    }
    v
}
