//! Reminder and overdue mail to a unit: one mail a day at most, listing every activity of the
//! unit that needs something, in formal Chinese. Overdue notices copy the office.

use chrono::NaiveDate;

use super::{kinds, quoted, signature, zh_date, zh_date_inline, Draft};
use crate::config::Config;
use crate::deadlines::{PLAN_LEAD, REPORT_LAG};
use crate::schedule::{Item, ItemKind, UnitReminder};

pub fn item_text(config: &Config, item: &Item) -> String {
    let a = config.activity(item.activity);
    let (theme, month) = a.map(|a| (a.theme.as_str(), a.month)).unwrap_or(("", 0));
    let head = format!(
        "第{}项{}（计划{}月开展）",
        item.activity,
        quoted(theme),
        month
    );
    let dl = item.deadline.map(zh_date).unwrap_or_else(|| "—".into());
    // The same date where it stands inside brackets.
    let dl_in = item
        .deadline
        .map(zh_date_inline)
        .unwrap_or_else(|| "—".into());
    let left = item.left.unwrap_or(0);
    let body = match item.kind {
        ItemKind::MonthNotice => format!(
            "本项活动计划于{month}月开展。请在确定活动日期后，于活动开展前{PLAN_LEAD}个工作日报送活动方案；若在{month}月最后一天开展，活动方案最迟应于{dl}报送。"
        ),
        ItemKind::PlanReminder => format!(
            "尚未收到活动方案。活动方案最迟应于{dl}报送（距截止还有{left}个工作日；如活动日期已确定，应于活动开展前{PLAN_LEAD}个工作日报送）。"
        ),
        ItemKind::PlanLastDay => format!("尚未收到活动方案。今天（{dl_in}）是报送活动方案的最后期限，请于今日24时前报送。"),
        ItemKind::PlanOverdue => format!(
            "活动方案报送期限（{dl_in}）已过，尚未收到活动方案。请尽快报送；如活动已调整或取消，请回复本邮件说明。"
        ),
        ItemKind::ReportReminder => format!(
            "活动已开展，尚未收到情况报告。请于活动结束后{REPORT_LAG}个工作日内，即{dl}前，报送活动情况报告或新闻报道（含相关图文、视频资料）；距截止还有{left}个工作日。"
        ),
        ItemKind::ReportLastDay => format!("尚未收到情况报告。今天（{dl_in}）是报送情况报告的最后期限，请于今日24时前报送。"),
        ItemKind::ReportOverdue => format!(
            "情况报告报送期限（{dl_in}）已过，尚未收到。请尽快报送活动情况报告或新闻报道（含相关图文、视频资料）。"
        ),
    };
    format!("{head}：{body}")
}

pub fn draft(config: &Config, r: &UnitReminder, today: NaiveDate) -> Draft {
    let overdue = r.overdue();
    let subject = if overdue {
        format!(
            "【逾期提醒】“政务公开主题日”活动材料逾期未报送（{}）",
            r.unit
        )
    } else {
        format!("【报送提醒】“政务公开主题日”活动材料报送提醒（{}）", r.unit)
    };
    // The salutation uses the unit's full name when the directory has one.
    let salutation = config
        .unit(&r.unit)
        .map(|u| u.full_name.as_str())
        .filter(|n| !n.is_empty())
        .unwrap_or(&r.unit);
    let mut text = format!(
        "{}：\n\n根据《洞口县2023年“政务公开主题日”活动实施方案》（洞政开〔2023〕1号），各单位应在活动开展前{PLAN_LEAD}个工作日将活动方案报县政务公开办，活动结束后{REPORT_LAG}个工作日内报送情况报告或新闻报道。经核对，贵单位以下事项需要办理：\n\n",
        salutation
    );
    for (i, item) in r.items.iter().enumerate() {
        text.push_str(&format!("{}. {}\n\n", i + 1, item_text(config, item)));
    }
    text.push_str(&format!(
        "请将材料发送至本办邮箱 {}。如已报送，请忽略本提醒，或直接回复本邮件告知报送时间，以便核对。\n",
        config.office_address
    ));
    text.push_str(&signature(config, today));
    let cc = if overdue && config.policy.cc_office_on_overdue {
        vec![config.office_address.clone()]
    } else {
        Vec::new()
    };
    Draft {
        kind: kinds::REMINDER,
        dedup_key: format!("remind:{}:{today}", r.unit),
        mail_id: None,
        unit: Some(r.unit.clone()),
        to: r.recipients.clone(),
        cc,
        subject,
        text,
        html: None,
        in_reply_to: None,
        references: Vec::new(),
        auto_submitted: "auto-generated",
    }
}
