//! Event days: which of a mail's dates is the unit's own event, when the text also names a
//! campaign (a national week or month, a commemorative day) the event falls in.
//!
//! "9月11日至17日是国家网络安全宣传周，我局定于9月14日在县一中开展…": the week frames the
//! mail, the 14th is the activity. A range the activity itself spans (拟于/将于/于 or
//! 活动时间 before it, the unit acting right after it, or several event days inside it) stays
//! the activity's date. Pure functions of the text around each date; no I/O and no clock.

use std::sync::OnceLock;

use regex::Regex;

use super::dates::Candidate;

/// "于4月21日在…" / "4月21日，我局在…开展" / "5月18日，县自来水公司组织…": the unit's own
/// event, by the words after the date.
pub(super) fn event_in_clause(before: &str, clause: &str) -> Option<&'static str> {
    let c = clause.trim_start_matches(|ch: char| {
        ch.is_whitespace() || "（）()星期一二三四五六日天上下午0123456789:：点时半，,".contains(ch)
    });
    let acts = ["开展", "举办", "举行", "召开", "组织", "走进", "邀请"];
    let head = first_chars(c, 24);
    // 在 near the start (after a subject such as 我局禁毒大队 or 邵阳市生态环境局洞口分局),
    // then the act; or the act itself.
    let zai = first_chars(c, 16).find('在');
    let acting = zai.is_some_and(|p| {
        let rest = first_chars(&c[p..], 30);
        acts.iter().any(|a| rest.contains(a))
    }) || acts.iter().any(|a| head.contains(a));
    // A date that starts a sentence (or follows 于) and is followed by the unit acting.
    let starts = before
        .trim_end_matches([' ', '\t', '\r', '\u{3000}'])
        .chars()
        .last()
        .is_none_or(|ch| "。；;\n：:，,".contains(ch) || ch == '于');
    (acting && starts).then_some("在…开展")
}

/// Whether a clause names the unit holding an event (开展, 举办, …, 活动, 宣传).
pub(super) fn names_an_act(clause: &str) -> bool {
    [
        "开展",
        "举办",
        "举行",
        "召开",
        "组织",
        "走进",
        "活动",
        "宣传",
        "主题日",
    ]
    .iter()
    .any(|a| clause.contains(a))
}

/// A label right before a date that names it as the event's own time: 活动时间：,
/// 具体时间定为, 时间调整为. The label must end right at the date.
pub(super) fn event_time_label(before: &str) -> Option<&'static str> {
    let b = before.trim_end_matches(|c: char| c.is_whitespace() || "：:为是".contains(c));
    let labels = [
        "推迟至",
        "推迟到",
        "延期至",
        "延期到",
        "调整至",
        "调整到",
        "改至",
        "改到",
        "顺延至",
        "活动时间",
        "开展时间",
        "举办时间",
        "举行时间",
        "具体时间",
        "时间定",
        "定",
        "确定",
        "改",
        "调整",
    ];
    let ends = labels.iter().any(|l| b.ends_with(l));
    // 定/改/调整 only before 为: "定为5月17日", not "规定5月…".
    let wei = before.trim_end().ends_with('为');
    let moved = ["至", "到"].iter().any(|k| b.ends_with(k));
    (ends && (wei || moved || b.ends_with("时间"))).then_some("活动时间")
}

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)]
}

/// The text right after a date: at most `n` characters, up to the end of its sentence.
pub(super) fn prefix(s: &str, n: usize) -> &str {
    let head = first_chars(s, n);
    &head[..head.find(['。', '；', ';']).unwrap_or(head.len())]
}

/// "6月26日国际禁毒日", "12月2日是全国交通安全日": the date names a commemorative day, which
/// the unit's own event may only be near.
pub(super) fn named_day(clause: &str) -> bool {
    let c = clause.trim_start();
    if ![
        "是", "第", "“", "\"", "国际", "世界", "全国", "国家", "中国",
    ]
    .iter()
    .any(|k| c.starts_with(k))
    {
        return false;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?:是)?(?:第[^，。；]{1,4}个)?[“\x22]?(?:国际|世界|全国|国家|中国)[\p{Han}]{1,10}?日")
            .expect("named day regex")
    })
    .is_match(clause)
}

