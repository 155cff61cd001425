//! Acknowledgements (回执): a reply in the sender's thread saying what was recognised, whether
//! it was on time, and what is due next; one reply per mail, listing each submission of a mail
//! that carries several. A mail that needs review gets a short "received, the
//! office will confirm" reply; `other` and automated mail get none.
//!
//! No relay: an acknowledgement goes to the `From:` address only (a `Reply-To:` is never
//! followed by automatic mail) and repeats nothing the sender wrote: its subject is our own
//! (回执：…), threading is by In-Reply-To/References, and the review reply does not quote the
//! sender's subject. Budgets (how many go out a day) are `notify::budget`'s.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{kinds, signature, zh_date, zh_date_short, Draft};
use crate::classify::{Decision, Kind, Submission};
use crate::config::Config;
use crate::deadlines::{PLAN_LEAD, REPORT_LAG};
use crate::parse::ParsedMail;

/// Where an acknowledgement goes: the From address only (a Reply-To would let anyone send our
/// mail to a third party); never the office itself, never an automated sender.
pub fn reply_address(config: &Config, mail: &ParsedMail) -> Option<String> {
    let addr = mail.from_addr.clone()?;
    if addr == config.office_address || !crate::config::is_plausible_address(&addr) {
        return None;
    }
    let local = addr
        .split('@')
        .next()
        .unwrap_or("")
        .replace(['-', '_', '.'], "");
    if ["mailerdaemon", "postmaster", "noreply", "donotreply"]
        .iter()
        .any(|k| local.starts_with(k))
    {
        return None;
    }
    Some(addr)
}

/// The subject of the reply to a mail that waits for the office: fixed, nothing of the
/// sender's.
pub const REVIEW_ACK_SUBJECT: &str = "回执：来信已收到";

/// The subject of a full acknowledgement: what was recorded, in our words only.
fn ack_subject(recorded: &[(Submission, &crate::config::Activity)]) -> String {
    let what: Vec<String> = recorded
        .iter()
        .map(|(s, a)| format!("第{}项{}", a.number, s.kind.zh()))
        .collect();
    match recorded.first() {
        Some((_, a)) => format!("回执：{}{}已登记", a.unit, what.join("、")),
        None => REVIEW_ACK_SUBJECT.to_string(),
    }
}

/// The acknowledgement for a newly recorded mail, if it gets one: one reply, whatever the
/// number of submissions the mail carries, each listed in it. `received` is when the
/// office's side received it (never its `Date:`); `plans_on_record` lists the activities
/// (among the mail's) with a settled plan recorded before it (to say what is still due
/// after a report; a plan in the same mail counts too).
pub fn draft(
    config: &Config,
    mail_hash: &str,
    mail: &ParsedMail,
    d: &Decision,
    received: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    plans_on_record: &[u32],
) -> Option<Draft> {
    if d.kind == Kind::Other || d.automated || mail.automated.is_some() || mail.ours {
        return None;
    }
    let to = reply_address(config, mail)?;
    let today = now.with_timezone(&config.timezone).date_naive();
    let received = received
        .min(now)
        .with_timezone(&config.timezone)
        .date_naive();
    let mut references = mail.references.clone();
    if let Some(mid) = &mail.message_id {
        if !references.contains(mid) {
            references.push(mid.clone());
        }
    }
    let references: Vec<String> = references
        .into_iter()
        .map(|r| {
            if r.starts_with('<') {
                r
            } else {
                format!("<{r}>")
            }
        })
        .collect();
    let in_reply_to = mail.message_id.as_ref().map(|m| {
        if m.starts_with('<') {
            m.clone()
        } else {
            format!("<{m}>")
        }
    });
    // Each submission with its activity; the full acknowledgement only when every one has one.
    let subs = d.submissions();
    let recorded: Vec<(Submission, &crate::config::Activity)> = subs
        .iter()
        .filter_map(|s| Some((s.clone(), config.activity(s.activity?)?)))
        .collect();
    let full = !d.needs_review && !recorded.is_empty() && recorded.len() == subs.len();
    let unit = d.unit.clone();
    let subject = if full {
        ack_subject(&recorded)
    } else {
        REVIEW_ACK_SUBJECT.to_string()
    };

    let text = match full {
        true => full_ack(config, &recorded, received, today, plans_on_record),
        false => format!(
            "您好：\n\n您于{}发送的邮件已收到。系统未能自动确认该邮件对应的责任单位、活动或日期，县政务公开办将人工核对后登记，如有需要会与您联系。\n\n如该邮件为“政务公开主题日”活动方案或情况报告，请在邮件主题或正文中注明单位名称、活动主题和活动日期，以便及时登记。\n{}",
            zh_date_short(received),
            signature(config, today)
        ),
    };
    Some(Draft {
        kind: kinds::ACK,
        dedup_key: format!("ack:{mail_hash}"),
        mail_id: None,
        unit,
        to: vec![to],
        cc: Vec::new(),
        subject,
        text,
        html: None,
        in_reply_to,
        references,
        auto_submitted: "auto-replied",
    })
}

