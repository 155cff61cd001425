//! The store's batches and archive writes: what a crash inside a batch leaves, what a commit
//! makes durable, and that parallel preparation changes nothing but the speed.

use std::path::{Path, PathBuf};

use chrono::DateTime;
use themeday::classify::Classifier;
use themeday::config::Config;
use themeday::daemon::prepare_all;
use themeday::deadlines::{season_status, Submissions};
use themeday::ingest::{decide, ingest};
use themeday::store::{content_hash, write_archive, Store};
use themeday::trust::Trust;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> Vec<Vec<u8>> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/classify"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect()
}

fn setup() -> (tempfile::TempDir, Config, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = Config::load(&root().join("config/dongkou-2023.toml")).expect("config");
    let store = Store::open(&dir.path().join("t.db"), &dir.path().join("archive")).expect("store");
    (dir, config, store)
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2023-05-10T09:00:00+08:00").expect("time")
}

fn record(store: &mut Store, classifier: &Classifier, raw: &[u8], key: &str) {
    let config = Config::load(&root().join("config/dongkou-2023.toml")).expect("config");
    record_with(store, classifier, &Trust::directory_only(&config), raw, key);
}

/// Gives each unit, in the directory, the addresses its fixture mails come from (as the office
/// would have confirmed them), so that their plans and reports settle.
fn directory_from_fixtures(config: &mut Config, dirs: &[&str]) {
    let mut owner: std::collections::BTreeMap<String, Option<String>> = Default::default();
    for dir in dirs {
        for e in std::fs::read_dir(root().join(dir)).expect("fixtures") {
            let p = e.expect("entry").path();
            if p.extension().is_none_or(|e| e != "eml") {
                continue;
            }
            let Ok(expected) = std::fs::read_to_string(p.with_extension("json")) else {
                continue;
            };
            let expected: serde_json::Value = serde_json::from_str(&expected).expect("json");
            let (Some(unit), Ok(mail)) = (
                expected["unit"].as_str(),
                themeday::parse::parse(&std::fs::read(&p).expect("read")),
            ) else {
                continue;
            };
            let Some(addr) = mail.from_addr else { continue };
            let o = owner.entry(addr).or_insert_with(|| Some(unit.to_string()));
            if o.as_deref() != Some(unit) {
                *o = None; // used for two units: nobody's
            }
        }
    }
    for (addr, unit) in owner {
        if let Some(u) = unit.and_then(|u| config.units.iter_mut().find(|x| x.name == u)) {
            u.addresses.push(addr);
        }
    }
}

fn record_with(store: &mut Store, classifier: &Classifier, trust: &Trust, raw: &[u8], key: &str) {
    ingest(
        store,
        classifier,
        trust,
        raw,
        key,
        None,
        now(),
        |_, _, _, _| Ok(Vec::new()),
    )
    .expect("ingest");
}

#[test]
fn a_batch_that_is_not_committed_records_nothing_and_a_committed_one_everything() {
    let (_dir, config, mut store) = setup();
    let classifier = Classifier::new(&config);
    let mails = fixtures();

    // A crash inside a batch: nothing of it is recorded, no cursor moved, no source seen.
    store.begin_batch().expect("begin");
    for (i, raw) in mails[..5].iter().enumerate() {
        record(&mut store, &classifier, raw, &format!("maildir:{i}"));
    }
    store.set_cursor("imap:test", 7, 5).expect("cursor");
    store.rollback_batch();
    assert_eq!(store.mails().expect("mails").len(), 0);
    assert_eq!(store.cursor("imap:test").expect("cursor"), None);
    assert!(!store.source_seen("maildir:0").expect("seen"));

    // The same mails again, committed: all recorded, each once, with its exact bytes archived.
    store.begin_batch().expect("begin");
    for (i, raw) in mails[..5].iter().enumerate() {
        record(&mut store, &classifier, raw, &format!("maildir:{i}"));
    }
    store.set_cursor("imap:test", 7, 5).expect("cursor");
    store.commit_batch().expect("commit");
    let recorded = store.mails().expect("mails");
    assert_eq!(recorded.len(), 5);
    assert_eq!(store.cursor("imap:test").expect("cursor"), Some((7, 5)));
    for (rec, raw) in recorded.iter().zip(&mails[..5]) {
        assert_eq!(rec.hash, content_hash(raw));
        assert_eq!(&std::fs::read(&rec.archive_path).expect("archive"), raw);
    }
    // A second batch opened while one is open is refused.
    store.begin_batch().expect("begin");
    assert!(store.begin_batch().is_err());
    store.rollback_batch();
}

