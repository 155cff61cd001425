//! Parse: raw mail bytes → the text the classifier reads.
//!
//! Pure and lenient: bytes in, a [`ParsedMail`] out, no I/O and no clock. mail-parser (with
//! `full_encoding`) decodes the MIME structure, RFC 2047/2231 names and GBK/GB18030/Big5
//! bodies; this module adds what county mail needs on top: the non-standard
//! `filename="=?gb18030?B?…?="` that QQ Mail and Outlook write, HTML-only bodies, the split of
//! a body into the sender's own words and the quoted/forwarded part (also behind the quote
//! markers of a traditional-character client), and the text inside `.docx`, `.pdf` (and,
//! heuristically, `.doc`/`.wps`) attachments; a PDF with no text or a picture of a page is
//! noted in [`Attachment::no_text`]. [`simplified_mail`] gives the classifier a traditional-
//! character mail in simplified characters. A part that cannot be decoded is recorded in
//! `problems`; it never stops the mail from being classified. The one use of a clock: a
//! PDF's extraction runs on its own thread with a wall-clock deadline, a safety net behind
//! its deterministic bounds (`pdf.rs`).
//!
//! Only the sender's own words are evidence: the bot's own mail quoted, pasted or carried back
//! (a reply, a bounce) is set aside in `quoted_ours`, and a mail that answers ours is marked
//! (`replies_to_ours`) so it is judged on its new text only (`reply`, and `ingest::judge`).

mod attachments;
mod cmap;
mod hant;
mod pdf;
mod quote;
pub mod reply;

use chrono::{DateTime, FixedOffset};
use mail_parser::{Address, HeaderValue, MessageParser, MimeHeaders, PartType};

pub use attachments::{attachment_content, attachment_text, docx_text};
pub use hant::{has_traditional, simplified_mail, to_simplified};
pub use pdf::{pdf_text, PdfText};
pub use quote::split_quoted;

/// Attachment text beyond this many characters is not read: plans and reports say what
/// matters on their first pages.
pub const MAX_ATTACHMENT_TEXT: usize = 20_000;

/// All the attachments of one mail together give at most this many characters of text
/// (five full attachments' worth); the rest are listed by name only. A mail with 5,000 tiny
/// `.docx` files otherwise made 100 million characters for the classifier (2 GB of memory and
/// three minutes for one mail).
pub const MAX_MAIL_ATTACHMENT_TEXT: usize = 5 * MAX_ATTACHMENT_TEXT;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attachment {
    pub name: Option<String>,
    pub content_type: String,
    pub size: usize,
    /// Text extracted from the attachment, when its format is readable.
    pub text: Option<String>,
    /// A PDF or picture with no text to read (a scan, a photo), or a PDF that could not be
    /// read: why, in Chinese.
    pub no_text: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ParsedMail {
    pub message_id: Option<String>,
    pub subject: String,
    pub from_name: Option<String>,
    pub from_addr: Option<String>,
    pub reply_to: Option<String>,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub date: Option<DateTime<FixedOffset>>,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    /// The sender's own words (HTML converted to text), above any quoted or forwarded part.
    pub body: String,
    /// Quoted or forwarded text, including forwarded messages attached as message/rfc822.
    pub quoted: String,
    pub attachments: Vec<Attachment>,
    /// Why this mail is automated (RFC 3834 and DESIGN §4), if it is.
    pub automated: Option<String>,
    /// Carries our own loop header: mail this bot sent.
    pub ours: bool,
    /// The bot's own words found in this mail (quoted, pasted or attached back): never
    /// evidence. Kept apart from `quoted` so nothing reads them as the sender's.
    pub quoted_ours: String,
    /// Answers the bot's own mail: names one of its Message-IDs (In-Reply-To, References),
    /// quotes it, or carries it. Judged on the sender's new text only (see `reply`).
    pub replies_to_ours: bool,
    /// Parts that could not be decoded cleanly.
    pub problems: Vec<String>,
}

/// Addresses mail services send their own notices from.
const SYSTEM_SENDERS: &[&str] = &[
    "10000@qq.com",
    "qqmail@tencent.com",
    "service@tencent.com",
    "mail@service.netease.com",
    "postmaster@163.com",
    "postmaster@qq.com",
];

/// The header every outgoing mail carries; mail that has it is never answered.
pub const LOOP_HEADER: &str = "X-Themeday-Loop";

pub fn parse(raw: &[u8]) -> Result<ParsedMail, String> {
    if raw.is_empty() {
        return Err("empty message".into());
    }
    // mail-parser parses untrusted bytes; a panic inside it makes this mail unparseable
    // instead of taking the caller down. (0.11.9 has a reachable debug_assert!, message.rs:485:
    // fixtures/crash/rfc822-in-rfc822-before-closing-boundary.eml.)
    let msg = mime(raw)?.ok_or_else(|| "no RFC 5322 header found".to_string())?;
    let out = read_message(raw, &msg);
    drop_flat(msg);
    out
}

/// mail-parser on untrusted bytes, with a panic inside it turned into an error. Drop the
/// result with [`drop_flat`].
pub(crate) fn mime(raw: &[u8]) -> Result<Option<mail_parser::Message<'_>>, String> {
    std::panic::catch_unwind(|| MessageParser::default().parse(raw))
        .map_err(|_| "the MIME parser failed on this message".to_string())
}

