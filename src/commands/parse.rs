//! Reading commands out of the office's reply: its own text (never the quoted part), one
//! command per line.
//!
//! Tolerant of what a clerk types on a phone: full-width `＃`, digits and spaces, `第N项` or
//! `第 N 项`, dates as `2023-04-28`, `2023/4/28`, `2023年4月28日` or `4月28日` (a range with
//! `至`), a list number in front (`1.`, `2、`). A line is a command when it starts with `#`
//! or with 确认邮箱 / 删除邮箱; any other line (a greeting, a signature) is not a command and
//! is ignored. A command line that cannot be read is returned with why and the right form.
//!
//! Pure: text in, lines out; no store, no clock.

use chrono::{Datelike, NaiveDate};

use crate::classify::Kind;

/// One command the office can give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `#编号 第N项 方案|报告 [日期]`: what `themeday assign` does.
    Assign {
        mail: i64,
        activity: u32,
        kind: Kind,
        date: Option<NaiveDate>,
        end: Option<NaiveDate>,
    },
    /// `#编号 第N项 报告 [日期]；第M项 方案 [日期]`: a mail that carries several submissions,
    /// each set (they replace what the mail was recorded with).
    AssignSeveral { mail: i64, parts: Vec<AssignPart> },
    /// `#编号 其他`: not a submission.
    Other { mail: i64 },
    /// `#编号 确认`: accept what the bot proposed for a mail under review.
    Confirm { mail: i64 },
    /// `#编号 发布` / `#编号 不发布`: the report on the portal, or not.
    Publish { mail: i64, publish: bool },
    /// `确认邮箱 单位名 地址`.
    ConfirmAddress { unit: String, address: String },
    /// `删除邮箱 地址`.
    DeleteAddress { address: String },
}

/// One submission of [`Command::AssignSeveral`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignPart {
    pub activity: u32,
    pub kind: Kind,
    pub date: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// The forms, as the office writes them.
pub const FORM_ASSIGN: &str = "#编号 第N项 方案（或 报告） [活动日期]，如：#12 第3项 报告 4月28日";
pub const FORM_MAIL: &str =
    "#编号 第N项 方案|报告 [日期]、#编号 其他、#编号 确认、#编号 发布、#编号 不发布";
pub const FORM_CONFIRM_ADDRESS: &str = "确认邮箱 单位名 邮箱地址，如：确认邮箱 县公安局 abc@qq.com";
pub const FORM_DELETE_ADDRESS: &str = "删除邮箱 邮箱地址，如：删除邮箱 abc@qq.com";

/// Every command, one per line, as listed in replies and in the digest.
pub use crate::notify::own::COMMAND_HELP as HELP;

/// A command line that cannot be read: why, and the form to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub why: String,
    pub form: &'static str,
}

/// One command line of a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based number of the line in the reply's own text (the key, with the mail's hash, that
    /// makes a command apply once).
    pub no: usize,
    /// The line as written (trimmed).
    pub text: String,
    pub command: Result<Command, Unreadable>,
}

/// Full-width ASCII (`＃１２`) to ASCII, the ideographic space to a space.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' | '\u{a0}' => ' ',
            c => c,
        })
        .collect()
}

/// The command lines of a reply's own text. `year` is the year a date without one falls in.
pub fn commands(own_text: &str, year: i32) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, raw) in own_text.lines().enumerate() {
        let text = raw.trim();
        let line = half_width(text);
        let line = strip_list_number(line.trim());
        let command = if let Some(rest) = line.strip_prefix('#') {
            mail_command(rest, year)
        } else if let Some(rest) = keyword(line, &["确认邮箱", "确认地址"]) {
            confirm_address(rest)
        } else if let Some(rest) = keyword(line, &["删除邮箱", "删除地址"]) {
            delete_address(rest)
        } else {
            continue;
        };
        out.push(Line {
            no: i + 1,
            text: text.to_string(),
            command,
        });
    }
    out
}

/// `1.`, `2、`, `3)` or `(4)` in front of a command.
fn strip_list_number(s: &str) -> &str {
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits < 3 {
        let rest = &s[digits..];
        for sep in ['.', '、', ')', '）', ':', '：'] {
            if let Some(r) = rest.strip_prefix(sep) {
                return r.trim_start();
            }
        }
    }
    s
}

fn keyword<'a>(line: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| line.strip_prefix(w))
}

