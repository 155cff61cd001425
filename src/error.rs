//! Library errors.
//!
//! Messages are Chinese sentences for the operator ("无法读取 …：原因"); each variant's text is
//! complete, its cause included, so the binary prints it once ([`report`]). Configuration errors
//! carry the file and line and say what to change, because the person reading them is an office
//! clerk editing a TOML or TSV file, not a programmer.

use std::path::PathBuf;

/// One problem found in a configuration file, located by file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the file as a whole.
    pub line: usize,
    pub message: String,
    /// What to change, for the person editing the file.
    pub fix: String,
}

impl std::fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)?;
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)?;
        }
        if !self.fix.is_empty() {
            write!(f, "（改法：{}）", self.fix)?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("配置有误：\n{}", list(.0))]
    Config(Vec<ConfigProblem>),
    #[error("无法读取 {}：{}", path.display(), io_zh(source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("无法写入 {}：{}", path.display(), io_zh(source))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("工作日历缺少 {year} 年的数据（请按国务院办公厅 {year} 年节假日安排通知，在日历目录中添加 {year}.toml）")]
    YearNotCovered { year: i32 },
    #[error("无法使用数据库：{0}")]
    Store(#[from] rusqlite::Error),
    #[error("无法使用数据库：{0}")]
    Batch(String),
    #[error("无法解析邮件 {what}：{reason}")]
    Parse { what: String, reason: String },
    #[error("无法收取邮件：{0}")]
    Intake(String),
    #[error("无法发送邮件：{0}")]
    Send(String),
    #[error("无法读取邮箱授权码：{0}")]
    Secret(String),
    #[error("{0}")]
    Usage(String),
    #[error("已停止")]
    Stopped,
}

/// An I/O error as the operator reads it: the common kinds in Chinese, the rest as the system
/// words them.
pub fn io_zh(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let zh = match e.kind() {
        K::NotFound => "文件或目录不存在",
        K::PermissionDenied => "没有权限（请以 themeday 用户或 root 运行）",
        K::AlreadyExists => "已存在",
        K::InvalidData => "内容不是 UTF-8 文本",
        K::StorageFull => "磁盘已满",
        K::ReadOnlyFilesystem => "文件系统只读",
        K::IsADirectory => "这是一个目录，不是文件",
        K::NotADirectory => "路径中有一段不是目录",
        _ => return e.to_string(),
    };
    zh.to_string()
}

/// The text the binary prints for an error: each cause once. Our own errors already include
/// their cause, so the chain stops at the first of them; anything else (a context line added by
/// the command) is followed by its cause.
pub fn report(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = cur {
        let text = match e.downcast_ref::<std::io::Error>() {
            Some(io) => io_zh(io),
            None => e.to_string(),
        };
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        if e.downcast_ref::<Error>().is_some() {
            break;
        }
        cur = e.source();
    }
    parts.join("：")
}

fn list(problems: &[ConfigProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_error_names_its_cause_once() {
        let e = Error::Read {
            path: PathBuf::from("/etc/themeday/themeday.toml"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        let text = report(&e);
        assert_eq!(
            text,
            "无法读取 /etc/themeday/themeday.toml：文件或目录不存在"
        );
    }

    #[test]
    fn a_context_line_keeps_the_cause_below_it() {
        #[derive(Debug)]
        struct Ctx(std::io::Error);
        impl std::fmt::Display for Ctx {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("无法读取 a.eml")
            }
        }
        impl std::error::Error for Ctx {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        let e = Ctx(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert_eq!(
            report(&e),
            "无法读取 a.eml：没有权限（请以 themeday 用户或 root 运行）"
        );
    }
}
