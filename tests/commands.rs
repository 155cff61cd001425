//! Commands by reply, on a Maildir and the file transport: the office answers the digest
//! with commands, the store changes as asked, once, and one confirmation answers each line;
//! replies without authority (no token, an expired token, a stranger's address) change
//! nothing and are listed in the next digest; quoted commands are never carried out; the
//! bot's own mail in the mailbox is never recorded.

use std::path::{Path, PathBuf};

use chrono::DateTime;
use rusqlite::Connection;
use themeday::config::Config;
use themeday::daemon::{poll, Clock, PassSummary};

const OFFICE: &str = "43347867@qq.com";
const TOKEN: &str = "7K3M9QXA";
const OLD_TOKEN: &str = "HX4R2P8N";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct World {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    config: Config,
    n: usize,
}

impl World {
    fn new() -> World {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(dir.join("maildir").join(sub)).unwrap();
        }
        // Since issue 11 a unit's plan or report counts only from an address in the unit
        // directory (or confirmed by the office): the water bureau's sender of fixture 002 is
        // in the directory, so its report (#3) is settled as before.
        let units = std::fs::read_to_string(root().join("config/dongkou-2023-units.toml"))
            .unwrap()
            .replacen(
                "name = \"县水利局\"\nfull_name = \"洞口县水利局\"\naliases = []\naddresses = []",
                "name = \"县水利局\"\nfull_name = \"洞口县水利局\"\naliases = []\naddresses = [\"xiaojj1976@163.com\"]",
                1,
            );
        assert!(units.contains("xiaojj1976@163.com"));
        std::fs::write(dir.join("units.toml"), units).unwrap();
        let cfg = format!(
            r#"[office]
name = "洞口县政务公开政务服务领导小组办公室"
short_name = "县政务公开办"
address = "{OFFICE}"
staff_addresses = ["zhangfeng@dongkou.gov.cn"]
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
[policy]
digest_to = ["{OFFICE}"]
command_token_days = 7
"#,
            root = root().display()
        );
        let path = dir.join("config.toml");
        std::fs::write(&path, cfg).unwrap();
        let config = Config::load(&path).unwrap();
        World {
            _tmp: tmp,
            dir,
            config,
            n: 0,
        }
    }

    /// Delivers a mail into the Maildir under a new unique name.
    fn deliver(&mut self, raw: &[u8]) {
        self.n += 1;
        let name = format!("1681950000.M{}P1.test", self.n);
        std::fs::write(self.dir.join("maildir/new").join(name), raw).unwrap();
    }

    fn deliver_file(&mut self, path: &Path) {
        let raw = std::fs::read(path).unwrap();
        self.deliver(&raw);
    }

    fn poll(&self, now: &str) -> PassSummary {
        let clock = Clock::new(Some(DateTime::parse_from_rfc3339(now).unwrap()));
        poll(&self.config, &clock, &mut themeday::notify::jobs::run_due)
            .unwrap()
            .0
    }

    fn db(&self) -> Connection {
        Connection::open(self.dir.join("themeday.db")).unwrap()
    }

    fn scalar(&self, sql: &str) -> i64 {
        self.db().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn text(&self, sql: &str) -> String {
        self.db().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// The outgoing mail of a kind, as text (headers and decoded body), oldest first.
    fn outgoing(&self, kind: &str) -> Vec<Outgoing> {
        let db = self.db();
        let mut st = db
            .prepare("SELECT recipients, raw FROM outbox WHERE kind = ?1 ORDER BY id")
            .unwrap();
        let rows = st
            .query_map([kind], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
            })
            .unwrap();
        rows.map(|r| {
            let (to, raw) = r.unwrap();
            let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
            Outgoing {
                to,
                subject: m.subject().unwrap_or_default().to_string(),
                in_reply_to: m.in_reply_to().as_text().map(str::to_string),
                text: m.body_text(0).unwrap_or_default().into_owned(),
                raw: raw.clone(),
            }
        })
        .collect()
    }
}

