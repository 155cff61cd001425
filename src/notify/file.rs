//! File transport: each message is written as `<dir>/<message-id>.eml` (atomically), the
//! embedded default and the offline stand-in in tests. Writing the same message again
//! rewrites the same file, so a retried send never makes a second copy. The directory is
//! created 0700 and every file 0600, whatever the umask: the mail names units and people.

use std::io::Write;
use std::path::PathBuf;

use super::{SendError, Transport};
use crate::error::{Error, Result};

pub struct FileTransport {
    dir: PathBuf,
}

impl FileTransport {
    pub fn new(dir: PathBuf) -> Result<FileTransport> {
        crate::store::create_private_dir(&dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
        Ok(FileTransport { dir })
    }

    pub fn file_name(id: &str) -> String {
        let clean: String = id
            .trim_matches(|c| c == '<' || c == '>')
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("{clean}.eml")
    }
}

impl Transport for FileTransport {
    fn send_raw(
        &mut self,
        from: &str,
        to: &[String],
        raw: &[u8],
        id: &str,
    ) -> std::result::Result<(), SendError> {
        let path = self.dir.join(Self::file_name(id));
        let tmp = self.dir.join(format!(".{}.tmp", Self::file_name(id)));
        let write = || -> std::io::Result<()> {
            let mut f = crate::store::create_private_file(&tmp)?;
            // The envelope, as a sendmail-style header a mail client ignores.
            writeln!(f, "X-Envelope-From: {from}\r")?;
            writeln!(f, "X-Envelope-To: {}\r", to.join(", "))?;
            f.write_all(raw)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        };
        write().map_err(|e| SendError::Transient(format!("{}: {e}", path.display())))
    }
}
