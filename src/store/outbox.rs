//! The outbox: outgoing mail queued by `notify`, its states, and the bookkeeping of reminders
//! and digests that went through it.
//!
//! States: `queued` → `sending` (committed before the hand-over to the transport) → `sent`;
//! or back to `queued` with a later attempt, `failed` after the last attempt, `held` by a
//! daily budget, `uncertain` when a crash interrupted a send, `replaced` for a held reminder
//! whose items were handed back to the schedule (it writes a fresh one, with the day's text).
//!
//! A held mail's `next_attempt_at` says when it is tried again (the next working day); mail
//! held for the office (acks to never-seen addresses over the day's total) carries
//! [`HELD_FOR_OFFICE`] there and is never retried on its own.
//!
//! Invariants:
//! - every outgoing mail has a unique `dedup_key`: queueing it again does nothing, so a
//!   restart never queues a mail twice;
//! - a reminder's items and a digest's coverage are marked in the same transaction as their
//!   mail is queued, and only when it was queued now.
//!
//! This room owns the `outbox`, `reminder_item` and `digest_log` tables; it does not record
//! or change mails and does not send anything (that is `notify`).

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::{parse_ts, ts, Store};
use crate::error::Result;

/// `next_attempt_at` of mail held for the office: later than any `now`, so it is never
/// retried on its own.
pub const HELD_FOR_OFFICE: &str = "9999-12-31T00:00:00Z";

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
    /// When it is tried next (for held mail: when it is retried; [`HELD_FOR_OFFICE`] if never).
    pub next_attempt_at: String,
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
            "SELECT id, kind, dedup_key, recipients, message_id, subject, raw, attempts, state, created_at, sent_at, last_error, unit, next_attempt_at
             FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = st.query_map(params![ts(&now), limit as i64], queued_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn outgoing(&self, state: Option<&str>) -> Result<Vec<QueuedMail>> {
        let mut st = self.conn.prepare(
            "SELECT id, kind, dedup_key, recipients, message_id, subject, raw, attempts, state, created_at, sent_at, last_error, unit, next_attempt_at
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

    /// After the server refused the office's login: mail `id` goes back to `queued` with
    /// `error`, and every queued mail waits until `until`. No attempt is counted and nothing is
    /// marked failed: no mail is at fault. One statement, so a crash leaves all or nothing.
    pub fn hold_outbox_after_login_refused(
        &self,
        id: i64,
        error: &str,
        until: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE outbox SET state = 'queued', next_attempt_at = MAX(next_attempt_at, ?2),
                last_error = CASE WHEN id = ?1 THEN ?3 ELSE last_error END
             WHERE id = ?1 OR state = 'queued'",
            params![id, ts(&until), error],
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

    /// Holds a mail by a budget until `until` (the next working day), or for the office
    /// ([`HELD_FOR_OFFICE`]).
    pub fn hold_until(&self, id: i64, why: &str, until: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE outbox SET state = 'held', last_error = ?2, next_attempt_at = ?3 WHERE id = ?1",
            params![id, why, until],
        )?;
        Ok(())
    }

    /// Queues again the held mail (reminders aside) whose retry time has come. Returns how many.
    pub fn release_held(&self, now: DateTime<FixedOffset>) -> Result<usize> {
        // Read first: an UPDATE takes the write lock even when nothing matches, and this runs
        // every second beside intake batches that hold it.
        let due = self
            .conn
            .query_row(
                "SELECT 1 FROM outbox WHERE state = 'held' AND kind != 'reminder' AND next_attempt_at <= ?1 LIMIT 1",
                [ts(&now)],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !due {
            return Ok(0);
        }
        Ok(self.conn.execute(
            "UPDATE outbox SET state = 'queued' WHERE state = 'held' AND kind != 'reminder' AND next_attempt_at <= ?1",
            [ts(&now)],
        )?)
    }

    /// Held reminders whose retry time has come are `replaced`: their items are handed back to
    /// the schedule, which writes a fresh reminder with the day's text (a held "today is the
    /// last day" must not go out a day later). Returns how many.
    pub fn renew_held_reminders(&self, now: DateTime<FixedOffset>) -> Result<usize> {
        self.check_batch()?;
        let keys: Vec<(i64, String)> = {
            let mut st = self.conn.prepare(
                "SELECT id, dedup_key FROM outbox WHERE state = 'held' AND kind = 'reminder' AND next_attempt_at <= ?1",
            )?;
            let rows = st.query_map([ts(&now)], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // Items first: a crash in between leaves the mail held, renewed again next time; it
        // never leaves items marked for a mail that will not go out.
        for (id, key) in &keys {
            self.conn
                .execute("DELETE FROM reminder_item WHERE outbox_dedup = ?1", [key])?;
            self.conn
                .execute("UPDATE outbox SET state = 'replaced' WHERE id = ?1", [id])?;
        }
        Ok(keys.len())
    }

    /// When the mail with this Message-ID (with or without angle brackets) went out, if it did.
    pub fn sent_at_of(&self, message_id: &str) -> Result<Option<DateTime<FixedOffset>>> {
        let bare = message_id
            .trim()
            .trim_start_matches('<')
            .trim_end_matches('>');
        let sent: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT sent_at FROM outbox WHERE message_id IN (?1, ?2) AND state = 'sent' LIMIT 1",
                params![bare, format!("<{bare}>")],
                |r| r.get(0),
            )
            .optional()?;
        Ok(sent.flatten().and_then(|s| parse_ts(&s)))
    }

    /// Kind and recipients of every mail SMTP accepted in [day_start, day_end).
    pub fn sent_on(
        &self,
        day_start: DateTime<FixedOffset>,
        day_end: DateTime<FixedOffset>,
    ) -> Result<Vec<(String, Vec<String>)>> {
        let mut st = self.conn.prepare(
            "SELECT kind, recipients FROM outbox WHERE state = 'sent' AND sent_at >= ?1 AND sent_at < ?2",
        )?;
        let rows = st.query_map(params![ts(&day_start), ts(&day_end)], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, list) = row?;
            out.push((kind, serde_json::from_str(&list).unwrap_or_default()));
        }
        Ok(out)
    }

    /// Every address (lowercase) mail was sent to before `before`.
    pub fn recipients_before(&self, before: DateTime<FixedOffset>) -> Result<HashSet<String>> {
        let mut st = self
            .conn
            .prepare("SELECT recipients FROM outbox WHERE state = 'sent' AND sent_at < ?1")?;
        let mut rows = st.query([ts(&before)])?;
        let mut out = HashSet::new();
        while let Some(r) = rows.next()? {
            let list: Vec<String> =
                serde_json::from_str(&r.get::<_, String>(0)?).unwrap_or_default();
            out.extend(list.into_iter().map(|a| a.to_lowercase()));
        }
        Ok(out)
    }

    /// Whether an acknowledgement was queued in [start, end) in the thread of a mail with these
    /// In-Reply-To/References ids: an ack whose own Message-ID is among them (the mail answers
    /// it), or an ack to a mail whose Message-ID is among them (the same conversation).
    pub fn ack_in_thread_between(
        &self,
        ids: &[String],
        start: DateTime<FixedOffset>,
        end: DateTime<FixedOffset>,
    ) -> Result<bool> {
        let mut bare: Vec<String> = ids
            .iter()
            .map(|i| {
                i.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
            .filter(|i| !i.is_empty())
            .collect();
        bare.sort();
        bare.dedup();
        if bare.is_empty() {
            return Ok(false);
        }
        let bracketed: Vec<String> = bare.iter().map(|i| format!("<{i}>")).collect();
        let list = |from: usize, n: usize| {
            (from..from + n)
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(",")
        };
        let n = bare.len();
        // ?1, ?2: the day; then the bare ids, then the bracketed ones.
        let sql = format!(
            "SELECT 1 FROM outbox o LEFT JOIN mail m ON m.id = o.mail_id
             WHERE o.kind = 'ack' AND o.created_at >= ?1 AND o.created_at < ?2
               AND (o.message_id IN ({b}) OR m.message_id IN ({a}) OR m.message_id IN ({b}))
             LIMIT 1",
            a = list(3, n),
            b = list(3 + n, n),
        );
        let mut values = vec![ts(&start), ts(&end)];
        values.extend(bare);
        values.extend(bracketed);
        Ok(self
            .conn
            .query_row(&sql, params_from_iter(values), |_| Ok(()))
            .optional()?
            .is_some())
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
             WHERE o.state = 'sent' GROUP BY r.activity",
        )?;
        let rows = st.query_map([], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, u32>(1)?)))?;
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
        next_attempt_at: r.get(13)?,
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
