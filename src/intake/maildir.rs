//! Maildir source: reads `new/` and `cur/` without moving or renaming anything (the office's
//! mail stays as it is); a file's key is its unique name without the `:2,FLAGS` suffix, so a
//! mail client marking it read does not make it new again.
//!
//! A file that cannot be read (its permissions, an I/O error on that file) is that file's
//! problem: it is skipped with a warning (once per file per process) and tried again on the
//! next pass, and the other mail goes on.
//! A mail's received time is its delivery time on the office's side: the timestamp the
//! delivery agent wrote at the start of the file name (`1681288521.M1P1.host`), else the
//! file's modification time. Never the sender's `Date:`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};

use super::{sleep_unless_stopped, Handler, Incoming, Source};
use crate::error::{Error, Result};
use crate::store::Store;

/// A batch (one transaction, one flush of the archive) holds at most this many files...
const BATCH_COUNT: usize = 100;
/// ...and stops growing past this many bytes.
const BATCH_BYTES: u64 = 4 * 1024 * 1024;

pub struct MaildirSource {
    root: PathBuf,
    poll: Duration,
    /// Files already reported as unreadable (reported once).
    unreadable: std::collections::HashSet<PathBuf>,
}

impl MaildirSource {
    pub fn new(root: PathBuf, poll_seconds: u64) -> MaildirSource {
        MaildirSource {
            root,
            poll: Duration::from_secs(poll_seconds.max(1)),
            unreadable: Default::default(),
        }
    }

    /// (key, path) of every message, oldest first (Maildir names start with a timestamp).
    pub fn list(&self) -> Result<Vec<(String, PathBuf)>> {
        if !self.root.exists() {
            return Err(Error::Intake(format!(
                "Maildir {} does not exist (create it with new/, cur/ and tmp/, or fix [mailbox] path)",
                self.root.display()
            )));
        }
        let mut out = Vec::new();
        for sub in ["new", "cur"] {
            let dir = self.root.join(sub);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if name.starts_with('.') || !e.file_type().map(|t| t.is_file()).unwrap_or(false) {
                    continue;
                }
                let unique = name.split(":2,").next().unwrap_or(&name).to_string();
                let mtime = e.metadata().and_then(|m| m.modified()).ok();
                out.push((mtime, unique, e.path()));
            }
        }
        out.sort();
        Ok(out
            .into_iter()
            .map(|(_, k, p)| (format!("maildir:{k}"), p))
            .collect())
    }
}

/// When a Maildir file was delivered: the seconds its unique name starts with (written by the
/// delivery agent, and kept when the file moves from `new/` to `cur/` or is checked out of
/// git), else its modification time.
pub fn delivery_time(path: &std::path::Path) -> Option<DateTime<FixedOffset>> {
    let name = path.file_name()?.to_string_lossy();
    let secs = name.split('.').next().unwrap_or("");
    // 2001-09-09 … 2286: ten digits, as every Maildir writer since 2001 puts them.
    if secs.len() == 10 && secs.bytes().all(|b| b.is_ascii_digit()) {
        if let Some(t) = secs
            .parse::<i64>()
            .ok()
            .and_then(|s| Utc.timestamp_opt(s, 0).single())
        {
            return Some(t.fixed_offset());
        }
    }
    let mtime = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    Some(DateTime::<Utc>::from(mtime).fixed_offset())
}

impl Source for MaildirSource {
    fn fetch_new(&mut self, store: &mut Store, handle: &mut Handler<'_>) -> Result<usize> {
        let mut todo = Vec::new();
        for (key, path) in self.list()? {
            if !store.source_seen(&key)? {
                todo.push((key, path));
            }
        }
        let mut n = 0;
        let mut rest = todo.as_slice();
        while !rest.is_empty() {
            // One batch: up to BATCH_COUNT files or BATCH_BYTES, at least one file.
            let mut bytes = 0u64;
            let mut take = 0;
            while take < rest.len() && take < BATCH_COUNT && (take == 0 || bytes < BATCH_BYTES) {
                bytes += std::fs::metadata(&rest[take].1).map_or(0, |m| m.len());
                take += 1;
            }
            let (chunk, later) = rest.split_at(take);
            rest = later;
            let mut raws = Vec::with_capacity(chunk.len());
            for (key, path) in chunk {
                match std::fs::read(path) {
                    Ok(r) => raws.push((key.clone(), r, delivery_time(path))),
                    // Moved by a mail client between listing and reading: the next pass finds it.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                    Err(e) => {
                        if self.unreadable.insert(path.clone()) {
                            tracing::warn!(file = %path.display(), "cannot read this mail, skipped until it can be read: {e}");
                        }
                        continue;
                    }
                }
            }
            let items: Vec<Incoming> = raws
                .iter()
                .map(|(k, r, at)| Incoming {
                    key: k.clone(),
                    raw: r.as_slice(),
                    received: *at,
                })
                .collect();
            if !items.is_empty() {
                n += super::in_batch(store, |store| handle(store, &items))?;
            }
        }
        Ok(n)
    }

    fn wait(&mut self, timeout: Duration, stop: &AtomicBool) -> Result<()> {
        if !stop.load(Ordering::SeqCst) {
            sleep_unless_stopped(self.poll.min(timeout), stop);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn delivery_time_is_the_name_timestamp_else_the_mtime() {
        let dir = std::env::temp_dir().join(format!("themeday-maildir-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let named = dir.join("1681288521.M1P1.demo:2,S");
        std::fs::write(&named, b"x").unwrap();
        assert_eq!(
            super::delivery_time(&named).unwrap().to_rfc3339(),
            "2023-04-12T08:35:21+00:00"
        );
        let other = dir.join("saved-by-hand.eml");
        std::fs::write(&other, b"x").unwrap();
        let mtime = std::fs::metadata(&other).unwrap().modified().unwrap();
        assert_eq!(
            super::delivery_time(&other).unwrap(),
            chrono::DateTime::<chrono::Utc>::from(mtime).fixed_offset()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
