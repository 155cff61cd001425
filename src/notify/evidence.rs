//! The digest's evidence sections: what the bot would not stand behind and shows the office
//! instead of acting on it.
//!
//! - 来源核对, per newly arrived mail: a `Date:` more than a day away from the received time
//!   (the received time counts, the `Date:` is only shown); a later plan or report that did
//!   not replace the first one received, with the reply line that would let it count.
//! - 待确认的单位邮箱: every address the bot proposes for a unit (any address the office has
//!   not confirmed), with its DKIM result, the reply lines that confirm or delete it and the
//!   same on the command line. Until confirmed it gets no reminders.
//! - Why a plan or report waits because of its sender ([`sender_reason`]), for the review
//!   items; there the reply line that confirms the address goes with it ([`confirm_line`]).
//!
//! This room only reads the store and formats; it decides nothing.

use super::digest_data::AddressItem;
use super::zh_datetime;
use crate::classify::Kind;
use crate::config::Config;
use crate::error::Result;
use crate::records::{MailRecord, Submissions};
use crate::safetext::repeated;
use crate::store::{LearnedAddress, Store};

/// A fact about a new mail's provenance the office should see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckItem {
    pub id: i64,
    pub from: String,
    /// What the bot noticed.
    pub what: String,
    /// What it did about it, and what the office may do.
    pub note: String,
    pub replies: Vec<String>,
}

/// Why a mail waits for the office because of its sender, in the office's words.
pub(super) fn sender_reason(m: &MailRecord) -> Option<String> {
    let s = m.sender.as_deref()?;
    if s == "directory" || s == "confirmed" {
        return crate::dkim::failed(m.dkim.as_deref()).then(|| {
            format!(
                "DKIM{}，可能是冒用该单位邮箱",
                crate::dkim::zh(m.dkim.as_deref())
            )
        });
    }
    Some(format!(
        "发件邮箱{}（{}；DKIM{}）",
        repeated(m.from_addr.as_deref().unwrap_or("（无）")),
        crate::trust::sender_zh(Some(s)).unwrap_or_default(),
        crate::dkim::zh(m.dkim.as_deref())
    ))
}

/// The reply line that confirms a waiting mail's sender for its unit, when the sender is
/// only unconfirmed (not another unit's, not failing DKIM): confirming settles the mail.
pub(super) fn confirm_line(m: &MailRecord) -> Option<String> {
    let (Some(unit), Some(addr)) = (m.unit.as_deref(), m.from_addr.as_deref()) else {
        return None;
    };
    (m.sender.as_deref() == Some("unconfirmed")
        && m.kind != Kind::Other
        && !crate::dkim::failed(m.dkim.as_deref()))
    .then(|| format!("确认邮箱 {unit} {addr}"))
}

/// 来源核对 for the mails that arrived since the last digest.
pub(super) fn checks(
    config: &Config,
    arrived: &[MailRecord],
    subs: &Submissions,
) -> Vec<CheckItem> {
    let tz = config.timezone;
    let mut out = Vec::new();
    for m in arrived {
        let from = repeated(m.from_addr.as_deref().unwrap_or("（无）"));
        if let (Some(days), Some(date)) = (m.date_skew_days(), m.mail_date) {
            out.push(CheckItem {
                id: m.id,
                from: from.clone(),
                what: format!(
                    "发件日期与收到时间相差{days}天：发件日期（Date）{}，收到时间{}",
                    zh_datetime(date, tz),
                    zh_datetime(m.received_instant(), tz)
                ),
                note: "已按收到时间登记，发件日期仅供参考。".into(),
                replies: Vec::new(),
            });
        }
        // Each settled plan or report the mail carries.
        for sub in m.settled_submissions() {
            let Some(a) = sub.activity else { continue };
            let Some(first) = subs.record_of(a, sub.kind).filter(|r| *r != m.id) else {
                continue;
            };
            let what = if sub.kind == Kind::Plan {
                "活动方案"
            } else {
                "情况报告"
            };
            let only = m.also.is_empty();
            out.push(CheckItem {
                id: m.id,
                from: from.clone(),
                what: format!("第{a}项已有先收到的{what}（#{first}），本邮件未替换原记录"),
                note: if only {
                    format!(
                        "如应以本邮件为准，核对后回复下行撤销原记录（命令行：themeday assign {first} --other）。"
                    )
                } else {
                    format!(
                        "本邮件含多项材料，其余各项照常登记。如应以本邮件为准，核对后撤销原记录 #{first}（命令行：themeday assign {first} --other；原记录若也含多项材料，请改用 assign 重新登记其各项）。"
                    )
                },
                replies: vec![format!("#{first} 其他")],
            });
        }
    }
    out
}

/// 待确认的单位邮箱: every address the office has not confirmed.
pub(super) fn proposed(
    config: &Config,
    store: &Store,
    learned: &[LearnedAddress],
) -> Result<Vec<AddressItem>> {
    let mut out = Vec::new();
    for l in learned.iter().filter(|l| !l.is_confirmed()) {
        let mail = match l.mail_id {
            Some(id) => store.mail(id)?,
            None => None,
        };
        let from_mail = match &mail {
            Some(m) => format!(
                "系统从邮件 #{}（{}收到）识别出该发件人属于{}",
                m.id,
                zh_datetime(m.received_instant(), config.timezone),
                l.unit
            ),
            None => format!("系统识别出该发件人属于{}", l.unit),
        };
        out.push(AddressItem {
            address: l.address.clone(),
            unit: l.unit.clone(),
            source: format!(
                "{from_mail}；DKIM{}。确认前不向其发送提醒，其所报材料须人工核对。",
                crate::dkim::zh(mail.as_ref().and_then(|m| m.dkim.as_deref()))
            ),
            replies: vec![
                format!("确认邮箱 {} {}", l.unit, l.address),
                format!("删除邮箱 {}", l.address),
            ],
            commands: vec![
                format!("themeday units --confirm {} --unit {}", l.address, l.unit),
                format!("themeday units --forget {}", l.address),
            ],
        });
    }
    Ok(out)
}
