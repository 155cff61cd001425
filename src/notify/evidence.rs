//! The digest's evidence sections: what the bot would not stand behind and shows the office
//! instead of acting on it.
//!
//! - 【来源核对】 per newly arrived mail: a `Date:` more than a day away from the received
//!   time (the received time counts, the `Date:` is only shown); a later plan or report that
//!   did not replace the first one received; a plan or report from an address that is not
//!   the unit's (unconfirmed and not proposed, another unit's, or failing DKIM), with the
//!   exact command that settles it.
//! - 【待确认的单位邮箱】 every address the bot proposes for a unit, with its DKIM result and
//!   the commands to confirm or forget it. Until confirmed it gets no reminders.
//!
//! This room only reads the store and formats; it decides nothing.

use super::digest::Table;
use crate::classify::Kind;
use crate::config::Config;
use crate::deadlines::fmt_date;
use crate::error::Result;
use crate::records::{MailRecord, Submissions};
use crate::store::Store;

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
        m.from_addr.as_deref().unwrap_or("（无）"),
        crate::trust::sender_zh(Some(s)).unwrap_or_default(),
        crate::dkim::zh(m.dkim.as_deref())
    ))
}

/// The evidence tables for the mails that arrived since the last digest.
pub(super) fn tables(
    config: &Config,
    store: &Store,
    arrived: &[MailRecord],
    subs: &Submissions,
) -> Result<Vec<Table>> {
    let tz = config.timezone;
    let local = |t: chrono::DateTime<chrono::FixedOffset>| {
        t.with_timezone(&tz).format("%m月%d日 %H:%M").to_string()
    };
    let proposed: Vec<_> = store
        .learned_addresses()?
        .into_iter()
        .filter(|l| !l.is_confirmed())
        .collect();
    let mut checks = Table {
        title: "来源核对".into(),
        note: "登记以本办邮箱服务器的收到时间为准，不采用发件人填写的发件日期；同一事项以最先收到的材料为准；未经确认的邮箱所报材料须本办核对后才计入。".into(),
        headers: vec!["编号", "发件人", "情况", "处理"],
        rows: Vec::new(),
        empty: "无。",
    };
    for m in arrived {
        let from = m.from_addr.clone().unwrap_or_else(|| "（无）".into());
        if let (Some(days), Some(date)) = (m.date_skew_days(), m.mail_date) {
            checks.rows.push(vec![
                format!("#{}", m.id),
                from.clone(),
                format!(
                    "发件日期与收到时间相差{days}天：发件日期（Date）{}，收到时间{}",
                    local(date),
                    local(m.received_instant())
                ),
                "已按收到时间登记，发件日期仅供参考。".into(),
            ]);
        }
        if m.is_settled_submission() {
            let record = m.activity.and_then(|a| subs.record_of(a, m.kind));
            if let (Some(a), Some(first)) = (m.activity, record.filter(|r| *r != m.id)) {
                let what = if m.kind == Kind::Plan {
                    "活动方案"
                } else {
                    "情况报告"
                };
                checks.rows.push(vec![
                    format!("#{}", m.id),
                    from.clone(),
                    format!("第{a}项已有先收到的{what}（#{first}），本邮件未替换原记录"),
                    format!(
                        "如应以本邮件为准，请核对后用 themeday assign {first} --other 撤销原记录。"
                    ),
                ]);
            }
        }
        // A plan or report from a proposed address is in the review list and under
        // 待确认的单位邮箱 already; the others get their commands here.
        let is_proposed = proposed.iter().any(|l| {
            Some(l.address.as_str()) == m.from_addr.as_deref() && Some(&l.unit) == m.unit.as_ref()
        });
        if m.needs_review && !m.reviewed && m.kind != Kind::Other && !is_proposed {
            if let Some(why) = sender_reason(m) {
                let unit = m.unit.clone().unwrap_or_default();
                let confirm = if m.sender.as_deref() == Some("unconfirmed")
                    && !crate::dkim::failed(m.dkim.as_deref())
                    && !unit.is_empty()
                {
                    format!("确认为{unit}邮箱：themeday units --confirm {from} --unit {unit}；")
                } else {
                    String::new()
                };
                checks.rows.push(vec![
                    format!("#{}", m.id),
                    from.clone(),
                    format!("{}（{}）：{why}", m.kind.zh(), unit),
                    format!(
                        "待核对，暂不计入。{confirm}按识别结果登记：themeday assign {} --activity {} --kind {}；不予登记：themeday assign {} --other",
                        m.id,
                        m.activity.map(|a| a.to_string()).unwrap_or_else(|| "序号".into()),
                        m.kind.as_str(),
                        m.id
                    ),
                ]);
            }
        }
    }

    let mut proposals = Table {
        title: "待确认的单位邮箱".into(),
        note: "以下邮箱由系统根据来信内容提议，尚未经本办确认：确认前不向其发送提醒，其所报材料须人工核对。".into(),
        headers: vec!["邮箱", "单位", "依据", "DKIM", "确认", "删除"],
        rows: Vec::new(),
        empty: "无。",
    };
    for l in &proposed {
        let mail = match l.mail_id {
            Some(id) => store.mail(id)?,
            None => None,
        };
        proposals.rows.push(vec![
            l.address.clone(),
            l.unit.clone(),
            mail.as_ref()
                .map(|m| {
                    format!(
                        "#{}（{}收到）",
                        m.id,
                        fmt_date(Some(m.received_instant().with_timezone(&tz).date_naive()))
                    )
                })
                .unwrap_or_default(),
            crate::dkim::zh(mail.as_ref().and_then(|m| m.dkim.as_deref())),
            format!("themeday units --confirm {} --unit {}", l.address, l.unit),
            format!("themeday units --forget {}", l.address),
        ]);
    }
    Ok(vec![checks, proposals])
}
