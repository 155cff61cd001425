//! Carrying out one command of the office through the same store and review functions the
//! command line uses (`review::assign`; `review::confirm_address` and `Store::forget_address`
//! as `themeday units --confirm / --forget`; the portal approvals), and saying in one Chinese
//! sentence what changed, or why nothing did.
//!
//! A command that cannot be carried out (no such mail, no such activity, an address written
//! in the configuration) changes nothing and says why. Only store errors are errors.

use chrono::{DateTime, FixedOffset};

use super::parse::Command;
use crate::classify::Kind;
use crate::config::{is_plausible_address, Config};
use crate::error::{Error, Result};
use crate::notify::zh_date_short;
use crate::records::MailRecord;
use crate::review::{assign, confirm_address, Assignment};
use crate::store::Store;

/// What a command did: carried out or not, and what to tell the office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub done: bool,
    pub detail: String,
}

fn done(detail: String) -> Result<Applied> {
    Ok(Applied { done: true, detail })
}

fn refused(detail: String) -> Result<Applied> {
    Ok(Applied {
        done: false,
        detail,
    })
}

/// The office's own addresses: the office mailbox and its staff's.
pub fn is_office(config: &Config, addr: &str) -> bool {
    let addr = addr.trim().to_lowercase();
    addr == config.office_address || config.office_staff_addresses.contains(&addr)
}

/// `#12（x@qq.com《主题》）`
pub fn mail_label(m: &MailRecord) -> String {
    format!(
        "#{}（{}《{}》）",
        m.id,
        m.from_addr.as_deref().unwrap_or("无发件人"),
        m.subject.trim()
    )
}

/// What a mail is recorded as, in words: `县水利局第1项活动方案，活动日期2023年4月20日`.
pub fn recorded_as(m: &MailRecord) -> String {
    if m.kind == Kind::Other {
        return "其他邮件".into();
    }
    // Each submission the mail carries, the unit named once.
    let parts: Vec<String> = m
        .submissions()
        .iter()
        .map(|sub| {
            let mut s = format!(
                "{}{}",
                sub.activity
                    .map(|a| format!("第{a}项"))
                    .unwrap_or_else(|| "（活动未识别）".into()),
                sub.kind.zh()
            );
            match (sub.activity_date, sub.activity_end) {
                (Some(d), Some(e)) if e != d => s.push_str(&format!(
                    "，活动日期{}至{}",
                    zh_date_short(d),
                    zh_date_short(e)
                )),
                (Some(d), _) => s.push_str(&format!("，活动日期{}", zh_date_short(d))),
                _ => s.push_str("，活动日期未注明"),
            }
            s
        })
        .collect();
    format!(
        "{}{}",
        m.unit.as_deref().unwrap_or("（单位未识别）"),
        parts.join("；")
    )
}

/// A unit named as the office wrote it: its short name, full name or an alias.
fn find_unit<'a>(config: &'a Config, name: &str) -> Option<&'a crate::config::Unit> {
    config
        .units
        .iter()
        .find(|u| u.name == name || u.full_name == name)
        .or_else(|| {
            config
                .units
                .iter()
                .find(|u| u.names(&config.county).iter().any(|n| n == name))
        })
}

/// A mail a command may change: it exists and is not the office's own.
fn target(
    config: &Config,
    store: &Store,
    id: i64,
) -> Result<std::result::Result<MailRecord, String>> {
    let Some(m) = store.mail(id)? else {
        return Ok(Err(format!("没有编号为 #{id} 的邮件（编号见日报）")));
    };
    if m.from_addr.as_deref().is_some_and(|a| is_office(config, a)) {
        return Ok(Err(format!(
            "邮件 #{id} 是本办邮箱发出的邮件，不能登记为单位材料"
        )));
    }
    Ok(Ok(m))
}

