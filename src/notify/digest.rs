//! The office's daily digest: what arrived since the last digest SMTP accepted, what needs a
//! person's review and why, what falls due in the next working days, what is overdue, which
//! activities have no date yet, and the season's progress table; plus what the office should
//! know about the bot itself (held or failed mail, units with no known address, calendar
//! gaps, months the notice requires but the schedule leaves empty). Plain text and HTML.

use chrono::{DateTime, FixedOffset};

use super::{html_escape as esc, kinds, zh_date_short, Draft};
use crate::config::Config;
use crate::deadlines::{empty_required_months, fmt_date, season_status, ActivityStatus, State};
use crate::error::Result;
use crate::records::{MailRecord, Receipt};
use crate::schedule::{due_items, unit_addresses};
use crate::store::Store;

/// At most this many newly arrived mails are listed one by one.
pub const MAX_ARRIVED_ROWS: usize = 300;

pub struct Digest {
    pub draft: Draft,
    pub last_mail_id: i64,
}

/// A table: a title, headers and rows, rendered both as text and HTML.
struct Table {
    title: String,
    note: String,
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    empty: &'static str,
}

impl Table {
    fn text(&self) -> String {
        let mut out = format!("【{}】{}\n", self.title, self.note);
        if self.rows.is_empty() {
            out.push_str(&format!("  {}\n", self.empty));
        }
        for r in &self.rows {
            let cells: Vec<String> = self
                .headers
                .iter()
                .zip(r)
                .filter(|(_, v)| !v.is_empty())
                .map(|(h, v)| format!("{h}：{v}"))
                .collect();
            out.push_str(&format!("  - {}\n", cells.join("；")));
        }
        out.push('\n');
        out
    }

    fn html(&self) -> String {
        let mut out = format!("<h3>{}</h3>", esc(&self.title));
        if !self.note.is_empty() {
            out.push_str(&format!("<p>{}</p>", esc(&self.note)));
        }
        if self.rows.is_empty() {
            out.push_str(&format!("<p style=\"color:#666\">{}</p>", esc(self.empty)));
            return out;
        }
        out.push_str("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" style=\"border-collapse:collapse;font-size:13px\"><tr>");
        for h in &self.headers {
            out.push_str(&format!("<th style=\"background:#eef\">{}</th>", esc(h)));
        }
        out.push_str("</tr>");
        for r in &self.rows {
            out.push_str("<tr>");
            for c in r {
                out.push_str(&format!("<td>{}</td>", esc(c)));
            }
            out.push_str("</tr>");
        }
        out.push_str("</table>");
        out
    }
}

fn receipt_text(r: &Option<Receipt>) -> String {
    match r {
        None => "未报".into(),
        Some(r) => format!(
            "{}{}",
            fmt_date(Some(r.received)),
            match r.on_time {
                Some(true) => "（按时）",
                Some(false) => "（逾期）",
                None => "",
            }
        ),
    }
}

fn date_range(s: &ActivityStatus) -> String {
    match (s.date, s.end) {
        (Some(d), Some(e)) if d != e => format!("{}至{}", fmt_date(Some(d)), fmt_date(Some(e))),
        (d, _) => fmt_date(d),
    }
}

fn mail_link(config: &Config, m: &MailRecord) -> String {
    match &config.archive_url {
        Some(base) => format!(
            "{}/{}",
            base.trim_end_matches('/'),
            m.archive_path
                .strip_prefix(&config.archive_dir)
                .unwrap_or(&m.archive_path)
                .display()
        ),
        None => m.archive_path.display().to_string(),
    }
}

/// Today's digest: collected as data (`digest_data`) and rendered for the phone
/// (`digest_view`).
pub fn build(config: &Config, store: &Store, now: DateTime<FixedOffset>) -> Result<Digest> {
    let data = super::digest_data::collect(config, store, now)?;
    super::digest_view::render(config, &data)
}

