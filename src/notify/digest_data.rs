//! What the office's daily digest says, as data: collected from the store once, rendered as
//! HTML and as text by `digest_view` from the same value.
//!
//! On top, 今日待办: every item that needs a person, each with the exact line to reply with:
//! outgoing mail that is stuck (a refused login, acknowledgements held for the office, mail
//! interrupted or failed), mail the bot could not handle (with the reason), mails to review
//! (with a one-line reason), units' notes in answer to our mail (单位来信), overdue units to
//! phone (with the directory's contact), units' questions, proposed addresses (any the office
//! has not confirmed), 来源核对 (a `Date:` far from the received time, a later submission
//! that did not replace the first), activities without a date, reports awaiting approval for
//! the portal, replies whose commands were refused, and the bot's own notes (mail a daily
//! budget held, with the day it is retried). Then what falls due soon, the mail that arrived
//! (attachments by name and size, never a server path), and the season's progress as one
//! compact block.
//!
//! Reads the store and the archive (for attachment sizes and questions' words); writes only
//! the day's token (issued once per digest day). Nothing here loads every mail.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset};

use super::attachments::attachments;
use super::digest::{proposal, review_reason, review_replies, unit_message, MAX_ARRIVED_ROWS};
use super::evidence::{self, CheckItem};
use super::own::{refusal_why, token_tag};
use super::questions::{questions_since, unit_messages, UnitMessageItem};
use super::trouble::{self, UnprocessableItem};
use super::{zh_date_short, zh_datetime};
use crate::classify::Kind;
use crate::config::Config;
use crate::deadlines::{empty_required_months, season_status, ActivityStatus, State};
use crate::error::Result;
use crate::records::{MailRecord, Receipt};
use crate::safetext::repeated;
use crate::schedule::{due_items, unit_addresses};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    pub id: i64,
    pub from: String,
    pub subject: String,
    /// What the bot proposes (`活动方案 · 县公安局 · 活动未识别`).
    pub proposal: String,
    /// Why a person must look, in one line.
    pub reason: String,
    pub replies: Vec<String>,
    pub attachments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneItem {
    pub unit: String,
    /// The directory's contact (name and number), if it has one.
    pub contact: Option<String>,
    pub addresses: Vec<String>,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionItem {
    pub id: i64,
    pub from: String,
    pub subject: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressItem {
    pub address: String,
    pub unit: String,
    pub source: String,
    pub replies: Vec<String>,
    /// The same on the command line.
    pub commands: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnscheduledItem {
    pub number: u32,
    pub unit: String,
    pub theme: String,
    pub line: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishItem {
    pub id: i64,
    pub what: String,
    pub replies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedItem {
    pub id: i64,
    pub from: String,
    pub subject: String,
    pub commands: i64,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    pub number: u32,
    pub unit: String,
    pub what: String,
    pub deadline: String,
    pub left: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrivedItem {
    pub id: i64,
    pub when: String,
    pub from: String,
    pub subject: String,
    pub result: String,
    pub attachments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressItem {
    pub number: u32,
    pub unit: String,
    pub line: String,
}

/// Everything the digest says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestData {
    /// The digest's day (local).
    pub day: chrono::NaiveDate,
    pub title: String,
    /// The subject: the title and the token replies must carry.
    pub subject: String,
    pub token: String,
    pub greeting: String,
    pub as_of: String,
    pub summary: String,
    /// Outgoing mail a person must settle (a refused login first).
    pub sending: Vec<String>,
    pub unprocessable: Vec<UnprocessableItem>,
    pub review: Vec<ReviewItem>,
    /// Mails about an activity the schedule does not have (计划外活动), for the office to add
    /// to the schedule or set aside.
    pub off_schedule: Vec<ReviewItem>,
    pub unit_messages: Vec<UnitMessageItem>,
    pub phone: Vec<PhoneItem>,
    pub questions: Vec<QuestionItem>,
    pub addresses: Vec<AddressItem>,
    /// 来源核对.
    pub checks: Vec<CheckItem>,
    pub unscheduled: Vec<UnscheduledItem>,
    pub publish: Vec<PublishItem>,
    pub refused: Vec<RefusedItem>,
    /// What the office should know about the bot itself.
    pub notes: Vec<String>,
    pub horizon: i32,
    pub due: Vec<DueItem>,
    pub arrived: Vec<ArrivedItem>,
    pub arrived_total: usize,
    pub progress_summary: String,
    pub progress: Vec<ProgressItem>,
    /// The commands, (form, what it does).
    pub help: Vec<(String, String)>,
    pub footer: String,
    /// The highest mail id the digest covers.
    pub last_mail_id: i64,
}

impl DigestData {
    /// How many to-do items there are.
    pub fn todo_count(&self) -> usize {
        self.sending.len()
            + self.unprocessable.len()
            + self.review.len()
            + self.off_schedule.len()
            + self.unit_messages.len()
            + self.phone.len()
            + self.questions.len()
            + self.addresses.len()
            + self.checks.len()
            + self.unscheduled.len()
            + self.publish.len()
            + self.refused.len()
    }
}

/// The sender as the bot repeats it (cut, no control characters).
fn sender(m: &MailRecord) -> String {
    repeated(&match (&m.from_name, &m.from_addr) {
        (Some(n), Some(a)) => format!("{n} <{a}>"),
        (None, Some(a)) => a.clone(),
        _ => "（无发件人）".into(),
    })
}

fn receipt_text(what: &str, r: &Option<Receipt>, deadline: Option<chrono::NaiveDate>) -> String {
    match r {
        Some(r) => format!(
            "{what}{}收到{}",
            zh_date_short(r.received),
            match r.on_time {
                Some(true) => "（按时）",
                Some(false) => "（逾期）",
                None => "",
            }
        ),
        None => match deadline {
            Some(d) => format!("{what}未报（截止{}）", zh_date_short(d)),
            None => format!("{what}未报"),
        },
    }
}

fn progress_line(s: &ActivityStatus) -> String {
    let date = match (s.date, s.end) {
        (Some(d), Some(e)) if d != e => format!("{}至{}", zh_date_short(d), zh_date_short(e)),
        (Some(d), _) => zh_date_short(d),
        _ => format!("{}月（日期未定）", s.month),
    };
    let plan_deadline = s.plan_deadline.filter(|_| !s.plan_deadline_provisional);
    let mut line = format!(
        "{date}；{}；{}",
        receipt_text("方案", &s.plan, plan_deadline),
        receipt_text("报告", &s.report, s.report_deadline),
    );
    // The state says no more than the receipts, except an activity not held.
    if s.state == State::NotHeld {
        line.push_str(&format!("；{}", s.state.zh()));
    }
    line
}

/// Collects the digest for `now`.
pub fn collect(config: &Config, store: &Store, now: DateTime<FixedOffset>) -> Result<DigestData> {
    let cal = &config.calendar;
    let today = now.with_timezone(&config.timezone).date_naive();
    let horizon = config.policy.digest_horizon_workdays;
    let since = store.last_sent_digest_mail_id(today)?;
    let last_mail_id = store.last_mail_id()?;
    let subs = store.submissions(config.timezone)?;
    let statuses = season_status(config, &subs, now);
    let learned = store.learned_addresses()?;
    let addresses = unit_addresses(config, &learned);
    let token = store.token_for_day(today, now)?;
    let title = format!("“政务公开主题日”材料日报（{}）", zh_date_short(today));

    // Unprocessable mail and units' notes have blocks of their own.
    let queue: Vec<MailRecord> = store
        .review_queue()?
        .into_iter()
        .filter(|m| m.unprocessable.is_none())
        .collect();
    let unit_messages = unit_messages(&queue);
    let item = |m: &MailRecord| ReviewItem {
        id: m.id,
        from: sender(m),
        subject: repeated(&m.subject),
        proposal: proposal(m),
        reason: review_reason(m),
        replies: review_replies(config, m),
        attachments: attachments(m),
    };
    let off = |m: &MailRecord| {
        m.reasons
            .iter()
            .any(|r| r == crate::classify::UNSCHEDULED_REASON)
    };
    let review: Vec<ReviewItem> = queue
        .iter()
        .filter(|m| unit_message(m).is_none() && !off(m))
        .map(item)
        .collect();
    let off_schedule: Vec<ReviewItem> = queue
        .iter()
        .filter(|m| unit_message(m).is_none() && off(m))
        .map(item)
        .collect();

    // Overdue (to phone, by unit) and due within the horizon.
    let mut overdue: BTreeMap<(usize, String), Vec<String>> = BTreeMap::new();
    let mut due = Vec::new();
    for s in &statuses {
        if matches!(s.state, State::NotHeld | State::ReportReceived { .. }) {
            continue;
        }
        let mut consider = |what: &str, deadline: Option<chrono::NaiveDate>, provisional: bool| {
            let Some(d) = deadline else { return };
            let Ok(n) = cal.workdays_between(today, d) else {
                return;
            };
            let when = if provisional {
                format!("{}（按{}月底开展推算）", zh_date_short(d), s.month)
            } else {
                zh_date_short(d)
            };
            if d < today {
                let order = config
                    .units
                    .iter()
                    .position(|u| u.name == s.unit)
                    .unwrap_or(usize::MAX);
                overdue
                    .entry((order, s.unit.clone()))
                    .or_default()
                    .push(format!(
                        "第{}项 {}：截止{when}，已逾期{}个工作日",
                        s.number, what, -n
                    ));
            } else if n <= horizon as i64 {
                due.push(DueItem {
                    number: s.number,
                    unit: s.unit.clone(),
                    what: what.to_string(),
                    deadline: when,
                    left: n,
                });
            }
        };
        if s.plan.is_none() && s.report.is_none() {
            consider("活动方案", s.plan_deadline, s.plan_deadline_provisional);
        }
        if s.report.is_none() && s.plan.is_some() {
            consider("情况报告", s.report_deadline, false);
        }
    }
    let phone = overdue
        .into_iter()
        .map(|((_, unit), items)| PhoneItem {
            contact: config.unit(&unit).and_then(|u| u.contact.clone()),
            addresses: addresses.get(&unit).cloned().unwrap_or_default(),
            unit,
            items,
        })
        .collect();

    let questions = questions_since(config, store, since)?
        .into_iter()
        .map(|q| QuestionItem {
            id: q.mail.id,
            from: sender(&q.mail),
            subject: repeated(&q.mail.subject),
            text: q.text,
        })
        .collect();

    let proposed = evidence::proposed(config, store, &learned)?;

    // Activities without a date whose month has come (or whose latest plan deadline is near).
    let unscheduled = statuses
        .iter()
        .filter(|s| s.date.is_none() && s.plan.is_none() && s.report.is_none())
        .filter(|s| {
            (s.year, s.month) <= (today.year(), today.month())
                || s.plan_deadline.is_some_and(|d| {
                    d < today
                        || cal
                            .workdays_between(today, d)
                            .is_ok_and(|n| n <= horizon as i64)
                })
        })
        .map(|s| UnscheduledItem {
            number: s.number,
            unit: s.unit.clone(),
            theme: s.theme.clone(),
            line: format!(
                "计划{}月开展，尚无活动日期{}",
                s.month,
                s.plan_deadline
                    .map(|d| format!("；方案最迟{}报送", zh_date_short(d)))
                    .unwrap_or_default()
            ),
        })
        .collect();

    let approvals = store.portal_approvals()?;
    let mut publish = Vec::new();
    for s in &statuses {
        let Some(r) = &s.report else { continue };
        if approvals.contains_key(&r.mail_id) {
            continue;
        }
        publish.push(PublishItem {
            id: r.mail_id,
            what: format!(
                "第{}项 {} 情况报告（{}收到）",
                s.number,
                s.unit,
                zh_date_short(r.received)
            ),
            replies: vec![
                format!("#{} 发布", r.mail_id),
                format!("#{} 不发布", r.mail_id),
            ],
        });
    }

    let mut refused = Vec::new();
    for c in store.refused_command_mails(since)? {
        let m = store.mail(c.mail_id)?;
        refused.push(RefusedItem {
            id: c.mail_id,
            from: repeated(c.sender.as_deref().unwrap_or("（无发件人）")),
            subject: m.map(|m| repeated(&m.subject)).unwrap_or_default(),
            commands: c.commands,
            why: refusal_why(&c.authority).to_string(),
        });
    }

    let mut notes = Vec::new();
    for m in empty_required_months(config) {
        notes.push(format!(
            "{m}月尚未安排主题活动（实施方案要求从4月开始每月至少1个主题），请在活动计划表中补充。"
        ));
    }
    for (n, e) in statuses
        .iter()
        .filter_map(|s| s.error.as_ref().map(|e| (s.number, e)))
    {
        notes.push(format!("第{n}项的期限无法计算：{e}。"));
    }
    if let Err(e) = cal.is_workday(today) {
        notes.push(format!("工作日历缺少数据：{e}。"));
    }
    let sending = trouble::sending(config, store)?;
    notes.extend(sending.retried);
    let sent = store.reminder_items()?;
    let mut no_addr: Vec<String> = due_items(config, &statuses, today, &sent)
        .into_iter()
        .map(|(u, _)| u)
        .filter(|u| addresses.get(u).is_none_or(|v| v.is_empty()))
        .collect();
    no_addr.sort();
    no_addr.dedup();
    if !no_addr.is_empty() {
        notes.push(format!(
            "以下单位有待提醒事项，但尚无单位名录中的或本办确认的邮箱，无法发送提醒：{}。请在单位名录中补充邮箱，或确认“待确认的单位邮箱”中的邮箱（回复“确认邮箱 单位名 地址”）。",
            no_addr.join("、")
        ));
    }

    let arrived_total = store.count_since(since)?;
    let arrived_mails = store.mails_since_limited(since, MAX_ARRIVED_ROWS)?;
    let checks = evidence::checks(config, &arrived_mails, &subs);
    let arrived = arrived_mails
        .iter()
        .map(|m| -> Result<ArrivedItem> {
            let result = if let Some(c) = store
                .command_mail(m.id)?
                .filter(|c| c.commands > 0 || c.authority == "ok")
            {
                if c.authority == "ok" {
                    format!("本办回复指令 {} 条（已回复处理结果）", c.commands)
                } else {
                    format!(
                        "回复指令 {} 条，未执行：{}",
                        c.commands,
                        refusal_why(&c.authority)
                    )
                }
            } else if let Some(why) = &m.unprocessable {
                format!("无法处理：{}", repeated(why))
            } else if m.automated {
                "自动邮件（不回复）".into()
            } else if let Some(text) = unit_message(m) {
                format!("单位来信：{}", repeated(text))
            } else if m.kind == Kind::Other && !m.needs_review {
                "其他邮件".into()
            } else {
                format!(
                    "{}{}",
                    proposal(m),
                    if m.needs_review {
                        "（待核对）"
                    } else {
                        ""
                    }
                )
            };
            Ok(ArrivedItem {
                id: m.id,
                when: zh_datetime(m.received_instant(), config.timezone),
                from: sender(m),
                subject: repeated(&m.subject),
                result,
                attachments: attachments(m),
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let progress = statuses
        .iter()
        .map(|s| ProgressItem {
            number: s.number,
            unit: s.unit.clone(),
            line: progress_line(s),
        })
        .collect();
    let progress_summary = format!(
        "共 {} 项：方案已报 {} 项，报告已报 {} 项。",
        statuses.len(),
        statuses.iter().filter(|s| s.plan.is_some()).count(),
        statuses.iter().filter(|s| s.report.is_some()).count()
    );

    let mut data = DigestData {
        day: today,
        subject: format!("{title} {}", token_tag(&token)),
        title,
        token,
        greeting: format!("{}：", config.office_short_name),
        as_of: format!("截至{}", zh_datetime(now, config.timezone)),
        summary: String::new(),
        sending: sending.needs_person,
        unprocessable: trouble::unprocessable(store)?,
        review,
        off_schedule,
        unit_messages,
        phone,
        questions,
        addresses: proposed,
        checks,
        unscheduled,
        publish,
        refused,
        notes,
        horizon,
        due,
        arrived,
        arrived_total,
        progress_summary,
        progress,
        help: crate::notify::own::COMMAND_HELP
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        footer: format!(
            "本日报由“政务公开主题日”材料登记系统生成。工作日按国务院节假日安排计算：{}。",
            cal.source(config.year).unwrap_or("")
        ),
        last_mail_id,
    };
    let unprocessable = match data.unprocessable.len() {
        0 => String::new(),
        n => format!("，无法处理 {n} 封"),
    };
    data.summary = format!(
        "今日待办 {} 项；新到邮件 {} 封{unprocessable}；{}个工作日内到期 {} 项；已逾期单位 {} 个。",
        data.todo_count(),
        data.arrived_total,
        horizon,
        data.due.len(),
        data.phone.len()
    );
    Ok(data)
}
