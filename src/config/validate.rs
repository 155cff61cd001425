//! Validation: from the parsed TOML to the typed parts of [`Config`](super::Config), with every
//! problem reported as file, line, what is wrong and what to change.
//!
//! Each function here checks one part of the configuration file (and the files it names: the
//! units file, the schedule, the calendar folder) and pushes its problems onto the caller's list
//! instead of stopping at the first one, returning a usable placeholder so the remaining parts
//! are still checked. `Config::from_str` calls them in a fixed order, and that order is the order
//! in which problems are reported; keep it. Messages and fixes are read by the office and checked
//! by tests: change them only on purpose.
//!
//! Nothing here reads a secret (a [`Secret`] only names where it is), touches mail or writes a
//! file; the only I/O is reading the files the configuration names.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use super::raw::{RawConfig, RawPolicy, UnitsFile};
use super::schedule::parse_schedule;
use super::units::{is_plausible_address, parse_units};
use super::{Activity, ImapConfig, Intake, Outgoing, Policy, Secret, Security, SmtpConfig, Unit};
use crate::calendar::Calendar;
use crate::error::{ConfigProblem, Error, Result};
use crate::textpos::{line_containing, line_of};

/// The configuration file being checked: its path, its text and the folder its relative paths
/// are relative to.
pub(super) struct Source<'a> {
    pub(super) path: &'a Path,
    pub(super) text: &'a str,
    pub(super) base: PathBuf,
}

impl<'a> Source<'a> {
    pub(super) fn new(path: &'a Path, text: &'a str) -> Self {
        let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        Source { path, text, base }
    }

    /// A path as written in the configuration: relative to the config file, `.` and `..`
    /// removed.
    pub(super) fn resolve(&self, p: &str) -> PathBuf {
        let p = Path::new(p);
        normalize(&if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base.join(p)
        })
    }
}

/// Parses the TOML; a syntax error or an unknown key is the one problem reported, since nothing
/// else can be checked without the parsed file.
pub(super) fn parse(path: &Path, text: &str) -> Result<RawConfig> {
    let raw: RawConfig = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            let msg = e.message().to_string();
            let fix = if msg.contains("unknown field `password`")
                || msg.contains("unknown field `secret`")
            {
                "授权码等密码不能写在配置文件中：改用 `password_env = \"环境变量名\"` 或 `password_file = \"/路径\"`".to_string()
            } else if msg.contains("unknown field") {
                "删除或改正这一项；各节可用的项见示例配置 config/dongkou-2023.toml（安装后为 /etc/themeday/themeday.toml）".to_string()
            } else {
                "改正这一行的 TOML 写法或取值".to_string()
            };
            return Err(Error::Config(vec![ConfigProblem {
                file: path.to_path_buf(),
                line,
                message: format!("TOML 有误：{}", msg.trim()),
                fix,
            }]));
        }
    };
    Ok(raw)
}

/// `[office] timezone`, Asia/Shanghai when absent.
pub(super) fn timezone(src: &Source, raw: &RawConfig, problems: &mut Vec<ConfigProblem>) -> Tz {
    let (path, text) = (src.path, src.text);
    let mut problem = |line: usize, message: String, fix: &str| {
        problems.push(ConfigProblem {
            file: path.to_path_buf(),
            line,
            message,
            fix: fix.into(),
        })
    };
    let timezone: Tz = match raw
        .office
        .timezone
        .as_deref()
        .unwrap_or("Asia/Shanghai")
        .parse()
    {
        Ok(tz) => tz,
        Err(_) => {
            problem(
                line_containing(text, "timezone").unwrap_or(0),
                "未知的时区".into(),
                "填写 IANA 时区名，如 Asia/Shanghai",
            );
            chrono_tz::Asia::Shanghai
        }
    };
    timezone
}

