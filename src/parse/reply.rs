//! Replies to the bot's own mail, and the automated mail that answers it.
//!
//! Pure: text and headers in, facts out. What this room finds is never evidence for a
//! submission: the bot's own words quoted back (an ack, a reminder, a digest) are set aside
//! (`ParsedMail::quoted_ours`), and a mail that answers ours is marked
//! (`ParsedMail::replies_to_ours`) so the ingest layer judges it on the sender's new text only.
//! It also recognises what auto-responders and mail servers send without RFC 3834 headers:
//! out-of-office replies in Chinese and English, "mail received" auto-acks, and bounces in the
//! wording QQ Mail, 163, Sina and Outlook use.
//!
//! It may not decide a mail's kind: that is the classifier's (and the ingest layer's) job.

use super::ParsedMail;

/// Phrases that only the bot's own mail carries (the signature under every ack and reminder,
/// and the digest's last line). Matched with whitespace removed, so a client's line wrapping
/// does not hide them.
const OUR_MARKERS: &[&str] = &["材料登记系统自动发送", "材料登记系统生成"];

/// Lines that open one of the bot's mails (or stand in its header block when a client quotes
/// it inline without a separator): where our text starts inside a body.
const OUR_OPENINGS: &[&str] = &[
    "【逾期提醒】",
    "【报送提醒】",
    "回执：",
    "材料日报（",
    "根据《洞口县",
    "贵单位于",
    "登记情况如下",
    "经核对，贵单位",
    "县政务公开办将人工核对",
];

/// The prefix of the reason recorded for a unit's short note in reply to our mail; the
/// note's text follows it. The digest shows such a mail as 单位来信 with this text.
pub const UNIT_MESSAGE: &str = "unit message in reply to our mail: ";

/// The longest own text (in characters) a reply may have and still be a short note.
const SHORT_NOTE_CHARS: usize = 160;
/// The most non-empty lines of own text a short note may have.
const SHORT_NOTE_LINES: usize = 3;

/// `<themeday.HEX@domain>`: the Message-ID the bot gives its own mail
/// (`notify::message_id_for`).
pub fn is_our_message_id(id: &str) -> bool {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    id.strip_prefix("themeday.")
        .and_then(|rest| rest.split_once('@'))
        .is_some_and(|(hex, domain)| {
            hex.len() >= 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()) && !domain.is_empty()
        })
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `text` contains the bot's own words (its signature or the digest's last line).
pub fn mentions_our_mail(text: &str) -> bool {
    let c = compact(text);
    OUR_MARKERS.iter().any(|m| c.contains(m))
}

/// Strips reply and forward prefixes (`Re:`, `回复：`, `答复:`, `Fw:`, `转发：`…), repeatedly.
pub fn strip_reply_prefixes(subject: &str) -> &str {
    let mut s = subject.trim();
    loop {
        let lower = s.to_lowercase();
        let cut = [
            "re:",
            "re：",
            "回复:",
            "回复：",
            "答复:",
            "答复：",
            "fw:",
            "fw：",
            "fwd:",
            "fwd：",
            "转发:",
            "转发：",
            "aw:",
        ]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| p.len());
        match cut {
            // The prefixes are the same length in bytes lowercased or not (ASCII and CJK).
            Some(n) if s.is_char_boundary(n) => s = s[n..].trim_start(),
            _ => return s,
        }
    }
}

/// Whether a subject is one the bot wrote (an ack, a reminder, the digest), kept by the
/// sender's "Re:": then it says nothing about what the sender sent.
pub fn is_our_subject(subject: &str) -> bool {
    let s = strip_reply_prefixes(subject);
    s.starts_with("回执：")
        || s.starts_with("【逾期提醒】")
        || s.starts_with("【报送提醒】")
        || (s.starts_with("“政务公开主题日”材料日报")
            || s.starts_with("\"政务公开主题日\"材料日报"))
}

/// Splits a body's own text from the bot's own words when a client quoted our mail without
/// a separator the quote splitter knows: everything from the first line that opens one of our
/// mails (or, failing that, from our signature) is ours. Returns (own, ours); `ours` is empty
/// when `own` does not carry our words.
pub fn split_ours(own: &str) -> (String, String) {
    if !mentions_our_mail(own) {
        return (own.to_string(), String::new());
    }
    let lines: Vec<&str> = own.lines().collect();
    let opening = lines.iter().position(|l| {
        let c = compact(l);
        OUR_OPENINGS.iter().any(|o| c.contains(o))
    });
    let marker = lines.iter().position(|l| mentions_our_mail(l));
    let Some(mut cut) = opening.or(marker) else {
        return (own.to_string(), String::new());
    };
    // Our salutation ("县司法局：", "您好：") stands just above our first sentence.
    while cut > 0 {
        let prev = lines[cut - 1].trim();
        if prev.is_empty() || (prev.ends_with('：') && prev.chars().count() <= 20) {
            cut -= 1;
        } else {
            break;
        }
    }
    (lines[..cut].join("\n"), lines[cut..].join("\n"))
}

