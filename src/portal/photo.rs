//! Photos for the public portal without what the camera wrote into them: EXIF (GPS position,
//! camera, time), XMP, IPTC, comments, and in a JPEG the images a phone appends after the
//! main one (MPF thumbnails and depth maps, each with its own EXIF). The pixels are kept as
//! they are (no re-encoding); a JPEG keeps only its EXIF orientation, in a new EXIF block of
//! that one tag, so a photo taken upright still shows upright.
//!
//! JPEG and PNG are published; any other format (GIF, HEIC, WebP, …) is not, since its
//! metadata cannot be vouched for. Pure: bytes in, bytes out.

use img_parts::jpeg::{markers, Jpeg, JpegSegment};
use img_parts::png::Png;
use img_parts::{Bytes, ImageEXIF};

/// A photo fit to publish, and what was taken out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanPhoto {
    pub bytes: Vec<u8>,
    pub ext: &'static str,
    /// What was removed, in words for the office (`EXIF（含拍摄位置）`, `XMP`, …).
    pub removed: Vec<&'static str>,
}

/// What became of an attachment that is an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Photo {
    Clean(CleanPhoto),
    /// Not published, and why (in words for the office).
    Skipped(String),
}

/// The image format an attachment is, by content type or name; `None` for a non-image.
pub fn image_kind(content_type: &str, name: &str) -> Option<&'static str> {
    let ct = content_type.to_ascii_lowercase();
    let name = name.to_lowercase();
    if ct == "image/jpeg" || ct == "image/jpg" || name.ends_with(".jpg") || name.ends_with(".jpeg")
    {
        Some("jpg")
    } else if ct == "image/png" || name.ends_with(".png") {
        Some("png")
    } else if ct.starts_with("image/")
        || [".gif", ".heic", ".webp", ".bmp", ".tif", ".tiff"]
            .iter()
            .any(|e| name.ends_with(e))
    {
        Some("other")
    } else {
        None
    }
}

/// Cleans one image; `kind` from [`image_kind`].
pub fn clean(kind: &str, bytes: &[u8]) -> Photo {
    match kind {
        "jpg" => clean_jpeg(bytes),
        "png" => clean_png(bytes),
        _ => Photo::Skipped("非 JPEG/PNG 格式，无法确认不含拍摄位置等信息，未发布".into()),
    }
}

