//! Maildir source: reads `new/` and `cur/` without moving or renaming anything (the office's
//! mail stays as it is); a file's key is its unique name without the `:2,FLAGS` suffix, so a
//! mail client marking it read does not make it new again.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::{sleep_unless_stopped, Handler, Source};
use crate::error::{Error, Result};
use crate::store::Store;

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

impl Source for MaildirSource {
    fn fetch_new(&mut self, store: &mut Store, handle: &mut Handler<'_>) -> Result<usize> {
        let mut n = 0;
        for (key, path) in self.list()? {
            if store.source_seen(&key)? {
                continue;
            }
            let raw = match std::fs::read(&path) {
                Ok(r) => r,
                // Moved by a mail client between listing and reading: the next pass finds it.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(source) => return Err(Error::Read { path, source }),
            };
            handle(store, &raw, &key)?;
            n += 1;
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
