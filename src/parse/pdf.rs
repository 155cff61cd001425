//! Text of a `.pdf` attachment: what a county bureau sends when its report is "见附件" and the
//! attachment is a PDF saved from WPS or Word.
//!
//! lopdf parses the file (bounded decompression, bounded nesting) and resolves each font's
//! encoding, including the ToUnicode CMap of the Identity-H CJK fonts WPS and Word embed; the
//! page content is walked here, operator by operator, into lines (a new line where the text
//! moves down). Fonts with a predefined GB CMap (`GBK-EUC-H`, `GB-EUC-H`) are decoded as
//! GB18030, `UniGB-UCS2-H` as UTF-16.
//!
//! Bounded in every way the input could run away: the file's size ([`MAX_PDF_BYTES`]), the
//! pages read ([`MAX_PAGES`]), each page's decompressed content ([`MAX_PAGE_CONTENT`]), the
//! operators walked, the depth of form XObjects, and the text kept; a file over 1 MiB is read on
//! a thread of its own with a deadline ([`DEADLINE`]), and every file inside `catch_unwind`, so
//! a panic or a stall inside the crate makes this one attachment unreadable, never the mail or
//! the batch. (The deadline is a safety net only: the bounds above keep real and hostile files
//! far below it.)
//!
//! A PDF with pages but no text (a scan) is [`PdfText::NoText`]: the classifier names it in
//! the reasons and sends a decision that rests on it to review.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::time::Duration;

use lopdf::{Dictionary, Document, Encoding, LoadOptions, Object, ObjectId};

use super::MAX_ATTACHMENT_TEXT;

/// A PDF larger than this is not read (its name still counts).
pub const MAX_PDF_BYTES: usize = 16 * 1024 * 1024;
/// Pages read from the start of the document: plans and reports say what matters first.
pub const MAX_PAGES: usize = 12;
/// Decompressed content of one page (and of one font's ToUnicode map).
const MAX_PAGE_CONTENT: usize = 4 * 1024 * 1024;
/// Any single stream while loading (object and cross-reference streams).
const MAX_LOAD_STREAM: usize = 8 * 1024 * 1024;
/// Content operators walked over the whole document.
const MAX_OPS: usize = 400_000;
/// Form XObjects inside form XObjects.
const MAX_FORM_DEPTH: usize = 3;
/// A PDF up to this size is read on the caller's thread: a thread costs more than the work.
const INLINE_PDF_BYTES: usize = 1024 * 1024;
/// Wall-clock limit for one PDF, a safety net behind the bounds above.
pub const DEADLINE: Duration = Duration::from_secs(10);

/// What a PDF yielded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfText {
    Text(String),
    /// Pages, but no text on them: a scan or a picture saved as PDF.
    NoText,
    /// Not read: too large, damaged, encrypted, or the reader failed (why, in Chinese).
    Unreadable(String),
}

/// The text of a PDF, bounded in size, pages, time and memory; never panics.
pub fn pdf_text(bytes: &[u8]) -> PdfText {
    if bytes.len() > MAX_PDF_BYTES {
        return PdfText::Unreadable(format!(
            "PDF 大于 {} MB，未读取",
            MAX_PDF_BYTES / (1024 * 1024)
        ));
    }
    if !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return PdfText::Unreadable("不是有效的 PDF 文件".into());
    }
    // A small file is read here (its work is bounded by the limits above); a large one on a
    // thread of its own, so the mail waits at most DEADLINE for it.
    if bytes.len() <= INLINE_PDF_BYTES {
        return std::panic::catch_unwind(|| extract(bytes))
            .unwrap_or_else(|_| PdfText::Unreadable("PDF 解析出错".into()));
    }
    let (tx, rx) = mpsc::channel();
    let data = bytes.to_vec();
    let spawned = std::thread::Builder::new()
        .name("pdf-text".into())
        .stack_size(16 * 1024 * 1024)
        .spawn(move || {
            let r = std::panic::catch_unwind(|| extract(&data));
            let _ = tx.send(r.unwrap_or_else(|_| PdfText::Unreadable("PDF 解析出错".into())));
        });
    if spawned.is_err() {
        // No thread to be had: read it here, still inside catch_unwind.
        return std::panic::catch_unwind(|| extract(bytes))
            .unwrap_or_else(|_| PdfText::Unreadable("PDF 解析出错".into()));
    }
    rx.recv_timeout(DEADLINE)
        .unwrap_or_else(|_| PdfText::Unreadable("PDF 解析超时".into()))
}

