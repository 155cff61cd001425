//! Commands by reply: the office answers a digest (or any mail of the bot) with one command
//! per line in its own text, and the bot carries them out.
//!
//! Authority: a command counts only when its mail comes from the office's own or staff
//! addresses (`[office] address`, `staff_addresses`), without a DKIM signature that fails for
//! that domain, **and** its subject carries the token the bot put in a digest's subject
//! (`[TD-…]`, kept by "Re:"), issued no more than `[policy] command_token_days` days before
//! the mail was recorded. Anything else changes nothing: its lines are recorded as rejected
//! and the mail is listed in the next digest. The office's replies are not units'
//! submissions: issue 11's hold on unconfirmed senders never applies to them (the classifier
//! sets the office's own mail aside as other mail).
//!
//! Every command line is recorded (who, when, which mail, the line, what it did) under the
//! mail's hash and the line's number, so the same reply fetched twice is applied once; each
//! reply from the office gets one confirmation in its thread, line by line: 已执行 and what
//! changed, or 未执行 and why, with the right form.
//!
//! Rooms: `parse` (pure: the reply's own text → command lines), `apply` (one command through
//! `review::assign`, the address book and the portal approvals), `reply` (the confirmation).
//! This module reads mail only from the archive and writes only through the store.

pub mod apply;
pub mod parse;
mod reply;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::config::Config;
use crate::error::Result;
use crate::notify;
use crate::parse::parse as parse_mail;
use crate::records::MailRecord;
use crate::store::{CommandMail, Store};

pub use crate::notify::own::{token_in, token_tag};
pub use apply::is_office;

/// Whether a reply may give commands, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Authority {
    /// From the office, with a valid token.
    Granted { token: String },
    /// Not from the office's own or staff addresses.
    NotOffice,
    /// From the office's address, but its DKIM signature fails for that domain: someone
    /// else wrote the From line (issue 11: a mail failing DKIM is never evidence).
    DkimFailed,
    /// No token in the subject.
    NoToken,
    /// A token the bot never issued.
    UnknownToken { token: String },
    /// A token older than `command_token_days`.
    Expired { token: String, issued: NaiveDate },
}

impl Authority {
    pub fn code(&self) -> &'static str {
        match self {
            Authority::Granted { .. } => "ok",
            Authority::NotOffice => "not-office",
            Authority::DkimFailed => "dkim-failed",
            Authority::NoToken => "no-token",
            Authority::UnknownToken { .. } => "unknown-token",
            Authority::Expired { .. } => "expired",
        }
    }

    pub fn token(&self) -> Option<&str> {
        match self {
            Authority::Granted { token }
            | Authority::UnknownToken { token }
            | Authority::Expired { token, .. } => Some(token),
            _ => None,
        }
    }

    /// Why the reply's commands were not carried out, for the office.
    pub fn why(&self, config: &Config) -> String {
        match self {
            Authority::Granted { .. } => String::new(),
            Authority::NotOffice => "发件人不是本办邮箱或工作人员邮箱".into(),
            Authority::DkimFailed => "邮件的 DKIM 签名验证失败，可能是冒用本办邮箱".into(),
            Authority::NoToken => {
                "邮件主题中没有日报口令（形如 [TD-XXXXXXXX]），无法确认这是对本系统日报的回复"
                    .into()
            }
            Authority::UnknownToken { token } => {
                format!("邮件主题中的口令 TD-{token} 不是本系统发出的")
            }
            Authority::Expired { token, issued } => format!(
                "邮件主题中的口令 TD-{token} 来自{}的日报，已超过{}天有效期",
                notify::zh_date_short(*issued),
                config.policy.command_token_days
            ),
        }
    }
}

/// The reply's own text, cut where a quoted copy of a digest starts (a line carrying a
/// token) in case the client marked the quote in a way `parse::split_quoted` does not know.
pub fn own_text(body: &str) -> String {
    let mut out = Vec::new();
    for line in body.lines() {
        if token_in(line).is_some() {
            break;
        }
        out.push(line);
    }
    out.join("\n")
}

/// Whether mail `m` may give commands.
pub fn authority(config: &Config, store: &Store, m: &MailRecord) -> Result<Authority> {
    if !m.from_addr.as_deref().is_some_and(|a| is_office(config, a)) {
        return Ok(Authority::NotOffice);
    }
    // The office's mail is no unit's submission and is not held for its sender; but a
    // signature that fails for the From domain means the From line is not the office's.
    if crate::dkim::failed(m.dkim.as_deref()) {
        return Ok(Authority::DkimFailed);
    }
    let Some(token) = token_in(&m.subject) else {
        return Ok(Authority::NoToken);
    };
    let Some(issued) = store.token_day(&token)? else {
        return Ok(Authority::UnknownToken { token });
    };
    // The day the bot recorded the mail: the sender's Date never extends a token.
    let received = m.recorded_at.with_timezone(&config.timezone).date_naive();
    if (received - issued).num_days() > config.policy.command_token_days as i64 {
        return Ok(Authority::Expired { token, issued });
    }
    Ok(Authority::Granted { token })
}