/// The unit directory: inline `[[unit]]` entries and/or the `units` file under `[season]`.
///
/// Problems about finding the directory go to `problems`; problems inside its entries are
/// returned separately, because they are reported after the schedule's (see `Config::from_str`).
pub(super) fn unit_directory(
    src: &Source,
    raw: &RawConfig,
    problems: &mut Vec<ConfigProblem>,
) -> (Vec<Unit>, Vec<ConfigProblem>) {
    let (path, text) = (src.path, src.text);
    let resolve = |p: &str| src.resolve(p);
    let mut problem = |line: usize, message: String, fix: &str| {
        problems.push(ConfigProblem {
            file: path.to_path_buf(),
            line,
            message,
            fix: fix.into(),
        })
    };
    let mut seen_names: HashMap<String, (usize, String)> = HashMap::new();
    let mut unit_problems = Vec::new();
    let mut units = parse_units(path, text, &raw.unit, &mut seen_names, &mut unit_problems);
    if let Some(f) = &raw.season.units {
        let upath = resolve(f);
        match std::fs::read_to_string(&upath) {
            Err(e) => problem(
                line_containing(text, "units").unwrap_or(0),
                format!(
                    "无法读取单位名录 {}：{}",
                    upath.display(),
                    crate::error::io_zh(&e)
                ),
                "`units` 应指向由 [[unit]] 条目组成的文件（相对于本配置文件）",
            ),
            Ok(utext) => match toml::from_str::<UnitsFile>(&utext) {
                Ok(uf) => units.extend(parse_units(
                    &upath,
                    &utext,
                    &uf.unit,
                    &mut seen_names,
                    &mut unit_problems,
                )),
                Err(e) => unit_problems.push(ConfigProblem {
                    file: upath.clone(),
                    line: e.span().map(|s| line_of(&utext, s.start)).unwrap_or(0),
                    message: format!("TOML 有误：{}", e.message().trim()),
                    fix: "每个 [[unit]] 包含 name、full_name、aliases = [...] 和 addresses = [...]"
                        .into(),
                }),
            },
        }
    }
    if units.is_empty() {
        problem(
            0,
            "单位名录为空".into(),
            "添加 [[unit]] 条目，或在 [season] 中写 `units = \"文件名\"`",
        );
    }
    (units, unit_problems)
}

/// The schedule named by `[season] schedule`, each activity's 责任单位 checked against `units`.
///
/// A schedule that cannot be read goes to `problems`; problems inside it are returned with the
/// schedule's path, activities and all.
pub(super) fn schedule(
    src: &Source,
    raw: &RawConfig,
    units: &[Unit],
    problems: &mut Vec<ConfigProblem>,
) -> (PathBuf, Vec<Activity>, Vec<ConfigProblem>) {
    let (path, text) = (src.path, src.text);
    let resolve = |p: &str| src.resolve(p);
    let mut problem = |line: usize, message: String, fix: &str| {
        problems.push(ConfigProblem {
            file: path.to_path_buf(),
            line,
            message,
            fix: fix.into(),
        })
    };
    let schedule_path = resolve(&raw.season.schedule);
    let year = raw.season.year;
    let mut activities = Vec::new();
    let mut schedule_problems = Vec::new();
    match std::fs::read_to_string(&schedule_path) {
        Err(e) => problem(
            line_containing(text, "schedule").unwrap_or(0),
            format!(
                "无法读取活动计划表 {}：{}",
                schedule_path.display(),
                crate::error::io_zh(&e)
            ),
            "`schedule` 应指向实施方案附件“活动计划表”的 TSV 文件（相对于本配置文件）",
        ),
        Ok(tsv) => {
            let (acts, mut sproblems) = parse_schedule(&schedule_path, &tsv, year);
            for p in &mut sproblems {
                p.file = schedule_path.clone();
            }
            for a in &acts {
                if !units.iter().any(|u: &Unit| u.name == a.unit) {
                    let hint = units
                        .iter()
                        .find(|u| u.names(&raw.office.county).iter().any(|n| n == &a.unit))
                        .map(|u| format!("写作单位名录中的名称“{}”", u.name))
                        .unwrap_or_else(|| {
                            format!(
                                "在 {} 中添加 name = {:?} 的 [[unit]]",
                                path.display(),
                                a.unit
                            )
                        });
                    sproblems.push(ConfigProblem {
                        file: schedule_path.clone(),
                        line: a.line,
                        message: format!("第{}项的责任单位“{}”不在单位名录中", a.number, a.unit),
                        fix: hint,
                    });
                }
            }
            schedule_problems = sproblems;
            activities = acts;
        }
    }
    (schedule_path, activities, schedule_problems)
}

