//! IMAP source.
//!
//! - TLS (implicit, 993), STARTTLS, or plain for loopback tests; rustls with the Mozilla roots
//!   plus an optional private CA (the test servers' throw-away CA).
//! - Login with the authorization code; the RFC 2971 `ID` command when configured (163/126
//!   refuse SELECT without it).
//! - `EXAMINE` (read-only) and `BODY.PEEK[]`: nothing is marked \Seen, deleted or moved.
//! - Each body is fetched with its `INTERNALDATE`: the server's own record of when the mail
//!   reached the mailbox, which is the mail's received time (never the sender's `Date:`).
//! - A cursor of (UIDVALIDITY, last UID) in the store; a UIDVALIDITY change re-scans the
//!   folder, and the store's hash/Message-ID check keeps what is already recorded from being
//!   recorded or acknowledged again.
//! - Messages are fetched in batches of bounded total size; a large one (photo and video
//!   reports run to 100 MB) is fetched alone, and only when nothing else is waiting to be
//!   recorded, so at most one large message is in memory.
//! - A fetch thread runs up to 16 MiB ahead of the recorder; the recorder commits a group of
//!   batches in one store transaction when it is behind, each batch at once when it is not.
//! - IDLE when the server offers it (re-issued well before 29 minutes), polling otherwise;
//!   any connection error drops the session, and the next attempt reconnects after a capped
//!   exponential backoff.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use imap::extensions::idle::SetReadTimeout;
use rustls::pki_types::ServerName;

use super::{sleep_unless_stopped, Handler, Incoming, Source};
use crate::config::{ImapConfig, Security};
use crate::error::{Error, Result};
use crate::store::Store;

/// Batches of small messages stay under this many bytes.
const BATCH_BYTES: u64 = 4 * 1024 * 1024;
const BATCH_COUNT: usize = 100;
/// The fetcher runs at most this many bytes ahead of the recorder (a larger message alone).
const PREFETCH_BYTES: u64 = 16 * 1024 * 1024;
/// A group commit covers at most this many mails...
const GROUP_MAILS: usize = 1000;
/// ...or bytes.
const GROUP_BYTES: u64 = 64 * 1024 * 1024;
/// IDLE is re-issued after this long (RFC 2177 asks for less than 29 minutes).
pub const IDLE_REFRESH: Duration = Duration::from_secs(20 * 60);
const MAX_BACKOFF: Duration = Duration::from_secs(300);

#[derive(Debug)]
pub enum Conn {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Conn {
    fn tcp(&self) -> &TcpStream {
        match self {
            Conn::Plain(t) => t,
            Conn::Tls(s) => s.get_ref(),
        }
    }
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Conn::Plain(t) => t.read(buf),
            Conn::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Conn::Plain(t) => t.write(buf),
            Conn::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Conn::Plain(t) => t.flush(),
            Conn::Tls(s) => s.flush(),
        }
    }
}

impl SetReadTimeout for Conn {
    fn set_read_timeout(&mut self, timeout: Option<Duration>) -> imap::error::Result<()> {
        self.tcp()
            .set_read_timeout(timeout)
            .map_err(imap::error::Error::Io)
    }
}

type Session = imap::Session<Conn>;

pub struct ImapSource {
    cfg: ImapConfig,
    session: Option<Session>,
    has_idle: bool,
    failures: u32,
    /// A handle on the socket so another thread can interrupt a blocking IDLE.
    socket: Arc<Mutex<Option<TcpStream>>>,
}

impl ImapSource {
    pub fn new(cfg: ImapConfig) -> ImapSource {
        ImapSource {
            cfg,
            session: None,
            has_idle: false,
            failures: 0,
            socket: Arc::new(Mutex::new(None)),
        }
    }

    fn mailbox_key(&self) -> String {
        format!(
            "imap:{}@{}/{}",
            self.cfg.user, self.cfg.host, self.cfg.folder
        )
    }

