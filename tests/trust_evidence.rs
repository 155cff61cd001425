//! What the bot believes (issue 11, points 2 and 3): the received time comes from the office's
//! side, never the sender's `Date:`; the first submission received stays the record; only
//! the directory's and the office's confirmed addresses speak for a unit; DKIM results are
//! recorded and a failing mail never teaches an address. Each attack is a mail under
//! `fixtures/attacks/` (or built here from one) with its expected outcome.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn attack(name: &str) -> Vec<u8> {
    std::fs::read(root().join("fixtures/attacks").join(name)).unwrap()
}

fn themeday(cfg: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_themeday"))
        .args(["--config", cfg.to_str().unwrap(), "--now", now])
        .args(args)
        .output()
        .unwrap()
}

fn ok(o: Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "{text}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The real unit directory with `addresses` given to some units.
fn units_with(addresses: &[(&str, &str)]) -> String {
    let mut units = std::fs::read_to_string(root().join("config/dongkou-2023-units.toml")).unwrap();
    for (unit, addr) in addresses {
        let at = units
            .find(&format!("name = \"{unit}\""))
            .unwrap_or_else(|| panic!("no unit {unit}"));
        let rel = units[at..].find("addresses = []").expect("addresses line");
        units.replace_range(
            at + rel..at + rel + "addresses = []".len(),
            &format!("addresses = [\"{addr}\"]"),
        );
    }
    units
}

/// A Maildir season: `mails` as (Maildir file name, bytes), the directory with `addresses`.
fn world(dir: &Path, addresses: &[(&str, &str)], mails: &[(&str, Vec<u8>)]) -> PathBuf {
    let maildir = dir.join("maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    for (name, raw) in mails {
        std::fs::write(maildir.join("cur").join(name), raw).unwrap();
    }
    std::fs::write(dir.join("units.toml"), units_with(addresses)).unwrap();
    let cfg = format!(
        r#"[office]
name = "洞口县政务公开政务服务领导小组办公室"
short_name = "县政务公开办"
address = "43347867@qq.com"
[season]
year = 2023
schedule = "{root}/config/dongkou-2023-schedule.tsv"
units = "units.toml"
calendar = "{root}/config/calendar"
required_months = [4, 5, 6, 7, 8, 9, 10, 11, 12]
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
    );
    let path = dir.join("config.toml");
    std::fs::write(&path, cfg).unwrap();
    path
}

fn db(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join("themeday.db")).unwrap()
}

fn status_row(cfg: &Path, now: &str, n: u32) -> String {
    ok(themeday(cfg, now, &["status"]))
        .lines()
        .find(|l| l.starts_with(&format!("{n} ")))
        .unwrap()
        .to_string()
}

/// The reminder line `remind --dry-run` prints for `unit` (its recipients in brackets).
fn reminder_line(cfg: &Path, now: &str, unit: &str) -> Option<String> {
    ok(themeday(cfg, now, &["remind", "--dry-run"]))
        .lines()
        .find(|l| l.starts_with(&format!("{unit}（")))
        .map(str::to_string)
}

// ------------------------------------------------------------------ received time

