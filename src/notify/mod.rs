//! Notify: the mail the bot writes (acknowledgements, reminders, the digest) and the outbox
//! that delivers it.
//!
//! Everything a unit or the office reads is formal Chinese. Every outgoing mail carries
//! `Auto-Submitted`, `X-Auto-Response-Suppress` and our loop header, a stable Message-ID made
//! from its dedup key, and the `--now` instant as its Date, so a replayed season writes the
//! same mail. Mail is built and queued in the store; [`deliver_due`] sends it through a
//! [`Transport`] with retry and backoff, within the daily budgets of [`budget`] (per kind and
//! recipient, a total for acknowledgements to never-seen addresses); held mail is retried on
//! the next working day.
//!
//! When the server refuses the office's login (SMTP 535, e.g. an expired QQ 授权码) no mail is
//! at fault: the whole outbox is held and tried again later, nothing is marked failed, the
//! refusal is logged once an hour and the digest says so.

pub mod ack;
mod attachments;
pub mod budget;
pub mod digest;
pub mod digest_data;
pub mod digest_view;
mod evidence;
pub mod file;
pub mod jobs;
pub mod own;
pub mod questions;
pub mod remind;
pub mod smtp;
pub mod trouble;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Weekday};
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::Message;
use sha2::{Digest, Sha256};

use crate::config::{Config, Outgoing as OutgoingCfg};
use crate::error::{Error, Result};
use crate::parse::LOOP_HEADER;
use crate::store::{Outgoing, Store};

/// Why a send failed, and whether trying again can help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// Connection refused, timeout, 4xx: retry later.
    Transient(String),
    /// 5xx for this mail: retrying will not help.
    Permanent(String),
    /// The server refused the office's login (530/534/535/538, or no way to log in): no mail
    /// is at fault, so the whole outbox waits until the login works again.
    Login(String),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Transient(e) => write!(f, "temporary failure: {e}"),
            SendError::Permanent(e) => write!(f, "permanent failure: {e}"),
            SendError::Login(e) => write!(f, "{LOGIN_REFUSED}{e}"),
        }
    }
}

/// Sends one finished message. Implementations: SMTP (lettre) and files.
pub trait Transport {
    fn send_raw(
        &mut self,
        from: &str,
        to: &[String],
        raw: &[u8],
        id: &str,
    ) -> std::result::Result<(), SendError>;
}

pub fn transport_for(config: &Config) -> Result<Box<dyn Transport + Send>> {
    Ok(match &config.outgoing {
        OutgoingCfg::File { dir } => Box::new(file::FileTransport::new(dir.clone())?),
        OutgoingCfg::Smtp(s) => Box::new(smtp::SmtpSender::new(s)?),
    })
}

/// The kinds of outgoing mail.
pub mod kinds {
    pub const ACK: &str = "ack";
    pub const REMINDER: &str = "reminder";
    pub const DIGEST: &str = "digest";
}

/// A mail to build: plain text (and optionally HTML) in Chinese.
pub struct Draft {
    pub kind: &'static str,
    pub dedup_key: String,
    pub mail_id: Option<i64>,
    pub unit: Option<String>,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    /// `auto-replied` for acknowledgements, `auto-generated` for the rest.
    pub auto_submitted: &'static str,
}

pub fn message_id_for(config: &Config, dedup_key: &str) -> String {
    let h = hex::encode(&Sha256::digest(dedup_key.as_bytes())[..12]);
    let domain = config
        .office_address
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or("localhost");
    format!("<themeday.{h}@{domain}>")
}

fn mailbox(name: Option<&str>, addr: &str) -> Result<Mailbox> {
    let address = addr
        .parse()
        .map_err(|e| Error::Send(format!("bad address {addr:?}: {e}")))?;
    Ok(Mailbox::new(name.map(str::to_string), address))
}