    fn tls_config(&self) -> Result<Arc<rustls::ClientConfig>> {
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        if let Some(ca) = &self.cfg.ca_file {
            let pem = std::fs::read(ca).map_err(|source| Error::Read {
                path: ca.clone(),
                source,
            })?;
            for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
                let cert =
                    cert.map_err(|e| Error::Intake(format!("bad CA file {}: {e}", ca.display())))?;
                roots
                    .add(cert)
                    .map_err(|e| Error::Intake(format!("bad CA file {}: {e}", ca.display())))?;
            }
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::Intake(format!("TLS setup: {e}")))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(Arc::new(config))
    }

    fn wrap_tls(&self, tcp: TcpStream) -> Result<Conn> {
        let name = ServerName::try_from(self.cfg.host.clone())
            .map_err(|e| Error::Intake(format!("bad host name {}: {e}", self.cfg.host)))?;
        let conn = rustls::ClientConnection::new(self.tls_config()?, name)
            .map_err(|e| Error::Intake(format!("TLS: {e}")))?;
        let mut stream = rustls::StreamOwned::new(conn, tcp);
        // Complete the handshake now so certificate errors surface here, clearly.
        while stream.conn.is_handshaking() {
            stream.conn.complete_io(&mut stream.sock).map_err(|e| {
                Error::Intake(format!(
                    "TLS handshake with {}:{}: {e}",
                    self.cfg.host, self.cfg.port
                ))
            })?;
        }
        Ok(Conn::Tls(Box::new(stream)))
    }

    fn connect(&mut self) -> Result<()> {
        let cfg = &self.cfg;
        let addr = (cfg.host.as_str(), cfg.port)
            .to_socket_addrs()
            .map_err(|e| Error::Intake(format!("cannot resolve {}: {e}", cfg.host)))?
            .next()
            .ok_or_else(|| Error::Intake(format!("cannot resolve {}", cfg.host)))?;
        let tcp = TcpStream::connect_timeout(&addr, Duration::from_secs(30)).map_err(|e| {
            Error::Intake(format!("cannot connect to {}:{}: {e}", cfg.host, cfg.port))
        })?;
        tcp.set_read_timeout(Some(Duration::from_secs(120))).ok();
        tcp.set_write_timeout(Some(Duration::from_secs(120))).ok();
        let _ = tcp.set_nodelay(true);
        *self.socket.lock().expect("socket lock") = tcp.try_clone().ok();
        let imap_err = |what: &str, e: imap::Error| Error::Intake(format!("{what}: {e}"));
        let client = match cfg.security {
            Security::Plain => {
                let mut c = imap::Client::new(Conn::Plain(tcp));
                c.read_greeting().map_err(|e| imap_err("greeting", e))?;
                c
            }
            Security::Tls => {
                let mut c = imap::Client::new(self.wrap_tls(tcp)?);
                c.read_greeting().map_err(|e| imap_err("greeting", e))?;
                c
            }
            Security::StartTls => {
                let mut reader =
                    BufReader::new(tcp.try_clone().map_err(|e| Error::Intake(e.to_string()))?);
                let mut line = String::new();
                reader
                    .read_line(&mut line)
                    .map_err(|e| Error::Intake(format!("greeting: {e}")))?;
                let mut w = tcp.try_clone().map_err(|e| Error::Intake(e.to_string()))?;
                w.write_all(b"s1 STARTTLS\r\n")
                    .map_err(|e| Error::Intake(e.to_string()))?;
                loop {
                    line.clear();
                    if reader
                        .read_line(&mut line)
                        .map_err(|e| Error::Intake(format!("STARTTLS: {e}")))?
                        == 0
                    {
                        return Err(Error::Intake("STARTTLS: connection closed".into()));
                    }
                    if let Some(rest) = line.strip_prefix("s1 ") {
                        if !rest.starts_with("OK") {
                            return Err(Error::Intake(format!(
                                "server refused STARTTLS: {}",
                                line.trim()
                            )));
                        }
                        break;
                    }
                }
                imap::Client::new(self.wrap_tls(tcp)?)
            }
        };
        let password = cfg.secret.read()?;
        let mut session = client.login(&cfg.user, &password).map_err(|(e, _)| {
            Error::Intake(format!(
                "login as {} failed: {e} (check the authorization code)",
                cfg.user
            ))
        })?;
        if cfg.send_id {
            session
                .run_command_and_check_ok(format!(
                    "ID (\"name\" \"themeday\" \"version\" \"{}\")",
                    env!("CARGO_PKG_VERSION")
                ))
                .map_err(|e| imap_err("ID", e))?;
        }
        self.has_idle = session
            .capabilities()
            .map(|c| c.has_str("IDLE"))
            .unwrap_or(false);
        tracing::info!(host = %cfg.host, port = cfg.port, idle = self.has_idle, "IMAP connected");
        self.session = Some(session);
        self.failures = 0;
        Ok(())
    }

    fn drop_session(&mut self, why: &str) {
        if self.session.take().is_some() {
            tracing::warn!(host = %self.cfg.host, "IMAP connection lost: {why}");
        }
        self.failures = self.failures.saturating_add(1);
    }

    pub fn backoff(&self) -> Duration {
        let secs = 1u64 << self.failures.min(9);
        Duration::from_secs(secs).min(MAX_BACKOFF)
    }

    fn fetch_inner(&mut self, store: &mut Store, handle: &mut Handler<'_>) -> Result<usize> {
        if self.session.is_none() {
            self.connect()?;
        }
        let key = self.mailbox_key();
        let folder = self.cfg.folder.clone();
        let session = self.session.as_mut().expect("connected");
        let ierr = |what: &str, e: imap::Error| Error::Intake(format!("{what}: {e}"));
        let mbox = session.examine(&folder).map_err(|e| ierr("EXAMINE", e))?;
        let uidvalidity = mbox.uid_validity.unwrap_or(0);
        let (start, rescan) = match store.cursor(&key)? {
            Some((v, last)) if v == uidvalidity => (last + 1, false),
            Some((v, _)) => {
                tracing::warn!(
                    old = v,
                    new = uidvalidity,
                    "UIDVALIDITY changed: re-scanning the folder"
                );
                (1, true)
            }
            None => (1, false),
        };
        if mbox.exists == 0 {
            if rescan {
                store.set_cursor(&key, uidvalidity, 0)?;
            }
            return Ok(0);
        }
        let mut uids: Vec<u32> = session
            .uid_search(format!("UID {start}:*"))
            .map_err(|e| ierr("UID SEARCH", e))?
            .into_iter()
            .filter(|u| *u >= start)
            .collect();
        uids.sort_unstable();
        if uids.is_empty() {
            return Ok(0);
        }
        // Sizes first, to batch small mail and fetch large mail alone.
        let mut sizes = std::collections::HashMap::new();
        for chunk in uids.chunks(500) {
            let set = uid_set(chunk);
            let fetched = session
                .uid_fetch(&set, "(UID RFC822.SIZE)")
                .map_err(|e| ierr("UID FETCH size", e))?;
            for f in fetched.iter() {
                if let (Some(uid), Some(size)) = (f.uid, f.size) {
                    sizes.insert(uid, size as u64);
                }
            }
        }
        let mut batches: Vec<Vec<u32>> = Vec::new();
        let mut cur: Vec<u32> = Vec::new();
        let mut cur_bytes = 0u64;
        for &uid in &uids {
            let size = sizes.get(&uid).copied().unwrap_or(0);
            if !cur.is_empty() && (cur_bytes + size > BATCH_BYTES || cur.len() >= BATCH_COUNT) {
                batches.push(std::mem::take(&mut cur));
                cur_bytes = 0;
            }
            cur.push(uid);
            cur_bytes += size;
        }
        if !cur.is_empty() {
            batches.push(cur);
        }
        // One thread fetches, this one records: the next batch is on the wire while this one
        // is parsed, classified and committed. At most PREFETCH_BYTES (or one large message)
        // are held ahead of the recorder.
        let batch_bytes: Vec<u64> = batches
            .iter()
            .map(|b| b.iter().map(|u| sizes.get(u).copied().unwrap_or(0)).sum())
            .collect();
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<(usize, imap::types::Fetches)>>(4);
        let (done_tx, done_rx) = std::sync::mpsc::channel::<usize>();
        let batches_ref = &batches;
        let sizes_ref = &batch_bytes;
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let mut ahead = 0u64;
                for (i, batch) in batches_ref.iter().enumerate() {
                    while ahead > 0 && ahead + sizes_ref[i] > PREFETCH_BYTES {
                        match done_rx.recv() {
                            Ok(j) => ahead -= sizes_ref[j],
                            Err(_) => return, // the recorder stopped
                        }
                    }
                    let r = session
                        .uid_fetch(uid_set(batch), "(UID INTERNALDATE BODY.PEEK[])")
                        .map_err(|e| ierr("UID FETCH", e));
                    let failed = r.is_err();
                    ahead += sizes_ref[i];
                    if tx.send(r.map(|f| (i, f))).is_err() || failed {
                        return;
                    }
                }
            });
            // Group commit: the store batch stays open across fetched batches while more are
            // already waiting (the recorder is behind), and commits as soon as none is, or
            // after GROUP_MAILS / GROUP_BYTES. An idle mailbox thus commits every batch at
            // once, and a backlog pays one sync per group instead of one per batch.
            let mut n = 0;
            let mut group: Option<(usize, u64)> = None;
            let result = (|| -> Result<usize> {
                loop {
                    let got = if group.is_some() {
                        match rx.try_recv() {
                            Ok(got) => got,
                            Err(std::sync::mpsc::TryRecvError::Empty) => {
                                group = None;
                                store.commit_batch()?;
                                continue;
                            }
                            Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
                        }
                    } else {
                        match rx.recv() {
                            Ok(got) => got,
                            Err(_) => break,
                        }
                    };
                    let (i, fetched) = got?;
                    let batch = &batches[i];
                    if group.is_none() {
                        store.begin_batch()?;
                        group = Some((0, 0));
                    }
                    let mut got: Vec<(u32, &[u8], _)> = fetched
                        .iter()
                        .filter_map(|f| Some((f.uid?, f.body()?, f.internal_date())))
                        .collect();
                    got.sort_by_key(|(u, _, _)| *u);
                    let mut items = Vec::with_capacity(batch.len());
                    for &uid in batch {
                        let Ok(at) = got.binary_search_by_key(&uid, |(u, _, _)| *u) else {
                            // Expunged since the search: nothing to record.
                            if sizes.contains_key(&uid) {
                                return Err(Error::Intake(format!(
                                    "server returned no body for UID {uid}; will retry"
                                )));
                            }
                            continue;
                        };
                        let source = format!("{key}:{uidvalidity}:{uid}");
                        if !store.source_seen(&source)? {
                            items.push(Incoming {
                                key: source,
                                raw: got[at].1,
                                received: got[at].2,
                            });
                        }
                    }
                    if !items.is_empty() {
                        n += handle(store, &items)?;
                    }
                    // The cursor moves with the group's commit: after a crash inside a group
                    // none of it is recorded, and it is fetched again.
                    if let Some(&last) = batch.last() {
                        store.set_cursor(&key, uidvalidity, last)?;
                    }
                    drop(got);
                    drop(fetched);
                    let _ = done_tx.send(i);
                    let (mails, bytes) = group.get_or_insert((0, 0));
                    *mails += batch.len();
                    *bytes += batch_bytes[i];
                    if *mails >= GROUP_MAILS || *bytes >= GROUP_BYTES {
                        group = None;
                        store.commit_batch()?;
                    }
                }
                if group.take().is_some() {
                    store.commit_batch()?;
                }
                Ok(n)
            })();
            if result.is_err() {
                super::keep_what_was_recorded(store);
            }
            result
        })
    }
}