#[test]
fn after_sqlite_rolls_a_batch_back_no_write_commits_on_its_own() {
    let (_dir, config, mut store) = setup();
    let classifier = Classifier::new(&config);
    let mails = fixtures();
    store.begin_batch().expect("begin");
    record(&mut store, &classifier, &mails[0], "maildir:0");
    // What SQLite does by itself on SQLITE_FULL or an I/O error.
    store.conn().execute_batch("ROLLBACK").expect("rollback");
    let err = ingest(
        &mut store,
        &classifier,
        &Trust::directory_only(&config),
        &mails[1],
        "maildir:1",
        None,
        now(),
        |_, _, _, _| Ok(Vec::new()),
    )
    .expect_err("a write outside the batch's transaction must be refused");
    assert!(err.to_string().contains("rolled back"), "{err}");
    assert!(store.set_cursor("imap:test", 1, 2).is_err());
    assert!(store.commit_batch().is_err());
    assert_eq!(store.mails().expect("mails").len(), 0);
    assert_eq!(store.cursor("imap:test").expect("cursor"), None);
}

fn pseudo_random(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn archive_files_hold_exactly_the_mail_whatever_its_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Around the 64 KiB threshold of the O_DIRECT path, its 1 MiB chunks and 4 KiB alignment.
    for (i, len) in [
        1,
        4095,
        65_535,
        65_536,
        65_537,
        1 << 20,
        (1 << 20) + 1,
        3_000_123,
    ]
    .into_iter()
    .enumerate()
    {
        let raw = pseudo_random(len, i as u64 + 1);
        let hash = content_hash(&raw);
        for durable in [false, true] {
            let (path, _) = write_archive(dir.path(), &hash, &raw, durable).expect("write");
            assert_eq!(std::fs::read(&path).expect("read"), raw, "size {len}");
        }
    }
    let tmp: Vec<PathBuf> = walk(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(tmp.is_empty(), "temporary files left: {tmp:?}");
}

#[test]
fn an_archive_file_cut_short_is_written_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let raw = pseudo_random(200_000, 9);
    let hash = content_hash(&raw);
    let (path, created) = write_archive(dir.path(), &hash, &raw, false).expect("write");
    assert!(created);
    // What a power cut after the rename but before the batch's sync can leave.
    std::fs::write(&path, &raw[..4096]).expect("truncate");
    let (again, created) = write_archive(dir.path(), &hash, &raw, false).expect("rewrite");
    assert!(created, "a short file must not count as archived");
    assert_eq!(again, path);
    assert_eq!(std::fs::read(&path).expect("read"), raw);
    let (_, created) = write_archive(dir.path(), &hash, &raw, false).expect("again");
    assert!(!created, "a complete file is not written twice");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn parallel_preparation_gives_each_mail_its_own_decision_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = Config::load(&root().join("config/dongkou-2023.toml")).expect("config");
    let classifier = Classifier::new(&config);
    let mails = fixtures();
    let raws: Vec<&[u8]> = mails.iter().map(|m| m.as_slice()).collect();
    let prepared = prepare_all(&classifier, None, dir.path(), &raws, false);
    assert_eq!(prepared.len(), raws.len());
    for (p, raw) in prepared.into_iter().zip(&raws) {
        let p = p.expect("prepared");
        let (_, _, alone) = decide(&classifier, raw);
        assert_eq!(p.hash, content_hash(raw));
        assert_eq!(p.len, raw.len());
        assert_eq!(p.decision.kind, alone.kind);
        assert_eq!(p.decision.unit, alone.unit);
        assert_eq!(p.decision.activity, alone.activity);
        assert_eq!(p.decision.activity_date, alone.activity_date);
        assert_eq!(&std::fs::read(&p.archive).expect("archive"), raw);
    }
}

