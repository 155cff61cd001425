//! The confirmation of a reply's commands: one mail in the reply's thread, to its sender (the
//! From address, never a Reply-To), one entry per command line: 已执行 and what changed, or
//! 未执行 and why.

use chrono::{DateTime, FixedOffset};

use super::parse::HELP;
use super::{Authority, LineResult};
use crate::config::Config;
use crate::notify::{quoted, signature, zh_datetime, Draft};
use crate::parse::ParsedMail;
use crate::records::MailRecord;

fn angle(id: &str) -> String {
    if id.starts_with('<') {
        id.to_string()
    } else {
        format!("<{id}>")
    }
}

fn reply_subject(subject: &str) -> String {
    let s = subject.trim();
    let lower = s.to_lowercase();
    if lower.starts_with("re:") || lower.starts_with("re：") || s.starts_with("回复") {
        s.to_string()
    } else {
        format!("Re: {s}")
    }
}

/// The command list, one per line.
pub fn help_text() -> String {
    HELP.iter()
        .map(|(form, what)| format!("  {form}　{what}\n"))
        .collect()
}

pub fn draft(
    config: &Config,
    m: &MailRecord,
    parsed: &ParsedMail,
    auth: &Authority,
    results: &[LineResult],
    now: DateTime<FixedOffset>,
) -> Draft {
    let today = now.with_timezone(&config.timezone).date_naive();
    let mut text = format!(
        "{}：\n\n{}发来的回复（登记编号 #{}）",
        config.office_short_name,
        zh_datetime(m.recorded_at, config.timezone),
        m.id
    );
    if results.is_empty() {
        text.push_str("中没有找到指令。指令须写在回复正文中，每行一条，例如“#12 确认”。\n");
    } else {
        let done = results.iter().filter(|r| r.outcome == "done").count();
        text.push_str(&format!(
            "中共有 {} 条指令：已执行 {done} 条，未执行 {} 条。\n",
            results.len(),
            results.len() - done
        ));
        if !matches!(auth, Authority::Granted { .. }) {
            text.push_str(&format!(
                "\n本邮件中的指令均未执行，系统未作任何更改：{}。请直接回复最近一期日报（主题中带有 [TD-…] 口令），在回复正文中逐行填写指令。\n",
                auth.why(config)
            ));
        }
        text.push('\n');
        for (i, r) in results.iter().enumerate() {
            let verdict = if r.outcome == "done" {
                "已执行"
            } else {
                "未执行"
            };
            text.push_str(&format!(
                "{}. {}\n   {verdict}：{}\n\n",
                i + 1,
                quoted(&r.text),
                r.detail
            ));
        }
    }
    text.push_str("可用的指令（每行一条，“编号”为日报中邮件的编号）：\n");
    text.push_str(&help_text());
    text.push_str(&signature(config, today));
    let mut references = parsed
        .references
        .iter()
        .map(|r| angle(r))
        .collect::<Vec<_>>();
    let in_reply_to = m.message_id.as_deref().map(angle);
    if let Some(irt) = &in_reply_to {
        if !references.contains(irt) {
            references.push(irt.clone());
        }
    }
    Draft {
        kind: "command-reply",
        dedup_key: format!("command-reply:{}", m.hash),
        mail_id: Some(m.id),
        unit: None,
        to: vec![m.from_addr.clone().unwrap_or_default()],
        cc: Vec::new(),
        subject: reply_subject(&m.subject),
        text,
        html: None,
        in_reply_to,
        references,
        auto_submitted: "auto-replied",
    }
}
