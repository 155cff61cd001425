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
//! operators walked, the depth of form XObjects, and the text kept; the crate runs on a thread
//! of its own with a deadline ([`DEADLINE`]) and inside `catch_unwind`, so a panic or a stall
//! inside it makes this one attachment unreadable, never the mail or the batch. (The deadline
//! is a safety net only: the bounds above keep real and hostile files far below it.)
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
const MAX_LOAD_STREAM: usize = 32 * 1024 * 1024;
/// Content operators walked over the whole document.
const MAX_OPS: usize = 400_000;
/// Form XObjects inside form XObjects.
const MAX_FORM_DEPTH: usize = 3;
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
    if text.chars().any(|c| c.is_alphanumeric()) {
        PdfText::Text(text)
    } else {
        PdfText::NoText
    }
}

/// How a font's bytes become text.
enum FontCode<'a> {
    Lopdf(Encoding<'a>),
    Gb18030,
}

impl FontCode<'_> {
    fn decode(&self, bytes: &[u8], out: &mut String) {
        match self {
            FontCode::Lopdf(e) => {
                let _ = e.write_to_string(bytes, out);
            }
            FontCode::Gb18030 => out.push_str(&encoding_rs::GB18030.decode(bytes).0),
        }
    }
}

fn font_code<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<FontCode<'a>> {
    // Predefined GB CMaps lopdf leaves undecoded: the codes are GBK bytes.
    if let Ok(Object::Name(n)) = font.get(b"Encoding") {
        if n.starts_with(b"GB") && n.windows(3).any(|w| w == b"EUC") {
            return Some(FontCode::Gb18030);
        }
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
