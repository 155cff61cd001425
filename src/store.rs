//! Store: SQLite (WAL, versioned migrations) plus an archive of raw mail by content hash.
//!
//! Invariants:
//! - every mail that reaches intake is recorded once: the SHA-256 of its bytes is unique, and
//!   a second copy with the same Message-ID is recognised as the same mail;
//! - the raw bytes are archived (write to a temporary file, rename, and make it durable) *before*
//!   the row is committed, so a recorded mail always has its archive file. Outside a batch each
//!   file is fsynced before its rename; inside a batch (one fetched IMAP batch or Maildir chunk
//!   in one SQLite transaction) the files are written, then made durable together by one
//!   `syncfs` just before the batch's COMMIT, so one mail costs a fraction of an fsync instead of
//!   three and a crash inside a batch leaves nothing recorded (its mails are fetched again);
//! - a mail's record and the outgoing mail it causes (its acknowledgement) are committed in one
//!   transaction, and every outgoing mail has a unique `dedup_key`, so a crash can lose
//!   neither and a restart can do neither twice.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use crate::classify::{Decision, Kind};
use crate::error::{Error, Result};
use crate::parse::ParsedMail;

const MIGRATIONS: &[&str] = &[
    // 1: mail, sources, cursors, outbox.
    r#"
    CREATE TABLE mail (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        message_id TEXT,
        source TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        mail_date TEXT,
        from_addr TEXT,
        from_name TEXT,
        subject TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL,
        archive_path TEXT NOT NULL,
        kind TEXT NOT NULL,
        unit TEXT,
        activity INTEGER,
        activity_date TEXT,
        activity_end TEXT,
        confidence REAL NOT NULL,
        needs_review INTEGER NOT NULL,
        automated INTEGER NOT NULL,
        reasons TEXT NOT NULL,
        attachments TEXT NOT NULL,
        parse_error TEXT,
        reviewed INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX mail_message_id ON mail(message_id);
    CREATE INDEX mail_activity ON mail(activity, kind);
    CREATE TABLE source_seen (
        source TEXT PRIMARY KEY,
        mail_id INTEGER NOT NULL REFERENCES mail(id)
    );
    CREATE TABLE cursor (
        mailbox TEXT PRIMARY KEY,
        uidvalidity INTEGER NOT NULL,
        last_uid INTEGER NOT NULL
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        dedup_key TEXT NOT NULL UNIQUE,
        mail_id INTEGER REFERENCES mail(id),
        unit TEXT,
        recipients TEXT NOT NULL,
        message_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        raw BLOB NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        sent_at TEXT
    );
    CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
    "#,
    // 2: corrections and learned addresses (office tools).
    r#"
    CREATE TABLE correction (
        id INTEGER PRIMARY KEY,
        mail_id INTEGER NOT NULL REFERENCES mail(id),
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL
    );
    CREATE TABLE learned_address (
        address TEXT PRIMARY KEY,
        unit TEXT NOT NULL,
        mail_id INTEGER REFERENCES mail(id),
        learned_at TEXT NOT NULL,
        how TEXT NOT NULL
    );
    "#,
    // 3: reminder items (each sent once) and digests (what each one covered).
    r#"
    CREATE TABLE reminder_item (
        key TEXT PRIMARY KEY,
        unit TEXT NOT NULL,
        activity INTEGER NOT NULL,
        day TEXT NOT NULL,
        outbox_dedup TEXT NOT NULL
    );
    CREATE TABLE digest_log (
        day TEXT PRIMARY KEY,
        last_mail_id INTEGER NOT NULL,
        outbox_dedup TEXT NOT NULL
    );
    "#,
    // 4: the daily cap reads the day's sent mail without scanning the whole outbox.
    r#"
    CREATE INDEX outbox_sent_at ON outbox(state, sent_at);
    "#,
];

/// A recorded mail, as the deadline engine and the reports read it.
#[derive(Debug, Clone, PartialEq)]
pub struct MailRecord {
    pub id: i64,
    pub hash: String,
    pub message_id: Option<String>,
    pub source: String,
    pub recorded_at: DateTime<FixedOffset>,
    pub mail_date: Option<DateTime<FixedOffset>>,
    pub from_addr: Option<String>,
    pub from_name: Option<String>,
    pub subject: String,
    pub size: i64,
    pub archive_path: PathBuf,
    pub kind: Kind,
    pub unit: Option<String>,
    pub activity: Option<u32>,
    pub activity_date: Option<NaiveDate>,
    pub activity_end: Option<NaiveDate>,
    pub confidence: f64,
    pub needs_review: bool,
    pub automated: bool,
    pub reasons: Vec<String>,
    pub attachments: Vec<String>,
    pub parse_error: Option<String>,
    pub reviewed: bool,
}

impl MailRecord {
    /// When the mail reached the office: its Date header, unless that is later than when it
    /// was recorded (a wrong clock on the sender's side).
    pub fn received_instant(&self) -> DateTime<FixedOffset> {
        match self.mail_date {
            Some(d) if d <= self.recorded_at => d,
            _ => self.recorded_at,
        }
    }

    /// Counts toward an activity's state: a plan or report the office need not check first.
    pub fn is_settled_submission(&self) -> bool {
        self.kind != Kind::Other && self.activity.is_some() && (!self.needs_review || self.reviewed)
    }
}

/// A sender address learned for a unit: from a correction, or recognised with high confidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnedAddress {
    pub address: String,
    pub unit: String,
    pub mail_id: Option<i64>,
    pub learned_at: String,
    /// `correction` or `high-confidence`.
    pub how: String,
}

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

