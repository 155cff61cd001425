//! Intake: where mail comes from. A small trait with two sources, IMAP (the office's QQ
//! mailbox) and Maildir (the embedded default, and the offline stand-in in tests).
//!
//! A source never deletes, moves or flags mail. It hands every message it has not handed
//! before to a callback together with a stable source key; the callback records the mail (and
//! its acknowledgement) and only then does the source advance its cursor, so a crash between
//! the two re-delivers a mail the store then recognises as a duplicate.

pub mod imap;
pub mod maildir;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::config::{Config, Intake};
use crate::error::Result;
use crate::store::Store;

/// One mail as a source hands it over: a key naming where it came from, its raw bytes, and
/// when it reached the office's mailbox by the office's side's own account (IMAP
/// `INTERNALDATE`, the Maildir delivery time, the top `Received:` line of an imported file).
/// `received` is never taken from the sender's `Date:` header; `None` when the source has no
/// such time (the recording instant stands in for it).
#[derive(Debug, Clone)]
pub struct Incoming<'a> {
    pub key: String,
    pub raw: &'a [u8],
    pub received: Option<DateTime<FixedOffset>>,
}

/// What a source hands over: a batch of mails. The handler records them all (inside the store
/// batch the source opened) and returns how many.
pub type Handler<'a> = dyn FnMut(&mut Store, &[Incoming<'_>]) -> Result<usize> + 'a;

pub trait Source {
    /// Hands every message not yet recorded to `handle`, oldest first, one batch (one store
    /// transaction) at a time; returns how many.
    fn fetch_new(&mut self, store: &mut Store, handle: &mut Handler<'_>) -> Result<usize>;

    /// Returns when new mail may have arrived, `timeout` passed, or `stop` was set.
    fn wait(&mut self, timeout: Duration, stop: &AtomicBool) -> Result<()>;

    /// Something another thread can call to cut a blocking [`Source::wait`] short.
    fn interrupter(&self) -> Option<Interrupter> {
        None
    }
}

pub type Interrupter = std::sync::Arc<dyn Fn() + Send + Sync>;

pub fn source_for(config: &Config) -> Result<Box<dyn Source + Send>> {
    Ok(match &config.intake {
        Intake::Maildir { path, poll_seconds } => {
            Box::new(maildir::MaildirSource::new(path.clone(), *poll_seconds))
        }
        Intake::Imap(c) => Box::new(imap::ImapSource::new(c.clone())),
    })
}

/// Runs `f` (which records the mails of one fetched batch) inside one store batch: one
/// transaction, one flush of the archive. When `f` fails part-way, what it recorded before the
/// failure is still committed (its mails are complete), and `f`'s error is returned.
pub fn in_batch<T>(store: &mut Store, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
    store.begin_batch()?;
    match f(store) {
        Ok(v) => {
            store.commit_batch()?;
            Ok(v)
        }
        Err(e) => {
            keep_what_was_recorded(store);
            Err(e)
        }
    }
}

/// After an error inside an open batch: the mails recorded before it are complete, so the
/// batch is committed; if that fails too, they are fetched again on the next pass.
pub fn keep_what_was_recorded(store: &mut Store) {
    if store.in_batch() {
        if let Err(e) = store.commit_batch() {
            tracing::warn!(error = %e, "the mails recorded before the error were not committed; they will be fetched again");
        }
    }
}

/// Sleeps up to `total`, waking early when `stop` is set.
pub fn sleep_unless_stopped(total: Duration, stop: &AtomicBool) {
    let step = Duration::from_millis(100);
    let mut left = total;
    while !left.is_zero() && !stop.load(std::sync::atomic::Ordering::SeqCst) {
        let s = step.min(left);
        std::thread::sleep(s);
        left -= s;
    }
}

/// The time in the topmost `Received:` line: the hop that delivered the mail into the
/// mailbox it was saved from (for `themeday import` of saved `.eml` files). `None` when the
/// mail has no `Received:` line or its date cannot be read.
pub fn top_received_time(raw: &[u8]) -> Option<DateTime<FixedOffset>> {
    let msg = mail_parser::MessageParser::default().parse_headers(raw)?;
    let d = msg.received()?.date()?;
    DateTime::parse_from_rfc3339(&d.to_rfc3339()).ok()
}
