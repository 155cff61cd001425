//! A mail that carries several submissions (the report of one activity and the plan of the
//! next): each is recorded, counts for its own activity's deadlines, is listed in the one
//! acknowledgement and in the digest; the office's corrections set one or several; a store from
//! before such mails existed migrates.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use themeday::classify::{Classifier, Kind};
use themeday::commands::{parse::commands, parse::AssignPart, parse::Command};
use themeday::config::Config;
use themeday::daemon::{record_one, PassSummary};
use themeday::deadlines::season_status;
use themeday::review::{assign, Assignment};
use themeday::store::Store;
use themeday::trust::Trust;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("fixtures/classify").join(name)).expect("fixture")
}

/// The configuration, with each address in its unit's directory entry (so its mail settles).
fn config_knowing(pairs: &[(&str, &str)]) -> Config {
    let mut config = Config::load(&root().join("config/dongkou-2023.toml")).expect("config");
    for (unit, address) in pairs {
        let u = config
            .units
            .iter_mut()
            .find(|u| u.name == *unit)
            .expect("unit");
        u.addresses.push(address.to_string());
    }
    config
}

fn open(dir: &std::path::Path) -> Store {
    Store::open(&dir.join("t.db"), &dir.join("archive")).expect("store")
}

/// The acknowledgements in the outbox: (dedup key, subject, text).
fn acks(store: &Store) -> Vec<(String, String, String)> {
    store
        .outgoing(None)
        .expect("outbox")
        .into_iter()
        .filter(|q| q.kind == "ack")
        .map(|q| {
            let m = mail_parser::MessageParser::default()
                .parse(&q.raw)
                .expect("our mail parses");
            let text = m.body_text(0).unwrap_or_default().into_owned();
            (q.dedup_key, q.subject, text)
        })
        .collect()
}

const VETERANS: &str = "082-qq-veterans-report-and-next-plan-in-one-mail.eml";

