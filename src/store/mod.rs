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
//!
//! One room per concern, each with its own `impl Store` block and the SQL of its tables:
//! - `mod.rs` (this file): opening and migrating the database, the `Store`, batches and
//!   transactions, the timestamp helpers;
//! - `mails`: recording mails (with the further submissions of a mail that carries several,
//!   `mail_submission`) and the queries over the records;
//! - `outbox`: outgoing mail, its states, reminder and digest bookkeeping;
//! - `cursor`: the IMAP cursor and the sources already seen;
//! - `addresses`: sender addresses for units: confirmed by the office, or proposed by the bot;
//! - `corrections`: office corrections and their log;
//! - `office`: digest tokens, the office's commands by reply, portal approvals, the bot's own
//!   mail seen in the mailbox;
//! - `archive`: the raw-mail files (no SQL);
//! - `lock`: one daemon per store (a lock file next to the database; no SQL).
//!
//! This file holds no table's queries beyond the migrations: a concern's SQL lives in its
//! room. The domain records (`MailRecord`, `Submissions`) live in `crate::records`, not here.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, Transaction};

use crate::error::{Error, Result};

mod addresses;
mod archive;
mod corrections;
mod cursor;
mod lock;
mod mails;
mod office;
mod outbox;
mod seasons;

pub use addresses::LearnedAddress;
pub use archive::{content_hash, create_private_dir, create_private_file, write_archive};
pub use corrections::decision_json;
pub use lock::StoreLock;
pub use mails::Recorded;
pub use office::{new_token, CommandMail, CommandRecord, TOKEN_LEN};
pub use outbox::{queue_in, Outgoing, QueuedMail, HELD_FOR_OFFICE};

use archive::sync_files;

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
    // 5: what the bot could not stand behind in a mail: why it could not handle it, and notes
    // for the office (both in Chinese).
    r#"
    ALTER TABLE mail ADD COLUMN unprocessable TEXT;
    ALTER TABLE mail ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
    "#,
    // 6: evidence the bot can stand behind: when the office's side received each mail
    // (NULL for older rows: recorded_at stands in), its DKIM result, how its sender stands
    // for the unit it names, and whether that alone holds it for review.
    r#"
    ALTER TABLE mail ADD COLUMN received_at TEXT;
    ALTER TABLE mail ADD COLUMN dkim TEXT;
    ALTER TABLE mail ADD COLUMN sender TEXT;
    ALTER TABLE mail ADD COLUMN held_for_sender INTEGER NOT NULL DEFAULT 0;
    "#,
    // 7: seasons: each mail knows the season it arrived in (`seasons.rs`).
    r#"
    ALTER TABLE mail ADD COLUMN season INTEGER;
    CREATE INDEX mail_season ON mail(season, activity);
    CREATE TABLE season (
        year INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL
    );
    "#,
    // 8: the office's commands by reply (digest tokens, command mails and lines), portal
    // approvals, and the bot's own mail seen in the mailbox. Mail recorded before commands
    // existed is marked handled: an old mail never turns into a command.
    r#"
    CREATE TABLE command_token (
        token TEXT PRIMARY KEY,
        day TEXT NOT NULL UNIQUE,
        issued_at TEXT NOT NULL
    );
    CREATE TABLE command_mail (
        mail_id INTEGER PRIMARY KEY REFERENCES mail(id),
        hash TEXT NOT NULL,
        sender TEXT,
        token TEXT,
        authority TEXT NOT NULL,
        commands INTEGER NOT NULL,
        handled_at TEXT NOT NULL
    );
    INSERT INTO command_mail (mail_id, hash, sender, token, authority, commands, handled_at)
        SELECT id, hash, from_addr, NULL, 'before-commands', 0, recorded_at FROM mail;
    CREATE TABLE office_command (
        id INTEGER PRIMARY KEY,
        mail_id INTEGER NOT NULL REFERENCES mail(id),
        mail_hash TEXT NOT NULL,
        line_no INTEGER NOT NULL,
        line TEXT NOT NULL,
        sender TEXT,
        at TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT NOT NULL,
        UNIQUE (mail_hash, line_no)
    );
    CREATE TABLE portal_approval (
        mail_id INTEGER PRIMARY KEY REFERENCES mail(id),
        publish INTEGER NOT NULL,
        by TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE own_mail (
        source TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        message_id TEXT,
        seen_at TEXT NOT NULL
    );
    "#,
    // 9: a mail that carries several submissions (the report of one activity and the plan of
    // the next): its further ones, in order (`seq` 1, 2, …; the first is the mail's own
    // columns). Mail recorded before this carries one each, as it was recorded.
    r#"
    CREATE TABLE mail_submission (
        mail_id INTEGER NOT NULL REFERENCES mail(id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        activity INTEGER,
        activity_date TEXT,
        activity_end TEXT,
        reasons TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (mail_id, seq)
    );
    CREATE INDEX mail_submission_activity ON mail_submission(activity, kind);
    "#,
];

pub struct Store {
    conn: Connection,
    archive_dir: PathBuf,
    /// While a batch is open: the archive files written in it, not yet durable.
    batch: Option<Vec<PathBuf>>,
    /// The season new mail belongs to and plans and reports are counted in (`use_season`);
    /// None: every record counts (a store used without a configuration).
    season: Option<i32>,
}

/// Creates an empty database file with mode 0600 unless one exists; SQLite takes a
/// zero-length file for an empty database.
fn create_private_db(db: &Path) -> Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    match o.open(db) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(Error::Write {
            path: db.to_path_buf(),
            source,
        }),
    }
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
    /// Opens (creating when missing) the database and the archive. What is created is private
    /// whatever the umask: directories 0700, the database 0600 (SQLite gives its WAL and
    /// shared-memory files the database file's mode).
    pub fn open(db: &Path, archive_dir: &Path) -> Result<Store> {
        if let Some(dir) = db.parent() {
            create_private_dir(dir).map_err(|source| Error::Write {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        create_private_dir(archive_dir).map_err(|source| Error::Write {
            path: archive_dir.to_path_buf(),
            source,
        })?;
        create_private_db(db)?;
        let conn = Connection::open(db)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store {
            conn,
            archive_dir: archive_dir.to_path_buf(),
            batch: None,
            season: None,
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

    pub fn transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(self.conn.transaction()?)
    }
}
