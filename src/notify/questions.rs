//! Questions from units (请问方案需要盖章吗): mail the classifier set aside as a question, not a
//! submission. Nothing answers them automatically; the digest lists each with its text for a
//! person to answer. Likewise a unit's short note in answer to the bot's mail (单位来信): the
//! digest shows its text until a person marks it.
//!
//! Reads the store and the archived mail; writes nothing.

use crate::classify::Kind;
use crate::config::Config;
use crate::error::Result;
use crate::parse::parse;
use crate::records::MailRecord;
use crate::safetext::repeated;
use crate::store::Store;

/// At most this many characters of a question are shown.
pub const MAX_QUESTION_CHARS: usize = 300;

/// A unit's question, with its own words.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub mail: MailRecord,
    /// The sender's own text (quoted text left out), shortened.
    pub text: String,
}

/// Whether the classifier took this mail for a question.
pub fn is_question(config: &Config, m: &MailRecord) -> bool {
    m.kind == Kind::Other
        && !m.automated
        && m.from_addr.as_deref().is_none_or(|a| {
            a != config.office_address && !config.office_staff_addresses.iter().any(|s| s == a)
        })
        && m.reasons.iter().any(|r| r.starts_with("a question"))
}

/// The own text of a mail, on one line, at most [`MAX_QUESTION_CHARS`] characters.
pub fn own_words(m: &MailRecord) -> String {
    let body = std::fs::read(&m.archive_path)
        .ok()
        .and_then(|raw| parse(&raw).ok())
        .map(|p| p.body)
        .unwrap_or_default();
    let joined = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.chars().all(|c| c == '-' || c == '—' || c == '_'))
        .collect::<Vec<_>>()
        .join(" ");
    let joined = crate::safetext::strip_controls(&joined);
    let mut out: String = joined.chars().take(MAX_QUESTION_CHARS).collect();
    if joined.chars().count() > MAX_QUESTION_CHARS {
        out.push('…');
    }
    if out.is_empty() {
        repeated(&m.subject)
    } else {
        out
    }
}

/// The questions among the mails after `after_id`, oldest first.
pub fn questions_since(config: &Config, store: &Store, after_id: i64) -> Result<Vec<Question>> {
    let mut out = Vec::new();
    for id in store.question_ids_since(after_id)? {
        if let Some(m) = store.mail(id)?.filter(|m| is_question(config, m)) {
            out.push(Question {
                text: own_words(&m),
                mail: m,
            });
        }
    }
    Ok(out)
}

/// A unit's short note in answer to the bot's mail (收到，我们尽快报送): not a submission; it
/// waits for a person to read it and mark it (`#编号 其他`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitMessageItem {
    pub id: i64,
    pub from: String,
    pub subject: String,
    pub text: String,
    pub replies: Vec<String>,
}

/// The unit messages among the mails waiting for review, oldest first.
pub fn unit_messages(review: &[MailRecord]) -> Vec<UnitMessageItem> {
    review
        .iter()
        .filter_map(|m| {
            let text = super::digest::unit_message(m)?;
            Some(UnitMessageItem {
                id: m.id,
                from: repeated(&match (&m.from_name, &m.from_addr) {
                    (Some(n), Some(a)) => format!("{n} <{a}>"),
                    (None, Some(a)) => a.clone(),
                    _ => "（无发件人）".into(),
                }),
                subject: repeated(&m.subject),
                text: repeated(text),
                replies: vec![format!("#{} 其他", m.id)],
            })
        })
        .collect()
}
