//! Ingest: one raw mail → parsed, classified, archived and recorded, with the mail it causes
//! queued in the same transaction.
//!
//! A mail that cannot be parsed is still archived and recorded (kind `other`, flagged for
//! review, with the parse error), so nothing that reached the mailbox is ever dropped.
//!
//! Besides its content, each mail is recorded with its provenance (`records::Provenance`):
//! the received time its source gives (never its `Date:`), its DKIM result, and the trust
//! check of its sender, which holds a plan or report from an address that cannot speak for
//! the unit for the office's review (see `trust`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::classify::{Classifier, Decision, Kind};
use crate::dkim::Dkim;
use crate::error::Result;
use crate::parse::{parse, ParsedMail};
use crate::records::Provenance;
use crate::store::{content_hash, write_archive, Outgoing, Recorded, Store};
use crate::trust::{SenderCheck, Trust};

#[derive(Debug, Clone)]
pub struct Ingested {
    pub id: i64,
    pub duplicate: bool,
    pub decision: Option<Decision>,
    /// The sender address, when the mail could be parsed.
    pub from_addr: Option<String>,
    /// The trust check of its sender (new mail only).
    pub sender: Option<SenderCheck>,
}

/// Parses and classifies without touching the store.
pub fn decide(
    classifier: &Classifier,
    raw: &[u8],
) -> (Option<ParsedMail>, Option<String>, Decision) {
    match parse(raw) {
        Ok(p) => {
            let d = classifier.classify(&p);
            (Some(p), None, d)
        }
        Err(e) => (
            None,
            Some(e.clone()),
            Decision {
                kind: Kind::Other,
                unit: None,
                activity: None,
                activity_date: None,
                activity_end: None,
                confidence: 0.0,
                needs_review: true,
                automated: false,
                reasons: vec![format!("cannot parse: {e}")],
            },
        ),
    }
}

/// What a mail becomes without the store: its hash, parse and decision, and its archive file
/// written (durable only if asked; inside a store batch the batch's commit makes it so).
/// Mails of a batch are prepared in parallel, then recorded one after the other.
#[derive(Debug)]
pub struct Prepared {
    pub hash: String,
    pub len: usize,
    pub parsed: Option<ParsedMail>,
    pub error: Option<String>,
    pub decision: Decision,
    pub archive: PathBuf,
    /// Whether this call created the archive file (it did not exist with these bytes).
    pub created: bool,
    /// The DKIM result (`off` when not checked).
    pub dkim: String,
}

pub fn prepare(
    classifier: &Classifier,
    dkim: Option<&Dkim>,
    archive_dir: &Path,
    raw: &[u8],
    durable: bool,
) -> Result<Prepared> {
    prepare_hashed(
        classifier,
        dkim,
        archive_dir,
        raw,
        content_hash(raw),
        durable,
    )
}

/// [`prepare`] for a mail whose hash is already known.
fn prepare_hashed(
    classifier: &Classifier,
    dkim: Option<&Dkim>,
    archive_dir: &Path,
    raw: &[u8],
    hash: String,
    durable: bool,
) -> Result<Prepared> {
    let (archive, created) = write_archive(archive_dir, &hash, raw, durable)?;
    let (parsed, error, decision) = decide(classifier, raw);
    let dkim = match dkim {
        Some(v) => v.verify(raw, parsed.as_ref().and_then(|p| p.from_addr.as_deref())),
        None => "off".to_string(),
    };
    Ok(Prepared {
        hash,
        len: raw.len(),
        parsed,
        error,
        decision,
        archive,
        created,
        dkim,
    })
}

/// Records one mail. `source` names where it came from (`maildir:<file>`,
/// `imap:<uidvalidity>:<uid>`, `import:<path>`), `received` when the office's side received
/// it (see `intake::Incoming`). `outgoing` builds what a new mail causes (its
/// acknowledgement), reading the store as it was before the mail; it is queued in the
/// transaction that records the mail.
#[allow(clippy::too_many_arguments)]
pub fn ingest(
    store: &mut Store,
    classifier: &Classifier,
    trust: &Trust,
    raw: &[u8],
    source: &str,
    received: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
    outgoing: impl FnOnce(&Store, &str, Option<&ParsedMail>, &Decision) -> Result<Vec<Outgoing>>,
) -> Result<Ingested> {
    let hash = content_hash(raw);
    // A copy of a recorded mail is not parsed again.
    if let Some(id) = store.find_existing(&hash, None)? {
        store.mark_source_seen(source, id)?;
        return Ok(Ingested {
            id,
            duplicate: true,
            decision: None,
            from_addr: None,
            sender: None,
        });
    }
    let durable = !store.in_batch();
    let prepared = prepare_hashed(
        classifier,
        trust.dkim.as_deref(),
        store.archive_dir(),
        raw,
        hash,
        durable,
    )?;
    record_prepared(store, trust, prepared, source, received, now, outgoing)
}

/// Records a prepared mail, unless the store has it already (same bytes, or same Message-ID).
/// The trust check of its sender is applied first, so its acknowledgement and its record see
/// the mail held for review when its sender cannot speak for the unit.
pub fn record_prepared(
    store: &mut Store,
    trust: &Trust,
    p: Prepared,
    source: &str,
    received: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
    outgoing: impl FnOnce(&Store, &str, Option<&ParsedMail>, &Decision) -> Result<Vec<Outgoing>>,
) -> Result<Ingested> {
    let Prepared {
        hash,
        len,
        parsed,
        error,
        mut decision,
        archive,
        created,
        dkim,
    } = p;
    let mid = parsed.as_ref().and_then(|p| p.message_id.as_deref());
    if let Some(id) = store.find_existing(&hash, mid)? {
        if created && store.find_existing(&hash, None)?.is_none() {
            // Same Message-ID, other bytes: the copy just written is not kept.
            let _ = std::fs::remove_file(&archive);
        }
        store.mark_source_seen(source, id)?;
        return Ok(Ingested {
            id,
            duplicate: true,
            decision: Some(decision),
            from_addr: None,
            sender: None,
        });
    }
    let from_addr = parsed.as_ref().and_then(|p| p.from_addr.clone());
    let check = trust.judge(from_addr.as_deref(), Some(&dkim), &mut decision);
    let provenance = Provenance {
        received,
        dkim: Some(dkim),
        sender: check.sender.clone(),
        held_for_sender: check.held,
    };
    store.adopt_archive(&archive);
    let queued = outgoing(store, &hash, parsed.as_ref(), &decision)?;
    let rec = store.record(
        len,
        &hash,
        &archive,
        source,
        parsed.as_ref(),
        error.as_deref(),
        &decision,
        &provenance,
        now,
        queued,
    )?;
    Ok(match rec {
        Recorded::New(id) => Ingested {
            id,
            duplicate: false,
            decision: Some(decision),
            from_addr,
            sender: Some(check),
        },
        Recorded::Duplicate(id) => Ingested {
            id,
            duplicate: true,
            decision: Some(decision),
            from_addr: None,
            sender: None,
        },
    })
}