/// Device and client signatures that say nothing (`发自我的iPhone`, `Sent from my…`).
fn is_device_signature(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    l.starts_with("发自我的")
        || l.starts_with("来自我的")
        || l.starts_with("sent from my")
        || l.starts_with("get outlook for")
        || l.starts_with("发自网易邮箱")
        || l.starts_with("发自 网易邮箱")
        || l.starts_with("来自网易邮箱")
        || l.starts_with("发自qq邮箱")
        || l.starts_with("发自 qq邮箱")
        || l == "--"
        || l == "-- "
        // Foxmail signs with the bare address by default.
        || (!l.contains(char::is_whitespace)
            && l.contains('@')
            && l.rsplit_once('@').is_some_and(|(_, d)| d.contains('.')))
}

/// The sender's own new text, line by line: non-empty lines, device signatures left out.
pub fn own_lines(p: &ParsedMail) -> Vec<String> {
    p.body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_device_signature(l))
        .map(str::to_string)
        .collect()
}

/// Attachments that could carry a submission: anything but a small inline image (the logo in
/// an Outlook or Foxmail signature).
pub fn substantive_attachments(p: &ParsedMail) -> usize {
    p.attachments
        .iter()
        .filter(|a| !(a.content_type.starts_with("image/") && a.size < 64 * 1024))
        .count()
}

/// A line or two of new text and no attachment: a note, not a submission.
pub fn is_short_note(p: &ParsedMail) -> bool {
    let lines = own_lines(p);
    let chars: usize = lines.iter().map(|l| l.chars().count()).sum();
    substantive_attachments(p) == 0 && lines.len() <= SHORT_NOTE_LINES && chars <= SHORT_NOTE_CHARS
}

/// The note's text as the office reads it in the digest: one line, at most 200 characters,
/// no control characters.
pub fn note_text(p: &ParsedMail) -> String {
    let joined = own_lines(p).join(" ");
    let clean: String = joined
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    if clean.trim().is_empty() {
        "（无正文）".to_string()
    } else {
        clean
    }
}

/// Bounce wording in a subject (QQ Mail, 163, Sina, Outlook, Exchange, Postfix).
const BOUNCE_SUBJECT: &[&str] = &[
    "退信",
    "投递失败",
    "无法送达",
    "无法投递",
    "无法传递",
    "未能送达",
    "发送失败通知",
    "邮件被退回",
    "undeliverable",
    "undelivered",
    "delivery status notification",
    "delivery failure",
    "delivery has failed",
    "mail delivery failed",
    "failure notice",
    "returned mail",
    "non-delivery",
];

/// Bounce wording in a body, for a bounce whose subject says nothing (or a forwarder that
/// rewrote it).
const BOUNCE_BODY: &[&str] = &[
    "退信原因",
    "系统退信",
    "邮件无法送达",
    "投递失败",
    "无法投递到",
    "未能成功送达",
    "could not be delivered",
    "delivery has failed",
    "was not delivered",
    "couldn't be delivered",
    "permanent error",
    "undeliverable",
];

/// Auto-reply wording in a subject.
const AUTOREPLY_SUBJECT: &[&str] = &[
    "自动回复",
    "自动答复",
    "out of office",
    "automatic reply",
    "auto reply",
    "auto-reply",
    "autoreply",
];

/// Absence wording in a subject: an auto-reply only when the mail answers ours (a unit may
/// well write about 休假 in a question of its own).
const ABSENCE_SUBJECT: &[&str] = &[
    "休假",
    "不在办公室",
    "out of the office",
    "away from the office",
    "on vacation",
];

/// Auto-reply wording in a short body: out-of-office and "your mail has been received"
/// auto-acks.
const AUTOREPLY_BODY: &[&str] = &[
    "自动回复",
    "自动答复",
    "您的邮件已收到",
    "您的来信已收到",
    "您的邮件我已收到",
    "您的来信我已收到",
    "来信已收到，我会",
    "邮件已收到，我会",
    "会尽快回复您",
    "i am out of the office",
    "i'm out of the office",
    "i am currently out of the office",
    "out of office",
    "automatic reply",
    "auto-reply",
    "i am on leave",
    "i am on vacation",
    "i'm on vacation",
    "i am away",
    "i will be out",
    "with limited access to email",
    "your email has been received",
    "your message has been received",
];

/// Absence wording in a short body: an out-of-office only when the mail answers ours (a unit
/// may ask about a deadline "出差期间" in a mail of its own).
const ABSENCE_BODY: &[&str] = &[
    "正在休假",
    "休假期间",
    "休假中",
    "外出期间",
    "出差期间",
    "不在办公室",
];

