//! Crash regressions: inputs that once crashed, hung or are built to be nasty must go through
//! the parser, the classifier and the config loader without a panic.
//!
//! - Every file in `fixtures/crash/` (but README.md) is a raw mail: it is fed to
//!   `parse::parse` and `ingest::decide`.
//! - Every file in `fixtures/crash-config/` (but README.md) is a configuration text: it is fed
//!   to `Config::from_str` (as if it lived in `config/`, so relative paths resolve) and to
//!   `parse_schedule`.
//! - Inputs too big to commit are generated here: a 10,000-deep nested multipart, a 10,000-deep
//!   chain of forwarded messages, 1 MB header lines, a 1 MB line of dates, `.docx` attachments whose
//!   `word/document.xml` inflates to 200 MB (with its true size in the ZIP headers, and with a
//!   lying one), and a 10,000-deep nested TOML array.
//!
//! A panic becomes a test failure naming the input. The time each takes is printed, not
//! asserted (timing is for `bench/`). `scripts/fuzz` finds new ones; its header says how to add
//! them.

use std::any::Any;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use themeday::classify::Classifier;
use themeday::config::{parse_schedule, Config};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn classifier() -> &'static Classifier {
    static CLASSIFIER: OnceLock<Classifier> = OnceLock::new();
    CLASSIFIER.get_or_init(|| {
        let config = Config::load(&root().join("config/dongkou-2023.toml")).expect("config loads");
        Classifier::new(&config)
    })
}

fn panic_message(e: Box<dyn Any + Send>) -> String {
    e.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic with a non-string payload".into())
}

/// Runs `f`, turning a panic into `Err(message)`; returns the time it took.
fn guarded(f: impl FnOnce()) -> Result<Duration, String> {
    let start = Instant::now();
    catch_unwind(AssertUnwindSafe(f)).map_err(panic_message)?;
    Ok(start.elapsed())
}

fn check_mail(raw: &[u8]) -> Result<Duration, String> {
    let classifier = classifier();
    guarded(|| {
        if let Ok(mail) = themeday::parse::parse(raw) {
            let _ = classifier.classify(&mail);
        }
        let _ = themeday::ingest::decide(classifier, raw);
    })
}

fn check_config(text: &str) -> Result<Duration, String> {
    // The file need not exist: its folder makes `schedule = "dongkou-2023-schedule.tsv"` and the
    // other relative paths resolve to the real ones.
    let path = root().join("config/crash-regression-input.toml");
    guarded(|| {
        let _ = Config::from_str(&path, text);
        let _ = parse_schedule(Path::new("x.tsv"), text, 2023);
    })
}

/// The inputs in a fixtures folder, README.md and dotfiles aside. The folder must exist.
fn inputs(dir: &str) -> Vec<PathBuf> {
    let dir = root().join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name != "README.md" && !name.starts_with('.')
        })
        .collect();
    files.sort();
    files
}

/// Feeds every input of `dir` to `check`; fails naming each input that panicked.
fn replay_dir(dir: &str, check: impl Fn(&[u8]) -> Result<Duration, String>) {
    let files = inputs(dir);
    let mut ran = 0;
    let mut failures = String::new();
    for file in &files {
        let raw = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        match check(&raw) {
            Ok(t) => eprintln!("{}: {t:.2?}", file.display()),
            Err(msg) => writeln!(failures, "{}: panicked: {msg}", file.display()).unwrap(),
        }
        ran += 1;
    }
    assert!(
        failures.is_empty(),
        "crash regressions in {dir}:\n{failures}"
    );
    assert_eq!(ran, files.len());
    if !files.is_empty() {
        assert!(ran >= 1, "{dir} has inputs but none ran");
    }
}

#[test]
fn every_mail_in_fixtures_crash() {
    replay_dir("fixtures/crash", check_mail);
}

#[test]
fn every_config_in_fixtures_crash_config() {
    replay_dir("fixtures/crash-config", |raw| {
        check_config(&String::from_utf8_lossy(raw))
    });
}

fn assert_quick(what: &str, result: Result<Duration, String>) {
    match result {
        Ok(t) => {
            // Printed, not asserted: how long these take is for the benchmarks to judge.
            eprintln!("{what}: {t:.2?}");
        }
        Err(msg) => panic!("{what} panicked: {msg}"),
    }
}

