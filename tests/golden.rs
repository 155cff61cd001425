//! Golden tests: every `fixtures/{classify,holdout,holdout2}/*.eml` is classified and
//! compared with the `.json` beside it (kind, unit, activity, dates, needs_review, automated,
//! and every submission the mail carries: its `submissions` when it lists several, else the
//! one its top-level fields name, or none for other mail). A mismatch writes the
//! actual decision to `<name>.actual.json` next to the fixture. Each mail is also run with
//! its line endings flipped (LF ↔ CRLF): the decision must not depend on them.

use std::path::{Path, PathBuf};

use themeday::classify::Classifier;
use themeday::config::Config;
use themeday::ingest::decide;

const KEYS: [&str; 7] = [
    "kind",
    "unit",
    "activity",
    "activity_date",
    "activity_end",
    "needs_review",
    "automated",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn decision_value(raw: &[u8], classifier: &Classifier) -> serde_json::Value {
    let (_, _, d) = decide(classifier, raw);
    let submissions: Vec<serde_json::Value> = d
        .submissions()
        .iter()
        .map(|s| {
            serde_json::json!({
                "kind": s.kind,
                "activity": s.activity,
                "activity_date": s.activity_date.map(|x| x.to_string()),
                "activity_end": s.activity_end.map(|x| x.to_string()),
            })
        })
        .collect();
    serde_json::json!({
        "submissions": submissions,
        "kind": d.kind,
        "unit": d.unit,
        "activity": d.activity,
        "activity_date": d.activity_date.map(|x| x.to_string()),
        "activity_end": d.activity_end.map(|x| x.to_string()),
        "needs_review": d.needs_review,
        "automated": d.automated,
    })
}

fn flip_line_endings(raw: &[u8]) -> Vec<u8> {
    if raw.windows(2).any(|w| w == b"\r\n") {
        raw.iter().copied().filter(|&b| b != b'\r').collect()
    } else {
        let mut out = Vec::with_capacity(raw.len() + raw.len() / 20);
        for &b in raw {
            if b == b'\n' {
                out.push(b'\r');
            }
            out.push(b);
        }
        out
    }
}

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    v.sort();
    v
}

