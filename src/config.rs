//! Configuration: the notice as data.
//!
//! One TOML file names everything else: the schedule (a TSV pasted from the notice's 附件
//! table), the unit directory, the working-day calendar directory, the mailbox and the outgoing
//! transport, the store and the reminder policy. Relative paths are relative to the config
//! file. Everything is parsed and validated into one [`Config`] value before any I/O on mail;
//! every problem is reported with file, line and what to change, all at once.
//!
//! Secrets never live here: the IMAP/SMTP authorization code is read from an environment
//! variable or a file the config names, at the moment it is needed.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Deserialize;

use crate::calendar::Calendar;
use crate::error::{ConfigProblem, Error, Result};
use crate::textpos::{line_containing, line_of};

/// One row of the notice's schedule table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// 序号
    pub number: u32,
    /// 活动主题
    pub theme: String,
    /// 活动形式
    pub form: String,
    /// 责任单位, verbatim (the unit's `name` in the directory).
    pub unit: String,
    pub year: i32,
    /// 计划开展时间 (month, 1–12).
    pub month: u32,
    /// A fixed day when the schedule gives one (e.g. "6月26日").
    pub date: Option<NaiveDate>,
    /// Line in the schedule file.
    pub line: usize,
}

/// A responsible unit and the names people write for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The schedule's short name (责任单位), e.g. `县市监局`.
    pub name: String,
    /// Official full name, e.g. `洞口县市场监督管理局`.
    pub full_name: String,
    pub aliases: Vec<String>,
    /// Known sender addresses (lowercase).
    pub addresses: Vec<String>,
}