/// `themeday approve`: each report approved for the portal (or taken off), as `#编号 发布`
/// / `#编号 不发布` in a reply would.
pub fn approve(
    config: &Config,
    store: &mut Store,
    mails: &[i64],
    publish: bool,
    by: &str,
    now: DateTime<FixedOffset>,
) -> Result<Vec<apply::Applied>> {
    mails
        .iter()
        .map(|&mail| {
            apply::apply(
                config,
                store,
                &parse::Command::Publish { mail, publish },
                by,
                now,
            )
        })
        .collect()
}

/// One command line and what became of it: `done`, `refused` or `rejected`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineResult {
    pub no: usize,
    pub text: String,
    pub outcome: String,
    pub detail: String,
}

/// Looks at every mail not yet looked at that may hold commands (from the office, or with a
/// token in its subject): carries out the commands of those with authority, records every
/// line, and queues one confirmation per reply from the office. One mail's failure is logged
/// and does not stop the others (it is tried again on the next pass). Returns how many
/// confirmations were queued.
pub fn process_pending(
    config: &Config,
    store: &mut Store,
    now: DateTime<FixedOffset>,
) -> Result<usize> {
    let mut senders = vec![config.office_address.clone()];
    senders.extend(config.office_staff_addresses.iter().cloned());
    let mut queued = 0;
    for id in store.pending_command_mails(&senders)? {
        match handle(config, store, id, now) {
            Ok(true) => queued += 1,
            Ok(false) => {}
            Err(e) => tracing::error!(mail = id, "office commands: {e}"),
        }
    }
    Ok(queued)
}

/// Handles one mail; true when a confirmation was queued.
fn handle(config: &Config, store: &mut Store, id: i64, now: DateTime<FixedOffset>) -> Result<bool> {
    let Some(m) = store.mail(id)? else {
        return Ok(false);
    };
    let mut record = CommandMail {
        mail_id: m.id,
        sender: m.from_addr.clone(),
        token: None,
        authority: String::new(),
        commands: 0,
        handled_at: String::new(),
    };
    let parsed = std::fs::read(&m.archive_path)
        .ok()
        .and_then(|raw| parse_mail(&raw).ok());
    let Some(parsed) = parsed else {
        record.authority = "unreadable".into();
        store.finish_command_mail(&record, &m.hash, None, now)?;
        return Ok(false);
    };
    let lines = parse::commands(&own_text(&parsed.body), config.year);
    let auth = authority(config, store, &m)?;
    record.authority = auth.code().into();
    record.token = auth.token().map(str::to_string);
    record.commands = lines.len() as i64;
    let office = auth != Authority::NotOffice;
    if lines.is_empty() && (!office || record.token.is_none()) {
        // Ordinary mail: nothing to do, nothing to say.
        store.finish_command_mail(&record, &m.hash, None, now)?;
        return Ok(false);
    }
    let sender = m.from_addr.clone().unwrap_or_default();
    let by = format!("邮件指令 {sender}（#{}）", m.id);
    let mut results = Vec::new();
    for l in &lines {
        if let Some(r) = store.command_line(&m.hash, l.no)? {
            results.push(LineResult {
                no: l.no,
                text: l.text.clone(),
                outcome: r.outcome,
                detail: r.detail,
            });
            continue;
        }
        let (outcome, detail) = match (&auth, &l.command) {
            (Authority::Granted { .. }, Ok(cmd)) => {
                let a = apply::apply(config, store, cmd, &by, now)?;
                (if a.done { "done" } else { "refused" }, a.detail)
            }
            (Authority::Granted { .. }, Err(u)) => {
                ("refused", format!("{}。正确写法：{}", u.why, u.form))
            }
            _ => ("rejected", auth.why(config)),
        };
        store.record_command(
            m.id,
            &m.hash,
            l.no,
            &l.text,
            m.from_addr.as_deref(),
            outcome,
            &detail,
            now,
        )?;
        tracing::info!(
            mail = m.id,
            line = l.no,
            outcome,
            "office command: {}",
            l.text
        );
        results.push(LineResult {
            no: l.no,
            text: l.text.clone(),
            outcome: outcome.into(),
            detail,
        });
    }
    let reply = if office {
        let d = reply::draft(config, &m, &parsed, &auth, &results, now);
        Some(notify::build(config, &d, now)?)
    } else {
        None
    };
    store.finish_command_mail(&record, &m.hash, reply.as_ref(), now)?;
    Ok(reply.is_some())
}
