//! Command line: a clap derive enum, one variant per subcommand. Every command takes
//! `--config` and `--now`; help and version need no config.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use clap::{Parser, Subcommand};

use crate::calendar::DayKind;
use crate::classify::Classifier;
use crate::config::Config;
use crate::ingest::{decide, ingest};
use crate::safetext::for_terminal;
use crate::store::Store;

#[derive(Parser, Debug)]
#[command(
    name = "themeday",
    version,
    about = "政务公开主题日 plan/report tracking by email"
)]
pub struct Cli {
    /// Configuration file.
    #[arg(long, global = true, default_value = "config/demo.toml")]
    pub config: PathBuf,
    /// Run as if at this instant (RFC 3339, e.g. 2023-04-20T09:00:00+08:00).
    #[arg(long, global = true, value_parser = parse_now)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Log format.
    #[arg(long, global = true, default_value = "human", value_parser = ["human", "json"])]
    pub log_format: String,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate the configuration, the schedule and the calendar.
    Check,
    /// Working days.
    Workdays {
        #[command(subcommand)]
        cmd: WorkdaysCmd,
    },
    /// Classify mail files and print one JSON object per file.
    Classify { files: Vec<PathBuf> },
    /// Record mail files in the store (no acknowledgements are sent).
    Import { files: Vec<PathBuf> },
    /// The season's progress table.
    Status,
    /// One pass: fetch new mail, record it, acknowledge, run due reminders/digest, send.
    Poll,
    /// The daemon: watch the mailbox and send until SIGINT/SIGTERM.
    Run,
    /// The office's daily digest.
    Digest {
        /// Print it (plain text) without sending.
        #[arg(long, conflicts_with = "send")]
        print: bool,
        /// Queue it for today and send it now.
        #[arg(long)]
        send: bool,
        /// With --print: the HTML part instead of the text.
        #[arg(long, requires = "print")]
        html: bool,
    },
    /// Reminders due now.
    Remind {
        /// Show what would go out now, and why, without sending.
        #[arg(long)]
        dry_run: bool,
    },
    /// Mail that needs a person's review, with the evidence and the best candidates.
    Review,
    /// Correct a mail's decision: `assign 12 --activity 3 --kind report [--date 2023-04-21]`,
    /// or `assign 12 --other`.
    Assign {
        mail: i64,
        #[arg(long, required_unless_present = "other", conflicts_with = "other")]
        activity: Option<u32>,
        #[arg(long, value_parser = ["plan", "report"], required_unless_present = "other")]
        kind: Option<String>,
        #[arg(long)]
        date: Option<NaiveDate>,
        /// Last day of a multi-day activity.
        #[arg(long, requires = "date")]
        end: Option<NaiveDate>,
        #[arg(long)]
        other: bool,
        /// Who made the correction (default: $USER).
        #[arg(long)]
        by: Option<String>,
    },
    /// Each unit's addresses: the directory's, those the office confirmed, and those the bot
    /// proposes; `--confirm ADDRESS --unit NAME` confirms one, `--forget ADDRESS` removes one.
    Units {
        /// Remove a confirmed or proposed address (directory addresses live in the config).
        #[arg(long, conflicts_with = "confirm")]
        forget: Option<String>,
        /// Confirm that ADDRESS speaks for the unit given with --unit.
        #[arg(long, requires = "unit")]
        confirm: Option<String>,
        /// The unit (its name in the directory) for --confirm.
        #[arg(long, requires = "confirm")]
        unit: Option<String>,
        /// Who confirmed it (default: $USER).
        #[arg(long)]
        by: Option<String>,
    },
    /// Approve reports for the portal column: `approve 12 15` (the mail numbers of the
    /// reports), or `approve 12 --revoke` to take one off.
    Approve {
        #[arg(required = true)]
        mails: Vec<i64>,
        #[arg(long)]
        revoke: bool,
        /// Who approved (default: $USER).
        #[arg(long)]
        by: Option<String>,
    },
    /// Exports for the office.
    Export {
        #[command(subcommand)]
        what: ExportCmd,
    },
    /// Replay a season hour by hour against the configured Maildir, writing mail to files.
    Replay {
        #[arg(long)]
        from: NaiveDate,
        #[arg(long)]
        to: NaiveDate,
    },
}

