//! What the digest tells the office about trouble: mail the bot recorded but could not handle
//! (无法处理的邮件), and an outbox held because the mail server refused the office's login.
//!
//! Only reads the store and writes Chinese text; it queues and sends nothing. Anything a
//! sender wrote is repeated through `safetext::repeated` (cut, no control characters).

use super::LOGIN_REFUSED;
use crate::error::Result;
use crate::records::MailRecord;
use crate::safetext::repeated;
use crate::store::Store;

/// Column headers of the 无法处理的邮件 table, matching [`unprocessable_rows`].
pub const UNPROCESSABLE_HEADERS: [&str; 5] = ["编号", "发件人", "主题", "原因", "处理办法"];

/// The mails recorded as unprocessable that the office has not settled, oldest first: each
/// with what stopped the bot and how to settle it.
pub fn unprocessable_rows(store: &Store) -> Result<Vec<Vec<String>>> {
    Ok(store
        .unprocessable_queue()?
        .iter()
        .map(|m| {
            vec![
                format!("#{}", m.id),
                repeated(&sender(m)),
                repeated(&m.subject),
                repeated(m.unprocessable.as_deref().unwrap_or_default()),
                format!(
                    "已存档，未回复。核对原件后用 themeday assign {} --activity 序号 --kind plan|report 登记，或 themeday assign {} --other",
                    m.id, m.id
                ),
            ]
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

/// What the operator is told at the terminal when the mail server refused the office's login.
pub fn login_refused_text(error: &str) -> String {
    format!(
        "发信服务器拒绝登录（{}）：QQ 邮箱授权码可能已过期。待发邮件全部暂存，不会丢失，也未标记为失败；更新授权码后系统会自动重试。",
        repeated(error)
    )
}