#[test]
fn a_report_and_a_plan_in_one_mail_count_for_both_activities_with_one_acknowledgement() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_knowing(&[("县退役军人事务局", "3057712094@qq.com")]);
    let classifier = Classifier::new(&config);
    let trust = Trust::directory_only(&config);
    let raw = fixture(VETERANS);
    let now = at("2023-05-30T18:00:00+08:00");

    // A crash before the batch commits: nothing recorded, nothing queued.
    {
        let mut store = open(dir.path());
        store.begin_batch().unwrap();
        let mut sum = PassSummary::default();
        record_one(
            &config,
            &classifier,
            &trust,
            &mut store,
            &raw,
            "maildir:1",
            None,
            now,
            &mut sum,
        )
        .unwrap();
        assert_eq!((sum.plans, sum.reports, sum.acks_queued), (1, 1, 1));
        store.rollback_batch();
        assert!(store.mails().unwrap().is_empty());
        assert!(acks(&store).is_empty());
    }
    // The restart records it, and the same mail fetched again (another source) changes nothing.
    for (i, key) in ["maildir:1", "imap:7:1", "maildir:1"].iter().enumerate() {
        let mut store = open(dir.path());
        let mut sum = PassSummary::default();
        record_one(
            &config,
            &classifier,
            &trust,
            &mut store,
            &raw,
            key,
            None,
            now,
            &mut sum,
        )
        .unwrap();
        assert_eq!(sum.new, usize::from(i == 0), "pass {i}");
    }
    let store = open(dir.path());
    let mails = store.mails().unwrap();
    assert_eq!(mails.len(), 1);
    let m = &mails[0];
    assert_eq!((m.kind, m.activity), (Kind::Report, Some(8)));
    assert!(!m.needs_review, "{:?}", m.reasons);
    assert_eq!(m.also.len(), 1);
    assert_eq!((m.also[0].kind, m.also[0].activity), (Kind::Plan, Some(15)));
    assert_eq!(m.also[0].activity_date.unwrap().to_string(), "2023-06-15");

    // Both activities have their record, and the deadlines see both.
    let subs = store.submissions(config.timezone).unwrap();
    assert_eq!(subs.record_of(8, Kind::Report), Some(m.id));
    assert_eq!(subs.record_of(15, Kind::Plan), Some(m.id));
    assert_eq!(subs.record_of(15, Kind::Report), None);
    assert!(store.has_settled_plan(15, None).unwrap());
    let statuses = season_status(&config, &subs, now);
    let s8 = statuses.iter().find(|s| s.number == 8).unwrap();
    let s15 = statuses.iter().find(|s| s.number == 15).unwrap();
    assert_eq!(s8.report.as_ref().map(|r| r.mail_id), Some(m.id));
    let plan15 = s15.plan.as_ref().expect("activity 15's plan is on record");
    assert_eq!(plan15.mail_id, m.id);
    // 6月15日 less 5 working days is 6月8日: the plan of 5月30日 is on time.
    assert_eq!(plan15.on_time, Some(true));
    assert_eq!(
        s15.date.map(|d| d.to_string()).as_deref(),
        Some("2023-06-15")
    );

    // The progress table and the timeliness export show activity 15's plan as received.
    let table = themeday::status::status_table(&config, &store, now).unwrap();
    let row = |n: &str| {
        table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(n))
            .unwrap_or_else(|| panic!("{table}"))
            .to_string()
    };
    assert!(row("15").contains("5月30日按时") && row("15").contains("方案已按时报送"));
    assert!(row("8").contains("5月30日按时") && row("8").contains("报告已按时报送"));
    let out = dir.path().join("t.csv");
    themeday::export::timeliness::timeliness(&config, &store, now, "csv", &out).unwrap();
    let csv = std::fs::read_to_string(&out).unwrap();
    let row15 = csv.lines().find(|l| l.starts_with("15,")).unwrap();
    assert!(row15.contains(",2023-05-30,2023-06-08,按时,"), "{row15}");

    // One acknowledgement, listing each submission.
    let acks = acks(&store);
    assert_eq!(acks.len(), 1, "{acks:?}");
    let (key, subject, text) = &acks[0];
    assert_eq!(key, &format!("ack:{}", m.hash));
    assert_eq!(
        subject,
        "回执：县退役军人事务局第8项活动情况报告、第15项活动方案已登记"
    );
    assert!(text.contains("材料共2项"), "{text}");
    assert!(text.contains("一、第8项活动情况报告"), "{text}");
    assert!(text.contains("二、第15项活动方案"), "{text}");
    assert!(text.contains("活动日期：2023年6月15日"), "{text}");
    assert!(text.contains("报送期限：2023年6月8日前"), "{text}");
    assert_eq!(text.matches("如以上登记信息有误").count(), 1);

    // The digest lists each submission of the mail.
    let digest =
        themeday::notify::digest::build(&config, &store, at("2023-05-31T08:00:00+08:00")).unwrap();
    let text = &digest.draft.text;
    assert!(
        text.contains("活动情况报告 · 县退役军人事务局 · 第8项")
            && text.contains("活动方案 · 县退役军人事务局 · 第15项"),
        "{text}"
    );
}