fn extract(bytes: &[u8]) -> PdfText {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_LOAD_STREAM),
        ..Default::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(d) => d,
        Err(_) => return PdfText::Unreadable("PDF 文件损坏，无法读取".into()),
    };
    if doc.is_encrypted() {
        return PdfText::Unreadable("PDF 已加密，无法读取".into());
    }
    let pages: Vec<ObjectId> = doc.page_iter().take(MAX_PAGES).collect();
    if pages.is_empty() {
        return PdfText::Unreadable("PDF 没有页面".into());
    }
    let mut w = Walker {
        doc: &doc,
        out: String::new(),
        ops: 0,
        last_y: None,
    };
    for page in pages {
        let fonts = page_fonts(&doc, page);
        let Ok(content) = doc.get_page_content_with_limit(page, MAX_PAGE_CONTENT) else {
            continue;
        };
        let xobjects = page_xobjects(&doc, page);
        w.walk(&content, &fonts, xobjects, 0);
        w.newline();
        if w.full() {
            break;
        }
    }
    let text: String = w.out.chars().take(MAX_ATTACHMENT_TEXT).collect();
    let cjk = text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    if cjk >= 2 || text.chars().filter(|c| c.is_alphanumeric()).count() >= 10 {
        PdfText::Text(text)
    } else {
        PdfText::NoText
    }
}

/// How a font's bytes become text.
enum FontCode<'a> {
    /// The font's ToUnicode CMap, read leniently here: code → text, and the code length.
    Cmap(std::collections::HashMap<u32, String>, usize),
    /// A CID font with no usable map: codes are taken as UCS-2 (UniGB-UCS2-H, and what
    /// hand-made Identity-H files often hold).
    Ucs2,
    Gb18030,
    Lopdf(Encoding<'a>),
}

impl FontCode<'_> {
    fn decode(&self, bytes: &[u8], out: &mut String) {
        // A string written as UTF-16 with its byte-order mark means what it says, whatever
        // the font (hand-made files do this).
        if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
            if rest.len() % 2 == 0 {
                let units: Vec<u16> = rest
                    .chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect();
                out.extend(char::decode_utf16(units).filter_map(Result::ok));
                return;
            }
        }
        match self {
            FontCode::Cmap(map, len) => {
                for code in bytes.chunks(*len) {
                    let c = code.iter().fold(0u32, |a, b| a << 8 | *b as u32);
                    if let Some(t) = map.get(&c) {
                        out.push_str(t);
                    }
                }
            }
            FontCode::Ucs2 => {
                let units: Vec<u16> = bytes
                    .chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect();
                let t: String = char::decode_utf16(units)
                    .filter_map(Result::ok)
                    .filter(|c| !c.is_control())
                    .collect();
                // Glyph ids read as UCS-2 come out as stray Latin letters: keep only what
                // reads as Chinese text or as numbers.
                if t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    || t.chars()
                        .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c == ' ')
                {
                    out.push_str(&t);
                }
            }
            FontCode::Gb18030 => out.push_str(&encoding_rs::GB18030.decode(bytes).0),
            FontCode::Lopdf(e) => {
                // A simple font given Chinese text as UTF-8 or GBK bytes (hand-made files): read
                // the bytes as what they are rather than as Latin letters.
                if !bytes.is_ascii() {
                    if let Ok(t) = std::str::from_utf8(bytes) {
                        out.push_str(t);
                        return;
                    }
                    let (t, _, bad) = encoding_rs::GB18030.decode(bytes);
                    if !bad && t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                        out.push_str(&t);
                        return;
                    }
                }
                let _ = e.write_to_string(bytes, out);
            }
        }
    }
}

