//! Ingest: one raw mail → parsed, classified, archived and recorded, with the mail it causes
//! queued in the same transaction.
//!
//! A mail that cannot be parsed is still archived and recorded (kind `other`, flagged for
//! review, with the parse error), so nothing that reached the mailbox is ever dropped.

use chrono::{DateTime, FixedOffset};

use crate::classify::{Classifier, Decision, Kind};
use crate::error::Result;
use crate::parse::{parse, ParsedMail};
use crate::store::{content_hash, Outgoing, Recorded, Store};

#[derive(Debug, Clone)]
pub struct Ingested {
    pub id: i64,
    pub duplicate: bool,
    pub decision: Option<Decision>,
    /// The sender address, when the mail could be parsed.
    pub from_addr: Option<String>,
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

/// Records one mail. `source` names where it came from (`maildir:<file>`,
/// `imap:<uidvalidity>:<uid>`, `import:<path>`); a source already seen is skipped without
/// parsing. `outgoing` builds what a new mail causes (its acknowledgement), reading the store
/// as it was before the mail; it is queued in the transaction that records the mail.
pub fn ingest(
    store: &mut Store,
    classifier: &Classifier,
    raw: &[u8],
    source: &str,
    now: DateTime<FixedOffset>,
    outgoing: impl FnOnce(&Store, &str, Option<&ParsedMail>, &Decision) -> Result<Vec<Outgoing>>,
) -> Result<Ingested> {
    let hash = content_hash(raw);
    if let Some(id) = store.find_existing(&hash, None)? {
        store.mark_source_seen(source, id)?;
        return Ok(Ingested {
            id,
            duplicate: true,
            decision: None,
            from_addr: None,
        });
    }
    let (parsed, error, decision) = decide(classifier, raw);
    if let Some(id) =
        store.find_existing(&hash, parsed.as_ref().and_then(|p| p.message_id.as_deref()))?
    {
        store.mark_source_seen(source, id)?;
        return Ok(Ingested {
            id,
            duplicate: true,
            decision: Some(decision),
            from_addr: None,
        });
    }
    let path = store.archive(&hash, raw)?;
    let queued = outgoing(store, &hash, parsed.as_ref(), &decision)?;
    let rec = store.record(
        raw.len(),
        &hash,
        &path,
        source,
        parsed.as_ref(),
        error.as_deref(),
        &decision,
        now,
        queued,
    )?;
    let from_addr = parsed.and_then(|p| p.from_addr);
    Ok(match rec {
        Recorded::New(id) => Ingested {
            id,
            duplicate: false,
            decision: Some(decision),
            from_addr,
        },
        Recorded::Duplicate(id) => Ingested {
            id,
            duplicate: true,
            decision: Some(decision),
            from_addr: None,
        },
    })
}