/// A range framed as a campaign: "9月11日至17日是国家网络安全宣传周", "…宣传周期间".
pub(super) fn campaign_frame(before: &str, clause: &str) -> bool {
    let c = clause.trim_start();
    c.starts_with('是')
        || c.starts_with('为')
        || c.chars().take(16).collect::<String>().contains("期间")
        || ["在", "值此", "借"]
            .iter()
            .any(|k| before.trim_end().ends_with(k))
        || {
            // The country's or the county's campaign, not the unit's: 全国…, 我县定于….
            let near: String = before.chars().rev().take(8).collect();
            ["国全", "省全", "市全", "县全", "县我", "家国"]
                .iter()
                .any(|k| near.contains(k))
        }
        || {
            // "国家网络安全宣传周于9月11日至17日举行": the campaign is what the range dates.
            let near: String = before
                .chars()
                .rev()
                .take(12)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            ["宣传周", "宣传月", "活动周", "活动月", "安全月", "生产月"]
                .iter()
                .any(|k| near.contains(k))
        }
}

/// A single day inside a range the activity itself spans ("9月11日—17日，我局在全县开展了…
/// 系列活动。9月13日在县一中举办讲座"): the range, which is the activity's date.
pub(super) fn spanning_range<'a>(
    cands: &'a [Candidate],
    best: &'a Candidate,
) -> Option<&'a Candidate> {
    let d = &best.mention;
    // A day the text names as the event's own (定于, 拟于, 活动时间) stays that day.
    if d.start != d.end || best.named || !matches!(best.event, None | Some("在…开展")) {
        return None;
    }
    cands
        .iter()
        .filter(|c| {
            c.mention.start < c.mention.end
                && c.mention.start <= d.start
                && d.start <= c.mention.end
                && !c.campaign
                && (c.event.is_some() || c.why.contains("时间"))
                && (c.mention.end - c.mention.start).num_days() <= 31
        })
        .max_by(|a, b| a.weight.total_cmp(&b.weight).then(b.order.cmp(&a.order)))
}

/// A campaign range that holds exactly one day the unit names as its own event: that day.
/// A range the activity itself spans (拟于/将于/于 or 活动时间 before it, the unit acting
/// right after it) stays, and so does one with several event days inside it.
pub(super) fn own_event_day<'a>(
    cands: &'a [Candidate],
    best: &'a Candidate,
) -> Option<&'a Candidate> {
    let r = &best.mention;
    if r.start == r.end {
        // A commemorative day, and one other day near it the unit names as its event.
        if !best.named {
            return None;
        }
        let near: Vec<&Candidate> = cands
            .iter()
            .filter(|c| {
                c.mention.start == c.mention.end
                    && c.mention.start != r.start
                    && c.event.is_some()
                    && !c.named
                    && (c.mention.start - r.start).num_days().abs() <= 31
            })
            .collect();
        let mut days: Vec<chrono::NaiveDate> = near.iter().map(|c| c.mention.start).collect();
        days.sort();
        days.dedup();
        if days.len() != 1 {
            return None;
        }
        return near
            .into_iter()
            .max_by(|a, b| a.weight.total_cmp(&b.weight).then(b.order.cmp(&a.order)));
    }
    // Any mention of the same range that reads as the activity's own span settles it.
    let spans = cands.iter().any(|c| {
        c.mention.start == r.start
            && c.mention.end == r.end
            && !c.campaign
            && (c.event.is_some() || c.why.contains("时间"))
    });
    if spans {
        return None;
    }
    let inside: Vec<&Candidate> = cands
        .iter()
        .filter(|c| {
            c.mention.start == c.mention.end
                && c.mention.start >= r.start
                && c.mention.start <= r.end
                && c.event.is_some()
        })
        .collect();
    let mut days: Vec<chrono::NaiveDate> = inside.iter().map(|c| c.mention.start).collect();
    days.sort();
    days.dedup();
    if days.len() != 1 {
        return None;
    }
    inside
        .into_iter()
        .max_by(|a, b| a.weight.total_cmp(&b.weight).then(b.order.cmp(&a.order)))
}