/// What recording a mail did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    New(i64),
    /// Already stored (same bytes or same Message-ID); the id of the stored copy.
    Duplicate(i64),
}

pub struct Store {
    conn: Connection,
    archive_dir: PathBuf,
    /// While a batch is open: the archive files written in it, not yet durable.
    batch: Option<Vec<PathBuf>>,
}

pub fn content_hash(raw: &[u8]) -> String {
    hex::encode(Sha256::digest(raw))
}

/// Timestamps are stored in UTC with a `Z` suffix, so text order is time order.
pub fn ts(t: &DateTime<FixedOffset>) -> String {
    t.with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn parse_ts(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok()
}

impl Store {
    pub fn open(db: &Path, archive_dir: &Path) -> Result<Store> {
        if let Some(dir) = db.parent() {
            std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        std::fs::create_dir_all(archive_dir).map_err(|source| Error::Write {
            path: archive_dir.to_path_buf(),
            source,
        })?;
        let conn = Connection::open(db)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store {
            conn,
            archive_dir: archive_dir.to_path_buf(),
            batch: None,
        };
        store.migrate()?;
        Ok(store)
    }

    /// Applies the migrations not yet applied, in one immediate transaction, so two
    /// processes or threads opening a new store at once cannot both apply them.
    fn migrate(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Counts an archive file written outside the store (by [`write_archive`]) into the open
    /// batch, so the batch's commit makes it durable first.
    pub fn adopt_archive(&mut self, path: &Path) {
        if let Some(files) = self.batch.as_mut() {
            files.push(path.to_path_buf());
        }
    }

    pub fn archive_dir(&self) -> &Path {
        &self.archive_dir
    }

    pub fn in_batch(&self) -> bool {
        self.batch.is_some()
    }

    /// Opens a batch: everything written until [`Store::commit_batch`] is one transaction, and
    /// the archive files written in it become durable together just before it commits.
    pub fn begin_batch(&mut self) -> Result<()> {
        if self.batch.is_some() {
            return Err(Error::Batch("a batch is already open".into()));
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        self.batch = Some(Vec::new());
        Ok(())
    }

    /// Makes the batch's archive files durable, then commits it. On any failure nothing of the
    /// batch is recorded (its mails are fetched again on the next pass).
    pub fn commit_batch(&mut self) -> Result<()> {
        let Some(files) = self.batch.take() else {
            return Ok(());
        };
        if self.conn.is_autocommit() {
            // SQLite rolled the transaction back itself (disk full, I/O error).
            return Err(Error::Batch(
                "the batch's transaction was rolled back by SQLite".into(),
            ));
        }
        let done = sync_files(&self.archive_dir, &files)
            .and_then(|()| Ok(self.conn.execute_batch("COMMIT")?));
        if done.is_err() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        done
    }

    /// Drops the open batch, if any: nothing of it is recorded.
    pub fn rollback_batch(&mut self) {
        if self.batch.take().is_some() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }

    /// Refuses to write when a batch is open but SQLite has already rolled it back: a write
    /// would then commit on its own, before the batch's archive files are durable.
    fn check_batch(&self) -> Result<()> {
        if self.batch.is_some() && self.conn.is_autocommit() {
            return Err(Error::Batch(
                "the batch's transaction was rolled back by SQLite".into(),
            ));
        }
        Ok(())
    }

    /// Runs `f` in its own transaction, or in a savepoint of the open batch.
    fn write_tx<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.check_batch()?;
        if self.batch.is_some() {
            let sp = self.conn.savepoint()?;
            let v = f(&sp)?;
            sp.commit()?;
            Ok(v)
        } else {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let v = f(&tx)?;
            tx.commit()?;
            Ok(v)
        }
    }

    /// The stored copy of this mail, if any: same bytes, or same Message-ID.
    pub fn find_existing(&self, hash: &str, message_id: Option<&str>) -> Result<Option<i64>> {
        existing_in(&self.conn, hash, message_id)
    }

    pub fn source_seen(&self, source: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM source_seen WHERE source = ?1",
                [source],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    pub fn mark_source_seen(&self, source: &str, mail_id: i64) -> Result<()> {
        self.check_batch()?;
        self.conn.execute(
            "INSERT OR IGNORE INTO source_seen (source, mail_id) VALUES (?1, ?2)",
            params![source, mail_id],
        )?;
        Ok(())
    }

    /// Records a mail with its decision and, in the same transaction, queues what it causes
    /// (each outgoing mail gets the new mail's id). Nothing is queued for a duplicate.
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
        now: DateTime<FixedOffset>,
        outgoing: Vec<Outgoing>,
    ) -> Result<Recorded> {
        self.write_tx(|tx| {
            let mid = parsed.and_then(|p| p.message_id.as_deref());
            let existing = existing_in(tx, hash, mid)?;
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
                    reasons, attachments, parse_error)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21)",
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
                ],
            )?;
            let id = tx.last_insert_rowid();
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

    pub fn cursor(&self, mailbox: &str) -> Result<Option<(u32, u32)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT uidvalidity, last_uid FROM cursor WHERE mailbox = ?1",
                [mailbox],
                |r| Ok((r.get::<_, i64>(0)? as u32, r.get::<_, i64>(1)? as u32)),
            )
            .optional()?)
    }

    pub fn set_cursor(&self, mailbox: &str, uidvalidity: u32, last_uid: u32) -> Result<()> {
        self.check_batch()?;
        self.conn.execute(
            "INSERT INTO cursor (mailbox, uidvalidity, last_uid) VALUES (?1, ?2, ?3)
             ON CONFLICT(mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid",
            params![mailbox, uidvalidity as i64, last_uid as i64],
        )?;
        Ok(())
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
    /// leaving out mail `except`.
    pub fn has_settled_plan(&self, activity: u32, except: Option<i64>) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM mail WHERE activity = ?1 AND kind = 'plan' AND (needs_review = 0 OR reviewed = 1)
                 AND id != ?2 LIMIT 1",
                params![activity, except.unwrap_or(-1)],
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
    pub fn submissions(&self, tz: chrono_tz::Tz) -> Result<crate::deadlines::Submissions> {
        let mut subs = crate::deadlines::Submissions::default();
        let mut st = self.conn.prepare(
            "SELECT * FROM mail WHERE kind != 'other' AND activity IS NOT NULL
               AND (needs_review = 0 OR reviewed = 1) ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            subs.add(&mail_from_row(r)?, tz);
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
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
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

    /// Addresses learned for units.
    pub fn learned_addresses(&self) -> Result<Vec<LearnedAddress>> {
        let mut st = self.conn.prepare(
            "SELECT address, unit, mail_id, learned_at, how FROM learned_address ORDER BY unit, address",
        )?;
        let rows = st.query_map([], |r| {
            Ok(LearnedAddress {
                address: r.get(0)?,
                unit: r.get(1)?,
                mail_id: r.get(2)?,
                learned_at: r.get(3)?,
                how: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Learns `address` as `unit`'s unless it is known already. Returns whether it was new.
    pub fn learn_address(
        &self,
        address: &str,
        unit: &str,
        mail_id: Option<i64>,
        how: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<bool> {
        self.check_batch()?;
        let n = self.conn.execute(
            "INSERT OR IGNORE INTO learned_address (address, unit, mail_id, learned_at, how) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![address.to_lowercase(), unit, mail_id, ts(&now), how],
        )?;
        Ok(n == 1)
    }

    pub fn forget_address(&self, address: &str) -> Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM learned_address WHERE address = ?1",
            [address.to_lowercase()],
        )? == 1)
    }

    /// Applies an office correction: the new decision, the record of who changed what, the
    /// learned address and the acknowledgement held back, all in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn correct(
        &mut self,
        mail_id: i64,
        after: &Decision,
        before_json: &str,
        by: &str,
        now: DateTime<FixedOffset>,
        learn: Option<(&str, &str)>,
        ack: Option<&Outgoing>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE mail SET kind = ?2, unit = ?3, activity = ?4, activity_date = ?5, activity_end = ?6,
                needs_review = 0, reviewed = 1, confidence = 1.0 WHERE id = ?1",
            params![
                mail_id,
                after.kind.as_str(),
                after.unit,
                after.activity,
                after.activity_date.map(|d| d.to_string()),
                after.activity_end.map(|d| d.to_string()),
            ],
        )?;
        tx.execute(
            "INSERT INTO correction (mail_id, at, by, before, after) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![mail_id, ts(&now), by, before_json, decision_json(after)],
        )?;
        if let Some((addr, unit)) = learn {
            tx.execute(
                "INSERT OR IGNORE INTO learned_address (address, unit, mail_id, learned_at, how) VALUES (?1, ?2, ?3, ?4, 'correction')",
                params![addr.to_lowercase(), unit, mail_id, ts(&now)],
            )?;
        }
        if let Some(o) = ack {
            queue_in(&tx, o, now)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The corrections made to a mail, oldest first: (at, by, before, after).
    pub fn corrections(&self, mail_id: i64) -> Result<Vec<(String, String, String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT at, by, before, after FROM correction WHERE mail_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([mail_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(self.conn.transaction()?)
    }
}

/// Writes `raw` as `<dir>/<hash[..2]>/<hash>.eml` (temporary file, rename) unless a file of
/// that length is there already; `durable` fsyncs it before the rename. Returns the path and
/// whether this call wrote it. Safe to call from several threads at once.
pub fn write_archive(
    archive_dir: &Path,
    hash: &str,
    raw: &[u8],
    durable: bool,
) -> Result<(PathBuf, bool)> {
    let dir = archive_dir.join(&hash[..2]);
    let path = dir.join(format!("{hash}.eml"));
    // A file left by a batch that crashed before its sync may be short after a power cut:
    // only a file of the right length counts (and a batch syncs it again before committing).
    if std::fs::metadata(&path).is_ok_and(|m| m.len() == raw.len() as u64) {
        return Ok((path, false));
    }
    let werr = |source| Error::Write {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(werr)?;
    static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{hash}.{}.{seq}.tmp", std::process::id()));
    let written = (|| {
        let f = write_direct(&tmp, raw).or_else(|_| -> std::io::Result<std::fs::File> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(raw)?;
            Ok(f)
        })?;
        if durable {
            f.sync_all()?;
        }
        std::fs::rename(&tmp, &path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(werr(e));
    }
    Ok((path, true))
}

/// Writes a new file with O_DIRECT, bypassing the page cache: on this project's machine a
/// buffered write of a new file costs more CPU than parsing the mail (the kernel allocates
/// and fills a page-cache page per 4 KiB), and the data is on the device when this returns,
/// so the batch's sync has only metadata left to flush. Chunks of 1 MiB go through one
/// aligned buffer per thread; the padded tail is cut off with `set_len`. Any error (a file
/// system without O_DIRECT says EINVAL) makes the caller write the file the ordinary way.
#[cfg(target_os = "linux")]
fn write_direct(path: &Path, raw: &[u8]) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::{FileExt, OpenOptionsExt};
    const ALIGN: usize = 4096;
    const CHUNK: usize = 1 << 20;
    struct Aligned(*mut u8);
    impl Drop for Aligned {
        fn drop(&mut self) {
            // SAFETY: allocated in `with` below with exactly this layout.
            unsafe {
                std::alloc::dealloc(
                    self.0,
                    std::alloc::Layout::from_size_align(CHUNK, ALIGN).expect("layout"),
                )
            }
        }
    }
    thread_local! {
        static BUF: std::cell::RefCell<Option<Aligned>> = const { std::cell::RefCell::new(None) };
    }
    if raw.len() < 64 * 1024 {
        // Small files gain nothing; a plain write is one copy of a few pages.
        return Err(std::io::Error::from(std::io::ErrorKind::Unsupported));
    }
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(libc::O_DIRECT)
        .open(path)?;
    let done = BUF.with(|cell| -> std::io::Result<()> {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let layout = std::alloc::Layout::from_size_align(CHUNK, ALIGN).expect("layout");
            // SAFETY: the layout has a non-zero size.
            let p = unsafe { std::alloc::alloc(layout) };
            if p.is_null() {
                return Err(std::io::Error::from(std::io::ErrorKind::OutOfMemory));
            }
            *cell = Some(Aligned(p));
        }
        let buf = cell.as_ref().expect("allocated").0;
        for (i, chunk) in raw.chunks(CHUNK).enumerate() {
            let padded = chunk.len().div_ceil(ALIGN) * ALIGN;
            // SAFETY: `buf` holds CHUNK bytes, and chunk.len() <= padded <= CHUNK.
            let dst = unsafe { std::slice::from_raw_parts_mut(buf, padded) };
            dst[..chunk.len()].copy_from_slice(chunk);
            dst[chunk.len()..].fill(0);
            f.write_all_at(dst, (i * CHUNK) as u64)?;
        }
        Ok(())
    });
    if let Err(e) = done.and_then(|()| f.set_len(raw.len() as u64)) {
        drop(f);
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(f)
}

#[cfg(not(target_os = "linux"))]
fn write_direct(_path: &Path, _raw: &[u8]) -> std::io::Result<std::fs::File> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Makes `files` (and their directory entries) durable: one `syncfs` of the archive's file
/// system on Linux, an fsync of each file and directory elsewhere.
fn sync_files(archive_dir: &Path, files: &[PathBuf]) -> Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let dir = std::fs::File::open(archive_dir).map_err(|source| Error::Write {
            path: archive_dir.to_path_buf(),
            source,
        })?;
        // SAFETY: syncfs only reads the descriptor, which `dir` keeps open for the call.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(Error::Write {
                path: archive_dir.to_path_buf(),
                source: std::io::Error::last_os_error(),
            });
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let mut dirs = std::collections::BTreeSet::new();
        for f in files {
            let werr = |source| Error::Write {
                path: f.clone(),
                source,
            };
            std::fs::File::open(f)
                .and_then(|h| h.sync_all())
                .map_err(werr)?;
            if let Some(d) = f.parent() {
                dirs.insert(d.to_path_buf());
            }
        }
        for d in dirs {
            // Directories cannot be fsynced everywhere (Windows); the files are.
            if let Ok(h) = std::fs::File::open(&d) {
                let _ = h.sync_all();
            }
        }
        let _ = archive_dir;
        Ok(())
    }
}

/// The decision fields of a mail as JSON, for the correction log.
pub fn decision_json(d: &Decision) -> String {
    serde_json::json!({
        "kind": d.kind,
        "unit": d.unit,
        "activity": d.activity,
        "activity_date": d.activity_date.map(|x| x.to_string()),
        "activity_end": d.activity_end.map(|x| x.to_string()),
        "needs_review": d.needs_review,
    })
    .to_string()
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
    })
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

/// The stored copy of a mail: the same bytes, or else the same Message-ID.
fn existing_in(conn: &Connection, hash: &str, message_id: Option<&str>) -> Result<Option<i64>> {
    if let Some(id) = conn
        .query_row("SELECT id FROM mail WHERE hash = ?1", [hash], |r| r.get(0))
        .optional()?
    {
        return Ok(Some(id));
    }
    match message_id.filter(|m| !m.is_empty()) {
        Some(mid) => Ok(conn
            .query_row(
                "SELECT id FROM mail WHERE message_id = ?1 ORDER BY id LIMIT 1",
                [mid],
                |r| r.get(0),
            )
            .optional()?),
        None => Ok(None),
    }
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
