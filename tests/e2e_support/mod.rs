//! Helpers for the end-to-end tests: throw-away mail servers (scripts/mail-servers), a themeday
//! config pointing at them, the real binary as a child process, a tiny SMTP client to seed
//! mail, and IMAP/SQLite probes to check what happened.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use mail_parser::MessageParser;

pub const OFFICE: &str = "43347867@qq.com";
pub const PASSWORD: &str = "secret";
pub const PASSWORD_ENV: &str = "THEMEDAY_E2E_IMAP_PASSWORD";
/// The instant every run starts at (the day of activity 1, a workday).
pub const NOW: &str = "2023-04-20T09:00:00+08:00";
pub const WAIT: Duration = Duration::from_secs(60);

static SERIAL: Mutex<()> = Mutex::new(());

/// All end-to-end tests take this lock: only one OpenSMTPD can run per machine.
pub fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn script() -> PathBuf {
    repo().join("scripts/mail-servers")
}

/// Polls `f` every `every` until it returns `Some`, panicking after `timeout`.
pub fn wait_every<T>(
    what: &str,
    timeout: Duration,
    every: Duration,
    mut f: impl FnMut() -> Option<T>,
) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = f() {
            return v;
        }
        if Instant::now() >= deadline {
            panic!("timed out after {timeout:?} waiting for {what}");
        }
        std::thread::sleep(every);
    }
}

pub fn wait_for<T>(what: &str, timeout: Duration, f: impl FnMut() -> Option<T>) -> T {
    wait_every(what, timeout, Duration::from_millis(200), f)
}

// ------------------------------------------------------------------ mail servers

/// Runs `scripts/mail-servers stop DIR` when dropped, whatever state the servers are in.
struct StopGuard(PathBuf);

