//! Dates: as Chinese county mail writes them, and which of a mail's dates is the activity's.
//!
//! `2023年4月21日`, `4月21日`, `2023.4.21`, `2023-04-21`, `2023/4/21`, `四月二十八日`,
//! `二〇二三年四月二十八日`, and ranges `9月11日至17日`, `9月11日-9月17日`, `9月11-17日`.
//! Each mention keeps its byte position and the text just before and after it, so the
//! classifier can tell an activity date (`拟于4月21日`) from a signing date (a date alone on
//! the last lines) or a deadline (`4月14日前报送`).
//!
//! The classifier's date stages are here too: every mention in a mail's zones that is not a
//! header, a signing date, a deadline or a sending date becomes a weighted `Candidate`
//! (numbered in zone order), and the activity date is the heaviest candidate near the
//! season's year, helped by the activity's planned month; ties go to the earlier candidate.
//!
//! Invariants: parsing is a pure function of the text and the season's year (used when the
//! text omits it); no I/O, and no clock: a date is never compared with now, only with the
//! season and the mail's own `Date` header.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::eventday::{self, campaign_frame, event_in_clause, named_day, own_event_day};
use super::theme::ActivityMatcher;
use super::zones::Zone;
use super::{Classifier, Kind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Byte offset of the mention in the text.
    pub pos: usize,
    pub len: usize,
    /// Whether the text wrote the year.
    pub explicit_year: bool,
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let num = r"[0-9０-９]";
        let cn = r"[〇零一二三四五六七八九十两]";
        let y = format!(r"(?:(?P<y>{num}{{4}}|{cn}{{4}})\s*年\s*)?");
        let md = format!(r"(?P<m>{num}{{1,2}}|{cn}{{1,3}})\s*月\s*(?P<d>{num}{{1,2}}|{cn}{{1,3}})\s*(?P<dd>[日号])?");
        let range = format!(
            r"(?:\s*(?:（[^）]{{1,6}}）|\([^)]{{1,6}}\))?\s*(?:[上下]午\s*[0-9:：点时半]*\s*)?(?P<sep>至|到|—|－|-|~|～|–)\s*(?:(?P<y2>{num}{{4}})\s*年\s*)?(?:(?P<m2>{num}{{1,2}}|{cn}{{1,3}})\s*月\s*)?(?P<d2>{num}{{1,2}}|{cn}{{1,3}})\s*[日号])?"
        );
        let numeric = format!(
            r"(?P<ny>20{num}{{2}})\s*(?P<ns>[.\-/／．])\s*(?P<nm>{num}{{1,2}})\s*[.\-/／．]\s*(?P<nd>{num}{{1,2}})(?:\s*(?:至|到|—|-|~|～)\s*(?:(?P<nm2>{num}{{1,2}})\s*[.\-/／．]\s*)?(?P<nd2>{num}{{1,2}})(?:[^0-9]|$))?"
        );
        Regex::new(&format!(r"{y}{md}{range}|{numeric}")).expect("date regex")
    })
}

fn num(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    if let Ok(n) = ascii.parse() {
        return Some(n);
    }
    cn_num(s)
}

/// 二十八 → 28, 十 → 10, 二〇二三 → 2023.
fn cn_num(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if !chars.contains(&'十') {
        // Positional: 二〇二三
        let mut n = 0;
        for c in chars {
            n = n * 10 + digit(c)?;
        }
        return Some(n);
    }
    let pos = chars.iter().position(|&c| c == '十')?;
    let tens = if pos == 0 { 1 } else { digit(chars[0])? };
    let ones = if pos + 1 < chars.len() {
        digit(chars[pos + 1])?
    } else {
        0
    };
    if pos > 1 || chars.len() > pos + 2 {
        return None;
    }
    Some(tens * 10 + ones)
}