#[derive(Debug)]
struct Outgoing {
    to: String,
    subject: String,
    in_reply_to: Option<String>,
    text: String,
    raw: Vec<u8>,
}

fn fixture(name: &str) -> PathBuf {
    let dir = if name.contains('/') {
        root().join("fixtures")
    } else {
        root().join("fixtures/classify")
    };
    let found = std::fs::read_dir(dir.join(name.rsplit_once('/').map_or("", |x| x.0)))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            let want = name.rsplit('/').next().unwrap();
            n.starts_with(want) && n.ends_with(".eml")
        });
    found.unwrap_or_else(|| panic!("no fixture {name}"))
}

/// Mails #1–#5: a police plan under review with no activity (#1), a medical-insurance report
/// under review (#2), the water bureau's settled report (#3), a unit's question (#4), a mail
/// the office sent itself (#5). Then the day's tokens, and the digest at 09:00.
fn season_day() -> World {
    let mut w = World::new();
    for (i, f) in ["022", "045", "002", "051", "055"].iter().enumerate() {
        w.deliver_file(&fixture(f));
        w.poll(&format!("2023-04-20T07:0{i}:00+08:00"));
    }
    assert_eq!(w.scalar("SELECT COUNT(*) FROM mail"), 5);
    let db = w.db();
    // The tokens the fixtures carry: today's digest, and one from an old digest.
    db.execute(
        "INSERT INTO command_token (token, day, issued_at) VALUES (?1, '2023-04-20', '2023-04-20T00:00:00Z'),
         (?2, '2023-04-03', '2023-04-03T00:00:00Z')",
        [TOKEN, OLD_TOKEN],
    )
    .unwrap();
    w.poll("2023-04-20T09:00:00+08:00");
    w
}

#[test]
fn digest_carries_the_token_and_the_reply_lines() {
    let w = season_day();
    let d = w.outgoing("digest");
    assert_eq!(d.len(), 1);
    assert!(
        d[0].subject.ends_with(&format!("[TD-{TOKEN}]")),
        "{}",
        d[0].subject
    );
    // #1: the police's plan, activity unknown: one line per activity of the unit.
    for line in [
        "#1 第9项 方案 日期",
        "#1 第13项 方案 日期",
        "#1 第24项 方案 日期",
        "#1 其他",
    ] {
        assert!(d[0].text.contains(line), "{line}: {}", d[0].text);
    }
    // #2: a report the bot placed: confirm it, or say otherwise.
    for line in ["#2 确认", "#2 第22项 报告 2023-08-17", "#2 其他"] {
        assert!(d[0].text.contains(line), "{line}: {}", d[0].text);
    }
    // The settled report waits for the office's word on the portal.
    assert!(d[0].text.contains("#3 发布") && d[0].text.contains("#3 不发布"));
    // One date style, no server paths.
    assert!(
        d[0].text.contains("截至2023年4月20日 09:00"),
        "{}",
        d[0].text
    );
    assert!(!d[0].text.contains("2023年04月") && !d[0].text.contains("/archive/"));
}