/// An empty schedule is a problem only when nothing else is wrong (a schedule that failed to
/// parse says so already).
pub(super) fn require_activities(
    schedule_path: &Path,
    activities: &[Activity],
    problems: &mut Vec<ConfigProblem>,
) {
    if activities.is_empty() && problems.is_empty() {
        problems.push(ConfigProblem {
            file: schedule_path.to_path_buf(),
            line: 0,
            message: "活动计划表中没有活动".into(),
            fix: "粘贴实施方案附件的表格（序号、活动主题、活动形式、责任单位、计划开展时间）"
                .into(),
        });
    }
}

/// The working-day calendar folder; it must cover the season year.
pub(super) fn calendar(
    src: &Source,
    raw: &RawConfig,
    year: i32,
    problems: &mut Vec<ConfigProblem>,
) -> (PathBuf, Calendar) {
    let (path, text) = (src.path, src.text);
    let resolve = |p: &str| src.resolve(p);
    let calendar_dir = resolve(raw.season.calendar.as_deref().unwrap_or("calendar"));
    let calendar = match Calendar::load_dir(&calendar_dir) {
        Ok(c) => c,
        Err(Error::Config(ps)) => {
            problems.extend(ps);
            Calendar::default()
        }
        Err(e) => {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, "calendar").unwrap_or(0),
                message: e.to_string(),
                fix: "`calendar` 应指向存放“年份.toml”节假日文件的目录".into(),
            });
            Calendar::default()
        }
    };
    if !calendar.years().is_empty() && !calendar.covers(year) {
        problems.push(ConfigProblem {
            file: path.to_path_buf(),
            line: line_containing(text, "year").unwrap_or(0),
            message: format!("工作日历缺少活动年度 {year} 年的数据"),
            fix: format!(
                "按国务院办公厅节假日安排通知添加 {}/{year}.toml",
                calendar_dir.display()
            ),
        });
    }
    (calendar_dir, calendar)
}

/// `[season] required_months`, sorted and deduplicated.
pub(super) fn required_months(
    src: &Source,
    raw: &RawConfig,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<u32> {
    let (path, text) = (src.path, src.text);
    let mut required_months = raw.season.required_months.clone().unwrap_or_default();
    required_months.sort_unstable();
    required_months.dedup();
    if required_months.iter().any(|m| !(1..=12).contains(m)) {
        problems.push(ConfigProblem {
            file: path.to_path_buf(),
            line: line_containing(text, "required_months").unwrap_or(0),
            message: "required_months 中有不在 1–12 之间的月份".into(),
            fix: "月份写作 1 到 12 的数字".into(),
        });
    }
    required_months
}

/// Where a `[mailbox]` or `[outgoing]` secret is to be read from: never the secret itself.
fn secret_of(
    src: &Source,
    section: &str,
    env: &Option<String>,
    file: &Option<String>,
    problems: &mut Vec<ConfigProblem>,
) -> Secret {
    let (path, text) = (src.path, src.text);
    let resolve = |p: &str| src.resolve(p);
    match (env, file) {
        (Some(_), Some(_)) => {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, "password_file").unwrap_or(0),
                message: format!("[{section}] 同时写了 password_env 和 password_file"),
                fix: "只保留其中一项".into(),
            });
            Secret::None
        }
        (Some(v), None) => Secret::Env(v.clone()),
        (None, Some(f)) => Secret::File(resolve(f)),
        (None, None) => Secret::None,
    }
}