/// Every date mention in `text`; `year` is used when the text omits it.
pub fn find_dates(text: &str, year: i32) -> Vec<DateMention> {
    let mut out = Vec::new();
    for c in re().captures_iter(text) {
        let m0 = c.get(0).expect("match");
        if let Some(ny) = c.name("ny") {
            // Numeric form: 2023.4.21, 2023-04-21, 2023/4/21.
            let (Some(y), Some(m), Some(d)) = (
                num(ny.as_str()),
                c.name("nm").and_then(|x| num(x.as_str())),
                c.name("nd").and_then(|x| num(x.as_str())),
            ) else {
                continue;
            };
            let Some(start) = NaiveDate::from_ymd_opt(y as i32, m, d) else {
                continue;
            };
            let end = c
                .name("nd2")
                .and_then(|d2| num(d2.as_str()))
                .and_then(|d2| {
                    let m2 = c.name("nm2").and_then(|x| num(x.as_str())).unwrap_or(m);
                    NaiveDate::from_ymd_opt(y as i32, m2, d2)
                })
                .filter(|e| *e > start && (*e - start).num_days() <= 62)
                .unwrap_or(start);
            let len = if end == start {
                c.name("nd").expect("nd").end() - m0.start()
            } else {
                m0.len()
            };
            out.push(DateMention {
                start,
                end,
                pos: m0.start(),
                len,
                explicit_year: true,
            });
            continue;
        }
        let (Some(m), Some(d)) = (
            c.name("m").and_then(|x| num(x.as_str())),
            c.name("d").and_then(|x| num(x.as_str())),
        ) else {
            continue;
        };
        // "4月21" without 日 is only a date when a range or 日 follows; "5月15" alone is
        // more often a clock time or a list number.
        let has_day_mark = c.name("dd").is_some();
        let explicit_year = c.name("y").is_some();
        let y = c
            .name("y")
            .and_then(|x| num(x.as_str()))
            .map(|y| y as i32)
            .unwrap_or(year);
        let Some(start) = NaiveDate::from_ymd_opt(y, m, d) else {
            continue;
        };
        let end = c.name("d2").and_then(|d2| {
            let y2 = c
                .name("y2")
                .and_then(|x| num(x.as_str()))
                .map(|y| y as i32)
                .unwrap_or(y);
            let m2 = c.name("m2").and_then(|x| num(x.as_str())).unwrap_or(m);
            NaiveDate::from_ymd_opt(y2, m2, num(d2.as_str())?)
        });
        let (end, len) = match end {
            Some(e) if e > start && (e - start).num_days() <= 62 => (e, m0.len()),
            _ => {
                if !has_day_mark {
                    continue;
                }
                (start, c.name("dd").expect("dd").end() - m0.start())
            }
        };
        out.push(DateMention {
            start,
            end,
            pos: m0.start(),
            len,
            explicit_year,
        });
    }
    out
}

/// The sentence around `text[start..end]`: from the last 。/；/line break before it to the
/// next one after it, at most 80 characters each side.
fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let stops = ['。', '；', ';', '\n', '！', '？'];
    let head: Vec<char> = text[..start]
        .chars()
        .rev()
        .take(80)
        .take_while(|c| !stops.contains(c))
        .collect();
    let tail: String = text[end..]
        .chars()
        .take(80)
        .take_while(|c| !stops.contains(c))
        .collect();
    head.into_iter()
        .rev()
        .chain(text[start..end].chars())
        .chain(tail.chars())
        .collect()
}

/// A date mention in a mail that may be the activity's date, with how strongly it reads so.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) mention: DateMention,
    pub(super) weight: f64,
    /// Position among the mail's candidates (zone order): the earlier wins a tie.
    pub(super) order: usize,
    /// Where it stands and after which word, for the reasons.
    pub(super) why: String,
    /// The word that puts the unit's own event on this date (拟于, 定于, 将于, 于 …, or a
    /// date followed by 在…开展/举办), if any.
    pub(super) event: Option<&'static str>,
    /// A range the text frames as a campaign the activity falls in (…期间, …是…宣传周),
    /// not as the activity's own span.
    pub(super) campaign: bool,
    /// A single day that names a commemorative day (6月26日国际禁毒日).
    pub(super) named: bool,
    /// The sentence the date stands in (at most 80 characters each side): whether it names
    /// the activity's theme.
    pub(super) sentence: String,
}