/// The wide-table digest the phone-first one replaced, kept while sections added to it on
/// other branches are carried into `digest_data`; nothing calls it.
pub fn build_tables(config: &Config, store: &Store, now: DateTime<FixedOffset>) -> Result<Digest> {
    let cal = &config.calendar;
    let local = now.with_timezone(&config.timezone);
    let today = local.date_naive();
    let horizon = config.policy.digest_horizon_workdays;
    let since = store.last_sent_digest_mail_id(today)?;
    // Nothing here loads every mail: the digest's memory does not grow with the mailbox.
    let last_mail_id = store.last_mail_id()?;
    let subs = store.submissions(config.timezone)?;
    let statuses = season_status(config, &subs, now);

    let arrived_count = store.count_since(since)?;
    let arrived = store.mails_since_limited(since, MAX_ARRIVED_ROWS)?;
    let mut t_arrived = Table {
        title: "新到邮件".into(),
        note: format!("自上一期日报以来共 {arrived_count} 封。"),
        headers: vec![
            "编号",
            "收到时间",
            "发件人",
            "主题",
            "识别结果",
            "附件",
            "原件",
        ],
        rows: Vec::new(),
        empty: "无新邮件。",
    };
    // A day with thousands of mails (a first run on a full mailbox) lists the first ones and
    // counts the rest: the digest stays a readable mail of bounded size.
    for m in &arrived {
        let result = if m.automated {
            "自动邮件（不回复）".to_string()
        } else if m.kind == crate::classify::Kind::Other && !m.needs_review {
            "其他邮件".to_string()
        } else {
            format!(
                "{} {} {}{}{}",
                m.kind.zh(),
                m.unit.as_deref().unwrap_or("单位未识别"),
                m.activity
                    .map(|a| format!("第{a}项"))
                    .unwrap_or_else(|| "活动未识别".into()),
                m.activity_date
                    .map(|d| format!(" 活动日期{}", fmt_date(Some(d))))
                    .unwrap_or_default(),
                if m.needs_review {
                    "（待核对）"
                } else {
                    ""
                }
            )
        };
        t_arrived.rows.push(vec![
            format!("#{}", m.id),
            super::zh_datetime(m.received_instant(), config.timezone),
            match (&m.from_name, &m.from_addr) {
                (Some(n), Some(a)) => format!("{n} <{a}>"),
                (None, Some(a)) => a.clone(),
                _ => "（无）".into(),
            },
            m.subject.clone(),
            result,
            m.attachments.join("、"),
            mail_link(config, m),
        ]);
    }

    if arrived_count > MAX_ARRIVED_ROWS {
        t_arrived.note.push_str(&format!(
            "以下列出前 {MAX_ARRIVED_ROWS} 封，另有 {} 封未列出（可用 themeday status、themeday review 查看）。",
            arrived_count - MAX_ARRIVED_ROWS
        ));
    }
    let review = store.review_queue()?;
    let mut t_review = Table {
        title: "待人工核对".into(),
        note: format!(
            "共 {} 封。可直接回复本邮件，在正文中逐行写指令（见“回复指令”列）；或用 themeday assign 编号 --activity 序号 --kind plan|report [--date 日期] 或 --other 更正。",
            review.len()
        ),
        headers: vec!["编号", "发件人", "主题", "初步识别", "原因", "回复指令"],
        rows: Vec::new(),
        empty: "无。",
    };
    for m in &review {
        t_review.rows.push(vec![
            format!("#{}", m.id),
            m.from_addr.clone().unwrap_or_default(),
            m.subject.clone(),
            format!(
                "{} {} {}",
                m.kind.zh(),
                m.unit.as_deref().unwrap_or("单位未识别"),
                m.activity
                    .map(|a| format!("第{a}项"))
                    .unwrap_or_else(|| "活动未识别".into())
            ),
            review_reason(m),
            reply_line(m),
        ]);
    }

    let mut t_questions = Table {
        title: "单位咨询".into(),
        note: "以下单位来信提出问题，系统不会自动答复，请人工回复。".into(),
        headers: vec!["编号", "发件人", "主题", "来信内容"],
        rows: Vec::new(),
        empty: "无。",
    };
    for q in super::questions::questions_since(config, store, since)? {
        t_questions.rows.push(vec![
            format!("#{}", q.mail.id),
            match (&q.mail.from_name, &q.mail.from_addr) {
                (Some(n), Some(a)) => format!("{n} <{a}>"),
                (None, Some(a)) => a.clone(),
                _ => "（无）".into(),
            },
            q.mail.subject.clone(),
            q.text,
        ]);
    }

    let mut t_due = Table {
        title: format!("未来{horizon}个工作日内到期"),
        note: String::new(),
        headers: vec!["序号", "责任单位", "事项", "截止日期", "剩余工作日"],
        rows: Vec::new(),
        empty: "无。",
    };
    let mut t_overdue = Table {
        title: "已逾期".into(),
        note: String::new(),
        headers: vec!["序号", "责任单位", "事项", "截止日期", "已逾期工作日"],
        rows: Vec::new(),
        empty: "无。",
    };
    for s in &statuses {
        let mut consider = |what: &str, deadline: Option<chrono::NaiveDate>, provisional: bool| {
            let Some(d) = deadline else { return };
            let Ok(n) = cal.workdays_between(today, d) else {
                return;
            };
            let label = if provisional {
                format!(
                    "{}（按{}月底开展推算的最迟期限）",
                    zh_date_short(d),
                    s.month
                )
            } else {
                zh_date_short(d)
            };
            if d < today {
                t_overdue.rows.push(vec![
                    s.number.to_string(),
                    s.unit.clone(),
                    what.to_string(),
                    label,
                    (-n).to_string(),
                ]);
            } else if n <= horizon as i64 {
                t_due.rows.push(vec![
                    s.number.to_string(),
                    s.unit.clone(),
                    what.to_string(),
                    label,
                    n.to_string(),
                ]);
            }
        };
        match s.state {
            State::NotHeld | State::ReportReceived { .. } => {}
            _ => {
                if s.plan.is_none() && s.report.is_none() {
                    consider("活动方案", s.plan_deadline, s.plan_deadline_provisional);
                }
                if s.report.is_none() && s.plan.is_some() {
                    consider("情况报告", s.report_deadline, false);
                }
            }
        }
    }

    let mut t_nodate = Table {
        title: "尚无活动日期".into(),
        note: "以下活动尚未收到载明日期的方案或报告。".into(),
        headers: vec!["序号", "责任单位", "活动主题", "计划月份", "方案最迟期限"],
        rows: Vec::new(),
        empty: "无。",
    };
    for s in statuses.iter().filter(|s| s.date.is_none()) {
        t_nodate.rows.push(vec![
            s.number.to_string(),
            s.unit.clone(),
            s.theme.clone(),
            format!("{}月", s.month),
            fmt_date(s.plan_deadline),
        ]);
    }

    let mut t_progress = Table {
        title: "全年进度".into(),
        note: format!(
            "共 {} 项：方案已报 {} 项，报告已报 {} 项。",
            statuses.len(),
            statuses.iter().filter(|s| s.plan.is_some()).count(),
            statuses.iter().filter(|s| s.report.is_some()).count()
        ),
        headers: vec![
            "序号",
            "责任单位",
            "活动主题",
            "计划月份",
            "活动日期",
            "方案截止",
            "方案",
            "报告截止",
            "报告",
            "状态",
        ],
        rows: Vec::new(),
        empty: "",
    };
    for s in &statuses {
        t_progress.rows.push(vec![
            s.number.to_string(),
            s.unit.clone(),
            s.theme.clone(),
            format!("{}月", s.month),
            date_range(s),
            if s.plan_deadline_provisional {
                format!("≤{}", fmt_date(s.plan_deadline))
            } else {
                fmt_date(s.plan_deadline)
            },
            receipt_text(&s.plan),
            fmt_date(s.report_deadline),
            receipt_text(&s.report),
            s.state.zh().to_string(),
        ]);
    }

    // What the office should know about the bot itself.
    let mut notes: Vec<String> = Vec::new();
    for m in empty_required_months(config) {
        notes.push(format!(
            "{m}月尚未安排主题活动（实施方案要求从4月开始每月至少1个主题），请在活动计划表中补充。"
        ));
    }
    for s in statuses
        .iter()
        .filter_map(|s| s.error.as_ref().map(|e| (s.number, e)))
    {
        notes.push(format!("第{}项的期限无法计算：{}。", s.0, s.1));
    }
    if let Err(e) = cal.is_workday(today) {
        notes.push(format!("工作日历缺少数据：{e}。"));
    }
    for q in store.outgoing(Some("held"))? {
        notes.push(format!(
            "发往 {} 的邮件《{}》因超过每日上限暂未发送。",
            q.recipients.join("、"),
            q.subject
        ));
    }
    for q in store.outgoing(Some("uncertain"))? {
        notes.push(format!(
            "发往 {} 的邮件《{}》发送时程序中断，可能已送达也可能未送达，系统不会重发，请人工核对。",
            q.recipients.join("、"),
            q.subject
        ));
    }
    for q in store.outgoing(Some("failed"))? {
        notes.push(format!(
            "发往 {} 的邮件《{}》发送失败：{}。",
            q.recipients.join("、"),
            q.subject,
            q.last_error.unwrap_or_default()
        ));
    }
    for c in store.refused_command_mails(since)? {
        let subject = store
            .mail(c.mail_id)?
            .map(|m| m.subject)
            .unwrap_or_default();
        notes.push(format!(
            "邮件 #{}（发件人 {}，主题《{}》）中的 {} 条回复指令未执行，系统未作任何更改：{}。如确为本办所发，请回复今天的日报重新发送指令。",
            c.mail_id,
            c.sender.as_deref().unwrap_or("无"),
            subject,
            c.commands,
            super::own::refusal_why(&c.authority)
        ));
    }
    let learned = store.learned_addresses()?;
    let addresses = unit_addresses(config, &subs, &learned);
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
            "以下单位有待提醒事项，但系统尚不知道其邮箱，无法发送提醒：{}。请在单位名录中补充邮箱。",
            no_addr.join("、")
        ));
    }

    let tables = [
        &t_arrived,
        &t_review,
        &t_questions,
        &t_due,
        &t_overdue,
        &t_nodate,
        &t_progress,
    ];
    let title = format!("“政务公开主题日”材料日报（{}）", zh_date_short(today));
    // Replies to this digest carry the token in their subject ("Re:" keeps it): without it
    // a reply's commands do not count.
    let subject = format!(
        "{title} {}",
        super::own::token_tag(&store.token_for_day(today, now)?)
    );
    let mut text = format!(
        "{}：\n\n{}，截至{}。新到邮件 {} 封，待核对 {} 封，{}个工作日内到期 {} 项，已逾期 {} 项。\n\n",
        config.office_short_name,
        title,
        super::zh_datetime(now, config.timezone),
        arrived.len(),
        t_review.rows.len(),
        horizon,
        t_due.rows.len(),
        t_overdue.rows.len()
    );
    let mut html = format!(
        "<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\"><h2>{}</h2><p>截至{}。新到邮件 {} 封，待核对 {} 封，{}个工作日内到期 {} 项，已逾期 {} 项。</p>",
        esc(&title),
        super::zh_datetime(now, config.timezone),
        arrived.len(),
        t_review.rows.len(),
        horizon,
        t_due.rows.len(),
        t_overdue.rows.len()
    );
    if !notes.is_empty() {
        text.push_str("【需要注意】\n");
        html.push_str("<h3>需要注意</h3><ul>");
        for n in &notes {
            text.push_str(&format!("  - {n}\n"));
            html.push_str(&format!("<li>{}</li>", esc(n)));
        }
        text.push('\n');
        html.push_str("</ul>");
    }
    for t in tables {
        text.push_str(&t.text());
        html.push_str(&t.html());
    }
    text.push_str(&format!(
        "（本日报由“政务公开主题日”材料登记系统生成。工作日按国务院节假日安排计算：{}。）\n",
        cal.source(config.year).unwrap_or("")
    ));
    html.push_str("</body></html>");
    Ok(Digest {
        draft: Draft {
            kind: kinds::DIGEST,
            dedup_key: format!("digest:{today}"),
            mail_id: None,
            unit: None,
            to: config.policy.digest_to.clone(),
            cc: Vec::new(),
            subject,
            text,
            html: Some(html),
            in_reply_to: None,
            references: Vec::new(),
            auto_submitted: "auto-generated",
        },
        last_mail_id,
    })
}

