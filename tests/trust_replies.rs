//! Issue 11, points 4-6: replies to the bot's own mail are judged on the new text only, the
//! bot is no relay, and daily caps never eat reminders. Each attack is a mail in
//! `fixtures/attacks/` (written by `scripts/gen_reply_attacks.py`), run through the library as
//! the daemon runs it (record, schedule, deliver to files) on a clock the test sets.

use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset};
use themeday::classify::Kind;
use themeday::config::Config;
use themeday::daemon::{record_one, PassSummary};
use themeday::deadlines::season_status;
use themeday::notify::{self, digest, Delivery};
use themeday::parse::parse;
use themeday::records::MailRecord;
use themeday::store::{QueuedMail, Store};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn attack(name: &str) -> Vec<u8> {
    std::fs::read(root().join("fixtures/attacks").join(name)).expect("attack fixture")
}

fn classify_fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("fixtures/classify").join(name)).expect("fixture")
}

/// The same mail under another Message-ID (and, optionally, with one string replaced).
fn variant(raw: &[u8], n: usize, replace: Option<(&str, &str)>) -> Vec<u8> {
    let mut s = String::from_utf8(raw.to_vec()).expect("ASCII fixture");
    let start = s.find("\r\nMessage-ID: <").expect("Message-ID") + 15;
    let end = start + s[start..].find('>').expect("end of Message-ID");
    s.replace_range(start..end, &format!("variant-{n}-{}", &s[start..end]));
    if let Some((from, to)) = replace {
        s = s.replace(from, to);
    }
    s.into_bytes()
}

struct World {
    _dir: tempfile::TempDir,
    out: PathBuf,
    config: Config,
    store: Store,
    n: usize,
}

impl World {
    fn new(setup: impl FnOnce(&mut Config)) -> World {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut config = Config::load(&root().join("config/dongkou-2023.toml")).expect("config");
        let out = dir.path().join("outbox");
        config.outgoing = themeday::config::Outgoing::File { dir: out.clone() };
        config.database = dir.path().join("t.db");
        config.archive_dir = dir.path().join("archive");
        setup(&mut config);
        let store = Store::open(&config.database, &config.archive_dir).expect("store");
        World {
            _dir: dir,
            out,
            config,
            store,
            n: 0,
        }
    }

    /// Records one mail as intake does; returns its record.
    fn receive(&mut self, raw: &[u8], now: DateTime<FixedOffset>) -> MailRecord {
        self.n += 1;
        let classifier =
            themeday::review::classifier_with_learned(&self.config, &self.store).expect("cls");
        let trust = themeday::trust::Trust::load(&self.config, &self.store, None).expect("trust");
        let mut sum = PassSummary::default();
        record_one(
            &self.config,
            &classifier,
            &trust,
            &mut self.store,
            raw,
            &format!("test:{}", self.n),
            Some(now),
            now,
            &mut sum,
        )
        .expect("record");
        let id = self.store.last_mail_id().expect("last id");
        self.store.mail(id).expect("mail").expect("a recorded mail")
    }

    fn schedule(&mut self, now: DateTime<FixedOffset>) {
        notify::jobs::run_due(&self.config, &mut self.store, now).expect("schedule");
    }

    /// Delivers until nothing more is due.
    fn deliver(&mut self, now: DateTime<FixedOffset>) -> Delivery {
        let mut transport = notify::transport_for(&self.config).expect("transport");
        let mut total = Delivery::default();
        loop {
            let d = notify::deliver_due(&self.config, &self.store, transport.as_mut(), now)
                .expect("deliver");
            total.sent += d.sent;
            total.held += d.held;
            total.failed += d.failed;
            if d.sent + d.held + d.failed == 0 {
                return total;
            }
        }
    }

    fn outbox(&self) -> Vec<QueuedMail> {
        self.store.outgoing(None).expect("outbox")
    }

    fn acks_for(&self, mail: i64) -> Vec<QueuedMail> {
        let dedup = format!("ack:{}", self.store.mail(mail).unwrap().unwrap().hash);
        self.outbox()
            .into_iter()
            .filter(|q| q.kind == "ack" && q.dedup_key == dedup)
            .collect()
    }

    fn digest(&self, now: DateTime<FixedOffset>) -> String {
        digest::build(&self.config, &self.store, now)
            .expect("digest")
            .draft
            .text
    }