impl Unit {
    /// Every name this unit goes by, including derived forms with and without the county
    /// prefix (`洞口县水利局`, `县水利局`, `水利局`), longest first.
    pub fn names(&self, county: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |s: &str| {
            let s = s.trim();
            if s.chars().count() >= 2 && !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        };
        for base in std::iter::once(&self.name)
            .chain(std::iter::once(&self.full_name))
            .chain(self.aliases.iter())
        {
            push(base);
            let Some(stripped) = base
                .strip_prefix(county)
                .or_else(|| base.strip_prefix("县"))
            else {
                continue;
            };
            // Keep derived names that still say what the unit is (3+ characters, e.g. 水利局).
            if stripped.chars().count() >= 3 {
                push(stripped);
                push(&format!("县{stripped}"));
                push(&format!("{county}{stripped}"));
            }
        }
        out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Security {
    /// Implicit TLS (IMAPS 993, SMTPS 465).
    Tls,
    StartTls,
    /// No TLS: only for loopback tests.
    Plain,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Secret {
    Env(String),
    File(PathBuf),
    None,
}

impl Secret {
    pub fn read(&self) -> Result<String> {
        match self {
            Secret::Env(var) => std::env::var(var)
                .map_err(|_| Error::Secret(format!("environment variable {var} is not set"))),
            Secret::File(path) => std::fs::read_to_string(path)
                .map(|s| s.trim().to_string())
                .map_err(|e| Error::Secret(format!("{}: {e}", path.display()))),
            Secret::None => Ok(String::new()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImapConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: String,
    pub secret: Secret,
    pub folder: String,
    /// Send the RFC 2971 ID command after login (163/126 require it).
    pub send_id: bool,
    /// Extra trust root (PEM), for servers with a private CA such as the test servers.
    pub ca_file: Option<PathBuf>,
    pub poll_seconds: u64,
    pub idle: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intake {
    Imap(ImapConfig),
    Maildir { path: PathBuf, poll_seconds: u64 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: String,
    pub secret: Secret,
    pub ca_file: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outgoing {
    Smtp(SmtpConfig),
    File { dir: PathBuf },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Mails to one recipient per day, at most.
    pub per_recipient_daily: u32,
    /// Local hour at which reminders go out on working days.
    pub reminder_hour: u32,
    /// Working days before the planned month starts when the first notice goes out.
    pub month_notice_workdays: i32,
    /// Working days before the plan deadline when a plan reminder goes out.
    pub plan_reminder_workdays: i32,
    /// Working days before the report deadline when a report reminder goes out.
    pub report_reminder_workdays: i32,
    /// Copy the office on overdue notices.
    pub cc_office_on_overdue: bool,
    pub digest_hour: u32,
    pub digest_to: Vec<String>,
    /// How many working days ahead the digest looks for what is due.
    pub digest_horizon_workdays: i32,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub path: PathBuf,
    pub office_name: String,
    pub office_short_name: String,
    pub office_address: String,
    /// The office's own people (the notice's contacts) and their other addresses.
    pub office_staff: Vec<String>,
    pub office_staff_addresses: Vec<String>,
    /// The county's name as it prefixes unit names (洞口县).
    pub county: String,
    pub timezone: Tz,
    pub year: i32,
    /// Months the notice says must each have at least one theme.
    pub required_months: Vec<u32>,
    pub schedule_path: PathBuf,
    pub activities: Vec<Activity>,
    pub units: Vec<Unit>,
    pub calendar: Calendar,
    pub calendar_dir: PathBuf,
    pub intake: Intake,
    pub outgoing: Outgoing,
    pub database: PathBuf,
    pub archive_dir: PathBuf,
    pub policy: Policy,
    /// Base URL under which archived mail can be opened (for digest links), if any.
    pub archive_url: Option<String>,
}

impl Config {
    pub fn unit(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }

    pub fn activity(&self, number: u32) -> Option<&Activity> {
        self.activities.iter().find(|a| a.number == number)
    }

    pub fn activities_of<'a>(&'a self, unit: &'a str) -> impl Iterator<Item = &'a Activity> + 'a {
        self.activities.iter().filter(move |a| a.unit == unit)
    }

    /// Loads and validates a configuration file and everything it names.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_str(path, &text)
    }

    pub fn from_str(path: &Path, text: &str) -> Result<Config> {
        let mut problems = Vec::new();
        let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let raw: RawConfig = match toml::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
                let msg = e.message().to_string();
                let fix = if msg.contains("unknown field `password`")
                    || msg.contains("unknown field `secret`")
                {
                    "secrets do not belong in the config: use `password_env = \"VAR\"` or `password_file = \"/path\"`".to_string()
                } else if msg.contains("unknown field") {
                    "remove or rename the key; see config/dongkou-2023.toml for the keys each section takes".to_string()
                } else {
                    "correct the TOML syntax or value on that line".to_string()
                };
                return Err(Error::Config(vec![ConfigProblem {
                    file: path.to_path_buf(),
                    line,
                    message: msg.trim().to_string(),
                    fix,
                }]));
            }
        };
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
                    "unknown time zone".into(),
                    "use an IANA name such as Asia/Shanghai",
                );
                chrono_tz::Asia::Shanghai
            }
        };
        let resolve = |p: &str| -> PathBuf {
            let p = Path::new(p);
            normalize(&if p.is_absolute() {
                p.to_path_buf()
            } else {
                base.join(p)
            })
        };

        // Unit directory: inline [[unit]] entries and/or a units file.
        let mut seen_names: HashMap<String, (usize, String)> = HashMap::new();
        let mut unit_problems = Vec::new();
        let mut units = parse_units(path, text, &raw.unit, &mut seen_names, &mut unit_problems);
        if let Some(f) = &raw.season.units {
            let upath = resolve(f);
            match std::fs::read_to_string(&upath) {
                Err(e) => problem(
                    line_containing(text, "units").unwrap_or(0),
                    format!("cannot read unit directory {}: {e}", upath.display()),
                    "point `units` at the file of [[unit]] entries, relative to this file",
                ),
                Ok(utext) => match toml::from_str::<UnitsFile>(&utext) {
                    Ok(uf) => units.extend(parse_units(&upath, &utext, &uf.unit, &mut seen_names, &mut unit_problems)),
                    Err(e) => unit_problems.push(ConfigProblem {
                        file: upath.clone(),
                        line: e.span().map(|s| line_of(&utext, s.start)).unwrap_or(0),
                        message: e.message().trim().to_string(),
                        fix: "each [[unit]] has name, full_name, aliases = [...] and addresses = [...]".into(),
                    }),
                },
            }
        }
        if units.is_empty() {
            problem(
                0,
                "the unit directory is empty".into(),
                "add [[unit]] entries or `units = \"file\"` under [season]",
            );
        }

        // Schedule.
        let schedule_path = resolve(&raw.season.schedule);
        let year = raw.season.year;
        let mut activities = Vec::new();
        let mut schedule_problems = Vec::new();
        match std::fs::read_to_string(&schedule_path) {
            Err(e) => problem(
                line_containing(text, "schedule").unwrap_or(0),
                format!("cannot read schedule {}: {e}", schedule_path.display()),
                "point `schedule` at the TSV of the notice's 附件 table, relative to this file",
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
                            .map(|u| {
                                format!(
                                    "write it as {:?}, the name the unit directory uses",
                                    u.name
                                )
                            })
                            .unwrap_or_else(|| {
                                format!(
                                    "add a [[unit]] with name = {:?} to {}",
                                    a.unit,
                                    path.display()
                                )
                            });
                        sproblems.push(ConfigProblem {
                            file: schedule_path.clone(),
                            line: a.line,
                            message: format!(
                                "activity {} names unknown unit {:?}",
                                a.number, a.unit
                            ),
                            fix: hint,
                        });
                    }
                }
                schedule_problems = sproblems;
                activities = acts;
            }
        }
        problems.extend(unit_problems);
        problems.extend(schedule_problems);
        if activities.is_empty() && problems.is_empty() {
            problems.push(ConfigProblem {
                file: schedule_path.clone(),
                line: 0,
                message: "the schedule has no activities".into(),
                fix: "paste the notice's 附件 table (序号, 活动主题, 活动形式, 责任单位, 计划开展时间)".into(),
            });
        }

        // Calendar: must cover the season year (and the next, for reports after December).
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
                    fix: "point `calendar` at the folder of YYYY.toml holiday files".into(),
                });
                Calendar::default()
            }
        };
        if !calendar.years().is_empty() && !calendar.covers(year) {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, "year").unwrap_or(0),
                message: format!("the working-day calendar has no data for the season year {year}"),
                fix: format!(
                    "add {}/{year}.toml from the State Council's holiday notice",
                    calendar_dir.display()
                ),
            });
        }
        let mut required_months = raw.season.required_months.clone().unwrap_or_default();
        required_months.sort_unstable();
        required_months.dedup();
        if required_months.iter().any(|m| !(1..=12).contains(m)) {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, "required_months").unwrap_or(0),
                message: "required_months has a month outside 1–12".into(),
                fix: "list months as numbers 1 to 12".into(),
            });
        }

        // Mailbox and transport.
        let secret_of = |section: &str,
                         env: &Option<String>,
                         file: &Option<String>,
                         problems: &mut Vec<ConfigProblem>|
         -> Secret {
            match (env, file) {
                (Some(_), Some(_)) => {
                    problems.push(ConfigProblem {
                        file: path.to_path_buf(),
                        line: line_containing(text, "password_file").unwrap_or(0),
                        message: format!("[{section}] has both password_env and password_file"),
                        fix: "keep one of them".into(),
                    });
                    Secret::None
                }
                (Some(v), None) => Secret::Env(v.clone()),
                (None, Some(f)) => Secret::File(resolve(f)),
                (None, None) => Secret::None,
            }
        };
        let intake = match raw.mailbox.kind.as_str() {
            "maildir" => Intake::Maildir {
                path: resolve(raw.mailbox.path.as_deref().unwrap_or("maildir")),
                poll_seconds: raw.mailbox.poll_seconds.unwrap_or(5),
            },
            "imap" => {
                let security = parse_security(raw.mailbox.security.as_deref().unwrap_or("tls"));
                let secret = secret_of(
                    "mailbox",
                    &raw.mailbox.password_env,
                    &raw.mailbox.password_file,
                    &mut problems,
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
                    message: format!("unknown mailbox kind {other:?}"),
                    fix: "use kind = \"imap\" or kind = \"maildir\"".into(),
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
                    message: format!("unknown security {s:?}"),
                    fix: "use \"tls\" (port 993/465), \"starttls\" (143/587) or \"plain\" (loopback tests only)".into(),
                });
            }
        }
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
                        message: "unknown [outgoing] security".into(),
                        fix: "use \"tls\" (465), \"starttls\" (587) or \"plain\" (loopback tests only)".into(),
                    });
                }
                let security = security.unwrap_or(Security::Tls);
                let secret = secret_of(
                    "outgoing",
                    &raw.outgoing.password_env,
                    &raw.outgoing.password_file,
                    &mut problems,
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
                    message: format!("unknown outgoing kind {other:?}"),
                    fix: "use kind = \"smtp\" or kind = \"file\"".into(),
                });
                Outgoing::File { dir: base.clone() }
            }
        };

        let p = raw.policy.unwrap_or_default();
        let policy = Policy {
            per_recipient_daily: p.per_recipient_daily.unwrap_or(10),
            reminder_hour: p.reminder_hour.unwrap_or(9),
            month_notice_workdays: p.month_notice_workdays.unwrap_or(5),
            plan_reminder_workdays: p.plan_reminder_workdays.unwrap_or(3),
            report_reminder_workdays: p.report_reminder_workdays.unwrap_or(2),
            cc_office_on_overdue: p.cc_office_on_overdue.unwrap_or(true),
            digest_hour: p.digest_hour.unwrap_or(8),
            digest_to: p
                .digest_to
                .unwrap_or_else(|| vec![raw.office.address.clone()]),
            digest_horizon_workdays: p.digest_horizon_workdays.unwrap_or(5),
        };
        for (key, hour) in [
            ("reminder_hour", policy.reminder_hour),
            ("digest_hour", policy.digest_hour),
        ] {
            if hour > 23 {
                problems.push(ConfigProblem {
                    file: path.to_path_buf(),
                    line: line_containing(text, key).unwrap_or(0),
                    message: format!("{key} = {hour} is not an hour of the day"),
                    fix: "use 0 to 23 (Asia/Shanghai local time)".into(),
                });
            }
        }
        if !is_plausible_address(&raw.office.address.to_lowercase()) {
            problems.push(ConfigProblem {
                file: path.to_path_buf(),
                line: line_containing(text, "address").unwrap_or(0),
                message: format!(
                    "office address {:?} is not an e-mail address",
                    raw.office.address
                ),
                fix: "write the office mailbox, e.g. 43347867@qq.com".into(),
            });
        }

        if !problems.is_empty() {
            return Err(Error::Config(problems));
        }
        Ok(Config {
            path: path.to_path_buf(),
            office_name: raw.office.name,
            office_short_name: raw.office.short_name.unwrap_or_else(|| "政务公开办".into()),
            office_address: raw.office.address.to_lowercase(),
            office_staff: raw.office.staff.clone(),
            office_staff_addresses: raw
                .office
                .staff_addresses
                .iter()
                .map(|a| a.to_lowercase())
                .collect(),
            county: raw.office.county,
            timezone,
            year,
            required_months,
            schedule_path,
            activities,
            units,
            calendar,
            calendar_dir,
            intake,
            outgoing,
            database: resolve(raw.store.database.as_deref().unwrap_or("themeday.db")),
            archive_dir: resolve(raw.store.archive.as_deref().unwrap_or("archive")),
            policy,
            archive_url: raw.store.archive_url,
        })
    }
}