fn font_code<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<FontCode<'a>> {
    let encoding = match font.get(b"Encoding") {
        Ok(Object::Name(n)) => n.as_slice(),
        _ => b"",
    };
    // Predefined GB CMaps lopdf leaves undecoded: the codes are GBK bytes.
    if encoding.starts_with(b"GB") && encoding.windows(3).any(|w| w == b"EUC") {
        return Some(FontCode::Gb18030);
    }
    let type0 = font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
    let to_unicode = match font.get(b"ToUnicode") {
        Ok(Object::Reference(id)) => doc.get_object(*id).ok(),
        Ok(o) => Some(o),
        Err(_) => None,
    }
    .and_then(|o| o.as_stream().ok());
    if let Some(stream) = to_unicode {
        let data = stream
            .decompressed_content_with_limit(MAX_PAGE_CONTENT)
            .unwrap_or_else(|_| stream.content.clone());
        if let Some((map, len)) = super::cmap::parse_to_unicode(&data, if type0 { 2 } else { 1 }) {
            return Some(FontCode::Cmap(map, len));
        }
    }
    if type0 {
        return Some(FontCode::Ucs2);
    }
    font.get_font_encoding_with_limit(doc, MAX_PAGE_CONTENT)
        .ok()
        .map(FontCode::Lopdf)
}

fn fonts_of<'a>(doc: &'a Document, resources: &'a Dictionary) -> BTreeMap<Vec<u8>, FontCode<'a>> {
    let mut out = BTreeMap::new();
    let Some(fonts) = deref_dict(doc, resources.get(b"Font").ok()) else {
        return out;
    };
    for (name, v) in fonts.iter() {
        if let Some(code) = deref_dict(doc, Some(v)).and_then(|f| font_code(doc, f)) {
            out.insert(name.clone(), code);
        }
    }
    out
}

fn page_fonts(doc: &Document, page: ObjectId) -> BTreeMap<Vec<u8>, FontCode<'_>> {
    let mut out = BTreeMap::new();
    if let Ok(fonts) = doc.get_page_fonts(page) {
        for (name, f) in fonts {
            if let Some(code) = font_code(doc, f) {
                out.insert(name, code);
            }
        }
    }
    out
}

fn page_xobjects(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let (direct, ids) = doc.get_page_resources(page).ok()?;
    direct
        .into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .find_map(|r| deref_dict(doc, r.get(b"XObject").ok()))
}

fn deref_dict<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Dictionary> {
    match o? {
        Object::Dictionary(d) => Some(d),
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        _ => None,
    }
}

fn number(o: Option<&Object>) -> Option<f32> {
    match o? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

struct Walker<'a> {
    doc: &'a Document,
    out: String,
    ops: usize,
    last_y: Option<f32>,
}

impl<'a> Walker<'a> {
    fn full(&self) -> bool {
        self.out.len() > MAX_ATTACHMENT_TEXT * 4 || self.ops > MAX_OPS
    }

