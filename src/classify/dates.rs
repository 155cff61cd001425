//! Dates as Chinese county mail writes them.
//!
//! `2023年4月21日`, `4月21日`, `2023.4.21`, `2023-04-21`, `2023/4/21`, `四月二十八日`,
//! `二〇二三年四月二十八日`, and ranges `9月11日至17日`, `9月11日-9月17日`, `9月11-17日`.
//! Each mention keeps its byte position and the text just before and after it, so the
//! classifier can tell an activity date (`拟于4月21日`) from a signing date (a date alone on
//! the last lines) or a deadline (`4月14日前报送`).

use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

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