#[test]
fn office_reply_applies_its_commands_once_and_confirms_each_line() {
    let mut w = season_day();
    let reply = fixture("attacks/office-reply-commands");
    // The digest itself comes back into the mailbox the bot watches.
    let digest = w.outgoing("digest").remove(0);
    w.deliver(&digest.raw);
    w.deliver_file(&reply);
    let sum = w.poll("2023-04-20T10:06:00+08:00");
    assert_eq!(sum.own, 1, "the digest is the bot's own mail");
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM mail"),
        6,
        "digest not recorded"
    );
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM mail WHERE subject LIKE '%材料日报%' AND from_addr = '43347867@qq.com' AND subject NOT LIKE '回复%'"),
        0
    );

    // #1 第9项 方案 2023-05-15
    let (kind, act, date, reviewed): (String, i64, String, bool) = w
        .db()
        .query_row(
            "SELECT kind, activity, activity_date, reviewed FROM mail WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (kind.as_str(), act, date.as_str(), reviewed),
        ("plan", 9, "2023-05-15", true)
    );
    // #2 确认: the bot's proposal stands, reviewed.
    assert_eq!(
        w.text("SELECT kind || ':' || activity || ':' || reviewed FROM mail WHERE id = 2"),
        "report:22:1"
    );
    // 确认邮箱 县水利局 shuili-new@qq.com
    assert_eq!(
        w.text(
            "SELECT unit || ':' || how FROM learned_address WHERE address = 'shuili-new@qq.com'"
        ),
        "县水利局:confirmed"
    );
    // The quoted "#3 其他" and "#3 不发布" changed nothing.
    assert_eq!(w.text("SELECT kind FROM mail WHERE id = 3"), "report");
    assert_eq!(w.scalar("SELECT COUNT(*) FROM portal_approval"), 0);
    // Recorded: who, when, which mail, the line, what it did.
    let rows: Vec<(i64, i64, String, String, String)> = {
        let db = w.db();
        let mut st = db
            .prepare(
                "SELECT mail_id, line_no, line, sender, outcome FROM office_command ORDER BY id",
            )
            .unwrap();
        let rows = st
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap();
        rows.map(Result::unwrap).collect()
    };
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| r.0 == 6 && r.3 == OFFICE && r.4 == "done"),
        "{rows:?}"
    );
    assert_eq!(rows.iter().map(|r| r.1).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM correction WHERE by LIKE '邮件指令 43347867@qq.com%'"),
        2
    );
    // One confirmation, in the thread, to the office, each line answered.
    let c = w.outgoing("command-reply");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].to, format!("[\"{OFFICE}\"]"));
    assert_eq!(
        c[0].in_reply_to.as_deref(),
        Some("tencent_5C1E2B9F0A7D4E66B0F2C3A1D9E8B7F60B05@qq.com")
    );
    assert!(
        c[0].subject.contains(&format!("[TD-{TOKEN}]")),
        "{}",
        c[0].subject
    );
    assert_eq!(c[0].text.matches("已执行：").count(), 3, "{}", c[0].text);
    assert!(c[0].text.contains("第9项"), "{}", c[0].text);
    assert!(c[0].text.contains("shuili-new@qq.com"), "{}", c[0].text);
    // The acknowledgement held back for #1 went to the police.
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM outbox WHERE dedup_key LIKE 'ack-confirmed:%'"),
        2
    );

    // The same reply fetched again (a second copy in the mailbox): nothing changes.
    let corrections = w.scalar("SELECT COUNT(*) FROM correction");
    let outbox = w.scalar("SELECT COUNT(*) FROM outbox");
    w.deliver_file(&reply);
    // ...and our own confirmation comes back too.
    let conf = w.outgoing("command-reply").remove(0);
    w.deliver(&conf.raw);
    let sum = w.poll("2023-04-20T10:30:00+08:00");
    assert_eq!((sum.new, sum.duplicates, sum.own), (0, 1, 1));
    assert_eq!(w.scalar("SELECT COUNT(*) FROM office_command"), 3);
    assert_eq!(w.scalar("SELECT COUNT(*) FROM correction"), corrections);
    assert_eq!(w.scalar("SELECT COUNT(*) FROM outbox"), outbox);
}