/// Builds the RFC 5322 bytes of a draft.
pub fn build(config: &Config, d: &Draft, now: DateTime<FixedOffset>) -> Result<Outgoing> {
    let message_id = message_id_for(config, &d.dedup_key);
    let mut b = Message::builder()
        .from(mailbox(
            Some(&config.office_short_name),
            &config.office_address,
        )?)
        .subject(d.subject.clone())
        .message_id(Some(message_id.clone()))
        // lettre writes its own Date (it rejects a raw one with an offset); the instant is
        // `now`, and `local_date` below rewrites it in the office's time zone.
        .date(std::time::SystemTime::from(now))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            d.auto_submitted.to_string(),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("X-Auto-Response-Suppress"),
            "All".to_string(),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str(LOOP_HEADER),
            config.office_address.clone(),
        ));
    for t in &d.to {
        b = b.to(mailbox(None, t)?);
    }
    for c in &d.cc {
        b = b.cc(mailbox(None, c)?);
    }
    if let Some(irt) = &d.in_reply_to {
        b = b.in_reply_to(irt.clone());
    }
    if !d.references.is_empty() {
        b = b.references(d.references.join(" "));
    }
    let msg = match &d.html {
        None => b.singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(d.text.clone()),
        ),
        Some(html) => b.multipart(MultiPart::alternative_plain_html(
            d.text.clone(),
            html.clone(),
        )),
    }
    .map_err(|e| Error::Send(format!("cannot build mail: {e}")))?;
    let mut recipients = d.to.clone();
    recipients.extend(d.cc.iter().cloned());
    Ok(Outgoing {
        kind: d.kind.to_string(),
        dedup_key: d.dedup_key.clone(),
        mail_id: d.mail_id,
        unit: d.unit.clone(),
        recipients,
        message_id,
        subject: d.subject.clone(),
        raw: local_date(
            msg.formatted(),
            &now.with_timezone(&config.timezone).to_rfc2822(),
        ),
    })
}

/// The message with its `Date:` header replaced by `date` (RFC 2822 in the office's time
/// zone, `Thu, 20 Apr 2023 09:00:00 +0800`).
fn local_date(raw: Vec<u8>, date: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + 8);
    let mut rest = raw.as_slice();
    let mut done = false;
    while !rest.is_empty() {
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at(end);
        if line == b"\r\n" || line == b"\n" {
            // End of the header block: the body is copied as it is.
            out.extend_from_slice(rest);
            break;
        }
        if !done && line.len() >= 5 && line[..5].eq_ignore_ascii_case(b"date:") {
            out.extend_from_slice(format!("Date: {date}\r\n").as_bytes());
            // Its folded continuation lines, if any, go too.
            let mut t = tail;
            while t.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
                let e = t
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(t.len(), |i| i + 1);
                t = &t[e..];
            }
            rest = t;
            done = true;
            continue;
        }
        out.extend_from_slice(line);
        rest = tail;
    }
    out
}

/// The outcome of one delivery pass.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
    pub held: usize,
    /// The server refused the office's login: the outbox is held (see [`SendError::Login`]).
    pub login_refused: Option<String>,
}

/// How a refused login starts the `last_error` of the mail that met it (the digest looks
/// for it).
pub const LOGIN_REFUSED: &str = "login refused by the mail server: ";

/// After a refused login the outbox waits this long before the next try: a server that locks
/// accounts after repeated failures sees one login every ten minutes, not one a second.
pub const LOGIN_RETRY_MINUTES: i64 = 10;

/// True at most once an hour per `slot`: for problems that recur on every pass (a refused
/// login, an unreadable password file), so the log says it without saying it every second.
pub fn once_an_hour(slot: &std::sync::Mutex<Option<std::time::Instant>>) -> bool {
    let mut last = slot.lock().unwrap_or_else(|e| e.into_inner());
    let due = last.is_none_or(|t| t.elapsed() >= std::time::Duration::from_secs(3600));
    if due {
        *last = Some(std::time::Instant::now());
    }
    due
}

static LOGIN_LOGGED: std::sync::Mutex<Option<std::time::Instant>> = std::sync::Mutex::new(None);

/// Backoff after `attempts` failures: 30 s doubling, at most 15 minutes.
pub fn backoff(attempts: i64) -> Duration {
    let secs = 30i64
        .saturating_mul(1 << attempts.clamp(0, 10))
        .min(15 * 60);
    Duration::seconds(secs)
}

/// Transient failures are retried for this long before the mail is given up (and shown in
/// the digest).
pub const GIVE_UP_AFTER_HOURS: i64 = 72;