/// Carries out one command; `by` is who gave it (for the correction log).
pub fn apply(
    config: &Config,
    store: &mut Store,
    cmd: &Command,
    by: &str,
    now: DateTime<FixedOffset>,
) -> Result<Applied> {
    match cmd {
        Command::Assign {
            mail,
            activity,
            kind,
            date,
            end,
        } => {
            let m = match target(config, store, *mail)? {
                Ok(m) => m,
                Err(why) => return refused(why),
            };
            if config.activity(*activity).is_none() {
                let max = config
                    .activities
                    .iter()
                    .map(|a| a.number)
                    .max()
                    .unwrap_or(0);
                return refused(format!("活动计划表中没有第{activity}项（共1–{max}项）"));
            }
            let target = Assignment::Submission {
                activity: *activity,
                kind: *kind,
                date: *date,
                end: *end,
            };
            correct(config, store, &m, &target, by, now)
        }
        Command::AssignSeveral { mail, parts } => {
            let m = match target(config, store, *mail)? {
                Ok(m) => m,
                Err(why) => return refused(why),
            };
            let target = Assignment::Several(
                parts
                    .iter()
                    .map(|p| Assignment::Submission {
                        activity: p.activity,
                        kind: p.kind,
                        date: p.date,
                        end: p.end,
                    })
                    .collect(),
            );
            correct(config, store, &m, &target, by, now)
        }
        Command::Other { mail } => {
            let m = match target(config, store, *mail)? {
                Ok(m) => m,
                Err(why) => return refused(why),
            };
            correct(config, store, &m, &Assignment::Other, by, now)
        }
        Command::Confirm { mail } => {
            let m = match target(config, store, *mail)? {
                Ok(m) => m,
                Err(why) => return refused(why),
            };
            if !m.needs_review || m.reviewed {
                return refused(format!(
                    "邮件 #{mail} 不在待核对之列（已登记为：{}），无需确认",
                    recorded_as(&m)
                ));
            }
            // Each submission the mail was recorded with, as recorded.
            let Some(target) = Assignment::of_record(&m) else {
                return refused(format!(
                    "系统未能确定邮件 #{mail} 对应的活动，无法直接确认。请回复：#{mail} 第N项 方案|报告 [日期]（多项材料用“；”隔开）"
                ));
            };
            correct(config, store, &m, &target, by, now)
        }
        Command::Publish { mail, publish } => {
            let Some(m) = store.mail(*mail)? else {
                return refused(format!("没有编号为 #{mail} 的邮件（编号见日报）"));
            };
            if *publish && !m.has_settled_report() {
                return refused(format!(
                    "邮件 #{mail} 不是已登记的情况报告（当前为：{}），不能发布",
                    recorded_as(&m)
                ));
            }
            store.set_portal_approval(m.id, *publish, by, now)?;
            done(if *publish {
                format!(
                    "邮件 #{mail}（{}）已同意在门户网站专栏发布，下次导出专栏时生效（联系人、电话、身份证号等个人信息和照片拍摄信息会自动删除）",
                    recorded_as(&m)
                )
            } else {
                format!("邮件 #{mail}（{}）不在门户网站专栏发布", recorded_as(&m))
            })
        }
        Command::ConfirmAddress { unit, address } => {
            let Some(u) = find_unit(config, unit) else {
                return refused(format!(
                    "单位名录中没有“{unit}”，请写单位简称，如“县公安局”"
                ));
            };
            if !is_plausible_address(address) {
                return refused(format!("“{address}”不是有效的邮箱地址"));
            }
            if is_office(config, address) {
                return refused(format!("{address} 是本办邮箱，不能作为单位邮箱"));
            }
            if let Some(owner) = config.units.iter().find(|x| x.addresses.contains(address)) {
                return if owner.name == u.name {
                    done(format!(
                        "{address} 已在单位名录中登记为{}的邮箱，无需更改",
                        u.name
                    ))
                } else {
                    refused(format!(
                        "{address} 在单位名录（配置文件）中属于{}，如需更改请修改单位名录文件",
                        owner.name
                    ))
                };
            }
            // The same path as `themeday units --confirm`: the mails from the address that
            // waited only for it are settled as they were recognised.
            let before = store
                .learned_addresses()?
                .into_iter()
                .find(|l| l.address == *address && l.unit != u.name)
                .map(|l| l.unit);
            let r = match confirm_address(config, store, address, &u.name, by, now) {
                Ok(r) => r,
                Err(Error::Usage(why)) => return refused(why),
                Err(e) => return Err(e),
            };
            let mut said = r.zh();
            if let Some(b) = before {
                said.push_str(&format!("（此前记为{b}的邮箱）"));
            }
            done(said)
        }
        Command::DeleteAddress { address } => {
            if let Some(owner) = config.units.iter().find(|x| x.addresses.contains(address)) {
                return refused(format!(
                    "{address} 写在单位名录（配置文件）中，属于{}，请修改单位名录文件",
                    owner.name
                ));
            }
            let unit = store
                .learned_addresses()?
                .into_iter()
                .find(|l| l.address == *address)
                .map(|l| l.unit);
            match unit {
                Some(u) if store.forget_address(address)? => {
                    done(format!("已删除 {address}（原记为{u}的邮箱）"))
                }
                _ => refused(format!("系统没有记住 {address}，无需删除")),
            }
        }
    }
}

/// `review::assign`, told in words.
fn correct(
    config: &Config,
    store: &mut Store,
    m: &MailRecord,
    target: &Assignment,
    by: &str,
    now: DateTime<FixedOffset>,
) -> Result<Applied> {
    let r = match assign(config, store, m.id, target, by, now) {
        Ok(r) => r,
        Err(Error::Usage(why)) => return refused(format!("无法更正邮件 #{}：{why}", m.id)),
        Err(e) => return Err(e),
    };
    let after = store.mail(m.id)?.unwrap_or_else(|| m.clone());
    let mut s = format!("邮件 {} 已登记为{}", mail_label(m), recorded_as(&after));
    if let Assignment::Other = target {
        s.push_str("（不计入报送）");
    }
    if r.ack_queued {
        s.push_str("；已向发件人发送回执");
    }
    if let Some(a) = r.learned {
        s.push_str(&format!(
            "；已记住 {a} 为{}的邮箱",
            after.unit.as_deref().unwrap_or("该单位")
        ));
    }
    done(s)
}