const HEAD: &str = "From: =?utf-8?B?5rSe5Y+j5Y6/5rC05Yip5bGA?= <slj@example.com>\r\n\
To: 43347867@qq.com\r\n\
Date: Mon, 10 Apr 2023 09:00:00 +0800\r\n\
Message-ID: <nasty@example.com>\r\n\
MIME-Version: 1.0\r\n";

#[test]
fn nested_multipart_10000_deep() {
    let depth = 10_000;
    let mut m = format!("{HEAD}Subject: 4月活动方案\r\n");
    for i in 0..depth {
        write!(
            m,
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
        )
        .unwrap();
    }
    m.push_str("Content-Type: text/plain; charset=utf-8\r\n\r\n洞口县水利局4月21日活动方案\r\n");
    for i in (0..depth).rev() {
        write!(m, "--b{i}--\r\n").unwrap();
    }
    assert_quick("10,000-deep multipart", check_mail(m.as_bytes()));
}

#[test]
fn forwarded_messages_10000_deep() {
    let depth = 10_000;
    let mut m = format!("{HEAD}Subject: 转发：转发：方案\r\n");
    for i in 0..depth {
        write!(
            m,
            "Content-Type: multipart/mixed; boundary=\"f{i}\"\r\n\r\n--f{i}\r\n\
             Content-Type: message/rfc822\r\n\r\nSubject: fwd {i}\r\nFrom: a{i}@example.com\r\n"
        )
        .unwrap();
    }
    m.push_str("Content-Type: text/plain\r\n\r\ninnermost\r\n");
    for i in (0..depth).rev() {
        write!(m, "--f{i}--\r\n").unwrap();
    }
    assert_quick("10,000-deep message/rfc822", check_mail(m.as_bytes()));
}

#[test]
fn one_megabyte_header_lines() {
    let long: String = "洞口县水利局世界水日活动方案".repeat((1 << 20) / 42);
    assert!(long.len() >= 1 << 19);
    let m = format!(
        "{HEAD}Subject: {long}\r\nX-Long: {}\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n活动方案见附件\r\n",
        "a".repeat(1 << 20)
    );
    assert!(m.len() > 1 << 20);
    assert_quick("1 MB header lines", check_mail(m.as_bytes()));
}

/// Many dates on one long line. `Classifier::date_candidates` used to rescan the whole line
/// for each date it found (a 105 kB line of dates took 187 s under ASan, the 1 MB line below
/// hours in a debug build); it now looks at each line once.
#[test]
fn many_dates_on_one_megabyte_line() {
    let long: String = "洞口县水利局4月21日世界水日活动方案".repeat((1 << 20) / 48);
    let m = format!(
        "{HEAD}Subject: {long}\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{long}\r\n"
    );
    assert!(m.len() > 1 << 20);
    assert_quick("1 MB line of dates", check_mail(m.as_bytes()));
}

// ---- a .docx whose document.xml inflates to 200 MB ----------------------------------------

