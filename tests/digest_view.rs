//! The digest in a real browser: headless Chromium (Debian's `chromium`, installed by
//! scripts/test), driven over the DevTools protocol on a pipe. At 390 px wide, as QQ Mail on a
//! phone shows it, the page never scrolls sideways; at 1280 px it reads as a report (one
//! centred column). Screenshots of both are taken; with THEMEDAY_SCREENSHOTS=docs they are
//! written to docs/ (docs/digest-390.png, docs/digest-1280.png).

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::fd::{FromRawFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::DateTime;
use serde_json::{json, Value};
use themeday::config::Config;
use themeday::daemon::{poll, Clock};
use themeday::store::Store;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ------------------------------------------------------------------ DevTools over a pipe

/// Chromium with `--remote-debugging-pipe`: commands on fd 3, replies on fd 4, each message
/// a JSON object ended by a NUL byte.
struct Chrome {
    child: Child,
    to: File,
    from: BufReader<File>,
    next: u64,
    _profile: tempfile::TempDir,
}

fn pipe() -> (RawFd, RawFd) {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    assert_eq!(r, 0, "pipe2");
    (fds[0], fds[1])
}

impl Chrome {
    fn start() -> Chrome {
        let profile = tempfile::tempdir().unwrap();
        let (to_read, to_write) = pipe();
        let (from_read, from_write) = pipe();
        let mut cmd = Command::new("chromium");
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--remote-debugging-pipe",
            "about:blank",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                // Out of the way first (the pipe ends may be 3 or 4 themselves), then onto 3
                // and 4 without close-on-exec.
                let a = libc::fcntl(to_read, libc::F_DUPFD, 100);
                let b = libc::fcntl(from_write, libc::F_DUPFD, 100);
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd
            .spawn()
            .expect("run chromium (Debian package `chromium`; scripts/test installs it)");
        // SAFETY: these descriptors are ours alone from here on.
        unsafe {
            libc::close(to_read);
            libc::close(from_write);
        }
        Chrome {
            child,
            to: unsafe { File::from_raw_fd(to_write) },
            from: BufReader::new(unsafe { File::from_raw_fd(from_read) }),
            next: 0,
            _profile: profile,
        }
    }

    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&msg).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).expect("write to chromium");
        loop {
            let mut buf = Vec::new();
            let n = self
                .from
                .read_until(0, &mut buf)
                .expect("read from chromium");
            assert!(n > 0, "chromium closed the pipe during {method}");
            buf.pop();
            let v: Value = serde_json::from_slice(&buf).expect("DevTools JSON");
            if v["id"] == json!(id) {
                if let Some(e) = v.get("error") {
                    panic!("{method}: {e}");
                }
                return v["result"].clone();
            }
        }
    }
}

impl Drop for Chrome {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the page measures at one width.
struct Shot {
    inner_width: i64,
    scroll_width: i64,
    /// The main column: left edge and width.
    column_left: f64,
    column_width: f64,
    png: Vec<u8>,
}

fn look(chrome: &mut Chrome, page: &Path, width: i64, mobile: bool) -> Shot {
    let target = chrome.call(None, "Target.createTarget", json!({"url": "about:blank"}));
    let session = chrome.call(
        None,
        "Target.attachToTarget",
        json!({"targetId": target["targetId"], "flatten": true}),
    )["sessionId"]
        .as_str()
        .unwrap()
        .to_string();
    let s = Some(session.as_str());
    chrome.call(
        s,
        "Emulation.setDeviceMetricsOverride",
        json!({"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": mobile}),
    );
    chrome.call(
        s,
        "Page.navigate",
        json!({"url": format!("file://{}", page.display())}),
    );
    let eval = |chrome: &mut Chrome, expr: &str| -> Value {
        chrome.call(
            s,
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true}),
        )["result"]["value"]
            .clone()
    };
    let t = Instant::now();
    while eval(chrome, "document.readyState") != json!("complete") {
        assert!(t.elapsed() < Duration::from_secs(30), "page did not load");
        std::thread::sleep(Duration::from_millis(100));
    }
    let m = eval(
        chrome,
        "(() => { const c = document.body.firstElementChild.getBoundingClientRect();
          return [window.innerWidth, document.documentElement.scrollWidth,
                  document.documentElement.scrollHeight, c.left, c.width]; })()",
    );
    // The top of the page (今日待办 and on): enough to see it, small enough for docs/.
    let height = m[2].as_i64().unwrap().min(if mobile { 3600 } else { 1800 });
    let shot = chrome.call(
        s,
        "Page.captureScreenshot",
        json!({"format": "png", "captureBeyondViewport": true,
               "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}}),
    );
    let png =
        mail_parser::decoders::base64::base64_decode(shot["data"].as_str().unwrap().as_bytes())
            .unwrap();
    chrome.call(
        None,
        "Target.closeTarget",
        json!({"targetId": target["targetId"]}),
    );
    Shot {
        inner_width: m[0].as_i64().unwrap(),
        scroll_width: m[1].as_i64().unwrap(),
        column_left: m[3].as_f64().unwrap(),
        column_width: m[4].as_f64().unwrap(),
        png,
    }
}

/// (width, height) from a PNG's IHDR.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let n = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    (n(16), n(20))
}