impl Drop for StopGuard {
    fn drop(&mut self) {
        let _ = Command::new(script())
            .arg("stop")
            .arg(&self.0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Dovecot + OpenSMTPD in a fresh temporary directory; stopped (and the directory removed)
/// on drop.
pub struct Servers {
    guard: StopGuard,
    // Dropped after `guard` (fields drop in declaration order): stop first, then delete.
    tmp: tempfile::TempDir,
    pub imap_port: u16,
    pub imaps_port: u16,
    pub smtp_port: u16,
    pub ca_file: PathBuf,
    pub mail_root: PathBuf,
}

fn run_script(cmd: &str, dir: &Path) -> String {
    let out = Command::new(script())
        .arg(cmd)
        .arg(dir)
        .env_remove("IMAP_PORT")
        .env_remove("IMAPS_PORT")
        .env_remove("LMTP_PORT")
        .env_remove("SMTP_PORT")
        .stdin(Stdio::null())
        .output()
        .expect("run scripts/mail-servers");
    assert!(
        out.status.success(),
        "scripts/mail-servers {cmd} {} failed: {}\n{}",
        dir.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Servers {
    pub fn start() -> Servers {
        // Short path: Dovecot's socket paths must stay under ~100 bytes.
        let tmp = tempfile::Builder::new()
            .prefix("td")
            .tempdir_in("/tmp")
            .expect("tempdir");
        let dir = tmp.path().to_path_buf();
        let guard = StopGuard(dir.clone());
        run_script("start", &dir);
        let env: BTreeMap<String, String> = std::fs::read_to_string(dir.join("env"))
            .expect("DIR/env")
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let port = |k: &str| -> u16 { env[k].parse().expect("port") };
        assert_eq!(env["PASSWORD"], PASSWORD);
        Servers {
            imap_port: port("IMAP_PORT"),
            imaps_port: port("IMAPS_PORT"),
            smtp_port: port("SMTP_PORT"),
            ca_file: PathBuf::from(&env["CA_FILE"]),
            mail_root: PathBuf::from(&env["MAIL_ROOT"]),
            guard,
            tmp,
        }
    }

    pub fn dir(&self) -> &Path {
        self.tmp.path()
    }

    /// Disconnects every IMAP session of `user` (`doveadm kick`: `* BYE`, then close).
    pub fn kick(&self, user: &str) {
        let out = Command::new("doveadm")
            .arg("-c")
            .arg(self.dir().join("dovecot.conf"))
            .args(["kick", user])
            .stdin(Stdio::null())
            .output()
            .expect("run doveadm kick");
        assert!(
            out.status.success(),
            "doveadm kick {user}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn stop_imap(&self) {
        run_script("stop-imap", self.dir());
    }
    pub fn start_imap(&self) {
        run_script("start-imap", self.dir());
    }
    pub fn stop_smtp(&self) {
        run_script("stop-smtp", self.dir());
    }
    pub fn start_smtp(&self) {
        run_script("start-smtp", self.dir());
    }

    /// True when OpenSMTPD holds no mail (everything it accepted reached Dovecot).
    pub fn smtp_queue_empty(&self) -> bool {
        match Command::new("smtpctl")
            .args(["show", "queue"])
            .stdin(Stdio::null())
            .output()
        {
            Ok(o) => o.status.success() && o.stdout.iter().all(u8::is_ascii_whitespace),
            Err(_) => false,
        }
    }

    /// Waits until everything OpenSMTPD accepted has been delivered into Dovecot.
    pub fn settle(&self) {
        wait_for("OpenSMTPD's queue to drain", WAIT, || {
            self.smtp_queue_empty().then_some(())
        });
    }

    // ---- IMAP probes (plain login to 127.0.0.1 as any user, password "secret")

    pub fn imap(&self, user: &str) -> imap::Session<TcpStream> {
        let tcp = TcpStream::connect(("127.0.0.1", self.imap_port)).expect("connect to IMAP");
        tcp.set_read_timeout(Some(Duration::from_secs(30))).ok();
        let mut c = imap::Client::new(tcp);
        c.read_greeting().expect("IMAP greeting");
        c.login(user, PASSWORD)
            .map_err(|(e, _)| e)
            .unwrap_or_else(|e| panic!("IMAP login as {user}: {e}"))
    }

    /// How many messages `user`'s INBOX holds (EXAMINE, read-only).
    pub fn count(&self, user: &str) -> u32 {
        let mut s = self.imap(user);
        let n = s.examine("INBOX").expect("EXAMINE INBOX").exists;
        let _ = s.logout();
        n
    }

    /// Every message of `user`'s INBOX (EXAMINE + BODY.PEEK: nothing changes).
    pub fn messages(&self, user: &str) -> Vec<ImapMessage> {
        let mut s = self.imap(user);
        let n = s.examine("INBOX").expect("EXAMINE INBOX").exists;
        let mut out = Vec::new();
        if n > 0 {
            let fetched = s.fetch("1:*", "(FLAGS BODY.PEEK[])").expect("FETCH");
            for f in fetched.iter() {
                out.push(ImapMessage {
                    seen: f.flags().contains(&imap::types::Flag::Seen),
                    raw: f.body().expect("body").to_vec(),
                });
            }
        }
        let _ = s.logout();
        assert_eq!(out.len(), n as usize, "FETCH 1:* of {user}");
        out
    }

    /// The acknowledgements in `user`'s INBOX: mail from the office carrying our loop
    /// header and `Auto-Submitted: auto-replied`.
    pub fn acks(&self, user: &str) -> Vec<Ack> {
        self.messages(user)
            .iter()
            .filter_map(|m| Ack::parse(&m.raw))
            .filter(|a| a.auto_submitted.as_deref() == Some("auto-replied"))
            .collect()
    }

    /// Bot mail of any kind in `user`'s INBOX.
    pub fn bot_mail(&self, user: &str) -> Vec<Ack> {
        self.messages(user)
            .iter()
            .filter_map(|m| Ack::parse(&m.raw))
            .collect()
    }

    /// Waits until `user`'s INBOX holds at least `n` messages; returns the count.
    pub fn wait_count(&self, user: &str, n: u32) -> u32 {
        wait_for(&format!("{n} messages in {user}'s INBOX"), WAIT, || {
            let c = self.count(user);
            (c >= n).then_some(c)
        })
    }

    /// Sends every mail to the office (one SMTP session per 100 mails), then waits until Dovecot has them.
    pub fn seed_office(&self, mails: &[(String, Vec<u8>)]) {
        let before = self.count(OFFICE);
        // OpenSMTPD takes at most 100 mails per session.
        for chunk in mails.chunks(100) {
            let mut smtp = Smtp::connect(self.smtp_port);
            for (from, raw) in chunk {
                smtp.send(from, OFFICE, raw);
            }
            smtp.quit();
        }
        let want = before + mails.len() as u32;
        let got = self.wait_count(OFFICE, want);
        assert_eq!(got, want, "office INBOX after seeding");
    }
}

pub struct ImapMessage {
    pub seen: bool,
    pub raw: Vec<u8>,
}

/// The headers of a mail the bot wrote.
#[derive(Debug, Clone)]
pub struct Ack {
    pub message_id: Option<String>,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    pub subject: String,
    pub auto_submitted: Option<String>,
    pub to: Vec<String>,
    pub text: String,
}

impl Ack {
    /// `None` unless the mail is from the office and carries X-Themeday-Loop.
    pub fn parse(raw: &[u8]) -> Option<Ack> {
        let m = MessageParser::default().parse(raw)?;
        let from = m
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .map(|a| a.to_lowercase());
        if from.as_deref() != Some(OFFICE) || m.header_raw("X-Themeday-Loop").is_none() {
            return None;
        }
        let list = |v: &mail_parser::HeaderValue<'_>| -> Vec<String> {
            match v {
                mail_parser::HeaderValue::Text(t) => vec![t.to_string()],
                mail_parser::HeaderValue::TextList(l) => l.iter().map(|s| s.to_string()).collect(),
                _ => Vec::new(),
            }
        };
        Some(Ack {
            message_id: m.message_id().map(str::to_string),
            in_reply_to: m.in_reply_to().as_text().map(str::to_string),
            references: list(m.references()),
            subject: m.subject().unwrap_or_default().to_string(),
            auto_submitted: m.header_raw("Auto-Submitted").map(|s| s.trim().to_string()),
            to: m
                .to()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.address())
                        .map(|x| x.to_lowercase())
                        .collect()
                })
                .unwrap_or_default(),
            text: m.body_text(0).unwrap_or_default().into_owned(),
        })
    }
}

// ------------------------------------------------------------------ SMTP client

/// A minimal SMTP client: one session, many mails, dot-stuffing and CRLF normalisation.
pub struct Smtp {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    eight_bit: bool,
}

impl Smtp {
    pub fn connect(port: u16) -> Smtp {
        let tcp = TcpStream::connect(("127.0.0.1", port)).expect("connect to SMTP");
        tcp.set_read_timeout(Some(Duration::from_secs(60))).ok();
        let mut s = Smtp {
            reader: BufReader::new(tcp.try_clone().expect("clone")),
            writer: tcp,
            eight_bit: false,
        };
        s.expect(220, "greeting");
        let lines = s.command("EHLO e2e.themeday.test", 250);
        s.eight_bit = lines
            .iter()
            .any(|l| l.to_ascii_uppercase().starts_with("8BITMIME"));
        s
    }

    fn reply(&mut self) -> (u16, Vec<String>) {
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            let n = self.reader.read_line(&mut line).expect("SMTP read");
            assert!(n > 0, "SMTP server closed the connection");
            let line = line.trim_end();
            assert!(line.len() >= 3, "bad SMTP reply {line:?}");
            let code: u16 = line[..3].parse().expect("SMTP code");
            lines.push(line.get(4..).unwrap_or("").to_string());
            if line.as_bytes().get(3) != Some(&b'-') {
                return (code, lines);
            }
        }
    }

    fn expect(&mut self, code: u16, what: &str) -> Vec<String> {
        let (got, lines) = self.reply();
        assert_eq!(got, code, "SMTP {what}: {lines:?}");
        lines
    }

    fn command(&mut self, cmd: &str, code: u16) -> Vec<String> {
        self.writer
            .write_all(format!("{cmd}\r\n").as_bytes())
            .expect("SMTP write");
        self.expect(code, cmd)
    }

    /// One mail: `from` may be empty (a bounce's null sender).
    pub fn send(&mut self, from: &str, to: &str, raw: &[u8]) {
        let body = if self.eight_bit { " BODY=8BITMIME" } else { "" };
        self.command(&format!("MAIL FROM:<{from}>{body}"), 250);
        self.command(&format!("RCPT TO:<{to}>"), 250);
        self.command("DATA", 354);
        self.writer.write_all(&smtp_data(raw)).expect("SMTP write");
        self.expect(250, "end of DATA");
    }

    pub fn quit(mut self) {
        self.command("QUIT", 221);
    }
}

/// The DATA payload: every line ending made CRLF, leading dots doubled, the final dot line.
pub fn smtp_data(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 16 + 8);
    let mut at_line_start = true;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if at_line_start && b == b'.' {
            out.push(b'.');
        }
        match b {
            b'\r' => {
                out.extend_from_slice(b"\r\n");
                if raw.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                at_line_start = true;
            }
            b'\n' => {
                out.extend_from_slice(b"\r\n");
                at_line_start = true;
            }
            _ => {
                out.push(b);
                at_line_start = false;
            }
        }
        i += 1;
    }
    if !at_line_start {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

// ------------------------------------------------------------------ fixtures

pub struct Fixture {
    pub name: String,
    pub raw: Vec<u8>,
    pub kind: String,
    pub automated: bool,
    pub needs_review: bool,
    /// Message-ID as mail-parser reads it (no angle brackets).
    pub message_id: String,
    /// Where an acknowledgement goes: the From address (never Reply-To), lowercase.
    pub reply_addr: Option<String>,
    /// The envelope sender: the Return-Path, else From.
    pub envelope_from: String,
    /// In-Reply-To and References, as mail-parser reads them (no angle brackets).
    pub references: Vec<String>,
}

impl Fixture {
    pub fn gets_ack(&self) -> bool {
        (self.kind == "plan" || self.kind == "report")
            && !self.automated
            && self.reply_addr.as_deref().is_some_and(|a| a != OFFICE)
    }
}

pub fn fixture_dir() -> PathBuf {
    repo().join("fixtures/classify")
}

pub fn load_fixture(path: &Path) -> Fixture {
    let raw = std::fs::read(path).expect("read fixture");
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(path.with_extension("json")).expect("read fixture json"),
    )
    .expect("fixture json");
    let m = MessageParser::default().parse(&raw).expect("parse fixture");
    let addr = |a: Option<&mail_parser::Address<'_>>| {
        a.and_then(|a| a.first())
            .and_then(|a| a.address())
            .map(|s| s.trim().to_lowercase())
    };
    let from = addr(m.from());
    let reply_addr = from.clone();
    let envelope_from = match m.header_raw("Return-Path") {
        Some(rp) => rp.trim().trim_matches(|c| c == '<' || c == '>').to_string(),
        None => from.clone().unwrap_or_default(),
    };
    let mut references: Vec<String> = m
        .in_reply_to()
        .as_text_list()
        .unwrap_or_default()
        .iter()
        .map(|r| r.to_string())
        .collect();
    references.extend(
        m.references()
            .as_text_list()
            .unwrap_or_default()
            .iter()
            .map(|r| r.to_string()),
    );
    Fixture {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        kind: json["kind"].as_str().expect("kind").to_string(),
        automated: json["automated"].as_bool().expect("automated"),
        needs_review: json["needs_review"].as_bool().unwrap_or(false),
        message_id: m.message_id().expect("fixture Message-ID").to_string(),
        reply_addr,
        envelope_from,
        references,
        raw,
    }
}