/// Writes fixed-Huffman deflate codes (RFC 1951 §3.2.6), LSB first.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= (value as u64) << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, which deflate stores most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let reversed = code.reverse_bits() >> (32 - len);
        self.put(reversed, len);
    }

    fn literal(&mut self, b: u8) {
        match b {
            0..=143 => self.code(0x30 + b as u32, 8),
            _ => self.code(0x190 + (b as u32 - 144), 9),
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A raw deflate stream of `pattern` repeated: the pattern as literals, then matches of 258
/// bytes at distance `pattern.len()`. Returns the stream and the inflated size.
fn deflate_repeated(pattern: &[u8], matches: usize) -> (Vec<u8>, u64) {
    const DIST_BASE: [u32; 30] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
        2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ];
    let d = pattern.len() as u32;
    let code = DIST_BASE.iter().rposition(|&b| b <= d).unwrap() as u32;
    let extra = if code < 4 { 0 } else { code / 2 - 1 };
    let mut w = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    w.put(1, 1); // BFINAL
    w.put(1, 2); // BTYPE = fixed Huffman
    for &b in pattern {
        w.literal(b);
    }
    for _ in 0..matches {
        w.code(0xC0 + 5, 8); // length code 285: 258 bytes
        w.code(code, 5);
        w.put(d - DIST_BASE[code as usize], extra);
    }
    w.code(0, 7); // end of block
    (w.finish(), pattern.len() as u64 + 258 * matches as u64)
}

/// A ZIP holding one deflated `word/document.xml`, whose headers declare `declared_size`.
/// The CRC is not computed (it would mean inflating 200 MB here): a reader that trusts the
/// declared size must stop long before it could check it.
fn zip_one(deflated: &[u8], declared_size: u32) -> Vec<u8> {
    let name = b"word/document.xml";
    let mut z = Vec::new();
    let local = |z: &mut Vec<u8>| {
        // version needed, flags, method (deflate), time, date
        z.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0]);
        z.extend_from_slice(&0u32.to_le_bytes()); // crc
        z.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
        z.extend_from_slice(&declared_size.to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&0u16.to_le_bytes()); // extra
    };
    z.extend_from_slice(b"PK\x03\x04");
    local(&mut z);
    z.extend_from_slice(name);
    z.extend_from_slice(deflated);
    let cd_start = z.len() as u32;
    z.extend_from_slice(b"PK\x01\x02");
    z.extend_from_slice(&[20, 0]); // made by
    local(&mut z);
    z.extend_from_slice(&[0; 10]); // comment length, disk, internal and external attributes
    z.extend_from_slice(&0u32.to_le_bytes()); // local header offset
    z.extend_from_slice(name);
    let cd_len = z.len() as u32 - cd_start;
    z.extend_from_slice(b"PK\x05\x06");
    z.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
    z.extend_from_slice(&cd_len.to_le_bytes());
    z.extend_from_slice(&cd_start.to_le_bytes());
    z.extend_from_slice(&[0, 0]);
    z
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + bytes.len() / 38 + 8);
    for (i, c) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                out.push(A[(n >> (18 - 6 * k)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn docx_bomb_mail(declared_size: Option<u32>) -> Vec<u8> {
    let pattern = "<w:p><w:r><w:t>洞口县水利局活动方案</w:t></w:r></w:p>".as_bytes();
    let (deflated, inflated) = deflate_repeated(pattern, 812_850);
    assert!(inflated >= 200_000_000, "{inflated}");
    let declared = declared_size.unwrap_or(inflated as u32);
    let zip = zip_one(&deflated, declared);
    format!(
        "{HEAD}Subject: 水利局4月活动方案\r\n\
         Content-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n\
         --zz\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n方案见附件。\r\n\
         --zz\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\
         Content-Transfer-Encoding: base64\r\n\
         Content-Disposition: attachment; filename=\"活动方案.docx\"\r\n\r\n{}\r\n--zz--\r\n",
        base64(&zip)
    )
    .into_bytes()
}

#[test]
fn docx_bomb_with_its_true_size() {
    let m = docx_bomb_mail(None);
    assert_quick("docx bomb, 200 MB declared", check_mail(&m));
}

#[test]
fn docx_bomb_with_a_lying_size() {
    let m = docx_bomb_mail(Some(40_000));
    assert_quick("docx bomb, 40 kB declared", check_mail(&m));
}

#[test]
fn docx_bomb_text_is_bounded() {
    // What the attachment reader keeps of the lying bomb: at most MAX_ATTACHMENT_TEXT chars.
    let pattern = "<w:p><w:r><w:t>洞口县水利局活动方案</w:t></w:r></w:p>".as_bytes();
    let (deflated, _) = deflate_repeated(pattern, 812_850);
    let zip = zip_one(&deflated, 40_000);
    let r = guarded(|| {
        let t = themeday::parse::attachment_text(Some("a.docx"), "application/octet-stream", &zip);
        if let Some(t) = t {
            assert!(t.chars().count() <= themeday::parse::MAX_ATTACHMENT_TEXT);
        }
    });
    assert_quick("docx bomb attachment_text", r);
}

#[test]
fn deeply_nested_toml() {
    let depth = 10_000;
    let text = format!(
        "[office]\nname = {}1{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert_quick("10,000-deep TOML array", check_config(&text));
    let text = format!(
        "a = {}\n",
        "{ b = ".repeat(depth) + "1" + &"}".repeat(depth)
    );
    assert_quick("10,000-deep TOML inline table", check_config(&text));
}

/// A PDF of `objects` (numbered from 1; 1 is the catalog) with a correct xref table.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn pdf_stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

/// zlib around a raw deflate stream (the checksum is not checked before the size limit).
fn zlib(deflated: &[u8]) -> Vec<u8> {
    let mut z = vec![0x78, 0x9c];
    z.extend_from_slice(deflated);
    z.extend_from_slice(&[0, 0, 0, 0]);
    z
}

fn pdf_mail(pdf: &[u8]) -> Vec<u8> {
    format!(
        "{HEAD}Subject: 报送材料\r\nContent-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n\
         --zz\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n见附件。\r\n\
         --zz\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\
         Content-Disposition: attachment; filename=\"情况报告.pdf\"\r\n\r\n{}\r\n--zz--\r\n",
        base64(pdf)
    )
    .into_bytes()
}

const PDF_PAGES: [&[u8]; 2] = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
];

/// A page content stream that inflates to 200 MB: refused at the page-content limit.
#[test]
fn pdf_page_content_bomb() {
    let (deflated, size) = deflate_repeated(b"BT (x) Tj ET ", 812_850);
    assert!(size > 200_000_000);
    let pdf = pdf_of(&[
        PDF_PAGES[0].to_vec(),
        PDF_PAGES[1].to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        pdf_stream("/Filter /FlateDecode", &zlib(&deflated)),
    ]);
    let r = guarded(|| {
        let t = themeday::parse::pdf_text(&pdf);
        assert!(!matches!(t, themeday::parse::PdfText::Text(_)), "{t:?}");
    });
    assert_quick("pdf page content bomb", r);
    assert_quick(
        "pdf page content bomb, whole mail",
        check_mail(&pdf_mail(&pdf)),
    );
}

/// An object stream that inflates to 200 MB, decoded while the file loads.
#[test]
fn pdf_object_stream_bomb() {
    let (deflated, _) = deflate_repeated(b"<< /A 1 >> ", 812_850);
    let pdf = pdf_of(&[
        PDF_PAGES[0].to_vec(),
        PDF_PAGES[1].to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec(),
        pdf_stream(
            "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
            &zlib(&deflated),
        ),
    ]);
    assert_quick("pdf object stream bomb", check_mail(&pdf_mail(&pdf)));
}

/// Deeply nested arrays in a page's content, a page tree that is its own kid, and a font
/// whose ToUnicode map names a 4-billion-code range.
#[test]
fn pdf_nesting_cycles_and_huge_ranges() {
    let nested = format!("{}1{} Tj", "[".repeat(100_000), "]".repeat(100_000));
    let deep = pdf_of(&[
        PDF_PAGES[0].to_vec(),
        PDF_PAGES[1].to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        pdf_stream("", nested.as_bytes()),
    ]);
    assert_quick("pdf nested content arrays", check_mail(&pdf_mail(&deep)));
    let cycle = pdf_of(&[
        PDF_PAGES[0].to_vec(),
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>".to_vec(),
    ]);
    assert_quick("pdf page tree cycle", check_mail(&pdf_mail(&cycle)));
    let cmap = "begincmap 1 beginbfrange <00000000> <FFFFFFFF> <4E00> endbfrange \
                2 beginbfchar <0001> endbfchar endcmap";
    let huge = pdf_of(&[
        PDF_PAGES[0].to_vec(),
        PDF_PAGES[1].to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        pdf_stream("", b"BT /F1 12 Tf <00010002> Tj ET"),
        b"<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /ToUnicode 6 0 R >>".to_vec(),
        pdf_stream("", cmap.as_bytes()),
    ]);
    assert_quick("pdf huge ToUnicode range", check_mail(&pdf_mail(&huge)));
}

/// A ToUnicode map of 100,000 ranges of 65,536 codes each: bounded, not 6.5 billion entries.
#[test]
fn pdf_tounicode_with_many_full_ranges() {
    let mut cmap = String::from("begincmap 100000 beginbfrange\n");
    for i in 0..100_000u32 {
        cmap.push_str(&format!(
            "<{:04X}0000> <{:04X}FFFF> <4E00>\n",
            i % 65_536,
            i % 65_536
        ));
    }
    cmap.push_str("endbfrange endcmap");
    let pdf = pdf_of(&[
        PDF_PAGES[0].to_vec(),
        PDF_PAGES[1].to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        pdf_stream("", b"BT /F1 12 Tf <00010002> Tj ET"),
        b"<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /ToUnicode 6 0 R >>".to_vec(),
        pdf_stream("", cmap.as_bytes()),
    ]);
    assert_quick(
        "pdf ToUnicode with many full ranges",
        check_mail(&pdf_mail(&pdf)),
    );
}