// ------------------------------------------------------------------ a busy day's digest

/// The unit directory with each unit's addresses as the classification fixtures the
/// classifier settles come from (as the office would have confirmed them), except the units
/// in `unconfirmed`.
fn units_knowing_fixture_senders(unconfirmed: &[&str]) -> String {
    use std::collections::BTreeMap;
    let mut per_unit: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in std::fs::read_dir(root().join("fixtures/classify"))
        .unwrap()
        .flatten()
    {
        let p = e.path();
        let Ok(json) = std::fs::read_to_string(p.with_extension("json")) else {
            continue;
        };
        if p.extension().is_none_or(|x| x != "eml") {
            continue;
        }
        let j: serde_json::Value = serde_json::from_str(&json).unwrap();
        // Only mail the classifier settles for a unit vouches for its address.
        if j["needs_review"] != false {
            continue;
        }
        let Some(unit) = j["unit"].as_str() else {
            continue;
        };
        let raw = std::fs::read(&p).unwrap();
        let Some(addr) = mail_parser::MessageParser::default()
            .parse_headers(&raw)
            .and_then(|m| {
                m.from()
                    .and_then(|f| f.first())
                    .and_then(|a| a.address())
                    .map(|a| a.to_lowercase())
            })
        else {
            continue;
        };
        if unconfirmed.contains(&unit) {
            continue;
        }
        let v = per_unit.entry(unit.to_string()).or_default();
        if !v.contains(&addr) {
            v.push(addr);
        }
    }
    let mut units = std::fs::read_to_string(root().join("config/dongkou-2023-units.toml")).unwrap();
    for (unit, addrs) in per_unit {
        let Some(at) = units.find(&format!("name = \"{unit}\"")) else {
            continue;
        };
        let rel = units[at..].find("addresses = []").unwrap();
        let list: Vec<String> = addrs.iter().map(|a| format!("{a:?}")).collect();
        units.replace_range(
            at + rel..at + rel + "addresses = []".len(),
            &format!("addresses = [{}]", list.join(", ")),
        );
    }
    units
}

