//! Library errors.
//!
//! Messages are lowercase "cannot X: reason" sentences so the binary can chain them with
//! `{:#}`. Configuration errors carry the file and line and say what to change, because the
//! person reading them is an office clerk editing a TOML or TSV file, not a programmer.

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
            write!(f, " (fix: {})", self.fix)?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid configuration:\n{}", list(.0))]
    Config(Vec<ConfigProblem>),
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the working-day calendar has no data for {year} (add config/calendar/{year}.toml from the State Council's holiday notice for {year})")]
    YearNotCovered { year: i32 },
    #[error("cannot use the store: {0}")]
    Store(#[from] rusqlite::Error),
    #[error("cannot use the store: {0}")]
    Batch(String),
    #[error("cannot parse mail {what}: {reason}")]
    Parse { what: String, reason: String },
    #[error("cannot fetch mail: {0}")]
    Intake(String),
    #[error("cannot send mail: {0}")]
    Send(String),
    #[error("cannot read secret: {0}")]
    Secret(String),
    #[error("{0}")]
    Usage(String),
    #[error("stopping")]
    Stopped,
}

fn list(problems: &[ConfigProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
