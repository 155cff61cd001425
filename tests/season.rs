//! Seasons: a season ends after its last report deadline plus `[season] grace_days`; after
//! that nothing is sent for it (no reminder, overdue notice or digest), while new mail is still
//! recorded and acknowledged.

mod common;

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

/// Who sent the demo Maildir's plans.
const DEMO_SENDERS: [(&str, &str); 8] = [
    ("县市监局", "lina_ipo@163.com"),
    ("县水利局", "1623857740@qq.com"),
    ("县司法局", "chenxiao_sfj@126.com"),
    ("县退役军人事务局", "zhaoyong_tyjr@163.com"),
    ("县市监局", "wangli_dksj@163.com"),
    ("县财政局", "2875513346@qq.com"),
    ("县发改局", "zhoumin_dkfgj@163.com"),
    ("县民政局", "dkmzj_bgs@126.com"),
];

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
            &format!("{:?}", dir.join("units.toml")),
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
    // The demo plans' senders, as the office would have confirmed them: since issue 11 only
    // mail from a known address counts, and reminders go only to known addresses.
    std::fs::write(dir.join("units.toml"), common::units_with(&DEMO_SENDERS)).unwrap();
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

fn db(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join("themeday.db")).unwrap()
}

/// A 2024 schedule for three units of the directory, written to `path`.
fn schedule_2024(path: &Path, third_unit: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        path,
        format!(
            "序号\t活动主题\t活动形式\t责任单位\t计划开展时间\n\
             1\t世界水日、中国水周主题活动\t现场宣传\t县水利局\t2024年4月\n\
             2\t消费者权益保护宣传\t现场宣传\t县市监局\t5月\n\
             3\t税费政策宣传\t座谈\t{third_unit}\t6月\n"
        ),
    )
    .unwrap();
}

fn run(cfg: &Path, now: &str, args: &[&str]) -> Output {
    let mut a = vec!["--config", cfg.to_str().unwrap(), "--now", now];
    a.extend(args);
    themeday(&a)
}

#[test]
fn season_new_starts_the_next_season_in_the_same_store() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = demo(tmp.path(), "");
    // The 2023 season: the demo's plans, among them activity 1's (县水利局).
    poll(&cfg, "2023-04-20T09:00:00+08:00");
    let row1 = |out: &str| {
        out.lines()
            .find(|l| l.starts_with("1 "))
            .unwrap_or_else(|| panic!("{out}"))
            .to_string()
    };
    let out = ok(run(&cfg, "2023-04-20T10:00:00+08:00", &["status"]));
    assert!(row1(&out).contains("4月12日按时"), "{out}");

    let new_schedule = tmp.path().join("incoming/2024年计划表.tsv");
    schedule_2024(&new_schedule, "县税务局");
    let out = ok(run(
        &cfg,
        "2024-01-10T10:00:00+08:00",
        &[
            "season",
            "new",
            "2024",
            "--schedule",
            new_schedule.to_str().unwrap(),
        ],
    ));
    assert!(out.contains("已开始 2024 年活动季：活动 3 项"), "{out}");
    // The configuration now names 2024 and the copied schedule; 2023's is kept beside it.
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(
        text.contains("year = 2024\n") && text.contains("schedule = \"2024年计划表.tsv\"\n"),
        "{text}"
    );
    assert!(tmp.path().join("2024年计划表.tsv").is_file());
    let old = tmp.path().join("demo-2023.toml");
    assert!(std::fs::read_to_string(&old)
        .unwrap()
        .contains("year = 2023\n"));

    // 2024's activity 1 has no plan yet: 2023's plan for activity 1 does not count for it.
    let out = ok(run(&cfg, "2024-04-01T10:00:00+08:00", &["status"]));
    assert!(out.starts_with("2024年"), "{out}");
    assert!(row1(&out).contains("未报"), "{out}");
    assert!(!row1(&out).contains("按时"), "{out}");
    // 2023 is still there, through its kept configuration.
    let out = ok(run(&old, "2024-04-01T10:00:00+08:00", &["status"]));
    assert!(row1(&out).contains("4月12日按时"), "{out}");

    // A 2024 plan is recorded in 2024.
    let plan = "From: 洞口县水利局 <1623857740@qq.com>\r\nTo: 43347867@qq.com\r\nSubject: 县水利局2024年世界水日活动方案\r\nDate: Mon, 08 Apr 2024 09:00:00 +0800\r\nMessage-ID: <plan-2024@test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n县政务公开办：\r\n我局定于2024年4月22日开展世界水日、中国水周主题活动，现将活动方案报送如下。\r\n洞口县水利局\r\n";
    let file = tmp.path().join("plan-2024.eml");
    std::fs::write(&file, plan).unwrap();
    ok(run(
        &cfg,
        "2024-04-08T10:00:00+08:00",
        &["import", file.to_str().unwrap()],
    ));
    let out = ok(run(&cfg, "2024-04-08T10:00:00+08:00", &["status"]));
    assert!(row1(&out).contains("4月8日按时"), "{out}");
    let seasons: Vec<(i64, i64)> = db(tmp.path())
        .prepare("SELECT season, COUNT(*) FROM mail GROUP BY season ORDER BY season")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(seasons, [(2023, 12), (2024, 1)]);
    let out = ok(run(&cfg, "2024-04-08T10:00:00+08:00", &["season", "list"]));
    assert!(
        out.contains("2023年：邮件 12 封") && out.contains("2024年（当前）：邮件 1 封"),
        "{out}"
    );
}

