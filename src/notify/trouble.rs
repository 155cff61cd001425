//! What the digest tells the office about trouble: mail the bot recorded but could not handle
//! (无法处理的邮件), and outgoing mail that did not go out: an outbox held because the mail
//! server refused the office's login, acknowledgements held for the office by the budget for
//! never-seen addresses, mail interrupted or failed; mail a daily budget held is retried on
//! the next working day, and the digest says which day.
//!
//! Only reads the store and writes Chinese text; it queues and sends nothing. Anything a
//! sender wrote is repeated through `safetext::repeated` (cut, no control characters).

use chrono::DateTime;

use super::{kinds, zh_date_short, LOGIN_REFUSED};
use crate::config::Config;
use crate::error::Result;
use crate::records::MailRecord;
use crate::safetext::repeated;
use crate::store::{Store, HELD_FOR_OFFICE};

/// At most this many addresses are named for the acknowledgements held for the office.
const MAX_HELD_NAMED: usize = 20;

/// A mail the bot recorded but could not handle, with what stopped it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnprocessableItem {
    pub id: i64,
    pub from: String,
    pub subject: String,
    pub reason: String,
    pub replies: Vec<String>,
}

/// Outgoing mail the office must know about: `needs_person` what a person must settle
/// (a refused login, acknowledgements held for the office, mail interrupted or failed);
/// `retried` mail a daily budget held, with the day it goes out on its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sending {
    pub needs_person: Vec<String>,
    pub retried: Vec<String>,
}

/// The mails recorded as unprocessable that the office has not settled, oldest first: each
/// with what stopped the bot and the lines that settle it.
pub fn unprocessable(store: &Store) -> Result<Vec<UnprocessableItem>> {
    Ok(store
        .unprocessable_queue()?
        .iter()
        .map(|m| UnprocessableItem {
            id: m.id,
            from: repeated(&sender(m)),
            subject: repeated(&m.subject),
            reason: repeated(m.unprocessable.as_deref().unwrap_or_default()),
            replies: vec![
                format!("#{} 第N项 方案 日期", m.id),
                format!("#{} 第N项 报告 日期", m.id),
                format!("#{} 其他", m.id),
            ],
        })
        .collect())
}

fn sender(m: &MailRecord) -> String {
    match (&m.from_name, &m.from_addr) {
        (Some(n), Some(a)) => format!("{n} <{a}>"),
        (None, Some(a)) => a.clone(),
        _ => "（无）".into(),
    }
}

/// A note when queued mail waits because the mail server refused the office's login.
pub fn login_refused_note(store: &Store) -> Result<Option<String>> {
    let queued = store.outgoing(Some("queued"))?;
    let Some(error) = queued
        .iter()
        .filter_map(|q| q.last_error.as_deref())
        .find_map(|e| e.strip_prefix(LOGIN_REFUSED))
    else {
        return Ok(None);
    };
    Ok(Some(format!(
        "发信服务器拒绝了本办邮箱的登录（{}），QQ 邮箱授权码可能已过期或被更改。{} 封邮件暂存待发，不会丢失，也不会标记为发送失败；系统每 {} 分钟重试一次。请在 QQ 邮箱“设置—账户”中重新生成授权码，写入配置中 password_file 指向的文件（无需重启），或更新 THEMEDAY_SMTP_PASSWORD 环境变量后重启服务。",
        repeated(error),
        queued.len(),
        super::LOGIN_RETRY_MINUTES
    )))
}

/// What the outbox holds that the office should know about.
pub fn sending(config: &Config, store: &Store) -> Result<Sending> {
    let mut out = Sending::default();
    if let Some(n) = login_refused_note(store)? {
        out.needs_person.push(n);
    }
    let mut for_office: Vec<String> = Vec::new();
    for q in store.outgoing(Some("held"))? {
        if q.next_attempt_at == HELD_FOR_OFFICE {
            for_office.extend(q.recipients.iter().cloned());
            continue;
        }
        let retry = DateTime::parse_from_rfc3339(&q.next_attempt_at)
            .map(|t| zh_date_short(t.with_timezone(&config.timezone).date_naive()))
            .unwrap_or_else(|_| "下一个工作日".into());
        let again = if q.kind == kinds::REMINDER {
            "重新生成并发送"
        } else {
            "重新发送"
        };
        out.retried.push(format!(
            "发往 {} 的邮件《{}》因超过每日上限暂未发送，将于{retry}（下一个工作日）{again}。",
            q.recipients.join("、"),
            repeated(&q.subject)
        ));
    }
    if !for_office.is_empty() {
        let n = for_office.len();
        let named: Vec<&str> = for_office
            .iter()
            .take(MAX_HELD_NAMED)
            .map(String::as_str)
            .collect();
        out.needs_person.push(format!(
            "发往从未联系过的邮箱的回执超过每日总量（{} 封），共 {n} 封暂未发送，留待本办处理，系统不会自动补发：{}{}。",
            config.policy.new_address_acks_daily,
            named.join("、"),
            if n > MAX_HELD_NAMED { "等" } else { "" }
        ));
    }
    for q in store.outgoing(Some("uncertain"))? {
        out.needs_person.push(format!(
            "发往 {} 的邮件《{}》发送时程序中断，可能已送达也可能未送达，系统不会重发，请人工核对。",
            q.recipients.join("、"),
            repeated(&q.subject)
        ));
    }
    for q in store.outgoing(Some("failed"))? {
        out.needs_person.push(format!(
            "发往 {} 的邮件《{}》发送失败：{}。",
            q.recipients.join("、"),
            repeated(&q.subject),
            repeated(&q.last_error.unwrap_or_default())
        ));
    }
    Ok(out)
}

/// What the operator is told at the terminal when the mail server refused the office's login.
pub fn login_refused_text(error: &str) -> String {
    format!(
        "发信服务器拒绝登录（{}）：QQ 邮箱授权码可能已过期。待发邮件全部暂存，不会丢失，也未标记为失败；更新授权码后系统会自动重试。",
        repeated(error)
    )
}