/// The unit's real report is delivered Mon 04-24; a forged one "from" the same address,
/// delivered Wed 04-26 with `Date:` Fri 04-21 and another activity date and text, changes
/// nothing: not the receipt, not the activity date, not the portal; the digest shows it.
#[test]
fn a_backdated_forged_report_after_the_real_one_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = world(
        tmp.path(),
        &[("县水利局", "xiaojj1976@163.com")],
        &[
            // Delivered 2023-04-24 10:18:17 +0800 and 2023-04-26 21:40:02 +0800.
            (
                "1682302697.M1P1.office:2,S",
                attack("water-report-real.eml"),
            ),
            (
                "1682516402.M2P1.office:2,S",
                attack("backdated-forged-report.eml"),
            ),
        ],
    );
    let now = "2023-04-28T09:00:00+08:00";
    ok(themeday(&cfg, now, &["poll"]));

    let conn = db(tmp.path());
    let (real, forged): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT id FROM mail WHERE message_id LIKE '%8205999%'),
                    (SELECT id FROM mail WHERE message_id LIKE '%1122334%')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let received: String = conn
        .query_row(
            "SELECT received_at FROM mail WHERE id = ?1",
            [forged],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(received, "2023-04-26T13:40:02Z", "delivery time, not Date:");

    // Still the real report's receipt (04-24) and activity date (04-20).
    let row = status_row(&cfg, now, 1);
    assert!(
        row.contains("4月20日") && row.contains("4月24日按时") && !row.contains("4月18日"),
        "{row}"
    );
    assert!(!row.contains("4月21日"), "{row}");

    // The portal publishes the real text (once the office approved it: issue 13).
    ok(themeday(&cfg, now, &["approve", &real.to_string()]));
    let portal = tmp.path().join("portal");
    ok(themeday(
        &cfg,
        now,
        &["export", "portal", "--out", portal.to_str().unwrap()],
    ));
    let page = std::fs::read_to_string(portal.join("activity-01.html")).unwrap();
    assert!(page.contains("发放宣传资料1200余份"), "{page}");
    assert!(
        !page.contains("十万余份") && !page.contains("省级表彰"),
        "{page}"
    );
    assert!(
        page.contains("4月20日") && !page.contains("4月18日"),
        "{page}"
    );

    // The digest shows the office both: the Date: 5 days off, and the report not replaced.
    let digest = ok(themeday(&cfg, now, &["digest", "--print"]));
    assert!(digest.contains("■ 来源核对"), "{digest}");
    assert!(digest.contains("发件日期与收到时间相差5天"), "{digest}");
    assert!(
        digest.contains(&format!("  #{forged}（xiaojj1976@163.com）"))
            && digest.contains(&format!(
                "第1项已有先收到的情况报告（#{real}），本邮件未替换原记录"
            )),
        "{digest}"
    );
    // The arrival list shows the received time, not the Date:.
    assert!(digest.contains("2023年4月26日 21:40"), "{digest}");
}

/// `themeday import` of a saved file: the top `Received:` line, not `Date:`.
#[test]
fn import_takes_the_received_time_from_the_top_received_line() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = world(tmp.path(), &[("县水利局", "xiaojj1976@163.com")], &[]);
    let file = tmp.path().join("saved.eml");
    std::fs::write(&file, attack("backdated-forged-report.eml")).unwrap();
    ok(themeday(
        &cfg,
        "2023-05-10T10:00:00+08:00",
        &["import", file.to_str().unwrap()],
    ));
    let (received, date): (String, String) = db(tmp.path())
        .query_row("SELECT received_at, mail_date FROM mail", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(received, "2023-04-26T13:40:02Z");
    assert_eq!(date, "2023-04-21T00:05:00Z");
    // Received 04-26: after the report deadline of an activity the mail dates 04-18 (04-25,
    // five working days with the make-up Sunday 04-23), so it is late, whatever its Date: says.
    let row = status_row(&cfg, "2023-05-10T10:00:00+08:00", 1);
    assert!(row.contains("4月26日逾期"), "{row}");
}

// ------------------------------------------------------------------ who speaks for a unit

const STRANGER: &str = "czj-office-2023@outlook.com";

