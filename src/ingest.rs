//! Ingest: one raw mail → parsed, classified, archived and recorded, with the mail it causes
//! queued in the same transaction.
//!
//! A mail that cannot be parsed is still archived and recorded (kind `other`, flagged for
//! review, with the parse error), so nothing that reached the mailbox is ever dropped.
//!
//! A mail that answers the bot's own mail is judged on the sender's new text only
//! ([`judge`]): our words quoted back never count (parse sets them aside, and our subject kept
//! by "Re:" is not read), and a line or two without an attachment is a note from the unit for
//! the office (kind `other`, flagged for a person, shown in the digest as 单位来信), never a
//! submission. A short answer that arrives within seconds of our mail is an auto-responder's.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::classify::{Classifier, Decision, Kind};
use crate::error::Result;
use crate::parse::reply::{self, UNIT_MESSAGE};
use crate::parse::{parse, ParsedMail};
use crate::store::{content_hash, write_archive, Outgoing, Recorded, Store};

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
            let d = judge(classifier, &p);
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

/// Classifies a parsed mail on the evidence the bot can stand behind: a subject the bot wrote
/// (kept by the sender's "Re:") is not read, and a short note in answer to our mail, with no
/// attachment, is a message from the unit for the office, not a submission.
pub fn judge(classifier: &Classifier, p: &ParsedMail) -> Decision {
    let d = if reply::is_our_subject(&p.subject) {
        let view = ParsedMail {
            subject: String::new(),
            ..p.clone()
        };
        classifier.classify(&view)
    } else {
        classifier.classify(p)
    };
    if d.automated || !p.replies_to_ours || !reply::is_short_note(p) || classifier.from_office(p) {
        return d;
    }
    let mut reasons = vec![format!("{UNIT_MESSAGE}{}", reply::note_text(p))];
    reasons.push("a short note in answer to our mail, no attachment: not a submission".into());
    Decision {
        kind: Kind::Other,
        unit: d.unit,
        activity: None,
        activity_date: None,
        activity_end: None,
        confidence: 0.9,
        needs_review: true,
        automated: false,
        reasons,
    }
}

/// A short answer to our mail that arrives this soon after we sent it is an auto-responder's,
/// whatever it says ("收到").
pub const AUTO_REPLY_WINDOW_SECONDS: i64 = 180;

/// The timing check [`judge`] cannot make without the store: a short note answering our mail
/// that arrived within [`AUTO_REPLY_WINDOW_SECONDS`] of it is automated. `received` is when the
/// office's side received the mail.
pub fn judge_timing(
    store: &Store,
    p: &ParsedMail,
    d: Decision,
    received: DateTime<FixedOffset>,
) -> Result<Decision> {
    if d.automated || !p.replies_to_ours || !reply::is_short_note(p) {
        return Ok(d);
    }
    // The mail it answers: In-Reply-To first, else the latest of ours in References.
    let ours: Vec<&String> = p
        .in_reply_to
        .iter()
        .chain(p.references.iter().rev())
        .filter(|id| reply::is_our_message_id(id))
        .collect();
    for id in ours.into_iter().take(3) {
        if let Some(sent) = store.sent_at_of(id)? {
            let after = (received - sent).num_seconds();
            if (0..=AUTO_REPLY_WINDOW_SECONDS).contains(&after) {
                return Ok(Decision {
                    kind: Kind::Other,
                    unit: None,
                    activity: None,
                    activity_date: None,
                    activity_end: None,
                    confidence: 0.95,
                    needs_review: false,
                    automated: true,
                    reasons: vec![format!(
                        "automated: a short answer {after} seconds after our mail was sent"
                    )],
                });
            }
            break;
        }
    }
    Ok(d)
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
}

pub fn prepare(
    classifier: &Classifier,
    archive_dir: &Path,
    raw: &[u8],
    durable: bool,
) -> Result<Prepared> {
    prepare_hashed(classifier, archive_dir, raw, content_hash(raw), durable)
}

/// [`prepare`] for a mail whose hash is already known.
fn prepare_hashed(
    classifier: &Classifier,
    archive_dir: &Path,
    raw: &[u8],
    hash: String,
    durable: bool,
) -> Result<Prepared> {
    let (archive, created) = write_archive(archive_dir, &hash, raw, durable)?;
    let (parsed, error, decision) = decide(classifier, raw);
    Ok(Prepared {
        hash,
        len: raw.len(),
        parsed,
        error,
        decision,
        archive,
        created,
    })
}

/// Records one mail. `source` names where it came from (`maildir:<file>`,
/// `imap:<uidvalidity>:<uid>`, `import:<path>`). `outgoing` builds what a new mail causes (its
/// acknowledgement), reading the store as it was before the mail; it is queued in the
/// transaction that records the mail.
pub fn ingest(
    store: &mut Store,
    classifier: &Classifier,
    raw: &[u8],
    source: &str,
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
        });
    }
    let durable = !store.in_batch();
    let prepared = prepare_hashed(classifier, store.archive_dir(), raw, hash, durable)?;
    record_prepared(store, prepared, source, now, outgoing)
}

/// Records a prepared mail, unless the store has it already (same bytes, or same Message-ID).
pub fn record_prepared(
    store: &mut Store,
    p: Prepared,
    source: &str,
    now: DateTime<FixedOffset>,
    outgoing: impl FnOnce(&Store, &str, Option<&ParsedMail>, &Decision) -> Result<Vec<Outgoing>>,
) -> Result<Ingested> {
    let Prepared {
        hash,
        len,
        parsed,
        error,
        decision,
        archive,
        created,
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
        });
    }
    // Received on the office's side: the mail is recorded as it arrives.
    let decision = match parsed.as_ref() {
        Some(p) => judge_timing(store, p, decision, now)?,
        None => decision,
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
