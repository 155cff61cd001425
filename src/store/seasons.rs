//! Seasons in one store: each mail knows the season it arrived in, and plans, reports and
//! reminders are counted within the season in use, so activity 3 of 2024 is not activity 3 of
//! 2023.
//!
//! [`Store::use_season`] makes a season current for this connection: the `season` table lists
//! every season the store has had; a mail recorded while a season is current is tagged with it
//! (a TEMP trigger on this connection, so every way of recording a mail does it); the queries that
//! fold plans and reports (`submissions`, `has_settled_plan`) and count reminders look at the
//! current season only. Reminder items carry their season in their key (`2023:plan-overdue:3`).
//! A store from before seasons existed is claimed, once, by the first season used on it: its
//! mails and reminder items become that season's.
//!
//! This room owns the `season` table and the `season` column of `mail`; it changes no decision
//! and never deletes a record.

use chrono::{DateTime, FixedOffset};
use rusqlite::params;

use super::{ts, Store};
use crate::error::Result;

impl Store {
    /// Makes `year` the current season: new mail is recorded in it, and plans, reports and
    /// reminders are counted in it. The first season used on a store claims the records made
    /// before seasons existed.
    pub fn use_season(&mut self, year: i32, now: DateTime<FixedOffset>) -> Result<()> {
        if self.season == Some(year) {
            return Ok(());
        }
        self.write_tx(|tx| {
            let seasons: i64 = tx.query_row("SELECT COUNT(*) FROM season", [], |r| r.get(0))?;
            if seasons == 0 {
                tx.execute(
                    "UPDATE mail SET season = ?1 WHERE season IS NULL",
                    params![year],
                )?;
                tx.execute(
                    "UPDATE reminder_item SET key = ?1 || ':' || key
                      WHERE key NOT GLOB '[0-9][0-9][0-9][0-9]:*'",
                    params![year],
                )?;
            }
            tx.execute(
                "INSERT OR IGNORE INTO season (year, started_at) VALUES (?1, ?2)",
                params![year, ts(&now)],
            )?;
            Ok(())
        })?;
        self.conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS current_season (year INTEGER NOT NULL);
             CREATE TEMP TRIGGER IF NOT EXISTS mail_season AFTER INSERT ON main.mail
               WHEN NEW.season IS NULL
             BEGIN
               UPDATE mail SET season = (SELECT year FROM current_season) WHERE id = NEW.id;
             END;
             DELETE FROM current_season;",
        )?;
        self.conn.execute(
            "INSERT INTO current_season (year) VALUES (?1)",
            params![year],
        )?;
        self.season = Some(year);
        Ok(())
    }

    /// The current season, if one is in use.
    pub fn season(&self) -> Option<i32> {
        self.season
    }

    /// Every season the store has had, oldest first: the year, when it was first used and how
    /// many mails arrived in it.
    pub fn seasons(&self) -> Result<Vec<(i32, String, i64)>> {
        let mut st = self.conn.prepare(
            "SELECT s.year, s.started_at, (SELECT COUNT(*) FROM mail m WHERE m.season = s.year)
               FROM season s ORDER BY s.year",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