/// Every classification fixture, a mail with very long unbroken strings and two of issue 11's
/// attacks, recorded, then the digest of 20 June 2023 (mail the bot could not handle,
/// reviews, overdue units, questions, proposed addresses, provenance checks, reports to
/// publish), as HTML.
fn busy_digest(dir: &Path) -> String {
    let maildir = dir.join("maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    for e in std::fs::read_dir(root().join("fixtures/classify"))
        .unwrap()
        .flatten()
    {
        if e.path().extension().is_some_and(|x| x == "eml") {
            // Delivered ten minutes after its Date: (a Maildir name starts with the delivery
            // time), so only the attack below differs from its Date:.
            let raw = std::fs::read(e.path()).unwrap();
            let sent = mail_parser::MessageParser::default()
                .parse_headers(&raw)
                .and_then(|m| m.date().map(|d| d.to_timestamp()))
                .unwrap_or(1_687_136_400);
            // The mail of the season up to the morning of 20 June; but 096, which carries the
            // police's plan of activity 13 (with its report of 9): without it, that plan is
            // overdue on the busy day.
            let name = e.file_name().to_string_lossy().to_string();
            if sent + 600 > 1_687_215_600 || name.starts_with("096-") {
                continue;
            }
            let name = format!(
                "{}.M0P1.{}",
                sent + 600,
                e.file_name().to_string_lossy().trim_end_matches(".eml")
            );
            std::fs::write(maildir.join("cur").join(name), raw).unwrap();
        }
    }
    let long = format!(
        "From: {} <{}@qq-exmail-very-long-domain-name.example.com>\r\nTo: 43347867@qq.com\r\n\
         Subject: {}\r\nDate: Mon, 19 Jun 2023 09:00:00 +0800\r\nMessage-ID: <long@test>\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n请问这个链接能打开吗？{}\r\n",
        "某".repeat(40),
        "a".repeat(60),
        "关于报送".to_string() + &"活动方案".repeat(30) + &"X".repeat(120),
        "https://example.com/".to_string() + &"abcdefghij".repeat(20)
    );
    std::fs::write(maildir.join("cur/1687136400.M1P1.long"), long).unwrap();
    // Issue 11's trouble: a mail whose From lettre refuses (无法处理的邮件), and a forged
    // report backdated by its Date: after the water bureau's real one (来源核对).
    for (name, file) in [
        ("1687140000.M2P1.bad", "bad-address-trailing-dot.eml"),
        ("1687140060.M3P1.forged", "backdated-forged-report.eml"),
    ] {
        std::fs::copy(
            root().join("fixtures/attacks").join(file),
            maildir.join("cur").join(name),
        )
        .unwrap();
    }
    // Contacts for the units, as the office would fill them in; and (since issue 11, when a
    // plan or report counts only from a unit's known address) the addresses the fixtures
    // come from, but the finance bureau's: its mail stays proposed for the office to confirm.
    let units = units_knowing_fixture_senders(&["县财政局"]);
    let mut with_contacts = String::new();
    let mut n = 0;
    for line in units.lines() {
        with_contacts.push_str(line);
        with_contacts.push('\n');
        if line.starts_with("addresses") {
            n += 1;
            with_contacts.push_str(&format!("contact = \"办公室 0739-72200{n:02}\"\n"));
        }
    }
    std::fs::write(dir.join("units.toml"), with_contacts).unwrap();
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
    std::fs::write(dir.join("config.toml"), cfg).unwrap();
    let config = Config::load(&dir.join("config.toml")).unwrap();
    let early = DateTime::parse_from_rfc3339("2023-06-20T07:00:00+08:00").unwrap();
    poll(&config, &Clock::new(Some(early)), &mut |_, _, _| Ok(())).unwrap();
    let store = Store::open(&config.database, &config.archive_dir).unwrap();
    let now = DateTime::parse_from_rfc3339("2023-06-20T09:00:00+08:00").unwrap();
    let d = themeday::notify::digest::build(&config, &store, now).unwrap();
    let text = &d.draft.text;
    let html = d.draft.html.unwrap();
    // Each block in both parts (they are rendered from the same data).
    for block in [
        "无法处理的邮件 1 封",
        "待核对邮件",
        "已逾期，请电话督促",
        "单位咨询",
        "待确认的单位邮箱",
        "来源核对",
        "待同意在专栏发布的报告",
    ] {
        assert!(
            text.contains(&format!("■ {block}")),
            "the busy day has no {block:?}:\n{text}"
        );
        assert!(html.contains(block), "no {block:?} in the HTML:\n{html}");
    }
    // The proposed address: the reply line and the same on the command line.
    for line in ["确认邮箱 县财政局 ", "themeday units --confirm "] {
        assert!(
            text.contains(line) && html.contains(line),
            "{line}:\n{text}"
        );
    }
    html
}

#[test]
fn digest_fits_a_phone_and_reads_as_a_report_on_a_desk() {
    let tmp = tempfile::tempdir().unwrap();
    let html = busy_digest(tmp.path());
    // No server paths, nothing wide by construction.
    assert!(
        !html.contains("<table") && !html.contains("/archive/"),
        "{html}"
    );
    let page = tmp.path().join("digest.html");
    std::fs::write(&page, &html).unwrap();

    let mut chrome = Chrome::start();
    let phone = look(&mut chrome, &page, 390, true);
    assert_eq!(phone.inner_width, 390, "the phone's viewport");
    assert!(
        phone.scroll_width <= 390,
        "scrolls sideways at 390 px: scrollWidth {}",
        phone.scroll_width
    );
    let desk = look(&mut chrome, &page, 1280, false);
    assert_eq!(desk.inner_width, 1280);
    assert!(
        desk.scroll_width <= 1280,
        "scrollWidth {}",
        desk.scroll_width
    );
    // A report: one column of reading width, centred.
    assert!(
        (600.0..=800.0).contains(&desk.column_width),
        "column {} px",
        desk.column_width
    );
    let centre = desk.column_left + desk.column_width / 2.0;
    assert!((centre - 640.0).abs() < 10.0, "column centred at {centre}");

    assert_eq!(png_size(&phone.png).0, 390);
    assert_eq!(png_size(&desk.png).0, 1280);
    let out = match std::env::var("THEMEDAY_SCREENSHOTS").as_deref() {
        Ok("docs") => root().join("docs"),
        _ => tmp.path().to_path_buf(),
    };
    std::fs::write(out.join("digest-390.png"), &phone.png).unwrap();
    std::fs::write(out.join("digest-1280.png"), &desk.png).unwrap();
}
