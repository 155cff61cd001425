//! Office tools on a replayed season: review, assign, units, exports, and configuration
//! reload while the daemon runs.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn themeday(cfg: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_themeday"))
        .args(["--config", cfg.to_str().unwrap(), "--now", now])
        .args(args)
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A season: the fixture mails of its storyline (fixtures/classify 001–063; the later ones
/// exercise the classifier on their own) in a Maildir, replayed from April to mid-November.
fn season(dir: &Path, extra: &[(&str, String)]) -> PathBuf {
    let maildir = dir.join("maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    for e in std::fs::read_dir(root().join("fixtures/classify"))
        .unwrap()
        .flatten()
    {
        let storyline = e.file_name().to_str().is_some_and(common::in_storyline);
        if storyline && e.path().extension().is_some_and(|x| x == "eml") {
            std::fs::copy(e.path(), maildir.join("cur").join(e.file_name())).unwrap();
        }
    }
    for (name, raw) in extra {
        std::fs::write(maildir.join("cur").join(name), raw).unwrap();
    }
    std::fs::copy(
        root().join("config/dongkou-2023-schedule.tsv"),
        dir.join("schedule.tsv"),
    )
    .unwrap();
    std::fs::write(
        dir.join("units.toml"),
        common::units_knowing_fixture_senders(extra),
    )
    .unwrap();
    let cfg = format!(
        r#"[office]
name = "洞口县政务公开政务服务领导小组办公室"
short_name = "县政务公开办"
address = "43347867@qq.com"
[season]
year = 2023
schedule = "schedule.tsv"
units = "units.toml"
calendar = "{root}/config/calendar"
required_months = [4, 5, 6, 7, 8, 9, 10, 11, 12]
[mailbox]
kind = "maildir"
path = "maildir"
poll_seconds = 1
[outgoing]
kind = "file"
dir = "outbox"
[store]
database = "themeday.db"
archive = "archive"
"#,
        root = root().display()
    );
    let path = dir.join("config.toml");
    std::fs::write(&path, cfg).unwrap();
    path
}

fn replay(cfg: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_themeday"))
        .args([
            "--config",
            cfg.to_str().unwrap(),
            "replay",
            "--from",
            "2023-04-01",
            "--to",
            "2023-11-15",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out(&o));
}

const NOW: &str = "2023-11-15T10:00:00+08:00";

fn db(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join("themeday.db")).unwrap()
}

fn count(dir: &Path, sql: &str) -> i64 {
    db(dir).query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn review_assign_and_learned_addresses() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = season(tmp.path(), &[]);
    replay(&cfg);
    let police: i64 = db(tmp.path())
        .query_row(
            "SELECT id FROM mail WHERE from_addr = '1827364509@qq.com'",
            [],
            |r| r.get(0),
        )
        .unwrap();

    let o = themeday(&cfg, NOW, &["review"]);
    assert!(o.status.success());
    let text = out(&o);
    assert!(text.contains("待人工核对的邮件共 5 封"), "{text}");
    let block = text.split(&format!("#{police} ")).nth(1).unwrap();
    assert!(
        block.contains("县公安局")
            && block.contains("第9项")
            && block.contains("第13项")
            && block.contains("第24项"),
        "{block}"
    );

    // Unknown mail and unknown activity are clear errors.
    let o = themeday(&cfg, NOW, &["assign", "9999", "--other"]);
    assert!(
        !o.status.success() && out(&o).contains("没有编号为 #9999 的邮件"),
        "{}",
        out(&o)
    );
    let o = themeday(
        &cfg,
        NOW,
        &[
            "assign",
            &police.to_string(),
            "--activity",
            "77",
            "--kind",
            "plan",
        ],
    );
    assert!(
        !o.status.success() && out(&o).contains("活动计划表中没有第77项"),
        "{}",
        out(&o)
    );

    // Before: activity 13 has no plan.
    let row13 = |cfg: &Path| {
        out(&themeday(cfg, NOW, &["status"]))
            .lines()
            .find(|l| l.starts_with("13 "))
            .unwrap()
            .to_string()
    };
    assert!(row13(&cfg).contains("未报"), "{}", row13(&cfg));
    let acks_before = count(tmp.path(), "SELECT COUNT(*) FROM outbox WHERE kind = 'ack'");
    for _ in 0..2 {
        let o = themeday(
            &cfg,
            NOW,
            &[
                "assign",
                &police.to_string(),
                "--activity",
                "13",
                "--kind",
                "plan",
                "--date",
                "2023-06-26",
                "--by",
                "张凤",
            ],
        );
        assert!(o.status.success(), "{}", out(&o));
    }
    // The activity's state follows the correction: plan received 05-30, due 06-16, on time.
    let r = row13(&cfg);
    assert!(
        r.contains("6月26日") && r.contains("6月16日") && r.contains("5月30日按时"),
        "{r}"
    );
    // Both corrections are logged; the held-back acknowledgement went out once.
    assert_eq!(
        count(
            tmp.path(),
            &format!("SELECT COUNT(*) FROM correction WHERE mail_id = {police} AND by = '张凤'")
        ),
        2
    );
    assert_eq!(
        count(
            tmp.path(),
            "SELECT COUNT(*) FROM outbox WHERE dedup_key LIKE 'ack-confirmed:%' AND state = 'sent'"
        ),
        1
    );
    assert_eq!(
        count(tmp.path(), "SELECT COUNT(*) FROM outbox WHERE kind = 'ack'"),
        acks_before + 1
    );
    let ack: Vec<u8> = db(tmp.path())
        .query_row(
            "SELECT raw FROM outbox WHERE dedup_key LIKE 'ack-confirmed:%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let ack = mail_parser::MessageParser::default().parse(&ack).unwrap();
    let body = ack.body_text(0).unwrap();
    assert!(
        body.contains("第13项") && body.contains("2023年6月26日") && body.contains("按时报送"),
        "{body}"
    );
    assert_eq!(
        count(
            tmp.path(),
            &format!("SELECT needs_review FROM mail WHERE id = {police}")
        ),
        0
    );

    // The sender is learned for the unit, shown, and can be forgotten.
    let units = out(&themeday(&cfg, NOW, &["units"]));
    let police_block = units
        .split("县公安局（")
        .nth(1)
        .unwrap()
        .split("县住建局")
        .next()
        .unwrap();
    assert!(
        police_block.contains("1827364509@qq.com  来源：人工更正确认"),
        "{police_block}"
    );
    let o = themeday(&cfg, NOW, &["units", "--forget", "1827364509@qq.com"]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(
        !out(&themeday(&cfg, NOW, &["units"])).contains("1827364509@qq.com  来源：人工更正确认")
    );
    let o = themeday(&cfg, NOW, &["units", "--forget", "nobody@example.com"]);
    assert!(!o.status.success());

    // --other takes a mail out of the review queue without an acknowledgement.
    let bad: i64 = db(tmp.path())
        .query_row(
            "SELECT id FROM mail WHERE needs_review = 1 AND kind = 'other' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let acks = count(tmp.path(), "SELECT COUNT(*) FROM outbox WHERE kind = 'ack'");
    assert!(
        themeday(&cfg, NOW, &["assign", &bad.to_string(), "--other"])
            .status
            .success()
    );
    assert_eq!(
        count(tmp.path(), "SELECT COUNT(*) FROM outbox WHERE kind = 'ack'"),
        acks
    );
    assert!(out(&themeday(&cfg, NOW, &["review"])).contains("待人工核对的邮件共 3 封"));
}

#[test]
fn exports_timeliness_and_the_portal_column() {
    let tmp = tempfile::tempdir().unwrap();
    // A report whose body carries HTML must come out as text on the portal.
    let hostile = "From: 县农业农村局 <nyj@163.com>\r\nTo: 43347867@qq.com\r\nSubject: 县农业农村局打击假冒农药化肥种子活动情况报告\r\nDate: Mon, 12 Jun 2023 09:00:00 +0800\r\nMessage-ID: <hostile-1@test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n我局已于6月8日开展打击假冒农药化肥种子现场宣传活动。<script>alert('x')</script><img src=x onerror=alert(1)>\r\n洞口县农业农村局\r\n".to_string();
    let cfg = season(tmp.path(), &[("1686531600.M999P1.test:2,S", hostile)]);
    replay(&cfg);

    let xlsx = tmp.path().join("timeliness.xlsx");
    let o = themeday(
        &cfg,
        NOW,
        &[
            "export",
            "timeliness",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", out(&o));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut workbook = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut workbook)
        .unwrap();
    assert!(
        workbook.contains("活动报送情况") && workbook.contains("单位汇总"),
        "{workbook}"
    );
    let mut shared = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
        &mut shared,
    )
    .unwrap();
    assert!(shared.contains("方案是否按时") && shared.contains("县退役军人事务局"));

    let csv = tmp.path().join("timeliness.csv");
    let o = themeday(
        &cfg,
        NOW,
        &[
            "export",
            "timeliness",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", out(&o));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with('\u{feff}'),
        "Excel needs the BOM to read UTF-8"
    );
    let lines: Vec<&str> = text.lines().collect();
    // The title row (issue 14), the header, 25 activities.
    assert_eq!(lines.len(), 27);
    // Activity 16: plan 06-16 for a 06-25 activity (due 06-15) is late; report on time.
    assert!(
        lines.iter().any(|l| l.starts_with("16,县自然资源局,")
            && l.contains(",2023-06-16,2023-06-15,逾期,")
            && l.contains(",按时,")),
        "{text}"
    );
    let units = std::fs::read_to_string(tmp.path().join("timeliness-units.csv")).unwrap();
    assert_eq!(units.lines().count(), 22);
    assert!(
        units.lines().any(|l| l.starts_with("县公安局,3,")),
        "{units}"
    );

    let portal = tmp.path().join("portal");
    let export = || {
        let o = themeday(
            &cfg,
            NOW,
            &["export", "portal", "--out", portal.to_str().unwrap()],
        );
        assert!(o.status.success(), "{}", out(&o));
        out(&o)
    };
    // Nothing is published before the office approved it.
    let said = export();
    assert!(
        said.contains("尚未同意发布") && said.contains("（0 项活动）"),
        "{said}"
    );
    assert!(!portal.join("activity-01.html").exists());
    let reports: Vec<String> = {
        let db = db(tmp.path());
        let mut st = db
            .prepare(
                "SELECT id FROM mail WHERE kind = 'report' AND (needs_review = 0 OR reviewed = 1)",
            )
            .unwrap();
        let rows = st.query_map([], |r| r.get::<_, i64>(0)).unwrap();
        rows.map(|r| r.unwrap().to_string()).collect()
    };
    let mut args = vec!["approve"];
    args.extend(reports.iter().map(String::as_str));
    let o = themeday(&cfg, NOW, &args);
    assert!(o.status.success(), "{}", out(&o));
    let said = export();
    assert!(!said.contains("尚未同意发布"), "{said}");
    let index = std::fs::read_to_string(portal.join("index.html")).unwrap();
    // Only activities with a report: 8, 9 and 22 have none.
    for n in [8, 9, 22] {
        assert!(
            !portal.join(format!("activity-{n:02}.html")).exists(),
            "activity {n} has no report"
        );
    }
    assert!(index.contains("activity-01.html") && index.contains("activity-18.html"));
    let page = std::fs::read_to_string(portal.join("activity-18.html")).unwrap();
    assert!(
        page.contains("&lt;script&gt;")
            && !page.contains("<script>")
            && !page.contains("<img src=x"),
        "{page}"
    );
    // Photos travel with the report only when their metadata can be removed: fixture 008's
    // "JPEGs" (the 司法局 report) are random bytes behind a JPEG header, so the export leaves
    // them out and says so. (Real photos: tests/portal.rs.)
    assert!(!portal.join("activity-03").exists());
    assert!(
        said.contains("第3项") && said.contains("JPEG 文件无法解析，未发布"),
        "{said}"
    );
    // Plans never appear: activity 24's page shows its report, not its plan.
    let page24 = std::fs::read_to_string(portal.join("activity-24.html")).unwrap();
    assert!(!page24.contains("拟于"), "{page24}");
}

fn wait_for(mut cond: impl FnMut() -> bool, what: &str) {
    let start = Instant::now();
    while !cond() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn sighup_reloads_a_valid_config_and_keeps_the_old_one_otherwise() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = season(tmp.path(), &[]);
    // Start from an empty mailbox.
    for e in std::fs::read_dir(tmp.path().join("maildir/cur"))
        .unwrap()
        .flatten()
    {
        std::fs::remove_file(e.path()).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_themeday"))
        .args([
            "--config",
            cfg.to_str().unwrap(),
            "--now",
            "2023-04-20T09:00:00+08:00",
            "run",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut log = Vec::new();
    let mut wait_log = |needle: &str| {
        let start = Instant::now();
        loop {
            if log.iter().any(|l: &String| l.contains(needle)) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "no {needle:?} in log: {log:?}"
            );
            if let Ok(l) = rx.recv_timeout(Duration::from_millis(100)) {
                log.push(l);
            }
        }
    };
    wait_log("themeday running");
    let pid = child.id().to_string();

    // The office adds a November theme.
    let mut tsv = std::fs::read_to_string(tmp.path().join("schedule.tsv")).unwrap();
    tsv.push_str("26\t宪法宣传周\t现场宣传\t县司法局\t11月\n");
    std::fs::write(tmp.path().join("schedule.tsv"), tsv).unwrap();
    assert!(Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap()
        .success());
    wait_log("activities=26");

    // A broken config is rejected and the running one kept.
    let good = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(&cfg, good.replace("[outgoing]", "[outgoing\n")).unwrap();
    assert!(Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap()
        .success());
    wait_log("reload rejected");

    // And the daemon goes on: a new plan gets its acknowledgement.
    std::fs::copy(
        root().join("fixtures/classify/001-qq-water-plan-unit-in-from-name.eml"),
        tmp.path().join("maildir/new/1681288500.M1P1.test"),
    )
    .unwrap();
    wait_for(
        || {
            std::fs::read_dir(tmp.path().join("outbox"))
                .map(|d| d.flatten().count() >= 1)
                .unwrap_or(false)
        },
        "the acknowledgement file",
    );
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

/// 计划外活动: a unit plans an activity the schedule does not have (fixture 078: 县水利局, an
/// 11月 theme). The mail is recorded with no activity and held for review; the digest lists
/// it under 计划外活动; `schedule add` appends the activity to the TSV (validated: an unknown
/// unit or month is refused and the file left as it was); `assign` then settles the mail,
/// keeping the date the mail gave, and the activity counts its plan.
#[test]
fn an_unscheduled_activity_is_added_to_the_schedule_and_then_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let cfg = season(dir, &[]);
    // Only the one mail in the Maildir.
    for e in std::fs::read_dir(dir.join("maildir/cur"))
        .unwrap()
        .flatten()
    {
        std::fs::remove_file(e.path()).unwrap();
    }
    std::fs::copy(
        root().join("fixtures/classify/078-qq-water-november-plan-unscheduled.eml"),
        dir.join("maildir/cur/078.eml"),
    )
    .unwrap();
    let now = "2023-10-31T09:30:00+08:00";
    let o = themeday(&cfg, now, &["poll"]);
    assert!(o.status.success(), "{}", out(&o));
    let id: i64 = db(dir)
        .query_row("SELECT id FROM mail", [], |r| r.get(0))
        .unwrap();
    let (activity, review, date): (Option<i64>, bool, Option<String>) = db(dir)
        .query_row(
            "SELECT activity, needs_review, activity_date FROM mail WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(activity, None);
    assert!(review);
    assert_eq!(date.as_deref(), Some("2023-11-16"));

    let o = themeday(&cfg, now, &["digest", "--print"]);
    assert!(o.status.success(), "{}", out(&o));
    let digest = out(&o);
    let section = digest
        .split("■ 计划外活动")
        .nth(1)
        .expect("the digest has a 计划外活动 section")
        .split("\n■")
        .next()
        .unwrap();
    assert!(section.contains(&format!("#{id}")), "{section}");
    assert!(section.contains("县水利局"), "{section}");

    let before = std::fs::read_to_string(dir.join("schedule.tsv")).unwrap();
    let bad = themeday(
        &cfg,
        now,
        &[
            "schedule",
            "add",
            "--theme",
            "节水",
            "--unit",
            "县节水办",
            "--month",
            "11月",
        ],
    );
    assert!(!bad.status.success());
    assert!(out(&bad).contains("单位名录"), "{}", out(&bad));
    let bad = themeday(
        &cfg,
        now,
        &[
            "schedule",
            "add",
            "--theme",
            "节水",
            "--unit",
            "县水利局",
            "--month",
            "冬天",
        ],
    );
    assert!(!bad.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("schedule.tsv")).unwrap(),
        before
    );

    let o = themeday(
        &cfg,
        now,
        &[
            "schedule",
            "add",
            "--theme",
            "节约用水 共建节水型社会",
            "--unit",
            "县水利局",
            "--month",
            "11月",
            "--form",
            "政策发布、有奖问答",
        ],
    );
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("第26项"), "{}", out(&o));
    let after = std::fs::read_to_string(dir.join("schedule.tsv")).unwrap();
    assert!(after.starts_with(&before));
    assert!(after.ends_with("26\t节约用水 共建节水型社会\t政策发布、有奖问答\t县水利局\t11月\n"));
    let o = themeday(&cfg, now, &["check"]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("活动 26 项"), "{}", out(&o));

    let o = themeday(
        &cfg,
        now,
        &[
            "assign",
            &id.to_string(),
            "--activity",
            "26",
            "--kind",
            "plan",
        ],
    );
    assert!(o.status.success(), "{}", out(&o));
    let (activity, date): (Option<i64>, Option<String>) = db(dir)
        .query_row(
            "SELECT activity, activity_date FROM mail WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(activity, Some(26));
    assert_eq!(date.as_deref(), Some("2023-11-16"));
    let o = themeday(&cfg, now, &["status"]);
    let status = out(&o);
    let row = status
        .lines()
        .find(|l| l.starts_with("26 "))
        .unwrap_or_else(|| panic!("{status}"));
    assert!(
        row.contains("县水利局") && row.contains("11月16日"),
        "{row}"
    );
    assert!(row.contains("方案已按时报送"), "the plan counts: {row}");
}
