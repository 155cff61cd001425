//! Office corrections: a person sets a mail's decision, and the store keeps who changed what.
//!
//! Invariants:
//! - a correction is one transaction: the mail's new decision (marked reviewed), the
//!   `correction` row with the decision before and after, the learned address and the
//!   acknowledgement held back, so a crash applies all of it or none;
//! - the correction log is append-only: corrections are never changed or deleted.
//!
//! This room owns the `correction` table and the correcting UPDATE of a mail (which replaces
//! the mail's further submissions, `mail_submission`, with the office's); it queues mail
//! only through `outbox::queue_in` and does not read or write the archive.

use chrono::{DateTime, FixedOffset};
use rusqlite::params;

use super::outbox::{queue_in, Outgoing};
use super::{ts, Store};
use crate::classify::Decision;
use crate::error::Result;

impl Store {
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
        // The office's decision replaces every submission the mail was recorded with.
        tx.execute("DELETE FROM mail_submission WHERE mail_id = ?1", [mail_id])?;
        super::mails::insert_also(&tx, mail_id, &after.also)?;
        tx.execute(
            "INSERT INTO correction (mail_id, at, by, before, after) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![mail_id, ts(&now), by, before_json, decision_json(after)],
        )?;
        if let Some((addr, unit)) = learn {
            tx.execute(
                // The office's word: it turns a proposal into a confirmed address, and never
                // overrides an earlier confirmation.
                "INSERT INTO learned_address (address, unit, mail_id, learned_at, how) VALUES (?1, ?2, ?3, ?4, 'correction')
                 ON CONFLICT(address) DO UPDATE SET unit = excluded.unit, mail_id = excluded.mail_id,
                    learned_at = excluded.learned_at, how = 'correction'
                 WHERE learned_address.how NOT IN ('confirmed', 'correction')",
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
}

/// The decision fields of a mail as JSON, for the correction log (with `also`, the further
/// submissions, when the mail carries several).
pub fn decision_json(d: &Decision) -> String {
    let mut v = serde_json::json!({
        "kind": d.kind,
        "unit": d.unit,
        "activity": d.activity,
        "activity_date": d.activity_date.map(|x| x.to_string()),
        "activity_end": d.activity_end.map(|x| x.to_string()),
        "needs_review": d.needs_review,
    });
    if !d.also.is_empty() {
        v["also"] = serde_json::json!(d
            .also
            .iter()
            .map(|s| serde_json::json!({
                "kind": s.kind,
                "activity": s.activity,
                "activity_date": s.activity_date.map(|x| x.to_string()),
                "activity_end": s.activity_end.map(|x| x.to_string()),
            }))
            .collect::<Vec<_>>());
    }
    v.to_string()
}
