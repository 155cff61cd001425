//! The command line's Chinese face: `--help` laid out with Chinese headings, and clap's usage
//! errors said in Chinese, for the office's operator.
//!
//! The commands and arguments themselves (and their help texts) are declared in `cli`; this
//! room only changes how clap presents them: headings (命令, 参数, 选项), the usage line, and the
//! wording of a wrong command line. It runs nothing and reads no configuration.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgMatches, Command};

const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The command tree with Chinese headings on every level.
pub fn localize(cmd: Command) -> Command {
    let cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令");
    let ids: Vec<(clap::Id, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().clone(), a.is_positional()))
        .collect();
    let mut cmd = cmd;
    for (id, positional) in ids {
        cmd = cmd.mut_arg(id, |a| {
            if a.get_help_heading().is_some() {
                a
            } else if positional {
                a.help_heading("参数")
            } else {
                a.help_heading("选项")
            }
        });
    }
    cmd.mut_subcommands(localize)
}

/// Parses the process's arguments. Help and version are printed and the process exits 0; a wrong
/// command line is explained in Chinese and the process exits 2.
pub fn get_matches(cmd: Command) -> ArgMatches {
    match localize(cmd).try_get_matches_from(std::env::args_os()) {
        Ok(m) => m,
        Err(e) => exit_with(e),
    }
}

/// Prints a clap outcome (help, version, or a usage error) and exits.
pub fn exit_with(e: clap::Error) -> ! {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print!("{}", usage_zh(&e.render().to_string()));
            std::process::exit(0);
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", usage_zh(&e.render().to_string()));
            std::process::exit(2);
        }
        _ => {
            eprintln!("{}", error_zh(&e));
            std::process::exit(2);
        }
    }
}

fn usage_zh(text: &str) -> String {
    text.replace("[OPTIONS]", "[选项]")
        .replace("Usage: ", "用法：")
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    e.get(kind).and_then(|v| match v {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// A wrong command line, in Chinese: what is wrong, the usage line, where to read more.
pub fn error_zh(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let valid = context(e, ContextKind::ValidValue)
        .map(|v| format!("（可用的取值：{v}）"))
        .unwrap_or_default();
    let cause = std::error::Error::source(e)
        .map(|s| format!("：{s}"))
        .unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::InvalidValue => {
            if value.is_empty() {
                format!("{arg} 缺少取值{valid}")
            } else {
                format!("{arg} 的取值 “{value}” 无效{valid}")
            }
        }
        ErrorKind::ValueValidation => format!("{arg} 的取值 “{value}” 无效{cause}"),
        ErrorKind::UnknownArgument => {
            let hint = context(e, ContextKind::SuggestedArg)
                .map(|s| format!("（是否想写 {s}？）"))
                .unwrap_or_default();
            format!("不认识的参数 “{arg}”{hint}")
        }
        ErrorKind::InvalidSubcommand => {
            let cmd = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let hint = context(e, ContextKind::SuggestedSubcommand)
                .map(|s| format!("（是否想写 {s}？）"))
                .unwrap_or_default();
            format!("不认识的命令 “{cmd}”{hint}")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少命令".to_string(),
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} 不能与 {prior} 同时使用")
        }
        ErrorKind::NoEquals => format!("{arg} 的取值须用 = 连接"),
        ErrorKind::TooManyValues => format!("{arg} 的取值过多：“{value}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} 的取值个数不对")
        }
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_string(),
        _ => "命令行参数有误".to_string(),
    };
    let usage = context(e, ContextKind::Usage)
        .map(|u| format!("\n\n{}", usage_zh(u.trim())))
        .unwrap_or_default();
    format!(
        "themeday: 命令行有误：{what}{usage}\n\n查看说明：themeday --help，或 themeday 命令 --help"
    )
}
