//! The outbox: outgoing mail queued by `notify`, its states, and the bookkeeping of reminders
//! and digests that went through it.
//!
//! States: `queued` → `sending` (committed before the hand-over to the transport) → `sent`;
//! or back to `queued` with a later attempt, `failed` after the last attempt, `held` by the
//! daily cap, `uncertain` when a crash interrupted a send.
//!
//! Invariants:
//! - every outgoing mail has a unique `dedup_key`: queueing it again does nothing, so a
//!   restart never queues a mail twice;
//! - a reminder's items and a digest's coverage are marked in the same transaction as their
//!   mail is queued, and only when it was queued now.
//!
//! This room owns the `outbox`, `reminder_item` and `digest_log` tables; it does not record
//! or change mails and does not send anything (that is `notify`).

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use super::{ts, Store};
use crate::error::Result;

/// An outgoing mail, built and queued by `notify`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    pub kind: String,
    pub dedup_key: String,
    pub mail_id: Option<i64>,
    pub unit: Option<String>,
    pub recipients: Vec<String>,
    pub message_id: String,
    pub subject: String,
    pub raw: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QueuedMail {
    pub id: i64,
    pub kind: String,
    pub dedup_key: String,
    pub recipients: Vec<String>,
    pub message_id: String,
    pub subject: String,
    pub raw: Vec<u8>,
    pub attempts: i64,
    pub state: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub last_error: Option<String>,
    pub unit: Option<String>,
}

impl Store {
    /// Queues an outgoing mail unless one with the same dedup key exists. Returns whether it
    /// was queued now.
    pub fn queue(&mut self, o: &Outgoing, now: DateTime<FixedOffset>) -> Result<bool> {
        self.write_tx(|tx| queue_in(tx, o, now))
    }

    /// Queues several outgoing mails atomically.
    pub fn queue_all(&mut self, os: &[Outgoing], now: DateTime<FixedOffset>) -> Result<usize> {
        self.write_tx(|tx| {
            let mut n = 0;
            for o in os {
                if queue_in(tx, o, now)? {
                    n += 1;
                }
            }
            Ok(n)
        })
    }