pub fn fixtures() -> Vec<Fixture> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures");
    paths.iter().map(|p| load_fixture(p)).collect()
}

pub fn fixture(prefix: &str) -> Fixture {
    fixtures()
        .into_iter()
        .find(|f| f.name.starts_with(prefix))
        .unwrap_or_else(|| panic!("no fixture {prefix}*"))
}

/// Rewrites the header block of a raw mail: `f(name, field)` returns `None` to keep a field
/// (with its folded lines) as it is, `Some(bytes)` to replace it (empty: delete it).
pub fn rewrite_headers(raw: &[u8], mut f: impl FnMut(&str, &[u8]) -> Option<Vec<u8>>) -> Vec<u8> {
    // The header block ends at the first empty line.
    let mut end = raw.len();
    let mut i = 0;
    while i < raw.len() {
        let line_end = raw[i..]
            .iter()
            .position(|&b| b == b'\n')
            .map(|p| i + p + 1)
            .unwrap_or(raw.len());
        let line = &raw[i..line_end];
        if line == b"\n" || line == b"\r\n" {
            end = i;
            break;
        }
        i = line_end;
    }
    let (head, body) = raw.split_at(end);
    let mut fields: Vec<Vec<u8>> = Vec::new();
    for line in head.split_inclusive(|&b| b == b'\n') {
        if (line.starts_with(b" ") || line.starts_with(b"\t")) && !fields.is_empty() {
            fields.last_mut().unwrap().extend_from_slice(line);
        } else {
            fields.push(line.to_vec());
        }
    }
    let mut out = Vec::with_capacity(raw.len() + 256);
    for field in fields {
        let name = field
            .iter()
            .position(|&b| b == b':')
            .map(|p| String::from_utf8_lossy(&field[..p]).trim().to_string())
            .unwrap_or_default();
        match f(&name, &field) {
            None => out.extend_from_slice(&field),
            Some(new) => out.extend_from_slice(&new),
        }
    }
    out.extend_from_slice(body);
    out
}