/// A UID set with runs compressed: `1:5,7,9:12`.
pub fn uid_set(uids: &[u32]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < uids.len() {
        let start = uids[i];
        let mut end = start;
        while i + 1 < uids.len() && uids[i + 1] == end + 1 {
            i += 1;
            end = uids[i];
        }
        if !out.is_empty() {
            out.push(',');
        }
        if start == end {
            out.push_str(&start.to_string());
        } else {
            out.push_str(&format!("{start}:{end}"));
        }
        i += 1;
    }
    out
}

impl Source for ImapSource {
    fn interrupter(&self) -> Option<super::Interrupter> {
        let socket = self.socket.clone();
        Some(Arc::new(move || {
            if let Some(s) = socket
                .lock()
                .ok()
                .and_then(|g| g.as_ref().and_then(|s| s.try_clone().ok()))
            {
                let _ = s.shutdown(Shutdown::Both);
            }
        }))
    }

    fn fetch_new(&mut self, store: &mut Store, handle: &mut Handler<'_>) -> Result<usize> {
        match self.fetch_inner(store, handle) {
            Ok(n) => Ok(n),
            Err(e @ Error::Intake(_)) => {
                self.drop_session(&e.to_string());
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    fn wait(&mut self, timeout: Duration, stop: &AtomicBool) -> Result<()> {
        if stop.load(Ordering::SeqCst) {
            return Ok(());
        }
        let Some(session) = self.session.as_mut() else {
            sleep_unless_stopped(self.backoff().min(timeout), stop);
            return Ok(());
        };
        if !(self.cfg.idle && self.has_idle) {
            tracing::debug!(seconds = self.cfg.poll_seconds.max(1), "polling: waiting");
            sleep_unless_stopped(
                Duration::from_secs(self.cfg.poll_seconds.max(1)).min(timeout),
                stop,
            );
            return Ok(());
        }
        tracing::debug!("IDLE: waiting for new mail");
        let result = session
            .idle()
            .timeout(timeout.min(IDLE_REFRESH))
            .keepalive(false)
            .wait_while(imap::extensions::idle::stop_on_any);
        if let Err(e) = result {
            if !stop.load(Ordering::SeqCst) {
                self.drop_session(&format!("IDLE: {e}"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uid_sets_compress_runs() {
        assert_eq!(super::uid_set(&[1, 2, 3, 5, 7, 8]), "1:3,5,7:8");
        assert_eq!(super::uid_set(&[4]), "4");
    }
}
