//! The bot's own mail, seen again in the mailbox it watches: the digest and overdue copies it
//! sends to the office, and its confirmations of the office's commands.
//!
//! Such a mail is from the office's address and carries our loop header or a Message-ID we
//! made (`<themeday.…@office domain>`, see [`super::message_id_for`]). It is never recorded as
//! new mail: the daemon notes its source and moves on.
//!
//! Also the mark the digest carries for the office's replies: a token in its subject
//! (`[TD-…]`, kept by "Re:"), which a reply must carry for its commands to count (see
//! `crate::commands`). Pure: reads headers and subjects, nothing else.

use mail_parser::MessageParser;

use crate::config::Config;
use crate::parse::LOOP_HEADER;
use crate::store::TOKEN_LEN;

/// Whether a Message-ID (with or without angle brackets) is one [`super::message_id_for`]
/// makes for this office.
pub fn is_our_message_id(config: &Config, message_id: &str) -> bool {
    let id = message_id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>');
    let domain = config
        .office_address
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or("localhost");
    let Some((local, dom)) = id.rsplit_once('@') else {
        return false;
    };
    let Some(h) = local.strip_prefix("themeday.") else {
        return false;
    };
    dom.eq_ignore_ascii_case(domain) && h.len() == 24 && h.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The Message-ID of `raw` when it is mail this bot sent (its From is the office and it
/// carries our loop header or one of our Message-IDs); `None` for anything else.
pub fn own_mail(config: &Config, raw: &[u8]) -> Option<Option<String>> {
    // Only the header block is read (a cheap check before a mail is prepared).
    let head = std::panic::catch_unwind(|| MessageParser::default().parse_headers(raw)).ok()??;
    let from = head
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(|a| a.trim().to_lowercase())?;
    if from != config.office_address {
        return None;
    }
    let mid = head.message_id().map(str::to_string);
    let loop_header = head
        .header_raw(LOOP_HEADER)
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(&config.office_address));
    let our_id = mid.as_deref().is_some_and(|m| is_our_message_id(config, m));
    (loop_header || our_id).then_some(mid)
}

/// The office's commands (form, what it does), as the digest and the confirmations list
/// them; `crate::commands::parse` reads them.
pub const COMMAND_HELP: &[(&str, &str)] = &[
    (
        "#编号 第N项 方案 [日期]",
        "把邮件登记为第N项活动的活动方案（日期可写 2023-04-28 或 4月28日）",
    ),
    ("#编号 第N项 报告 [日期]", "把邮件登记为第N项活动的情况报告"),
    (
        "#编号 第N项 报告 [日期]；第M项 方案 [日期]",
        "一封邮件含多项材料：逐项登记",
    ),
    ("#编号 其他", "该邮件不是报送材料"),
    ("#编号 确认", "同意系统对待核对邮件的识别结果"),
    ("#编号 发布", "同意该情况报告在门户网站专栏发布"),
    ("#编号 不发布", "该情况报告不在专栏发布"),
    ("确认邮箱 单位名 地址", "确认该邮箱为该单位的邮箱"),
    ("删除邮箱 地址", "删除系统记住的邮箱"),
];

/// Why a reply's commands were not carried out, from the authority recorded for it (see
/// `crate::commands::Authority::code`).
pub fn refusal_why(code: &str) -> &'static str {
    match code {
        "not-office" => "发件人不是本办邮箱或工作人员邮箱",
        "dkim-failed" => "邮件的 DKIM 签名验证失败，可能是冒用本办邮箱",
        "no-token" => "邮件主题中没有日报口令（形如 [TD-XXXXXXXX]）",
        "unknown-token" => "邮件主题中的口令不是本系统发出的",
        "expired" => "邮件主题中的日报口令已过期",
        "unreadable" => "邮件无法读取",
        _ => "未获授权",
    }
}

/// The subject tag that carries a digest's token.
pub fn token_tag(token: &str) -> String {
    format!("[TD-{token}]")
}

/// The token in a subject: `TD-` and [`TOKEN_LEN`] letters or digits (full-width accepted),
/// uppercased.
pub fn token_in(subject: &str) -> Option<String> {
    let upper: String = subject
        .chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .to_ascii_uppercase();
    let mut rest = upper.as_str();
    while let Some(i) = rest.find("TD-") {
        let cand: String = rest[i + 3..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if cand.len() == TOKEN_LEN {
            return Some(cand);
        }
        rest = &rest[i + 3..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let root = env!("CARGO_MANIFEST_DIR");
        Config::load(&std::path::Path::new(root).join("config/demo.toml")).unwrap()
    }

    fn mail(from: &str, extra: &str) -> Vec<u8> {
        format!("From: {from}\r\nTo: 43347867@qq.com\r\nSubject: x\r\n{extra}\r\nhello\r\n")
            .into_bytes()
    }

    #[test]
    fn our_mail_by_loop_header_or_message_id() {
        let c = config();
        let mid = "<themeday.0123456789abcdef01234567@qq.com>";
        assert!(is_our_message_id(&c, mid));
        assert!(!is_our_message_id(
            &c,
            "<themeday.0123456789abcdef01234567@163.com>"
        ));
        assert!(!is_our_message_id(&c, "<themeday.xyz@qq.com>"));
        let ours = mail("43347867@qq.com", "X-Themeday-Loop: 43347867@qq.com\r\n");
        assert_eq!(own_mail(&c, &ours), Some(None));
        let by_id = mail("<43347867@qq.com>", &format!("Message-ID: {mid}\r\n"));
        assert!(own_mail(&c, &by_id).is_some());
        // A unit's mail carrying our marks is the unit's.
        let unit = mail(
            "1623857740@qq.com",
            &format!("X-Themeday-Loop: 43347867@qq.com\r\nMessage-ID: {mid}\r\n"),
        );
        assert_eq!(own_mail(&c, &unit), None);
        // The office's own reply is not ours.
        let reply = mail("43347867@qq.com", "Message-ID: <tencent_ABC@qq.com>\r\n");
        assert_eq!(own_mail(&c, &reply), None);
    }

    #[test]
    fn token_survives_re_and_full_width() {
        assert_eq!(
            token_in("回复：“政务公开主题日”材料日报（2023年4月20日）[TD-7K3M9QXA]").as_deref(),
            Some("7K3M9QXA")
        );
        assert_eq!(
            token_in("Re: 日报 ［ＴＤ－7k3m9qxa］").as_deref(),
            Some("7K3M9QXA")
        );
        assert_eq!(token_in("日报 TD-7K3M"), None);
        assert_eq!(token_in("日报"), None);
    }
}