/// `[mailbox]`: where mail comes in.
pub(super) fn intake(src: &Source, raw: &RawConfig, problems: &mut Vec<ConfigProblem>) -> Intake {
    let (path, text, base) = (src.path, src.text, &src.base);
    let resolve = |p: &str| src.resolve(p);
    let intake = match raw.mailbox.kind.as_str() {
        "maildir" => Intake::Maildir {
            path: resolve(raw.mailbox.path.as_deref().unwrap_or("maildir")),
            poll_seconds: raw.mailbox.poll_seconds.unwrap_or(5),
        },
        "imap" => {
            let security = parse_security(raw.mailbox.security.as_deref().unwrap_or("tls"));
            let secret = secret_of(
                src,
                "mailbox",
                &raw.mailbox.password_env,
                &raw.mailbox.password_file,
                problems,
            );
            Intake::Imap(ImapConfig {
                host: raw
                    .mailbox
                    .host
                    .clone()
                    .unwrap_or_else(|| "imap.qq.com".into()),
                port: raw.mailbox.port.unwrap_or(match security {
                    Some(Security::Tls) | None => 993,
                    _ => 143,
                }),
                security: security.unwrap_or(Security::Tls),
                user: raw
                    .mailbox
                    .user
                    .clone()
                    .unwrap_or_else(|| raw.office.address.clone()),
                secret,
                folder: raw.mailbox.folder.clone().unwrap_or_else(|| "INBOX".into()),
                send_id: raw.mailbox.send_id.unwrap_or(false),
                ca_file: raw.mailbox.ca_file.as_deref().map(resolve),
                poll_seconds: raw.mailbox.poll_seconds.unwrap_or(60),
                idle: raw.mailbox.idle.unwrap_or(true),
            })
        }
        other => {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, "kind").unwrap_or(0),
                message: format!("未知的收信方式 {other:?}"),
                fix: "写 kind = \"imap\" 或 kind = \"maildir\"".into(),
            });
            Intake::Maildir {
                path: base.clone(),
                poll_seconds: 5,
            }
        }
    };
    if let Some(s) = raw.mailbox.security.as_deref() {
        if parse_security(s).is_none() {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, "security").unwrap_or(0),
                message: format!("未知的加密方式 {s:?}"),
                fix: "写 \"tls\"（端口 993/465）、\"starttls\"（143/587）或 \"plain\"（仅用于本机测试）".into(),
            });
        }
    }
    intake
}

/// `[outgoing]`: how mail goes out.
pub(super) fn outgoing(
    src: &Source,
    raw: &RawConfig,
    problems: &mut Vec<ConfigProblem>,
) -> Outgoing {
    let (path, text, base) = (src.path, src.text, &src.base);
    let resolve = |p: &str| src.resolve(p);
    let outgoing = match raw.outgoing.kind.as_str() {
        "file" => Outgoing::File {
            dir: resolve(raw.outgoing.dir.as_deref().unwrap_or("outbox")),
        },
        "smtp" => {
            let security = parse_security(raw.outgoing.security.as_deref().unwrap_or("tls"));
            if security.is_none() {
                problems.push(ConfigProblem {
                    file: path.to_path_buf(),
                    line: line_containing(text, "security").unwrap_or(0),
                    message: "[outgoing] 的加密方式未知".into(),
                    fix: "写 \"tls\"（465）、\"starttls\"（587）或 \"plain\"（仅用于本机测试）"
                        .into(),
                });
            }
            let security = security.unwrap_or(Security::Tls);
            let secret = secret_of(
                src,
                "outgoing",
                &raw.outgoing.password_env,
                &raw.outgoing.password_file,
                problems,
            );
            Outgoing::Smtp(SmtpConfig {
                host: raw
                    .outgoing
                    .host
                    .clone()
                    .unwrap_or_else(|| "smtp.qq.com".into()),
                port: raw.outgoing.port.unwrap_or(match security {
                    Security::Tls => 465,
                    Security::StartTls => 587,
                    Security::Plain => 25,
                }),
                security,
                user: raw
                    .outgoing
                    .user
                    .clone()
                    .unwrap_or_else(|| raw.office.address.clone()),
                secret,
                ca_file: raw.outgoing.ca_file.as_deref().map(resolve),
            })
        }
        other => {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, "[outgoing]").unwrap_or(0),
                message: format!("未知的发信方式 {other:?}"),
                fix: "写 kind = \"smtp\" 或 kind = \"file\"".into(),
            });
            Outgoing::File { dir: base.clone() }
        }
    };
    outgoing
}