#[test]
fn statuses_from_the_streamed_submissions_equal_those_from_every_mail() {
    let (_dir, mut config, mut store) = setup();
    let dirs = ["fixtures/classify", "fixtures/holdout", "fixtures/holdout2"];
    directory_from_fixtures(&mut config, &dirs);
    let classifier = Classifier::new(&config);
    let trust = Trust::directory_only(&config);
    for dir in dirs {
        let mut names: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .expect("fixtures")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        names.sort();
        for (i, p) in names.iter().enumerate() {
            let raw = std::fs::read(p).expect("read");
            record_with(&mut store, &classifier, &trust, &raw, &format!("{dir}:{i}"));
        }
    }
    let all = store.mails().expect("mails");
    assert!(all.iter().filter(|m| m.is_settled_submission()).count() > 30);
    for day in [
        "2023-04-20T10:00:00+08:00",
        "2023-07-03T10:00:00+08:00",
        "2023-12-29T10:00:00+08:00",
    ] {
        let now = DateTime::parse_from_rfc3339(day).expect("time");
        let streamed = store.submissions(config.timezone).expect("submissions");
        let folded = Submissions::from_mails(&all, config.timezone);
        assert_eq!(
            season_status(&config, &streamed, now),
            season_status(&config, &folded, now),
            "{day}"
        );
        assert_eq!(streamed.senders(), folded.senders());
        assert!(!streamed.senders().is_empty());
    }
}

fn outgoing(n: usize, to: &str) -> themeday::store::Outgoing {
    themeday::store::Outgoing {
        kind: "ack".into(),
        dedup_key: format!("test:{n}"),
        mail_id: None,
        unit: None,
        recipients: vec![to.to_string()],
        message_id: format!("<t{n}@themeday.test>"),
        subject: format!("回执 {n}"),
        raw: format!("Subject: t{n}\r\nMessage-ID: <t{n}@themeday.test>\r\n\r\nbody\r\n")
            .into_bytes(),
    }
}

#[test]
fn the_daily_cap_counts_what_went_out_today_per_recipient_whatever_its_case() {
    let (dir, mut config, mut store) = setup();
    config.policy.per_recipient_daily = 2;
    config.outgoing = themeday::config::Outgoing::File {
        dir: dir.path().join("out"),
    };
    let day1 = now();
    // Two went out yesterday: they do not count today.
    for n in 0..2 {
        store
            .queue(&outgoing(n, "unit@example.cn"), day1)
            .expect("queue");
    }
    let mut transport = themeday::notify::transport_for(&config).expect("transport");
    let d =
        themeday::notify::deliver_due(&config, &store, transport.as_mut(), day1).expect("deliver");
    assert_eq!((d.sent, d.held), (2, 0));

    let day2 = day1 + chrono::Duration::days(1);
    for n in 2..6 {
        // One of them spells the address in capitals: the same mailbox.
        let to = if n == 3 {
            "Unit@Example.CN"
        } else {
            "unit@example.cn"
        };
        store.queue(&outgoing(n, to), day2).expect("queue");
    }
    store
        .queue(&outgoing(6, "other@example.cn"), day2)
        .expect("queue");
    let d =
        themeday::notify::deliver_due(&config, &store, transport.as_mut(), day2).expect("deliver");
    assert_eq!(
        (d.sent, d.held, d.failed),
        (3, 2, 0),
        "2 to the unit, 1 to the other"
    );
    let held = store.outgoing(Some("held")).expect("held");
    assert_eq!(held.len(), 2);
    assert!(held
        .iter()
        .all(|q| q.recipients[0].eq_ignore_ascii_case("unit@example.cn")));
    assert_eq!(
        std::fs::read_dir(dir.path().join("out"))
            .expect("out")
            .count(),
        5,
        "the files written are the mails sent"
    );
}
