//! Trust: who may speak for a unit.
//!
//! The records decide the units' 绩效考核 and what the county portal publishes, so a mail may
//! change a record only through evidence the bot can stand behind. For the sender that means:
//! an address is a unit's when the unit directory lists it or the office confirmed it
//! (`themeday units --confirm`, or a correction with `themeday assign`). Any other address is
//! at most a *proposal*: the bot proposes an address it recognised with high confidence, shows
//! it in the digest with the command that confirms it, and until then
//! - a plan or report from it is recorded but waits for the office (`needs_review`), so it
//!   neither settles an activity nor stops the unit's reminders;
//! - it gets no reminders (those go to the directory's and confirmed addresses only).
//!
//! A unit's own address that names another unit speaks for its own unit only: the mail waits
//! for review and the address is never proposed for the other unit. A mail whose DKIM
//! signature fails for its From domain never settles on its sender and never teaches an
//! address.
//!
//! [`Trust::judge`] is pure; [`Trust::load`] reads the confirmed addresses from the store.
//! This room does not write the store, queue mail or classify.

use std::collections::HashMap;
use std::sync::Arc;

use crate::classify::{Decision, Kind};
use crate::config::Config;
use crate::dkim::Dkim;
use crate::error::Result;
use crate::store::Store;

/// Confidence from which the classifier's unit is sure enough to propose the sender's
/// address for it.
pub const PROPOSE_CONFIDENCE: f64 = 0.8;

/// The addresses that speak for units, and the DKIM verifier, for one intake pass.
pub struct Trust {
    /// Address → (unit, `directory` | `confirmed`).
    known: HashMap<String, (String, &'static str)>,
    office: Vec<String>,
    pub dkim: Option<Arc<Dkim>>,
}

/// How a mail's sender stands, as the trust check saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SenderCheck {
    /// `directory`, `confirmed`, `unconfirmed` or `other-unit:NAME`; `None` for mail that is
    /// not a plan or report for a unit.
    pub sender: Option<String>,
    /// The check alone holds the mail for review (the classifier was sure of it).
    pub held: bool,
    /// The address may be proposed for the decided unit.
    pub may_propose: bool,
}

impl Trust {
    /// The directory's addresses and those the office confirmed.
    pub fn load(config: &Config, store: &Store, dkim: Option<Arc<Dkim>>) -> Result<Trust> {
        let mut known = HashMap::new();
        for u in &config.units {
            for a in &u.addresses {
                known.insert(a.to_lowercase(), (u.name.clone(), "directory"));
            }
        }
        for l in store.learned_addresses()? {
            if l.is_confirmed() {
                known
                    .entry(l.address.to_lowercase())
                    .or_insert((l.unit.clone(), "confirmed"));
            }
        }
        let mut office = vec![config.office_address.clone()];
        office.extend(config.office_staff_addresses.iter().cloned());
        Ok(Trust {
            known,
            office,
            dkim,
        })
    }

    /// A check with only the directory (no store, no DKIM): for tools that classify alone.
    pub fn directory_only(config: &Config) -> Trust {
        let mut known = HashMap::new();
        for u in &config.units {
            for a in &u.addresses {
                known.insert(a.to_lowercase(), (u.name.clone(), "directory"));
            }
        }
        Trust {
            known,
            office: vec![config.office_address.clone()],
            dkim: None,
        }
    }

    /// The unit an address speaks for, if the directory or the office says so.
    pub fn unit_of(&self, address: &str) -> Option<&str> {
        self.known
            .get(&address.to_lowercase())
            .map(|(u, _)| u.as_str())
    }