/// `[policy]` with its defaults; digests go to the office address unless `digest_to` says
/// otherwise.
pub(super) fn policy(
    src: &Source,
    raw_policy: Option<RawPolicy>,
    office_address: &str,
    problems: &mut Vec<ConfigProblem>,
) -> Policy {
    let (path, text) = (src.path, src.text);
    let p = raw_policy.unwrap_or_default();
    let policy = Policy {
        per_recipient_daily: p.per_recipient_daily.unwrap_or(10),
        new_address_acks_daily: p.new_address_acks_daily.unwrap_or(30),
        reminder_hour: p.reminder_hour.unwrap_or(9),
        month_notice_workdays: p.month_notice_workdays.unwrap_or(5),
        plan_reminder_workdays: p.plan_reminder_workdays.unwrap_or(3),
        report_reminder_workdays: p.report_reminder_workdays.unwrap_or(2),
        cc_office_on_overdue: p.cc_office_on_overdue.unwrap_or(true),
        digest_hour: p.digest_hour.unwrap_or(8),
        digest_to: p
            .digest_to
            .unwrap_or_else(|| vec![office_address.to_string()]),
        digest_horizon_workdays: p.digest_horizon_workdays.unwrap_or(5),
        command_token_days: p.command_token_days.unwrap_or(7),
    };
    if !(1..=60).contains(&policy.command_token_days) {
        problems.push(ConfigProblem {
            file: path.to_path_buf(),
            line: line_containing(text, "command_token_days").unwrap_or(0),
            message: format!(
                "command_token_days = {} is outside 1–60",
                policy.command_token_days
            ),
            fix: "use the number of days a digest's reply token stays valid, e.g. 7".into(),
        });
    }
    // Daily budgets: 0 would hold every acknowledgement; above 1,000 is no budget at all.
    for (key, n, min) in [
        ("per_recipient_daily", policy.per_recipient_daily, 1),
        ("new_address_acks_daily", policy.new_address_acks_daily, 0),
    ] {
        if n < min || n > 1000 {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, key).unwrap_or(0),
                message: format!("{key} = {n} is not a usable daily budget"),
                fix: format!("use {min} to 1000 (mails a day)"),
            });
        }
    }
    for (key, hour) in [
        ("reminder_hour", policy.reminder_hour),
        ("digest_hour", policy.digest_hour),
    ] {
        if hour > 23 {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, key).unwrap_or(0),
                message: format!("{key} = {hour} 不是一天中的钟点"),
                fix: "写 0 到 23（北京时间）".into(),
            });
        }
    }
    policy
}

/// `[office] address` must be an e-mail address.
pub(super) fn office_address(
    src: &Source,
    office_address: &str,
    problems: &mut Vec<ConfigProblem>,
) {
    let (path, text) = (src.path, src.text);
    if !is_plausible_address(&office_address.to_lowercase()) {
        problems.push(ConfigProblem {
            file: path.to_path_buf(),
            line: line_containing(text, "address").unwrap_or(0),
            message: format!("本办邮箱 {office_address:?} 不是电子邮件地址"),
            fix: "填写本办邮箱，如 43347867@qq.com".into(),
        });
    }
}

/// Removes `.` and `..` components lexically (`config/../var` → `var`), so paths shown to
/// the office read cleanly.
fn normalize(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    if out.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        out
    }
}

fn parse_security(s: &str) -> Option<Security> {
    match s.to_ascii_lowercase().as_str() {
        "tls" | "ssl" | "implicit" => Some(Security::Tls),
        "starttls" => Some(Security::StartTls),
        "plain" | "none" => Some(Security::Plain),
        _ => None,
    }
}