/// Sends every queued mail that is due, within the daily budgets (mail over a budget is held,
/// logged and shown in the digest, never silently dropped, and retried on the next working
/// day unless it is held for the office). Each mail is marked `sending` before it is handed
/// over, so a crash cannot make it go out twice.
pub fn deliver_due(
    config: &Config,
    store: &Store,
    transport: &mut dyn Transport,
    now: DateTime<FixedOffset>,
) -> Result<Delivery> {
    let mut out = Delivery::default();
    budget::release_held(store, now)?;
    // Today's counts, read once per pass and kept up to date as mail goes out.
    let mut budget = budget::Budget::load(config, store, now)?;
    // Held mail is logged once per reason per pass (with the count), each mail at debug: a
    // cold start over a full mailbox can hold hundreds, and a line per mail floods the log.
    let mut held: Vec<(String, usize)> = Vec::new();
    for q in store.due_outgoing(now, 200)? {
        if let budget::Verdict::Hold { why, until } = budget.check(config, store, &q)? {
            tracing::debug!(outbox = q.id, recipients = ?q.recipients, "held: {why}");
            store.hold_until(q.id, &why, &until)?;
            out.held += 1;
            match held.iter_mut().find(|(w, _)| *w == why) {
                Some((_, n)) => *n += 1,
                None => held.push((why, 1)),
            }
            continue;
        }
        store.mark_sending(q.id)?;
        match transport.send_raw(&config.office_address, &q.recipients, &q.raw, &q.message_id) {
            Ok(()) => {
                store.mark_sent(q.id, now)?;
                budget.count(&q);
                tracing::info!(outbox = q.id, kind = %q.kind, to = ?q.recipients, "sent");
                out.sent += 1;
            }
            Err(SendError::Login(e)) => {
                let until = now + Duration::minutes(LOGIN_RETRY_MINUTES);
                store.hold_outbox_after_login_refused(
                    q.id,
                    &format!("{LOGIN_REFUSED}{e}"),
                    until,
                )?;
                if once_an_hour(&LOGIN_LOGGED) {
                    tracing::error!(
                        error = %e,
                        retry_minutes = LOGIN_RETRY_MINUTES,
                        "the mail server refused the office's login (is the authorization code expired?): all outgoing mail is held, nothing is marked failed"
                    );
                } else {
                    tracing::debug!(error = %e, "login refused again: outgoing mail still held");
                }
                out.login_refused = Some(e);
                break;
            }
            Err(e) => {
                let created = DateTime::parse_from_rfc3339(&q.created_at).unwrap_or(now);
                let give_up = matches!(e, SendError::Permanent(_))
                    || now - created > Duration::hours(GIVE_UP_AFTER_HOURS);
                store.mark_failed(q.id, &e.to_string(), now + backoff(q.attempts), give_up)?;
                tracing::warn!(outbox = q.id, error = %e, give_up, "send failed");
                out.failed += 1;
                if matches!(e, SendError::Transient(_)) {
                    // The server is likely down: stop this pass, the backoff decides when to retry.
                    break;
                }
            }
        }
    }
    for (why, count) in held {
        tracing::warn!(count, "held: {why}");
    }
    Ok(out)
}

/// Text safe inside HTML elements and quoted attributes (mail bodies reach the digest and the
/// portal).
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// `2023年4月21日（星期五）`
pub fn zh_date(d: NaiveDate) -> String {
    format!(
        "{}年{}月{}日（{}）",
        d.year(),
        d.month(),
        d.day(),
        zh_weekday(d.weekday())
    )
}

/// `2023年4月21日，星期五`: a date with its weekday where it stands inside brackets, so
/// brackets never nest (`（2023年4月21日，星期五）`, not `（2023年4月21日（星期五））`).
pub fn zh_date_inline(d: NaiveDate) -> String {
    format!("{}，{}", zh_date_short(d), zh_weekday(d.weekday()))
}

pub fn zh_date_short(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

pub fn zh_weekday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

/// The office's signature under every mail.
pub fn signature(config: &Config, today: NaiveDate) -> String {
    format!(
        "\n{}\n{}\n\n（本邮件由“政务公开主题日”材料登记系统自动发送。材料请继续发送至 {}。）\n",
        config.office_name,
        zh_date_short(today),
        config.office_address
    )
}

/// `2023年4月20日 10:05`, local time.
pub fn zh_datetime(t: DateTime<FixedOffset>, tz: chrono_tz::Tz) -> String {
    let l = t.with_timezone(&tz);
    format!("{} {}", zh_date_short(l.date_naive()), l.format("%H:%M"))
}

/// Double quotes inside a quoted title become 『』, so quotes never double up
/// (`“『强化依法治水』世界水日”`, not `““强化依法治水”世界水日”`).
pub fn inner_quotes(s: &str) -> String {
    let mut open = true;
    s.chars()
        .map(|c| match c {
            '“' | '「' => '『',
            '”' | '」' => '』',
            '"' => {
                open = !open;
                if open {
                    '』'
                } else {
                    '『'
                }
            }
            c => c,
        })
        .collect()
}

/// `s` in “ ”, its own quotes turned into 『』.
pub fn quoted(s: &str) -> String {
    format!("“{}”", inner_quotes(s))
}
