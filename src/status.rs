//! `themeday status`: the season's progress as a table for the terminal, in Chinese (the
//! digest has its own compact block; see `notify::digest_data`).
//!
//! Reads the store and the deadline engine; writes nothing.

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::deadlines::{fmt_date, season_status};
use crate::store::Store;

/// The progress table, in Chinese, for the terminal.
pub fn status_table(
    config: &Config,
    store: &Store,
    now: DateTime<FixedOffset>,
) -> crate::Result<String> {
    let statuses = season_status(config, &store.submissions(config.timezone)?, now);
    let local = now.with_timezone(&config.timezone);
    let mut out = format!(
        "{}年“政务公开主题日”活动进度（截至 {}）\n",
        config.year,
        local.format("%Y年%m月%d日 %H:%M")
    );
    out.push_str("序号  责任单位              计划月份  活动日期    方案截止    方案        报告截止    报告        状态\n");
    for s in &statuses {
        let receipt = |r: &Option<crate::records::Receipt>| match r {
            None => "未报".to_string(),
            Some(r) => format!(
                "{}{}",
                fmt_date(Some(r.received)),
                match r.on_time {
                    Some(true) => "按时",
                    Some(false) => "逾期",
                    None => "",
                }
            ),
        };
        let plan_dl = if s.plan_deadline_provisional {
            format!("≤{}", fmt_date(s.plan_deadline))
        } else {
            fmt_date(s.plan_deadline)
        };
        let date = match (s.date, s.end) {
            (Some(d), Some(e)) if e != d => format!("{}-{}", fmt_date(Some(d)), fmt_date(Some(e))),
            (d, _) => fmt_date(d),
        };
        out.push_str(&format!(
            "{:<4}  {}  {:<8}  {}  {}  {}  {}  {}  {}{}\n",
            s.number,
            pad(&s.unit, 20),
            format!("{}月", s.month),
            pad(&date, 10),
            pad(&plan_dl, 10),
            pad(&receipt(&s.plan), 10),
            pad(&fmt_date(s.report_deadline), 10),
            pad(&receipt(&s.report), 10),
            s.state.zh(),
            s.error
                .as_ref()
                .map(|e| format!("（{e}）"))
                .unwrap_or_default()
        ));
    }
    out.push_str(&format!(
        "已登记邮件 {} 封，待人工核对 {} 封。\n",
        store.count_since(0)?,
        store.review_count()?
    ));
    for m in crate::deadlines::empty_required_months(config) {
        out.push_str(&format!(
            "注意：{m}月尚未安排主题活动（实施方案要求每月至少1个主题）。\n"
        ));
    }
    Ok(out)
}

/// Pads to a display width, counting CJK characters as two columns.
pub fn pad(s: &str, width: usize) -> String {
    let w: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}
