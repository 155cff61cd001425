//! `themeday schedule`: the office's edits of the schedule table (活动计划表).
//!
//! `schedule add` appends an activity the notice left for later (an 11月 theme) or one a unit
//! proposed (a mail the digest lists under 计划外活动), after checking it as `check` would;
//! the mail is then settled with `themeday assign`. `schedule list` prints the table. The
//! file is replaced atomically (written beside it, then renamed); a running daemon picks it
//! up on SIGHUP. No store, no mail.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Subcommand;

use crate::config::{append_row, Config, NewRow};

#[derive(Subcommand, Debug)]
pub enum ScheduleCmd {
    /// 列出活动计划表：每行一项（序号、计划月份、责任单位、活动主题）
    List,
    /// 在计划表末尾增加一项活动：`schedule add --theme 主题 --unit 县水利局 --month 11月`
    Add {
        /// 活动主题
        #[arg(long, value_name = "主题")]
        theme: String,
        /// 责任单位（与单位名录中的名称一致）
        #[arg(long, value_name = "单位")]
        unit: String,
        /// 计划开展时间：`11月`，或具体日期 `11月16日`
        #[arg(long, value_name = "月份")]
        month: String,
        /// 活动形式（可空）
        #[arg(long, value_name = "形式", default_value = "")]
        form: String,
        /// 序号（默认取下一个未用的序号）
        #[arg(long, value_name = "序号")]
        number: Option<u32>,
    },
}

pub fn run(config_path: &Path, cmd: ScheduleCmd) -> anyhow::Result<ExitCode> {
    let config = Config::load(config_path)?;
    match cmd {
        ScheduleCmd::List => {
            for a in &config.activities {
                println!("{}\t{}月\t{}\t{}", a.number, a.month, a.unit, a.theme);
            }
        }
        ScheduleCmd::Add {
            theme,
            unit,
            month,
            form,
            number,
        } => {
            let path = &config.schedule_path;
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("无法读取 {}", path.display()))?;
            let units: Vec<String> = config.units.iter().map(|u| u.name.clone()).collect();
            let row = NewRow {
                number,
                theme,
                form,
                unit,
                planned: month,
            };
            let (new_text, n) = match append_row(path, &text, config.year, &units, &row) {
                Ok(r) => r,
                Err(why) => bail!("{why}"),
            };
            let tmp = path.with_extension("tsv.new");
            std::fs::write(&tmp, &new_text)
                .with_context(|| format!("无法写入 {}", tmp.display()))?;
            // The whole configuration must still load with the new table.
            let check = std::fs::rename(&tmp, path)
                .map_err(anyhow::Error::from)
                .and_then(|_| Config::load(config_path).map_err(anyhow::Error::from));
            if let Err(e) = check {
                let _ = std::fs::write(path, &text);
                bail!("新增后配置无法通过检查，已恢复原计划表：{e}");
            }
            println!(
                "已在活动计划表 {} 中增加第{n}项：{}（{}，{}）。运行中的服务请执行 systemctl reload themeday（或 kill -HUP 进程号）使其生效；之后可用 themeday assign 编号 --activity {n} --kind plan|report 登记相关邮件。",
                path.display(),
                row.theme.trim(),
                row.unit.trim(),
                row.planned.trim()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