/// The line ending a header field uses.
pub fn eol(field: &[u8]) -> &'static [u8] {
    if field.ends_with(b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    }
}

// ------------------------------------------------------------------ themeday

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    Plain,
    StartTls,
    Tls,
}

#[derive(Clone, Copy, Debug)]
pub struct Opts {
    pub security: Security,
    pub idle: bool,
    pub poll_seconds: u64,
    pub send_id: bool,
    /// Where the digest goes (the office itself, for the tests of the office's replies).
    pub digest_to: &'static str,
}

impl Default for Opts {
    fn default() -> Opts {
        Opts {
            security: Security::Plain,
            idle: true,
            poll_seconds: 3600,
            send_id: false,
            digest_to: "digest@office.test",
        }
    }
}

/// One test's world: the servers and a themeday config pointing at them.
pub struct World {
    pub servers: Servers,
    pub home: PathBuf,
    pub config: PathBuf,
    pub db: PathBuf,
}

impl World {
    pub fn new(opts: Opts) -> World {
        let servers = Servers::start();
        let home = servers.dir().join("bot");
        std::fs::create_dir_all(&home).expect("mkdir bot");
        let cfg_dir = repo().join("config");
        let (port, security) = match opts.security {
            Security::Plain => (servers.imap_port, "plain"),
            Security::StartTls => (servers.imap_port, "starttls"),
            Security::Tls => (servers.imaps_port, "tls"),
        };
        let db = home.join("themeday.db");
        let q = |p: &Path| format!("{:?}", p.to_str().expect("utf-8 path"));
        let ca = if opts.security == Security::Plain {
            String::new()
        } else {
            format!("ca_file = {}\n", q(&servers.ca_file))
        };
        let text = format!(
            r#"# written by tests/e2e.rs
[office]
name = "洞口县政务公开政务服务领导小组办公室"
short_name = "县政务公开办"
address = "{OFFICE}"
county = "洞口县"
timezone = "Asia/Shanghai"

[season]
year = 2023
schedule = {schedule}
units = {units}
calendar = {calendar}
required_months = [4, 5, 6, 7, 8, 9, 10, 11, 12]

[mailbox]
kind = "imap"
host = "127.0.0.1"
port = {port}
security = "{security}"
user = "{OFFICE}"
password_env = "{PASSWORD_ENV}"
folder = "INBOX"
send_id = {send_id}
{ca}idle = {idle}
poll_seconds = {poll}

[outgoing]
kind = "smtp"
host = "127.0.0.1"
port = {smtp}
security = "plain"

[store]
database = {db}
archive = {archive}

[policy]
# Keep the office mailbox for mail from units only: the digest and overdue copies go
# elsewhere, so the tests can check the bot never adds to (or changes) the office INBOX
# (except the tests of the office's replies, which send the digest to the office).
digest_to = ["{digest_to}"]
cc_office_on_overdue = false
# The whole corpus arrives at once from senders the directory does not list: let every
# acknowledgement go (the daily total for never-seen addresses is tested in trust_replies.rs).
new_address_acks_daily = 1000
"#,
            schedule = q(&cfg_dir.join("dongkou-2023-schedule.tsv")),
            units = q(&cfg_dir.join("dongkou-2023-units.toml")),
            calendar = q(&cfg_dir.join("calendar")),
            send_id = opts.send_id,
            idle = opts.idle,
            poll = opts.poll_seconds,
            digest_to = opts.digest_to,
            smtp = servers.smtp_port,
            db = q(&db),
            archive = q(&home.join("archive")),
        );
        let config = home.join("themeday.toml");
        std::fs::write(&config, text).expect("write config");
        World {
            servers,
            home,
            config,
            db,
        }
    }

