//! DKIM: whether a mail's signature holds for the domain of its `From:` address.
//!
//! A result is evidence about who sent a mail, recorded with it (the `dkim` column) and shown
//! to the office; a mail that fails DKIM for its From domain never teaches the bot an address
//! (see `trust`). A mail without a signature, or signed by a domain that publishes no key, is
//! simply unverified (`none`): most county mail comes from personal QQ/163 accounts, which do
//! sign, but the bot must work for the ones that do not.
//!
//! Bounded in time: DNS lookups (TXT `selector._domainkey.domain`) go through a resolver with
//! a short timeout and one attempt, the whole check of one mail is cut off after
//! `[mailbox] dkim_timeout_seconds`, and after a cut-off the bot stops asking DNS for ten
//! minutes (each mail is then `temperror`, recorded and shown, never waited for). Keys
//! already fetched are cached for their TTL. Unsigned mail costs no lookup at all.
//!
//! Tests never use the network: [`Dkim::offline`] answers only from keys added with
//! [`Dkim::add_txt`], every other name is "no key published".
//!
//! This room does I/O (DNS) and nothing else: it does not read or write the store.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::verify::DomainKey;
use mail_auth::hickory_resolver::proto::op::ResponseCode;
use mail_auth::{AuthenticatedMessage, DkimResult, MessageAuthenticator, Parameters, Txt};

use crate::config::Config;
use crate::error::{Error, Result};

/// How long DNS is left alone after a check ran out of time.
const DNS_PAUSE: Duration = Duration::from_secs(600);
/// Keys added by hand (tests, pinned keys) do not expire.
const PINNED: Duration = Duration::from_secs(10 * 365 * 24 * 3600);

/// The TXT cache mail-auth reads before asking DNS; also where "DNS is paused" and "offline"
/// are answered, so that no lookup leaves the machine then.
struct TxtCache {
    entries: Mutex<HashMap<String, (Txt, Instant)>>,
    offline: bool,
    paused_until: Mutex<Option<Instant>>,
}