/// Drops a parsed message without recursion. mail-parser keeps the message of a
/// message/rfc822 part inside that part, to any depth, and its derived `Drop` recurses once per
/// level: a 1.4 MB mail of 10,000 nested forwards overflowed the stack (an abort, which no
/// panic handler catches) when `parse` returned.
pub(crate) fn drop_flat(msg: mail_parser::Message<'_>) {
    let mut stack = vec![msg];
    while let Some(mut m) = stack.pop() {
        for part in m.parts.drain(..) {
            if let PartType::Message(inner) = part.body {
                stack.push(inner);
            }
        }
    }
}

fn read_message(raw: &[u8], msg: &mail_parser::Message<'_>) -> Result<ParsedMail, String> {
    if msg.headers().is_empty()
        || (msg.from().is_none()
            && msg.subject().is_none()
            && msg.date().is_none()
            && msg.message_id().is_none())
    {
        return Err("no RFC 5322 header found (not a mail message)".into());
    }
    let mut out = ParsedMail {
        message_id: msg.message_id().map(|s| s.trim().to_string()),
        subject: msg.subject().map(clean_line).unwrap_or_default(),
        date: msg
            .date()
            .and_then(|d| DateTime::parse_from_rfc3339(&d.to_rfc3339()).ok()),
        in_reply_to: msg.in_reply_to().as_text().map(|s| s.to_string()),
        references: match msg.references() {
            HeaderValue::Text(t) => vec![t.to_string()],
            HeaderValue::TextList(l) => l.iter().map(|s| s.to_string()).collect(),
            _ => Vec::new(),
        },
        ..Default::default()
    };
    if let Some(addr) = msg.from().and_then(Address::first) {
        out.from_name = addr.name().map(clean_line).filter(|s| !s.is_empty());
        out.from_addr = addr.address().map(|a| a.trim().to_lowercase());
    }
    out.reply_to = msg
        .reply_to()
        .and_then(Address::first)
        .and_then(|a| a.address())
        .map(|a| a.trim().to_lowercase());
    out.to = addresses(msg.to());
    out.cc = addresses(msg.cc());

    // Bodies: prefer text/plain; fall back to HTML converted to text.
    let mut body = String::new();
    for part in msg.text_bodies() {
        if part.is_encoding_problem {
            out.problems
                .push("a text part has an encoding problem".into());
        }
        let text = match &part.body {
            PartType::Text(t) => repair_charset(raw, part, t),
            PartType::Html(h) => mail_parser::decoders::html::html_to_text(h),
            _ => continue,
        };
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(&text);
    }
    if body.trim().is_empty() {
        for part in msg.html_bodies() {
            if let PartType::Html(h) = &part.body {
                body.push_str(&mail_parser::decoders::html::html_to_text(h));
                body.push('\n');
            }
        }
    }
    let body = normalize_text(&body);
    let (own, quoted) = hant::split_quoted_any(&body);
    // Our own words quoted back are never evidence: a quoted part with our signature is ours
    // (our mail quotes nothing, so what lies below it is older still), and so is our text
    // pasted inline without a separator.
    let (own, inline_ours) = reply::split_ours(&own);
    out.body = own;
    if reply::mentions_our_mail(&quoted) {
        out.quoted_ours = quoted;
    } else {
        out.quoted = quoted;
    }
    if !inline_ours.is_empty() {
        out.quoted_ours = format!("{inline_ours}\n{}", out.quoted_ours);
        // What follows our text inline is older than it: not the sender's new words either.
        out.quoted_ours.push_str(&std::mem::take(&mut out.quoted));
    }
    let mut carries_ours = reply::raw_carries_ours(raw, LOOP_HEADER);

    let mut budget = MAX_MAIL_ATTACHMENT_TEXT;
    for part in msg.attachments() {
        if let Some(inner) = part.message() {
            let sub = inner.subject().unwrap_or_default();
            let text = inner.body_text(0).unwrap_or_default();
            if inner.header_raw(LOOP_HEADER).is_some()
                || inner.message_id().is_some_and(reply::is_our_message_id)
                || reply::mentions_our_mail(&text)
            {
                // Our own mail carried back (a bounce, a forward): set aside, never evidence.
                carries_ours = true;
                out.quoted_ours
                    .push_str(&format!("\n主题：{sub}\n{}", normalize_text(&text)));
                continue;
            }
            // A forwarded mail attached whole: its subject and text count as quoted text.
            out.quoted
                .push_str(&format!("\n主题：{sub}\n{}", normalize_text(&text)));
            for a in inner.attachments() {
                out.attachments.push(read_attachment(a, &mut budget));
            }
            continue;
        }
        out.attachments.push(read_attachment(part, &mut budget));
    }
    if budget == 0 {
        out.problems.push(format!(
            "attachment text beyond {MAX_MAIL_ATTACHMENT_TEXT} characters was not read"
        ));
    }
    out.replies_to_ours = carries_ours
        || !out.quoted_ours.is_empty()
        || out
            .in_reply_to
            .iter()
            .chain(out.references.iter())
            .any(|id| reply::is_our_message_id(id));
    out.automated = automated_reason(msg, &out)
        .or_else(|| nested_report(msg))
        .or_else(|| reply::automated_wording(&out, carries_ours));
    out.ours = msg.header_raw(LOOP_HEADER).is_some();
    Ok(out)
}

