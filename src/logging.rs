//! Logging: where the daemon's log lines go.
//!
//! Under systemd (stderr is the journal stream systemd names in `JOURNAL_STREAM`) the lines go
//! to journald as structured entries with their priority, so `journalctl -u themeday -p warning`
//! works; on a terminal or in a pipe they are human lines on stderr; `--log-format json` gives
//! one JSON object per line. `THEMEDAY_LOG` sets the filter (`info` when unset; e.g.
//! `THEMEDAY_LOG=debug`, or `THEMEDAY_LOG=themeday=debug,info`).
//!
//! This room only sets up the subscriber: it never logs a secret, and nothing else in the
//! program decides where logs go.

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::EnvFilter;

/// The values `--log-format` takes.
pub const FORMATS: [&str; 4] = ["auto", "human", "json", "journald"];

/// Installs the global subscriber. `auto`: journald when stderr is the journal, else human.
pub fn init(format: &str) {
    let filter =
        || EnvFilter::try_from_env("THEMEDAY_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let journald = match format {
        "journald" => true,
        "auto" => stderr_is_journal(),
        _ => false,
    };
    if journald {
        match tracing_journald::layer() {
            Ok(layer) => {
                let _ = tracing_subscriber::registry()
                    .with(filter())
                    .with(layer.with_syslog_identifier("themeday".into()))
                    .try_init();
                return;
            }
            Err(e) => eprintln!("themeday: 无法连接 journald（{e}），日志改为写到标准错误输出"),
        }
    }
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter())
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    let _ = if format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

/// True when file descriptor 2 is the stream systemd connected to the journal: systemd sets
/// `JOURNAL_STREAM=<device>:<inode>` of that stream (systemd.exec(5)); a child whose stderr
/// was redirected elsewhere inherits the variable but not the stream.
fn stderr_is_journal() -> bool {
    let Ok(v) = std::env::var("JOURNAL_STREAM") else {
        return false;
    };
    // SAFETY: fstat on a descriptor number fills the zeroed struct or fails; nothing is kept.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(2, &mut st) } != 0 {
        return false;
    }
    names_stream(&v, st.st_dev as u64, st.st_ino as u64)
}

/// Whether a `JOURNAL_STREAM` value names the stream with this device and inode.
pub fn names_stream(value: &str, dev: u64, ino: u64) -> bool {
    let Some((d, i)) = value.trim().split_once(':') else {
        return false;
    };
    d.parse::<u64>().is_ok_and(|d| d == dev) && i.parse::<u64>().is_ok_and(|i| i == ino)
}

#[cfg(test)]
mod tests {
    use super::names_stream;

    #[test]
    fn journal_stream_must_name_this_stderr() {
        assert!(names_stream("8:1234", 8, 1234));
        assert!(!names_stream("8:1234", 8, 1235));
        assert!(!names_stream("9:1234", 8, 1234));
        assert!(!names_stream("", 8, 1234));
        assert!(!names_stream("8-1234", 8, 1234));
    }
}
