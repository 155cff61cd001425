//! End-to-end tests: the real `themeday` binary against real mail servers.
//!
//! Each test starts its own Dovecot (IMAP/IMAPS/LMTP) and OpenSMTPD with
//! `scripts/mail-servers` in a fresh temporary directory (stopped again on drop), writes a
//! config pointing at them, seeds the office mailbox (43347867@qq.com) over SMTP, runs
//! `themeday poll` / `themeday run` as a child process, and checks the outcome through IMAP
//! (every unit's INBOX, the office INBOX) and the SQLite store.
//!
//! The tests need root (the script starts the servers as root) and run one at a time: only
//! one OpenSMTPD can run per machine.

mod e2e_support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use e2e_support::*;

// ------------------------------------------------------------------ shared checks

/// Sends every fixture to the office over SMTP and waits until Dovecot has them.
fn seed_fixtures(w: &World, fixtures: &[Fixture]) {
    let mails: Vec<(String, Vec<u8>)> = fixtures
        .iter()
        .map(|f| (f.envelope_from.clone(), f.raw.clone()))
        .collect();
    w.servers.seed_office(&mails);
}

/// Every fixture sender's INBOX: a plan/report from a person gets exactly one threaded
/// acknowledgement per mail; everything else gets none. Returns the number of acks.
fn check_fixture_acks(w: &World, fixtures: &[Fixture]) -> usize {
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // Mail the classifier could not pin down gets the short "received, the office will
    // check" acknowledgement.
    let acked = acked_in_corpus(fixtures);
    let review: Vec<&str> = fixtures
        .iter()
        .zip(&acked)
        .filter(|(f, a)| **a && f.needs_review)
        .map(|(f, _)| f.message_id.as_str())
        .collect();
    for (f, a) in fixtures.iter().zip(&acked) {
        let Some(addr) = f.reply_addr.clone().filter(|a| a != OFFICE) else {
            continue;
        };
        let ids = expected.entry(addr).or_default();
        if *a {
            ids.push(f.message_id.clone());
        }
    }
    let mut total = 0;
    let mut problems = Vec::new();
    for (addr, want) in &expected {
        let acks = w.servers.acks(addr);
        let mut got: Vec<String> = Vec::new();
        for a in &acks {
            let irt = a.in_reply_to.clone().unwrap_or_default();
            // Our own subject, nothing of the sender's: threading is by In-Reply-To/References.
            if !a.subject.starts_with("回执：") {
                problems.push(format!("{addr}: ack subject {:?} is not ours", a.subject));
            }
            if a.auto_submitted.as_deref() != Some("auto-replied") {
                problems.push(format!("{addr}: Auto-Submitted {:?}", a.auto_submitted));
            }
            if !a.references.contains(&irt) {
                problems.push(format!("{addr}: References {:?} lack {irt}", a.references));
            }
            if a.to != [addr.clone()] {
                problems.push(format!("{addr}: ack To {:?}", a.to));
            }
            if review.contains(&irt.as_str()) && !a.text.contains("人工核对") {
                problems.push(format!("{addr}: review ack lacks 人工核对: {}", a.text));
            }
            got.push(irt);
        }
        got.sort();
        let mut want = want.clone();
        want.sort();
        if got != want {
            let names: Vec<&str> = fixtures
                .iter()
                .filter(|f| f.reply_addr.as_deref() == Some(addr.as_str()))
                .map(|f| f.name.as_str())
                .collect();
            problems.push(format!(
                "{addr} ({names:?}): acks in reply to {got:?}, expected {want:?}"
            ));
        }
        // Nothing else from the bot refers to their mail either.
        for m in w.servers.bot_mail(addr) {
            if m.auto_submitted.as_deref() != Some("auto-replied") && m.in_reply_to.is_some() {
                problems.push(format!("{addr}: unexpected threaded bot mail {m:?}"));
            }
        }
        total += acks.len();
    }
    assert!(
        problems.is_empty(),
        "ack problems:\n{}",
        problems.join("\n")
    );
    total
}

/// The office INBOX holds exactly the mail sent to it, none of it marked \Seen.
fn check_office_untouched(w: &World, n: usize) {
    let msgs = w.servers.messages(OFFICE);
    assert_eq!(msgs.len(), n, "office INBOX count");
    let seen = msgs.iter().filter(|m| m.seen).count();
    assert_eq!(seen, 0, "office mail flagged \\Seen by the bot");
}

