//! Sender addresses for units beyond the directory: confirmed by the office (`confirmed` by
//! `themeday units --confirm`, `correction` by `themeday assign`), or proposed by the bot
//! (`proposed`; `high-confidence` in stores from before proposals needed confirming).
//!
//! Invariants:
//! - an address is stored lowercase and belongs to one unit; proposing an address that is
//!   known already changes nothing (the first unit stays);
//! - only the office makes an address confirmed: a confirmation may move an address to
//!   another unit, a proposal never does.
//!
//! This room owns the `learned_address` table; it does not change mail records or the
//! outbox. (A correction learns its address inside its own transaction: see `corrections`.)

use chrono::{DateTime, FixedOffset};
use rusqlite::params;

use super::{ts, Store};
use crate::error::Result;

/// A sender address learned for a unit: from a correction, or recognised with high confidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnedAddress {
    pub address: String,
    pub unit: String,
    pub mail_id: Option<i64>,
    pub learned_at: String,
    /// `confirmed`, `correction`, `proposed` (or `high-confidence`, the same as `proposed`).
    pub how: String,
}

impl LearnedAddress {
    /// Whether the office confirmed it (a proposal is not).
    pub fn is_confirmed(&self) -> bool {
        self.how == "confirmed" || self.how == "correction"
    }
}

impl Store {
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

    /// Makes `address` a confirmed address of `unit` (the office's word), whatever it was.
    pub fn confirm_address(
        &self,
        address: &str,
        unit: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.check_batch()?;
        self.conn.execute(
            "INSERT INTO learned_address (address, unit, mail_id, learned_at, how) VALUES (?1, ?2, NULL, ?3, 'confirmed')
             ON CONFLICT(address) DO UPDATE SET unit = excluded.unit, learned_at = excluded.learned_at, how = 'confirmed'",
            params![address.to_lowercase(), unit, ts(&now)],
        )?;
        Ok(())
    }

    pub fn forget_address(&self, address: &str) -> Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM learned_address WHERE address = ?1",
            [address.to_lowercase()],
        )? == 1)
    }
}
