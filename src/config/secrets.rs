//! `check`'s look at the secrets the configuration names: every `password_env` must be set
//! and every `password_file` must exist and be readable, and a `password_file` that the
//! group or other users can read is a warning. Problems carry the config file and the line
//! of the `password_env` / `password_file` key, like every configuration message.
//!
//! This is the one place in `config` that looks outside the configuration's own files, and
//! only when `check` asks: loading a [`Config`] never does it. No secret's value is read into
//! a message, and nothing is written.

use std::path::Path;

use super::{Config, Intake, Outgoing, Secret};
use crate::error::ConfigProblem;

/// What `check` finds about the configured secrets: errors (the daemon cannot log in) and
/// warnings (it can, but the secret is exposed).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SecretReport {
    pub errors: Vec<ConfigProblem>,
    pub warnings: Vec<ConfigProblem>,
}

/// Checks the `[mailbox]` and `[outgoing]` secrets of `config`.
pub fn check_secrets(config: &Config) -> SecretReport {
    let text = std::fs::read_to_string(&config.path).unwrap_or_default();
    let mut report = SecretReport::default();
    if let Intake::Imap(c) = &config.intake {
        check_one(&config.path, &text, "mailbox", &c.secret, &mut report);
    }
    if let Outgoing::Smtp(c) = &config.outgoing {
        check_one(&config.path, &text, "outgoing", &c.secret, &mut report);
    }
    report
}

fn check_one(file: &Path, text: &str, section: &str, secret: &Secret, report: &mut SecretReport) {
    let problem = |key: &str, message: String, fix: String| ConfigProblem {
        file: file.to_path_buf(),
        line: key_line(text, section, key),
        message,
        fix,
    };
    match secret {
        Secret::None => {}
        Secret::Env(var) => {
            if std::env::var_os(var).is_none_or(|v| v.is_empty()) {
                report.errors.push(problem(
                    "password_env",
                    format!("[{section}] password_env 指定的环境变量 {var} 未设置，程序将无法登录邮箱"),
                    format!("启动前设置环境变量 {var}（QQ 邮箱授权码），例如在 systemd 服务文件中用 EnvironmentFile= 指定只有本程序可读的文件"),
                ));
            }
        }
        Secret::File(path) => match std::fs::read(path) {
            Err(e) => report.errors.push(problem(
                "password_file",
                format!(
                    "[{section}] password_file 指定的文件 {} 无法读取（{e}），程序将无法登录邮箱",
                    path.display()
                ),
                format!(
                    "创建该文件并写入 QQ 邮箱授权码，再执行 chmod 600 {}",
                    path.display()
                ),
            )),
            Ok(content) => {
                if String::from_utf8_lossy(&content).trim().is_empty() {
                    report.errors.push(problem(
                        "password_file",
                        format!(
                            "[{section}] password_file 指定的文件 {} 是空的",
                            path.display()
                        ),
                        "在文件中写入 QQ 邮箱授权码".into(),
                    ));
                }
                if let Some(mode) = exposed_mode(path) {
                    report.warnings.push(problem(
                        "password_file",
                        format!(
                            "[{section}] password_file 指定的文件 {} 可被同组或其他用户读取（权限 {mode:04o}），授权码可能泄露",
                            path.display()
                        ),
                        format!("执行 chmod 600 {}", path.display()),
                    ));
                }
            }
        },
    }
}

/// The file's permission bits when the group or other users may read it.
#[cfg(unix)]
fn exposed_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o7777;
    (mode & 0o044 != 0).then_some(mode)
}

#[cfg(not(unix))]
fn exposed_mode(_path: &Path) -> Option<u32> {
    None
}

/// The 1-based line of `key = …` inside `[section]`, or of the section header when the key is
/// not found there; 0 when neither is.
fn key_line(text: &str, section: &str, key: &str) -> usize {
    let header = format!("[{section}]");
    let mut in_section = false;
    let mut header_line = 0;
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.starts_with('[') {
            in_section = l == header;
            if in_section {
                header_line = i + 1;
            }
            continue;
        }
        if in_section
            && l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return i + 1;
        }
    }
    header_line
}

#[cfg(test)]
mod tests {
    use super::key_line;

    #[test]
    fn key_line_looks_inside_the_section() {
        let t = "[mailbox]\nkind = \"imap\"\npassword_env = \"A\"\n\n[outgoing]\nkind = \"smtp\"\npassword_env = \"B\"\n";
        assert_eq!(key_line(t, "mailbox", "password_env"), 3);
        assert_eq!(key_line(t, "outgoing", "password_env"), 7);
        assert_eq!(key_line(t, "outgoing", "password_file"), 5);
        assert_eq!(key_line(t, "store", "password_file"), 0);
    }
}
