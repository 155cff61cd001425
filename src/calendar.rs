//! The working-day calendar: Monday to Friday, minus statutory holidays, plus the make-up
//! working days (调休) the State Council announces each year.
//!
//! The calendar is data (`config/calendar/YYYY.toml`, one file a year), never code. A date in
//! a year the data does not cover is an error naming that year: guessing "weekends only" would
//! silently move deadlines by a week around Spring Festival or National Day.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

use crate::error::{ConfigProblem, Error, Result};
use crate::textpos::line_of;

/// Whether a date is worked, and why when it is not the usual weekday/weekend rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayKind {
    Workday(Option<String>),
    Rest(Option<String>),
}

impl DayKind {
    pub fn is_workday(&self) -> bool {
        matches!(self, DayKind::Workday(_))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    years: BTreeMap<i32, String>,
    holidays: BTreeMap<NaiveDate, String>,
    makeup: BTreeMap<NaiveDate, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    year: toml::Spanned<i32>,
    source: String,
    #[serde(default)]
    rest: Vec<toml::Spanned<RestRange>>,
    #[serde(default)]
    workday: Vec<toml::Spanned<Makeup>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RestRange {
    name: String,
    from: toml::value::Datetime,
    to: Option<toml::value::Datetime>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Makeup {
    name: String,
    date: toml::value::Datetime,
}

fn to_date(d: &toml::value::Datetime) -> Option<NaiveDate> {
    let date = d.date.as_ref()?;
    if d.time.is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32)
}

impl Calendar {
    /// Loads every `*.toml` file of a directory, one year each.
    pub fn load_dir(dir: &Path) -> Result<Calendar> {
        let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        let mut cal = Calendar::default();
        let mut problems = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).map_err(|source| Error::Read {
                path: file.clone(),
                source,
            })?;
            cal.add_year_file(&file, &text, &mut problems);
        }
        if cal.years.is_empty() && problems.is_empty() {
            problems.push(ConfigProblem {
                file: dir.to_path_buf(),
                line: 0,
                message: "没有找到任何年份的节假日文件".into(),
                fix: "按国务院办公厅节假日安排通知，每年添加一个“年份.toml”文件".into(),
            });
        }
        if problems.is_empty() {
            Ok(cal)
        } else {
            Err(Error::Config(problems))
        }
    }

    /// Parses one year's file; problems are appended, never fatal to the other years.
    pub fn add_year_file(&mut self, file: &Path, text: &str, problems: &mut Vec<ConfigProblem>) {
        let mut problem = |line: usize, message: String, fix: &str| {
            problems.push(ConfigProblem {
                file: file.to_path_buf(),
                line,
                message,
                fix: fix.to_string(),
            })
        };
        let parsed: YearFile = match toml::from_str(text) {
            Ok(p) => p,
            Err(e) => {
                let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
                problem(
                    line,
                    format!("TOML 有误：{}", e.message().trim()),
                    "每年的文件包含 `year`、`source`、[[rest]]（name、from、to）和 [[workday]]（name、date）",
                );
                return;
            }
        };
        let year = *parsed.year.get_ref();
        if let Some(stem) = file.file_stem().and_then(|s| s.to_str()) {
            if stem.parse::<i32>().ok() != Some(year) {
                problem(
                    line_of(text, parsed.year.span().start),
                    format!("文件名为 {stem}，内容却是 year = {year}"),
                    "文件名应与所写年份一致",
                );
            }
        }
        if self.years.contains_key(&year) {
            problem(
                line_of(text, parsed.year.span().start),
                format!("{year} 年重复出现"),
                "每年只保留一个文件",
            );
            return;
        }
        let in_year = |d: NaiveDate| d.year() == year;
        for r in &parsed.rest {
            let line = line_of(text, r.span().start);
            let r = r.get_ref();
            let (Some(from), to) = (to_date(&r.from), r.to.as_ref().map(to_date)) else {
                problem(
                    line,
                    format!("{} 的 `from` 不是日期", r.name),
                    "日期写作 2023-04-29",
                );
                continue;
            };
            let to = match to {
                None => from,
                Some(Some(t)) => t,
                Some(None) => {
                    problem(
                        line,
                        format!("{} 的 `to` 不是日期", r.name),
                        "日期写作 2023-05-03",
                    );
                    continue;
                }
            };
            if to < from || (to - from).num_days() > 31 {
                problem(
                    line,
                    format!("放假时段 {} 从 {from} 到 {to}，不合理", r.name),
                    "`to` 不能早于 `from`，且不超过一个月",
                );
                continue;
            }
            let mut d = from;
            while d <= to {
                if in_year(d) {
                    self.holidays.insert(d, r.name.clone());
                }
                d += Duration::days(1);
            }
        }
        for w in &parsed.workday {
            let line = line_of(text, w.span().start);
            let w = w.get_ref();
            let Some(date) = to_date(&w.date) else {
                problem(
                    line,
                    format!("{} 的 `date` 不是日期", w.name),
                    "日期写作 2023-04-23",
                );
                continue;
            };
            if !is_weekend(date) {
                problem(
                    line,
                    format!("调休上班日 {date} 不是星期六或星期日"),
                    "只列出需要上班的周末",
                );
                continue;
            }
            if self.holidays.contains_key(&date) {
                problem(line, format!("{date} 同时被列为放假和上班"), "删去其中一条");
                continue;
            }
            if in_year(date) {
                self.makeup.insert(date, w.name.clone());
            }
        }
        self.years.insert(year, parsed.source);
    }

    pub fn years(&self) -> BTreeSet<i32> {
        self.years.keys().copied().collect()
    }

