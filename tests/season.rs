//! Seasons: a season ends after its last report deadline plus `[season] grace_days`; after
//! that nothing is sent for it (no reminder, overdue notice or digest), while new mail is still
//! recorded and acknowledged.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn themeday(args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_themeday"));
    for (k, _) in std::env::vars() {
        if k.starts_with("THEMEDAY_") {
            c.env_remove(k);
        }
    }
    c.args(args).output().expect("run themeday")
}

fn ok(o: Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "{text}");
    text
}

/// The demo (the spring 2023 sample mail in a Maildir, mail out to files) with its store in
/// `dir`, and `extra` lines added under `[season]`.
fn demo(dir: &Path, extra: &str) -> PathBuf {
    let cfg = std::fs::read_to_string(root().join("config/demo.toml"))
        .unwrap()
        .replace(
            "\"dongkou-2023-schedule.tsv\"",
            &format!("{:?}", root().join("config/dongkou-2023-schedule.tsv")),
        )
        .replace(
            "\"dongkou-2023-units.toml\"",
            &format!("{:?}", root().join("config/dongkou-2023-units.toml")),
        )
        .replace(
            "calendar = \"calendar\"",
            &format!("calendar = {:?}\n{extra}", root().join("config/calendar")),
        )
        .replace(
            "\"../demo/maildir\"",
            &format!("{:?}", root().join("demo/maildir")),
        )
        .replace("../var/demo/", "");
    let path = dir.join("demo.toml");
    std::fs::write(&path, cfg).unwrap();
    path
}

/// Outgoing mail in the store, by kind.
fn sent(dir: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(dir.join("themeday.db")).unwrap();
    let mut q = conn
        .prepare("SELECT kind, COUNT(*) FROM outbox GROUP BY kind ORDER BY kind")
        .unwrap();
    q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn poll(cfg: &Path, now: &str) -> String {
    ok(themeday(&[
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        now,
        "poll",
    ]))
}

#[test]
fn a_season_long_over_sends_no_reminders_and_no_digest() {
    // The 2023 demo on a clock of December 2026 (a working day): the eight plans are
    // acknowledged, and nothing else goes out.
    let tmp = tempfile::tempdir().unwrap();
    let cfg = demo(tmp.path(), "");
    poll(&cfg, "2026-12-01T10:00:00+08:00");
    assert_eq!(sent(tmp.path()), [("ack".to_string(), 8)]);
    let o = ok(themeday(&[
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        "2026-12-01T10:00:00+08:00",
        "remind",
        "--dry-run",
    ]));
    assert!(o.contains("2023年活动季已于2023年12月7日结束"), "{o}");
    let o = ok(themeday(&[
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        "2026-12-01T10:00:00+08:00",
        "status",
    ]));
    assert!(o.contains("2023年活动季已于2023年12月7日结束"), "{o}");
}

#[test]
fn the_season_ends_after_its_last_report_deadline_plus_the_grace_period() {
    // Activity 25 (October, no date yet): its report is due at the latest 5 working days after
    // 31 October, on 7 November 2023; 30 days of grace end the season on 7 December.
    // On 7 December the overdue notices still go out (and the digest) ...
    let tmp = tempfile::tempdir().unwrap();
    let cfg = demo(tmp.path(), "");
    poll(&cfg, "2023-12-07T10:00:00+08:00");
    let kinds = sent(tmp.path());
    assert!(
        kinds.iter().any(|(k, n)| k == "reminder" && *n > 0),
        "{kinds:?}"
    );
    assert!(kinds.iter().any(|(k, _)| k == "digest"), "{kinds:?}");
    // ... on 8 December nothing but acknowledgements.
    let tmp = tempfile::tempdir().unwrap();
    let cfg = demo(tmp.path(), "");
    poll(&cfg, "2023-12-08T10:00:00+08:00");
    assert_eq!(sent(tmp.path()), [("ack".to_string(), 8)]);
    // A longer grace period keeps the season open.
    let tmp = tempfile::tempdir().unwrap();
    let cfg = demo(tmp.path(), "grace_days = 60");
    poll(&cfg, "2023-12-08T10:00:00+08:00");
    let kinds = sent(tmp.path());
    assert!(
        kinds.iter().any(|(k, n)| k == "reminder" && *n > 0),
        "{kinds:?}"
    );
}

#[test]
fn a_bad_grace_period_is_refused_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = demo(tmp.path(), "grace_days = -1");
    let text = std::fs::read_to_string(&cfg).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("grace_days"))
        .unwrap()
        + 1;
    let o = themeday(&["--config", cfg.to_str().unwrap(), "check"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "demo.toml:{line}: grace_days = -1 不是 0 到 366 之间的天数"
        )),
        "{err}"
    );
}