fn unreadable(why: impl Into<String>, form: &'static str) -> Result<Command, Unreadable> {
    Err(Unreadable {
        why: why.into(),
        form,
    })
}

/// What follows `#`: the mail number, then the command.
fn mail_command(rest: &str, year: i32) -> Result<Command, Unreadable> {
    let rest = rest.trim_start();
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let Ok(mail) = digits.parse::<i64>() else {
        return unreadable("“#”后应为邮件编号（数字）", FORM_MAIL);
    };
    let compact: String = rest[digits.len()..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let compact = compact.trim_start_matches([':', '：', ',', '，']);
    match compact {
        "" => return unreadable(format!("#{mail} 后缺少指令"), FORM_MAIL),
        "确认" | "确定" => return Ok(Command::Confirm { mail }),
        "其他" | "其它" | "其他邮件" | "其它邮件" => {
            return Ok(Command::Other { mail })
        }
        "发布" | "同意发布" => {
            return Ok(Command::Publish {
                mail,
                publish: true,
            })
        }
        "不发布" | "不予发布" | "撤销发布" | "取消发布" => {
            return Ok(Command::Publish {
                mail,
                publish: false,
            })
        }
        _ => {}
    }
    // Several submissions, separated by ；or +: each part must read as one.
    let parts: Vec<&str> = compact
        .split([';', '；', '+'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 {
        let read: Vec<AssignPart> = parts
            .iter()
            .filter_map(|p| match assign(mail, p, year) {
                Ok(Command::Assign {
                    activity,
                    kind,
                    date,
                    end,
                    ..
                }) => Some(AssignPart {
                    activity,
                    kind,
                    date,
                    end,
                }),
                _ => None,
            })
            .collect();
        if read.len() == parts.len() {
            return Ok(Command::AssignSeveral { mail, parts: read });
        }
    }
    assign(mail, compact, year)
}

const KIND_WORDS: &[(&str, Kind)] = &[
    ("活动情况报告", Kind::Report),
    ("情况报告", Kind::Report),
    ("新闻报道", Kind::Report),
    ("新闻报导", Kind::Report),
    ("活动方案", Kind::Plan),
    ("报告", Kind::Report),
    ("报道", Kind::Report),
    ("方案", Kind::Plan),
];

fn kind_word(s: &str) -> Option<(Kind, &str)> {
    KIND_WORDS
        .iter()
        .find_map(|(w, k)| s.strip_prefix(w).map(|r| (*k, r)))
}

/// `第3项` (or `第3`, `3项`, `3`): the activity number and the rest.
fn activity_number(s: &str) -> Option<(u32, &str)> {
    let s = s.strip_prefix('第').unwrap_or(s);
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    let n = s[..digits].parse().ok()?;
    let rest = &s[digits..];
    Some((n, rest.strip_prefix('项').unwrap_or(rest)))
}

/// `第N项 方案|报告 [日期]`, the kind also accepted before the number.
fn assign(mail: i64, s: &str, year: i32) -> Result<Command, Unreadable> {
    let (activity, kind, rest) = match (activity_number(s), kind_word(s)) {
        (Some((n, r)), _) => match kind_word(r) {
            Some((k, r)) => (n, k, r),
            None => return unreadable("缺少材料类型（方案或报告）", FORM_ASSIGN),
        },
        (None, Some((k, r))) => match activity_number(r) {
            Some((n, r)) => (n, k, r),
            None => return unreadable("缺少活动序号（第N项）", FORM_ASSIGN),
        },
        (None, None) => return unreadable("未能识别该指令", FORM_MAIL),
    };
    if activity == 0 {
        return unreadable("活动序号应从1开始", FORM_ASSIGN);
    }
    let rest = rest
        .trim_start_matches([',', '，', '、', ';', '；'])
        .trim_start_matches("活动日期")
        .trim_start_matches("日期")
        .trim_start_matches([':', '：']);
    // The digest's placeholder left as it is: no date.
    let rest = match rest {
        "日期" | "[日期]" | "(日期)" | "（日期）" | "【日期】" => "",
        r => r,
    };
    let (date, end) = if rest.is_empty() {
        (None, None)
    } else {
        match date_range(rest, year) {
            Some((d, e)) => (Some(d), e),
            None => {
                return unreadable(
                    format!("未能识别日期“{rest}”（日期写作 2023-04-28 或 4月28日）"),
                    FORM_ASSIGN,
                )
            }
        }
    };
    Ok(Command::Assign {
        mail,
        activity,
        kind,
        date,
        end,
    })
}

/// A date, or a range `A至B` (B may omit the year and month: `9月11日至17日`).
pub fn date_range(s: &str, year: i32) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let (first, rest) = date(s, year, None)?;
    let rest = rest.trim_end_matches(['。', '.']);
    if rest.is_empty() {
        return Some((first, None));
    }
    let rest = ["至", "到", "~", "～", "—", "-"]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?;
    let (last, tail) = date(rest, first.year(), Some(first))?;
    (tail.trim_end_matches(['。', '.']).is_empty() && last >= first).then_some((first, Some(last)))
}

fn number(s: &str) -> Option<(u32, &str)> {
    let n = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 4 {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// One date at the start of `s`; `after` (the first day of a range) lends its year and month
/// to a bare day (`17日`).
fn date(s: &str, year: i32, after: Option<NaiveDate>) -> Option<(NaiveDate, &str)> {
    let (a, rest) = number(s)?;
    // 2023-04-28, 2023/4/28, 2023.4.28, 2023年4月28日
    if a >= 1000 {
        let rest = rest.strip_prefix(['-', '/', '.', '年'])?;
        let (m, rest) = number(rest)?;
        let rest = rest.strip_prefix(['-', '/', '.', '月'])?;
        let (d, rest) = number(rest)?;
        let rest = rest.strip_prefix(['日', '号']).unwrap_or(rest);
        return Some((NaiveDate::from_ymd_opt(a as i32, m, d)?, rest));
    }
    // 4月28日, 4-28, 4/28
    if let Some(r) = rest.strip_prefix(['月', '-', '/', '.']) {
        if let Some((d, r)) = number(r) {
            let r = r.strip_prefix(['日', '号']).unwrap_or(r);
            return Some((NaiveDate::from_ymd_opt(year, a, d)?, r));
        }
    }
    // 17日, in a range
    let first = after?;
    let r = rest.strip_prefix(['日', '号'])?;
    Some((NaiveDate::from_ymd_opt(first.year(), first.month(), a)?, r))
}

/// `确认邮箱 单位名 地址` (the address found wherever it stands; the rest is the unit).
fn confirm_address(rest: &str) -> Result<Command, Unreadable> {
    let Some((address, unit)) = split_address(rest) else {
        return unreadable("缺少邮箱地址", FORM_CONFIRM_ADDRESS);
    };
    if unit.is_empty() {
        return unreadable("缺少单位名称", FORM_CONFIRM_ADDRESS);
    }
    Ok(Command::ConfirmAddress { unit, address })
}

fn delete_address(rest: &str) -> Result<Command, Unreadable> {
    match split_address(rest) {
        Some((address, _)) => Ok(Command::DeleteAddress { address }),
        None => unreadable("缺少邮箱地址", FORM_DELETE_ADDRESS),
    }
}

/// The first e-mail address in `s` (lowercase) and the rest of `s` without it or spaces.
fn split_address(s: &str) -> Option<(String, String)> {
    let at = s.find('@')?;
    let is_addr = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let start = s[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_addr(*c))
        .last()
        .map(|(i, _)| i)?;
    let end = at
        + 1
        + s[at + 1..]
            .char_indices()
            .take_while(|(_, c)| is_addr(*c))
            .last()
            .map(|(i, c)| i + c.len_utf8())?;
    let address = s[start..end].trim_end_matches('.').to_lowercase();
    let unit: String = format!("{}{}", &s[..start], &s[end..])
        .chars()
        .filter(|c| !c.is_whitespace() && !":：,，;；。<>《》".contains(*c))
        .collect();
    Some((address, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn one(s: &str) -> Result<Command, Unreadable> {
        let v = commands(s, 2023);
        assert_eq!(v.len(), 1, "{s:?}: {v:?}");
        v.into_iter().next().unwrap().command
    }

    #[test]
    fn assign_in_every_spelling() {
        let want = Command::Assign {
            mail: 12,
            activity: 3,
            kind: Kind::Report,
            date: Some(d(2023, 4, 28)),
            end: None,
        };
        for s in [
            "#12 第3项 报告 2023-04-28",
            "＃１２　第３项　报告　2023-04-28",
            "# 12 第 3 项 报告 4月28日",
            "#12第3项报告4月28日",
            "#12 第3项 情况报告 2023年4月28日",
            "#12 报告 第3项 2023/4/28",
            "1. #12 第3项 报告 活动日期：4月28日",
        ] {
            assert_eq!(one(s), Ok(want.clone()), "{s}");
        }
        assert_eq!(
            one("#7 第9项 方案"),
            Ok(Command::Assign {
                mail: 7,
                activity: 9,
                kind: Kind::Plan,
                date: None,
                end: None
            })
        );
        assert_eq!(
            one("#7 第9项 方案 日期"),
            Ok(Command::Assign {
                mail: 7,
                activity: 9,
                kind: Kind::Plan,
                date: None,
                end: None
            }),
            "the digest's placeholder left in"
        );
        assert_eq!(
            one("#7 第20项 方案 9月11日至17日"),
            Ok(Command::Assign {
                mail: 7,
                activity: 20,
                kind: Kind::Plan,
                date: Some(d(2023, 9, 11)),
                end: Some(d(2023, 9, 17))
            })
        );
    }

    #[test]
    fn the_short_commands() {
        assert_eq!(one("#5 其他"), Ok(Command::Other { mail: 5 }));
        assert_eq!(one("＃5 确认"), Ok(Command::Confirm { mail: 5 }));
        assert_eq!(
            one("#5 发布"),
            Ok(Command::Publish {
                mail: 5,
                publish: true
            })
        );
        assert_eq!(
            one("#5 不发布"),
            Ok(Command::Publish {
                mail: 5,
                publish: false
            })
        );
        assert_eq!(
            one("确认邮箱 县公安局 ABC@qq.com"),
            Ok(Command::ConfirmAddress {
                unit: "县公安局".into(),
                address: "abc@qq.com".into()
            })
        );
        assert_eq!(
            one("确认邮箱：县公安局<abc@qq.com>"),
            Ok(Command::ConfirmAddress {
                unit: "县公安局".into(),
                address: "abc@qq.com".into()
            })
        );
        assert_eq!(
            one("删除邮箱 abc@qq.com"),
            Ok(Command::DeleteAddress {
                address: "abc@qq.com".into()
            })
        );
    }

    #[test]
    fn what_the_issue_saw_is_unreadable_with_the_form() {
        let e = one("#11 活动日期改为4月28日").unwrap_err();
        assert_eq!(e.form, FORM_MAIL);
        let e = one("#11 第3项 4月28日").unwrap_err();
        assert!(e.why.contains("方案或报告"), "{e:?}");
        let e = one("#11 第3项 报告 明天").unwrap_err();
        assert!(e.why.contains("明天"), "{e:?}");
        let e = one("#11 第3项 报告 2月30日").unwrap_err();
        assert!(e.why.contains("日期"), "{e:?}");
        assert!(one("#十一 确认").is_err());
        assert!(one("确认邮箱 县公安局").is_err());
        assert!(one("确认邮箱 abc@qq.com").is_err());
    }

    #[test]
    fn other_lines_are_not_commands_and_keep_their_numbers() {
        let v = commands(
            "好的，收到。\n\n#3 确认\n回复：#4 确认\n发自我的iPhone\n#5 其他",
            2023,
        );
        let got: Vec<(usize, &str)> = v.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(got, vec![(3, "#3 确认"), (6, "#5 其他")]);
    }

    #[test]
    fn several_submissions_of_one_mail_in_one_line() {
        let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day);
        let want = Command::AssignSeveral {
            mail: 12,
            parts: vec![
                AssignPart {
                    activity: 8,
                    kind: Kind::Report,
                    date: d(5, 26),
                    end: None,
                },
                AssignPart {
                    activity: 15,
                    kind: Kind::Plan,
                    date: None,
                    end: None,
                },
            ],
        };
        for line in [
            "#12 第8项 报告 5月26日；第15项 方案",
            "＃１２ 第8项报告 2023-05-26 + 第15项 方案",
            "#12 第8项 报告 5月26日; 第15项 方案",
        ] {
            assert_eq!(commands(line, 2023)[0].command, Ok(want.clone()), "{line}");
        }
        // A date after ；is still the one submission's date.
        assert_eq!(
            commands("#12 第3项 报告；4月28日", 2023)[0].command,
            Ok(Command::Assign {
                mail: 12,
                activity: 3,
                kind: Kind::Report,
                date: d(4, 28),
                end: None,
            })
        );
    }
}