/// One attachment, its text taken out of `budget` (none once the budget is spent).
fn read_attachment(part: &mail_parser::MessagePart<'_>, budget: &mut usize) -> Attachment {
    let name = part.attachment_name().map(decode_stray_encoded_words);
    let content_type = part
        .content_type()
        .map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub),
            None => ct.ctype().to_string(),
        })
        .unwrap_or_else(|| "application/octet-stream".into())
        .to_ascii_lowercase();
    let bytes = part.contents();
    let (text, no_text) = if *budget == 0 {
        (None, None)
    } else {
        let (text, no_text) = attachment_content(name.as_deref(), &content_type, bytes);
        let text = text.map(|t| {
            let (cut, used) = match t.char_indices().nth(*budget) {
                Some((i, _)) => (t[..i].to_string(), *budget),
                None => {
                    let n = t.chars().count();
                    (t, n)
                }
            };
            *budget -= used;
            cut
        });
        (text, no_text)
    };
    Attachment {
        name,
        content_type,
        size: bytes.len(),
        text,
        no_text,
    }
}

fn addresses(a: Option<&Address<'_>>) -> Vec<String> {
    a.map(|a| {
        a.iter()
            .filter_map(|x| x.address())
            .map(|s| s.trim().to_lowercase())
            .collect()
    })
    .unwrap_or_default()
}

