//! Command line: a clap derive enum, one variant per subcommand, every help text in Chinese for
//! the operator (`cli_zh` gives clap's headings and errors in Chinese). Every command takes
//! `--config` and `--now`; help and version need no config. Without `--config` the
//! configuration is `$THEMEDAY_CONFIG`, else `config/demo.toml` in a checkout, else
//! `/etc/themeday/themeday.toml` (the Debian package's).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::calendar::DayKind;
use crate::classify::Classifier;
use crate::config::Config;
use crate::ingest::{decide, ingest};
use crate::safetext::for_terminal;
use crate::store::Store;

mod signals;

#[derive(Parser, Debug)]
#[command(
    name = "themeday",
    version,
    about = "“政务公开主题日”活动方案和情况报告的邮件登记、回执、提醒与日报",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// 配置文件。不写时依次使用：环境变量 THEMEDAY_CONFIG；源码目录中的 config/demo.toml；/etc/themeday/themeday.toml
    #[arg(long, global = true, value_name = "文件", help_heading = "通用选项")]
    pub config: Option<PathBuf>,
    /// 按指定时间运行（RFC 3339 格式，如 2023-04-20T09:00:00+08:00），便于核对历史情况
    #[arg(long, global = true, value_name = "时间", value_parser = parse_now, help_heading = "通用选项")]
    pub now: Option<DateTime<FixedOffset>>,
    /// 日志格式：auto（默认：在 systemd 下写入 journald，否则为文字）、human（文字）、json、journald；详细程度由环境变量 THEMEDAY_LOG 控制
    #[arg(long, global = true, value_name = "格式", default_value = "auto", value_parser = crate::logging::FORMATS, hide_default_value = true, hide_possible_values = true, help_heading = "通用选项")]
    pub log_format: String,
    /// 显示帮助
    #[arg(short = 'h', long, global = true, action = ArgAction::Help, help_heading = "通用选项")]
    pub help: Option<bool>,
    /// 显示版本
    #[arg(short = 'V', long, action = ArgAction::Version, help_heading = "通用选项")]
    pub version: Option<bool>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 检查配置文件、活动计划表、单位名录和工作日历，逐条列出问题（文件:行号）和改法
    Check,
    /// 工作日：列出某段日期的工作日/休息日，或推算若干个工作日之前/之后的日期
    Workdays {
        #[command(subcommand)]
        cmd: WorkdaysCmd,
    },
    /// 查看系统对邮件文件的识别结果（每个文件一行 JSON）
    Classify {
        /// 邮件文件（.eml）
        #[arg(value_name = "邮件文件")]
        files: Vec<PathBuf>,
    },
    /// 把邮件文件登记到数据库（不发回执）
    Import {
        /// 邮件文件（.eml）
        #[arg(value_name = "邮件文件")]
        files: Vec<PathBuf>,
    },
    /// 在终端查看各项活动的进度表
    Status,
    /// 运行一遍：收新邮件、登记、回执，发出到时的提醒和日报
    Poll,
    /// 常驻运行：持续收信、登记、回执、提醒、日报，直到收到 SIGINT/SIGTERM；收到 SIGHUP 时重新读取配置
    Run,
    /// 本办每日的材料日报
    Digest {
        /// 在终端显示（不发送）
        #[arg(long, conflicts_with = "send")]
        print: bool,
        /// 生成今天的日报并立即发送
        #[arg(long)]
        send: bool,
        /// 与 --print 一起用：显示 HTML 版本
        #[arg(long, requires = "print")]
        html: bool,
    },
    /// 发送现在到时的提醒
    Remind {
        /// 只显示现在会发出哪些提醒、发给谁、为什么，不发送
        #[arg(long)]
        dry_run: bool,
    },
    /// 列出待人工核对的邮件、识别依据和最可能的活动
    Review,
    /// 更正某封邮件的识别结果：assign 12 --activity 3 --kind report [--date 2023-04-21]，或 assign 12 --other
    Assign {
        /// 邮件编号（review 或日报中的 #编号）
        #[arg(value_name = "编号")]
        mail: i64,
        /// 活动序号（活动计划表中的序号）
        #[arg(
            long,
            value_name = "序号",
            required_unless_present = "other",
            conflicts_with = "other"
        )]
        activity: Option<u32>,
        /// 材料类别：plan（活动方案）或 report（情况报告）
        #[arg(long, value_name = "类别", value_parser = ["plan", "report"], hide_possible_values = true, required_unless_present = "other")]
        kind: Option<String>,
        /// 活动日期（多日活动为第一天），如 2023-04-21
        #[arg(long, value_name = "日期", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// 多日活动的最后一天
        #[arg(long, value_name = "日期", value_parser = parse_date, requires = "date")]
        end: Option<NaiveDate>,
        /// 标记为“其他邮件”（不计入报送）
        #[arg(long)]
        other: bool,
        /// 更正人（默认为当前登录用户 $USER）
        #[arg(long, value_name = "姓名")]
        by: Option<String>,
    },
    /// 活动计划表：列出，或增加一项活动（计划外活动）
    Schedule {
        #[command(subcommand)]
        cmd: crate::cli_schedule::ScheduleCmd,
    },
    /// 查看各单位邮箱及来源（单位名录、本办确认、系统提议待确认）；确认或删除邮箱
    Units {
        /// 删除一个本办确认或系统提议的邮箱（单位名录中的邮箱请在配置文件中修改）
        #[arg(long, value_name = "邮箱", conflicts_with = "confirm")]
        forget: Option<String>,
        /// 确认该邮箱代表 --unit 指定的单位
        #[arg(long, value_name = "邮箱", requires = "unit")]
        confirm: Option<String>,
        /// --confirm 所确认的单位（单位名录中的名称）
        #[arg(long, value_name = "单位", requires = "confirm")]
        unit: Option<String>,
        /// 确认人（默认取 $USER）
        #[arg(long, value_name = "姓名")]
        by: Option<String>,
    },
    /// 批准情况报告在门户网站专栏发布：`approve 12 15`（报告的邮件编号），`approve 12 --revoke` 撤下
    Approve {
        /// 报告的邮件编号（可多个）
        #[arg(required = true, value_name = "编号")]
        mails: Vec<i64>,
        /// 撤销批准（撤下已发布的报告）
        #[arg(long)]
        revoke: bool,
        /// 批准人（默认取 $USER）
        #[arg(long, value_name = "姓名")]
        by: Option<String>,
    },
    /// 导出：绩效考核用的报送及时性表，门户网站专栏
    Export {
        #[command(subcommand)]
        what: ExportCmd,
    },
    /// 活动季：开始新的年度（同一数据库保留各年度的记录），或列出数据库中的各年度
    Season {
        #[command(subcommand)]
        cmd: SeasonCmd,
    },
    /// 按小时回放整个活动季（从配置的邮件目录读信，发出的邮件写成文件；演练用）
    Replay {
        /// 回放的第一天，如 2023-04-01
        #[arg(long, value_name = "日期", value_parser = parse_date)]
        from: NaiveDate,
        /// 回放的最后一天，如 2023-11-15
        #[arg(long, value_name = "日期", value_parser = parse_date)]
        to: NaiveDate,
    },
}