#[test]
fn golden_corpus() {
    let config = Config::load(&root().join("config/dongkou-2023.toml")).expect("config");
    let classifier = Classifier::new(&config);
    // fixtures/classify: written alongside the classifier. fixtures/holdout to holdout4:
    // written blind, by people who never saw the classifier; measured before any tuning on
    // them, 29 of 30, 25 of 30, 50 of 57 and 71 of 80 were right.
    let mut cases = cases(&root().join("fixtures/classify"));
    assert!(
        cases.len() >= 40,
        "expected at least 40 fixtures, found {}",
        cases.len()
    );
    for dir in [
        "fixtures/holdout",
        "fixtures/holdout2",
        "fixtures/holdout3",
        "fixtures/holdout4",
    ] {
        let blind = self::cases(&root().join(dir));
        assert!(
            blind.len() >= 30,
            "expected at least 30 mails in {dir}, found {}",
            blind.len()
        );
        cases.extend(blind);
    }
    let mut clerk_truths = self::cases(&root().join("fixtures/holdout3"));
    clerk_truths.extend(self::cases(&root().join("fixtures/holdout4")));
    let mut failures = Vec::new();
    for eml in &cases {
        let clerk_truth = clerk_truths.contains(eml);
        let expected_path = eml.with_extension("json");
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let raw = std::fs::read(eml).expect("read fixture");
        let actual = decision_value(&raw, &classifier);
        // holdout3's and holdout4's truths say what a clerk decides, not whether the bot
        // should ask: their review flag is checked where the truth gives one, and the unit of
        // a mail that is no submission is not (the bot records none).
        let other = expected["kind"] == "other";
        let mut mismatched: Vec<&str> = KEYS
            .iter()
            .copied()
            .filter(|k| *k != "needs_review" || !clerk_truth || expected.get(k).is_some())
            .filter(|k| *k != "unit" || !other || !clerk_truth)
            .filter(|k| expected[k] != actual[k])
            .collect();
        // A mail that carries several submissions lists each, top-level first; any other plan
        // or report carries exactly the one its top-level fields name.
        let single = || {
            if expected["kind"] == "other" {
                serde_json::json!([])
            } else {
                serde_json::json!([{
                    "kind": expected["kind"],
                    "activity": expected["activity"],
                    "activity_date": expected["activity_date"],
                    "activity_end": expected["activity_end"],
                }])
            }
        };
        let want_subs = expected.get("submissions").cloned().unwrap_or_else(single);
        if submission_set(&want_subs) != submission_set(&actual["submissions"]) {
            mismatched.push("submissions");
        }
        // A truth marked ambiguous (the mail's only text is in a picture or a scan nobody
        // can read by machine) is met by a decision a person is asked to settle.
        if expected["ambiguous"] == true && actual["needs_review"] == true {
            mismatched.clear();
        }
        let expected = {
            let mut e = expected.clone();
            e["submissions"] = want_subs;
            e
        };
        let actual_path = eml.with_extension("actual.json");
        if mismatched.is_empty() {
            let _ = std::fs::remove_file(&actual_path);
        } else {
            std::fs::write(
                &actual_path,
                serde_json::to_string_pretty(&actual).unwrap() + "\n",
            )
            .unwrap();
            failures.push(format!(
                "{}: {}",
                eml.file_name().unwrap().to_string_lossy(),
                mismatched
                    .iter()
                    .map(|k| format!("{k} expected {} got {}", expected[k], actual[k]))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
            continue;
        }
        let flipped = decision_value(&flip_line_endings(&raw), &classifier);
        if flipped != actual {
            failures.push(format!(
                "{}: decision changes with line endings: {actual} vs {flipped}",
                eml.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures mismatch:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    eprintln!("golden: {} fixtures, all match", cases.len());
}

/// A list of submissions as a set of (kind, activity, dates): the truths of the blind sets
/// also name each submission's unit, which the decision carries once, for the mail.
fn submission_set(v: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| {
                    format!(
                        "{} {} {} {}",
                        s["kind"], s["activity"], s["activity_date"], s["activity_end"]
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Simplified → traditional, from the shipped table read backwards (the first traditional
/// form of each simplified character).
fn to_traditional(s: &str) -> String {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<char, char>> =
        std::sync::OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let text = std::fs::read_to_string(root().join("third_party/opencc/t2s.txt")).unwrap();
        let mut m = std::collections::HashMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let c: Vec<char> = line.chars().collect();
            for p in c.chunks_exact(2) {
                m.entry(p[1]).or_insert(p[0]);
            }
        }
        m
    });
    s.chars().map(|c| *t.get(&c).unwrap_or(&c)).collect()
}

/// Every golden mail rewritten in traditional characters (subject, names, body, quoted text,
/// attachment names and text) is decided as its simplified original is.
#[test]
fn traditional_characters_read_as_simplified() {
    let config = Config::load(&root().join("config/dongkou-2023.toml")).expect("config");
    let classifier = Classifier::new(&config);
    let mut files = cases(&root().join("fixtures/classify"));
    files.extend(cases(&root().join("fixtures/holdout")));
    files.extend(cases(&root().join("fixtures/holdout2")));
    let mut failures = Vec::new();
    let mut converted = 0;
    for eml in &files {
        let raw = std::fs::read(eml).unwrap();
        let Ok(mail) = themeday::parse::parse(&raw) else {
            continue;
        };
        let mut trad = mail.clone();
        trad.subject = to_traditional(&mail.subject);
        trad.from_name = mail.from_name.as_deref().map(to_traditional);
        trad.body = to_traditional(&mail.body);
        trad.quoted = to_traditional(&mail.quoted);
        for a in &mut trad.attachments {
            a.name = a.name.as_deref().map(to_traditional);
            a.text = a.text.as_deref().map(to_traditional);
        }
        if trad.body == mail.body && trad.subject == mail.subject {
            continue;
        }
        converted += 1;
        let (a, b) = (classifier.classify(&mail), classifier.classify(&trad));
        let key = |d: &themeday::classify::Decision| {
            (
                d.kind,
                d.unit.clone(),
                d.activity,
                d.activity_date,
                d.activity_end,
                d.needs_review,
            )
        };
        if key(&a) != key(&b) {
            failures.push(format!(
                "{}: {:?} vs traditional {:?}",
                eml.file_name().unwrap().to_string_lossy(),
                key(&a),
                key(&b)
            ));
        }
    }
    assert!(
        converted > 100,
        "only {converted} mails had text to convert"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A PDF that shows `text` line by line in an Identity-H font whose glyph ids are not the
/// characters' code points, with the ToUnicode map that says what each glyph is: as WPS and
/// Word write a document with Chinese text.
fn pdf_of_text(text: &str) -> Vec<u8> {
    let mut glyphs: Vec<char> = text.chars().filter(|c| *c != '\n').collect();
    glyphs.sort();
    glyphs.dedup();
    let gid = |c: char| glyphs.binary_search(&c).unwrap() + 3;
    let mut content = String::from("BT /F1 12 Tf 1 0 0 1 72 800 Tm\n");
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            content.push_str("0 -18 Td\n");
        }
        content.push('<');
        for c in line.chars() {
            content.push_str(&format!("{:04X}", gid(c)));
        }
        content.push_str("> Tj\n");
    }
    content.push_str("ET\n");
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in glyphs.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for &c in chunk {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            cmap.push_str(&format!("<{:04X}> <{hex}>\n", gid(c)));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let stream = |s: &str| format!("<< /Length {} >>\nstream\n{s}\nendstream", s.len());
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_string(),
        stream(&content),
        "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".to_string(),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>".to_string(),
        stream(&cmap),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
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

/// Every golden mail whose document is a .docx, with that document sent as a PDF instead
/// (the same lines, read back through the PDF reader), is decided as the original.
#[test]
fn documents_sent_as_pdf_read_as_docx() {
    let config = Config::load(&root().join("config/dongkou-2023.toml")).expect("config");
    let classifier = Classifier::new(&config);
    let mut files = cases(&root().join("fixtures/classify"));
    files.extend(cases(&root().join("fixtures/holdout")));
    files.extend(cases(&root().join("fixtures/holdout2")));
    let mut failures = Vec::new();
    let mut converted = 0;
    for eml in &files {
        let raw = std::fs::read(eml).unwrap();
        let Ok(mail) = themeday::parse::parse(&raw) else {
            continue;
        };
        let mut as_pdf = mail.clone();
        let mut changed = false;
        for a in &mut as_pdf.attachments {
            let is_docx = a.name.as_deref().is_some_and(|n| n.ends_with(".docx"));
            let Some(text) = a.text.clone().filter(|_| is_docx) else {
                continue;
            };
            let lines: String = text
                .lines()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            let pdf = pdf_of_text(&lines);
            let (read, no_text) =
                themeday::parse::attachment_content(Some("a.pdf"), "application/pdf", &pdf);
            assert!(no_text.is_none(), "{}: {no_text:?}", eml.display());
            assert_eq!(read.as_deref().map(str::trim_end), Some(lines.as_str()));
            a.text = read;
            a.name = a.name.as_deref().map(|n| n.replace(".docx", ".pdf"));
            a.content_type = "application/pdf".into();
            changed = true;
        }
        if !changed {
            continue;
        }
        converted += 1;
        let (a, b) = (classifier.classify(&mail), classifier.classify(&as_pdf));
        let key = |d: &themeday::classify::Decision| {
            (
                d.kind,
                d.unit.clone(),
                d.activity,
                d.activity_date,
                d.activity_end,
                d.needs_review,
            )
        };
        if key(&a) != key(&b) {
            failures.push(format!(
                "{}: {:?} vs as PDF {:?}",
                eml.file_name().unwrap().to_string_lossy(),
                key(&a),
                key(&b)
            ));
        }
    }
    assert!(converted >= 10, "only {converted} mails had a .docx");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
