//! Black-box tests of the `themeday` binary: each test in its own temp dir, THEMEDAY_*
//! variables cleared.

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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Runs `classify` on `files` and returns its output and the JSON lines, one per file.
fn classify_json(files: &[&Path]) -> (Output, Vec<serde_json::Value>) {
    let mut args = vec![
        "--config".to_string(),
        real_config(),
        "classify".to_string(),
    ];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let o = themeday(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), files.len());
    (o, lines)
}

fn real_config() -> String {
    root()
        .join("config/dongkou-2023.toml")
        .display()
        .to_string()
}

/// A copy of the real configuration in `dir`, with the schedule and units copied too so a
/// test can break them.
fn copy_config(dir: &Path, store: bool) -> PathBuf {
    let cfg = std::fs::read_to_string(root().join("config/dongkou-2023.toml")).unwrap();
    let mut cfg = cfg.replace(
        "calendar = \"calendar\"",
        &format!(
            "calendar = \"{}\"",
            root().join("config/calendar").display()
        ),
    );
    if store {
        cfg = cfg
            .replace(
                "/var/lib/themeday/themeday.db",
                &dir.join("db.sqlite").display().to_string(),
            )
            .replace(
                "/var/lib/themeday/archive",
                &dir.join("archive").display().to_string(),
            );
    }
    std::fs::write(dir.join("dongkou-2023.toml"), cfg).unwrap();
    for f in ["dongkou-2023-schedule.tsv", "dongkou-2023-units.toml"] {
        std::fs::copy(root().join("config").join(f), dir.join(f)).unwrap();
    }
    dir.join("dongkou-2023.toml")
}

#[test]
fn check_accepts_the_real_configuration() {
    // `check` verifies that the password variables the config names are set (issue 11).
    let o = Command::new(env!("CARGO_BIN_EXE_themeday"))
        .args(["--config", &real_config(), "check"])
        .env("THEMEDAY_IMAP_PASSWORD", "x")
        .env("THEMEDAY_SMTP_PASSWORD", "x")
        .output()
        .expect("run themeday");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("活动 25 项，单位 20 个"), "{out}");
    assert!(out.contains("11月尚未安排主题活动"), "{out}");
}

#[test]
fn check_reports_each_problem_with_file_line_and_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = copy_config(tmp.path(), false);
    let tsv = tmp.path().join("dongkou-2023-schedule.tsv");
    let mut s = std::fs::read_to_string(&tsv).unwrap();
    s = s
        .replace("\t县水利局\t4 月", "\t县水务局\t4 月")
        .replace("\t县司法局\t4 月", "\t县司法局\t13 月");
    std::fs::write(&tsv, s).unwrap();
    let units = tmp.path().join("dongkou-2023-units.toml");
    let u = std::fs::read_to_string(&units).unwrap().replacen(
        "aliases = [\"县农业局\"",
        "aliases = [\"县市场监管局\"",
        1,
    );
    std::fs::write(&units, u).unwrap();
    let o = themeday(&["--config", cfg.to_str().unwrap(), "check"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    // The unknown unit, on schedule line 2 (row 1), with a fix.
    assert!(
        err.contains("dongkou-2023-schedule.tsv:2: 第1项的责任单位“县水务局”不在单位名录中"),
        "{err}"
    );
    assert!(
        err.contains("中添加 name = \"县水务局\" 的 [[unit]]"),
        "{err}"
    );
    // The month out of range, on row 3's line.
    assert!(
        err.contains("dongkou-2023-schedule.tsv:4: 计划开展时间 \"13 月\""),
        "{err}"
    );
    // The alias used by two units, with the line of the second use.
    let alias_line = std::fs::read_to_string(&units)
        .unwrap()
        .lines()
        .position(|l| l.contains("县农业农村委"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "dongkou-2023-units.toml:{alias_line}: 名称或别称 \"县市场监管局\" 已被 县市监局 使用"
        )),
        "{err}"
    );
}