/// The line the office replies with to settle a mail under review.
pub fn reply_line(m: &MailRecord) -> String {
    let n = m.id;
    match (m.kind, m.activity) {
        (crate::classify::Kind::Other, _) => {
            format!("#{n} 其他（或 #{n} 第N项 方案|报告 [日期]）")
        }
        (k, Some(a)) => format!(
            "#{n} 确认（或 #{n} 第{a}项 {} 日期）",
            if k == crate::classify::Kind::Plan {
                "方案"
            } else {
                "报告"
            }
        ),
        (_, None) => format!("#{n} 第N项 方案|报告 [日期]（或 #{n} 其他）"),
    }
}

pub(crate) fn review_reason(m: &MailRecord) -> String {
    let mut why = Vec::new();
    if let Some(e) = &m.parse_error {
        why.push(format!("无法解析：{e}"));
    }
    if m.kind != crate::classify::Kind::Other {
        if m.unit.is_none() {
            why.push("未识别出责任单位".to_string());
        } else if m.activity.is_none() {
            why.push("该单位有多项活动，未能确定是哪一项".to_string());
        }
        if m.activity_date.is_none() {
            why.push("未找到活动日期".to_string());
        }
    } else {
        why.push("像是报送材料，但未能判断是方案还是报告".to_string());
    }
    if why.is_empty() {
        why.push(format!("识别把握不足（置信度{:.2}）", m.confidence));
    }
    why.join("；")
}
