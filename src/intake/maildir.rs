//! Maildir source: reads `new/` and `cur/` without moving or renaming anything (the office's
//! mail stays as it is); a file's key is its unique name without the `:2,FLAGS` suffix, so a
//! mail client marking it read does not make it new again.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::{sleep_unless_stopped, Handler, Source};
use crate::error::{Error, Result};
use crate::store::Store;

/// A batch (one transaction, one flush of the archive) holds at most this many files...
const BATCH_COUNT: usize = 100;
/// ...and stops growing past this many bytes.
const BATCH_BYTES: u64 = 4 * 1024 * 1024;

pub struct MaildirSource {
    root: PathBuf,
    poll: Duration,
}

impl MaildirSource {
    pub fn new(root: PathBuf, poll_seconds: u64) -> MaildirSource {
        MaildirSource {
            root,
            poll: Duration::from_secs(poll_seconds.max(1)),
        }
    }

    /// (key, path) of every message, oldest first (Maildir names start with a timestamp).
    pub fn list(&self) -> Result<Vec<(String, PathBuf)>> {
        if !self.root.exists() {
            return Err(Error::Intake(format!(
                "邮件目录 {} 不存在（请建立该目录及其下的 new/、cur/、tmp/，或改正 [mailbox] 的 path）",
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
                    Ok(r) => raws.push((key.clone(), r)),
                    // Moved by a mail client between listing and reading: the next pass finds it.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                    Err(source) => {
                        return Err(Error::Read {
                            path: path.clone(),
                            source,
                        })
                    }
                }
            }
            let items: Vec<(String, &[u8])> = raws
                .iter()
                .map(|(k, r)| (k.clone(), r.as_slice()))
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
