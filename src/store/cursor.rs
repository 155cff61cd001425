//! Where intake has got to: the IMAP cursor (UIDVALIDITY and last UID per mailbox) and the
//! sources (Maildir file, IMAP UID, import) already seen.
//!
//! Invariants:
//! - a cursor or a seen source is written inside the open batch, if any (after
//!   `check_batch`), so it commits together with the mails it covers and a crash leaves it
//!   where the recorded mails are.
//!
//! This room owns the `cursor` and `source_seen` tables (recording a mail also marks its source,
//! inside the recording's transaction: see `mails`); it does not record mails or queue
//! outgoing mail.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::Result;

impl Store {
    pub fn source_seen(&self, source: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                // The bot's own mail is noted apart (see `office`), and is seen all the same.
                "SELECT 1 FROM source_seen WHERE source = ?1
                 UNION ALL SELECT 1 FROM own_mail WHERE source = ?1 LIMIT 1",
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
}
