//! The office's side of the store: the tokens put in digest subjects, the replies the office
//! sent as commands and what each command line did, the reports the office approved for the
//! portal, and the bot's own mail seen in the mailbox.
//!
//! Invariants:
//! - one token per digest day, random, never reused; its issue day is kept so a reply's
//!   token can be checked for age;
//! - a command line is recorded once per (mail hash, line number): the same reply fetched
//!   twice is the same hash, so its lines are never applied twice;
//! - a command mail is marked handled in the same transaction as its confirmation is queued;
//! - the bot's own mail is noted by source only (never in `mail`), so it is never counted,
//!   listed or classified, and a Maildir source does not hand it over again.
//!
//! This room owns the `command_token`, `command_mail`, `office_command`, `portal_approval`
//! and `own_mail` tables (an address the office confirms by reply goes through
//! `review::confirm_address`, as `themeday units --confirm` does). It does not change mail
//! records.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{params, OptionalExtension};

use super::outbox::{queue_in, Outgoing};
use super::{ts, Store};
use crate::error::{Error, Result};

/// Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
const TOKEN_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const TOKEN_LEN: usize = 8;

/// A command mail already handled: who sent it, whether it had authority, how many command
/// lines it held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandMail {
    pub mail_id: i64,
    pub sender: Option<String>,
    pub token: Option<String>,
    /// `ok`, or why the mail had no authority: `not-office`, `no-token`, `unknown-token`,
    /// `expired`; `unreadable` when the archived mail could not be read.
    pub authority: String,
    pub commands: i64,
    pub handled_at: String,
}

/// One recorded command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandRecord {
    pub mail_id: i64,
    pub line_no: i64,
    pub line: String,
    pub sender: Option<String>,
    pub at: String,
    /// `done`, `refused` (a valid reply whose line could not be carried out) or `rejected`
    /// (the mail had no authority).
    pub outcome: String,
    pub detail: String,
}

fn random_bytes(n: usize) -> Result<Vec<u8>> {
    let mut buf = vec![0u8; n];
    let mut filled = 0;
    while filled < n {
        // SAFETY: the pointer and length describe the unfilled tail of `buf`.
        let r = unsafe {
            libc::getrandom(
                buf[filled..].as_mut_ptr().cast::<libc::c_void>(),
                n - filled,
                0,
            )
        };
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(Error::Usage(format!("cannot read random bytes: {e}")));
        }
        filled += r as usize;
    }
    Ok(buf)
}

/// A new random token, `TOKEN_LEN` characters of [`TOKEN_ALPHABET`] (about 40 bits).
pub fn new_token() -> Result<String> {
    let mut out = String::with_capacity(TOKEN_LEN);
    while out.len() < TOKEN_LEN {
        for b in random_bytes(16)? {
            // Rejection sampling keeps every character equally likely.
            let limit = 256 - 256 % TOKEN_ALPHABET.len();
            if (b as usize) < limit && out.len() < TOKEN_LEN {
                out.push(TOKEN_ALPHABET[b as usize % TOKEN_ALPHABET.len()] as char);
            }
        }
    }
    Ok(out)
}

impl Store {
    /// The token of `day`'s digest, issued now if the day has none yet.
    pub fn token_for_day(&self, day: NaiveDate, now: DateTime<FixedOffset>) -> Result<String> {
        self.check_batch()?;
        let get = || -> Result<Option<String>> {
            Ok(self
                .conn
                .query_row(
                    "SELECT token FROM command_token WHERE day = ?1",
                    [day.to_string()],
                    |r| r.get(0),
                )
                .optional()?)
        };
        if let Some(t) = get()? {
            return Ok(t);
        }
        for _ in 0..8 {
            let token = new_token()?;
            self.conn.execute(
                "INSERT OR IGNORE INTO command_token (token, day, issued_at) VALUES (?1, ?2, ?3)",
                params![token, day.to_string(), ts(&now)],
            )?;
            if let Some(t) = get()? {
                return Ok(t);
            }
        }
        Err(Error::Usage("cannot issue a digest token".into()))
    }