#[derive(Subcommand, Debug)]
pub enum ExportCmd {
    /// 绩效考核用的报送及时性表（逐项活动、按单位汇总；含得分）
    Timeliness {
        /// 文件格式：xlsx（默认）或 csv
        #[arg(long, value_name = "格式", value_parser = ["csv", "xlsx"], default_value = "xlsx", hide_default_value = true, hide_possible_values = true)]
        format: String,
        /// 导出的文件，如 报送情况.xlsx
        #[arg(long, value_name = "文件")]
        out: PathBuf,
    },
    /// 根据情况报告生成门户网站“政务公开主题日”专栏的静态网页
    Portal {
        /// 网页存放的目录
        #[arg(long, value_name = "目录")]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum SeasonCmd {
    /// 开始新的活动季：检查新计划表，保存本年度配置（如 themeday-2023.toml），把配置改为新年度
    New {
        /// 新活动季的年份，如 2024
        #[arg(value_name = "年份")]
        year: i32,
        /// 新年度的活动计划表（从实施方案附件复制粘贴的 TSV，或 CSV）
        #[arg(long, value_name = "文件")]
        schedule: PathBuf,
    },
    /// 列出数据库中的各活动季及其邮件数
    List,
}

#[derive(Subcommand, Debug)]
pub enum WorkdaysCmd {
    /// 逐日列出：YYYY-MM-DD workday|rest [原因]
    List {
        /// 第一天，如 2023-04-01
        #[arg(value_name = "起始日期", value_parser = parse_date)]
        from: NaiveDate,
        /// 最后一天，如 2023-05-31
        #[arg(value_name = "截止日期", value_parser = parse_date)]
        to: NaiveDate,
    },
    /// 推算某日期之后第 N 个工作日（N 为负数时为之前）
    Add {
        /// 日期，如 2023-04-21
        #[arg(value_name = "日期", value_parser = parse_date)]
        date: NaiveDate,
        /// 工作日数（负数为之前）
        #[arg(value_name = "天数", allow_negative_numbers = true)]
        n: i32,
    },
}

fn parse_now(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s)
        .map_err(|_| "时间应写作 2023-04-20T09:00:00+08:00（RFC 3339 格式）".to_string())
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| "日期应写作 2023-04-21".to_string())
}

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
            by,
        } => {
            let config = load()?;
            let mut store = existing_store(&config, now)?;
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
    })
    .to_string()
}
