//! One daemon per store: `run` and `poll` hold an exclusive `flock` on `<database>.lock`, next
//! to the database, for the life of the process. A second one on the same store stops at once
//! with a message naming the lock file and the process that holds it, instead of racing the
//! first for SQLite's write lock ("database is locked") and sending mail twice.
//!
//! The kernel releases the lock when the process ends, however it ends (a `kill -9` or a crash
//! included), so a stale lock file never blocks a restart. The file holds the holder's pid, for
//! the message only.
//!
//! This room does no SQL; the other commands (`status`, `review`, `assign`, …) take no lock.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::archive::create_private_dir;
use crate::error::{Error, Result};

/// The held lock; dropping it releases it.
#[derive(Debug)]
pub struct StoreLock {
    _file: std::fs::File,
    path: PathBuf,
}

impl StoreLock {
    /// The lock file of a database: `<database>.lock` beside it.
    pub fn path_for(database: &Path) -> PathBuf {
        let mut name = database.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        database.with_file_name(name)
    }

    /// Takes the store's lock, or says who holds it.
    pub fn acquire(database: &Path) -> Result<StoreLock> {
        let path = Self::path_for(database);
        let werr = |source| Error::Write {
            path: path.clone(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir).map_err(werr)?;
        }
        let mut o = std::fs::OpenOptions::new();
        o.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o600);
        }
        let mut file = o.open(&path).map_err(werr)?;
        if !try_lock(&file).map_err(werr)? {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            let holder = match text.trim() {
                "" => "另一个 themeday 进程".to_string(),
                pid => format!("另一个 themeday 进程（进程号 {pid}）"),
            };
            return Err(Error::Usage(format!(
                "{holder}正在使用数据库 {}（锁文件 {}）。同一个数据库同一时间只能运行一个 run 或 poll：请先停止该进程（例如 systemctl stop themeday 或 kill 进程号），再重新执行本命令。",
                database.display(),
                path.display()
            )));
        }
        file.set_len(0).map_err(werr)?;
        file.rewind().map_err(werr)?;
        writeln!(file, "{}", std::process::id()).map_err(werr)?;
        Ok(StoreLock { _file: file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// An exclusive, non-blocking `flock`; false when another open file holds it.
#[cfg(unix)]
fn try_lock(file: &std::fs::File) -> std::io::Result<bool> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock only reads the descriptor, which `file` keeps open for the call.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(e)
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &std::fs::File) -> std::io::Result<bool> {
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("t.db");
        let first = StoreLock::acquire(&db).expect("first");
        assert_eq!(first.path(), dir.path().join("t.db.lock"));
        let err = StoreLock::acquire(&db).expect_err("second").to_string();
        assert!(err.contains("t.db.lock"), "{err}");
        assert!(
            err.contains(&format!("进程号 {}", std::process::id())),
            "{err}"
        );
        drop(first);
        StoreLock::acquire(&db).expect("after the first let go");
    }
}