#[test]
fn secrets_in_the_config_are_refused_with_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = copy_config(tmp.path(), false);
    let s = std::fs::read_to_string(&cfg).unwrap().replace(
        "password_env = \"THEMEDAY_IMAP_PASSWORD\"",
        "password = \"abcd1234\"",
    );
    std::fs::write(&cfg, &s).unwrap();
    let line = s
        .lines()
        .position(|l| l.starts_with("password = "))
        .unwrap()
        + 1;
    let o = themeday(&["--config", cfg.to_str().unwrap(), "check"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains(&format!("dongkou-2023.toml:{line}:")), "{err}");
    assert!(err.contains("授权码等密码不能写在配置文件中"), "{err}");
    assert!(
        !err.contains("abcd1234"),
        "the secret must not be echoed: {err}"
    );
}

#[test]
fn a_missing_calendar_year_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let cal = tmp.path().join("calendar");
    std::fs::create_dir(&cal).unwrap();
    std::fs::copy(
        root().join("config/calendar/2024.toml"),
        cal.join("2024.toml"),
    )
    .unwrap();
    let cfg = copy_config(tmp.path(), false);
    let s = std::fs::read_to_string(&cfg).unwrap().replace(
        &root().join("config/calendar").display().to_string(),
        &cal.display().to_string(),
    );
    std::fs::write(&cfg, s).unwrap();
    let o = themeday(&["--config", cfg.to_str().unwrap(), "check"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("工作日历缺少活动年度 2023 年的数据"), "{err}");
    assert!(err.contains("2023.toml"), "{err}");
}