impl mail_auth::ResolverCache<String, Txt> for TxtCache {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        String: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let now = Instant::now();
        if let Some((txt, until)) = lock(&self.entries).get(name) {
            if *until > now {
                return Some(txt.clone());
            }
        }
        if self.offline {
            return Some(Txt::Error(mail_auth::Error::DnsRecordNotFound(
                ResponseCode::NXDomain,
            )));
        }
        if lock(&self.paused_until).is_some_and(|t| t > now) {
            return Some(Txt::Error(mail_auth::Error::DnsError(
                "DNS paused after a timeout".into(),
            )));
        }
        None
    }

    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        String: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        lock(&self.entries).remove(name).map(|(t, _)| t)
    }

    fn insert(&self, key: String, value: Txt, valid_until: Instant) {
        // Transient DNS errors are not kept: the next mail asks again.
        if !matches!(value, Txt::Error(mail_auth::Error::DnsError(_))) {
            lock(&self.entries).insert(key, (value, valid_until));
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A DKIM verifier: a resolver, a runtime for it, and the key cache. Shared by the threads
/// that prepare a batch.
pub struct Dkim {
    auth: MessageAuthenticator,
    rt: tokio::runtime::Runtime,
    cache: TxtCache,
    timeout: Duration,
}

impl Dkim {
    /// `servers`: the name servers to ask; `None` for the system's (`/etc/resolv.conf`).
    fn build(
        offline: bool,
        servers: Option<std::net::SocketAddr>,
        timeout: Duration,
    ) -> Result<Dkim> {
        use mail_auth::hickory_resolver::config::{
            NameServerConfigGroup, ResolverConfig, ResolverOpts,
        };
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("dkim-dns")
            .enable_all()
            .build()
            .map_err(|e| Error::Usage(format!("cannot start the DNS runtime: {e}")))?;
        let (conf, mut opts) = match (offline, servers) {
            (true, _) => (ResolverConfig::default(), ResolverOpts::default()),
            (false, Some(addr)) => (
                ResolverConfig::from_parts(
                    None,
                    Vec::new(),
                    NameServerConfigGroup::from_ips_clear(&[addr.ip()], addr.port(), true),
                ),
                ResolverOpts::default(),
            ),
            (false, None) => mail_auth::hickory_resolver::system_conf::read_system_conf()
                .unwrap_or_else(|e| {
                    tracing::warn!(
                        "cannot read the system resolver configuration ({e}); using its defaults"
                    );
                    (ResolverConfig::default(), ResolverOpts::default())
                }),
        };
        opts.timeout = timeout
            .min(Duration::from_secs(2))
            .max(Duration::from_millis(200));
        opts.attempts = 1;
        let auth = {
            let _guard = rt.enter();
            MessageAuthenticator::new(conf, opts)
                .map_err(|e| Error::Usage(format!("cannot set up the DNS resolver: {e}")))?
        };
        Ok(Dkim {
            auth,
            rt,
            cache: TxtCache {
                entries: Mutex::new(HashMap::new()),
                offline,
                paused_until: Mutex::new(None),
            },
            timeout,
        })
    }

    /// A verifier that asks the system's DNS, each mail's check bounded by `timeout`.
    pub fn new(timeout: Duration) -> Result<Dkim> {
        Self::build(false, None, timeout)
    }

    /// A verifier that asks only the name server at `server` (for tests on 127.0.0.1).
    pub fn with_nameserver(server: std::net::SocketAddr, timeout: Duration) -> Result<Dkim> {
        Self::build(false, Some(server), timeout)
    }

    /// A verifier that never asks DNS: only keys added with [`Dkim::add_txt`] are known.
    pub fn offline() -> Result<Dkim> {
        Self::build(true, None, Duration::from_secs(5))
    }

    /// The verifier `config` asks for, if DKIM checking is on.
    pub fn for_config(config: &Config) -> Result<Option<Arc<Dkim>>> {
        if !config.dkim.enabled {
            return Ok(None);
        }
        Ok(Some(Arc::new(Self::new(Duration::from_secs(
            config.dkim.timeout_seconds.max(1),
        ))?)))
    }

    /// Adds a key record (`v=DKIM1; k=rsa; p=…`) for `name` (`selector._domainkey.domain`),
    /// as if DNS had answered it: for tests, and for keys pinned by hand.
    pub fn add_txt(&self, name: &str, record: &str) -> Result<()> {
        let key = DomainKey::parse(record.as_bytes())
            .map_err(|e| Error::Usage(format!("bad DKIM key record for {name}: {e}")))?;
        let mut fqdn = name.trim().to_lowercase();
        if !fqdn.ends_with('.') {
            fqdn.push('.');
        }
        lock(&self.cache.entries).insert(fqdn, (Txt::from(key), Instant::now() + PINNED));
        Ok(())
    }

    /// The DKIM result of `raw` for the domain of `from`: `pass d=…`, `fail d=…: why`,
    /// `none`, or `temperror: why` (see `records::Provenance::dkim`). Never panics: a check
    /// that breaks down is `temperror`, and the mail goes on.
    pub fn verify(&self, raw: &[u8], from: Option<&str>) -> String {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.check(raw, from)))
            .unwrap_or_else(|_| "temperror: DKIM 检查出错".into())
    }

    fn check(&self, raw: &[u8], from: Option<&str>) -> String {
        let Some(domain) = from
            .and_then(|f| f.rsplit_once('@'))
            .map(|(_, d)| d.trim_end_matches('.').to_ascii_lowercase())
        else {
            return "none".into();
        };
        if !has_signature(raw) {
            return "none".into();
        }
        let Some(msg) = AuthenticatedMessage::parse(raw) else {
            return "none".into();
        };
        let aligned = |d: &str| {
            let d = d.to_ascii_lowercase();
            domain == d || domain.ends_with(&format!(".{d}"))
        };
        if !msg
            .dkim_headers
            .iter()
            .any(|h| h.header.as_ref().is_ok_and(|s| aligned(&s.d)))
        {
            // Signed only by others (a list, a relay): says nothing about the From domain.
            return "none".into();
        }
        let params = Parameters::new(&msg).with_txt_cache(&self.cache);
        let checked = self.rt.block_on(async {
            tokio::time::timeout(self.timeout, self.auth.verify_dkim(params)).await
        });
        let outputs = match checked {
            Ok(o) => o,
            Err(_) => {
                *lock(&self.cache.paused_until) = Some(Instant::now() + DNS_PAUSE);
                tracing::warn!(
                    seconds = self.timeout.as_secs(),
                    "DKIM: DNS did not answer in time; not asking DNS for ten minutes"
                );
                return "temperror: DNS 查询超时".into();
            }
        };
        let mut verdict = "none".to_string();
        let mut rank = 0;
        for o in &outputs {
            let Some(sig) = o.signature().filter(|s| aligned(&s.d)) else {
                continue;
            };
            let (r, text) = match o.result() {
                DkimResult::Pass => (4, format!("pass d={}", sig.d)),
                DkimResult::Fail(e) => (3, format!("fail d={}: {e}", sig.d)),
                DkimResult::Neutral(e @ mail_auth::Error::FailedBodyHashMatch) => {
                    (3, format!("fail d={}: {e}", sig.d))
                }
                DkimResult::TempError(e) => (2, format!("temperror: d={}: {e}", sig.d)),
                _ => (1, "none".to_string()),
            };
            if r > rank {
                rank = r;
                verdict = text;
            }
        }
        verdict
    }
}

/// Whether the header block names a DKIM-Signature (cheap: unsigned mail is not parsed again).
fn has_signature(raw: &[u8]) -> bool {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n"))
        .unwrap_or(raw.len());
    let head = &raw[..end];
    head.split(|b| *b == b'\n')
        .any(|l| l.len() > 15 && l[..15].eq_ignore_ascii_case(b"dkim-signature:"))
}

/// Whether a recorded DKIM result says the signature for the From domain failed.
pub fn failed(result: Option<&str>) -> bool {
    result.is_some_and(|r| r.starts_with("fail"))
}

/// The recorded DKIM result in the office's words.
pub fn zh(result: Option<&str>) -> String {
    let detail = |r: &str| {
        r.split_once(' ')
            .map(|(_, d)| d.trim_start_matches("d=").replacen(": ", "：", 1))
            .unwrap_or_default()
    };
    match result {
        None | Some("off") => "未检查".into(),
        Some("none") => "未签名或发件域未公布密钥，无法验证".into(),
        Some(r) if r.starts_with("pass") => format!("验证通过（{}）", detail(r)),
        Some(r) if r.starts_with("fail") => format!("验证失败（{}）", detail(r)),
        Some(r) => format!("暂时无法验证（{}）", detail(r)),
    }
}