    /// The digest day a token was issued for, if the bot issued it.
    pub fn token_day(&self, token: &str) -> Result<Option<NaiveDate>> {
        Ok(self
            .conn
            .query_row(
                "SELECT day FROM command_token WHERE token = ?1",
                [token.to_ascii_uppercase()],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .and_then(|d| d.parse().ok()))
    }

    /// Mails not yet looked at for commands: from one of `senders`, or with a digest token in
    /// their subject. Oldest first.
    pub fn pending_command_mails(&self, senders: &[String]) -> Result<Vec<i64>> {
        let placeholders = (0..senders.len())
            .map(|i| format!("?{}", i + 1))
            .collect::<Vec<_>>()
            .join(",");
        let from = if senders.is_empty() {
            "0".to_string()
        } else {
            format!("lower(m.from_addr) IN ({placeholders})")
        };
        let sql = format!(
            "SELECT m.id FROM mail m WHERE ({from} OR m.subject LIKE '%TD-%')
               AND NOT EXISTS (SELECT 1 FROM command_mail c WHERE c.mail_id = m.id) ORDER BY m.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let lower: Vec<String> = senders.iter().map(|s| s.to_lowercase()).collect();
        let rows = st.query_map(rusqlite::params_from_iter(lower.iter()), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What a command line of this mail did, if it was recorded already.
    pub fn command_line(&self, mail_hash: &str, line_no: usize) -> Result<Option<CommandRecord>> {
        Ok(self
            .conn
            .query_row(
                "SELECT mail_id, line_no, line, sender, at, outcome, detail FROM office_command
                 WHERE mail_hash = ?1 AND line_no = ?2",
                params![mail_hash, line_no as i64],
                command_from_row,
            )
            .optional()?)
    }

    /// Records what a command line did; a line recorded already is left as it is.
    #[allow(clippy::too_many_arguments)]
    pub fn record_command(
        &self,
        mail_id: i64,
        mail_hash: &str,
        line_no: usize,
        line: &str,
        sender: Option<&str>,
        outcome: &str,
        detail: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<bool> {
        self.check_batch()?;
        Ok(self.conn.execute(
            "INSERT OR IGNORE INTO office_command (mail_id, mail_hash, line_no, line, sender, at, outcome, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![mail_id, mail_hash, line_no as i64, line, sender, ts(&now), outcome, detail],
        )? == 1)
    }

    /// Marks a mail as looked at for commands and queues its confirmation, in one transaction.
    pub fn finish_command_mail(
        &mut self,
        m: &CommandMail,
        hash: &str,
        reply: Option<&Outgoing>,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.write_tx(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO command_mail (mail_id, hash, sender, token, authority, commands, handled_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![m.mail_id, hash, m.sender, m.token, m.authority, m.commands, ts(&now)],
            )?;
            if let Some(o) = reply {
                queue_in(tx, o, now)?;
            }
            Ok(())
        })
    }

    /// Command mails after mail `after_id` that held commands but had no authority (shown in
    /// the digest), oldest first.
    pub fn refused_command_mails(&self, after_id: i64) -> Result<Vec<CommandMail>> {
        let mut st = self.conn.prepare(
            "SELECT mail_id, sender, token, authority, commands, handled_at FROM command_mail
             WHERE mail_id > ?1 AND authority != 'ok' AND commands > 0 ORDER BY mail_id",
        )?;
        let rows = st.query_map([after_id], |r| {
            Ok(CommandMail {
                mail_id: r.get(0)?,
                sender: r.get(1)?,
                token: r.get(2)?,
                authority: r.get(3)?,
                commands: r.get(4)?,
                handled_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The command mail record of a mail, if it was looked at.
    pub fn command_mail(&self, mail_id: i64) -> Result<Option<CommandMail>> {
        Ok(self
            .conn
            .query_row(
                "SELECT mail_id, sender, token, authority, commands, handled_at FROM command_mail WHERE mail_id = ?1",
                [mail_id],
                |r| {
                    Ok(CommandMail {
                        mail_id: r.get(0)?,
                        sender: r.get(1)?,
                        token: r.get(2)?,
                        authority: r.get(3)?,
                        commands: r.get(4)?,
                        handled_at: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Every recorded command line, oldest first.
    pub fn commands(&self) -> Result<Vec<CommandRecord>> {
        let mut st = self.conn.prepare(
            "SELECT mail_id, line_no, line, sender, at, outcome, detail FROM office_command ORDER BY id",
        )?;
        let rows = st.query_map([], command_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets whether a report may go on the portal (the office's decision, by whom and when).
    pub fn set_portal_approval(
        &self,
        mail_id: i64,
        publish: bool,
        by: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.check_batch()?;
        self.conn.execute(
            "INSERT INTO portal_approval (mail_id, publish, by, at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(mail_id) DO UPDATE SET publish = excluded.publish, by = excluded.by, at = excluded.at",
            params![mail_id, publish, by, ts(&now)],
        )?;
        Ok(())
    }

    /// The office's portal decisions: mail id → publish.
    pub fn portal_approvals(&self) -> Result<HashMap<i64, bool>> {
        let mut st = self
            .conn
            .prepare("SELECT mail_id, publish FROM portal_approval")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Notes a mail the bot itself sent, seen in the mailbox: never recorded as mail.
    pub fn note_own_mail(
        &mut self,
        source: &str,
        hash: &str,
        message_id: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.write_tx(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO own_mail (source, hash, message_id, seen_at) VALUES (?1, ?2, ?3, ?4)",
                params![source, hash, message_id, ts(&now)],
            )?;
            Ok(())
        })
    }

    /// Mails after `after_id` that the classifier took for a question (not automated), oldest
    /// first: their ids.
    pub fn question_ids_since(&self, after_id: i64) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare(
            "SELECT id FROM mail WHERE id > ?1 AND kind = 'other' AND automated = 0
               AND reasons LIKE '%\"a question%' ORDER BY id",
        )?;
        let rows = st.query_map([after_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many of the bot's own mails were seen in the mailbox.
    pub fn own_mail_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM own_mail", [], |r| r.get(0))?)
    }
}

fn command_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CommandRecord> {
    Ok(CommandRecord {
        mail_id: r.get(0)?,
        line_no: r.get(1)?,
        line: r.get(2)?,
        sender: r.get(3)?,
        at: r.get(4)?,
        outcome: r.get(5)?,
        detail: r.get(6)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_use_the_alphabet_and_differ() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_eq!(a.len(), TOKEN_LEN);
        assert!(a.bytes().all(|c| TOKEN_ALPHABET.contains(&c)), "{a}");
        assert_ne!(a, b);
    }
}
