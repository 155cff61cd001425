//! Mail records: recording a mail once with its decision, and the queries over the records
//! (by id, since an id, the review queue, the settled submissions).
//!
//! Invariants:
//! - a mail is recorded once: the same bytes are a duplicate, which only marks its source as
//!   seen. Whether a mail with a known Message-ID but other bytes is the same mail is the
//!   caller's decision (`ingest` compares the contents, see [`Store::with_message_id`]); `record` itself dedups on bytes;
//! - a mail's record, its source and the outgoing mail it causes commit in one transaction
//!   (or one savepoint of the open batch);
//! - the caller has archived the raw bytes before calling `record`.
//!
//! This room owns the `mail` and `mail_submission` tables (apart from a correction's UPDATE,
//! see `corrections`); it
//! queues mail only through `outbox::queue_in` and does not write the archive.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension};

use super::outbox::{queue_in, Outgoing};
use super::{parse_ts, ts, Store};
use crate::classify::{Decision, Kind, Submission};
use crate::error::Result;
use crate::parse::ParsedMail;
use crate::records::{Flags, MailRecord, Provenance, Submissions};

/// What recording a mail did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    New(i64),
    /// Already stored (the same bytes); the id of the stored copy.
    Duplicate(i64),
}

impl Store {
    /// The stored copy of this mail, if any: the same bytes. (A mail with a known Message-ID
    /// and other bytes is compared by `ingest`, see [`Store::with_message_id`].)
    pub fn find_existing(&self, hash: &str) -> Result<Option<i64>> {
        existing_in(&self.conn, hash)
    }

