//! Text from attachments: `.docx` (ZIP + WordprocessingML), `.pdf` (see `pdf`), plain text
//! and HTML, and a best-effort reading of legacy binary `.doc` / `.wps` files, whose text Word
//! and WPS store as UTF-16LE runs. Images are not read (no OCR); a picture, or a PDF without
//! text (a scan), is noted as such, so the classifier can say a decision rests on it.

use std::io::Read;

use super::MAX_ATTACHMENT_TEXT;

/// At most this much of a .docx's document.xml (decompressed) is read: a zip bomb guard. A
/// plan's first pages, which say what matters, sit well inside it.
const MAX_DOCX_XML: u64 = 8 * 1024 * 1024;

pub fn attachment_text(name: Option<&str>, content_type: &str, bytes: &[u8]) -> Option<String> {
    attachment_content(name, content_type, bytes).0
}

/// Image formats a scanned page or a photo comes in.
const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "heic", "webp",
];

/// An attachment's text and, when it is a PDF or a picture that yields none, why not (in
/// Chinese, for the reasons the office reads).
pub fn attachment_content(
    name: Option<&str>,
    content_type: &str,
    bytes: &[u8],
) -> (Option<String>, Option<String>) {
    let ext = name
        .and_then(|n| n.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()))
        .unwrap_or_default();
    if ext == "pdf" || (ext.is_empty() && content_type == "application/pdf") {
        return match super::pdf::pdf_text(bytes) {
            super::pdf::PdfText::Text(t) if t.chars().any(|c| !c.is_whitespace()) => {
                (Some(t), None)
            }
            super::pdf::PdfText::Text(_) | super::pdf::PdfText::NoText => {
                (None, Some("PDF 无可提取的文字（扫描件）".into()))
            }
            super::pdf::PdfText::Unreadable(why) => (None, Some(why)),
        };
    }
    if IMAGE_EXTENSIONS.contains(&ext.as_str())
        || (ext.is_empty() && content_type.starts_with("image/"))
    {
        return (None, Some("图片，无可提取的文字".into()));
    }
    (plain_attachment_text(&ext, content_type, bytes), None)
}

fn plain_attachment_text(ext: &str, content_type: &str, bytes: &[u8]) -> Option<String> {
    let text = match ext {
        "docx" | "docm" | "wpt" => docx_text(bytes),
        "doc" | "wps" => legacy_doc_text(bytes),
        "txt" => Some(decode_text(bytes)),
        "htm" | "html" => Some(mail_parser::decoders::html::html_to_text(&decode_text(
            bytes,
        ))),
        _ if content_type.contains("wordprocessingml") => docx_text(bytes),
        _ if content_type == "text/plain" => Some(decode_text(bytes)),
        _ if content_type == "application/msword" => legacy_doc_text(bytes),
        _ => None,
    }?;
    let text: String = text.chars().take(MAX_ATTACHMENT_TEXT).collect();
    if text.trim().is_empty() {
        None
    } else {
        Some(text)
    }
}

fn decode_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.trim_start_matches('\u{feff}').to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// Paragraph text of a .docx: `<w:t>` runs joined, `</w:p>` as line breaks, tabs and breaks
/// kept. Runs that split a word (Word does this around spell-check and revision marks) are
/// joined without spaces, as Word shows them.
pub fn docx_text(bytes: &[u8]) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let xml;
    {
        let file = zip.by_name("word/document.xml").ok()?;
        // The declared size can lie: read at most the limit, whatever it says. A cut in the
        // middle of a UTF-8 sequence is decoded lossily.
        let mut bytes = Vec::new();
        file.take(MAX_DOCX_XML).read_to_end(&mut bytes).ok()?;
        xml = String::from_utf8_lossy(&bytes).into_owned();
    }
    Some(wordml_text(&xml))
}

fn wordml_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        if out.len() > MAX_ATTACHMENT_TEXT * 4 {
            break;
        }
        let Some(gt_rel) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt_rel];
        let after = &rest[lt + gt_rel + 1..];
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match name {
            "w:t" if !tag.ends_with('/') => {
                let end = after.find("</w:t>").unwrap_or(after.len());
                out.push_str(&unescape_xml(&after[..end]));
                rest = &after[end..];
                continue;
            }
            "w:tab" => out.push('\t'),
            "w:br" | "w:cr" => out.push('\n'),
            _ => {}
        }
        if tag == "/w:p" {
            out.push('\n');
        }
        rest = after;
    }
    out
}

fn unescape_xml(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let Some(semi) = tail.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") => u32::from_str_radix(&ent[2..], 16)
                .ok()
                .and_then(char::from_u32),
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Legacy Word/WPS binaries keep their text as UTF-16LE. Collect runs of at least four
/// characters that are CJK, CJK punctuation, or printable ASCII with at least one CJK
/// character: enough for the classifier to find the unit, theme and dates.
fn legacy_doc_text(bytes: &[u8]) -> Option<String> {
    if !bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return None;
    }
    let mut out = String::new();
    let mut run = String::new();
    let mut cjk = 0;
    let flush = |run: &mut String, cjk: &mut usize, out: &mut String| {
        if run.chars().count() >= 4 && *cjk >= 2 {
            out.push_str(run.trim());
            out.push('\n');
        }
        run.clear();
        *cjk = 0;
    };
    for pair in bytes.chunks_exact(2) {
        let u = u16::from_le_bytes([pair[0], pair[1]]) as u32;
        let c = char::from_u32(u);
        match c {
            Some(c) if is_cjk(c) => {
                run.push(c);
                cjk += 1;
            }
            Some(c) if (' '..='~').contains(&c) || c == '\u{3000}' => run.push(c),
            Some('\r') | Some('\n') if !run.is_empty() => run.push('\n'),
            _ => flush(&mut run, &mut cjk, &mut out),
        }
        if out.len() > MAX_ATTACHMENT_TEXT * 3 {
            break;
        }
    }
    flush(&mut run, &mut cjk, &mut out);
    Some(out)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2018..=0x201D)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordml_runs_and_paragraphs() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>洞口县</w:t></w:r><w:r><w:t xml:space="preserve">水利局</w:t></w:r></w:p><w:p><w:r><w:t>A&amp;B</w:t><w:tab/><w:t>4月21日</w:t></w:r></w:p></w:body></w:document>"#;
        let t = wordml_text(xml);
        assert!(t.contains("洞口县水利局\n"), "{t:?}");
        assert!(t.contains("A&B\t4月21日"), "{t:?}");
    }

    #[test]
    fn legacy_doc_utf16_runs() {
        let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0];
        for u in "活动方案：县水利局".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        b.extend_from_slice(&[0, 0, 1, 0]);
        let t = legacy_doc_text(&b).unwrap();
        assert!(t.contains("活动方案：县水利局"), "{t:?}");
    }

    #[test]
    fn not_a_zip_is_none() {
        assert!(docx_text(b"not a zip").is_none());
    }
}
