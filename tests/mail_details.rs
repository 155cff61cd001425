//! The details of the mail the bot writes: `Date:` follows `--now` in +08:00; salutations
//! use the unit's full name; quotes never double up and brackets never nest; 报道, not 报导;
//! dates written as 2023年4月20日.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use themeday::classify::Classifier;
use themeday::config::Config;
use themeday::notify::{self, ack, remind, Draft};
use themeday::schedule::{Item, ItemKind, UnitReminder};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> Config {
    Config::load(&root().join("config/demo.toml")).unwrap()
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, m, day).unwrap()
}

#[test]
fn date_header_follows_now_in_the_offices_time_zone() {
    let c = config();
    let now = DateTime::parse_from_rfc3339("2023-04-20T01:00:00Z").unwrap();
    let draft = Draft {
        kind: "digest",
        dedup_key: "test:date".into(),
        mail_id: None,
        unit: None,
        to: vec!["43347867@qq.com".into()],
        cc: Vec::new(),
        subject: "日期".into(),
        text: "正文".into(),
        html: None,
        in_reply_to: None,
        references: Vec::new(),
        auto_submitted: "auto-generated",
    };
    let out = notify::build(&c, &draft, now).unwrap();
    let raw = String::from_utf8_lossy(&out.raw);
    let head = raw.split("\r\n\r\n").next().unwrap();
    let dates: Vec<&str> = head.lines().filter(|l| l.starts_with("Date:")).collect();
    assert_eq!(
        dates,
        vec!["Date: Thu, 20 Apr 2023 09:00:00 +0800"],
        "{head}"
    );
    // The body is untouched.
    let m = mail_parser::MessageParser::default()
        .parse(&out.raw)
        .unwrap();
    assert_eq!(m.body_text(0).unwrap().trim(), "正文");
    assert_eq!(m.date().unwrap().to_rfc3339(), "2023-04-20T09:00:00+08:00");
}

#[test]
fn reminders_use_the_full_name_single_quotes_and_flat_brackets() {
    let c = config();
    let r = UnitReminder {
        unit: "县水利局".into(),
        items: vec![
            Item {
                key: "a".into(),
                kind: ItemKind::PlanLastDay,
                activity: 1,
                deadline: Some(d(5, 5)),
                left: Some(0),
            },
            Item {
                key: "b".into(),
                kind: ItemKind::ReportOverdue,
                activity: 1,
                deadline: Some(d(4, 26)),
                left: None,
            },
        ],
        recipients: vec!["1623857740@qq.com".into()],
    };
    let text = remind::draft(&c, &r, d(5, 5)).text;
    assert!(text.starts_with("洞口县水利局：\n"), "{text}");
    assert!(
        text.contains("第1项“『强化依法治水，携手共护母亲河』世界水日，中国水周主题活动”"),
        "{text}"
    );
    assert!(!text.contains("““") && !text.contains("””"), "{text}");
    assert!(text.contains("今天（2023年5月5日，星期五）"), "{text}");
    assert!(
        text.contains("报送期限（2023年4月26日，星期三）已过"),
        "{text}"
    );
    assert!(
        !text.contains("）（") && !text.contains("日（星期五））"),
        "{text}"
    );
    assert!(
        text.contains("新闻报道") && !text.contains("报导"),
        "{text}"
    );
}

#[test]
fn acknowledgements_use_the_full_name() {
    let c = config();
    let raw = std::fs::read(root().join("fixtures/classify/003-outlook-market-consumer-plan.eml"))
        .unwrap();
    let p = themeday::parse::parse(&raw).unwrap();
    let dec = Classifier::new(&c).classify(&p);
    assert_eq!(dec.unit.as_deref(), Some("县市监局"));
    let now = DateTime::parse_from_rfc3339("2023-04-18T10:00:00+08:00").unwrap();
    let text = ack::draft(&c, "h", &p, &dec, now, now, &[]).unwrap().text;
    assert!(text.starts_with("洞口县市场监督管理局：\n"), "{text}");
    assert!(
        text.contains("新闻报道") && !text.contains("报导"),
        "{text}"
    );
    for bad in ["2023年04月", "2023-04-", "（星期二））"] {
        assert!(!text.contains(bad), "{bad:?} in {text}");
    }
}
