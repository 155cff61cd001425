//! Command line: a clap derive enum, one variant per subcommand, every help text in Chinese for
//! the operator (`cli_zh` gives clap's headings and errors in Chinese). Every command takes
//! `--config` and `--now`; help and version need no config. Without `--config` the
//! configuration is `$THEMEDAY_CONFIG`, else `config/demo.toml` in a checkout, else
//! `/etc/themeday/themeday.toml` (the Debian package's).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use chrono::{DateTime, Duration, FixedOffset, Utc};
use clap::{CommandFactory, FromArgMatches};

use crate::calendar::DayKind;
use crate::classify::Classifier;
use crate::config::Config;
use crate::ingest::{decide, ingest};
use crate::safetext::for_terminal;
use crate::store::Store;

mod args;
mod signals;

pub use args::{Cli, Command, ExportCmd, SeasonCmd, WorkdaysCmd};

/// The configuration file: `--config`, else `$THEMEDAY_CONFIG`, else the demo in a checkout
/// (`config/demo.toml` beside `Cargo.toml`), else the Debian package's.
pub fn config_path(given: Option<&Path>) -> PathBuf {
    if let Some(p) = given {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("THEMEDAY_CONFIG").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    if Path::new("Cargo.toml").is_file() && Path::new("config/demo.toml").is_file() {
        return PathBuf::from("config/demo.toml");
    }
    PathBuf::from("/etc/themeday/themeday.toml")
}

/// Opens the store for a command that only reads or corrects what is there: a store that does
/// not exist yet is an error, never created.
fn existing_store(config: &Config, now: DateTime<FixedOffset>) -> anyhow::Result<Store> {
    if !config.database.exists() {
        bail!(
            "尚无数据库 {}：服务还没有运行过（先启动服务 systemctl start themeday，或运行 themeday poll），或配置中的 [store] database 写错了",
            config.database.display()
        );
    }
    Ok(crate::season::open_store(config, now)?)
}

pub fn run() -> anyhow::Result<ExitCode> {
    let matches = crate::cli_zh::get_matches(Cli::command());
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| crate::cli_zh::exit_with(e));
    crate::logging::init(&cli.log_format);
    let now = cli.now.unwrap_or_else(|| Utc::now().fixed_offset());
    let config_path = config_path(cli.config.as_deref());
    let load =
        || -> anyhow::Result<Config> { Config::load(&config_path).map_err(anyhow::Error::from) };
    match cli.command {
        Command::Check => {
            let config = load()?;
            let mut warnings = Vec::new();
            for m in crate::deadlines::empty_required_months(&config) {
                warnings.push(format!(
                    "{m}月尚未安排主题活动（实施方案要求这个月至少1个主题）"
                ));
            }
            for u in &config.units {
                if config.activities_of(&u.name).next().is_none() {
                    warnings.push(format!("单位名录中的 {} 在活动计划表中没有活动", u.name));
                }
            }
            for w in &warnings {
                println!("提示：{w}");
            }
            let secrets = crate::config::check_secrets(&config);
            for w in &secrets.warnings {
                println!("警告：{w}");
            }
            for e in &secrets.errors {
                eprintln!("错误：{e}");
            }
            if !secrets.errors.is_empty() {
                eprintln!(
                    "themeday: 配置中指定的授权码有 {} 处无法读取，程序将无法登录邮箱。",
                    secrets.errors.len()
                );
                return Ok(ExitCode::from(1));
            }
            println!(
                "配置无误（{}）：活动 {} 项，单位 {} 个，工作日历 {} 年。",
                config.path.display(),
                config.activities.len(),
                config.units.len(),
                config
                    .calendar
                    .years()
                    .iter()
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>()
                    .join("、")
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Workdays { cmd } => {
            let config = load()?;
            let cal = &config.calendar;
            match cmd {
                WorkdaysCmd::List { from, to } => {
                    if to < from {
                        bail!("截止日期 {to} 早于起始日期 {from}");
                    }
                    let mut out = String::new();
                    let mut d = from;
                    while d <= to {
                        let line = match cal.day_kind(d)? {
                            DayKind::Workday(None) => format!("{d} workday\n"),
                            DayKind::Workday(Some(r)) => format!("{d} workday {r}\n"),
                            DayKind::Rest(None) => format!("{d} rest\n"),
                            DayKind::Rest(Some(r)) => format!("{d} rest {r}\n"),
                        };
                        out.push_str(&line);
                        d += Duration::days(1);
                    }
                    print!("{out}");
                }
                WorkdaysCmd::Add { date, n } => println!("{}", cal.add_workdays(date, n)?),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Classify { files } => {
            let config = load()?;
            let classifier = Classifier::new(&config);
            let mut failed = false;
            for f in files {
                let raw = match std::fs::read(&f) {
                    Ok(r) => r,
                    Err(e) => {
                        eprintln!(
                            "themeday: 无法读取 {}：{}",
                            f.display(),
                            crate::error::io_zh(&e)
                        );
                        failed = true;
                        continue;
                    }
                };
                let (_, error, d) = decide(&classifier, &raw);
                if let Some(e) = error {
                    eprintln!("themeday: 无法解析 {}：{e}", f.display());
                }
                println!("{}", decision_json(&f, &d));
            }
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Import { files } => {
            let config = load()?;
            let classifier = Classifier::new(&config);
            let mut store = crate::season::open_store(&config, now)?;
            let trust = crate::trust::Trust::load(
                &config,
                &store,
                crate::dkim::Dkim::for_config(&config)?,
            )?;
            let (mut new, mut dup) = (0, 0);
            for f in &files {
                let raw = std::fs::read(f).with_context(|| format!("无法读取 {}", f.display()))?;
                let source = format!("import:{}", crate::store::content_hash(&raw));
                // Received: the top Received: line of the saved file (never its Date:).
                let received = crate::intake::top_received_time(&raw);
                let r = ingest(
                    &mut store,
                    &classifier,
                    &trust,
                    &raw,
                    &source,
                    received,
                    now,
                    |_, _, _, _| Ok(Vec::new()),
                )?;
                if r.duplicate {
                    dup += 1;
                    println!("已存在 #{} {}", r.id, f.display());
                } else {
                    new += 1;
                    let d = r.decision.expect("new mail has a decision");
                    println!(
                        "已登记 #{} {} {} {} {}",
                        r.id,
                        f.display(),
                        d.kind.zh(),
                        d.unit.as_deref().unwrap_or("单位未识别"),
                        d.activity
                            .map(|a| format!("第{a}项"))
                            .unwrap_or_else(|| "活动未识别".into())
                    );
                }
            }
            println!("共 {} 封：新登记 {new} 封，重复 {dup} 封。", files.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Poll => {
            let config = load()?;
            let clock = crate::daemon::Clock::new(cli.now);
            let (sum, delivery) =
                crate::daemon::poll(&config, &clock, &mut crate::notify::jobs::run_due)?;
            println!(
                "新邮件 {} 封（方案 {}，报告 {}，待核对 {}），重复 {} 封；回执排队 {} 封；发出 {} 封，失败 {} 封，超限暂停 {} 封。",
                sum.new, sum.plans, sum.reports, sum.review, sum.duplicates, sum.acks_queued, delivery.sent, delivery.failed, delivery.held
            );
            if sum.unprocessable > 0 {
                println!(
                    "其中 {} 封无法自动处理，已存档、未回复，列入日报“无法处理的邮件”。",
                    sum.unprocessable
                );
            }
            if let Some(e) = &delivery.login_refused {
                println!("{}", crate::notify::trouble::login_refused_text(e));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Run => {
            let cell: crate::daemon::ConfigCell =
                std::sync::Arc::new(std::sync::RwLock::new(std::sync::Arc::new(load()?)));
            let clock = crate::daemon::Clock::new(cli.now);
            let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let interrupters: std::sync::Arc<std::sync::Mutex<Vec<crate::intake::Interrupter>>> =
                Default::default();
            signals::spawn_signal_watcher(stop.clone(), interrupters.clone(), cell.clone())?;
            crate::daemon::run(
                cell,
                clock,
                stop,
                interrupters,
                Box::new(crate::notify::jobs::run_due),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Digest { print, send, html } => {
            let config = load()?;
            let mut store = crate::season::open_store(&config, now)?;
            if send {
                let today = now.with_timezone(&config.timezone).date_naive();
                if !crate::notify::jobs::queue_digest(&config, &mut store, now)? {
                    println!("今日（{today}）日报已在发送队列中，不再重复生成。");
                }
                let mut transport = crate::notify::transport_for(&config)?;
                let r = crate::notify::deliver_due(&config, &store, transport.as_mut(), now)?;
                println!("发出 {} 封，失败 {} 封。", r.sent, r.failed);
                if let Some(e) = &r.login_refused {
                    println!("{}", crate::notify::trouble::login_refused_text(e));
                }
                return Ok(if r.failed > 0 || r.login_refused.is_some() {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                });
            }
            if !print {
                bail!("请写 --print（在终端显示）或 --send（立即发送）");
            }
            let d = crate::notify::digest::build(&config, &store, now)?;
            if html {
                println!("{}", for_terminal(&d.draft.html.unwrap_or_default()));
            } else {
                println!(
                    "主题：{}\n收件人：{}\n",
                    d.draft.subject,
                    d.draft.to.join("、")
                );
                print!("{}", for_terminal(&d.draft.text));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Remind { dry_run } => {
            let config = load()?;
            let mut store = crate::season::open_store(&config, now)?;
            let subs = store.submissions(config.timezone)?;
            let learned = store.learned_addresses()?;
            let sent = store.reminder_items()?;
            let due = crate::schedule::due_reminders(&config, &subs, &learned, &sent, now)?;
            let today = now.with_timezone(&config.timezone).date_naive();
            if due.is_empty() {
                let statuses = crate::deadlines::season_status(&config, &subs, now);
                println!(
                    "{today}：当前没有需要发送的提醒{}。",
                    if let Some(note) = crate::status::season_note(&config, &statuses, today) {
                        format!("（{note}）")
                    } else if config.calendar.is_workday(today)? {
                        String::new()
                    } else {
                        "（今日为休息日，不发送提醒）".into()
                    }
                );
            }
            for r in &due {
                println!(
                    "{}（{}）{}：",
                    r.unit,
                    if r.recipients.is_empty() {
                        "未知邮箱，无法发送".to_string()
                    } else {
                        r.recipients.join("、")
                    },
                    if r.overdue() { "【逾期】" } else { "" }
                );
                for i in &r.items {
                    println!("  - {}", crate::notify::remind::item_text(&config, i));
                }
            }
            if !dry_run {
                crate::notify::jobs::queue_reminders(&config, &mut store, now)?;
                let mut transport = crate::notify::transport_for(&config)?;
                let r = crate::notify::deliver_due(&config, &store, transport.as_mut(), now)?;
                println!(
                    "发出 {} 封，失败 {} 封，超限暂停 {} 封。",
                    r.sent, r.failed, r.held
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Review => {
            let config = load()?;
            let store = existing_store(&config, now)?;
            print!(
                "{}",
                for_terminal(&crate::review::review_text(&config, &store)?)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Assign {
            mail,
            activity,
            kind,
            date,
            end,
            other,
            also,
            by,
        } => {
            use crate::review::Assignment;
            let config = load()?;
            let mut store = existing_store(&config, now)?;
            let first = Assignment::Submission {
                activity: activity.unwrap_or_default(),
                kind: crate::classify::Kind::parse(kind.as_deref().unwrap_or(""))
                    .unwrap_or(crate::classify::Kind::Other),
                date,
                end,
            };
            let target = if other {
                Assignment::Other
            } else if also.is_empty() {
                first
            } else {
                let mut parts = vec![first];
                parts.extend(also.into_iter().map(|p| Assignment::Submission {
                    activity: p.activity,
                    kind: p.kind,
                    date: p.date,
                    end: p.end,
                }));
                Assignment::Several(parts)
            };
            let by = by
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "office".into());
            let r = crate::review::assign(&config, &mut store, mail, &target, &by, now)?;
            println!(
                "已更正邮件 #{mail}。{}{}",
                if r.ack_queued {
                    "回执已排队发送。"
                } else {
                    ""
                },
                r.learned
                    .map(|a| format!("已记住 {a} 为该单位邮箱。"))
                    .unwrap_or_default()
            );
            let mut transport = crate::notify::transport_for(&config)?;
            crate::notify::deliver_due(&config, &store, transport.as_mut(), now)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schedule { cmd } => crate::cli_schedule::run(&config_path, cmd),
        Command::Approve { mails, revoke, by } => {
            let config = load()?;
            let mut store = existing_store(&config, now)?;
            let by = by.or_else(|| std::env::var("USER").ok());
            let by = by.as_deref().unwrap_or("office");
            let results = crate::commands::approve(&config, &mut store, &mails, !revoke, by, now)?;
            for r in &results {
                let verdict = if r.done { "已执行" } else { "未执行" };
                println!("{verdict}：{}", r.detail);
            }
            Ok(ExitCode::from(u8::from(results.iter().any(|r| !r.done))))
        }
        Command::Units {
            forget,
            confirm,
            unit,
            by,
        } => {
            let config = load()?;
            let mut store = existing_store(&config, now)?;
            if let Some(addr) = forget {
                if store.forget_address(&addr)? {
                    println!("已删除邮箱 {addr}：此后不再向其发送提醒，其来信须人工核对。");
                } else {
                    bail!("{addr} 不是系统学习到的邮箱（单位名录中的邮箱请在配置文件中修改）");
                }
                return Ok(ExitCode::SUCCESS);
            }
            if let (Some(addr), Some(unit)) = (confirm, unit) {
                let by = by
                    .or_else(|| std::env::var("USER").ok())
                    .unwrap_or_else(|| "office".into());
                let r =
                    crate::review::confirm_address(&config, &mut store, &addr, &unit, &by, now)?;
                println!("{}", r.zh());
                return Ok(ExitCode::SUCCESS);
            }
            print!("{}", crate::review::units_text(&config, &store)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { what } => {
            let config = load()?;
            let store = existing_store(&config, now)?;
            match what {
                ExportCmd::Timeliness { format, out } => {
                    for f in crate::export::timeliness(&config, &store, now, &format, &out)? {
                        println!("已导出 {}", f.display());
                    }
                }
                ExportCmd::Portal { out } => {
                    let r = crate::portal::export(&config, &store, now, &out)?;
                    print!("{}", r.text());
                    println!(
                        "已生成专栏 {}（{} 项活动）",
                        out.join("index.html").display(),
                        r.pages.len()
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Replay { from, to } => {
            let config = load()?;
            let s = crate::replay::replay(&config, from, to)?;
            println!(
                "回放 {} 天：登记邮件 {} 封（方案 {}，报告 {}，待核对 {}），发出邮件 {} 封，超限暂停 {} 封。",
                s.days, s.pass.new, s.pass.plans, s.pass.reports, s.pass.review, s.sent, s.held
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Season { cmd } => {
            let config = load()?;
            match cmd {
                SeasonCmd::New { year, schedule } => {
                    let s = crate::season::start(&config, year, &schedule, now)?;
                    println!(
                        "已开始 {} 年活动季：活动 {} 项（计划表 {}）。{} 年的配置已保存为 {}，可用 --config 查看该年度。\n配置已改为 {} 年：请重新启动服务（systemctl restart themeday）。",
                        s.year, s.activities, s.schedule.display(), config.year, s.previous.display(), s.year
                    );
                }
                SeasonCmd::List => {
                    let store = existing_store(&config, now)?;
                    for (year, started, mails) in store.seasons()? {
                        let current = if year == config.year {
                            "（当前）"
                        } else {
                            ""
                        };
                        println!(
                            "{year}年{current}：邮件 {mails} 封，开始使用于 {}",
                            &started[..10.min(started.len())]
                        );
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Status => {
            let config = load()?;
            let store = existing_store(&config, now)?;
            print!(
                "{}",
                for_terminal(&crate::status::status_table(&config, &store, now)?)
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One JSON line for `classify`.
pub fn decision_json(file: &Path, d: &crate::classify::Decision) -> String {
    serde_json::json!({
        "file": file.display().to_string(),
        "kind": d.kind,
        "unit": d.unit,
        "activity": d.activity,
        "activity_date": d.activity_date.map(|x| x.to_string()),
        "activity_end": d.activity_end.map(|x| x.to_string()),
        "confidence": d.confidence,
        "needs_review": d.needs_review,
        "automated": d.automated,
        "reasons": d.reasons,
        "also": d.also,
    })
    .to_string()
}