/// Which fixtures of a corpus recorded in one pass are acknowledged: each that gets one on its
/// own, except a mail in a conversation that got its acknowledgement that day (it answers an
/// acknowledged fixture recorded before it): one automatic mail per conversation per day.
fn acked_in_corpus(fixtures: &[Fixture]) -> Vec<bool> {
    let mut acked_ids: Vec<&str> = Vec::new();
    fixtures
        .iter()
        .map(|f| {
            let same_thread = f.references.iter().any(|r| acked_ids.contains(&r.as_str()));
            let acked = f.gets_ack() && !same_thread;
            if acked {
                acked_ids.push(f.message_id.as_str());
            }
            acked
        })
        .collect()
}

fn expected_acks(fixtures: &[Fixture]) -> usize {
    acked_in_corpus(fixtures).into_iter().filter(|a| *a).count()
}

/// Test-1 setup: all fixtures in the office INBOX, one `poll`, all acks delivered and checked.
fn fixtures_polled() -> (World, Vec<Fixture>) {
    let w = World::new(Opts::default());
    let fixtures = fixtures();
    seed_fixtures(&w, &fixtures);
    w.poll(NOW);
    w.servers.settle();
    let acks = check_fixture_acks(&w, &fixtures);
    assert_eq!(acks, expected_acks(&fixtures));
    assert_eq!(w.mail_rows(), fixtures.len() as i64, "mail rows");
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'ack' AND state = 'sent'"),
        acks as i64,
        "sent acks in the outbox"
    );
    assert_eq!(w.queued_rows(), 0, "nothing left queued");
    check_office_untouched(&w, fixtures.len());
    (w, fixtures)
}

fn timed(name: &str, f: impl FnOnce()) {
    let _serial = serial();
    let t = Instant::now();
    f();
    eprintln!("{name}: passed in {:.1} s", t.elapsed().as_secs_f64());
}

fn plus_hours(h: i64) -> String {
    (chrono::DateTime::parse_from_rfc3339(NOW).unwrap() + chrono::Duration::hours(h)).to_rfc3339()
}

// ------------------------------------------------------------------ tests

#[test]
fn fixtures_by_smtp_get_exactly_one_threaded_ack() {
    timed("fixtures_by_smtp_get_exactly_one_threaded_ack", || {
        let (_w, fixtures) = fixtures_polled();
        eprintln!(
            "{} fixtures, {} acknowledged",
            fixtures.len(),
            expected_acks(&fixtures)
        );
    });
}

#[test]
fn poll_twice_and_restart_records_nothing_twice() {
    timed("poll_twice_and_restart_records_nothing_twice", || {
        let (w, fixtures) = fixtures_polled();
        let outbox = w.outbox_rows();
        for _ in 0..2 {
            let out = w.poll(NOW);
            assert!(
                out.contains("新邮件 0 封"),
                "second poll found new mail: {out}"
            );
        }
        let mut d = w.spawn_run(NOW, "run");
        d.wait_log("IDLE: waiting for new mail", 1);
        assert_no_errors(&d.stop());
        w.servers.settle();
        assert_eq!(w.mail_rows(), fixtures.len() as i64, "mail rows");
        assert_eq!(w.outbox_rows(), outbox, "outbox rows");
        assert_eq!(w.queued_rows(), 0);
        assert_eq!(check_fixture_acks(&w, &fixtures), expected_acks(&fixtures));
        check_office_untouched(&w, fixtures.len());
    });
}