#[test]
fn replies_without_authority_change_nothing_and_appear_in_the_next_digest() {
    let mut w = season_day();
    w.deliver_file(&fixture("attacks/office-reply-commands"));
    w.poll("2023-04-20T10:06:00+08:00");
    let learned = w.scalar("SELECT COUNT(*) FROM learned_address");
    let before: Vec<String> = mails(&w);
    for f in [
        "attacks/forged-office-no-token",
        "attacks/expired-token",
        "attacks/stranger-with-token",
    ] {
        w.deliver_file(&fixture(f));
    }
    w.poll("2023-04-20T11:15:00+08:00");
    // Nothing changed: the mails as they were (plus three new ones), no address learned or
    // removed, nothing approved for the portal.
    let after = mails(&w);
    assert_eq!(&after[..6], &before[..]);
    assert_eq!(after.len(), 9);
    assert_eq!(w.scalar("SELECT COUNT(*) FROM learned_address"), learned);
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM learned_address WHERE address = 'shuili-new@qq.com'"),
        1
    );
    assert_eq!(w.scalar("SELECT COUNT(*) FROM portal_approval"), 0);
    // Every line recorded as rejected, with why.
    assert_eq!(
        w.text(
            "SELECT group_concat(authority || ':' || commands, ',') FROM
               (SELECT authority, commands FROM command_mail WHERE mail_id > 6 ORDER BY mail_id)"
        ),
        "no-token:4,expired:1,not-office:2"
    );
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM office_command WHERE mail_id > 6 AND outcome = 'rejected'"),
        7
    );
    // The office's own address hears about the two that claim to be from it; the stranger
    // gets nothing.
    let c = w.outgoing("command-reply");
    assert_eq!(c.len(), 3, "{c:?}");
    assert!(
        c[1].text.contains("没有日报口令") && c[1].text.contains("未执行"),
        "{}",
        c[1].text
    );
    assert!(!c[1].text.contains("已执行："), "{}", c[1].text);
    assert!(c[2].text.contains("已超过7天有效期"), "{}", c[2].text);
    assert!(c.iter().all(|m| m.to == format!("[\"{OFFICE}\"]")));

    // The next working day's digest lists them.
    w.poll("2023-04-21T09:00:00+08:00");
    let d = w.outgoing("digest");
    assert_eq!(d.len(), 2);
    let text = &d[1].text;
    for (id, why) in [(7, "没有日报口令"), (8, "已过期"), (9, "不是本办邮箱")] {
        let line = text
            .lines()
            .find(|l| l.contains(&format!("邮件 #{id}")) && l.contains("未执行"))
            .unwrap_or_else(|| panic!("#{id} not in the digest:\n{text}"));
        assert!(line.contains(why), "{line}");
    }
}

/// kind/activity/date/reviewed of every mail, in id order.
fn mails(w: &World) -> Vec<String> {
    let db = w.db();
    let mut st = db
        .prepare(
            "SELECT kind || '/' || ifnull(activity, '') || '/' || ifnull(activity_date, '') || '/' || reviewed
             FROM mail ORDER BY id",
        )
        .unwrap();
    let rows = st.query_map([], |r| r.get(0)).unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn quoted_commands_are_never_carried_out() {
    let mut w = season_day();
    let before = mails(&w);
    w.deliver_file(&fixture("attacks/office-reply-quoted-commands"));
    w.poll("2023-04-20T10:31:00+08:00");
    assert_eq!(&mails(&w)[..5], &before[..5]);
    assert_eq!(w.scalar("SELECT COUNT(*) FROM office_command"), 0);
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM learned_address WHERE address = 'quoted@qq.com'"),
        0
    );
    let c = w.outgoing("command-reply");
    assert_eq!(c.len(), 1);
    assert!(c[0].text.contains("没有找到指令"), "{}", c[0].text);
}

#[test]
fn a_unit_mail_with_our_loop_header_is_still_recorded() {
    let mut w = World::new();
    w.deliver_file(&fixture("attacks/unit-carries-loop-header"));
    let sum = w.poll("2023-04-20T10:21:00+08:00");
    assert_eq!((sum.new, sum.own), (1, 0));
    assert_eq!(w.scalar("SELECT COUNT(*) FROM own_mail"), 0);
}