#[test]
fn the_office_sets_several_submissions_or_one_and_the_held_acknowledgement_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_knowing(&[("县行政审批服务局", "dkxzspj@163.com")]);
    let classifier = Classifier::new(&config);
    let trust = Trust::directory_only(&config);
    let now = at("2023-05-29T11:00:00+08:00");
    let mut store = open(dir.path());
    let mut sum = PassSummary::default();
    // The plan part has no date yet: the mail waits for the office.
    record_one(
        &config,
        &classifier,
        &trust,
        &mut store,
        &fixture("123-qq-shenpi-report12-plan25-no-date-review.eml"),
        "maildir:1",
        None,
        now,
        &mut sum,
    )
    .unwrap();
    let m = store.mails().unwrap().remove(0);
    assert!(m.needs_review);
    assert_eq!(m.also.len(), 1);
    assert!(
        m.reasons
            .iter()
            .any(|r| r == "同一邮件另含第25项活动方案：未找到活动日期"),
        "{:?}",
        m.reasons
    );
    // Nothing counts yet, and the sender got the short reply only.
    let subs = store.submissions(config.timezone).unwrap();
    assert_eq!(subs.record_of(12, Kind::Report), None);
    assert_eq!(acks(&store).len(), 1);
    assert_eq!(acks(&store)[0].1, themeday::notify::ack::REVIEW_ACK_SUBJECT);

    // The office's reply sets both; its form is read from one line.
    let lines = commands(
        &format!("#{} 第12项 报告 5月25日；第25项 方案 10月17日", m.id),
        2023,
    );
    let Ok(Command::AssignSeveral { mail, parts }) = &lines[0].command else {
        panic!("{:?}", lines[0].command)
    };
    assert_eq!(*mail, m.id);
    let date = |s: &str| Some(s.parse().unwrap());
    assert_eq!(
        parts,
        &vec![
            AssignPart {
                activity: 12,
                kind: Kind::Report,
                date: date("2023-05-25"),
                end: None
            },
            AssignPart {
                activity: 25,
                kind: Kind::Plan,
                date: date("2023-10-17"),
                end: None
            },
        ]
    );
    let cmd = lines[0].command.clone().unwrap();
    let applied =
        themeday::commands::apply::apply(&config, &mut store, &cmd, "office", now).unwrap();
    let after = store.mail(m.id).unwrap().unwrap();
    assert!(after.reviewed && !after.needs_review);
    assert_eq!(after.also.len(), 1);
    assert_eq!(after.also[0].activity_date, date("2023-10-17"));
    let subs = store.submissions(config.timezone).unwrap();
    assert_eq!(subs.record_of(12, Kind::Report), Some(m.id));
    assert_eq!(subs.record_of(25, Kind::Plan), Some(m.id));
    // The acknowledgement held back goes out once, with both.
    let confirmed: Vec<_> = acks(&store)
        .into_iter()
        .filter(|a| a.0.starts_with("ack-confirmed:"))
        .collect();
    assert!(applied.done, "{}", applied.detail);
    assert!(
        applied.detail.contains(
            "第12项活动情况报告，活动日期2023年5月25日；第25项活动方案，活动日期2023年10月17日"
        ),
        "{}",
        applied.detail
    );
    assert_eq!(confirmed.len(), 1);
    assert!(confirmed[0].2.contains("一、第12项活动情况报告"));
    assert!(confirmed[0].2.contains("二、第25项活动方案"));

    // Setting one submission replaces all: the plan no longer counts, and no second ack.
    assign(
        &config,
        &mut store,
        m.id,
        &Assignment::Submission {
            activity: 12,
            kind: Kind::Report,
            date: None,
            end: None,
        },
        "office",
        now,
    )
    .unwrap();
    let after = store.mail(m.id).unwrap().unwrap();
    assert!(after.also.is_empty());
    assert_eq!(after.activity_date, date("2023-05-25"));
    let subs = store.submissions(config.timezone).unwrap();
    assert_eq!(subs.record_of(12, Kind::Report), Some(m.id));
    assert_eq!(subs.record_of(25, Kind::Plan), None);
    assert_eq!(
        acks(&store)
            .iter()
            .filter(|a| a.0.starts_with("ack-confirmed:"))
            .count(),
        1
    );
    // Two activities of two units in one mail are refused.
    let err = assign(
        &config,
        &mut store,
        m.id,
        &Assignment::Several(vec![
            Assignment::Submission {
                activity: 12,
                kind: Kind::Report,
                date: None,
                end: None,
            },
            Assignment::Submission {
                activity: 3,
                kind: Kind::Plan,
                date: None,
                end: None,
            },
        ]),
        "office",
        now,
    )
    .unwrap_err();
    assert!(err.to_string().contains("同一单位"), "{err}");
}