/// ≥ 200 distinct mails, each from its own sender `unitN@qq.test`, that the classifier
/// acknowledges (plan/report, not automated).
fn generated_mails(w: &World, n: usize) -> Vec<(String, Vec<u8>)> {
    let config = themeday::config::Config::load(&w.config).expect("load config");
    let classifier = themeday::classify::Classifier::new(&config);
    let base: Vec<Fixture> = fixtures().into_iter().filter(|f| f.gets_ack()).collect();
    let mut out = Vec::new();
    let mut i = 0usize;
    while out.len() < n {
        let f = &base[i % base.len()];
        i += 1;
        assert!(i < n * 3, "too few generated mails are acknowledged");
        let k = out.len();
        let addr = format!("unit{k}@qq.test");
        let raw = rewrite_headers(&f.raw, |name, field| {
            let nl = eol(field);
            match name.to_ascii_lowercase().as_str() {
                "message-id" => Some(
                    [
                        format!("Message-ID: <e2e.{k}.{}@qq.test>", std::process::id()).as_bytes(),
                        nl,
                    ]
                    .concat(),
                ),
                "return-path" => Some([format!("Return-Path: <{addr}>").as_bytes(), nl].concat()),
                "reply-to" => Some(Vec::new()),
                "from" => {
                    // Keep the display name, change the address.
                    let s = String::from_utf8_lossy(field).into_owned();
                    let new = match (s.rfind('<'), s.rfind('>')) {
                        (Some(a), Some(b)) if a < b => {
                            format!("{}<{addr}>{}", &s[..a], &s[b + 1..])
                        }
                        _ => format!("From: {addr}{}", String::from_utf8_lossy(nl)),
                    };
                    Some(new.into_bytes())
                }
                "subject" => {
                    let body = field.strip_suffix(nl).unwrap_or(field);
                    Some([body, format!(" [e2e {k}]").as_bytes(), nl].concat())
                }
                _ => None,
            }
        });
        let (parsed, _, d) = themeday::ingest::decide(&classifier, &raw);
        let parsed = parsed.expect("generated mail parses");
        assert_eq!(
            parsed.from_addr.as_deref(),
            Some(addr.as_str()),
            "{}",
            f.name
        );
        if d.kind == themeday::classify::Kind::Other || d.automated {
            continue;
        }
        out.push((addr, raw));
    }
    out
}

#[test]
fn sigkill_mid_batch_then_restart() {
    timed("sigkill_mid_batch_then_restart", || {
        const N: usize = 200;
        for attempt in 1..=4 {
            let w = World::new(Opts::default());
            let t = Instant::now();
            let mails = generated_mails(&w, N);
            eprintln!("generated {N} mails in {:.1} s", t.elapsed().as_secs_f64());
            let t = Instant::now();
            w.servers.seed_office(&mails);
            eprintln!("seeded {N} mails in {:.1} s", t.elapsed().as_secs_f64());

            let d = w.spawn_run(NOW, "run1");
            // Watch the archive closely; kill as soon as ≥ 30 mails are archived: inside a
            // batch whose files are written and whose records are not yet committed (later
            // attempts kill later in the intake).
            let t = Instant::now();
            let threshold = 30 * attempt;
            let seen = wait_every("mails archived", WAIT, Duration::from_millis(2), || {
                let n = w.archived_files();
                (n >= threshold).then_some(n)
            });
            d.kill9();
            let at_kill = w.mail_rows();
            let queued_at_kill = w.queued_rows();
            eprintln!(
                "attempt {attempt}: SIGKILL after {:.2} s with {seen} archived / {at_kill} recorded of {N}, {queued_at_kill} acks queued",
                t.elapsed().as_secs_f64()
            );
            if at_kill >= N as i64 {
                eprintln!(
                    "attempt {attempt}: the kill landed after everything was recorded; again"
                );
                continue;
            }

            let t = Instant::now();
            let mut d = w.spawn_run(NOW, "run2");
            wait_for("all mail recorded and every ack sent", WAIT, || {
                d.assert_running();
                (w.mail_rows() == N as i64 && w.queued_rows() == 0).then_some(())
            });
            w.servers.settle();
            eprintln!(
                "restart: all recorded and acknowledged after {:.1} s",
                t.elapsed().as_secs_f64()
            );
            // A restart is routine: the pending mail is recorded while the sender delivers
            // the acks queued before the kill, without a single failed pass.
            assert_no_errors(&d.stop());
            let t = Instant::now();
            assert_eq!(w.mail_rows(), N as i64, "mail rows");

            assert_eq!(
                w.scalar("SELECT COUNT(DISTINCT hash) FROM mail"),
                N as i64,
                "distinct hashes"
            );
            assert_eq!(
                w.scalar("SELECT COUNT(DISTINCT message_id) FROM mail"),
                N as i64,
                "distinct Message-IDs"
            );
            assert_eq!(
                w.scalar("SELECT COUNT(DISTINCT dedup_key) FROM outbox"),
                w.outbox_rows(),
                "outbox dedup keys unique"
            );
            // An ack the kill caught while it was being handed to SMTP is never resent: it is
            // marked uncertain (listed in the digest), and its sender has at most one ack.
            let uncertain: Vec<String> = {
                let conn = w.store();
                let mut st = conn
                    .prepare(
                        "SELECT recipients FROM outbox WHERE kind = 'ack' AND state = 'uncertain'",
                    )
                    .unwrap();
                let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
                rows.map(|r| r.unwrap()).collect()
            };
            assert!(
                uncertain.len() <= 1,
                "one mail at a time is being sent: {uncertain:?}"
            );
            assert_eq!(
                w.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'ack' AND state = 'sent'"),
                N as i64 - uncertain.len() as i64,
                "sent acks"
            );
            let mut wrong = Vec::new();
            for (addr, raw) in &mails {
                let acks = w.servers.acks(addr);
                let mid = mail_parser::MessageParser::default()
                    .parse(raw)
                    .and_then(|m| m.message_id().map(str::to_string));
                let maybe = uncertain.iter().any(|r| r.contains(&format!("\"{addr}\"")));
                let ok = if maybe {
                    acks.len() <= 1
                } else {
                    acks.len() == 1
                };
                if !ok || acks.iter().any(|a| a.in_reply_to != mid) {
                    wrong.push(format!("{addr}: {} acks {:?}", acks.len(), acks));
                }
            }
            assert!(
                wrong.is_empty(),
                "{} of {N} senders do not have exactly one ack:\n{}",
                wrong.len(),
                wrong.join("\n")
            );
            check_office_untouched(&w, N);
            eprintln!("checked {N} inboxes in {:.1} s", t.elapsed().as_secs_f64());
            return;
        }
        panic!("could not kill the daemon mid-batch in 4 attempts");
    });
}

