//! Season replay: steps a clock hour by hour through a date range against a Maildir of dated
//! mail, delivering each mail when its Date header comes, and running the schedule and the
//! outbox at every step, as the daemon would. Outgoing mail is written to files.
//!
//! A drill, not the record: the replayed mailbox has no delivery times of its own, so each
//! mail's Date stands for the instant it is delivered (its received time in the replay).

use chrono::{Duration, NaiveDate, TimeZone};

use crate::classify::Classifier;
use crate::config::{Config, Intake, Outgoing as OutgoingCfg};
use crate::daemon::{record_one, PassSummary};
use crate::error::{Error, Result};
use crate::intake::maildir::MaildirSource;
use crate::notify::{self, Delivery};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReplaySummary {
    pub days: usize,
    pub pass: PassSummary,
    pub sent: usize,
    pub held: usize,
}

pub fn replay(config: &Config, from: NaiveDate, to: NaiveDate) -> Result<ReplaySummary> {
    let Intake::Maildir { path, .. } = &config.intake else {
        return Err(Error::Usage(
            "回放只能读取邮件目录：请设 [mailbox] kind = \"maildir\"".into(),
        ));
    };
    if !matches!(config.outgoing, OutgoingCfg::File { .. }) {
        return Err(Error::Usage(
            "回放只把邮件写成文件：请设 [outgoing] kind = \"file\"".into(),
        ));
    }
    if to < from {
        return Err(Error::Usage(format!("--to {to} 早于 --from {from}")));
    }
    let classifier = Classifier::new(config);
    // It records and sends like the daemon: not while a daemon runs on the same store.
    let _lock = crate::store::StoreLock::acquire(&config.database)?;
    let mut transport = notify::transport_for(config)?;
    // Every mail with the instant it arrives (its Date header; the start when it has none).
    let start = config
        .timezone
        .from_local_datetime(&from.and_hms_opt(0, 0, 0).expect("midnight"))
        .earliest()
        .expect("midnight")
        .fixed_offset();
    let mut store = crate::season::open_store(config, start)?;
    let trust = crate::trust::Trust::load(config, &store, crate::dkim::Dkim::for_config(config)?)?;
    let mut pending = Vec::new();
    for (key, file) in MaildirSource::new(path.clone(), 1).list()? {
        let raw = std::fs::read(&file).map_err(|source| Error::Read {
            path: file.clone(),
            source,
        })?;
        let at = mail_parser::MessageParser::default()
            .parse_headers(&raw)
            .and_then(|m| {
                m.date()
                    .and_then(|d| chrono::DateTime::parse_from_rfc3339(&d.to_rfc3339()).ok())
            })
            .unwrap_or(start);
        pending.push((at, key, raw));
    }
    pending.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut pending = pending.into_iter().peekable();
    let mut sum = ReplaySummary::default();
    let mut day = from;
    while day <= to {
        for hour in 0..24 {
            let t = config
                .timezone
                .from_local_datetime(&day.and_hms_opt(hour, 59, 0).expect("valid time"))
                .earliest()
                .expect("valid local time")
                .fixed_offset();
            while let Some((at, _, _)) = pending.peek() {
                if *at > t {
                    break;
                }
                let (at, key, raw) = pending.next().expect("peeked");
                if !store.source_seen(&key)? {
                    record_one(
                        config,
                        &classifier,
                        &trust,
                        &mut store,
                        &raw,
                        &key,
                        Some(at),
                        t,
                        &mut sum.pass,
                    )?;
                }
            }
            crate::commands::process_pending(config, &mut store, t)?;
            notify::jobs::run_due(config, &mut store, t)?;
            let Delivery { sent, held, .. } =
                notify::deliver_due(config, &store, transport.as_mut(), t)?;
            sum.sent += sent;
            sum.held += held;
        }
        sum.days += 1;
        day += Duration::days(1);
    }
    Ok(sum)
}