/// Parses `[[unit]]` entries of one file; names and aliases must be unique across `seen`.
fn parse_units(
    file: &Path,
    text: &str,
    raw_units: &[RawUnit],
    seen_names: &mut HashMap<String, (usize, String)>,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut problem = |line: usize, message: String, fix: &str| {
        problems.push(ConfigProblem {
            file: file.to_path_buf(),
            line,
            message,
            fix: fix.into(),
        })
    };
    for u in raw_units {
        let line = line_of(text, u.name.span().start);
        let name = u.name.get_ref().trim().to_string();
        if name.is_empty() {
            problem(
                line,
                "unit with an empty name".into(),
                "give the schedule's 责任单位 as `name`",
            );
            continue;
        }
        let mut check_name =
            |n: &str, line: usize, problem: &mut dyn FnMut(usize, String, &str)| match seen_names
                .get(n)
            {
                Some((l, owner)) if owner != &name => problem(
                    line,
                    format!("name or alias {n:?} is already used by {owner} (line {l})"),
                    "an alias must point to exactly one unit: remove it from one of them",
                ),
                _ => {
                    seen_names.insert(n.to_string(), (line, name.clone()));
                }
            };
        check_name(&name, line, &mut problem);
        let full_name = match &u.full_name {
            Some(f) => {
                check_name(f.get_ref(), line_of(text, f.span().start), &mut problem);
                f.get_ref().clone()
            }
            None => name.clone(),
        };
        let mut aliases = Vec::new();
        for a in &u.aliases {
            let l = line_of(text, a.span().start);
            let alias = a.get_ref().trim();
            if alias.chars().count() < 2 {
                problem(
                    l,
                    format!("alias {alias:?} is too short to match safely"),
                    "use at least two characters",
                );
                continue;
            }
            check_name(alias, l, &mut problem);
            aliases.push(alias.to_string());
        }
        let mut addresses = Vec::new();
        for a in &u.addresses {
            let l = line_of(text, a.span().start);
            let addr = a.get_ref().trim().to_lowercase();
            if !is_plausible_address(&addr) {
                problem(
                    l,
                    format!("{addr:?} is not an e-mail address"),
                    "write it as name@example.com",
                );
                continue;
            }
            addresses.push(addr);
        }
        units.push(Unit {
            name,
            full_name,
            aliases,
            addresses,
        });
    }
    units
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

pub fn is_plausible_address(a: &str) -> bool {
    let Some((local, domain)) = a.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !a.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
}

/// Parses the schedule table as pasted from Word or Excel: tab-separated, one header row (which
/// may repeat at page breaks), cells possibly quoted by Excel, months written `4 月`, `4月`,
/// `2023年4月` or a day `6月26日`.
pub fn parse_schedule(file: &Path, text: &str, year: i32) -> (Vec<Activity>, Vec<ConfigProblem>) {
    let mut acts: Vec<Activity> = Vec::new();
    let mut problems = Vec::new();
    let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw_line) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw_line.trim_end_matches('\r');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let cells: Vec<String> = l.split('\t').map(clean_cell).collect();
        if cells.first().is_some_and(|c| c == "序号") {
            continue; // header, possibly repeated
        }
        let mut problem = |message: String, fix: &str| {
            problems.push(ConfigProblem {
                file: file.to_path_buf(),
                line,
                message,
                fix: fix.into(),
            })
        };
        if cells.len() != 5 {
            problem(
                format!("expected 5 tab-separated columns, found {}", cells.len()),
                "each row is 序号<TAB>活动主题<TAB>活动形式<TAB>责任单位<TAB>计划开展时间",
            );
            continue;
        }
        let Ok(number) = cells[0].parse::<u32>() else {
            problem(
                format!("序号 {:?} is not a number", cells[0]),
                "write the row number, e.g. 26",
            );
            continue;
        };
        if let Some(prev) = seen.insert(number, line) {
            problem(
                format!("序号 {number} is used twice (also line {prev})"),
                "give each activity its own number",
            );
            continue;
        }
        if cells[1].is_empty() || cells[3].is_empty() {
            problem(
                "活动主题 or 责任单位 is empty".into(),
                "fill in the theme and the responsible unit",
            );
            continue;
        }
        let Some((month, date)) = parse_planned_time(&cells[4], year) else {
            problem(
                format!("计划开展时间 {:?} is not a month of {year}", cells[4]),
                "write the month as 4月 (1–12), or a day as 6月26日",
            );
            continue;
        };
        acts.push(Activity {
            number,
            theme: cells[1].clone(),
            form: cells[2].clone(),
            unit: cells[3].clone(),
            year,
            month,
            date,
            line,
        });
    }
    acts.sort_by_key(|a| a.number);
    (acts, problems)
}