#[test]
fn dovecot_restart_while_idle() {
    timed("dovecot_restart_while_idle", || {
        let w = World::new(Opts {
            idle: true,
            poll_seconds: 3600,
            ..Opts::default()
        });
        let [a, b, c] = ["001", "003", "007"].map(fixture);
        for f in [&a, &b, &c] {
            assert!(f.gets_ack(), "{}", f.name);
        }
        let mut d = w.spawn_run(NOW, "run");
        d.wait_log("IDLE: waiting for new mail", 1);
        w.servers
            .seed_office(&[(a.envelope_from.clone(), a.raw.clone())]);
        let ra = a.reply_addr.clone().unwrap();
        wait_for("the first ack", WAIT, || {
            (w.servers.acks(&ra).len() == 1).then_some(())
        });
        let idles = d.log_count("IDLE: waiting for new mail");

        // `stop-imap` alone leaves logged-in imap processes running (the IDLE session would
        // survive the "restart"); drop the daemon's connection first, as a real restart does.
        w.servers.kick(OFFICE);
        w.servers.stop_imap();
        // Dovecot is down: OpenSMTPD accepts the mail and holds it until LMTP is back.
        let mut smtp = Smtp::connect(w.servers.smtp_port);
        smtp.send(&b.envelope_from, OFFICE, &b.raw);
        smtp.quit();
        w.servers.start_imap();
        let mut smtp = Smtp::connect(w.servers.smtp_port);
        smtp.send(&c.envelope_from, OFFICE, &c.raw);
        smtp.quit();
        assert_eq!(w.servers.wait_count(OFFICE, 3), 3);

        let t = Instant::now();
        let (rb, rc) = (b.reply_addr.clone().unwrap(), c.reply_addr.clone().unwrap());
        wait_for("acks for the mail sent around the restart", WAIT, || {
            d.assert_running();
            (w.servers.acks(&rb).len() == 1 && w.servers.acks(&rc).len() == 1).then_some(())
        });
        eprintln!(
            "acks after the Dovecot restart within {:.1} s",
            t.elapsed().as_secs_f64()
        );
        // Back in IDLE on a new connection.
        d.wait_log("IDLE: waiting for new mail", idles + 1);
        assert!(d.log_count("IMAP connection lost") >= 1, "{}", d.log_text());
        assert!(d.log_count("IMAP connected") >= 2, "{}", d.log_text());
        let log = d.stop();
        // The only errors are the mailbox being away.
        for line in error_lines(&log) {
            assert!(line.contains("intake"), "unexpected error: {line}");
        }
        w.servers.settle();
        assert_eq!(w.mail_rows(), 3);
        assert_eq!(check_fixture_acks(&w, &[a, b, c]), 3);
        check_office_untouched(&w, 3);
    });
}