    /// Checks the sender of a plan or report against the unit the classifier found, and holds
    /// the mail for review when the sender cannot speak for that unit or its signature fails.
    pub fn judge(&self, from: Option<&str>, dkim: Option<&str>, d: &mut Decision) -> SenderCheck {
        let (Some(unit), true) = (d.unit.clone(), d.kind != Kind::Other) else {
            return SenderCheck {
                sender: None,
                held: false,
                may_propose: false,
            };
        };
        let from = from.map(str::to_lowercase).unwrap_or_default();
        let dkim_failed = crate::dkim::failed(dkim);
        let sender = match self.known.get(&from) {
            Some((u, how)) if *u == unit => how.to_string(),
            Some((u, _)) => format!("other-unit:{u}"),
            None => "unconfirmed".to_string(),
        };
        let trusted = (sender == "directory" || sender == "confirmed") && !dkim_failed;
        let sure = !d.needs_review && d.confidence >= PROPOSE_CONFIDENCE;
        let may_propose = sender == "unconfirmed"
            && sure
            && !dkim_failed
            && !from.is_empty()
            && !self.office.contains(&from);
        let mut held = false;
        if !trusted {
            held = !d.needs_review;
            d.needs_review = true;
            d.reasons.push(match sender.as_str() {
                s if s.starts_with("other-unit:") => format!(
                    "the sender address is {}'s, not {unit}'s: the office decides",
                    &s["other-unit:".len()..]
                ),
                "unconfirmed" => {
                    format!("the sender address is not confirmed for {unit}: the office decides")
                }
                _ => "DKIM fails for the From domain: the office decides".to_string(),
            });
            if dkim_failed && sender != "directory" && sender != "confirmed" {
                d.reasons
                    .push("DKIM fails for the From domain: the address is not proposed".into());
            }
        }
        SenderCheck {
            sender: Some(sender),
            held,
            may_propose,
        }
    }
}

/// The sender's standing in the office's words, for the digest and the review list.
pub fn sender_zh(sender: Option<&str>) -> Option<String> {
    let s = sender?;
    Some(match s {
        "directory" => "单位名录中的邮箱".into(),
        "confirmed" => "本办已确认的单位邮箱".into(),
        "unconfirmed" => "尚未确认为该单位邮箱".into(),
        s if s.starts_with("other-unit:") => {
            format!("该邮箱属于{}，不是所识别的单位", &s["other-unit:".len()..])
        }
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trust() -> Trust {
        let mut known = HashMap::new();
        known.insert(
            "caizheng@163.com".to_string(),
            ("县财政局".to_string(), "directory"),
        );
        known.insert(
            "mz@126.com".to_string(),
            ("县民政局".to_string(), "confirmed"),
        );
        Trust {
            known,
            office: vec!["43347867@qq.com".into()],
            dkim: None,
        }
    }

    fn plan(unit: &str) -> Decision {
        Decision {
            kind: Kind::Plan,
            unit: Some(unit.into()),
            activity: Some(5),
            activity_date: None,
            activity_end: None,
            confidence: 0.95,
            needs_review: false,
            automated: false,
            reasons: Vec::new(),
            also: Vec::new(),
        }
    }

    #[test]
    fn only_the_units_own_addresses_settle_its_mail() {
        let t = trust();
        let mut d = plan("县财政局");
        let c = t.judge(Some("CaiZheng@163.com"), Some("none"), &mut d);
        assert_eq!(c.sender.as_deref(), Some("directory"));
        assert!(!d.needs_review && !c.held && !c.may_propose);

        let mut d = plan("县民政局");
        let c = t.judge(Some("mz@126.com"), Some("pass d=126.com"), &mut d);
        assert_eq!(c.sender.as_deref(), Some("confirmed"));
        assert!(!d.needs_review);

        // A stranger: held, proposed.
        let mut d = plan("县财政局");
        let c = t.judge(Some("someone@outlook.com"), Some("none"), &mut d);
        assert_eq!(c.sender.as_deref(), Some("unconfirmed"));
        assert!(d.needs_review && c.held && c.may_propose);

        // Another unit's address: held, never proposed for this one.
        let mut d = plan("县民政局");
        let c = t.judge(Some("caizheng@163.com"), Some("none"), &mut d);
        assert_eq!(c.sender.as_deref(), Some("other-unit:县财政局"));
        assert!(d.needs_review && c.held && !c.may_propose);

        // DKIM failing: held even from the directory's address; a stranger is not proposed.
        let mut d = plan("县财政局");
        let c = t.judge(Some("caizheng@163.com"), Some("fail d=163.com: x"), &mut d);
        assert!(d.needs_review && c.held && !c.may_propose);
        let mut d = plan("县财政局");
        let c = t.judge(Some("x@163.com"), Some("fail d=163.com: x"), &mut d);
        assert!(d.needs_review && !c.may_propose);

        // Unsure classification: held by the classifier already, not proposed.
        let mut d = plan("县财政局");
        d.needs_review = true;
        let c = t.judge(Some("someone@outlook.com"), Some("none"), &mut d);
        assert!(!c.held && !c.may_propose);

        // Other mail is not judged.
        let mut d = plan("县财政局");
        d.kind = Kind::Other;
        let c = t.judge(Some("someone@outlook.com"), None, &mut d);
        assert!(c.sender.is_none() && !d.needs_review);
    }
}