/// Text parts labelled with an unknown charset come out of mail-parser as lossy UTF-8; when
/// the raw bytes decode cleanly as GB18030 (a superset of GBK and GB2312, what mislabelled
/// county mail almost always is) that reading is used instead.
fn repair_charset(
    raw_message: &[u8],
    part: &mail_parser::MessagePart<'_>,
    decoded: &str,
) -> String {
    if !decoded.contains('\u{fffd}') {
        return decoded.to_string();
    }
    let (start, end) = (part.offset_body as usize, part.offset_end as usize);
    let Some(raw) = raw_message.get(start..end.max(start)) else {
        return decoded.to_string();
    };
    let enc = part
        .content_transfer_encoding()
        .unwrap_or("7bit")
        .to_ascii_lowercase();
    let bytes = match enc.as_str() {
        "base64" => mail_parser::decoders::base64::base64_decode(raw),
        "quoted-printable" => mail_parser::decoders::quoted_printable::quoted_printable_decode(raw),
        _ => Some(raw.to_vec()),
    };
    if let Some(bytes) = bytes {
        let (text, _, had_errors) = encoding_rs::GB18030.decode(&bytes);
        if !had_errors {
            return text.into_owned();
        }
    }
    decoded.to_string()
}

/// QQ Mail and Outlook put RFC 2047 encoded words inside quoted parameters
/// (`filename="=?gb18030?B?…?="`), which RFC 2047 forbids; mail-parser may leave them as is.
pub fn decode_stray_encoded_words(name: &str) -> String {
    if !name.contains("=?") {
        return clean_line(name);
    }
    let mut out = String::new();
    let mut rest = name;
    while let Some(start) = rest.find("=?") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match decode_encoded_word(tail) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = &tail[used..];
                // Whitespace between adjacent encoded words is not part of the text.
                let trimmed = rest.trim_start();
                if trimmed.starts_with("=?") {
                    rest = trimmed;
                }
            }
            None => {
                out.push_str("=?");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    clean_line(&out)
}

/// Decodes one `=?charset?B|Q?text?=`; returns the text and the bytes consumed.
fn decode_encoded_word(s: &str) -> Option<(String, usize)> {
    let body = s.strip_prefix("=?")?;
    let q1 = body.find('?')?;
    let charset = &body[..q1];
    let charset = charset.split('*').next().unwrap_or(charset);
    let enc = body.get(q1 + 1..q1 + 2)?;
    if body.get(q1 + 2..q1 + 3)? != "?" {
        return None;
    }
    let payload_start = q1 + 3;
    let end = body[payload_start..].find("?=")? + payload_start;
    let payload = &body[payload_start..end];
    let bytes = match enc {
        "B" | "b" => mail_parser::decoders::base64::base64_decode(payload.as_bytes())?,
        "Q" | "q" => q_decode(payload),
        _ => return None,
    };
    let encoding =
        encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let encoding = if encoding == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        encoding
    };
    let (text, _, _) = encoding.decode(&bytes);
    Some((text.into_owned(), 2 + end + 2))
}