    /// The recorded mails with this Message-ID, oldest first, each with its archive file.
    pub fn with_message_id(&self, message_id: &str) -> Result<Vec<(i64, PathBuf)>> {
        if message_id.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = self
            .conn
            .prepare("SELECT id, archive_path FROM mail WHERE message_id = ?1 ORDER BY id")?;
        let rows = st.query_map([message_id], |r| {
            Ok((r.get(0)?, PathBuf::from(r.get::<_, String>(1)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a mail with its decision, its provenance and what the bot could not stand behind
    /// in it, and, in the same transaction, queues what it causes (each outgoing mail gets the
    /// new mail's id). Nothing is queued for a duplicate (the same bytes).
    #[allow(clippy::too_many_arguments)]
    pub fn record(
        &mut self,
        raw_len: usize,
        hash: &str,
        archive_path: &Path,
        source: &str,
        parsed: Option<&ParsedMail>,
        parse_error: Option<&str>,
        decision: &Decision,
        flags: &Flags,
        provenance: &Provenance,
        now: DateTime<FixedOffset>,
        outgoing: Vec<Outgoing>,
    ) -> Result<Recorded> {
        self.write_tx(|tx| {
            let mid = parsed.and_then(|p| p.message_id.as_deref());
            let existing = existing_in(tx, hash)?;
            if let Some(id) = existing {
                tx.execute(
                    "INSERT OR IGNORE INTO source_seen (source, mail_id) VALUES (?1, ?2)",
                    params![source, id],
                )?;
                return Ok(Recorded::Duplicate(id));
            }
            let attachments: Vec<String> = parsed
                .map(|p| {
                    p.attachments
                        .iter()
                        .map(|a| {
                            a.name
                                .clone()
                                .unwrap_or_else(|| format!("({})", a.content_type))
                        })
                        .collect()
                })
                .unwrap_or_default();
            tx.execute(
                "INSERT INTO mail (hash, message_id, source, recorded_at, mail_date, from_addr, from_name, subject, size,
                    archive_path, kind, unit, activity, activity_date, activity_end, confidence, needs_review, automated,
                    reasons, attachments, parse_error, unprocessable, notes, received_at, dkim, sender,
                    held_for_sender)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,
                    ?26,?27)",
                params![
                    hash,
                    mid,
                    source,
                    ts(&now),
                    parsed.and_then(|p| p.date).map(|d| ts(&d)),
                    parsed.and_then(|p| p.from_addr.clone()),
                    parsed.and_then(|p| p.from_name.clone()),
                    parsed.map(|p| p.subject.clone()).unwrap_or_default(),
                    raw_len as i64,
                    archive_path.to_string_lossy(),
                    decision.kind.as_str(),
                    decision.unit,
                    decision.activity,
                    decision.activity_date.map(|d| d.to_string()),
                    decision.activity_end.map(|d| d.to_string()),
                    decision.confidence,
                    decision.needs_review,
                    decision.automated,
                    serde_json::to_string(&decision.reasons).unwrap_or_default(),
                    serde_json::to_string(&attachments).unwrap_or_default(),
                    parse_error,
                    flags.unprocessable,
                    serde_json::to_string(&flags.notes).unwrap_or_else(|_| "[]".into()),
                    provenance.received.map(|d| ts(&d)),
                    provenance.dkim,
                    provenance.sender,
                    provenance.held_for_sender,
                ],
            )?;
            let id = tx.last_insert_rowid();
            insert_also(tx, id, &decision.also)?;
            tx.execute(
                "INSERT OR IGNORE INTO source_seen (source, mail_id) VALUES (?1, ?2)",
                params![source, id],
            )?;
            for mut o in outgoing {
                o.mail_id = Some(id);
                queue_in(tx, &o, now)?;
            }
            Ok(Recorded::New(id))
        })
    }

    pub fn mails(&self) -> Result<Vec<MailRecord>> {
        self.query_mails("SELECT * FROM mail ORDER BY id", [])
    }

    pub fn mail(&self, id: i64) -> Result<Option<MailRecord>> {
        Ok(self
            .query_mails("SELECT * FROM mail WHERE id = ?1", [id])?
            .into_iter()
            .next())
    }

    /// Whether a plan for `activity` that counts (not waiting for review) is on record,
    /// leaving out mail `except`: a mail's own plan or a further one it carries.
    pub fn has_settled_plan(&self, activity: u32, except: Option<i64>) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM mail m WHERE (needs_review = 0 OR reviewed = 1)
                   AND id != ?2 AND (?3 IS NULL OR season = ?3)
                   AND ((activity = ?1 AND kind = 'plan')
                        OR EXISTS (SELECT 1 FROM mail_submission s WHERE s.mail_id = m.id
                                     AND s.activity = ?1 AND s.kind = 'plan'))
                 LIMIT 1",
                params![activity, except.unwrap_or(-1), self.season],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    pub fn mails_since(&self, after_id: i64) -> Result<Vec<MailRecord>> {
        self.query_mails("SELECT * FROM mail WHERE id > ?1 ORDER BY id", [after_id])
    }

    /// The settled plans and reports folded into what deadlines and reminders need, read one
    /// row at a time: memory does not grow with the number of mails.
    pub fn submissions(&self, tz: chrono_tz::Tz) -> Result<Submissions> {
        let mut subs = Submissions::default();
        let mut st = self.conn.prepare(
            "SELECT * FROM mail m WHERE kind != 'other'
               AND (activity IS NOT NULL OR EXISTS (SELECT 1 FROM mail_submission s WHERE s.mail_id = m.id))
               AND (needs_review = 0 OR reviewed = 1) AND (?1 IS NULL OR season = ?1) ORDER BY id",
        )?;
        let mut rows = st.query([self.season])?;
        while let Some(r) = rows.next()? {
            let mut m = mail_from_row(r)?;
            m.also = also_of(&self.conn, m.id)?;
            subs.add(&m, tz);
        }
        Ok(subs)
    }

    /// Mails after `after_id`, oldest first, at most `limit`.
    pub fn mails_since_limited(&self, after_id: i64, limit: usize) -> Result<Vec<MailRecord>> {
        self.query_mails(
            "SELECT * FROM mail WHERE id > ?1 ORDER BY id LIMIT ?2",
            params![after_id, limit as i64],
        )
    }

    pub fn count_since(&self, after_id: i64) -> Result<usize> {
        let n: i64 =
            self.conn
                .query_row("SELECT COUNT(*) FROM mail WHERE id > ?1", [after_id], |r| {
                    r.get(0)
                })?;
        Ok(n as usize)
    }

    pub fn last_mail_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(id), 0) FROM mail", [], |r| r.get(0))?)
    }

    pub fn review_count(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM mail WHERE needs_review = 1 AND reviewed = 0",
            [],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Mails the bot could not handle that the office has not settled yet, oldest first.
    pub fn unprocessable_queue(&self) -> Result<Vec<MailRecord>> {
        self.query_mails(
            "SELECT * FROM mail WHERE unprocessable IS NOT NULL AND reviewed = 0 ORDER BY id",
            [],
        )
    }

    /// Plans and reports from `address` that wait for review only because their sender was
    /// not confirmed for their unit, oldest first (confirming the address settles them).
    pub fn held_for_sender(&self, address: &str) -> Result<Vec<MailRecord>> {
        self.query_mails(
            "SELECT * FROM mail WHERE from_addr = ?1 AND held_for_sender = 1 AND needs_review = 1
               AND reviewed = 0 AND kind != 'other' AND activity IS NOT NULL ORDER BY id",
            [address.to_lowercase()],
        )
    }

    /// Mails a person still has to review, oldest first.
    pub fn review_queue(&self) -> Result<Vec<MailRecord>> {
        self.query_mails(
            "SELECT * FROM mail WHERE needs_review = 1 AND reviewed = 0 ORDER BY id",
            [],
        )
    }

    fn query_mails<P: rusqlite::Params>(&self, sql: &str, p: P) -> Result<Vec<MailRecord>> {
        let mut st = self.conn.prepare(sql)?;
        let rows = st.query_map(p, mail_from_row)?;
        let mut mails = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        for m in &mut mails {
            m.also = also_of(&self.conn, m.id)?;
        }
        Ok(mails)
    }
}

/// Records the further submissions of a mail (`seq` 1, 2, …).
pub(super) fn insert_also(conn: &Connection, mail_id: i64, also: &[Submission]) -> Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO mail_submission (mail_id, seq, kind, activity, activity_date, activity_end, reasons)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, s) in also.iter().enumerate() {
        st.execute(params![
            mail_id,
            i as i64 + 1,
            s.kind.as_str(),
            s.activity,
            s.activity_date.map(|d| d.to_string()),
            s.activity_end.map(|d| d.to_string()),
            serde_json::to_string(&s.reasons).unwrap_or_else(|_| "[]".into()),
        ])?;
    }
    Ok(())
}

/// The further submissions of a mail, in order.
fn also_of(conn: &Connection, mail_id: i64) -> Result<Vec<Submission>> {
    let mut st = conn.prepare_cached(
        "SELECT kind, activity, activity_date, activity_end, reasons FROM mail_submission
          WHERE mail_id = ?1 ORDER BY seq",
    )?;
    let rows = st.query_map([mail_id], |r| {
        let date = |s: Option<String>| s.and_then(|s| s.parse().ok());
        Ok(Submission {
            kind: Kind::parse(&r.get::<_, String>(0)?).unwrap_or(Kind::Other),
            activity: r.get(1)?,
            activity_date: date(r.get(2)?),
            activity_end: date(r.get(3)?),
            reasons: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn mail_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MailRecord> {
    let json_list = |s: String| serde_json::from_str::<Vec<String>>(&s).unwrap_or_default();
    Ok(MailRecord {
        id: r.get("id")?,
        hash: r.get("hash")?,
        message_id: r.get("message_id")?,
        source: r.get("source")?,
        recorded_at: parse_ts(&r.get::<_, String>("recorded_at")?).unwrap_or_default(),
        mail_date: r
            .get::<_, Option<String>>("mail_date")?
            .and_then(|s| parse_ts(&s)),
        from_addr: r.get("from_addr")?,
        from_name: r.get("from_name")?,
        subject: r.get("subject")?,
        size: r.get("size")?,
        archive_path: PathBuf::from(r.get::<_, String>("archive_path")?),
        kind: Kind::parse(&r.get::<_, String>("kind")?).unwrap_or(Kind::Other),
        unit: r.get("unit")?,
        activity: r.get("activity")?,
        activity_date: r
            .get::<_, Option<String>>("activity_date")?
            .and_then(|s| s.parse().ok()),
        activity_end: r
            .get::<_, Option<String>>("activity_end")?
            .and_then(|s| s.parse().ok()),
        confidence: r.get("confidence")?,
        needs_review: r.get("needs_review")?,
        automated: r.get("automated")?,
        reasons: json_list(r.get("reasons")?),
        attachments: json_list(r.get("attachments")?),
        parse_error: r.get("parse_error")?,
        reviewed: r.get("reviewed")?,
        unprocessable: r.get("unprocessable")?,
        notes: json_list(r.get("notes")?),
        received_at: r
            .get::<_, Option<String>>("received_at")?
            .and_then(|s| parse_ts(&s)),
        dkim: r.get("dkim")?,
        sender: r.get("sender")?,
        held_for_sender: r.get("held_for_sender")?,
        also: Vec::new(),
    })
}

/// The stored copy of a mail: the same bytes.
fn existing_in(conn: &Connection, hash: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM mail WHERE hash = ?1", [hash], |r| r.get(0))
        .optional()?)
}
