//! Ingest: one raw mail → parsed, classified, archived and recorded, with the mail it causes
//! queued in the same transaction.
//!
//! One bad mail never stops the rest. Whatever goes wrong with the mail in hand — it cannot be
//! parsed, the classifier panics on it, its acknowledgement cannot be built (an address lettre
//! refuses) — is that mail's: it is still archived and recorded, marked unprocessable with the
//! reason (in Chinese, for the digest's 无法处理的邮件), held for the office's review and not
//! acknowledged, and the next mail goes on. Only a failure of the store itself (SQLite, the
//! archive's disk) is returned as an error and stops the pass.
//!
//! A mail is a duplicate only when it is the same mail: the same bytes, or a known Message-ID
//! with the same body (a copy delivered again with other transport headers). A known
//! Message-ID with another body is recorded as a mail of its own and flagged for the office,
//! so a forged mail that borrows the Message-ID of a unit's future plan cannot make the real
//! plan "already recorded".
//!
//! A mail that answers the bot's own mail is judged on the sender's new text only
//! ([`judge`]): our words quoted back never count (parse sets them aside, and our subject kept
//! by "Re:" is not read), and a line or two without an attachment is a note from the unit for
//! the office (kind `other`, flagged for a person, shown in the digest as 单位来信), never a
//! submission. A short answer that arrives within seconds of our mail is an auto-responder's.
//!
//! Besides its content, each mail is recorded with its provenance (`records::Provenance`):
//! the received time its source gives (never its `Date:`), its DKIM result, and the trust
//! check of its sender, which holds a plan or report from an address that cannot speak for
//! the unit for the office's review (see `trust`).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

use crate::classify::{Classifier, Decision, Kind};
use crate::dkim::Dkim;
use crate::error::{Error, Result};
use crate::parse::reply::{self, UNIT_MESSAGE};
use crate::parse::{parse, ParsedMail};
use crate::records::{Flags, Provenance};
use crate::store::{content_hash, write_archive, Outgoing, Recorded, Store};
use crate::trust::{SenderCheck, Trust};

#[derive(Debug, Clone)]
pub struct Ingested {
    pub id: i64,
    pub duplicate: bool,
    pub decision: Option<Decision>,
    /// The sender address, when the mail could be parsed.
    pub from_addr: Option<String>,
    /// Why the mail could not be handled, when it could not (it is recorded all the same).
    pub unprocessable: Option<String>,
    /// The trust check of its sender (new mail only).
    pub sender: Option<SenderCheck>,
}

/// Parses and classifies without touching the store.
pub fn decide(
    classifier: &Classifier,
    raw: &[u8],
) -> (Option<ParsedMail>, Option<String>, Decision) {
    let (parsed, error, decision, _) = decide_guarded(classifier, raw);
    (parsed, error, decision)
}

/// [`decide`], with a panic in the parser or the classifier caught and turned into the mail's
/// own failure; the last value says why the mail could not be handled (Chinese), if it could not.
fn decide_guarded(
    classifier: &Classifier,
    raw: &[u8],
) -> (Option<ParsedMail>, Option<String>, Decision, Option<String>) {
    let parsed = catch_unwind(|| parse(raw)).unwrap_or_else(|p| {
        Err(format!(
            "the parser failed on this message ({})",
            panic_text(&*p)
        ))
    });
    match parsed {
        Ok(p) => match catch_unwind(AssertUnwindSafe(|| judge(classifier, &p))) {
            Ok(d) => (Some(p), None, d, None),
            Err(panic) => {
                let why = format!(
                    "the classifier failed on this message ({})",
                    panic_text(&*panic)
                );
                let unprocessable = format!("无法识别：识别程序处理该邮件时出错（{why}）");
                (Some(p), None, failed_decision(&why), Some(unprocessable))
            }
        },
        Err(e) => {
            let unprocessable = format!("无法解析：{e}");
            (
                None,
                Some(e.clone()),
                failed_decision(&format!("cannot parse: {e}")),
                Some(unprocessable),
            )
        }
    }
}