#[derive(Subcommand, Debug)]
pub enum ExportCmd {
    /// The timeliness table for the performance assessment (绩效考核).
    Timeliness {
        #[arg(long, value_parser = ["csv", "xlsx"], default_value = "xlsx")]
        format: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// The static HTML column for the county portal, built from the reports.
    Portal {
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum WorkdaysCmd {
    /// One line per date: `YYYY-MM-DD workday|rest [reason]`.
    List { from: NaiveDate, to: NaiveDate },
    /// The date N working days after DATE (N < 0: before).
    Add {
        date: NaiveDate,
        #[arg(allow_negative_numbers = true)]
        n: i32,
    },
}

fn parse_now(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s)
        .map_err(|e| format!("{e}: write it as 2023-04-20T09:00:00+08:00"))
}

pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    init_logging(&cli.log_format);
    let now = cli.now.unwrap_or_else(|| Utc::now().fixed_offset());
    let load =
        || -> anyhow::Result<Config> { Config::load(&cli.config).map_err(anyhow::Error::from) };
    match cli.command {
        Command::Check => {
            let config = load()?;
            let mut warnings = Vec::new();
            for m in crate::deadlines::empty_required_months(&config) {
                warnings.push(format!(
                    "{m}月 has no activity although the notice requires one"
                ));
            }
            for u in &config.units {
                if config.activities_of(&u.name).next().is_none() {
                    warnings.push(format!("unit {} has no activity in the schedule", u.name));
                }
            }
            for w in &warnings {
                println!("warning: {w}");
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
                "ok: {} activities, {} units, calendar years {:?}",
                config.activities.len(),
                config.units.len(),
                config.calendar.years()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Workdays { cmd } => {
            let config = load()?;
            let cal = &config.calendar;
            match cmd {
                WorkdaysCmd::List { from, to } => {
                    if to < from {
                        bail!("TO ({to}) is before FROM ({from})");
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
                        eprintln!("themeday: cannot read {}: {e}", f.display());
                        failed = true;
                        continue;
                    }
                };
                let (_, error, d) = decide(&classifier, &raw);
                if let Some(e) = error {
                    eprintln!("themeday: cannot parse {}: {e}", f.display());
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
            let mut store = Store::open(&config.database, &config.archive_dir)?;
            let trust = crate::trust::Trust::load(
                &config,
                &store,
                crate::dkim::Dkim::for_config(&config)?,
            )?;
            let (mut new, mut dup) = (0, 0);
            for f in &files {
                let raw =
                    std::fs::read(f).with_context(|| format!("cannot read {}", f.display()))?;
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
            spawn_signal_watcher(stop.clone(), interrupters.clone(), cell.clone())?;
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
            let mut store = Store::open(&config.database, &config.archive_dir)?;
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
                bail!("say --print (show it) or --send (send it now)");
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
            let mut store = Store::open(&config.database, &config.archive_dir)?;
            let subs = store.submissions(config.timezone)?;
            let learned = store.learned_addresses()?;
            let sent = store.reminder_items()?;
            let due = crate::schedule::due_reminders(&config, &subs, &learned, &sent, now)?;
            let today = now.with_timezone(&config.timezone).date_naive();
            if due.is_empty() {
                println!(
                    "{today}：当前没有需要发送的提醒{}。",
                    if config.calendar.is_workday(today)? {
                        ""
                    } else {
                        "（今日为休息日，不发送提醒）"
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
            let store = Store::open(&config.database, &config.archive_dir)?;
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
            by,
        } => {
            let config = load()?;
            let mut store = Store::open(&config.database, &config.archive_dir)?;
            let target = if other {
                crate::review::Assignment::Other
            } else {
                crate::review::Assignment::Submission {
                    activity: activity.expect("clap requires --activity"),
                    kind: crate::classify::Kind::parse(kind.as_deref().unwrap_or(""))
                        .expect("clap checks --kind"),
                    date,
                    end,
                }
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
        Command::Approve { mails, revoke, by } => {
            let config = load()?;
            let mut store = Store::open(&config.database, &config.archive_dir)?;
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
            let mut store = Store::open(&config.database, &config.archive_dir)?;
            if let Some(addr) = forget {
                if store.forget_address(&addr)? {
                    println!("已删除邮箱 {addr}：此后不再向其发送提醒，其来信须人工核对。");
                } else {
                    bail!("{addr} is not a learned address (addresses in the unit directory are edited in the config file)");
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
            let store = Store::open(&config.database, &config.archive_dir)?;
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
        Command::Status => {
            let config = load()?;
            let store = Store::open(&config.database, &config.archive_dir)?;
            print!(
                "{}",
                for_terminal(&crate::status::status_table(&config, &store, now)?)
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Sets `stop` on SIGINT or SIGTERM and cuts blocking waits short; reloads the configuration
/// on SIGHUP (an invalid one is rejected and the old one kept).
fn spawn_signal_watcher(
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    interrupters: std::sync::Arc<std::sync::Mutex<Vec<crate::intake::Interrupter>>>,
    cell: crate::daemon::ConfigCell,
) -> anyhow::Result<()> {
    use tokio::signal::unix::{signal, SignalKind};
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Register before returning, so a signal that arrives at once is not lost.
    let (mut term, mut int, mut hup) = {
        let _guard = rt.enter();
        (
            signal(SignalKind::terminate())?,
            signal(SignalKind::interrupt())?,
            signal(SignalKind::hangup())?,
        )
    };
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            rt.block_on(async move {
                loop {
                    tokio::select! {
                        _ = term.recv() => { tracing::info!("SIGTERM: stopping"); break; }
                        _ = int.recv() => { tracing::info!("SIGINT: stopping"); break; }
                        _ = hup.recv() => {
                            tracing::info!("SIGHUP: reloading the configuration");
                            let _ = crate::daemon::reload(&cell);
                        }
                    }
                }
            });
            stop.store(true, std::sync::atomic::Ordering::SeqCst);
            for i in interrupters.lock().map(|v| v.clone()).unwrap_or_default() {
                i();
            }
        })?;
    Ok(())
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
    })
    .to_string()
}

fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("THEMEDAY_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    let _ = if format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