    pub fn source(&self, year: i32) -> Option<&str> {
        self.years.get(&year).map(String::as_str)
    }

    pub fn covers(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind> {
        if !self.covers(date.year()) {
            return Err(Error::YearNotCovered { year: date.year() });
        }
        if let Some(name) = self.holidays.get(&date) {
            return Ok(DayKind::Rest(Some(name.clone())));
        }
        if let Some(name) = self.makeup.get(&date) {
            return Ok(DayKind::Workday(Some(name.clone())));
        }
        Ok(if is_weekend(date) {
            DayKind::Rest(None)
        } else {
            DayKind::Workday(None)
        })
    }

    pub fn is_workday(&self, date: NaiveDate) -> Result<bool> {
        Ok(self.day_kind(date)?.is_workday())
    }

    /// The date `n` working days strictly after (`n > 0`) or before (`n < 0`) `date`.
    /// `n == 0` returns `date` itself.
    pub fn add_workdays(&self, date: NaiveDate, n: i32) -> Result<NaiveDate> {
        let step = if n >= 0 { 1 } else { -1 };
        let mut left = n.abs();
        let mut d = date;
        if !self.covers(d.year()) {
            return Err(Error::YearNotCovered { year: d.year() });
        }
        while left > 0 {
            d += Duration::days(step);
            if self.is_workday(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }

    /// Working days in `(from, to]`: how many working days must pass from `from` to reach `to`.
    /// Negative when `to` is before `from`.
    pub fn workdays_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        let (a, b, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut n = 0;
        let mut d = a;
        while d < b {
            d += Duration::days(1);
            if self.is_workday(d)? {
                n += 1;
            }
        }
        Ok(n * sign)
    }

    /// The first working day on or after `date`.
    pub fn next_workday_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate> {
        let mut d = date;
        while !self.is_workday(d)? {
            d += Duration::days(1);
        }
        Ok(d)
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    pub(crate) fn real() -> Calendar {
        Calendar::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("config/calendar")).unwrap()
    }

    #[test]
    fn state_council_2023_arrangements() {
        let c = real();
        for (day, work) in [
            ("2023-01-02", false),
            ("2023-01-28", true),
            ("2023-01-29", true),
            ("2023-04-05", false),
            ("2023-04-23", true),
            ("2023-04-29", false),
            ("2023-05-03", false),
            ("2023-05-04", true),
            ("2023-05-06", true),
            ("2023-06-23", false),
            ("2023-06-25", true),
            ("2023-09-29", false),
            ("2023-10-06", false),
            ("2023-10-07", true),
            ("2023-10-08", true),
            ("2024-02-04", true),
            ("2024-02-16", false),
            ("2025-01-26", true),
            ("2025-10-08", false),
            ("2025-10-11", true),
            ("2026-01-04", true),
            ("2026-02-23", false),
            ("2026-02-28", true),
            ("2026-10-10", true),
        ] {
            assert_eq!(c.is_workday(d(day)).unwrap(), work, "{day}");
        }
    }

    #[test]
    fn deadlines_across_makeup_days() {
        let c = real();
        // DESIGN §2: activity Fri 2023-04-21: plan due Fri 04-14, report due Thu 04-27.
        assert_eq!(
            c.add_workdays(d("2023-04-21"), -5).unwrap(),
            d("2023-04-14")
        );
        assert_eq!(c.add_workdays(d("2023-04-21"), 5).unwrap(), d("2023-04-27"));
        // Across May Day: Thu 04-27 + 3 → 04-28, 05-04, 05-05.
        assert_eq!(c.add_workdays(d("2023-04-27"), 3).unwrap(), d("2023-05-05"));
        // Saturday 05-06 counts.
        assert_eq!(c.add_workdays(d("2023-05-05"), 1).unwrap(), d("2023-05-06"));
        // National Day: activity Mon 10-09; Sun 10-08 and Sat 10-07 are worked, 09-29..10-06 rest.
        assert_eq!(
            c.add_workdays(d("2023-10-09"), -5).unwrap(),
            d("2023-09-26")
        );
        assert_eq!(c.add_workdays(d("2023-09-28"), 1).unwrap(), d("2023-10-07"));
        assert_eq!(
            c.workdays_between(d("2023-04-21"), d("2023-04-27"))
                .unwrap(),
            5
        );
        assert_eq!(
            c.workdays_between(d("2023-04-27"), d("2023-04-21"))
                .unwrap(),
            -5
        );
    }

    #[test]
    fn uncovered_year_is_an_error_naming_it() {
        let c = real();
        let err = c.is_workday(d("2022-12-30")).unwrap_err();
        assert!(err.to_string().contains("2022"), "{err}");
        let err = c.add_workdays(d("2026-12-30"), 5).unwrap_err();
        assert!(matches!(err, Error::YearNotCovered { year: 2027 }), "{err}");
    }

    #[test]
    fn bad_year_file_reports_line_and_fix() {
        let mut c = Calendar::default();
        let mut problems = Vec::new();
        let text =
            "year = 2030\nsource = \"x\"\n\n[[workday]]\nname = \"调休\"\ndate = 2030-01-02\n";
        c.add_year_file(Path::new("2030.toml"), text, &mut problems);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 4);
        assert!(problems[0].message.contains("不是星期六或星期日"));
        let mut problems = Vec::new();
        c.add_year_file(
            Path::new("2031.toml"),
            "year = 2031\nsource = 5\n",
            &mut problems,
        );
        assert_eq!(problems[0].line, 2, "{problems:?}");
    }
}