    pub fn has_outgoing(&self, dedup_key: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM outbox WHERE dedup_key = ?1",
                [dedup_key],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Queued mail whose next attempt is due at `now`.
    pub fn due_outgoing(
        &self,
        now: DateTime<FixedOffset>,
        limit: usize,
    ) -> Result<Vec<QueuedMail>> {
        let mut st = self.conn.prepare(
            "SELECT id, kind, dedup_key, recipients, message_id, subject, raw, attempts, state, created_at, sent_at, last_error, unit
             FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = st.query_map(params![ts(&now), limit as i64], queued_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn outgoing(&self, state: Option<&str>) -> Result<Vec<QueuedMail>> {
        let mut st = self.conn.prepare(
            "SELECT id, kind, dedup_key, recipients, message_id, subject, raw, attempts, state, created_at, sent_at, last_error, unit
             FROM outbox WHERE (?1 IS NULL OR state = ?1) ORDER BY id",
        )?;
        let rows = st.query_map(params![state], queued_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn mark_sent(&self, id: i64, now: DateTime<FixedOffset>) -> Result<()> {
        self.conn.execute(
            "UPDATE outbox SET state = 'sent', sent_at = ?2, attempts = attempts + 1, last_error = NULL WHERE id = ?1",
            params![id, ts(&now)],
        )?;
        Ok(())
    }

    /// Marks a mail as being handed to the transport, committed before the hand-over, so a
    /// crash during it is visible at the next start (see [`Store::settle_interrupted_sends`]).
    pub fn mark_sending(&self, id: i64) -> Result<()> {
        self.conn
            .execute("UPDATE outbox SET state = 'sending' WHERE id = ?1", [id])?;
        Ok(())
    }

    /// After a crash, mail that was being sent may or may not have reached the recipient.
    /// With `resend` (a transport that is idempotent, like files) it is queued again;
    /// otherwise it is marked `uncertain`, never sent twice, and shown in the digest for a
    /// person to check. Call once at start, before anything is sent.
    pub fn settle_interrupted_sends(&self, resend: bool) -> Result<usize> {
        let n = if resend {
            self.conn.execute(
                "UPDATE outbox SET state = 'queued' WHERE state = 'sending'",
                [],
            )?
        } else {
            self.conn.execute(
                "UPDATE outbox SET state = 'uncertain',
                    last_error = 'interrupted while being sent: it may or may not have arrived'
                 WHERE state = 'sending'",
                [],
            )?
        };
        Ok(n)
    }

    pub fn mark_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: DateTime<FixedOffset>,
        give_up: bool,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3,
                state = CASE WHEN ?4 THEN 'failed' ELSE 'queued' END WHERE id = ?1",
            params![id, error, ts(&retry_at), give_up],
        )?;
        Ok(())
    }

    pub fn mark_held(&self, id: i64, why: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE outbox SET state = 'held', last_error = ?2 WHERE id = ?1",
            params![id, why],
        )?;
        Ok(())
    }

    /// How many mails SMTP accepted for each recipient (lowercase) in [day_start, day_end).
    pub fn sent_counts_on(
        &self,
        day_start: DateTime<FixedOffset>,
        day_end: DateTime<FixedOffset>,
    ) -> Result<std::collections::HashMap<String, u32>> {
        let mut st = self.conn.prepare(
            "SELECT recipients FROM outbox WHERE state = 'sent' AND sent_at >= ?1 AND sent_at < ?2",
        )?;
        let mut rows = st.query(params![ts(&day_start), ts(&day_end)])?;
        let mut out = std::collections::HashMap::new();
        while let Some(r) = rows.next()? {
            let list: Vec<String> =
                serde_json::from_str(&r.get::<_, String>(0)?).unwrap_or_default();
            for a in list {
                *out.entry(a.to_lowercase()).or_insert(0) += 1;
            }
        }
        Ok(out)
    }

    /// Reminder item keys already sent (or queued).
    pub fn reminder_items(&self) -> Result<std::collections::HashSet<String>> {
        let mut st = self.conn.prepare("SELECT key FROM reminder_item")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Queues one reminder mail and marks its items, atomically. False when the mail's dedup
    /// key exists (a mail for this unit went out today already): then nothing is marked.
    pub fn queue_reminder(
        &mut self,
        o: &Outgoing,
        items: &[(String, u32)],
        day: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Result<bool> {
        self.write_tx(|tx| {
            if !queue_in(tx, o, now)? {
                return Ok(false);
            }
            for (key, activity) in items {
                tx.execute(
                    "INSERT OR IGNORE INTO reminder_item (key, unit, activity, day, outbox_dedup) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![key, o.unit.as_deref().unwrap_or(""), activity, day.to_string(), o.dedup_key],
                )?;
            }
            Ok(true)
        })
    }

    /// Reminders sent per activity (for the timeliness export).
    pub fn reminders_per_activity(&self) -> Result<std::collections::HashMap<u32, u32>> {
        let mut st = self.conn.prepare(
            "SELECT r.activity, COUNT(*) FROM reminder_item r JOIN outbox o ON o.dedup_key = r.outbox_dedup
             WHERE o.state = 'sent' AND (?1 IS NULL OR r.key LIKE ?1 || ':%') GROUP BY r.activity",
        )?;
        let rows = st.query_map([self.season], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, u32>(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The last mail id covered by the most recent digest before `day` that SMTP accepted.
    pub fn last_sent_digest_mail_id(&self, day: NaiveDate) -> Result<i64> {
        Ok(self
            .conn
            .query_row(
                "SELECT d.last_mail_id FROM digest_log d JOIN outbox o ON o.dedup_key = d.outbox_dedup
                 WHERE o.state = 'sent' AND d.day < ?1 ORDER BY d.day DESC LIMIT 1",
                [day.to_string()],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    pub fn digest_queued_for(&self, day: NaiveDate) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM digest_log WHERE day = ?1",
                [day.to_string()],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    pub fn queue_digest(
        &mut self,
        o: &Outgoing,
        day: NaiveDate,
        last_mail_id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<bool> {
        self.write_tx(|tx| {
            if !queue_in(tx, o, now)? {
                return Ok(false);
            }
            tx.execute(
                "INSERT OR IGNORE INTO digest_log (day, last_mail_id, outbox_dedup) VALUES (?1, ?2, ?3)",
                params![day.to_string(), last_mail_id, o.dedup_key],
            )?;
            Ok(true)
        })
    }
}

fn queued_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<QueuedMail> {
    Ok(QueuedMail {
        id: r.get(0)?,
        kind: r.get(1)?,
        dedup_key: r.get(2)?,
        recipients: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or_default(),
        message_id: r.get(4)?,
        subject: r.get(5)?,
        raw: r.get(6)?,
        attempts: r.get(7)?,
        state: r.get(8)?,
        created_at: r.get(9)?,
        sent_at: r.get(10)?,
        last_error: r.get(11)?,
        unit: r.get(12)?,
    })
}

/// Inserts an outgoing mail inside a transaction; false when its dedup key already exists.
pub fn queue_in(tx: &Connection, o: &Outgoing, now: DateTime<FixedOffset>) -> Result<bool> {
    let n = tx.execute(
        "INSERT OR IGNORE INTO outbox (kind, dedup_key, mail_id, unit, recipients, message_id, subject, raw, created_at, state, next_attempt_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,'queued',?10)",
        params![
            o.kind,
            o.dedup_key,
            o.mail_id,
            o.unit,
            serde_json::to_string(&o.recipients).unwrap_or_default(),
            o.message_id,
            o.subject,
            o.raw,
            ts(&now),
            ts(&now),
        ],
    )?;
    Ok(n == 1)
}
