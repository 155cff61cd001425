//! ToUnicode CMaps, read leniently: what a PDF font says each of its codes means.
//!
//! Producers write these maps in many layouts (with or without the PostScript prelude, one
//! entry a line or all on one, ranges to a start code or to an array); lopdf's parser accepts
//! only some. This reader goes token by token and keeps bfchar and bfrange entries, whatever
//! surrounds them. Bounded: at most 400,000 tokens, ranges of at most 65,536 codes and
//! 131,072 range entries in all.

/// A ToUnicode CMap, read token by token (bfchar and bfrange, ranges to a start or to an
/// array), whatever its layout: producers differ in what lopdf's strict parser accepts.
pub(super) fn parse_to_unicode(
    data: &[u8],
    default_len: usize,
) -> Option<(std::collections::HashMap<u32, String>, usize)> {
    #[derive(PartialEq)]
    enum Tok {
        Hex(Vec<u8>),
        Open,
        Close,
        Word(Vec<u8>),
    }
    let mut toks = Vec::new();
    let mut i = 0;
    while i < data.len() && toks.len() < 400_000 {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..].iter().position(|&b| b == b'>').map(|p| p + i)?;
                let hex: Vec<u8> = data[i + 1..end]
                    .iter()
                    .filter(|b| b.is_ascii_hexdigit())
                    .copied()
                    .collect();
                let bytes = hex
                    .chunks(2)
                    .map(|p| {
                        let s = std::str::from_utf8(p).unwrap_or("0");
                        let v = u8::from_str_radix(s, 16).unwrap_or(0);
                        if p.len() == 1 {
                            v << 4
                        } else {
                            v
                        }
                    })
                    .collect();
                toks.push(Tok::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                toks.push(Tok::Open);
                i += 1;
            }
            b']' => {
                toks.push(Tok::Close);
                i += 1;
            }
            c if c.is_ascii_alphanumeric() => {
                let end = data[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(data.len(), |p| p + i);
                toks.push(Tok::Word(data[i..end].to_vec()));
                i = end;
            }
            _ => i += 1,
        }
    }
    let text = |b: &[u8]| -> String {
        let units: Vec<u16> = b
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
            .collect();
        char::decode_utf16(units).filter_map(Result::ok).collect()
    };
    let num = |b: &[u8]| b.iter().fold(0u32, |a, x| a << 8 | *x as u32);
    let mut map = std::collections::HashMap::new();
    // Entries kept in all: a font has at most 65,536 codes; ranges past the budget are
    // ignored, so a hostile map costs at most this many insertions.
    let mut budget: usize = 1 << 17;
    let mut len = 0;
    let mut section: &[u8] = b"";
    let mut k = 0;
    while k < toks.len() {
        match &toks[k] {
            Tok::Word(w) => {
                section = match w.as_slice() {
                    b"beginbfchar" | b"beginbfrange" | b"begincodespacerange" => w.as_slice(),
                    _ => b"",
                };
                k += 1;
            }
            Tok::Hex(src) if section == b"begincodespacerange" => {
                if len == 0 {
                    len = src.len();
                }
                k += 2;
            }
            Tok::Hex(src) if section == b"beginbfchar" => {
                if let Some(Tok::Hex(dst)) = toks.get(k + 1) {
                    map.insert(num(src), text(dst));
                    len = if len == 0 { src.len() } else { len };
                }
                k += 2;
            }
            Tok::Hex(lo) if section == b"beginbfrange" => {
                let Some(Tok::Hex(hi)) = toks.get(k + 1) else {
                    break;
                };
                let (lo_n, hi_n) = (num(lo), num(hi));
                len = if len == 0 { lo.len() } else { len };
                if hi_n < lo_n || hi_n - lo_n > 65_535 {
                    k += 3;
                    continue;
                }
                match toks.get(k + 2) {
                    Some(Tok::Hex(dst)) if !dst.is_empty() => {
                        let base = text(dst);
                        let mut chars: Vec<char> = base.chars().collect();
                        let n = (hi_n - lo_n) as usize + 1;
                        if n > budget {
                            k += 3;
                            continue;
                        }
                        budget -= n;
                        for code in lo_n..=hi_n {
                            map.insert(code, chars.iter().collect());
                            if let Some(last) = chars.last_mut() {
                                *last = char::from_u32(*last as u32 + 1).unwrap_or(*last);
                            }
                        }
                        k += 3;
                    }
                    Some(Tok::Open) => {
                        let mut j = k + 3;
                        let mut code = lo_n;
                        while let Some(Tok::Hex(dst)) = toks.get(j) {
                            map.insert(code, text(dst));
                            code += 1;
                            j += 1;
                        }
                        k = j + 1;
                    }
                    _ => k += 3,
                }
            }
            _ => k += 1,
        }
    }
    if map.is_empty() {
        return None;
    }
    Some((
        map,
        if (1..=4).contains(&len) {
            len
        } else {
            default_len
        },
    ))
}