/// A plan "from 县财政局" sent from an address nobody confirmed: recorded, held for the
/// office, its address proposed (listed with the command to confirm it), and the unit's
/// reminders still go to the unit's own address only. Confirming settles it; forgetting
/// takes the address off the reminders again.
#[test]
fn a_stranger_naming_a_unit_is_held_proposed_and_gets_no_reminders() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = world(
        tmp.path(),
        &[("县财政局", "caizheng@163.com")],
        &[(
            "1681092131.M1P1.office:2,S",
            attack("stranger-speaks-for-unit.eml"),
        )],
    );
    // Polled before the day's reminders go out (09:00), so `remind --dry-run` shows them.
    ok(themeday(&cfg, "2023-04-20T08:30:00+08:00", &["poll"]));
    let now = "2023-04-20T10:00:00+08:00";
    let conn = db(tmp.path());
    let (id, review, held, sender): (i64, bool, bool, String) = conn
        .query_row(
            "SELECT id, needs_review, held_for_sender, sender FROM mail",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert!(review && held, "held for the office");
    assert_eq!(sender, "unconfirmed");
    let how: String = conn
        .query_row(
            "SELECT how FROM learned_address WHERE address = ?1 AND unit = '县财政局'",
            [STRANGER],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(how, "proposed");

    // Nothing settled: activity 5 still waits for its plan, and the reminder goes to the
    // directory's address only.
    assert!(status_row(&cfg, now, 5).contains("未报"));
    let line = reminder_line(&cfg, now, "县财政局").expect("a plan reminder for 县财政局");
    assert!(
        line.contains("caizheng@163.com") && !line.contains(STRANGER),
        "{line}"
    );

    // The digest lists the proposal with the exact command, and the held plan.
    let digest = ok(themeday(&cfg, now, &["digest", "--print"]));
    assert!(digest.contains("■ 待确认的单位邮箱"), "{digest}");
    assert!(
        digest.contains(&format!(
            "themeday units --confirm {STRANGER} --unit 县财政局"
        )),
        "{digest}"
    );
    // ...and the line the office may reply with instead (issue 13).
    assert!(
        digest.contains(&format!("确认邮箱 县财政局 {STRANGER}")),
        "{digest}"
    );
    assert!(digest.contains("尚未确认为该单位邮箱"), "{digest}");
    assert!(digest.contains(&format!("  #{id} ")), "{digest}");
    let units = ok(themeday(&cfg, now, &["units"]));
    assert!(units.contains("系统提议，待确认"), "{units}");

    // The office confirms: the plan settles (04-10, on time) and reminders reach it too.
    let said = ok(themeday(
        &cfg,
        now,
        &[
            "units",
            "--confirm",
            STRANGER,
            "--unit",
            "县财政局",
            "--by",
            "张凤",
        ],
    ));
    assert!(said.contains(&format!("#{id}")), "{said}");
    assert!(status_row(&cfg, now, 5).contains("4月10日按时"));
    let after = "2023-04-25T10:00:00+08:00";
    let line = reminder_line(&cfg, after, "县财政局").expect("a report reminder");
    assert!(
        line.contains("caizheng@163.com") && line.contains(STRANGER),
        "{line}"
    );

    // Forgetting it takes effect: no more reminders to it.
    ok(themeday(&cfg, after, &["units", "--forget", STRANGER]));
    let line = reminder_line(&cfg, after, "县财政局").expect("a report reminder");
    assert!(!line.contains(STRANGER), "{line}");
}

/// 县财政局's own address sends a plan naming 县民政局: it speaks for 县财政局 only. The mail
/// waits for the office, the address is not learned for 县民政局, and 县民政局's reminders do
/// not go to it.
#[test]
fn a_units_known_address_naming_another_unit_is_never_learned_for_it() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = world(
        tmp.path(),
        &[("县财政局", "caizheng@163.com")],
        &[(
            "1681174809.M1P1.office:2,S",
            attack("known-address-names-other-unit.eml"),
        )],
    );
    // Polled before the day's reminders go out (09:00), so `remind --dry-run` shows them.
    ok(themeday(&cfg, "2023-04-20T08:30:00+08:00", &["poll"]));
    let now = "2023-04-20T10:00:00+08:00";
    let conn = db(tmp.path());
    let (unit, review, sender): (String, bool, String) = conn
        .query_row("SELECT unit, needs_review, sender FROM mail", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(unit, "县民政局");
    assert!(review);
    assert_eq!(sender, "other-unit:县财政局");
    let learned: i64 = conn
        .query_row("SELECT COUNT(*) FROM learned_address", [], |r| r.get(0))
        .unwrap();
    assert_eq!(learned, 0);
    assert!(status_row(&cfg, now, 7).contains("未报"));
    let line = reminder_line(&cfg, now, "县民政局").expect("a plan reminder for 县民政局");
    assert!(!line.contains("caizheng@163.com"), "{line}");
    let digest = ok(themeday(&cfg, now, &["digest", "--print"]));
    assert!(digest.contains("该邮箱属于县财政局"), "{digest}");
}

// ------------------------------------------------------------------ DKIM

mod dkim {
    use std::time::{Duration, Instant};

    use mail_auth::common::crypto::Ed25519Key;
    use mail_auth::common::headers::HeaderWriter;
    use mail_auth::dkim::DkimSigner;
    use themeday::classify::Classifier;
    use themeday::config::Config;
    use themeday::daemon::{record_batch, PassSummary};
    use themeday::dkim::Dkim;
    use themeday::intake::Incoming;
    use themeday::store::Store;
    use themeday::trust::Trust;

    use super::*;

    const SELECTOR: &str = "s201512._domainkey.qq.com";

    fn b64(data: &[u8]) -> String {
        const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in data.chunks(3) {
            let n = (c[0] as u32) << 16
                | (*c.get(1).unwrap_or(&0) as u32) << 8
                | *c.get(2).unwrap_or(&0) as u32;
            for i in 0..4 {
                if i <= c.len() {
                    out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// The test key (as if qq.com published it) and the plan signed with it.
    fn signed_plan() -> (String, Vec<u8>) {
        signed("dkim-signed-plan.eml")
    }

    /// The test key (as if qq.com published it) and the attack fixture `name` signed with it.
    fn signed(name: &str) -> (String, Vec<u8>) {
        let pkcs8 = Ed25519Key::generate_pkcs8().unwrap();
        let key = Ed25519Key::from_pkcs8_der(&pkcs8).unwrap();
        let record = format!("v=DKIM1; k=ed25519; p={}", b64(&key.public_key()));
        let raw = attack(name);
        let sig = DkimSigner::from_key(key)
            .domain("qq.com")
            .selector("s201512")
            .headers(["From", "To", "Subject", "Date", "Message-ID"])
            .sign(&raw)
            .unwrap();
        let mut signed = sig.to_header().into_bytes();
        signed.extend_from_slice(&raw);
        (record, signed)
    }

    fn setup(dir: &Path) -> (Config, Store) {
        let cfg = world(dir, &[("县司法局", "sfj-office@163.com")], &[]);
        let config = Config::load(&cfg).unwrap();
        let store = Store::open(&config.database, &config.archive_dir).unwrap();
        (config, store)
    }

    fn record(config: &Config, store: &mut Store, dkim: Dkim, raw: &[u8]) -> i64 {
        let trust = Trust::load(config, store, Some(std::sync::Arc::new(dkim))).unwrap();
        let classifier = Classifier::new(config);
        let now = chrono::DateTime::parse_from_rfc3339("2023-04-11T09:00:00+08:00").unwrap();
        let items = [Incoming {
            key: "maildir:dkim".into(),
            raw,
            received: Some(now - chrono::Duration::hours(18)),
        }];
        let mut sum = PassSummary::default();
        record_batch(config, &classifier, &trust, store, &items, now, &mut sum).unwrap();
        assert_eq!(sum.new, 1);
        store.last_mail_id().unwrap()
    }

    /// A signed plan whose text was changed after signing ("4月21日" → "4月14日"): DKIM fails
    /// for its From domain, the mail waits for the office, the address is never proposed, and
    /// the digest says so.
    #[test]
    fn a_mail_failing_dkim_is_held_and_never_teaches_its_address() {
        let tmp = tempfile::tempdir().unwrap();
        let (config, mut store) = setup(tmp.path());
        let (record_txt, signed) = signed_plan();
        let tampered = String::from_utf8(signed)
            .unwrap()
            .replace("2023年4月21日", "2023年4月14日")
            .into_bytes();
        let dkim = Dkim::offline().unwrap();
        dkim.add_txt(SELECTOR, &record_txt).unwrap();
        let id = record(&config, &mut store, dkim, &tampered);
        let m = store.mail(id).unwrap().unwrap();
        assert!(
            m.dkim.as_deref().unwrap().starts_with("fail d=qq.com"),
            "{:?}",
            m.dkim
        );
        assert!(m.needs_review && !m.reviewed);
        assert!(store.learned_addresses().unwrap().is_empty());
        let digest = themeday::notify::digest::build(&config, &store, m.recorded_at)
            .unwrap()
            .draft
            .text;
        assert!(digest.contains("DKIM验证失败（qq.com"), "{digest}");
        assert!(
            !digest.contains("themeday units --confirm sfj2023@qq.com"),
            "{digest}"
        );
    }

    /// The same plan, signed and unchanged: DKIM passes and is recorded; the address is still
    /// only proposed (a signature proves the domain, not the unit).
    #[test]
    fn a_mail_passing_dkim_is_recorded_and_its_address_only_proposed() {
        let tmp = tempfile::tempdir().unwrap();
        let (config, mut store) = setup(tmp.path());
        let (record_txt, signed) = signed_plan();
        let dkim = Dkim::offline().unwrap();
        dkim.add_txt(SELECTOR, &record_txt).unwrap();
        let id = record(&config, &mut store, dkim, &signed);
        let m = store.mail(id).unwrap().unwrap();
        assert_eq!(m.dkim.as_deref(), Some("pass d=qq.com"));
        assert!(m.needs_review && m.held_for_sender);
        let learned = store.learned_addresses().unwrap();
        assert_eq!(learned.len(), 1);
        assert_eq!(learned[0].address, "sfj2023@qq.com");
        assert!(!learned[0].is_confirmed());
        // Unsigned mail is unverified, never failed.
        let dkim = Dkim::offline().unwrap();
        assert_eq!(
            dkim.verify(&attack("dkim-signed-plan.eml"), Some("sfj2023@qq.com")),
            "none"
        );
        // Signed, but the domain publishes no key: unverified too.
        assert_eq!(dkim.verify(&signed, Some("sfj2023@qq.com")), "none");
    }

    /// DNS that never answers: each check gives up within its bound, and the next one does
    /// not wait again.
    #[test]
    fn dkim_checks_are_bounded_when_dns_does_not_answer() {
        let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let dkim =
            Dkim::with_nameserver(silent.local_addr().unwrap(), Duration::from_secs(2)).unwrap();
        let (_, signed) = signed_plan();
        let t = Instant::now();
        let first = dkim.verify(&signed, Some("sfj2023@qq.com"));
        assert!(first.starts_with("temperror"), "{first}");
        assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
        let t = Instant::now();
        let second = dkim.verify(&signed, Some("sfj2023@qq.com"));
        assert!(second.starts_with("temperror"), "{second}");
        assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    }

    /// The office's reply to a digest (fixtures/attacks/office-reply-commands.eml, today's
    /// token in its subject), signed by qq.com, then changed on the way ("#1 其他" put in
    /// front of its commands): DKIM fails for the office's own domain, so the From line is not
    /// the office's and none of its lines is carried out; signed and unchanged, it has
    /// authority.
    #[test]
    fn an_office_reply_failing_dkim_commands_nothing() {
        for tampered in [true, false] {
            let tmp = tempfile::tempdir().unwrap();
            let (config, mut store) = setup(tmp.path());
            let (record_txt, signed) = signed("office-reply-commands.eml");
            let raw = if tampered {
                String::from_utf8(signed)
                    .unwrap()
                    .replacen("\n\n#1 第9项", "\n\n#1 其他\n#1 第9项", 1)
                    .into_bytes()
            } else {
                signed
            };
            let dkim = Dkim::offline().unwrap();
            dkim.add_txt(SELECTOR, &record_txt).unwrap();
            let id = record(&config, &mut store, dkim, &raw);
            let m = store.mail(id).unwrap().unwrap();
            assert_eq!(m.from_addr.as_deref(), Some("43347867@qq.com"));
            assert!(
                !m.held_for_sender,
                "the office's mail is no unit's submission"
            );
            assert_eq!(
                m.dkim.as_deref().unwrap().starts_with("fail d=qq.com"),
                tampered,
                "{:?}",
                m.dkim
            );
            db(tmp.path())
                .execute(
                    "INSERT INTO command_token (token, day, issued_at) VALUES ('7K3M9QXA', '2023-04-11', '2023-04-11T00:00:00Z')",
                    [],
                )
                .unwrap();
            let now = chrono::DateTime::parse_from_rfc3339("2023-04-11T09:05:00+08:00").unwrap();
            themeday::commands::process_pending(&config, &mut store, now).unwrap();
            let authority: String = db(tmp.path())
                .query_row(
                    "SELECT authority FROM command_mail WHERE mail_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .unwrap();
            let rejected: i64 = db(tmp.path())
                .query_row(
                    "SELECT COUNT(*) FROM office_command WHERE mail_id = ?1 AND outcome = 'rejected'",
                    [id],
                    |r| r.get(0),
                )
                .unwrap();
            if tampered {
                assert_eq!(authority, "dkim-failed");
                assert!(rejected >= 4, "every line rejected: {rejected}");
            } else {
                assert_eq!(authority, "ok");
                assert_eq!(rejected, 0);
            }
        }
    }
}
