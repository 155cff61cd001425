//! Personal data out of a report's text before it goes on the public portal.
//!
//! Removed: whole contact lines (联系人、联系电话、电话、手机、身份证、邮箱 … at the start of a
//! line), contact clauses inside a sentence (`联系人：张三，`), mobile numbers (`1[3-9]` and
//! nine digits, with spaces or dashes, `+86` optional), landlines (`0` and a 2–3 digit area
//! code, `-` optional, 7–8 digits, an extension optional; `(0739)` too), 18-digit ID numbers
//! (the last may be X) and e-mail addresses. A number inside a longer run of digits is not
//! taken for one of these (a number is never cut in half).
//!
//! Pure: text in, text and what was removed out. What was removed is counted by kind, never
//! repeated: the report of an export must not carry the data it removed.

use std::sync::OnceLock;

use regex::Regex;

/// The kinds of personal data removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pii {
    ContactLine,
    IdNumber,
    Mobile,
    Landline,
    Email,
}

impl Pii {
    pub fn zh(self) -> &'static str {
        match self {
            Pii::ContactLine => "联系人/联系方式",
            Pii::IdNumber => "身份证号码",
            Pii::Mobile => "手机号码",
            Pii::Landline => "固定电话",
            Pii::Email => "电子邮箱地址",
        }
    }
}

/// Words that start a contact line or clause.
const CONTACT_WORDS: &[&str] = &[
    "联系人",
    "联 系 人",
    "联系电话",
    "联系方式",
    "联系手机",
    "咨询电话",
    "办公电话",
    "电话",
    "手机号码",
    "手机号",
    "手机",
    "座机",
    "传真",
    "身份证号码",
    "身份证号",
    "身份证",
    "电子邮箱",
    "邮箱",
    "E-mail",
    "Email",
    "email",
];

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid pattern"))
}

fn id_number() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]",
    )
}

fn mobile() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}")
}

fn landline() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?:[(（]0\d{2,3}[)）] ?|0\d{2,3}[ -]?)\d{7,8}(?:(?:-|转)\d{1,4})?",
    )
}

fn email() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
    )
}

fn contact_clause() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    let words = CONTACT_WORDS
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    re(
        &R,
        &format!(r"(?:{words})\s*[:：]\s*[^，,。；;\n）)]*[，,；;]?"),
    )
}

