//! The command line's shape: the clap derive types, every help text in Chinese for the
//! operator, and the parsers of `--now` and dates. Parsing only; `cli::run` acts on them.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{ArgAction, Parser, Subcommand};

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
        /// 同一邮件另含的一项材料（可重复）：序号:类别[:日期[:结束日期]]，如 --also 6:plan:2023-04-26。更正后该邮件的材料即为 --activity 所指一项加上各项 --also（原识别的各项不再保留）
        #[arg(long, value_name = "序号:类别[:日期]", value_parser = parse_also, conflicts_with = "other")]
        also: Vec<AlsoPart>,
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

pub(super) fn parse_now(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s)
        .map_err(|_| "时间应写作 2023-04-20T09:00:00+08:00（RFC 3339 格式）".to_string())
}

/// One `--also` of `assign`: a further submission of the mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlsoPart {
    pub activity: u32,
    pub kind: crate::classify::Kind,
    pub date: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// `6:plan`, `6:report:2023-04-26`, `6:plan:2023-09-11:2023-09-17`.
pub(super) fn parse_also(s: &str) -> Result<AlsoPart, String> {
    let form = "应写作 序号:类别[:日期[:结束日期]]，如 6:plan:2023-04-26";
    let f: Vec<&str> = s.split([':', '：']).map(str::trim).collect();
    if !(2..=4).contains(&f.len()) {
        return Err(form.into());
    }
    let activity = f[0].parse().map_err(|_| form.to_string())?;
    let kind = match f[1] {
        "plan" => crate::classify::Kind::Plan,
        "report" => crate::classify::Kind::Report,
        _ => return Err(format!("类别只能是 plan 或 report；{form}")),
    };
    let date = f.get(2).map(|d| parse_date(d)).transpose()?;
    let end = f.get(3).map(|d| parse_date(d)).transpose()?;
    Ok(AlsoPart {
        activity,
        kind,
        date,
        end,
    })
}

pub(super) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| "日期应写作 2023-04-21".to_string())
}
