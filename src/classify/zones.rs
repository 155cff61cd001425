//! Zones: where a piece of a mail's text stands, and how much it says there.
//!
//! A mail is cut into zones (From name, subject, opening, body, signature, quoted text,
//! attachment names, titles and text); each zone weighs unit names, kind cues and dates
//! differently. Also here: whether the mail is a reply or a forward, which changes those
//! weights.
//!
//! Invariants: the zones of a mail come in a fixed order (From name, subject, opening, body,
//! signature, quoted, then per attachment its name, head, body and signature), and later
//! stages rely on that order (date candidates are numbered in it, ties go to the first).
//! The weights are constants of this file. No I/O and no clock: zones are a pure function of
//! the parsed mail.

use crate::parse::ParsedMail;

/// Text zones of a mail, with how much a unit name found there says about the sender.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Zone {
    FromName,
    Subject,
    Opening,
    Body,
    Signature,
    Quoted,
    AttachmentName,
    AttachmentHead,
    AttachmentBody,
}

impl Zone {
    pub(super) fn unit_weight(self, forward: bool) -> f64 {
        match self {
            Zone::FromName => 4.0,
            Zone::Subject => 4.0,
            Zone::Signature => 3.5,
            Zone::AttachmentName => 3.5,
            Zone::Opening => 2.5,
            Zone::AttachmentHead => 3.0,
            Zone::Body => 1.5,
            Zone::AttachmentBody => 1.0,
            Zone::Quoted if forward => 2.5,
            Zone::Quoted => 1.2,
        }
    }

    pub(super) fn kind_weight(self, reply: bool, forward: bool) -> f64 {
        match self {
            Zone::Subject if reply => 1.0,
            Zone::Subject => 3.0,
            Zone::AttachmentName => 2.5,
            Zone::FromName => 0.0,
            Zone::Opening | Zone::Body | Zone::Signature => 1.0,
            Zone::AttachmentHead => 1.5,
            Zone::AttachmentBody => 0.6,
            Zone::Quoted if forward => 1.0,
            Zone::Quoted => 0.3,
        }
    }

    /// Whether this zone's text follows right on from `previous`'s in the mail (the body
    /// after the opening, an attachment's text after its title, a signature after either).
    pub(super) fn continues(self, previous: Zone) -> bool {
        matches!(
            (previous, self),
            (Zone::Opening, Zone::Body)
                | (Zone::Body, Zone::Signature)
                | (Zone::AttachmentHead, Zone::AttachmentBody)
                | (Zone::AttachmentBody, Zone::Signature)
        )
    }

    pub(super) fn date_weight(self) -> f64 {
        match self {
            Zone::Subject => 1.3,
            Zone::AttachmentName => 1.2,
            Zone::Quoted => 0.8,
            Zone::FromName => 0.0,
            _ => 1.0,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Zone::FromName => "From name",
            Zone::Subject => "subject",
            Zone::Opening => "opening",
            Zone::Body => "body",
            Zone::Signature => "signature",
            Zone::Quoted => "quoted text",
            Zone::AttachmentName => "attachment name",
            Zone::AttachmentHead => "attachment title",
            Zone::AttachmentBody => "attachment text",
        }
    }
}

/// How a mail frames its text: a reply's subject says less about its kind, a forward's
/// quoted text says more about its unit.
#[derive(Clone, Copy, Debug)]
pub(super) struct Framing {
    pub(super) reply: bool,
    pub(super) forward: bool,
}

impl Framing {
    /// Reply or forward, by the subject's prefix (or a near-empty body above quoted text).
    pub(super) fn of(mail: &ParsedMail) -> Framing {
        let subject_l = mail.subject.to_lowercase();
        // A reply by its subject's prefix, or by its headers when it quotes the mail it
        // answers (its subject may be one the bot wrote, which is not read).
        let reply = ["re:", "re：", "回复", "答复:", "答复："]
            .iter()
            .any(|p| subject_l.trim_start().starts_with(p))
            || (mail.in_reply_to.is_some() || !mail.references.is_empty())
                && !mail.quoted.trim().is_empty();
        let forward = ["fw:", "fwd:", "fw：", "转发", "转寄", "转:", "转："]
            .iter()
            .any(|p| subject_l.trim_start().starts_with(p))
            || (mail.body.chars().filter(|c| is_cjk(*c)).count() < 20
                && !mail.quoted.trim().is_empty());
        Framing { reply, forward }
    }
}

/// A CJK ideograph (the unified block or extension A).
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// Splits a parsed mail into weighted zones.
pub(super) fn zones(mail: &ParsedMail) -> Vec<(Zone, String)> {
    let mut z = Vec::new();
    if let Some(n) = &mail.from_name {
        z.push((Zone::FromName, n.clone()));
    }
    if !mail.subject.is_empty() {
        z.push((Zone::Subject, mail.subject.clone()));
    }
    let lines: Vec<&str> = mail.body.lines().filter(|l| !l.trim().is_empty()).collect();
    let n = lines.len();
    let open_end = n.min(3);
    let sig_start = n.saturating_sub(6).max(open_end);
    z.push((Zone::Opening, lines[..open_end].join("\n")));
    z.push((Zone::Body, lines[open_end..sig_start].join("\n")));
    z.push((Zone::Signature, lines[sig_start..].join("\n")));
    if !mail.quoted.trim().is_empty() {
        z.push((Zone::Quoted, mail.quoted.clone()));
    }
    for a in &mail.attachments {
        if let Some(name) = &a.name {
            z.push((Zone::AttachmentName, name.clone()));
        }
        if let Some(t) = &a.text {
            let tl: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
            let head = tl.len().min(4);
            z.push((Zone::AttachmentHead, tl[..head].join("\n")));
            let tail = tl.len().saturating_sub(4).max(head);
            z.push((Zone::AttachmentBody, tl[head..tail].join("\n")));
            // The attachment's last lines carry its signature and 落款: unit evidence like a
            // mail signature.
            z.push((Zone::Signature, tl[tail..].join("\n")));
        }
    }
    z
}
