//! Office tools: the review queue, corrections, and the units' addresses (confirmed by the
//! office, or proposed by the bot and waiting for the office).
//!
//! A correction updates the mail's decision (and so the activity's state and deadlines,
//! which are derived from the records), is itself recorded (who, when, from what to what),
//! learns the sender's address for the unit, and queues the full acknowledgement that was held
//! back while the mail waited for review, under its own dedup key so it goes out once.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::classify::{Classifier, Decision, Kind, Submission};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::notify::{self, ack};
use crate::parse::parse;
use crate::records::MailRecord;
use crate::safetext::{attachment_list, repeated};
use crate::store::{decision_json, Store};

/// What the office sets a mail to. A correction replaces everything the mail was recorded
/// with: `Submission` leaves it one plan or report (a mail recorded with several keeps only
/// that one), `Several` sets each plan or report it carries, in order, `Other` none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignment {
    Submission {
        activity: u32,
        kind: Kind,
        date: Option<NaiveDate>,
        end: Option<NaiveDate>,
    },
    /// Several submissions in one mail (each a `Submission`), the first first.
    Several(Vec<Assignment>),
    Other,
}

impl Assignment {
    /// The assignment that confirms what a mail was recorded with (each of its submissions),
    /// or None when one of them has no activity.
    pub fn of_record(m: &MailRecord) -> Option<Assignment> {
        let parts: Option<Vec<Assignment>> = m
            .submissions()
            .into_iter()
            .map(|s| {
                Some(Assignment::Submission {
                    activity: s.activity?,
                    kind: s.kind,
                    date: s.activity_date,
                    end: s.activity_end,
                })
            })
            .collect();
        let mut parts = parts?;
        match parts.len() {
            0 => Some(Assignment::Other),
            1 => parts.pop(),
            _ => Some(Assignment::Several(parts)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignOutcome {
    pub ack_queued: bool,
    pub learned: Option<String>,
}

fn record_decision(m: &MailRecord) -> Decision {
    Decision {
        kind: m.kind,
        unit: m.unit.clone(),
        activity: m.activity,
        activity_date: m.activity_date,
        activity_end: m.activity_end,
        confidence: m.confidence,
        needs_review: m.needs_review,
        automated: m.automated,
        reasons: m.reasons.clone(),
        also: m.also.clone(),
    }
}

/// The decision the office sets with one or more submissions: the first is the mail's own,
/// the others its further ones; all of one unit, no two the same.
fn submission_decision(config: &Config, m: &MailRecord, parts: &[Assignment]) -> Result<Decision> {
    let recorded = m.submissions();
    let mut subs: Vec<Submission> = Vec::new();
    let mut unit: Option<String> = None;
    for (i, part) in parts.iter().enumerate() {
        let Assignment::Submission {
            activity,
            kind,
            date,
            end,
        } = part
        else {
            return Err(Error::Usage(
                "多项材料中的每一项都应为“第N项 方案|报告 [日期]”".into(),
            ));
        };
        let a = config.activity(*activity).ok_or_else(|| {
            Error::Usage(format!(
                "活动计划表中没有第{activity}项（序号为 1–{}）",
                config
                    .activities
                    .iter()
                    .map(|a| a.number)
                    .max()
                    .unwrap_or(0)
            ))
        })?;
        if *kind == Kind::Other {
            return Err(Error::Usage(
                "--kind 只能是 plan（方案）或 report（报告）；其他邮件用 --other".into(),
            ));
        }
        match &unit {
            Some(u) if *u != a.unit => {
                return Err(Error::Usage(format!(
                    "一封邮件的各项材料应属于同一单位：第{activity}项属于{}，而不是{u}",
                    a.unit
                )))
            }
            _ => unit = Some(a.unit.clone()),
        }
        if subs
            .iter()
            .any(|s| s.kind == *kind && s.activity == Some(*activity))
        {
            return Err(Error::Usage(format!("第{activity}项{}写了两次", kind.zh())));
        }
        // The mail's own date stays when it was read for this activity, or (for its first
        // submission) for none: an activity the schedule did not have yet (计划外活动).
        let read = recorded
            .iter()
            .find(|s| s.activity == Some(*activity))
            .or(recorded.first().filter(|s| i == 0 && s.activity.is_none()));
        let date = date.or(read.and_then(|s| s.activity_date));
        let end = end.or(match read {
            Some(s) if date == s.activity_date => s.activity_end,
            _ => date,
        });
        if let (Some(d), Some(e)) = (date, end) {
            if e < d {
                return Err(Error::Usage(format!("--end {e} 早于 --date {d}")));
            }
        }
        subs.push(Submission {
            kind: *kind,
            activity: Some(*activity),
            activity_date: date,
            activity_end: end,
            reasons: vec!["set by the office".into()],
        });
    }
    let first = subs
        .first()
        .cloned()
        .ok_or_else(|| Error::Usage("没有要登记的材料".into()))?;
    Ok(Decision {
        kind: first.kind,
        unit,
        activity: first.activity,
        activity_date: first.activity_date,
        activity_end: first.activity_end,
        confidence: 1.0,
        needs_review: false,
        automated: false,
        reasons: vec!["set by the office".into()],
        also: subs.split_off(1),
    })
}

/// A classifier that also knows the addresses the office confirmed (a proposal is no
/// evidence of anything until then).
pub fn classifier_with_learned(config: &Config, store: &Store) -> Result<Classifier> {
    let mut c = Classifier::new(config);
    for l in store.learned_addresses()? {
        if l.is_confirmed() {
            c.learn_address(&l.unit, &l.address);
        }
    }
    Ok(c)
}

pub fn assign(
    config: &Config,
    store: &mut Store,
    mail_id: i64,
    target: &Assignment,
    by: &str,
    now: DateTime<FixedOffset>,
) -> Result<AssignOutcome> {
    let m = store.mail(mail_id)?.ok_or_else(|| {
        Error::Usage(format!(
            "没有编号为 #{mail_id} 的邮件（编号见 `themeday review`）"
        ))
    })?;
    let before = decision_json(&record_decision(&m));
    let after = match target {
        Assignment::Other => Decision {
            kind: Kind::Other,
            unit: None,
            activity: None,
            activity_date: None,
            activity_end: None,
            confidence: 1.0,
            needs_review: false,
            automated: m.automated,
            reasons: vec!["set by the office".into()],
            also: Vec::new(),
        },
        Assignment::Submission { .. } => {
            submission_decision(config, &m, std::slice::from_ref(target))?
        }
        Assignment::Several(parts) => submission_decision(config, &m, parts)?,
    };
    // Learn the sender for the unit, unless the directory or the store knows it already.
    let learned_now = store.learned_addresses()?;
    let learn = match (&after.unit, &m.from_addr) {
        (Some(unit), Some(addr))
            if *addr != config.office_address
                && !config.units.iter().any(|u| u.addresses.contains(addr))
                && !learned_now
                    .iter()
                    .any(|l| &l.address == addr && l.is_confirmed()) =>
        {
            Some((addr.clone(), unit.clone()))
        }
        _ => None,
    };
    // The acknowledgement held back: once per mail, whatever corrections follow.
    let mut ack_out = None;
    if after.kind != Kind::Other && !m.automated {
        let key = format!("ack-confirmed:{}", m.hash);
        if !store.has_outgoing(&key)? {
            let raw = std::fs::read(&m.archive_path).map_err(|source| Error::Read {
                path: m.archive_path.clone(),
                source,
            })?;
            if let Ok(parsed) = parse(&raw) {
                let mut plans_on_record = Vec::new();
                for a in after.submissions().iter().filter_map(|s| s.activity) {
                    if store.has_settled_plan(a, Some(m.id))? {
                        plans_on_record.push(a);
                    }
                }
                if let Some(mut d) = ack::draft(
                    config,
                    &m.hash,
                    &parsed,
                    &after,
                    m.received_instant(),
                    now,
                    &plans_on_record,
                ) {
                    d.dedup_key = key;
                    // A mail whose acknowledgement cannot be built is still settled.
                    match notify::build(config, &d, now) {
                        Ok(o) => ack_out = Some(o),
                        Err(e) => tracing::warn!(mail = mail_id, "no acknowledgement: {e}"),
                    }
                }
            }
        }
    }
    store.correct(
        mail_id,
        &after,
        &before,
        by,
        now,
        learn.as_ref().map(|(a, u)| (a.as_str(), u.as_str())),
        ack_out.as_ref(),
    )?;
    Ok(AssignOutcome {
        ack_queued: ack_out.is_some(),
        learned: learn.map(|(a, _)| a),
    })
}

/// What confirming an address did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmOutcome {
    pub address: String,
    /// The unit's name as the directory spells it.
    pub unit: String,
    /// Mails from the address that waited only for it and are now settled.
    pub settled: Vec<i64>,
}

impl ConfirmOutcome {
    /// What the command says to the office.
    pub fn zh(&self) -> String {
        let mut out = format!(
            "已确认 {} 为{}的邮箱：此后该单位的提醒也发往此邮箱，其来信按识别结果登记。",
            self.address, self.unit
        );
        if !self.settled.is_empty() {
            let ids: Vec<String> = self.settled.iter().map(|i| format!("#{i}")).collect();
            out.push_str(&format!(
                "此前因发件邮箱未确认而待核对的 {} 封已登记（回执已排队，由运行中的服务发出）：{}。",
                ids.len(),
                ids.join("、")
            ));
        }
        out
    }
}

/// The office confirms that `address` speaks for `unit` (`themeday units --confirm`): from
/// now on its plans and reports settle and it gets the unit's reminders. Its plans and
/// reports that waited only for this confirmation are settled as they were recognised (each
/// a correction by `by`, with the acknowledgement that was held back).
pub fn confirm_address(
    config: &Config,
    store: &mut Store,
    address: &str,
    unit: &str,
    by: &str,
    now: DateTime<FixedOffset>,
) -> Result<ConfirmOutcome> {
    let address = address.trim().to_lowercase();
    if !crate::config::is_plausible_address(&address) {
        return Err(Error::Usage(format!("{address} 不是有效的邮箱地址")));
    }
    if address == config.office_address {
        return Err(Error::Usage(format!(
            "{address} 是本办邮箱，不能确认为单位邮箱"
        )));
    }
    let Some(u) = config
        .units
        .iter()
        .find(|u| u.name == unit.trim() || u.full_name == unit.trim())
    else {
        return Err(Error::Usage(format!(
            "单位名录中没有“{unit}”（请使用 themeday units 列出的单位名称）"
        )));
    };
    if let Some(owner) = config
        .units
        .iter()
        .find(|o| o.name != u.name && o.addresses.contains(&address))
    {
        return Err(Error::Usage(format!(
            "{address} 在单位名录中属于{}，请先修改配置文件中的单位名录",
            owner.name
        )));
    }
    store.confirm_address(&address, &u.name, now)?;
    let mut settled = Vec::new();
    for m in store.held_for_sender(&address)? {
        if m.unit.as_deref() != Some(u.name.as_str()) || crate::dkim::failed(m.dkim.as_deref()) {
            continue;
        }
        let Some(target) = Assignment::of_record(&m) else {
            continue;
        };
        assign(config, store, m.id, &target, by, now)?;
        settled.push(m.id);
    }
    Ok(ConfirmOutcome {
        address,
        unit: u.name.clone(),
        settled,
    })
}

/// The review queue, as text for the office: each mail with its evidence and best candidates.
pub fn review_text(config: &Config, store: &Store) -> Result<String> {
    let classifier = classifier_with_learned(config, store)?;
    let mails: Vec<MailRecord> = store
        .mails()?
        .into_iter()
        .filter(|m| m.needs_review && !m.reviewed)
        .collect();
    if mails.is_empty() {
        return Ok("没有待人工核对的邮件。\n".into());
    }
    let mut out = format!("待人工核对的邮件共 {} 封：\n\n", mails.len());
    for m in &mails {
        out.push_str(&format!(
            "#{}  {}  {}\n    主题：{}\n    初步识别：{} / {} / {} / 活动日期 {}\n    依据：{}\n",
            m.id,
            m.received_instant()
                .with_timezone(&config.timezone)
                .format("%Y-%m-%d %H:%M"),
            repeated(m.from_addr.as_deref().unwrap_or("（无发件人）")),
            repeated(&m.subject),
            m.kind.zh(),
            m.unit.as_deref().unwrap_or("单位未识别"),
            m.activity
                .map(|a| format!("第{a}项"))
                .unwrap_or_else(|| "活动未识别".into()),
            m.activity_date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "未找到".into()),
            repeated(
                &m.reasons
                    .iter()
                    .map(|r| crate::evidence::zh(r))
                    .collect::<Vec<_>>()
                    .join("；"),
            ),
        ));
        for sub in &m.also {
            out.push_str(&format!(
                "    另含：{} / {} / 活动日期 {}\n",
                sub.kind.zh(),
                sub.activity
                    .map(|a| format!("第{a}项"))
                    .unwrap_or_else(|| "活动未识别".into()),
                sub.activity_date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "未找到".into()),
            ));
        }
        if let Some(why) = &m.unprocessable {
            out.push_str(&format!("    无法处理：{}\n", repeated(why)));
        }
        for n in &m.notes {
            out.push_str(&format!("    注意：{}\n", repeated(n)));
        }
        if !m.attachments.is_empty() {
            out.push_str(&format!("    附件：{}\n", attachment_list(&m.attachments)));
        }
        if let Some(s) = crate::trust::sender_zh(m.sender.as_deref()) {
            out.push_str(&format!(
                "    发件邮箱：{s}；DKIM：{}\n",
                crate::dkim::zh(m.dkim.as_deref())
            ));
            if m.sender.as_deref() == Some("unconfirmed") && !crate::dkim::failed(m.dkim.as_deref())
            {
                if let (Some(addr), Some(unit)) = (&m.from_addr, &m.unit) {
                    out.push_str(&format!(
                        "    确认该邮箱：themeday units --confirm {addr} --unit {unit}\n"
                    ));
                }
            }
        }
        let cands = std::fs::read(&m.archive_path)
            .ok()
            .and_then(|raw| parse(&raw).ok())
            .map(|p| classifier.candidates(&p, 3))
            .unwrap_or_default();
        if !cands.is_empty() {
            out.push_str("    可能的活动：");
            let parts: Vec<String> = cands
                .iter()
                .filter_map(|(n, s)| {
                    config.activity(*n).map(|a| {
                        format!(
                            "第{n}项 {} {}（{s:.2}）",
                            a.unit,
                            crate::notify::quoted(&a.theme)
                        )
                    })
                })
                .collect();
            out.push_str(&parts.join("；"));
            out.push('\n');
        }
        out.push_str(&format!(
            "    更正：themeday assign {} --activity 序号 --kind plan|report [--date YYYY-MM-DD]{}，或 themeday assign {} --other\n\n",
            m.id,
            if m.also.is_empty() {
                ""
            } else {
                " --also 序号:plan|report[:YYYY-MM-DD]（每项另含的材料一个 --also）"
            },
            m.id
        ));
    }
    Ok(out)
}

/// Each unit's known addresses and where each came from.
pub fn units_text(config: &Config, store: &Store) -> Result<String> {
    let learned = store.learned_addresses()?;
    let mails = store.mails()?;
    let mut out = String::from("单位名录及已知邮箱：\n");
    for u in &config.units {
        out.push_str(&format!("{}（{}）\n", u.name, u.full_name));
        let mut any = false;
        for a in &u.addresses {
            out.push_str(&format!("    {a}  来源：单位名录（配置文件）\n"));
            any = true;
        }
        for l in learned.iter().filter(|l| l.unit == u.name) {
            let (addr, mail_id, how) = (&l.address, l.mail_id, &l.how);
            let when = DateTime::parse_from_rfc3339(&l.learned_at)
                .map(|t| {
                    t.with_timezone(&config.timezone)
                        .format("%Y-%m-%d")
                        .to_string()
                })
                .unwrap_or_default();
            let mail = mail_id.map(|i| format!("邮件 #{i}，")).unwrap_or_default();
            if l.is_confirmed() {
                let how = if how == "correction" {
                    "人工更正确认"
                } else {
                    "本办确认"
                };
                out.push_str(&format!(
                    "    {addr}  来源：{how}（{mail}{when}）  删除：themeday units --forget {addr}\n"
                ));
                any = true;
            } else {
                out.push_str(&format!(
                    "    {addr}  来源：系统提议，待确认（{mail}{when}；确认前不发提醒、所报材料待核对）  确认：themeday units --confirm {addr} --unit {}  删除：themeday units --forget {addr}\n",
                    u.name
                ));
            }
        }
        let used: std::collections::BTreeSet<&str> = mails
            .iter()
            .filter(|m| m.unit.as_deref() == Some(u.name.as_str()) && m.is_settled_submission())
            .filter_map(|m| m.from_addr.as_deref())
            .filter(|a| {
                !u.addresses.iter().any(|x| x == a) && !learned.iter().any(|l| l.address == *a)
            })
            .collect();
        for a in used {
            out.push_str(&format!(
                "    {a}  来源：该单位已登记材料所用邮箱（未确认，不发提醒）  确认：themeday units --confirm {a} --unit {}\n",
                u.name
            ));
        }
        if !any {
            out.push_str("    （尚无确认的邮箱，无法发送提醒）\n");
        }
    }
    Ok(out)
}