fn clean_cell(c: &str) -> String {
    let c = c.trim();
    let c = if c.len() >= 2 && c.starts_with('"') && c.ends_with('"') {
        c[1..c.len() - 1].replace("\"\"", "\"")
    } else {
        c.to_string()
    };
    // Word tables carry full-width and non-breaking spaces; the schedule's names keep none.
    c.replace(['\u{a0}', '\u{3000}'], " ").trim().to_string()
}

fn parse_planned_time(cell: &str, year: i32) -> Option<(u32, Option<NaiveDate>)> {
    let s: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s
        .strip_prefix(&format!("{year}年"))
        .unwrap_or(&s)
        .to_string();
    let (m, rest) = s.split_once('月')?;
    let month: u32 = m.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let rest = rest.trim_end_matches("份");
    if rest.is_empty() {
        return Some((month, None));
    }
    let day: u32 = rest
        .strip_suffix('日')
        .or_else(|| rest.strip_suffix('号'))?
        .parse()
        .ok()?;
    Some((month, Some(NaiveDate::from_ymd_opt(year, month, day)?)))
}

// ---- raw TOML shapes -------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    office: RawOffice,
    season: RawSeason,
    mailbox: RawMailbox,
    outgoing: RawOutgoing,
    #[serde(default)]
    store: RawStore,
    policy: Option<RawPolicy>,
    #[serde(default)]
    unit: Vec<RawUnit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    name: String,
    short_name: Option<String>,
    address: String,
    #[serde(default = "default_county")]
    county: String,
    #[serde(default)]
    staff: Vec<String>,
    #[serde(default)]
    staff_addresses: Vec<String>,
    timezone: Option<String>,
}