    fn has_plan_or_report(&self, activity: u32, now: DateTime<FixedOffset>) -> bool {
        let subs = self.store.submissions(self.config.timezone).expect("subs");
        let s = season_status(&self.config, &subs, now);
        let a = s.iter().find(|s| s.number == activity).expect("activity");
        a.plan.is_some() || a.report.is_some()
    }

    fn files_sent(&self) -> usize {
        std::fs::read_dir(&self.out).map_or(0, |d| d.count())
    }
}

/// The outbox, one line a mail, for assertion messages.
fn summary(mails: &[QueuedMail]) -> String {
    mails
        .iter()
        .map(|q| {
            format!(
                "#{} {} {} {:?} {} {:?}",
                q.id, q.kind, q.dedup_key, q.recipients, q.state, q.last_error
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn set_addresses(config: &mut Config, unit: &str, addresses: &[&str]) {
    let u = config
        .units
        .iter_mut()
        .find(|u| u.name == unit)
        .expect("unit in the directory");
    u.addresses = addresses.iter().map(|a| a.to_string()).collect();
}

fn header_id(raw: &[u8], name: &str) -> String {
    let p = parse(raw).expect("parse");
    let v = match name {
        "In-Reply-To" => p.in_reply_to,
        _ => p.message_id,
    };
    format!("<{}>", v.expect("header"))
}

const SFJ: &str = "2850319476@qq.com";

// ---- 4. replies to the bot's own mail ------------------------------------------------------

#[test]
fn a_units_short_reply_quoting_an_overdue_notice_is_a_message_for_the_office_not_a_report() {
    let mut w = World::new(|c| set_addresses(c, "县司法局", &[SFJ]));
    let nine = t("2023-05-04T09:00:00+08:00");
    w.schedule(nine);
    w.deliver(nine);
    let notice = w
        .outbox()
        .into_iter()
        .find(|q| q.kind == "reminder" && q.recipients.contains(&SFJ.to_string()))
        .expect("the overdue notice to 县司法局");
    assert_eq!(notice.state, "sent");
    let raw = attack("reply-qq-shoudao-quoting-overdue-notice.eml");
    assert_eq!(
        header_id(&raw, "In-Reply-To"),
        notice.message_id,
        "the fixture answers the notice the bot wrote"
    );

    let now = t("2023-05-04T15:32:17+08:00");
    let m = w.receive(&raw, now);
    assert_eq!(m.kind, Kind::Other, "{:?}", m.reasons);
    assert!(m.needs_review && !m.automated, "{m:?}");
    assert!(w.acks_for(m.id).is_empty(), "no acknowledgement");
    assert!(
        !w.has_plan_or_report(3, now),
        "the quoted notice supplies no plan or report"
    );
    let text = w.digest(now);
    assert!(text.contains("单位来信：收到，我们尽快报送。"), "{text}");
    // Still overdue: the notice's words did not settle anything.
    assert!(text.contains("法治政府示范创建宣传") && text.contains("已逾期"));
}

#[test]
fn out_of_office_replies_without_rfc3834_headers_are_automated() {
    let mut w = World::new(|_| {});
    for (name, at, activity) in [
        (
            "ooo-coremail-zh-vacation-no-headers.eml",
            "2023-08-25T09:00:09+08:00",
            22,
        ),
        (
            "ooo-thunderbird-en-no-headers.eml",
            "2023-07-03T15:10:49+08:00",
            20,
        ),
    ] {
        let now = t(at);
        let m = w.receive(&attack(name), now);
        assert_eq!(m.kind, Kind::Other, "{name}: {:?}", m.reasons);
        assert!(m.automated, "{name}: {:?}", m.reasons);
        assert!(!m.needs_review, "{name}");
        assert!(w.acks_for(m.id).is_empty(), "{name}: no acknowledgement");
        assert!(!w.has_plan_or_report(activity, now), "{name}");
    }
    assert!(w
        .digest(t("2023-08-25T10:00:00+08:00"))
        .contains("自动邮件（不回复）"));
}

#[test]
fn bounces_in_qq_163_outlook_and_sina_wording_are_automated_even_carrying_our_ack() {
    let mut w = World::new(|_| {});
    for (name, at, activity) in [
        (
            "bounce-qq-postmaster-ack-rfc822.eml",
            "2023-04-14T16:49:23+08:00",
            3,
        ),
        (
            "bounce-163-qiye-zh-ack-rfc822.eml",
            "2023-04-19T10:13:22+08:00",
            4,
        ),
        (
            "bounce-outlook-exchange-zh-wrapped.eml",
            "2023-07-03T15:10:41+08:00",
            20,
        ),
        (
            "bounce-sina-mailer-daemon-zh.eml",
            "2023-04-19T10:14:02+08:00",
            4,
        ),
    ] {
        let now = t(at);
        let m = w.receive(&attack(name), now);
        assert_eq!(m.kind, Kind::Other, "{name}: {:?}", m.reasons);
        assert!(m.automated, "{name}: {:?}", m.reasons);
        assert!(w.acks_for(m.id).is_empty(), "{name}: no acknowledgement");
        assert!(
            !w.has_plan_or_report(activity, now),
            "{name}: our own ack carried back is no plan"
        );
    }
}

#[test]
fn our_words_carried_back_are_never_evidence() {
    // What the bounce carries and what a reply quotes is set aside, not read as the sender's.
    for name in [
        "bounce-qq-postmaster-ack-rfc822.eml",
        "bounce-163-qiye-zh-ack-rfc822.eml",
        "reply-qq-shoudao-quoting-overdue-notice.eml",
        "ooo-coremail-zh-vacation-no-headers.eml",
        "ooo-thunderbird-en-no-headers.eml",
        "pingpong-plain-responder.eml",
        "thread-foxmail-revised-plan-same-day.eml",
    ] {
        let p = parse(&attack(name)).expect("parse");
        assert!(p.replies_to_ours, "{name}");
        assert!(
            p.quoted_ours.contains("材料登记系统"),
            "{name}: our words set aside"
        );
        for ours in ["登记情况如下", "经核对，贵单位", "材料登记系统"] {
            assert!(
                !p.quoted.contains(ours) && !p.body.contains(ours),
                "{name}: {ours} left as evidence:\n{}\n--\n{}",
                p.body,
                p.quoted
            );
        }
    }
    // The revised plan keeps its own new text and its attachment.
    let p = parse(&attack("thread-foxmail-revised-plan-same-day.eml")).unwrap();
    assert!(p.body.contains("现将修改后的活动方案重新报送"));
    assert_eq!(p.attachments.len(), 1);
}

#[test]
fn a_short_answer_within_seconds_of_our_ack_is_automated_and_hours_later_a_unit_message() {
    let mut w = World::new(|_| {});
    let plan = classify_fixture("007-foxmail-justice-plan-weekday-time.eml");
    let m = w.receive(&plan, t("2023-04-14T16:49:18+08:00"));
    let sent_at = t("2023-04-14T16:49:20+08:00");
    w.deliver(sent_at);
    let ack = w.acks_for(m.id).pop().expect("ack");
    assert_eq!(ack.state, "sent");
    let raw = attack("autoack-foxmail-shoudao-quoting-ack.eml");
    assert_eq!(header_id(&raw, "In-Reply-To"), ack.message_id);

    let quick = w.receive(&raw, sent_at + Duration::seconds(11));
    assert!(quick.automated, "{:?}", quick.reasons);
    assert_eq!(quick.kind, Kind::Other);
    let later = w.receive(&variant(&raw, 1, None), sent_at + Duration::hours(3));
    assert!(
        !later.automated && later.needs_review,
        "{:?}",
        later.reasons
    );
    assert_eq!(later.kind, Kind::Other);
    for id in [quick.id, later.id] {
        assert!(w.acks_for(id).is_empty());
    }
    assert_eq!(
        w.outbox().iter().filter(|q| q.kind == "ack").count(),
        1,
        "only the plan was acknowledged"
    );
}

/// A plain auto-responder answers each of our mails within seconds, quoting it.
fn responder_answer(template: &[u8], to: &QueuedMail, n: usize) -> Vec<u8> {
    let first = header_id(template, "In-Reply-To");
    let s = String::from_utf8(template.to_vec()).expect("ASCII");
    let s = s.replace(&first, &to.message_id).replace(
        "<6f1c0b2e.9a3.18779bd04a1.Coremail.chenxiao_sfj@126.com>",
        &format!("<pingpong-{n}.Coremail.chenxiao_sfj@126.com>"),
    );
    s.into_bytes()
}

fn ping_pong(delay: Duration) {
    let mut w = World::new(|_| {});
    let responder = "chenxiao_sfj@126.com";
    let template = attack("pingpong-plain-responder.eml");
    let plan = classify_fixture("007-foxmail-justice-plan-weekday-time.eml");
    let mut now = t("2023-04-14T16:49:18+08:00");
    w.receive(&plan, now);
    let mut answered = std::collections::HashSet::new();
    let mut n = 0;
    // Two days of the responder answering whatever we send, one pass after another.
    for _ in 0..24 {
        now += Duration::seconds(2);
        w.deliver(now);
        let to_answer: Vec<QueuedMail> = w
            .outbox()
            .into_iter()
            .filter(|q| q.state == "sent" && q.recipients.contains(&responder.to_string()))
            .filter(|q| !answered.contains(&q.id))
            .collect();
        if to_answer.is_empty() {
            now += Duration::hours(2);
        }
        for q in to_answer {
            answered.insert(q.id);
            if n == 0 {
                assert_eq!(
                    header_id(&template, "In-Reply-To"),
                    q.message_id,
                    "the fixture answers our ack"
                );
            }
            n += 1;
            now += delay;
            let m = w.receive(&responder_answer(&template, &q, n), now);
            assert_eq!(m.kind, Kind::Other, "{:?}", m.reasons);
        }
    }
    // At most one automatic mail to that conversation a day.
    let mut per_day = std::collections::BTreeMap::new();
    for q in w.outbox() {
        if q.recipients.contains(&responder.to_string()) {
            let day = DateTime::parse_from_rfc3339(&q.created_at)
                .unwrap()
                .with_timezone(&w.config.timezone)
                .date_naive();
            *per_day.entry(day).or_insert(0) += 1;
        }
    }
    assert!(
        per_day.values().all(|&k| k <= 1),
        "automatic mails a day to the responder: {per_day:?}"
    );
    assert_eq!(n, 1, "the responder answered our one ack and nothing more");
}

#[test]
fn a_plain_auto_responder_and_the_bot_do_not_answer_each_other() {
    ping_pong(Duration::seconds(15));
    // A responder that answers from a slow server: the answer is a note for the office, and
    // still gets nothing.
    ping_pong(Duration::minutes(20));
}

#[test]
fn one_acknowledgement_per_conversation_per_day() {
    let mut w = World::new(|_| {});
    let plan = classify_fixture("007-foxmail-justice-plan-weekday-time.eml");
    let first = w.receive(&plan, t("2023-04-14T16:49:18+08:00"));
    w.deliver(t("2023-04-14T16:49:20+08:00"));
    let ack = w.acks_for(first.id).pop().expect("ack");
    let raw = attack("thread-foxmail-revised-plan-same-day.eml");
    assert_eq!(header_id(&raw, "In-Reply-To"), ack.message_id);

    // The same afternoon the unit answers our ack with a revised plan: recorded, not answered.
    let revised = w.receive(&raw, t("2023-04-14T17:31:05+08:00"));
    assert_eq!(revised.kind, Kind::Plan, "{:?}", revised.reasons);
    assert_eq!(revised.activity, Some(3));
    assert!(
        w.acks_for(revised.id).is_empty(),
        "the conversation got its acknowledgement today"
    );
    // Another day, another mail in the same conversation is answered again.
    let monday = w.receive(&variant(&raw, 1, None), t("2023-04-17T10:00:00+08:00"));
    assert_eq!(w.acks_for(monday.id).len(), 1);
}

// ---- 5. no relay ---------------------------------------------------------------------------

#[test]
fn acknowledgements_go_to_the_from_address_only() {
    let mut w = World::new(|_| {});
    let now = t("2023-04-10T10:02:44+08:00");
    let m = w.receive(&attack("relay-foxmail-reply-to-other-domain.eml"), now);
    assert_eq!(m.kind, Kind::Plan);
    let acks = w.acks_for(m.id);
    assert_eq!(acks.len(), 1);
    assert_eq!(acks[0].recipients, vec!["caizheng_dk@163.com".to_string()]);
    w.deliver(now);
    assert!(w
        .outbox()
        .iter()
        .all(|q| !q.recipients.iter().any(|r| r.contains("adsrelay"))));
}

#[test]
fn a_review_acknowledgement_repeats_nothing_the_sender_wrote() {
    let mut w = World::new(|_| {});
    let now = t("2023-04-11T02:17:09+08:00");
    let m = w.receive(&attack("relay-qq-spam-subject-review.eml"), now);
    assert!(m.needs_review, "{m:?}");
    let ack = w.acks_for(m.id).pop().expect("the review acknowledgement");
    assert_eq!(ack.subject, "回执：来信已收到");
    let sent = parse(&ack.raw).expect("our ack parses");
    assert_eq!(sent.subject, "回执：来信已收到");
    for spam in ["澳门", "888", "am888", "娱乐城"] {
        assert!(
            !sent.body.contains(spam) && !sent.subject.contains(spam),
            "{spam}"
        );
    }
    assert_eq!(
        sent.in_reply_to.as_deref(),
        Some("tencent_5C1E2A3B4D6F7081920A3B4C5D6E7F801A2B@qq.com"),
        "threaded by In-Reply-To"
    );
}

#[test]
fn a_thousand_forged_senders_get_at_most_thirty_acknowledgements_a_day() {
    let mut w = World::new(|_| {});
    let template = attack("relay-outlook-forged-plan.eml");
    let now = t("2023-04-18T11:20:15+08:00");
    w.store.begin_batch().expect("batch");
    for n in 0..1000 {
        let forged = format!("user{n}@forged{}.example.cn", n % 97);
        let raw = variant(&template, n, Some(("zhoumin_dkfgj@163.com", &forged)));
        w.receive(&raw, now);
    }
    w.store.commit_batch().expect("commit");
    let acks = w.outbox().into_iter().filter(|q| q.kind == "ack").count();
    assert_eq!(acks, 1000, "each forged plan asks for an acknowledgement");
    let d = w.deliver(now + Duration::minutes(1));
    assert!(d.sent <= 30, "sent {}", d.sent);
    assert_eq!(
        d.sent, 30,
        "the day's total of acknowledgements to new addresses"
    );
    assert_eq!(d.held, 970);
    assert_eq!(w.files_sent(), 30);
    let text = w.digest(now + Duration::hours(1));
    assert!(text.contains("共 970 封暂未发送"), "{text}");
    // Held for the office: not sent the next days either.
    for day in ["2023-04-19T09:30:00+08:00", "2023-04-20T09:30:00+08:00"] {
        w.deliver(t(day));
    }
    assert_eq!(w.files_sent(), 30);
}

// ---- 6. caps never eat reminders -----------------------------------------------------------

#[test]
fn ten_mails_with_reply_to_a_units_address_do_not_stop_its_overdue_notice() {
    let mut w = World::new(|c| set_addresses(c, "县司法局", &[SFJ]));
    let template = attack("cap-qq-reply-to-unit-address.eml");
    for n in 0..10 {
        let at = t("2023-05-04T08:05:31+08:00") + Duration::minutes(5 * n as i64);
        w.receive(&variant(&template, n, None), at);
        w.deliver(at + Duration::seconds(5));
    }
    let nine = t("2023-05-04T09:00:00+08:00");
    w.schedule(nine);
    w.deliver(nine);
    let notice = w
        .outbox()
        .into_iter()
        .find(|q| q.kind == "reminder" && q.unit.as_deref() == Some("县司法局"))
        .expect("县司法局's overdue notice");
    assert_eq!(notice.state, "sent", "{:?}", notice.last_error);
    assert!(notice.subject.contains("逾期"));
}

#[test]
fn a_first_run_late_in_the_season_holds_no_overdue_notice() {
    let mut w = World::new(|c| {
        for (i, u) in c.units.iter_mut().enumerate() {
            u.addresses = vec![format!("unit{i}@dongkou.gov.cn")];
        }
    });
    // The last day April's activities are still chased, May's plans overdue too: eleven units.
    let now = t("2023-05-31T09:00:00+08:00");
    w.schedule(now);
    let d = w.deliver(now);
    let out = w.outbox();
    let overdue: Vec<&QueuedMail> = out
        .iter()
        .filter(|q| q.kind == "reminder" && q.subject.contains("逾期"))
        .collect();
    assert!(
        overdue.len() > 10,
        "more overdue notices (each copying the office) than the per-recipient cap: {}",
        overdue.len()
    );
    assert_eq!(
        d.held,
        0,
        "{}",
        summary(&w.store.outgoing(Some("held")).unwrap())
    );
    assert!(overdue.iter().all(|q| q.state == "sent"));
    assert!(out.iter().any(|q| q.kind == "digest" && q.state == "sent"));
}

#[test]
fn an_acknowledgement_held_by_the_cap_goes_out_the_next_working_day() {
    let mut w = World::new(|c| {
        c.policy.per_recipient_daily = 2;
        set_addresses(c, "县司法局", &["chenxiao_sfj@126.com"]);
    });
    let plan = classify_fixture("007-foxmail-justice-plan-weekday-time.eml");
    // Friday: three mails, three acknowledgements, two a day.
    for n in 0..3 {
        let at = t("2023-04-14T16:49:18+08:00") + Duration::minutes(10 * n as i64);
        w.receive(&variant(&plan, n, None), at);
        w.deliver(at + Duration::seconds(3));
    }
    let held = w.store.outgoing(Some("held")).unwrap();
    assert_eq!(held.len(), 1);
    let text = w.digest(t("2023-04-14T18:00:00+08:00"));
    assert!(
        text.contains("因超过每日上限暂未发送，将于2023年4月17日（下一个工作日）重新发送"),
        "{text}"
    );
    // Saturday is not a working day; Monday it goes.
    assert_eq!(w.deliver(t("2023-04-15T10:00:00+08:00")).sent, 0);
    let d = w.deliver(t("2023-04-17T09:00:00+08:00"));
    assert_eq!(d.sent, 1);
    assert!(w.store.outgoing(Some("held")).unwrap().is_empty());
    assert_eq!(w.files_sent(), 3);
}

#[test]
fn a_reminder_held_by_the_cap_is_sent_again_the_next_working_day() {
    // Two units that share one address, and a cap of one reminder a day to it.
    let shared = "gongkai@dongkou.gov.cn";
    let mut w = World::new(|c| {
        c.policy.per_recipient_daily = 1;
        set_addresses(c, "县司法局", &[shared]);
        set_addresses(c, "县市监局", &[shared]);
    });
    let thursday = t("2023-05-04T09:00:00+08:00");
    w.schedule(thursday);
    w.deliver(thursday);
    let reminders = |w: &World, state: &str| {
        w.outbox()
            .into_iter()
            .filter(|q| q.kind == "reminder" && q.state == state)
            .count()
    };
    assert_eq!(
        (reminders(&w, "sent"), reminders(&w, "held")),
        (1, 1),
        "{}",
        summary(&w.outbox())
    );
    let held_unit = w.store.outgoing(Some("held")).unwrap()[0].unit.clone();
    let friday = t("2023-05-05T09:00:00+08:00");
    w.schedule(friday);
    w.deliver(friday);
    let again: Vec<QueuedMail> = w
        .outbox()
        .into_iter()
        .filter(|q| q.kind == "reminder" && q.unit == held_unit && q.state == "sent")
        .collect();
    assert_eq!(again.len(), 1, "{}", summary(&w.outbox()));
    assert!(again[0].dedup_key.ends_with("2023-05-05"));
    assert!(w.store.outgoing(Some("held")).unwrap().is_empty());
}

#[test]
fn the_daily_budgets_are_validated_like_the_other_policy_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |policy_line: &str| {
        let cfg = std::fs::read_to_string(root().join("config/dongkou-2023.toml"))
            .unwrap()
            .replace(
                "calendar = \"calendar\"",
                &format!(
                    "calendar = \"{}\"",
                    root().join("config/calendar").display()
                ),
            )
            .replace("new_address_acks_daily = 30\n", policy_line);
        for f in ["dongkou-2023-schedule.tsv", "dongkou-2023-units.toml"] {
            std::fs::copy(root().join("config").join(f), dir.path().join(f)).unwrap();
        }
        let path = dir.path().join("dongkou-2023.toml");
        std::fs::write(&path, cfg).unwrap();
        path
    };
    // Absent: 30 a day.
    let c = Config::load(&write("")).expect("valid without the key");
    assert_eq!(c.policy.new_address_acks_daily, 30);
    let c = Config::load(&write("new_address_acks_daily = 5\n")).expect("valid");
    assert_eq!(c.policy.new_address_acks_daily, 5);
    let e = Config::load(&write("new_address_acks_daily = 5000\n"))
        .expect_err("no budget at all")
        .to_string();
    assert!(
        e.contains("new_address_acks_daily = 5000 is not a usable daily budget")
            && e.contains("dongkou-2023.toml:"),
        "{e}"
    );
    let zero = std::fs::read_to_string(write("new_address_acks_daily = 30\n"))
        .unwrap()
        .replace("per_recipient_daily = 10", "per_recipient_daily = 0");
    std::fs::write(dir.path().join("dongkou-2023.toml"), zero).unwrap();
    let e = Config::load(&dir.path().join("dongkou-2023.toml"))
        .map(|_| ())
        .expect_err("0 holds every acknowledgement")
        .to_string();
    assert!(
        e.contains("per_recipient_daily = 0 is not a usable daily budget"),
        "{e}"
    );
}