    fn newline(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// A move to `y`: a new line when the text went down or up.
    fn move_to(&mut self, y: f32) {
        if self.last_y.is_some_and(|l| (l - y).abs() > 1.0) {
            self.newline();
        }
        self.last_y = Some(y);
    }

    fn walk(
        &mut self,
        content: &[u8],
        fonts: &BTreeMap<Vec<u8>, FontCode<'a>>,
        xobjects: Option<&'a Dictionary>,
        depth: usize,
    ) {
        let Ok(ops) = lopdf::content::Content::decode(content) else {
            return;
        };
        let mut font: Option<&FontCode> = None;
        // Text line matrix: only its vertical position matters here.
        let mut y = 0.0f32;
        for op in &ops.operations {
            self.ops += 1;
            if self.full() {
                return;
            }
            let o = &op.operands;
            match op.operator.as_str() {
                "BT" => y = 0.0,
                "ET" => {}
                "Tf" => {
                    font = o
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|n| fonts.get(n))
                }
                "Td" | "TD" => {
                    let dy = number(o.get(1)).unwrap_or(0.0);
                    y += dy;
                    if dy != 0.0 {
                        self.newline();
                    }
                    self.last_y = Some(y);
                }
                "Tm" => {
                    y = number(o.get(5)).unwrap_or(0.0);
                    self.move_to(y);
                }
                "T*" => self.newline(),
                "Tj" | "'" | "\"" | "TJ" => {
                    if matches!(op.operator.as_str(), "'" | "\"") {
                        self.newline();
                    }
                    let Some(f) = font else { continue };
                    let shown = if op.operator == "\"" {
                        o.get(2)
                    } else {
                        o.first()
                    };
                    match shown {
                        Some(Object::String(s, _)) => f.decode(s, &mut self.out),
                        Some(Object::Array(items)) => {
                            for it in items {
                                match it {
                                    Object::String(s, _) => f.decode(s, &mut self.out),
                                    // A wide gap between Latin words reads as a space.
                                    n if number(Some(n)).is_some_and(|v| v < -250.0)
                                        && self
                                            .out
                                            .ends_with(|c: char| c.is_ascii_alphanumeric()) =>
                                    {
                                        self.out.push(' ')
                                    }
                                    _ => {}
                                }
                            }
                        }
                        _ => {}
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    let Some(name) = o.first().and_then(|n| n.as_name().ok()) else {
                        continue;
                    };
                    let Some(stream) = xobjects
                        .and_then(|x| x.get(name).ok())
                        .and_then(|r| match r {
                            Object::Reference(id) => self.doc.get_object(*id).ok(),
                            other => Some(other),
                        })
                        .and_then(|s| s.as_stream().ok())
                    else {
                        continue;
                    };
                    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
                        continue;
                    }
                    let Ok(inner) = stream
                        .decompressed_content_with_limit(MAX_PAGE_CONTENT)
                        .or_else(|_| Ok::<_, ()>(stream.content.clone()))
                    else {
                        continue;
                    };
                    let res = deref_dict(self.doc, stream.dict.get(b"Resources").ok());
                    let own_fonts = res.map(|r| fonts_of(self.doc, r)).unwrap_or_default();
                    let inner_fonts = if own_fonts.is_empty() {
                        None
                    } else {
                        Some(own_fonts)
                    };
                    let inner_x = res.and_then(|r| deref_dict(self.doc, r.get(b"XObject").ok()));
                    self.newline();
                    match &inner_fonts {
                        Some(f) => self.walk(&inner, f, inner_x, depth + 1),
                        None => self.walk(&inner, fonts, inner_x, depth + 1),
                    }
                    self.newline();
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF of `objects` (numbered from 1; object 1 the catalog) with a correct xref.
    fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
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

    fn stream(data: &[u8]) -> Vec<u8> {
        let mut s = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
        s.extend_from_slice(data);
        s.extend_from_slice(b"\nendstream");
        s
    }

    /// A ToUnicode CMap as WPS and Word write it.
    const CMAP: &str = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
            /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
            1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
            3 beginbfchar\n<0003> <6D1E>\n<0004> <53E3>\n<0005> <53BF>\nendbfchar\n\
            2 beginbfrange\n<0010> <0012> [<6C34> <5229> <5C40>]\n<0030> <0039> <0030>\nendbfrange\n\
            endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

    /// One page whose font is Type0/Identity-H with a ToUnicode CMap (bfchar and bfrange).
    fn identity_h(content: &str) -> Vec<u8> {
        with_cmap(content, CMAP)
    }

    fn with_cmap(content: &str, cmap: &str) -> Vec<u8> {
        pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
            stream(content.as_bytes()),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".to_vec(),
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>".to_vec(),
            stream(cmap.as_bytes()),
        ])
    }

    #[test]
    fn identity_h_with_tounicode_reads_cjk_in_lines() {
        // 洞口县 (bfchar), 水利局 (a bfrange to an array) and digits (a bfrange), on three lines.
        let content = "BT /F1 16 Tf 1 0 0 1 90 770 Tm <000300040005> Tj 0 -28 Td [<0010> -20 <0011>] TJ <0012> Tj ET\n\
                       BT 1 0 0 1 90 700 Tm <00320030> Tj ET";
        let PdfText::Text(t) = pdf_text(&identity_h(content)) else {
            panic!("no text");
        };
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines, ["洞口县", "水利局", "20"], "{t:?}");
    }

    #[test]
    fn a_loosely_written_cmap_and_a_cid_font_without_one() {
        // A CMap on one line without the usual prelude (hand-made files write them so).
        let loose = with_cmap(
            "BT /F1 12 Tf 72 700 Td <00030004000500100011> Tj ET",
            "begincmap 3 beginbfchar <0003> <6D1E> <0004> <53E3> <0005> <53BF> endbfchar \
             1 beginbfrange <0010> <0012> [<6C34> <5229> <5C40>] endbfrange endcmap",
        );
        let PdfText::Text(t) = pdf_text(&loose) else {
            panic!("no text from a loose CMap");
        };
        assert!(t.contains("洞口县水利"), "{t:?}");
        // No ToUnicode, codes are the characters' UCS-2.
        let ucs2 = pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
            stream(b"BT /F1 12 Tf 72 700 Td <6D1E53E353BF60C551B562A5544A> Tj ET"),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [] >>".to_vec(),
        ]);
        assert_eq!(pdf_text(&ucs2), PdfText::Text("洞口县情况报告\n".into()));
    }

    #[test]
    fn a_simple_font_given_utf8_or_gbk_bytes() {
        for (bytes, want) in [
            ("洞口县水利局 2023".as_bytes().to_vec(), "洞口县水利局 2023"),
            (
                encoding_rs::GBK.encode("情况报告").0.into_owned(),
                "情况报告",
            ),
        ] {
            let mut content = b"BT /F1 12 Tf 72 700 Td (".to_vec();
            content.extend_from_slice(&bytes);
            content.extend_from_slice(b") Tj ET");
            let p = pdf(&[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
                stream(&content),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
            ]);
            assert_eq!(pdf_text(&p), PdfText::Text(format!("{want}\n")));
        }
    }

    #[test]
    fn image_only_pages_are_no_text() {
        let p = pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
            stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
            {
                let mut s = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n".to_vec();
                s.extend_from_slice(&[0, 255, 255, 0]);
                s.extend_from_slice(b"\nendstream");
                s
            },
        ]);
        assert_eq!(pdf_text(&p), PdfText::NoText);
    }

    #[test]
    fn garbage_too_big_and_damaged_are_unreadable() {
        assert!(matches!(pdf_text(b"not a pdf"), PdfText::Unreadable(_)));
        assert!(matches!(
            pdf_text(b"%PDF-1.4\n1 0 obj << /Type"),
            PdfText::Unreadable(_)
        ));
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(MAX_PDF_BYTES + 1, b' ');
        assert!(matches!(pdf_text(&big), PdfText::Unreadable(w) if w.contains("MB")));
    }

    #[test]
    fn a_form_that_draws_itself_stops() {
        // Form XObject 5 draws itself: the walk stops at MAX_FORM_DEPTH.
        let p = pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
            stream(b"/X Do"),
            {
                let body = b"/X Do /X Do";
                let mut s = format!("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >> /Length {} >>\nstream\n", body.len()).into_bytes();
                s.extend_from_slice(body);
                s.extend_from_slice(b"\nendstream");
                s
            },
        ]);
        assert_eq!(pdf_text(&p), PdfText::NoText);
    }
}