    fn command(&self, now: &str) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_themeday"));
        c.arg("--config")
            .arg(&self.config)
            .arg("--now")
            .arg(now)
            .env(PASSWORD_ENV, PASSWORD)
            .env("THEMEDAY_LOG", "info,themeday=debug")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null());
        c
    }

    /// `themeday poll`; panics unless it succeeds. Returns its stdout.
    pub fn poll(&self, now: &str) -> String {
        let t = Instant::now();
        let out: Output = self
            .command(now)
            .arg("poll")
            .output()
            .expect("run themeday poll");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            out.status.success(),
            "themeday poll failed ({}):\n{stdout}\n{stderr}",
            out.status
        );
        eprintln!(
            "poll --now {now} ({:.1} s): {}",
            t.elapsed().as_secs_f64(),
            stdout.trim()
        );
        stdout
    }

    /// `themeday run` in the background, its stderr in `<home>/<name>.log`.
    pub fn spawn_run(&self, now: &str, name: &str) -> Daemon {
        let log = self.home.join(format!("{name}.log"));
        let file = std::fs::File::create(&log).expect("log file");
        let child = self
            .command(now)
            .arg("run")
            .stdout(Stdio::null())
            .stderr(file)
            .spawn()
            .expect("spawn themeday run");
        Daemon {
            child: Some(child),
            log,
        }
    }

    /// A connection to the store (opened only once the daemon created it).
    pub fn store(&self) -> rusqlite::Connection {
        let c = rusqlite::Connection::open_with_flags(
            &self.db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .expect("open store");
        c.busy_timeout(Duration::from_secs(30))
            .expect("busy_timeout");
        c
    }

    pub fn scalar(&self, sql: &str) -> i64 {
        if !self.db.exists() {
            return 0;
        }
        match self.store().query_row(sql, [], |r| r.get(0)) {
            Ok(n) => n,
            // Created but not yet migrated by the daemon.
            Err(e) if e.to_string().contains("no such table") => 0,
            Err(e) => panic!("{sql}: {e}"),
        }
    }

    /// Mail files in the archive: written before their batch commits, so this runs ahead of
    /// [`World::mail_rows`].
    pub fn archived_files(&self) -> usize {
        let Ok(dirs) = std::fs::read_dir(self.home.join("archive")) else {
            return 0;
        };
        dirs.flatten()
            .filter_map(|d| std::fs::read_dir(d.path()).ok())
            .flat_map(|files| files.flatten())
            .filter(|f| f.file_name().to_string_lossy().ends_with(".eml"))
            .count()
    }

    pub fn mail_rows(&self) -> i64 {
        self.scalar("SELECT COUNT(*) FROM mail")
    }

    pub fn outbox_rows(&self) -> i64 {
        self.scalar("SELECT COUNT(*) FROM outbox")
    }

    /// Acknowledgements in the outbox (reminders and the digest are other kinds).
    pub fn ack_rows(&self) -> i64 {
        self.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'ack'")
    }

    pub fn queued_rows(&self) -> i64 {
        self.scalar("SELECT COUNT(*) FROM outbox WHERE state = 'queued'")
    }
}

