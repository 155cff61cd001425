//! Attachments as the digest lists them: by name and size, read from the archived mail,
//! never a server path. Names are whatever the sender wrote: each one is cut and stripped of
//! control characters, and a mail with thousands of attachments lists the first few and
//! counts the rest.
//!
//! Reads the archive; writes nothing.

use crate::records::MailRecord;
use crate::safetext::{repeated, MAX_LISTED_ATTACHMENTS};

/// `1.2 MB`, `23 KB`.
pub fn size_text(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MB", n as f64 / (1 << 20) as f64)
    } else {
        format!("{} KB", n.div_ceil(1024).max(1))
    }
}

/// Mail larger than this is not opened for its attachments' sizes (the names are shown).
const MAX_SIZED_MAIL: i64 = 50 << 20;

/// Attachments by name and size, read from the archived mail (names only when it is large
/// or cannot be read); each name cut, the first [`MAX_LISTED_ATTACHMENTS`] listed and the
/// rest counted.
pub fn attachments(m: &MailRecord) -> Vec<String> {
    if m.attachments.is_empty() {
        return Vec::new();
    }
    let sized = (m.size <= MAX_SIZED_MAIL)
        .then(|| std::fs::read(&m.archive_path).ok())
        .flatten()
        .and_then(|raw| {
            let msg = crate::parse::mime(&raw).ok().flatten()?;
            use mail_parser::MimeHeaders;
            let v: Vec<String> = msg
                .attachments()
                .take(MAX_LISTED_ATTACHMENTS)
                .map(|p| {
                    let name = p
                        .attachment_name()
                        .map(crate::parse::decode_stray_encoded_words)
                        .unwrap_or_else(|| "（无名附件）".into());
                    format!("{}（{}）", repeated(&name), size_text(p.contents().len()))
                })
                .collect();
            crate::parse::drop_flat(msg);
            Some(v)
        });
    let mut v = sized.unwrap_or_else(|| {
        m.attachments
            .iter()
            .take(MAX_LISTED_ATTACHMENTS)
            .map(|n| repeated(n))
            .collect()
    });
    if m.attachments.len() > MAX_LISTED_ATTACHMENTS {
        v.push(format!("等共 {} 个附件", m.attachments.len()));
    }
    v
}