impl Classifier {
    /// Dates in the zones that may be the activity's, weighted by wording, line and zone.
    pub(super) fn date_candidates(&self, zones: &[(Zone, String)]) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut previous: Option<(Zone, &str)> = None;
        for (zone, text) in zones {
            // A zone that continues the text of the one before it (the body after the
            // opening, an attachment's text after its title) reads its first dates with the
            // words that stood right before them: "一、活动时间\n2023年4月20日".
            let lead: String = match previous {
                Some((prev, prev_text)) if zone.continues(prev) => {
                    let tail: Vec<char> = prev_text.chars().rev().take(14).collect();
                    tail.into_iter()
                        .rev()
                        .chain(std::iter::once('\n'))
                        .collect()
                }
                _ => String::new(),
            };
            previous = Some((*zone, text.as_str()));
            if zone.date_weight() == 0.0 {
                continue;
            }
            let lines: Vec<&str> = text.lines().collect();
            let nonempty: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, _)| i)
                .collect();
            let tail_start = nonempty.len().saturating_sub(4);
            let tail_lines: HashSet<usize> = nonempty[tail_start..].iter().copied().collect();
            // Line starts, and per-line facts computed once per line: a line can hold
            // thousands of dates, and rescanning it for each would be quadratic.
            let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
            let mut line_facts: HashMap<usize, (bool, bool)> = HashMap::new();
            for m in find_dates(text, self.year) {
                let line_no = newlines.partition_point(|&nl| nl < m.pos);
                let line = lines.get(line_no).copied().unwrap_or("");
                let before: String = lead
                    .chars()
                    .chain(text[..m.pos].chars())
                    .rev()
                    .take(14)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let after: String = text[m.pos + m.len..].chars().take(8).collect();
                let lt = line.trim();
                let (header_line, line_has_activity) =
                    *line_facts.entry(line_no).or_insert_with(|| {
                        let header_line = [
                            "发送时间",
                            "Sent:",
                            "Date:",
                            "日期:",
                            "日期：",
                            "时间:",
                            "时间：",
                        ]
                        .iter()
                        .any(|k| lt.starts_with(k))
                            && *zone == Zone::Quoted
                            || lt.contains("写道")
                            || lt.starts_with("发送时间")
                            // A news page's own dates: when it was published, not the event.
                            || ["发布时间", "发布日期", "发表时间", "更新时间", "来源："]
                                .iter()
                                .any(|k| lt.contains(k));
                        let has_activity =
                            ["活动", "举办", "举行", "开展", "召开", "宣传", "主题日"]
                                .iter()
                                .any(|k| line.contains(k));
                        (header_line, has_activity)
                    });
                // A date alone on one of the last lines is when the letter was signed.
                let alone = lt.len() <= m.len + 16
                    && lt
                        .replace(&text[m.pos..m.pos + m.len], "")
                        .chars()
                        .filter(|c| !c.is_whitespace() && !"。.,，()（）".contains(*c))
                        .count()
                        == 0;
                let signing = alone && (tail_lines.contains(&line_no) || *zone == Zone::Signature);
                let deadline = [
                    "前报送",
                    "前将",
                    "之前",
                    "前报",
                    "截止",
                    "前上报",
                    "前发送",
                    "前提交",
                    "前报县",
                ]
                .iter()
                .any(|k| {
                    after.trim_start().starts_with(k)
                        || after.contains(k) && after.starts_with('前')
                }) || ["截止", "截至", "请于", "务必于"]
                    .iter()
                    .any(|k| before.ends_with(k) || before.contains(k));
                // "原定8月17日举行…推迟至8月24日": the day it no longer is.
                let superseded = ["原定", "原计划", "原拟", "原定于", "原计划于"]
                    .iter()
                    .any(|k| before.ends_with(k));
                // "已于4月12日报送…方案": when something was sent, not when the activity was.
                let submitted = ["报送", "报来", "上报", "发送", "提交", "报县", "已报"]
                    .iter()
                    .any(|k| after.trim_start().starts_with(k));
                // "扫描全能王 2023-08-23 09.51.pdf": when a file was made, not the activity.
                let stamp = *zone == Zone::AttachmentName && {
                    let a: Vec<char> = after.trim_start().chars().take(5).collect();
                    a.len() >= 4
                        && a[0].is_ascii_digit()
                        && (a[1].is_ascii_digit() && ".:：".contains(a[2]) && a[3].is_ascii_digit()
                            || ".:：".contains(a[1]) && a[2].is_ascii_digit())
                };
                if header_line || signing || deadline || submitted || stamp || superseded {
                    continue;
                }
                let mut weight = 1.0;
                let mut why = Vec::new();
                let mut event = None;
                let clause = eventday::prefix(&text[m.pos + m.len..], 30);
                for (k, w) in [
                    ("活动时间", 3.0),
                    ("时间：", 2.5),
                    ("时间:", 2.5),
                    ("拟于", 3.0),
                    ("定于", 3.0),
                    ("定为", 3.0),
                    ("改为", 3.0),
                    ("推迟至", 3.0),
                    ("推迟到", 3.0),
                    ("延期至", 3.0),
                    ("延期到", 3.0),
                    ("调整至", 3.0),
                    ("调整到", 3.0),
                    ("改至", 3.0),
                    ("改到", 3.0),
                    ("顺延至", 3.0),
                    ("计划于", 3.0),
                    ("将于", 2.5),
                    ("已于", 3.0),
                    ("于", 1.5),
                    ("在", 0.5),
                ] {
                    if before.contains(k) {
                        // "已于7月17日设立帮办专区": something done since, not the event.
                        let w = if k == "已于" && !eventday::names_an_act(clause) {
                            1.5
                        } else {
                            w
                        };
                        weight += w;
                        why.push(k);
                        if before.ends_with(k)
                            && ["拟于", "定于", "计划于", "将于", "已于", "于"].contains(&k)
                        {
                            event = Some(k);
                        }
                        break;
                    }
                }
                if event.is_none() {
                    // "活动时间：9月12日", "具体时间定为5月17日": the line names the event's day.
                    event = eventday::event_time_label(&before);
                }
                if event.is_none() && m.start == m.end {
                    event = event_in_clause(&before, clause);
                    if event.is_some() && why.is_empty() {
                        // "7月13日下午，我局在…组织开展…": the sentence dates the event.
                        weight += 2.0;
                    }
                }
                let campaign = m.start != m.end && campaign_frame(&before, clause);
                // A range the unit acts in right after ("6月1日至30日，我局组织开展…") is the
                // activity's own span.
                if m.start != m.end && event.is_none() && !campaign {
                    let wide = eventday::prefix(&text[m.pos + m.len..], 40);
                    if ["开展", "举办", "举行", "组织", "召开"]
                        .iter()
                        .any(|a| wide.contains(a))
                    {
                        event = Some("开展");
                    }
                }
                if line_has_activity {
                    weight += 1.0;
                }
                if m.start != m.end {
                    weight += 0.5;
                }
                weight *= zone.date_weight();
                let named = m.start == m.end && named_day(clause);
                let sentence = sentence_around(text, m.pos, m.pos + m.len);
                out.push(Candidate {
                    mention: m,
                    weight,
                    order: out.len(),
                    why: if why.is_empty() {
                        format!("in {}", zone.name())
                    } else {
                        format!("after {} in {}", why.join("/"), zone.name())
                    },
                    event,
                    campaign,
                    named,
                    sentence,
                });
            }
        }
        out
    }

    /// A candidate's weight as the activity's date: its own, plus how well its month fits the
    /// activity's planned month. None for a year far from the season.
    fn fit(&self, c: &Candidate, activity: Option<&ActivityMatcher>) -> Option<f64> {
        if c.mention.start.year() < self.year - 1 || c.mention.start.year() > self.year + 1 {
            return None;
        }
        let mut w = c.weight;
        if let Some(a) = activity {
            let months = (c.mention.start.year() - a.year) * 12 + c.mention.start.month() as i32
                - a.month as i32;
            w += match months.abs() {
                0 => 2.0,
                1 => 0.5,
                _ => -1.0,
            };
            // A date told with the activity's theme beside it ("6月16日…开展“惠民政策宣传日”
            // 活动") over one of the unit's other business in the same mail.
            if a.named_in(&c.sentence) {
                w += 1.0;
            }
        }
        Some(w)
    }

    /// The activity date among the candidates: the heaviest, if heavy enough.
    pub(super) fn pick_date(
        &self,
        cands: &[Candidate],
        activity: Option<&ActivityMatcher>,
        _kind: Kind,
    ) -> Option<Candidate> {
        let mut best: Option<(f64, &Candidate)> = None;
        for c in cands {
            let Some(w) = self.fit(c, activity) else {
                continue;
            };
            if best.is_none_or(|(bw, bc)| {
                w > bw + 1e-9 || ((w - bw).abs() < 1e-9 && c.order < bc.order)
            }) {
                best = Some((w, c));
            }
        }
        let (w, c) = best?;
        if w < 1.5 {
            return None;
        }
        if let Some(span) = eventday::spanning_range(cands, c) {
            return Some(span.clone());
        }
        Some(own_event_day(cands, c).unwrap_or(c).clone())
    }

    /// Whether another day, outside the chosen date's span, reads about as much like the
    /// activity's date: the choice is then a guess a person should confirm.
    pub(super) fn date_contested(
        &self,
        cands: &[Candidate],
        chosen: &Candidate,
        activity: Option<usize>,
    ) -> bool {
        let a = activity.map(|i| &self.activities[i]);
        let Some(best) = self.fit(chosen, a) else {
            return false;
        };
        let (s, e) = (chosen.mention.start, chosen.mention.end);
        cands
            .iter()
            .filter(|c| c.mention.end < s || c.mention.start > e)
            // A commemorative day or a campaign the chosen day was preferred to.
            .filter(|c| !c.campaign && (!c.named || chosen.named))
            .filter_map(|c| self.fit(c, a))
            .any(|w| w >= best - 0.25 && w >= 2.5)
    }

    /// The date stage: the activity date, noted in `reasons`.
    pub(super) fn decide_date(
        &self,
        mentions: &[Candidate],
        activity: Option<usize>,
        kind: Kind,
        reasons: &mut Vec<String>,
    ) -> Option<Candidate> {
        for c in mentions {
            tracing::debug!(
                start = %c.mention.start,
                end = %c.mention.end,
                weight = c.weight,
                why = %c.why,
                event = ?c.event,
                campaign = c.campaign,
                named = c.named,
                "date candidate"
            );
        }
        let chosen = self.pick_date(mentions, activity.map(|i| &self.activities[i]), kind);
        if let Some(c) = &chosen {
            reasons.push(format!("date {} ({})", c.mention.start, c.why));
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn one(text: &str) -> (NaiveDate, NaiveDate) {
        let v = find_dates(text, 2023);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        (v[0].start, v[0].end)
    }

    #[test]
    fn written_forms() {
        assert_eq!(
            one("拟于2023年4月21日举办"),
            (d("2023-04-21"), d("2023-04-21"))
        );
        assert_eq!(
            one("定于4月21日（星期五）上午9:00"),
            (d("2023-04-21"), d("2023-04-21"))
        );
        assert_eq!(one("时间：2023.4.21"), (d("2023-04-21"), d("2023-04-21")));
        assert_eq!(one("2023-04-21 在广场"), (d("2023-04-21"), d("2023-04-21")));
        assert_eq!(one("四月二十八日"), (d("2023-04-28"), d("2023-04-28")));
        assert_eq!(
            one("二〇二三年十月十日"),
            (d("2023-10-10"), d("2023-10-10"))
        );
        assert_eq!(
            one("２０２３年５月１５日"),
            (d("2023-05-15"), d("2023-05-15"))
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(one("9月11日至17日"), (d("2023-09-11"), d("2023-09-17")));
        assert_eq!(one("6月1日-6月30日"), (d("2023-06-01"), d("2023-06-30")));
        assert_eq!(one("9月11-17日"), (d("2023-09-11"), d("2023-09-17")));
        assert_eq!(
            one("2023年9月11日至2023年9月17日"),
            (d("2023-09-11"), d("2023-09-17"))
        );
        assert_eq!(one("2023.9.11-9.17"), (d("2023-09-11"), d("2023-09-17")));
    }

    #[test]
    fn not_dates() {
        assert!(find_dates("5月中旬", 2023).is_empty());
        assert!(find_dates("5.15防范和打击经济犯罪宣传日", 2023).is_empty());
        assert!(find_dates("2月30日", 2023).is_empty());
        assert!(find_dates("电话 13407492020", 2023).is_empty());
    }
}