fn q_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'_' => out.push(b' '),
            b'=' if i + 2 < b.len() => {
                match u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16)
                {
                    Ok(v) => {
                        out.push(v);
                        i += 2;
                    }
                    Err(_) => out.push(b'='),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

fn clean_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Normalizes line ends, non-breaking and full-width spaces, and runs of blank lines.
pub fn normalize_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace(['\r', '\u{a0}'], " ");
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let l = line.trim_end();
        if l.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// A delivery or disposition report below the top level (a gateway that wrapped a bounce in
/// multipart/mixed to add its footer).
fn nested_report(msg: &mail_parser::Message<'_>) -> Option<String> {
    msg.parts.iter().skip(1).find_map(|part| {
        let ct = part.content_type()?;
        let (t, s) = (ct.ctype(), ct.subtype().unwrap_or(""));
        let report = (t.eq_ignore_ascii_case("multipart") && s.eq_ignore_ascii_case("report"))
            || (t.eq_ignore_ascii_case("message")
                && (s.eq_ignore_ascii_case("delivery-status")
                    || s.eq_ignore_ascii_case("disposition-notification")));
        report.then(|| "delivery or disposition report inside the mail".to_string())
    })
}

/// RFC 3834 and DESIGN §4: mail that must never be answered.
fn automated_reason(msg: &mail_parser::Message<'_>, p: &ParsedMail) -> Option<String> {
    let raw = |name: &str| msg.header_raw(name).map(|v| v.trim().to_ascii_lowercase());
    if let Some(v) = raw("Auto-Submitted") {
        if v != "no" && !v.starts_with("no ") && !v.starts_with("no;") {
            return Some(format!("Auto-Submitted: {v}"));
        }
    }
    if let Some(v) = raw("Precedence") {
        if ["bulk", "junk", "list", "auto_reply"]
            .iter()
            .any(|k| v.contains(k))
        {
            return Some(format!("Precedence: {v}"));
        }
    }
    for h in [
        "List-Id",
        "List-Unsubscribe",
        "X-Loop",
        "X-Auto-Response-Suppress",
        "X-Autoreply",
        "X-Autorespond",
    ] {
        if msg.header_raw(h).is_some() {
            return Some(format!("{h} header"));
        }
    }
    if let Some(rp) = raw("Return-Path") {
        if rp
            .trim_matches(|c| c == '<' || c == '>' || c == ' ')
            .is_empty()
        {
            return Some("empty Return-Path".into());
        }
    }
    if let Some(ct) = msg.content_type() {
        if ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
        {
            return Some("delivery or disposition report".into());
        }
    }
    if let Some(addr) = &p.from_addr {
        // Mail services' own system senders (QQ Mail's 10000@qq.com: file expiry, security
        // notices): never a person.
        if SYSTEM_SENDERS.iter().any(|s| addr.eq_ignore_ascii_case(s)) {
            return Some(format!("automated sender {addr}"));
        }
        let local = addr.split('@').next().unwrap_or("");
        let local = local.replace(['-', '_', '.'], "");
        for k in [
            "mailerdaemon",
            "postmaster",
            "noreply",
            "donotreply",
            "bounce",
            "notify",
            "notification",
            "newsletter",
        ] {
            if local.starts_with(k) || local == k {
                return Some(format!("automated sender {addr}"));
            }
        }
    }
    let subj = p.subject.to_lowercase();
    for k in [
        "自动回复",
        "自动答复",
        "automatic reply",
        "auto reply",
        "autoreply",
        "out of office",
        "退信",
        "undelivered mail",
        "undeliverable",
        "delivery status notification",
        "delivery failure",
        "mail delivery failed",
        "returned mail",
        "已被对方阅读",
        "阅读回执",
        "邮件收条",
    ] {
        if subj.contains(k) {
            return Some(format!("subject says {k:?}"));
        }
    }
    // Read receipts: "已读：…" (QQ Mail, Foxmail), "Read: …" (Outlook), and the RFC 8098
    // disposition notification.
    let trimmed = subj.trim_start();
    if ["已读:", "已读：", "read:", "已阅读:", "已阅读："]
        .iter()
        .any(|k| trimmed.starts_with(k))
        || msg.header_raw("Original-Recipient").is_some()
        || p.body.contains("此收条由") && p.body.contains("自动发出")
    {
        return Some("read receipt".into());
    }
    None
}
