//! SMTP transport (lettre): implicit TLS (465), STARTTLS (587) or plain (loopback tests),
//! with the authorization code read from the environment or a file at connect time.
//!
//! Each mail gets its own connection. Servers cap the mails of one session (OpenSMTPD at 100,
//! QQ Mail lower), and lettre's pool cannot know the cap: the mail after it failed as
//! "transient" and waited out the 30 s retry backoff (bench/latency saw one such 30 s
//! acknowledgement in every 100). At the office's volume a connection per mail costs nothing
//! that matters.

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{SmtpTransport, Transport as _};

use super::{SendError, Transport};
use crate::config::{Security, SmtpConfig};
use crate::error::{Error, Result};

pub struct SmtpSender {
    transport: SmtpTransport,
}

impl SmtpSender {
    pub fn new(cfg: &SmtpConfig) -> Result<SmtpSender> {
        let mut tls = TlsParameters::builder(cfg.host.clone());
        if let Some(ca) = &cfg.ca_file {
            let pem = std::fs::read(ca).map_err(|source| Error::Read {
                path: ca.clone(),
                source,
            })?;
            let cert = Certificate::from_pem(&pem)
                .map_err(|e| Error::Send(format!("bad CA file {}: {e}", ca.display())))?;
            tls = tls.add_root_certificate(cert);
        }
        let tls = tls
            .build_rustls()
            .map_err(|e| Error::Send(format!("TLS setup: {e}")))?;
        let mut b = SmtpTransport::builder_dangerous(&cfg.host)
            .port(cfg.port)
            .timeout(Some(std::time::Duration::from_secs(30)))
            .tls(match cfg.security {
                Security::Tls => Tls::Wrapper(tls),
                Security::StartTls => Tls::Required(tls),
                Security::Plain => Tls::None,
            });
        let password = cfg.secret.read()?;
        if !password.is_empty() {
            b = b.credentials(Credentials::new(cfg.user.clone(), password));
        }
        Ok(SmtpSender {
            transport: b.build(),
        })
    }
}

impl Transport for SmtpSender {
    fn send_raw(
        &mut self,
        from: &str,
        to: &[String],
        raw: &[u8],
        _id: &str,
    ) -> std::result::Result<(), SendError> {
        let parse = |a: &str| {
            a.parse()
                .map_err(|e| SendError::Permanent(format!("bad address {a:?}: {e}")))
        };
        let rcpt = to
            .iter()
            .map(|a| parse(a))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let envelope = Envelope::new(Some(parse(from)?), rcpt)
            .map_err(|e| SendError::Permanent(e.to_string()))?;
        self.transport
            .send_raw(&envelope, raw)
            .map(|_| ())
            .map_err(|e| send_error(&e))
    }
}

/// What a lettre error means for the outbox. A refused login (530 authentication required,
/// 534/535/538, 454 temporary authentication failure, or no mechanism to log in with) is
/// nobody's mail's fault: [`SendError::Login`] holds the outbox instead of failing mail.
fn send_error(e: &lettre::transport::smtp::Error) -> SendError {
    let code = e.status().map(|c| c.to_string());
    let text = e.to_string();
    if matches!(code.as_deref(), Some("454" | "530" | "534" | "535" | "538"))
        || text.contains("authentication mechanism")
    {
        SendError::Login(text)
    } else if e.is_permanent() {
        SendError::Permanent(text)
    } else {
        SendError::Transient(text)
    }
}