#[test]
fn each_season_reminds_its_own_activities() {
    // 2023's overdue notice for activity 1 went out; 2024's activity 1 is reminded all the same.
    let tmp = tempfile::tempdir().unwrap();
    let cfg = demo(tmp.path(), "");
    poll(&cfg, "2023-06-01T10:00:00+08:00");
    let keys = |dir: &Path| -> Vec<String> {
        db(dir)
            .prepare("SELECT key FROM reminder_item ORDER BY key")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let before = keys(tmp.path());
    assert!(
        before.contains(&"2023:report-overdue:1".to_string()),
        "{before:?}"
    );
    let new_schedule = tmp.path().join("2024.tsv");
    schedule_2024(&new_schedule, "县公安局");
    ok(run(
        &cfg,
        "2024-01-10T10:00:00+08:00",
        &[
            "season",
            "new",
            "2024",
            "--schedule",
            new_schedule.to_str().unwrap(),
        ],
    ));
    // 27 March 2024, five working days before April: 县水利局 is told what activity 1 needs.
    poll(&cfg, "2024-03-27T10:00:00+08:00");
    let after = keys(tmp.path());
    assert!(after.contains(&"2024:notice:1".to_string()), "{after:?}");
    assert!(before.iter().all(|k| after.contains(k)));
    assert!(after
        .iter()
        .all(|k| k.starts_with("2023:") || k.starts_with("2024:")));
}

#[test]
fn a_store_from_before_seasons_is_claimed_by_its_season() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = demo(tmp.path(), "");
    poll(&cfg, "2023-06-01T10:00:00+08:00");
    let due_before = ok(run(
        &cfg,
        "2023-06-01T11:00:00+08:00",
        &["remind", "--dry-run"],
    ));
    // As the store was before seasons: no season on mails, keys without a year.
    {
        let conn = db(tmp.path());
        conn.execute_batch(
            "UPDATE mail SET season = NULL; DELETE FROM season;
             UPDATE reminder_item SET key = substr(key, 6);",
        )
        .unwrap();
        let n: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM reminder_item WHERE key LIKE '2023:%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0);
    }
    let new_schedule = tmp.path().join("2024.tsv");
    schedule_2024(&new_schedule, "县税务局");
    ok(run(
        &cfg,
        "2024-01-10T10:00:00+08:00",
        &[
            "season",
            "new",
            "2024",
            "--schedule",
            new_schedule.to_str().unwrap(),
        ],
    ));
    let conn = db(tmp.path());
    let unclaimed: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM mail WHERE season IS NOT 2023",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unclaimed, 0);
    let keys: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM reminder_item WHERE key NOT LIKE '2023:%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(keys, 0);
    // The reminders already sent in 2023 still count as sent for 2023.
    let due_after = ok(run(
        &tmp.path().join("demo-2023.toml"),
        "2023-06-01T11:00:00+08:00",
        &["remind", "--dry-run"],
    ));
    assert_eq!(due_after, due_before);
    assert!(!due_after.contains("第1项"), "{due_after}");
}

#[test]
fn season_new_checks_the_schedule_before_changing_anything() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = demo(tmp.path(), "");
    let before = std::fs::read_to_string(&cfg).unwrap();
    let new_schedule = tmp.path().join("incoming/2024.tsv");
    schedule_2024(&new_schedule, "县水务局");
    let o = run(
        &cfg,
        "2024-01-10T10:00:00+08:00",
        &[
            "season",
            "new",
            "2024",
            "--schedule",
            new_schedule.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("2024.tsv:4: 第3项的责任单位“县水务局”不在单位名录中"),
        "{err}"
    );
    let o = run(
        &cfg,
        "2024-01-10T10:00:00+08:00",
        &[
            "season",
            "new",
            "2023",
            "--schedule",
            new_schedule.to_str().unwrap(),
        ],
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("新活动季的年份须晚于当前的 2023 年"));
    // Nothing written: same configuration, no kept copy, no schedule copied, no store.
    assert_eq!(std::fs::read_to_string(&cfg).unwrap(), before);
    assert!(!tmp.path().join("demo-2023.toml").exists());
    assert!(!tmp.path().join("2024.tsv").exists());
    assert!(!tmp.path().join("themeday.db").exists());
}
