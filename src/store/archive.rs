//! The raw-mail archive: content hash, writing a mail's bytes to `<dir>/<hash[..2]>/<hash>.eml`,
//! and making written files durable.
//!
//! Invariants:
//! - a file is named by the SHA-256 of its bytes, and a file counts only when it has the full
//!   length (a short file left by a crash is written again);
//! - a file appears under its final name only by rename from a temporary file, so a reader
//!   never sees half a mail under the final name;
//! - outside a batch a file is fsynced before its rename (`durable`); inside a batch the
//!   store makes the batch's files durable together with [`sync_files`] before it commits;
//! - mail holds personal data: every file is created 0600 and every directory 0700, whatever
//!   the umask ([`create_private_dir`], [`create_private_file`]).
//!
//! This room does no SQL and does not touch the `Store`: it only knows directories and bytes,
//! so it can run on any thread, before the mail is recorded.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// `create_dir_all` with every directory it creates made 0700 (owner only). Directories that
/// exist already keep their mode.
pub fn create_private_dir(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(path)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(path)
    }
}

/// Creates (or truncates) a file readable and writable by the owner only (0600).
pub fn create_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

pub fn content_hash(raw: &[u8]) -> String {
    hex::encode(Sha256::digest(raw))
}

/// Writes `raw` as `<dir>/<hash[..2]>/<hash>.eml` (temporary file, rename) unless a file of
/// that length is there already; `durable` fsyncs it before the rename. Returns the path and
/// whether this call wrote it. Safe to call from several threads at once.
pub fn write_archive(
    archive_dir: &Path,
    hash: &str,
    raw: &[u8],
    durable: bool,
) -> Result<(PathBuf, bool)> {
    let dir = archive_dir.join(&hash[..2]);
    let path = dir.join(format!("{hash}.eml"));
    // A file left by a batch that crashed before its sync may be short after a power cut:
    // only a file of the right length counts (and a batch syncs it again before committing).
    if std::fs::metadata(&path).is_ok_and(|m| m.len() == raw.len() as u64) {
        return Ok((path, false));
    }
    let werr = |source| Error::Write {
        path: path.clone(),
        source,
    };
    create_private_dir(&dir).map_err(werr)?;
    static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{hash}.{}.{seq}.tmp", std::process::id()));
    let written = (|| {
        let f = write_direct(&tmp, raw).or_else(|_| -> std::io::Result<std::fs::File> {
            let mut f = create_private_file(&tmp)?;
            f.write_all(raw)?;
            Ok(f)
        })?;
        if durable {
            f.sync_all()?;
        }
        std::fs::rename(&tmp, &path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(werr(e));
    }
    Ok((path, true))
}

/// Writes a new file with O_DIRECT, bypassing the page cache: on this project's machine a
/// buffered write of a new file costs more CPU than parsing the mail (the kernel allocates
/// and fills a page-cache page per 4 KiB), and the data is on the device when this returns,
/// so the batch's sync has only metadata left to flush. Chunks of 1 MiB go through one
/// aligned buffer per thread; the padded tail is cut off with `set_len`. Any error (a file
/// system without O_DIRECT says EINVAL) makes the caller write the file the ordinary way.
#[cfg(target_os = "linux")]
fn write_direct(path: &Path, raw: &[u8]) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::{FileExt, OpenOptionsExt};
    const ALIGN: usize = 4096;
    const CHUNK: usize = 1 << 20;
    struct Aligned(*mut u8);
    impl Drop for Aligned {
        fn drop(&mut self) {
            // SAFETY: allocated in `with` below with exactly this layout.
            unsafe {
                std::alloc::dealloc(
                    self.0,
                    std::alloc::Layout::from_size_align(CHUNK, ALIGN).expect("layout"),
                )
            }
        }
    }
    thread_local! {
        static BUF: std::cell::RefCell<Option<Aligned>> = const { std::cell::RefCell::new(None) };
    }
    if raw.len() < 64 * 1024 {
        // Small files gain nothing; a plain write is one copy of a few pages.
        return Err(std::io::Error::from(std::io::ErrorKind::Unsupported));
    }
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_DIRECT)
        .open(path)?;
    let done = BUF.with(|cell| -> std::io::Result<()> {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let layout = std::alloc::Layout::from_size_align(CHUNK, ALIGN).expect("layout");
            // SAFETY: the layout has a non-zero size.
            let p = unsafe { std::alloc::alloc(layout) };
            if p.is_null() {
                return Err(std::io::Error::from(std::io::ErrorKind::OutOfMemory));
            }
            *cell = Some(Aligned(p));
        }
        let buf = cell.as_ref().expect("allocated").0;
        for (i, chunk) in raw.chunks(CHUNK).enumerate() {
            let padded = chunk.len().div_ceil(ALIGN) * ALIGN;
            // SAFETY: `buf` holds CHUNK bytes, and chunk.len() <= padded <= CHUNK.
            let dst = unsafe { std::slice::from_raw_parts_mut(buf, padded) };
            dst[..chunk.len()].copy_from_slice(chunk);
            dst[chunk.len()..].fill(0);
            f.write_all_at(dst, (i * CHUNK) as u64)?;
        }
        Ok(())
    });
    if let Err(e) = done.and_then(|()| f.set_len(raw.len() as u64)) {
        drop(f);
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(f)
}

#[cfg(not(target_os = "linux"))]
fn write_direct(_path: &Path, _raw: &[u8]) -> std::io::Result<std::fs::File> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Makes `files` (and their directory entries) durable: one `syncfs` of the archive's file
/// system on Linux, an fsync of each file and directory elsewhere.
pub(super) fn sync_files(archive_dir: &Path, files: &[PathBuf]) -> Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let dir = std::fs::File::open(archive_dir).map_err(|source| Error::Write {
            path: archive_dir.to_path_buf(),
            source,
        })?;
        // SAFETY: syncfs only reads the descriptor, which `dir` keeps open for the call.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(Error::Write {
                path: archive_dir.to_path_buf(),
                source: std::io::Error::last_os_error(),
            });
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let mut dirs = std::collections::BTreeSet::new();
        for f in files {
            let werr = |source| Error::Write {
                path: f.clone(),
                source,
            };
            std::fs::File::open(f)
                .and_then(|h| h.sync_all())
                .map_err(werr)?;
            if let Some(d) = f.parent() {
                dirs.insert(d.to_path_buf());
            }
        }
        for d in dirs {
            // Directories cannot be fsynced everywhere (Windows); the files are.
            if let Ok(h) = std::fs::File::open(&d) {
                let _ = h.sync_all();
            }
        }
        let _ = archive_dir;
        Ok(())
    }
}