/// Whether a line is a contact line: after a list mark or bracket, it starts with a contact
/// word followed by a colon or a space.
fn is_contact_line(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches(['（', '(', '【', '[', '-', '*', '·', '•', ' '])
        .trim_start();
    CONTACT_WORDS.iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| {
            let rest = rest.trim_start_matches(['（', '(']);
            rest.starts_with([':', '：', ' ', '\u{3000}'])
                || rest.is_empty()
                || rest.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// The matches of `re` whose ends do not touch another digit (a number is never cut out of a
/// longer one) and that overlap nothing in `taken`.
fn find_numbers(text: &str, re: &Regex, kind: Pii, taken: &mut Vec<(usize, usize, Pii)>) {
    let mut pos = 0;
    while let Some(m) = re.find_at(text, pos) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let touches = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let overlaps = taken.iter().any(|(s, e, _)| m.start() < *e && *s < m.end());
        if touches(before) || touches(after) || overlaps {
            // Not this kind here: try from the next character.
            pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        taken.push((m.start(), m.end(), kind));
        pos = m.end();
    }
}

const CLAUSE_END: &[char] = &['，', ',', '；', ';'];
const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?', '\n'];

/// What goes with a piece of personal data: the bracket around it (`王某（身份证号）`), or
/// else its clause (`如有疑问请致电139…，`), whose sentence end stays.
fn span_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let head = &text[..start];
    let tail = &text[end..];
    let open = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| {
            !CLAUSE_END.contains(c) && !SENTENCE_END.contains(c) && !['）', ')'].contains(c)
        })
        .find(|(_, c)| ['（', '('].contains(c));
    let close = tail
        .char_indices()
        .take_while(|(_, c)| {
            !CLAUSE_END.contains(c) && !SENTENCE_END.contains(c) && !['（', '('].contains(c)
        })
        .find(|(_, c)| ['）', ')'].contains(c));
    if let (Some((o, _)), Some((c, ch))) = (open, close) {
        return (o, end + c + ch.len_utf8());
    }
    let s = head
        .char_indices()
        .rev()
        .find(|(_, c)| CLAUSE_END.contains(c) || SENTENCE_END.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let e = match tail
        .char_indices()
        .find(|(_, c)| CLAUSE_END.contains(c) || SENTENCE_END.contains(c))
    {
        Some((i, c)) if CLAUSE_END.contains(&c) => end + i + c.len_utf8(),
        Some((i, _)) => end + i,
        None => text.len(),
    };
    (s, e)
}

/// The text with personal data removed, and what was removed (one entry per removal).
pub fn scrub(text: &str) -> (String, Vec<Pii>) {
    let mut removed = Vec::new();
    let mut kept = Vec::new();
    for line in text.lines() {
        if is_contact_line(line) {
            removed.push(Pii::ContactLine);
        } else {
            kept.push(line);
        }
    }
    let mut t = kept.join("\n");
    let mut clauses = 0;
    t = contact_clause()
        .replace_all(&t, |_: &regex::Captures<'_>| {
            clauses += 1;
            ""
        })
        .into_owned();
    removed.extend(std::iter::repeat_n(Pii::ContactLine, clauses));
    let mut found = Vec::new();
    find_numbers(&t, id_number(), Pii::IdNumber, &mut found);
    find_numbers(&t, email(), Pii::Email, &mut found);
    find_numbers(&t, mobile(), Pii::Mobile, &mut found);
    find_numbers(&t, landline(), Pii::Landline, &mut found);
    removed.extend(found.iter().map(|f| f.2));
    let mut spans: Vec<(usize, usize)> = found
        .iter()
        .map(|(s, e, _)| span_around(&t, *s, *e))
        .collect();
    spans.sort_unstable();
    let mut out = String::with_capacity(t.len());
    let mut at = 0;
    for (s, e) in spans {
        if s > at {
            out.push_str(&t[at..s]);
        }
        at = at.max(e);
    }
    out.push_str(&t[at.min(t.len())..]);
    // What removal left behind: empty brackets, a comma before the end of a sentence, a line
    // with nothing but punctuation.
    for (from, to) in [
        ("（）", ""),
        ("()", ""),
        ("（，", "（"),
        ("，）", "）"),
        ("，。", "。"),
        ("，，", "，"),
        ("：。", "。"),
    ] {
        while out.contains(from) {
            out = out.replace(from, to);
        }
    }
    let lines: Vec<&str> = out
        .lines()
        .map(|l| l.trim_start_matches(['。', '，', '；']))
        .filter(|l| {
            l.chars().any(|c| {
                !c.is_whitespace() && !c.is_ascii_punctuation() && !"。，；：、".contains(c)
            })
        })
        .collect();
    (lines.join("\n"), removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(r: &[Pii], k: Pii) -> usize {
        r.iter().filter(|x| **x == k).count()
    }

    #[test]
    fn contact_lines_go_whole() {
        let (t, r) = scrub(
            "活动共发放资料500份。\n联系人：张三\n联系电话：0739-7826515\n手机 13912345678\n（身份证：430525199001011234）\n电子邮箱：zs@qq.com\n此次活动效果良好。",
        );
        assert_eq!(t, "活动共发放资料500份。\n此次活动效果良好。");
        assert_eq!(count(&r, Pii::ContactLine), 5);
    }

    #[test]
    fn mobiles_in_every_spelling() {
        for m in [
            "13912345678",
            "139 1234 5678",
            "139-1234-5678",
            "+86 13912345678",
            "+8613912345678",
        ] {
            let (t, r) = scrub(&format!("活动现场气氛热烈，如有疑问请致电{m}咨询。"));
            assert_eq!(t, "活动现场气氛热烈。", "{m}");
            assert_eq!(r, vec![Pii::Mobile], "{m}");
        }
    }

    #[test]
    fn landlines_in_every_spelling() {
        for m in [
            "0739-7826515",
            "07397826515",
            "0739 7826515",
            "(0739)7826515",
            "（0739）7826515",
            "010-12345678",
            "0739-7826515-802",
        ] {
            let (t, r) = scrub(&format!("咨询热线{m}，欢迎来电。"));
            assert_eq!(t, "欢迎来电。", "{m}");
            assert_eq!(r, vec![Pii::Landline], "{m}");
        }
    }

    #[test]
    fn id_numbers_with_x() {
        for id in [
            "430525199001011234",
            "43052519900101123X",
            "43052519900101123x",
        ] {
            let (t, r) = scrub(&format!("获奖群众王某（{id}）领取了奖品。"));
            assert_eq!(t, "获奖群众王某领取了奖品。", "{id}");
            assert_eq!(r, vec![Pii::IdNumber], "{id}");
        }
    }

    #[test]
    fn email_addresses() {
        let (t, r) = scrub("活动结束后收集意见，意见可发送至 dkzwgk@163.com 或 43347867@qq.com。");
        assert_eq!(t, "活动结束后收集意见。");
        assert_eq!(r, vec![Pii::Email, Pii::Email]);
    }

    #[test]
    fn contact_clause_inside_a_sentence() {
        let (t, r) =
            scrub("活动由县水利局主办（联系人：李四，联系电话：13812345678），群众踊跃参与。");
        assert_eq!(t, "活动由县水利局主办，群众踊跃参与。");
        assert_eq!(count(&r, Pii::ContactLine), 2);
    }

    #[test]
    fn numbers_that_are_not_personal_stay() {
        let text = "2023年4月20日，发放资料5000份，接待群众120人次，12345热线，洞政开〔2023〕1号，编号202304201234567890123。";
        let (t, r) = scrub(text);
        assert_eq!(t, text);
        assert!(r.is_empty(), "{r:?}");
    }
}