/// The ERROR lines of a daemon log.
pub fn error_lines(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains(" ERROR ")).collect()
}

/// Asserts a daemon log holds no ERROR line.
pub fn assert_no_errors(log: &str) {
    let errors = error_lines(log);
    assert!(errors.is_empty(), "errors logged:\n{}", errors.join("\n"));
}

/// A running `themeday run`; killed if still running when dropped.
pub struct Daemon {
    child: Option<Child>,
    pub log: PathBuf,
}

impl Daemon {
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn log_count(&self, needle: &str) -> usize {
        self.log_text().matches(needle).count()
    }

    /// Panics if the daemon has exited.
    pub fn assert_running(&mut self) {
        if let Some(status) = self
            .child
            .as_mut()
            .expect("child")
            .try_wait()
            .expect("try_wait")
        {
            panic!("themeday run exited early ({status}):\n{}", self.log_text());
        }
    }

    /// Waits until the log holds `needle` at least `n` times.
    pub fn wait_log(&mut self, needle: &str, n: usize) {
        let what = format!("{n}× {needle:?} in {}", self.log.display());
        wait_every(&what, WAIT, Duration::from_millis(50), || {
            self.assert_running();
            (self.log_count(needle) >= n).then_some(())
        });
    }

    fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let child = self.child.as_mut().expect("child");
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(s) = child.try_wait().expect("try_wait") {
                self.child = None;
                return Some(s);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGTERM, then waits (bounded) for the exit; returns the status.
    pub fn term(mut self) -> ExitStatus {
        let pid = self.pid();
        let ok = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill -TERM");
        assert!(ok.success(), "kill -TERM {pid}");
        match self.wait_exit(Duration::from_secs(30)) {
            Some(s) => s,
            None => panic!(
                "themeday run did not exit within 30 s of SIGTERM:\n{}",
                self.log_text()
            ),
        }
    }

    /// SIGTERM and asserts a clean exit (status 0); returns the log.
    pub fn stop(self) -> String {
        let log = self.log.clone();
        let status = self.term();
        let text = std::fs::read_to_string(log).unwrap_or_default();
        assert!(
            status.success(),
            "themeday run exited with {status} after SIGTERM:\n{text}"
        );
        text
    }

    /// SIGKILL, no chance to clean up.
    pub fn kill9(mut self) {
        let mut child = self.child.take().expect("child");
        child.kill().expect("SIGKILL");
        child.wait().expect("wait");
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
            if std::thread::panicking() {
                eprintln!(
                    "----- {} -----\n{}",
                    self.log.display(),
                    std::fs::read_to_string(&self.log).unwrap_or_default()
                );
            }
        }
    }
}