fn full_ack(
    config: &Config,
    recorded: &[(Submission, &crate::config::Activity)],
    received: NaiveDate,
    today: NaiveDate,
    plans_on_record: &[u32],
) -> String {
    let a = recorded[0].1;
    let mut lines = Vec::new();
    // The salutation uses the unit's full name when the directory has one.
    let salutation = config
        .unit(&a.unit)
        .map(|u| u.full_name.as_str())
        .filter(|n| !n.is_empty())
        .unwrap_or(&a.unit);
    lines.push(format!("{salutation}：\n"));
    let mut nexts = Vec::new();
    if let [(s, a)] = recorded {
        lines.push(format!(
            "贵单位于{}报送的“政务公开主题日”{}已收到，登记情况如下：\n",
            zh_date_short(received),
            s.kind.zh()
        ));
        let plan_on_record = plans_on_record.contains(&a.number);
        let (block, next) = submission_block(config, s, a, received, plan_on_record);
        lines.extend(block);
        nexts.extend(next);
    } else {
        lines.push(format!(
            "贵单位于{}报送的“政务公开主题日”材料共{}项，已全部收到，登记情况如下：",
            zh_date_short(received),
            recorded.len()
        ));
        for (i, (s, a)) in recorded.iter().enumerate() {
            // A plan of the same activity on record, or in this mail.
            let plan_on_record = plans_on_record.contains(&a.number)
                || recorded
                    .iter()
                    .any(|(o, _)| o.kind == Kind::Plan && o.activity == s.activity);
            lines.push(format!(
                "\n{}、第{}项{}",
                ZH_NUMBERS.get(i).copied().unwrap_or("另"),
                a.number,
                s.kind.zh()
            ));
            let (block, next) = submission_block(config, s, a, received, plan_on_record);
            lines.extend(block);
            nexts.extend(next.map(|n| {
                format!(
                    "第{}项{}：{}",
                    a.number,
                    s.kind.zh(),
                    n.trim_start_matches("下一步：")
                )
            }));
        }
        if !nexts.is_empty() {
            nexts = vec![format!("下一步：\n{}", nexts.join("\n"))];
        }
    }
    let mut out = lines.join("\n");
    out.push_str("\n\n");
    for next in nexts {
        out.push_str(&next);
        out.push_str("\n\n");
    }
    out.push_str("如以上登记信息有误，请直接回复本邮件说明。\n");
    out.push_str(&signature(config, today));
    out
}

const ZH_NUMBERS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// One submission's lines in an acknowledgement, and what the unit should do next (the
/// single-submission wording starts with 下一步：).
fn submission_block(
    config: &Config,
    s: &Submission,
    a: &crate::config::Activity,
    received: NaiveDate,
    plan_on_record: bool,
) -> (Vec<String>, Option<String>) {
    let cal = &config.calendar;
    let mut lines = Vec::new();
    lines.push(format!("  活动序号：第{}项", a.number));
    lines.push(format!("  活动主题：{}", a.theme));
    lines.push(format!("  责任单位：{}", a.unit));
    lines.push(format!("  材料类型：{}", s.kind.zh()));
    let date_text = match (s.activity_date, s.activity_end) {
        (Some(st), Some(e)) if e != st => format!("{}至{}", zh_date(st), zh_date(e)),
        (Some(st), _) => zh_date(st),
        _ => "未注明".into(),
    };
    lines.push(format!("  活动日期：{date_text}"));
    let end = s.activity_end.or(s.activity_date);
    let next = match s.kind {
        Kind::Plan => {
            match s.activity_date.map(|d| cal.add_workdays(d, -PLAN_LEAD)) {
                Some(Ok(deadline)) => {
                    lines.push(format!(
                        "  报送期限：{}前（活动开展前{PLAN_LEAD}个工作日）",
                        zh_date_short(deadline)
                    ));
                    lines.push(format!(
                        "  报送情况：{}",
                        timeliness(config, received, deadline)
                    ));
                }
                Some(Err(e)) => lines.push(format!(
                    "  报送期限：暂无法计算（{e}），县政务公开办将人工核定"
                )),
                None => {}
            }
            Some(match end.map(|e| cal.add_workdays(e, REPORT_LAG)) {
                Some(Ok(rd)) => format!(
                    "下一步：请于活动结束后{REPORT_LAG}个工作日内，即{}前，将活动情况报告或新闻报道（含相关图文、视频资料）报送至本办邮箱（{}）。",
                    zh_date_short(rd),
                    config.office_address
                ),
                _ => format!(
                    "下一步：请于活动结束后{REPORT_LAG}个工作日内，将活动情况报告或新闻报道（含相关图文、视频资料）报送至本办邮箱（{}）。",
                    config.office_address
                ),
            })
        }
        Kind::Report => {
            match end.map(|e| cal.add_workdays(e, REPORT_LAG)) {
                Some(Ok(deadline)) => {
                    lines.push(format!(
                        "  报送期限：{}前（活动结束后{REPORT_LAG}个工作日内）",
                        zh_date_short(deadline)
                    ));
                    lines.push(format!(
                        "  报送情况：{}",
                        timeliness(config, received, deadline)
                    ));
                }
                Some(Err(e)) => lines.push(format!(
                    "  报送期限：暂无法计算（{e}），县政务公开办将人工核定"
                )),
                None => {}
            }
            Some(if plan_on_record {
                "本项活动的活动方案和情况报告均已登记，感谢贵单位的支持配合。活动成果将在县人民政府门户网站“政务公开主题日”专栏集中展示。".into()
            } else {
                "系统尚未登记到本项活动的活动方案；如已报送，请忽略本提示，或回复本邮件告知报送时间。".into()
            })
        }
        Kind::Other => None,
    };
    (lines, next)
}

fn timeliness(config: &Config, received: NaiveDate, deadline: NaiveDate) -> String {
    if received <= deadline {
        "按时报送".into()
    } else {
        match config.calendar.workdays_between(deadline, received) {
            Ok(n) => format!("逾期{n}个工作日报送"),
            Err(_) => "逾期报送".into(),
        }
    }
}