/// The EXIF orientation (1–8) in a TIFF block, if it says one.
fn orientation(tiff: &[u8]) -> Option<u16> {
    let big = match tiff.get(..4)? {
        b"MM\0*" => true,
        b"II*\0" => false,
        _ => return None,
    };
    let u16_at = |i: usize| -> Option<u16> {
        let b: [u8; 2] = tiff.get(i..i + 2)?.try_into().ok()?;
        Some(if big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let u32_at = |i: usize| -> Option<u32> {
        let b: [u8; 4] = tiff.get(i..i + 4)?.try_into().ok()?;
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let ifd = u32_at(4)? as usize;
    let n = u16_at(ifd)? as usize;
    (0..n.min(512)).find_map(|k| {
        let e = ifd + 2 + 12 * k;
        (u16_at(e)? == 0x0112 && u16_at(e + 2)? == 3)
            .then(|| u16_at(e + 8))
            .flatten()
            .filter(|o| (1..=8).contains(o))
    })
}

/// An EXIF block (TIFF, big-endian) holding only the orientation.
fn orientation_only(o: u16) -> Vec<u8> {
    let mut t = Vec::with_capacity(26);
    t.extend_from_slice(b"MM\0*");
    t.extend_from_slice(&8u32.to_be_bytes());
    t.extend_from_slice(&1u16.to_be_bytes());
    t.extend_from_slice(&0x0112u16.to_be_bytes());
    t.extend_from_slice(&3u16.to_be_bytes());
    t.extend_from_slice(&1u32.to_be_bytes());
    t.extend_from_slice(&o.to_be_bytes());
    t.extend_from_slice(&[0, 0]);
    t.extend_from_slice(&0u32.to_be_bytes());
    t
}

/// Metadata segments: APP1 (EXIF, XMP), APP3–APP13 (IPTC and vendors'), APP15, comments;
/// an APP2 other than an ICC profile (MPF, which points at the appended images).
fn is_metadata(marker: u8, contents: &[u8]) -> bool {
    match marker {
        markers::APP1 | markers::APP15 | markers::COM => true,
        markers::APP2 => !contents.starts_with(b"ICC_PROFILE\0"),
        m => (markers::APP3..=markers::APP13).contains(&m),
    }
}

/// The scan data of a JPEG up to and including the EOI of the main image: whatever follows
/// (appended images) is dropped, and so is any metadata segment between scans.
fn main_image_scans(entropy: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(entropy.len());
    let mut i = 0;
    while i < entropy.len() {
        let b = entropy[i];
        if b != 0xFF {
            out.push(b);
            i += 1;
            continue;
        }
        let m = *entropy.get(i + 1)?;
        match m {
            // Stuffed byte, restart markers, fill bytes: part of the scan.
            0x00 | 0xD0..=0xD7 | 0xFF => {
                out.push(b);
                i += 1;
            }
            markers::EOI => {
                out.extend_from_slice(&[0xFF, markers::EOI]);
                return Some(out);
            }
            _ => {
                // A segment between scans (progressive JPEG: DHT, SOS, …).
                let len = u16::from_be_bytes(entropy.get(i + 2..i + 4)?.try_into().ok()?) as usize;
                let end = i + 2 + len;
                let seg = entropy.get(i..end)?;
                if !is_metadata(m, &seg[4..]) {
                    out.extend_from_slice(seg);
                }
                i = end;
            }
        }
    }
    None
}

/// Markers followed by a length (all but RSTn, SOI, EOI and TEM).
fn has_length(m: u8) -> bool {
    matches!(m, 0xC0..=0xCF | 0xDA..=0xDF | 0xE0..=0xEF | 0xF0..=0xFE)
}

/// Where the scan data after the first SOS segment starts, walking the segments as
/// `Jpeg::from_bytes` does.
fn scan_start(b: &[u8]) -> Option<usize> {
    let mut i = 2;
    loop {
        while *b.get(i)? != 0xFF {
            i += 1;
        }
        while *b.get(i)? == 0xFF {
            i += 1;
        }
        let m = b[i];
        i += 1;
        if m == markers::EOI {
            return None;
        }
        if !has_length(m) {
            continue;
        }
        let len = u16::from_be_bytes(b.get(i..i + 2)?.try_into().ok()?) as usize;
        let end = i + len;
        if m == markers::SOS {
            return (end <= b.len()).then_some(end);
        }
        i = end;
    }
}

fn clean_jpeg(bytes: &[u8]) -> Photo {
    let Ok(mut jpeg) = Jpeg::from_bytes(Bytes::copy_from_slice(bytes)) else {
        return Photo::Skipped("JPEG 文件无法解析，未发布".into());
    };
    let mut removed = Vec::new();
    let exif = jpeg.exif();
    let turn = exif.as_deref().and_then(orientation).filter(|o| *o != 1);
    if exif.is_some() {
        removed.push("EXIF（拍摄位置、设备、时间等）");
    }
    let segments = jpeg.segments_mut();
    let mut other = false;
    segments.retain(|s| {
        let meta = is_metadata(s.marker(), s.contents());
        let is_exif = s.marker() == markers::APP1 && s.contents().starts_with(b"Exif\0\0");
        other |= meta && !is_exif;
        !meta
    });
    if other {
        removed.push("XMP/IPTC/注释等元数据");
    }
    // The scans of the main image, without what a phone appends after it.
    if let Some(last) = segments.last_mut().filter(|s| s.marker() == markers::SOS) {
        let Some(entropy) = scan_start(bytes).map(|i| &bytes[i..]) else {
            return Photo::Skipped("JPEG 文件不完整，未发布".into());
        };
        let Some(scans) = main_image_scans(entropy) else {
            return Photo::Skipped("JPEG 文件不完整，未发布".into());
        };
        if scans.len() < entropy.len() {
            removed.push("附加图像（缩略图等）");
        }
        *last = JpegSegment::new_with_entropy(markers::SOS, last.contents().clone(), scans.into());
    }
    if let Some(o) = turn {
        jpeg.set_exif(Some(orientation_only(o).into()));
    }
    Photo::Clean(CleanPhoto {
        bytes: jpeg.encoder().bytes().to_vec(),
        ext: "jpg",
        removed,
    })
}

fn clean_png(bytes: &[u8]) -> Photo {
    let Ok(mut png) = Png::from_bytes(Bytes::copy_from_slice(bytes)) else {
        return Photo::Skipped("PNG 文件无法解析，未发布".into());
    };
    let mut removed = Vec::new();
    for (kind, what) in [
        (*b"eXIf", "EXIF（拍摄位置、设备、时间等）"),
        (*b"tEXt", "文字注释"),
        (*b"zTXt", "文字注释"),
        (*b"iTXt", "文字注释"),
        (*b"tIME", "修改时间"),
    ] {
        if png.chunk_by_type(kind).is_some() {
            png.remove_chunks_by_type(kind);
            if !removed.contains(&what) {
                removed.push(what);
            }
        }
    }
    Photo::Clean(CleanPhoto {
        bytes: png.encoder().bytes().to_vec(),
        ext: "png",
        removed,
    })
}