fn default_county() -> String {
    "洞口县".into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeason {
    year: i32,
    schedule: String,
    units: Option<String>,
    calendar: Option<String>,
    required_months: Option<Vec<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMailbox {
    kind: String,
    path: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    security: Option<String>,
    user: Option<String>,
    password_env: Option<String>,
    password_file: Option<String>,
    folder: Option<String>,
    send_id: Option<bool>,
    ca_file: Option<String>,
    poll_seconds: Option<u64>,
    idle: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutgoing {
    kind: String,
    dir: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    security: Option<String>,
    user: Option<String>,
    password_env: Option<String>,
    password_file: Option<String>,
    ca_file: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawStore {
    database: Option<String>,
    archive: Option<String>,
    archive_url: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    per_recipient_daily: Option<u32>,
    reminder_hour: Option<u32>,
    month_notice_workdays: Option<i32>,
    plan_reminder_workdays: Option<i32>,
    report_reminder_workdays: Option<i32>,
    cc_office_on_overdue: Option<bool>,
    digest_hour: Option<u32>,
    digest_to: Option<Vec<String>>,
    digest_horizon_workdays: Option<i32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    #[serde(default)]
    unit: Vec<RawUnit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    name: toml::Spanned<String>,
    full_name: Option<toml::Spanned<String>>,
    #[serde(default)]
    aliases: Vec<toml::Spanned<String>>,
    #[serde(default)]
    addresses: Vec<toml::Spanned<String>>,
}