#[test]
fn smtp_down_then_back_delivers_once() {
    timed("smtp_down_then_back_delivers_once", || {
        let w = World::new(Opts::default());
        let f = fixture("001");
        assert!(f.gets_ack());
        let to = f.reply_addr.clone().unwrap();
        w.servers
            .seed_office(&[(f.envelope_from.clone(), f.raw.clone())]);

        w.servers.stop_smtp();
        w.poll(NOW);
        assert_eq!(w.mail_rows(), 1);
        assert_eq!(w.ack_rows(), 1);
        let (state, error, attempts): (String, Option<String>, i64) = w
            .store()
            .query_row(
                "SELECT state, last_error, attempts FROM outbox WHERE kind = 'ack'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(state, "queued");
        assert!(
            error.as_deref().is_some_and(|e| !e.is_empty()),
            "last_error {error:?}"
        );
        assert_eq!(attempts, 1);
        assert_eq!(w.servers.acks(&to).len(), 0, "ack while SMTP is down");

        w.servers.start_smtp();
        w.poll(&plus_hours(1));
        w.servers.settle();
        assert_eq!(w.servers.acks(&to).len(), 1, "acks after SMTP came back");
        let state: String = w
            .store()
            .query_row("SELECT state FROM outbox WHERE kind = 'ack'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(state, "sent");

        w.poll(&plus_hours(2));
        w.servers.settle();
        assert_eq!(check_fixture_acks(&w, &[f]), 1);
        assert_eq!(w.ack_rows(), 1);
        assert_eq!(w.mail_rows(), 1);
        check_office_untouched(&w, 1);
    });
}

#[test]
fn idle_ack_arrives_without_polling() {
    timed("idle_ack_arrives_without_polling", || {
        let w = World::new(Opts {
            idle: true,
            poll_seconds: 3600,
            ..Opts::default()
        });
        let f = fixture("003");
        assert!(f.gets_ack());
        let to = f.reply_addr.clone().unwrap();
        let mut d = w.spawn_run(NOW, "run");
        d.wait_log("IDLE: waiting for new mail", 1);

        let t = Instant::now();
        let mut smtp = Smtp::connect(w.servers.smtp_port);
        smtp.send(&f.envelope_from, OFFICE, &f.raw);
        smtp.quit();
        wait_every(
            "the ack (IDLE)",
            Duration::from_secs(20),
            Duration::from_millis(50),
            || {
                d.assert_running();
                (w.servers.acks(&to).len() == 1).then_some(())
            },
        );
        let latency = t.elapsed();
        eprintln!(
            "IDLE latency: mail sent → ack in the sender's INBOX in {:.2} s",
            latency.as_secs_f64()
        );
        assert!(latency < Duration::from_secs(20));
        assert_no_errors(&d.stop());
        w.servers.settle();
        assert_eq!(w.mail_rows(), 1);
        assert_eq!(check_fixture_acks(&w, &[f]), 1);
    });
}

fn tls_poll(security: Security, send_id: bool) {
    let w = World::new(Opts {
        security,
        send_id,
        ..Opts::default()
    });
    let f = fixture("007");
    assert!(f.gets_ack());
    w.servers
        .seed_office(&[(f.envelope_from.clone(), f.raw.clone())]);
    let out = w.poll(NOW);
    assert!(out.contains("新邮件 1 封"), "{out}");
    w.servers.settle();
    assert_eq!(w.mail_rows(), 1);
    let source: String = w
        .store()
        .query_row("SELECT source FROM mail", [], |r| r.get(0))
        .unwrap();
    assert!(
        source.starts_with(&format!("imap:{OFFICE}@127.0.0.1/INBOX:")),
        "{source}"
    );
    // Dovecot logs how each login was protected: the bot's says TLS (the test's own
    // probes log in over plain loopback, which Dovecot calls "secured").
    let log = w.servers.dir().join("dovecot.log");
    wait_for("the bot's TLS login in dovecot.log", WAIT, || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .any(|l| l.contains(&format!("Login: user=<{OFFICE}>")) && l.contains(", TLS,"))
            .then_some(())
    });
    assert_eq!(check_fixture_acks(&w, &[f]), 1);
    check_office_untouched(&w, 1);
}

#[test]
fn imaps_with_ca_file_and_id() {
    timed("imaps_with_ca_file_and_id", || {
        tls_poll(Security::Tls, true)
    });
}

#[test]
fn starttls_with_ca_file() {
    timed("starttls_with_ca_file", || {
        tls_poll(Security::StartTls, false)
    });
}

/// A reply to the digest as QQ Mail on a phone writes it: the commands, the phone's
/// signature, then the whole digest quoted.
fn office_reply(
    subject: &str,
    in_reply_to: Option<&str>,
    id: &str,
    lines: &str,
    quoted: &str,
) -> Vec<u8> {
    let enc = |s: &str| {
        use std::fmt::Write;
        let b = s.as_bytes();
        let mut out = String::new();
        // RFC 2047 base64, one encoded word.
        const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for c in b.chunks(3) {
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
        let mut w = String::new();
        write!(w, "=?utf-8?B?{out}?=").unwrap();
        w
    };
    let thread = in_reply_to
        .map(|m| format!("In-Reply-To: {m}\r\nReferences: {m}\r\n"))
        .unwrap_or_default();
    format!(
        "From: \"{name}\" <{OFFICE}>\r\nTo: \"{name}\" <{OFFICE}>\r\nSubject: {subject}\r\n{thread}\
         Message-ID: <{id}>\r\nDate: Thu, 20 Apr 2023 10:05:24 +0800\r\nX-Mailer: iPhone Mail (20D67)\r\n\
         Mime-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
         {lines}\r\n\r\n发自我的iPhone\r\n\r\n------------------ 原始邮件 ------------------\r\n{quoted}\r\n",
        name = enc("县政务公开办"),
        subject = enc(subject),
    )
    .into_bytes()
}

#[test]
fn office_replies_to_the_digest_with_commands() {
    timed("office_replies_to_the_digest_with_commands", || {
        let w = World::new(Opts {
            digest_to: OFFICE,
            ..Opts::default()
        });
        // #1 a police plan under review (no activity), #2 a report under review, #3 the
        // water bureau's report (waiting too since issue 11: the test directory lists no
        // addresses, so its sender is only proposed).
        let fs = ["022", "045", "002"].map(fixture);
        seed_fixtures(&w, &fs);
        w.poll(NOW);
        w.servers.settle();
        assert_eq!(w.mail_rows(), 3);
        let kinds = |w: &World| -> Vec<String> {
            let conn = w.store();
            let mut st = conn
                .prepare("SELECT kind || '/' || ifnull(activity, '') || '/' || ifnull(activity_date, '') || '/' || reviewed FROM mail WHERE id <= 3 ORDER BY id")
                .unwrap();
            let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
            rows.map(Result::unwrap).collect()
        };
        let before = kinds(&w);

        // The digest arrives in the office's mailbox, its subject carrying the token.
        let digest = wait_for("the digest in the office INBOX", WAIT, || {
            w.servers
                .bot_mail(OFFICE)
                .into_iter()
                .find(|m| m.subject.contains("材料日报"))
        });
        let token = themeday::commands::token_in(&digest.subject)
            .unwrap_or_else(|| panic!("no token in {:?}", digest.subject));
        assert!(
            digest.text.contains("#1 第9项 方案 日期"),
            "{}",
            digest.text
        );
        let digest_id = format!("<{}>", digest.message_id.clone().unwrap());

        // The office replies from its own address with three commands.
        let reply_id = format!("e2e.reply.{}@qq.com", std::process::id());
        let reply = office_reply(
            &format!("回复：{}", digest.subject),
            Some(&digest_id),
            &reply_id,
            "#1 第9项 方案 2023-05-15\r\n＃２　确认\r\n确认邮箱 县水利局 shuili-new@qq.com",
            &digest.text.replace('\n', "\r\n"),
        );
        let mut smtp = Smtp::connect(w.servers.smtp_port);
        smtp.send(OFFICE, OFFICE, &reply);
        smtp.quit();
        w.servers.settle();
        w.poll(&plus_hours(1));
        w.servers.settle();

        // The store changed as asked.
        let after = kinds(&w);
        assert_eq!(after[0], "plan/9/2023-05-15/1");
        assert_eq!(after[1], format!("{}1", &before[1][..before[1].len() - 1]));
        assert_eq!(after[2], before[2]);
        let learned: String = w
            .store()
            .query_row(
                "SELECT unit || ':' || how FROM learned_address WHERE address = 'shuili-new@qq.com'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(learned, "县水利局:confirmed");
        assert_eq!(
            w.scalar("SELECT COUNT(*) FROM office_command WHERE outcome = 'done' AND sender = '43347867@qq.com'"),
            3
        );
        // The digest that came back into the INBOX was not recorded as mail.
        assert_eq!(
            w.scalar("SELECT COUNT(*) FROM mail WHERE from_addr = '43347867@qq.com'"),
            1
        );
        assert!(w.scalar("SELECT COUNT(*) FROM own_mail") >= 1);

        // One confirmation in the thread, one line per command.
        let confirmations = |w: &World| -> Vec<Ack> {
            w.servers
                .bot_mail(OFFICE)
                .into_iter()
                .filter(|m| m.in_reply_to.as_deref() == Some(reply_id.as_str()))
                .collect()
        };
        let c = wait_for("the confirmation", WAIT, || {
            let c = confirmations(&w);
            (!c.is_empty()).then_some(c)
        });
        assert_eq!(c.len(), 1);
        assert!(
            c[0].subject.contains(&format!("TD-{token}")),
            "{}",
            c[0].subject
        );
        assert_eq!(c[0].text.matches("已执行：").count(), 3, "{}", c[0].text);
        assert_eq!(c[0].text.matches("未执行：").count(), 0, "{}", c[0].text);

        // The same reply fetched again changes nothing.
        let corrections = w.scalar("SELECT COUNT(*) FROM correction");
        let outbox = w.outbox_rows();
        let mut smtp = Smtp::connect(w.servers.smtp_port);
        smtp.send(OFFICE, OFFICE, &reply);
        smtp.quit();
        w.servers.settle();
        let out = w.poll(&plus_hours(2));
        assert!(out.contains("新邮件 0 封"), "{out}");
        w.servers.settle();
        assert_eq!(kinds(&w), after);
        assert_eq!(w.scalar("SELECT COUNT(*) FROM office_command"), 3);
        assert_eq!(w.scalar("SELECT COUNT(*) FROM correction"), corrections);
        assert_eq!(w.outbox_rows(), outbox);
        assert_eq!(confirmations(&w).len(), 1);

        // A forged reply without the token changes nothing...
        let forged = office_reply(
            "Re: “政务公开主题日”材料日报（2023年4月20日）",
            Some(&digest_id),
            &format!("e2e.forged.{}@qq.com", std::process::id()),
            "#3 其他\r\n确认邮箱 县水利局 attacker@example.net",
            "",
        );
        let mut smtp = Smtp::connect(w.servers.smtp_port);
        smtp.send(OFFICE, OFFICE, &forged);
        smtp.quit();
        w.servers.settle();
        w.poll(&plus_hours(3));
        assert_eq!(kinds(&w), after);
        assert_eq!(
            w.scalar("SELECT COUNT(*) FROM learned_address WHERE address = 'attacker@example.net'"),
            0
        );
        let forged_id = w.scalar("SELECT MAX(id) FROM mail");
        assert_eq!(
            w.scalar(&format!(
                "SELECT COUNT(*) FROM office_command WHERE mail_id = {forged_id} AND outcome = 'rejected'"
            )),
            2
        );

        // ...and appears in the next digest.
        w.poll("2023-04-21T09:00:00+08:00");
        w.servers.settle();
        let next = wait_for("the next digest", WAIT, || {
            w.servers
                .bot_mail(OFFICE)
                .into_iter()
                .find(|m| m.subject.contains("2023年4月21日"))
        });
        let line = next
            .text
            .lines()
            .find(|l| l.contains(&format!("邮件 #{forged_id}")) && l.contains("未执行"))
            .unwrap_or_else(|| {
                panic!(
                    "forged reply #{forged_id} not in the digest:\n{}",
                    next.text
                )
            });
        assert!(line.contains("没有日报口令"), "{line}");
        // The bot never recorded its own digests or confirmations.
        assert_eq!(
            w.scalar("SELECT COUNT(*) FROM mail WHERE subject LIKE '“政务公开主题日”材料日报%'"),
            0
        );
    });
}

// ------------------------------------------------------------------ issue 11: robustness

/// The mails of `fixtures/attacks/` whose From address lettre refuses.
fn bad_address_mails() -> Vec<Vec<u8>> {
    [
        "bad-address-trailing-dot.eml",
        "bad-address-double-dot-domain.eml",
        "bad-address-hyphen-label.eml",
        "bad-address-semicolon-local.eml",
        "bad-address-double-dot-local.eml",
        "bad-address-leading-dot-local.eml",
    ]
    .iter()
    .map(|n| std::fs::read(repo().join("fixtures/attacks").join(n)).expect("attack fixture"))
    .collect()
}

#[test]
fn bad_addresses_in_an_imap_batch_stop_nothing() {
    timed("bad_addresses_in_an_imap_batch_stop_nothing", || {
        let w = World::new(Opts::default());
        let fixtures = fixtures();
        let bad = bad_address_mails();
        // A bad mail after each of the first six fixtures: all in the one fetched batch.
        let mut mails = Vec::new();
        for (i, f) in fixtures.iter().enumerate() {
            mails.push((f.envelope_from.clone(), f.raw.clone()));
            if let Some(b) = bad.get(i) {
                mails.push(("bounce@evil.example".to_string(), b.clone()));
            }
        }
        w.servers.seed_office(&mails);
        w.poll(NOW);
        w.servers.settle();
        // Every genuine mail recorded and acknowledged in the one pass...
        assert_eq!(w.mail_rows(), (fixtures.len() + bad.len()) as i64);
        assert_eq!(check_fixture_acks(&w, &fixtures), expected_acks(&fixtures));
        // ...the bad ones recorded as unprocessable, unanswered, and not fetched again.
        assert_eq!(
            w.scalar(
                "SELECT COUNT(*) FROM mail WHERE unprocessable IS NOT NULL AND needs_review = 1"
            ),
            bad.len() as i64
        );
        assert_eq!(
            w.scalar(
                "SELECT COUNT(*) FROM outbox o JOIN mail m ON m.id = o.mail_id
                 WHERE m.unprocessable IS NOT NULL"
            ),
            0
        );
        let out = w.poll(NOW);
        assert!(out.contains("新邮件 0 封"), "{out}");
        check_office_untouched(&w, mails.len());
    });
}

#[test]
fn cold_start_digest_counts_the_imap_mailbox() {
    timed("cold_start_digest_counts_the_imap_mailbox", || {
        let w = World::new(Opts::default());
        let fixtures = fixtures();
        seed_fixtures(&w, &fixtures);
        // 09:00 on a working day: the digest is due at once, but only after the mailbox
        // has been read.
        let d = w.spawn_run(NOW, "run");
        let digest = wait_every("the first digest", WAIT, Duration::from_millis(100), || {
            w.servers.bot_mail("digest@office.test").into_iter().next()
        });
        assert_no_errors(&d.stop());
        let want = format!("新到邮件 {} 封", fixtures.len());
        assert!(
            digest.text.contains(&want),
            "{want} not in:\n{}",
            digest.text
        );
        assert_eq!(
            w.scalar("SELECT last_mail_id FROM digest_log"),
            fixtures.len() as i64
        );
    });
}

/// Issue 11: when a mail arrived is the server's INTERNALDATE, never the sender's `Date:`.
/// A plan for activity 3 (县司法局, held Fri 04-21, plan due Fri 04-14) whose `Date:` says
/// 04-10 but which reached the mailbox on Mon 04-17 (APPENDed with that internal date) is
/// late.
#[test]
fn internaldate_not_the_date_header_is_when_a_mail_arrived() {
    timed(
        "internaldate_not_the_date_header_is_when_a_mail_arrived",
        || {
            let w = World::new(Opts::default());
            let raw = std::fs::read(repo().join("fixtures/attacks/backdated-date-header-plan.eml"))
                .expect("fixture");
            let internal =
                chrono::DateTime::parse_from_rfc3339("2023-04-17T09:30:00+08:00").unwrap();
            let mut imap = w.servers.imap(OFFICE);
            imap.append("INBOX", &raw)
                .internal_date(internal)
                .finish()
                .expect("APPEND");
            let _ = imap.logout();
            w.poll(NOW);
            let received: String = w
                .store()
                .query_row("SELECT received_at FROM mail", [], |r| r.get(0))
                .expect("received_at");
            assert_eq!(received, "2023-04-17T01:30:00Z");
            // The office settles the plan (its sender is not in the directory); it counts as
            // received on 04-17, after the deadline.
            let id = w.scalar("SELECT id FROM mail").to_string();
            let cfg = w.config.to_str().unwrap().to_string();
            let run = |args: &[&str]| {
                let o = std::process::Command::new(env!("CARGO_BIN_EXE_themeday"))
                    .args(["--config", &cfg, "--now", NOW])
                    .args(args)
                    .env(PASSWORD_ENV, PASSWORD)
                    .output()
                    .expect("run themeday");
                assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                String::from_utf8_lossy(&o.stdout).into_owned()
            };
            run(&["assign", &id, "--activity", "3", "--kind", "plan"]);
            let status = run(&["status"]);
            let row = status.lines().find(|l| l.starts_with("3 ")).expect("row 3");
            assert!(
                row.contains("4月17日逾期") && !row.contains("4月10日"),
                "{row}"
            );
        },
    );
}
