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
//!
//! This file holds the public, typed configuration and [`Config::from_str`], which runs the
//! checks in the order their problems are reported. The parts:
//! - `raw`: the TOML shapes serde reads (private to this module);
//! - `schedule`: the schedule table parser ([`parse_schedule`]);
//! - `units`: the unit directory ([`Unit::names`], [`is_plausible_address`]);
//! - `validate`: the checks of each section, with their file:line messages;
//! - `secrets`: `check`'s look at the secrets named (set, readable, not readable by others).
//!
//! A [`Config`] that exists is valid: `from_str` returns either a complete value or every
//! problem found. Nothing in this module touches mail, the store or the network, and nothing
//! reads a secret before [`Secret::read`] is called (or `check` calls [`check_secrets`]).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::calendar::Calendar;
use crate::error::{Error, Result};

mod assessment;
mod raw;
mod schedule;
mod season;
mod secrets;
mod units;
mod validate;

pub use assessment::Assessment;
pub use schedule::{append_row, parse_schedule, NewRow};
pub use secrets::{check_secrets, SecretReport};
pub use units::is_plausible_address;

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
    /// Whom the office phones when something is overdue (a name and a number), if known.
    pub contact: Option<String>,
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
            Secret::Env(var) => {
                std::env::var(var).map_err(|_| Error::Secret(format!("环境变量 {var} 未设置")))
            }
            Secret::File(path) => std::fs::read_to_string(path)
                .map(|s| s.trim().to_string())
                .map_err(|e| {
                    Error::Secret(format!("{}：{}", path.display(), crate::error::io_zh(&e)))
                }),
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

/// DKIM checking of arriving mail (`[mailbox] dkim`, `dkim_timeout_seconds`). On by default
/// for IMAP (the office's real mailbox); off by default for a Maildir (the embedded demo and
/// offline runs, where DNS may not be reachable). Checks are bounded in time either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DkimSettings {
    pub enabled: bool,
    /// Longest wait for DNS while checking one mail.
    pub timeout_seconds: u64,
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
    /// Mails of one kind (acknowledgements; reminders) to one recipient per day, at most.
    pub per_recipient_daily: u32,
    /// Acknowledgements per day, in total, to addresses the bot has never seen (not in the
    /// directory, not learned or confirmed, never sent to before); the rest wait for the office.
    pub new_address_acks_daily: u32,
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
    /// Days a digest's command token (`[TD-…]` in its subject) is accepted in replies.
    pub command_token_days: u32,
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
    /// Calendar days the season stays open after its last report deadline (`[season]
    /// grace_days`): then reminders and digests stop.
    pub season_grace_days: u32,
    pub schedule_path: PathBuf,
    pub activities: Vec<Activity>,
    pub units: Vec<Unit>,
    pub calendar: Calendar,
    pub calendar_dir: PathBuf,
    pub intake: Intake,
    pub dkim: DkimSettings,
    pub outgoing: Outgoing,
    pub database: PathBuf,
    pub archive_dir: PathBuf,
    pub policy: Policy,
    /// How the timeliness export scores plans and reports (`[assessment]`).
    pub assessment: Assessment,
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
        let raw = validate::parse(path, text)?;
        let src = validate::Source::new(path, text);
        let mut problems = Vec::new();

        let timezone = validate::timezone(&src, &raw, &mut problems);

        // Unit directory: inline [[unit]] entries and/or a units file.
        let (units, unit_problems) = validate::unit_directory(&src, &raw, &mut problems);

        // Schedule.
        let year = raw.season.year;
        let (schedule_path, activities, schedule_problems) =
            validate::schedule(&src, &raw, &units, &mut problems);
        problems.extend(unit_problems);
        problems.extend(schedule_problems);
        validate::require_activities(&schedule_path, &activities, &mut problems);

        // Calendar: must cover the season year (and the next, for reports after December).
        let (calendar_dir, calendar) = validate::calendar(&src, &raw, year, &mut problems);
        let required_months = validate::required_months(&src, &raw, &mut problems);
        let season_grace_days =
            season::grace_days(path, text, raw.season.grace_days.as_ref(), &mut problems);

        // Mailbox and transport.
        let intake = validate::intake(&src, &raw, &mut problems);
        let outgoing = validate::outgoing(&src, &raw, &mut problems);

        let policy = validate::policy(&src, raw.policy, &raw.office.address, &mut problems);
        validate::office_address(&src, &raw.office.address, &mut problems);
        let assessment = assessment::assessment(path, text, raw.assessment, &mut problems);

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
            season_grace_days,
            schedule_path,
            activities,
            units,
            calendar,
            calendar_dir,
            dkim: DkimSettings {
                enabled: raw
                    .mailbox
                    .dkim
                    .unwrap_or(matches!(intake, Intake::Imap(_))),
                timeout_seconds: raw.mailbox.dkim_timeout_seconds.unwrap_or(5),
            },
            intake,
            outgoing,
            database: src.resolve(raw.store.database.as_deref().unwrap_or("themeday.db")),
            archive_dir: src.resolve(raw.store.archive.as_deref().unwrap_or("archive")),
            policy,
            assessment,
        })
    }
}
