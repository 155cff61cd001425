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

use crate::config::{Config, Intake};
use crate::error::Result;
use crate::store::Store;

/// What a source hands over: the raw bytes and a key naming where they came from.
pub type Handler<'a> = dyn FnMut(&mut Store, &[u8], &str) -> Result<()> + 'a;

pub trait Source {
    /// Hands every message not yet recorded to `handle`, oldest first; returns how many.
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