#[test]
fn commands_that_cannot_be_carried_out_say_why_and_the_form() {
    let mut w = season_day();
    let raw = format!(
        "From: 县政务公开办 <{OFFICE}>\r\nTo: {OFFICE}\r\nSubject: Re: 日报 [TD-{TOKEN}]\r\n\
         Message-ID: <refusals.1@qq.com>\r\nDate: Thu, 20 Apr 2023 10:40:00 +0800\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
         #99 确认\r\n#3 确认\r\n#3 第30项 报告\r\n#5 第1项 方案\r\n#11 活动日期改为4月28日\r\n\
         #1 发布\r\n#3 发布\r\n确认邮箱 县水利局 1623857740@qq.com\r\n删除邮箱 nobody@qq.com\r\n\
         确认邮箱 县城管局 a@qq.com\r\n"
    );
    w.deliver(raw.as_bytes());
    w.poll("2023-04-20T10:41:00+08:00");
    let c = w.outgoing("command-reply");
    assert_eq!(c.len(), 1);
    let t = &c[0].text;
    for want in [
        "没有编号为 #99 的邮件",
        "邮件 #3 不在待核对之列",
        "活动计划表中没有第30项",
        "邮件 #5 是本办邮箱发出的邮件",
        "正确写法：#编号 第N项 方案|报告",
        "邮件 #1 不是已登记的情况报告",
        "已同意在门户网站专栏发布",
        "已确认 1623857740@qq.com 为县水利局的邮箱",
        "系统没有记住 nobody@qq.com",
        "单位名录中没有“县城管局”",
    ] {
        assert!(t.contains(want), "{want:?} not in:\n{t}");
    }
    assert_eq!(t.matches("已执行：").count(), 2, "{t}");
    assert_eq!(t.matches("未执行：").count(), 8, "{t}");
    assert_eq!(
        w.text("SELECT mail_id || ':' || publish FROM portal_approval"),
        "3:1"
    );
}

#[test]
fn a_units_question_is_listed_with_its_text() {
    let w = season_day();
    let d = w.outgoing("digest").remove(0);
    let block = d
        .text
        .split("■ ")
        .find(|b| b.starts_with("单位咨询 1 件"))
        .unwrap_or_else(|| panic!("no questions block:\n{}", d.text));
    assert!(block.contains("#4 "), "{block}");
    let line = block
        .lines()
        .find(|l| l.contains("来信内容"))
        .unwrap_or_else(|| panic!("question #4 without its text:\n{block}"));
    assert!(
        line.contains("请问报送的主题日活动方案需要加盖单位公章吗"),
        "{line}"
    );
    // Listed once, as a question, not as a mail to review.
    assert_eq!(d.text.matches("需要加盖单位公章").count(), 1, "{}", d.text);
}

/// A reply from the office with today's token and `lines` as its own text.
fn office_reply(id: &str, lines: &str) -> String {
    format!(
        "From: 县政务公开办 <{OFFICE}>\r\nTo: {OFFICE}\r\nSubject: Re: 日报 [TD-{TOKEN}]\r\n\
         Message-ID: <{id}@qq.com>\r\nDate: Thu, 20 Apr 2023 10:40:00 +0800\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
         {lines}\r\n"
    )
}