/// The decision for a mail the bot could not read: `other`, for the office to review.
fn failed_decision(reason: &str) -> Decision {
    Decision {
        kind: Kind::Other,
        unit: None,
        activity: None,
        activity_date: None,
        activity_end: None,
        confidence: 0.0,
        needs_review: true,
        automated: false,
        reasons: vec![reason.to_string()],
        also: Vec::new(),
    }
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// The SHA-256 of a mail's body: everything after the blank line that ends its header (the
/// whole mail when it has none). Two copies of one mail delivered along different routes
/// differ in their transport headers, not here.
pub fn body_hash(raw: &[u8]) -> String {
    let end = (0..raw.len()).find_map(|i| {
        if raw[i..].starts_with(b"\n\n") {
            Some(i + 2)
        } else if raw[i..].starts_with(b"\n\r\n") {
            Some(i + 3)
        } else {
            None
        }
    });
    hex::encode(Sha256::digest(&raw[end.unwrap_or(0)..]))
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
        also: Vec::new(),
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
                    also: Vec::new(),
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
    /// See [`body_hash`].
    pub body_hash: String,
    pub len: usize,
    pub parsed: Option<ParsedMail>,
    pub error: Option<String>,
    pub decision: Decision,
    /// Why the mail could not be parsed or classified (Chinese), if it could not.
    pub unprocessable: Option<String>,
    pub archive: PathBuf,
    /// Whether this call created the archive file (it did not exist with these bytes).
    pub created: bool,
    /// The DKIM result (`off` when not checked).
    pub dkim: String,
}

/// Archives, parses and classifies one mail. An error is the archive's (the store's): a
/// mail that cannot be parsed or classified is still prepared, marked unprocessable.
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
    let (parsed, error, decision, unprocessable) = decide_guarded(classifier, raw);
    let dkim = match dkim {
        Some(v) => v.verify(raw, parsed.as_ref().and_then(|p| p.from_addr.as_deref())),
        None => "off".to_string(),
    };
    Ok(Prepared {
        hash,
        body_hash: body_hash(raw),
        len: raw.len(),
        parsed,
        error,
        decision,
        unprocessable,
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
    if let Some(id) = store.find_existing(&hash)? {
        store.mark_source_seen(source, id)?;
        return Ok(duplicate(id, None));
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

fn duplicate(id: i64, decision: Option<Decision>) -> Ingested {
    Ingested {
        id,
        duplicate: true,
        decision,
        from_addr: None,
        unprocessable: None,
        sender: None,
    }
}

/// Whether an error is the store's own (SQLite, the archive's disk), which stops the pass,
/// rather than the mail's.
pub fn is_store_failure(e: &Error) -> bool {
    matches!(
        e,
        Error::Store(_)
            | Error::Batch(_)
            | Error::Write { .. }
            | Error::Read { .. }
            | Error::Stopped
    )
}

/// Records a prepared mail, unless the store has it already (the same bytes, or the same
/// Message-ID with the same body). The trust check of its sender is applied first, so its
/// acknowledgement and its record see the mail held for review when its sender cannot speak
/// for the unit. What a failure to build its acknowledgement leaves is recorded as
/// unprocessable; only a failure of the store is returned.
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
        body_hash,
        len,
        parsed,
        error,
        decision,
        unprocessable,
        archive,
        created,
        dkim,
    } = p;
    let mut flags = Flags {
        unprocessable,
        notes: Vec::new(),
    };
    if let Some(id) = store.find_existing(&hash)? {
        store.mark_source_seen(source, id)?;
        return Ok(duplicate(id, Some(decision)));
    }
    // Received on the office's side: the mail is recorded as it arrives.
    let mut decision = match parsed.as_ref() {
        Some(p) => judge_timing(
            store,
            p,
            decision,
            received.filter(|r| *r <= now).unwrap_or(now),
        )?,
        None => decision,
    };
    let mid = parsed.as_ref().and_then(|p| p.message_id.as_deref());
    let holders = match mid {
        Some(m) => store.with_message_id(m)?,
        None => Vec::new(),
    };
    for (id, path) in &holders {
        if std::fs::read(path).is_ok_and(|b| self::body_hash(&b) == body_hash) {
            // The same mail with other transport headers: the copy just written is not kept.
            if created {
                let _ = std::fs::remove_file(&archive);
            }
            store.mark_source_seen(source, *id)?;
            return Ok(duplicate(*id, Some(decision)));
        }
    }
    if let Some((first, _)) = holders.first() {
        // Someone reused a Message-ID: this one is a mail of its own, and the office decides.
        decision.needs_review = true;
        flags.notes.push(format!(
            "Message-ID 与第{first}封相同而内容不同：其中一封可能是伪造的，请核对后再确认"
        ));
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
    let built = catch_unwind(AssertUnwindSafe(|| {
        outgoing(store, &hash, parsed.as_ref(), &decision)
    }));
    let queued = match built {
        Ok(Ok(q)) => q,
        Ok(Err(e)) if is_store_failure(&e) => return Err(e),
        Ok(Err(e)) => {
            flags.unprocessable = Some(format!("无法生成回执：{e}"));
            Vec::new()
        }
        Err(panic) => {
            flags.unprocessable = Some(format!(
                "无法生成回执：程序处理该邮件时出错（{}）",
                panic_text(&*panic)
            ));
            Vec::new()
        }
    };
    if let Some(why) = &flags.unprocessable {
        // Recorded, but it counts for nothing until the office has looked at it.
        decision.needs_review = true;
        tracing::warn!(source, reason = %why, "mail recorded as unprocessable");
    }
    let rec = store.record(
        len,
        &hash,
        &archive,
        source,
        parsed.as_ref(),
        error.as_deref(),
        &decision,
        &flags,
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
            unprocessable: flags.unprocessable,
            sender: Some(check),
        },
        Recorded::Duplicate(id) => duplicate(id, Some(decision)),
    })
}