#[test]
fn a_store_from_before_several_submissions_migrates_and_counts_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_knowing(&[
        ("县退役军人事务局", "3057712094@qq.com"),
        ("县水利局", "1623857740@qq.com"),
        ("县水利局", "xiaojj1976@163.com"),
    ]);
    let classifier = Classifier::new(&config);
    let trust = Trust::directory_only(&config);
    let now = at("2023-06-30T18:00:00+08:00");
    let before;
    {
        let mut store = open(dir.path());
        let mut sum = PassSummary::default();
        for (i, name) in [
            "001-qq-water-plan-unit-in-from-name.eml",
            "002-foxmail-water-report-gb2312-qp.eml",
        ]
        .iter()
        .enumerate()
        {
            record_one(
                &config,
                &classifier,
                &trust,
                &mut store,
                &fixture(name),
                &format!("maildir:{i}"),
                None,
                now,
                &mut sum,
            )
            .unwrap();
        }
        before = store.mails().unwrap();
        // As a store of schema 8 was: no table for further submissions.
        store
            .conn()
            .execute_batch("DROP TABLE mail_submission; PRAGMA user_version = 8;")
            .unwrap();
    }
    let mut store = open(dir.path());
    let version: i64 = store
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 9);
    assert_eq!(store.mails().unwrap(), before);
    assert!(before.iter().all(|m| m.also.is_empty()));
    let subs = store.submissions(config.timezone).unwrap();
    let settled: Vec<i64> = before
        .iter()
        .filter(|m| m.is_settled_submission())
        .map(|m| m.id)
        .collect();
    assert!(!settled.is_empty());
    for m in before.iter().filter(|m| m.is_settled_submission()) {
        assert_eq!(subs.record_of(m.activity.unwrap(), m.kind), Some(m.id));
    }
    // The migrated store takes a mail of several submissions.
    let mut sum = PassSummary::default();
    record_one(
        &config,
        &classifier,
        &trust,
        &mut store,
        &fixture(VETERANS),
        "maildir:9",
        None,
        now,
        &mut sum,
    )
    .unwrap();
    let subs = store.submissions(config.timezone).unwrap();
    assert!(subs.record_of(15, Kind::Plan).is_some());
    assert!(subs.record_of(8, Kind::Report).is_some());
}

#[test]
fn assign_on_the_command_line_sets_several_submissions_with_also() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("units.toml"),
        std::fs::read_to_string(root().join("config/dongkou-2023-units.toml")).unwrap(),
    )
    .unwrap();
    let cfg = d.join("config.toml");
    std::fs::write(
        &cfg,
        format!(
            r#"[office]
name = "洞口县政务公开政务服务领导小组办公室"
short_name = "县政务公开办"
address = "43347867@qq.com"
[season]
year = 2023
schedule = "{root}/config/dongkou-2023-schedule.tsv"
units = "units.toml"
calendar = "{root}/config/calendar"
[mailbox]
kind = "maildir"
path = "maildir"
[outgoing]
kind = "file"
dir = "outbox"
[store]
database = "themeday.db"
archive = "archive"
"#,
            root = root().display()
        ),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_themeday"))
            .args(["--config", cfg.to_str().unwrap()])
            .args(["--now", "2023-05-29T12:00:00+08:00"])
            .args(args)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(o.status.success(), "{args:?}: {text}");
        text
    };
    let mail = root().join("fixtures/classify/123-qq-shenpi-report12-plan25-no-date-review.eml");
    run(&["import", mail.to_str().unwrap()]);
    let review = run(&["review"]);
    assert!(
        review.contains("另含：活动方案 / 第25项 / 活动日期 未找到"),
        "{review}"
    );
    assert!(review.contains("--also 序号:plan|report"), "{review}");
    let row = |table: &str, n: &str| {
        table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(n))
            .unwrap_or_else(|| panic!("{table}"))
            .to_string()
    };
    let before = run(&["status"]);
    assert!(!row(&before, "25").contains("按时"), "{before}");
    assert!(!row(&before, "12").contains("按时"), "{before}");
    run(&[
        "assign",
        "1",
        "--activity",
        "12",
        "--kind",
        "report",
        "--also",
        "25:plan:2023-10-17",
    ]);
    let status = run(&["status"]);
    assert!(row(&status, "25").contains("10月17日"), "{status}");
    assert!(row(&status, "25").contains("方案已按时报送"), "{status}");
    assert!(row(&status, "12").contains("报告已按时报送"), "{status}");
    // A malformed --also is refused with the form.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_themeday"))
        .args(["--config", cfg.to_str().unwrap(), "assign", "1"])
        .args(["--activity", "12", "--kind", "report", "--also", "25-plan"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("序号:类别"));
}
