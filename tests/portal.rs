//! The portal column publishes only what the office approved, without personal data: every
//! kind of contact data is cut from the text, and photos come out without EXIF/GPS.

use std::path::{Path, PathBuf};

use chrono::DateTime;
use img_parts::jpeg::Jpeg;
use img_parts::png::Png;
use img_parts::{Bytes, ImageEXIF};
use themeday::commands::{apply::apply, parse::Command};
use themeday::config::Config;
use themeday::daemon::{poll, Clock};
use themeday::store::Store;

const NOW: &str = "2023-04-21T10:00:00+08:00";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn b64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, c) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            out.push(if k <= c.len() {
                T[(n >> (18 - 6 * k) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

const REPORT: &str = "县政务公开办：\r\n\
    我局于2023年4月20日在城区广场开展了“强化依法治水，携手共护母亲河”世界水日、中国水周主题日宣传活动，现将活动情况报告如下。\r\n\
    活动共发放宣传资料500余份，接受群众咨询80人次，获奖群众王某（430525199001011234）、李某（43052519880202567X）领取了纪念品。\r\n\
    活动由县水利局主办（联系人：张三，联系电话：13912345678），如有疑问请致电139 1234 5678或0739-7826515，意见可发送至 shuili@163.com。\r\n\
    此次活动取得了良好效果。\r\n\
    联系人：张三\r\n\
    电话：(0739)7822345\r\n\
    手机：+86 138-1234-5678\r\n\
    身份证号：430525199001011234\r\n\
    洞口县水利局\r\n\
    2023年4月20日\r\n";

fn report_mail() -> Vec<u8> {
    let jpg = std::fs::read(root().join("fixtures/portal/gps-photo.jpg")).unwrap();
    let png = std::fs::read(root().join("fixtures/portal/gps-photo.png")).unwrap();
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xfe\x0fTel 13912345678\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
    format!(
        "Return-Path: <1623857740@qq.com>\r\n\
         From: \"=?utf-8?B?5rSe5Y+j5Y6/5rC05Yip5bGA5Yqe5YWs5a6k?=\" <1623857740@qq.com>\r\n\
         To: \"43347867\" <43347867@qq.com>\r\n\
         Subject: =?utf-8?B?5LiW55WM5rC05pel44CB5Lit5Zu95rC05ZGo5rS75Yqo5oOF5Ya15oql5ZGK?=\r\n\
         Date: Fri, 21 Apr 2023 09:30:00 +0800\r\n\
         Message-ID: <tencent_PORTAL0001@qq.com>\r\n\
         Mime-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"----=_NextPart_PORTAL\"\r\n\r\n\
         ------=_NextPart_PORTAL\r\n\
         Content-Type: text/plain; charset=\"utf-8\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         ------=_NextPart_PORTAL\r\n\
         Content-Type: image/jpeg; name=\"IMG_0412.JPG\"\r\n\
         Content-Disposition: attachment; filename=\"IMG_0412.JPG\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         ------=_NextPart_PORTAL\r\n\
         Content-Type: image/png; name=\"screen.png\"\r\n\
         Content-Disposition: attachment; filename=\"screen.png\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         ------=_NextPart_PORTAL\r\n\
         Content-Type: image/gif; name=\"banner.gif\"\r\n\
         Content-Disposition: attachment; filename=\"banner.gif\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         ------=_NextPart_PORTAL--\r\n",
        b64(REPORT.as_bytes()),
        b64(&jpg),
        b64(&png),
        b64(gif)
    )
    .into_bytes()
}

fn world(dir: &Path) -> Config {
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join("maildir").join(sub)).unwrap();
    }
    std::fs::write(dir.join("maildir/new/1682040600.M1P1.test"), report_mail()).unwrap();
    // Since issue 11 a report counts only from an address the unit directory lists (or the
    // office confirmed): the water bureau's address is in the directory.
    let units = std::fs::read_to_string(root().join("config/dongkou-2023-units.toml"))
        .unwrap()
        .replacen(
            "name = \"县水利局\"\nfull_name = \"洞口县水利局\"\naliases = []\naddresses = []",
            "name = \"县水利局\"\nfull_name = \"洞口县水利局\"\naliases = []\naddresses = [\"1623857740@qq.com\"]",
            1,
        );
    assert!(units.contains("1623857740@qq.com"));
    std::fs::write(dir.join("units.toml"), units).unwrap();
    let cfg = format!(
        r#"[office]
name = "洞口县政务公开政务服务领导小组办公室"
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
    );
    std::fs::write(dir.join("config.toml"), cfg).unwrap();
    let config = Config::load(&dir.join("config.toml")).unwrap();
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    poll(&config, &Clock::new(Some(now)), &mut |_, _, _| Ok(())).unwrap();
    config
}

/// The scan data of a JPEG: what follows its first SOS segment.
fn scans(jpeg: &[u8]) -> &[u8] {
    let sos = jpeg.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    let len = u16::from_be_bytes([jpeg[sos + 2], jpeg[sos + 3]]) as usize;
    &jpeg[sos + 2 + len..]
}

#[test]
fn only_approved_reports_without_personal_data_or_photo_metadata() {
    let tmp = tempfile::tempdir().unwrap();
    let config = world(tmp.path());
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = Store::open(&config.database, &config.archive_dir).unwrap();
    let m = store.mail(1).unwrap().unwrap();
    assert_eq!(
        (m.kind.as_str(), m.activity, m.is_settled_submission()),
        ("report", Some(1), true),
        "{m:?}"
    );
    let out = tmp.path().join("portal");

    // Not approved: not published, and the export says which report waits.
    let r = themeday::portal::export(&config, &store, now, &out).unwrap();
    assert!(r.pages.is_empty());
    assert_eq!(r.awaiting, vec![(1, 1)]);
    assert!(r.text().contains("尚未同意发布") && r.text().contains("邮件 #1"));
    assert!(!out.join("activity-01.html").exists());

    let ok = apply(
        &config,
        &mut store,
        &Command::Publish {
            mail: 1,
            publish: true,
        },
        "test",
        now,
    )
    .unwrap();
    assert!(ok.done, "{ok:?}");
    let r = themeday::portal::export(&config, &store, now, &out).unwrap();
    assert_eq!(r.pages.len(), 1);
    let page = std::fs::read_to_string(out.join("activity-01.html")).unwrap();
    for gone in [
        "13912345678",
        "139 1234 5678",
        "138-1234-5678",
        "0739-7826515",
        "7822345",
        "430525199001011234",
        "43052519880202567X",
        "shuili@163.com",
        "联系人",
        "电话",
        "张三",
        "身份证",
    ] {
        assert!(
            !page.contains(gone),
            "{gone:?} is on the public page:\n{page}"
        );
    }
    for kept in [
        "发放宣传资料500余份",
        "接受群众咨询80人次",
        "此次活动取得了良好效果",
    ] {
        assert!(page.contains(kept), "{kept:?} lost:\n{page}");
    }
    // The export says what it removed, by kind, without repeating it.
    use themeday::portal::scrub::Pii;
    let removed = &r.pages[0].removed;
    for k in [
        Pii::ContactLine,
        Pii::IdNumber,
        Pii::Mobile,
        Pii::Landline,
        Pii::Email,
    ] {
        assert!(
            removed.get(&k).copied().unwrap_or(0) > 0,
            "{k:?}: {removed:?}"
        );
    }
    let said = r.text();
    assert!(
        said.contains("身份证号码") && said.contains("手机号码"),
        "{said}"
    );
    assert!(!said.contains("13912345678"), "{said}");

    // The photo: GPS in the original, none on the portal; the pixels untouched.
    let original = std::fs::read(root().join("fixtures/portal/gps-photo.jpg")).unwrap();
    let before = Jpeg::from_bytes(Bytes::from(original.clone())).unwrap();
    let exif = before.exif().unwrap();
    assert!(
        exif.windows(2)
            .any(|w| w == [0x88, 0x25] || w == [0x25, 0x88]),
        "the fixture has a GPS IFD"
    );
    let photos: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = std::fs::read_dir(out.join("activity-01"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        v.sort();
        v
    };
    assert_eq!(photos.len(), 2, "{photos:?}: JPEG and PNG, not the GIF");
    let jpg = std::fs::read(&photos[0]).unwrap();
    assert!(photos[0].to_string_lossy().ends_with(".jpg"));
    let after = Jpeg::from_bytes(Bytes::from(jpg.clone())).unwrap();
    assert_eq!(after.dimensions(), before.dimensions());
    let exif = after.exif().expect("the orientation is kept");
    assert_eq!(exif.len(), 26, "only the orientation: {exif:?}");
    assert_eq!(&exif[8..12], &[0, 1, 0x01, 0x12], "one entry, Orientation");
    assert_eq!(&exif[18..20], &[0, 6], "Orientation 6 kept");
    for needle in [
        &b"adobe:ns:meta"[..],
        b"iPhone",
        b"Apple",
        b"Tel 1391",
        b"2023:04:20",
    ] {
        assert!(
            !jpg.windows(needle.len()).any(|w| w == needle),
            "{:?} left in the photo",
            String::from_utf8_lossy(needle)
        );
    }
    assert_eq!(scans(&jpg), scans(&original), "not re-encoded");

    let png = std::fs::read(&photos[1]).unwrap();
    let p = Png::from_bytes(Bytes::from(png)).unwrap();
    assert!(p.exif().is_none());
    for kind in [*b"eXIf", *b"iTXt", *b"tEXt", *b"zTXt"] {
        assert!(p.chunk_by_type(kind).is_none());
    }
    assert_eq!(p.dimensions(), Some((64, 48)));
    assert!(
        r.pages[0].skipped.iter().any(|s| s.contains("未发布")),
        "{r:?}"
    );
    assert!(r.pages[0]
        .photo_metadata
        .iter()
        .any(|m| m.contains("拍摄位置")));

    // Withdrawn: off the portal at the next export.
    apply(
        &config,
        &mut store,
        &Command::Publish {
            mail: 1,
            publish: false,
        },
        "test",
        now,
    )
    .unwrap();
    let r = themeday::portal::export(&config, &store, now, &out).unwrap();
    assert!(r.pages.is_empty());
}

#[test]
fn a_jpeg_with_images_appended_after_it_keeps_only_the_main_one() {
    let original = std::fs::read(root().join("fixtures/portal/gps-photo.jpg")).unwrap();
    // A phone's MPF tail: a second JPEG (with its own EXIF) after the main image's EOI.
    let mut with_tail = original.clone();
    with_tail.extend_from_slice(&original);
    let themeday::portal::photo::Photo::Clean(c) =
        themeday::portal::photo::clean("jpg", &with_tail)
    else {
        panic!("not cleaned")
    };
    assert!(c.removed.iter().any(|r| r.contains("附加图像")));
    assert_eq!(scans(&c.bytes), scans(&original));
    // One EXIF block left: the orientation-only one.
    assert_eq!(c.bytes.windows(4).filter(|w| *w == b"Exif").count(), 1);
    assert!(!c.bytes.windows(5).any(|w| w == b"Apple"));
}