#[test]
fn workdays_list_agrees_with_the_state_council_every_year() {
    let o = themeday(&[
        "--config",
        &real_config(),
        "workdays",
        "list",
        "2023-01-01",
        "2026-12-31",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 365 * 4 + 1);
    for (year, workdays) in [("2023", 249), ("2024", 251), ("2025", 248), ("2026", 248)] {
        let n = lines
            .iter()
            .filter(|l| l.starts_with(year) && l.contains(" workday"))
            .count();
        assert_eq!(n, workdays, "{year}");
    }
    for (day, kind) in [
        ("2023-04-23", "workday"),
        ("2023-10-07", "workday"),
        ("2023-06-23", "rest"),
        ("2026-02-23", "rest"),
        ("2023-05-06", "workday"),
        ("2023-05-01", "rest"),
        ("2024-02-18", "workday"),
        ("2025-10-11", "workday"),
    ] {
        let line = lines.iter().find(|l| l.starts_with(day)).unwrap();
        assert!(line.starts_with(&format!("{day} {kind}")), "{line}");
    }
}

#[test]
fn workdays_add_counts_make_up_days_and_refuses_unknown_years() {
    let add = |date: &str, n: &str| {
        stdout(&themeday(&[
            "--config",
            &real_config(),
            "workdays",
            "add",
            date,
            n,
        ]))
        .trim()
        .to_string()
    };
    assert_eq!(add("2023-04-21", "5"), "2023-04-27");
    assert_eq!(add("2023-04-21", "-5"), "2023-04-14");
    assert_eq!(add("2023-04-28", "1"), "2023-05-04");
    let o = themeday(&[
        "--config",
        &real_config(),
        "workdays",
        "add",
        "2026-12-28",
        "5",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("缺少 2027 年的数据"), "{}", stderr(&o));
}

#[test]
fn classify_prints_one_json_object_per_file() {
    let fixtures = root().join("fixtures/classify");
    let a = fixtures.join("001-qq-water-plan-unit-in-from-name.eml");
    let b = fixtures.join("057-qq-vacation-autoreply.eml");
    let (_, lines) = classify_json(&[&a, &b]);
    for key in [
        "file",
        "kind",
        "unit",
        "activity",
        "activity_date",
        "activity_end",
        "confidence",
        "needs_review",
        "automated",
        "reasons",
    ] {
        assert!(lines[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(lines[0]["kind"], "plan");
    assert_eq!(lines[0]["unit"], "县水利局");
    assert_eq!(lines[1]["automated"], true);
    assert_eq!(lines[1]["kind"], "other");
}

#[test]
fn classify_reports_garbage_without_panicking() {
    let tmp = tempfile::tempdir().unwrap();
    let junk = tmp.path().join("junk.eml");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 0, 255]).unwrap();
    let empty = tmp.path().join("empty.eml");
    std::fs::write(&empty, b"").unwrap();
    let (o, lines) = classify_json(&[&junk, &empty]);
    assert!(lines
        .iter()
        .all(|l| l["kind"] == "other" && l["needs_review"] == true));
    assert!(stderr(&o).contains("无法解析"), "{}", stderr(&o));
}

#[test]
fn import_is_idempotent_and_status_shows_the_season_in_chinese() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = copy_config(tmp.path(), true);
    let fixtures = root().join("fixtures/classify");
    let files: Vec<String> = [
        "001-qq-water-plan-unit-in-from-name.eml",
        "002-foxmail-water-report-gb2312-qp.eml",
        "053-spam-invoice-gbk-8bit-lf.eml",
    ]
    .iter()
    .map(|f| fixtures.join(f).display().to_string())
    .collect();
    let mut args = vec![
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        "2023-05-10T10:00:00+08:00",
        "import",
    ];
    args.extend(files.iter().map(String::as_str));
    let o = themeday(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("新登记 3 封，重复 0 封"),
        "{}",
        stdout(&o)
    );
    let o = themeday(&args);
    assert!(
        stdout(&o).contains("新登记 0 封，重复 3 封"),
        "{}",
        stdout(&o)
    );
    let conn = rusqlite::Connection::open(tmp.path().join("db.sqlite")).unwrap();
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM mail", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
    // Archived by content hash.
    let archived = walk(&tmp.path().join("archive"));
    assert_eq!(archived.len(), 3);
    // The plan and the report come from addresses the directory does not list: they wait
    // until the office confirms them for the unit (issue 11).
    for addr in ["1623857740@qq.com", "xiaojj1976@163.com"] {
        let o = themeday(&[
            "--config",
            cfg.to_str().unwrap(),
            "--now",
            "2023-05-10T10:00:00+08:00",
            "units",
            "--confirm",
            addr,
            "--unit",
            "县水利局",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("已登记"), "{}", stdout(&o));
    }
    let o = themeday(&[
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        "2023-05-10T10:00:00+08:00",
        "status",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("活动进度"), "{out}");
    let row1 = out.lines().find(|l| l.starts_with("1 ")).unwrap();
    assert!(
        row1.contains("县水利局") && row1.contains("4月20日") && row1.contains("报告已按时报送"),
        "{row1}"
    );
    assert_eq!(
        out.lines()
            .filter(|l| l
                .split_whitespace()
                .next()
                .is_some_and(|w| w.parse::<u32>().is_ok()))
            .count(),
        25
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn digest_print_on_the_demo_data_shows_every_section() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = std::fs::read_to_string(root().join("config/demo.toml")).unwrap();
    let demo = demo
        .replace(
            "\"dongkou-2023-schedule.tsv\"",
            &format!(
                "\"{}\"",
                root().join("config/dongkou-2023-schedule.tsv").display()
            ),
        )
        .replace(
            "\"dongkou-2023-units.toml\"",
            &format!(
                "\"{}\"",
                root().join("config/dongkou-2023-units.toml").display()
            ),
        )
        .replace(
            "calendar = \"calendar\"",
            &format!(
                "calendar = \"{}\"",
                root().join("config/calendar").display()
            ),
        )
        .replace(
            "\"../demo/maildir\"",
            &format!("\"{}\"", root().join("demo/maildir").display()),
        )
        .replace("../var/demo/", "");
    let cfg = tmp.path().join("demo.toml");
    std::fs::write(&cfg, demo).unwrap();
    let now = "2023-04-20T09:00:00+08:00";
    let o = themeday(&["--config", cfg.to_str().unwrap(), "--now", now, "poll"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("新邮件 12 封"), "{}", stdout(&o));
    // The demo directory lists no addresses: the water bureau's plan waits until the office
    // confirms its sender (issue 11); then it counts.
    let o = themeday(&[
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        now,
        "units",
        "--confirm",
        "1623857740@qq.com",
        "--unit",
        "县水利局",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The demo Maildir is read, never modified.
    let o = themeday(&[
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        now,
        "digest",
        "--print",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // The phone-first digest (issue 13): the to-do on top (here: a unit's question and the
    // addresses the bot proposes), the bot's notes, what falls due, the new mail, progress.
    for section in [
        "【今日待办】",
        "■ 单位咨询 1 件",
        "■ 待确认的单位邮箱",
        "■ 系统提示",
        "【未来5个工作日内到期】",
        "【新到邮件 12 封】",
        "【全年进度】",
    ] {
        assert!(out.contains(section), "missing {section}:\n{out}");
    }
    // Activity 1 held Thu 04-20: report due 5 working days later, Wed 04-26 (Sun 04-23 counts).
    assert!(
        out.contains("第1项 县水利局 · 情况报告：截止2023年4月26日，还有 5 个工作日"),
        "{out}"
    );
    assert!(out.contains("11月尚未安排主题活动"), "{out}");
    let outbox = walk(&tmp.path().join("outbox"));
    // 8 plans acknowledged, plus the day's digest.
    assert_eq!(outbox.len(), 9, "{outbox:?}");
}

#[test]
fn a_schedule_pasted_from_excel_with_a_multi_line_cell_loads() {
    // Copying the 附件 table from Excel into the TSV: CRLF line ends, a cell with a line break
    // comes in quotes (quotes inside it doubled), and the empty column right of the table too.
    let tmp = tempfile::tempdir().unwrap();
    let cfg = copy_config(tmp.path(), false);
    let tsv = tmp.path().join("dongkou-2023-schedule.tsv");
    let original = std::fs::read_to_string(&tsv).unwrap();
    let pasted: String = original
        .lines()
        .map(|l| {
            let l = if l.starts_with("1\t") {
                l.replace(
                    "“强化依法治水，携手共护母亲河”世界水日，中国水周主题活动",
                    "\"“强化依法治水，携手共护母亲河”\r\n世界水日，中国水周主题活动\"",
                )
                .replace(
                    "政策发布、有奖问答比赛等",
                    "\"政策发布、\r\n\"\"有奖问答\"\"比赛等\"",
                )
            } else {
                l.to_string()
            };
            format!("{l}\t\r\n")
        })
        .collect();
    assert!(pasted.contains("\"“强化依法治水，携手共护母亲河”\r\n世界水日"));
    std::fs::write(&tsv, &pasted).unwrap();
    // `check` also verifies that the password variables the config names are set (issue 11).
    let o = Command::new(env!("CARGO_BIN_EXE_themeday"))
        .args(["--config", cfg.to_str().unwrap(), "check"])
        .env("THEMEDAY_IMAP_PASSWORD", "x")
        .env("THEMEDAY_SMTP_PASSWORD", "x")
        .output()
        .expect("run themeday");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("活动 25 项"), "{}", stdout(&o));
    // The activity reads as before: a plan for it is still recognised.
    let plan = root().join("fixtures/classify/001-qq-water-plan-unit-in-from-name.eml");
    let mut args = vec!["--config", cfg.to_str().unwrap(), "classify"];
    let plan_s = plan.display().to_string();
    args.push(&plan_s);
    let o = themeday(&args);
    let line: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(
        (line["kind"].as_str(), line["activity"].as_u64()),
        (Some("plan"), Some(1))
    );
    // A bad row after the two-line cells is reported on its own line, with the fix.
    let broken = pasted.replacen("\t县司法局\t4 月", "\t县司法局\t13 月", 1);
    std::fs::write(&tsv, &broken).unwrap();
    let line = broken[..broken.find("13 月").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let o = themeday(&["--config", cfg.to_str().unwrap(), "check"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(&format!(
            "dongkou-2023-schedule.tsv:{line}: 计划开展时间 \"13 月\" 不是 2023 年的月份（改法："
        )),
        "{}",
        stderr(&o)
    );
}
