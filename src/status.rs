//! `themeday status`: the season's progress table for the terminal, in Chinese.
//!
//! Columns are aligned by display width (`unicode-width`: a Chinese character takes two
//! columns), each as wide as its widest cell, so long unit names and date ranges keep the rows
//! straight. This room only formats what `deadlines` computes from the store; it writes nothing.

use chrono::{DateTime, FixedOffset};
use unicode_width::UnicodeWidthStr;

use crate::config::Config;
use crate::deadlines::{fmt_date, season_status};
use crate::store::Store;

/// The progress table.
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
    let mut rows: Vec<Vec<String>> = vec![[
        "序号",
        "责任单位",
        "计划月份",
        "活动日期",
        "方案截止",
        "方案",
        "报告截止",
        "报告",
        "状态",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect()];
    for s in &statuses {
        let plan_dl = if s.plan_deadline_provisional {
            format!("≤{}", fmt_date(s.plan_deadline))
        } else {
            fmt_date(s.plan_deadline)
        };
        let date = match (s.date, s.end) {
            (Some(d), Some(e)) if e != d => format!("{}-{}", fmt_date(Some(d)), fmt_date(Some(e))),
            (d, _) => fmt_date(d),
        };
        rows.push(vec![
            s.number.to_string(),
            s.unit.clone(),
            format!("{}月", s.month),
            date,
            plan_dl,
            receipt(&s.plan),
            fmt_date(s.report_deadline),
            receipt(&s.report),
            format!(
                "{}{}",
                s.state.zh(),
                s.error
                    .as_ref()
                    .map(|e| format!("（{e}）"))
                    .unwrap_or_default()
            ),
        ]);
    }
    out.push_str(&align(&rows));
    out.push_str(&format!(
        "已登记邮件 {} 封，待人工核对 {} 封。\n",
        store.count_since(0)?,
        store.review_count()?
    ));
    if let Some(note) = season_note(config, &statuses, local.date_naive()) {
        out.push_str(&format!("注意：{note}。\n"));
    }
    for m in crate::deadlines::empty_required_months(config) {
        out.push_str(&format!(
            "注意：{m}月尚未安排主题活动（实施方案要求每月至少1个主题）。\n"
        ));
    }
    Ok(out)
}

/// "The season has ended" in words, when it has.
pub fn season_note(
    config: &Config,
    statuses: &[crate::deadlines::ActivityStatus],
    today: chrono::NaiveDate,
) -> Option<String> {
    crate::deadlines::season_ended(config, statuses, today).map(|end| {
        format!(
            "{}年活动季已于{}结束（最后一个报告截止日后 {} 天），不再发送提醒、逾期通知和日报；新到邮件仍会登记并回执",
            config.year,
            end.format("%Y年%-m月%-d日"),
            config.season_grace_days
        )
    })
}

/// Rows as lines, every column but the last padded to its widest cell plus two spaces.
pub fn align(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            if c + 1 == r.len() {
                line.push_str(cell);
            } else {
                line.push_str(&pad(cell, widths[c] + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Pads to a display width (a Chinese character counts two columns).
pub fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_display_width() {
        let rows: Vec<Vec<String>> = [
            ["序号", "责任单位", "活动日期", "状态"],
            ["1", "县水利局", "4月20日", "方案已按时报送"],
            ["12", "县行政审批服务局", "9月11日-9月17日", "等待方案"],
            ["3", "县“12345”热线中心", "—", "等待方案"],
        ]
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
        let text = align(&rows);
        let lines: Vec<&str> = text.lines().collect();
        // Each column starts at the same display column on every line.
        let starts = |line: &str, cells: &[String]| -> Vec<usize> {
            let mut at = Vec::new();
            let mut rest = line;
            let mut col = 0;
            for c in cells {
                let i = rest.find(c.as_str()).unwrap();
                col += rest[..i].width();
                at.push(col);
                col += c.width();
                rest = &rest[i + c.len()..];
            }
            at
        };
        let first = starts(lines[0], &rows[0]);
        for (line, row) in lines.iter().zip(&rows).skip(1) {
            assert_eq!(starts(line, row), first, "{line}");
        }
        assert_eq!(pad("县水利局", 10).width(), 10);
        assert_eq!(pad("1", 4), "1   ");
    }
}