/// Own text longer than this is not read for auto-reply wording: a real submission may
/// mention 休假 or 外出 in passing.
const AUTOREPLY_BODY_MAX_CHARS: usize = 400;

/// What auto-responders and mail servers send without RFC 3834 headers: bounces by their
/// wording (or a mail carrying our own mail back), out-of-office replies and auto-acks by
/// theirs. `carries_ours` says a `message/rfc822` or headers part of this mail is the bot's
/// own mail.
pub fn automated_wording(p: &ParsedMail, carries_ours: bool) -> Option<String> {
    let subject = p.subject.to_lowercase();
    if let Some(k) = BOUNCE_SUBJECT.iter().find(|k| subject.contains(*k)) {
        return Some(format!("bounce: subject says {k:?}"));
    }
    let own = own_lines(p).join("\n").to_lowercase();
    let own_compact = compact(&own);
    let bounce_body = BOUNCE_BODY
        .iter()
        .find(|k| own.contains(*k) || own_compact.contains(&compact(k)));
    if carries_ours {
        if let Some(k) = bounce_body {
            return Some(format!("bounce carrying our own mail: says {k:?}"));
        }
        if own_compact.is_empty() {
            return Some("carries our own mail back with no text of its own".into());
        }
    }
    let short = own.chars().count() <= AUTOREPLY_BODY_MAX_CHARS && substantive_attachments(p) == 0;
    if short {
        if let Some(k) = bounce_body {
            return Some(format!("bounce: says {k:?}"));
        }
    }
    if let Some(k) = AUTOREPLY_SUBJECT.iter().find(|k| subject.contains(*k)) {
        if short || p.replies_to_ours {
            return Some(format!("auto-reply: subject says {k:?}"));
        }
    }
    if let Some(k) = ABSENCE_SUBJECT.iter().find(|k| subject.contains(*k)) {
        if p.replies_to_ours {
            return Some(format!("auto-reply: subject says {k:?}"));
        }
    }
    if short {
        if let Some(k) = AUTOREPLY_BODY
            .iter()
            .find(|k| own.contains(*k) || own_compact.contains(&compact(k)))
        {
            return Some(format!("auto-reply: says {k:?}"));
        }
        if p.replies_to_ours {
            if let Some(k) = ABSENCE_BODY.iter().find(|k| own.contains(*k)) {
                return Some(format!("auto-reply: says {k:?}"));
            }
        }
    }
    None
}

/// Whether the raw bytes carry the bot's loop header below the top-level header block: a
/// bounce or report quoting our mail's headers (`text/rfc822-headers`, `message/rfc822`).
pub fn raw_carries_ours(raw: &[u8], loop_header: &str) -> bool {
    let head_end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n"))
        .unwrap_or(raw.len());
    let name = format!("{}:", loop_header.to_ascii_lowercase());
    let name = name.as_bytes();
    // Line by line: linear in the size of the mail whatever it holds.
    raw[head_end..]
        .split(|&b| b == b'\n')
        .any(|line| line.len() >= name.len() && line[..name.len()].eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_message_ids() {
        assert!(is_our_message_id(
            "<themeday.10f6996b56796ba2@dongkou.local>"
        ));
        assert!(is_our_message_id(
            "themeday.0123456789abcdef01234567@qq.com"
        ));
        assert!(!is_our_message_id("<tencent_56194FC90B75@qq.com>"));
        assert!(!is_our_message_id("<themeday.not-hex@qq.com>"));
        assert!(!is_our_message_id("<themeday.0123456789ab>"));
    }

    #[test]
    fn our_subjects_through_prefixes() {
        assert!(is_our_subject(
            "Re: 【逾期提醒】“政务公开主题日”活动材料逾期未报送（县司法局）"
        ));
        assert!(is_our_subject("回复：Re：回执：来信已收到"));
        assert!(is_our_subject(
            "RE: “政务公开主题日”材料日报（2023年5月4日）"
        ));
        assert!(!is_our_subject("Re: 县司法局宪法宣传活动方案"));
    }

    #[test]
    fn our_words_inline_are_split_off() {
        let body = "收到，我们尽快报送。\n县司法局：\n\n根据《洞口县2023年“政务公开主题日”活动实施方案》……\n（本邮件由“政务公开主题日”材料登记系统自动\n发送。）";
        let (own, ours) = split_ours(body);
        assert_eq!(own.trim(), "收到，我们尽快报送。");
        assert!(ours.starts_with("县司法局：") && ours.contains("根据《洞口县"));
        let (own, ours) = split_ours("现将方案报送如下。");
        assert_eq!((own.as_str(), ours.as_str()), ("现将方案报送如下。", ""));
    }
}