/// Issue 11 holds a plan from an address nobody confirmed and proposes the address; the
/// digest gives the line to reply with, and `确认邮箱` by reply takes the same path as
/// `themeday units --confirm`: the address is confirmed and the plan that waited only for it
/// is settled, its acknowledgement queued. `删除邮箱` forgets the address again.
#[test]
fn confirming_an_address_by_reply_settles_the_mail_held_for_it() {
    let mut w = World::new();
    w.deliver_file(&fixture("003"));
    w.poll("2023-04-20T07:00:00+08:00");
    assert_eq!(
        w.text("SELECT needs_review || ':' || held_for_sender || ':' || reviewed FROM mail WHERE id = 1"),
        "1:1:0"
    );
    assert_eq!(
        w.text("SELECT how FROM learned_address WHERE address = 'wangli_dksj@163.com'"),
        "proposed"
    );
    w.db()
        .execute(
            "INSERT INTO command_token (token, day, issued_at) VALUES (?1, '2023-04-20', '2023-04-20T00:00:00Z')",
            [TOKEN],
        )
        .unwrap();
    w.poll("2023-04-20T09:00:00+08:00");
    let d = w.outgoing("digest").remove(0);
    let block = d
        .text
        .split("■ ")
        .find(|b| b.starts_with("待确认的单位邮箱 1 个"))
        .unwrap_or_else(|| panic!("no proposed addresses:\n{}", d.text));
    for line in [
        "确认邮箱 县市监局 wangli_dksj@163.com",
        "删除邮箱 wangli_dksj@163.com",
        "themeday units --confirm wangli_dksj@163.com --unit 县市监局",
    ] {
        assert!(block.contains(line), "{line}: {block}");
    }
    // The held plan itself offers the same line.
    let review = d
        .text
        .split("■ ")
        .find(|b| b.starts_with("待核对邮件"))
        .unwrap_or_else(|| panic!("no review block:\n{}", d.text));
    assert!(
        review.contains("确认邮箱 县市监局 wangli_dksj@163.com"),
        "{review}"
    );
    let acks_before =
        w.scalar("SELECT COUNT(*) FROM outbox WHERE dedup_key LIKE 'ack-confirmed:%'");
    assert_eq!(acks_before, 0);

    w.deliver(office_reply("confirm.1", "确认邮箱 县市监局 wangli_dksj@163.com").as_bytes());
    w.poll("2023-04-20T10:41:00+08:00");
    assert_eq!(
        w.text("SELECT kind || ':' || activity || ':' || reviewed FROM mail WHERE id = 1"),
        "plan:2:1"
    );
    assert_eq!(
        w.text(
            "SELECT unit || ':' || how FROM learned_address WHERE address = 'wangli_dksj@163.com'"
        ),
        "县市监局:confirmed"
    );
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM outbox WHERE dedup_key LIKE 'ack-confirmed:%'"),
        1,
        "the acknowledgement held back is queued"
    );
    let c = w.outgoing("command-reply");
    assert_eq!(c.len(), 1);
    assert!(
        c[0].text
            .contains("已确认 wangli_dksj@163.com 为县市监局的邮箱")
            && c[0].text.contains("已登记")
            && c[0].text.contains("#1"),
        "{}",
        c[0].text
    );

    w.deliver(office_reply("forget.1", "删除邮箱 wangli_dksj@163.com").as_bytes());
    w.poll("2023-04-20T10:51:00+08:00");
    assert_eq!(
        w.scalar("SELECT COUNT(*) FROM learned_address WHERE address = 'wangli_dksj@163.com'"),
        0
    );
    let c = w.outgoing("command-reply");
    assert_eq!(c.len(), 2);
    assert!(c[1].text.contains("已执行"), "{}", c[1].text);
}

/// The office's reply is not a unit's submission, so issue 11 never holds it for its sender
/// (its address is in no unit's directory, and nobody confirms it): from the office's address
/// with the token it has authority, and its command is carried out. (A reply whose DKIM
/// fails for the office's domain has none: see tests/trust_evidence.rs.)
#[test]
fn the_office_reply_is_not_held_for_its_sender() {
    let mut w = season_day();
    w.deliver(office_reply("authority.1", "#1 其他").as_bytes());
    w.poll("2023-04-20T10:41:00+08:00");
    let store = themeday::store::Store::open(&w.config.database, &w.config.archive_dir).unwrap();
    let m = store.mail(6).unwrap().unwrap();
    assert_eq!(m.from_addr.as_deref(), Some(OFFICE));
    assert!(
        m.kind == themeday::classify::Kind::Other && !m.needs_review && !m.held_for_sender,
        "{m:?}"
    );
    assert_eq!(
        themeday::commands::authority(&w.config, &store, &m).unwrap(),
        themeday::commands::Authority::Granted {
            token: TOKEN.into()
        }
    );
    assert_eq!(w.text("SELECT kind FROM mail WHERE id = 1"), "other");
    assert_eq!(
        w.text("SELECT outcome FROM office_command WHERE mail_id = 6"),
        "done"
    );
}
