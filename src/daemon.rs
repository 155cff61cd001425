//! The daemon: intake, acknowledgements, the outbox sender and the scheduled work, wired
//! together.
//!
//! `poll` does one pass of everything and exits (for cron and tests). `run` keeps going until
//! SIGINT or SIGTERM: one thread watches the mailbox (IDLE or polling) and records mail, one
//! delivers the outbox and runs the schedule. A stop finishes the mail in hand (each mail is
//! recorded with its acknowledgement in one transaction) and then exits.
//!
//! Nothing is decided on a mailbox not yet read: the schedule (digest, reminders) runs only
//! after the first intake pass has finished, so a cold start with mail waiting neither reports
//! "0 new mails" nor reminds a unit whose plan is in the mailbox. One daemon per store: `run`
//! and `poll` hold the store's lock file ([`StoreLock`]) for as long as they run.
//!
//! The clock is a value: with `--now` the daemon's time starts at that instant and moves on
//! with the wall clock, so any day of the season can be replayed.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};

use crate::classify::{Classifier, Decision, Kind};
use crate::config::Config;
use crate::dkim::Dkim;
use crate::error::{Error, Result};
use crate::ingest::{ingest, prepare, record_prepared, Ingested, Prepared};
use crate::intake::{source_for, Incoming, Source};
use crate::notify::{self, ack, Transport};
use crate::parse::ParsedMail;
use crate::store::{Outgoing, Store, StoreLock};
use crate::trust::Trust;

/// `--now` as a moving clock.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    base: Option<DateTime<FixedOffset>>,
    started: Instant,
}

impl Clock {
    pub fn new(base: Option<DateTime<FixedOffset>>) -> Clock {
        Clock {
            base,
            started: Instant::now(),
        }
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        match self.base {
            Some(b) => b + chrono::Duration::from_std(self.started.elapsed()).unwrap_or_default(),
            None => Utc::now().fixed_offset(),
        }
    }
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PassSummary {
    pub new: usize,
    pub duplicates: usize,
    pub plans: usize,
    pub reports: usize,
    pub review: usize,
    pub acks_queued: usize,
    /// The bot's own mail seen in the mailbox: noted, never recorded as new mail.
    pub own: usize,
    /// Recorded, but the bot could not handle them (listed in the digest).
    pub unprocessable: usize,
}

static SETUP_LOGGED: Mutex<Option<Instant>> = Mutex::new(None);

/// Confidence from which a new sender address is proposed for the recognised unit.
pub const LEARN_CONFIDENCE: f64 = crate::trust::PROPOSE_CONFIDENCE;

/// What a new mail causes: its acknowledgement, built against the store as it was before it.
/// `received` is when the office's side received it (the recording instant if unknown).
/// A submission from an address nobody can write to (`x@evil.example.`, `x;y@…`) cannot be
/// acknowledged: that is an error of this mail, which ingest records as unprocessable.
#[allow(clippy::too_many_arguments)]
fn acks_for(
    config: &Config,
    store: &Store,
    hash: &str,
    parsed: Option<&ParsedMail>,
    d: &Decision,
    received: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
    queued: &mut usize,
) -> Result<Vec<Outgoing>> {
    let Some(p) = parsed else {
        return Ok(Vec::new());
    };
    if d.kind == Kind::Other || d.automated || p.automated.is_some() || p.ours {
        return Ok(Vec::new());
    }
    // One automatic mail per conversation per day: an auto-responder and the bot never answer
    // each other.
    if notify::budget::thread_answered_today(config, store, p, now)? {
        tracing::info!(
            message_id = p.message_id.as_deref().unwrap_or("-"),
            "no acknowledgement: this conversation got one today"
        );
        return Ok(Vec::new());
    }
    if let Some(from) = p.from_addr.as_deref() {
        if !crate::config::is_plausible_address(from) {
            return Err(Error::Send(format!("发件人地址 {from:?} 无效，无法回复")));
        }
    }
    let mut plans_on_record = Vec::new();
    for a in d.submissions().iter().filter_map(|s| s.activity) {
        if store.has_settled_plan(a, None)? {
            plans_on_record.push(a);
        }
    }
    let received = received.filter(|r| *r <= now).unwrap_or(now);
    let drafts: Vec<_> = ack::draft(config, hash, p, d, received, now, &plans_on_record)
        .into_iter()
        .collect();
    let built = drafts
        .iter()
        .map(|dr| notify::build(config, dr, now))
        .collect::<Result<Vec<_>>>()?;
    *queued = built.len();
    Ok(built)
}

/// Records one mail and queues its acknowledgement, updating the pass summary.
#[allow(clippy::too_many_arguments)]
pub fn record_one(
    config: &Config,
    classifier: &Classifier,
    trust: &Trust,
    store: &mut Store,
    raw: &[u8],
    key: &str,
    received: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
    sum: &mut PassSummary,
) -> Result<()> {
    if skip_own(config, store, raw, key, now, sum)? {
        return Ok(());
    }
    let mut queued = 0;
    let r = ingest(
        store,
        classifier,
        trust,
        raw,
        key,
        received,
        now,
        |store, hash, parsed, d| {
            acks_for(config, store, hash, parsed, d, received, now, &mut queued)
        },
    )?;
    account(config, store, &r, key, queued, now, sum)
}

/// Records the mails of one fetched batch: prepared (hashed, archived, parsed, classified,
/// DKIM checked) in parallel, then recorded in order, each with its acknowledgement.
pub fn record_batch(
    config: &Config,
    classifier: &Classifier,
    trust: &Trust,
    store: &mut Store,
    items: &[Incoming<'_>],
    now: DateTime<FixedOffset>,
    sum: &mut PassSummary,
) -> Result<usize> {
    let mut theirs: Vec<&Incoming<'_>> = Vec::with_capacity(items.len());
    for item in items {
        if !skip_own(config, store, item.raw, &item.key, now, sum)? {
            theirs.push(item);
        }
    }
    let raws: Vec<&[u8]> = theirs.iter().map(|i| i.raw).collect();
    let durable = !store.in_batch();
    let prepared = prepare_all(
        classifier,
        trust.dkim.as_deref(),
        store.archive_dir(),
        &raws,
        durable,
    );
    for (item, p) in theirs.into_iter().zip(prepared) {
        let mut queued = 0;
        let r = record_prepared(
            store,
            trust,
            p?,
            &item.key,
            item.received,
            now,
            |store, hash, parsed, d| {
                acks_for(
                    config,
                    store,
                    hash,
                    parsed,
                    d,
                    item.received,
                    now,
                    &mut queued,
                )
            },
        )?;
        account(config, store, &r, &item.key, queued, now, sum)?;
    }
    Ok(items.len())
}

/// The bot's own mail (the digest, overdue copies, command confirmations it sent to the
/// office) is noted by source and never recorded as new mail. True when `raw` was ours.
fn skip_own(
    config: &Config,
    store: &mut Store,
    raw: &[u8],
    key: &str,
    now: DateTime<FixedOffset>,
    sum: &mut PassSummary,
) -> Result<bool> {
    let Some(mid) = notify::own::own_mail(config, raw) else {
        return Ok(false);
    };
    store.note_own_mail(key, &crate::store::content_hash(raw), mid.as_deref(), now)?;
    sum.own += 1;
    tracing::info!(source = key, "our own mail: not recorded");
    Ok(true)
}

/// Prepares several mails on up to one thread per core (this one included); the results are
/// in the order of `raws`.
pub fn prepare_all(
    classifier: &Classifier,
    dkim: Option<&Dkim>,
    archive_dir: &Path,
    raws: &[&[u8]],
    durable: bool,
) -> Vec<Result<Prepared>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(raws.len())
        .min(8);
    if workers <= 1 {
        return raws
            .iter()
            .map(|raw| prepare(classifier, dkim, archive_dir, raw, durable))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<Prepared>>>> =
        raws.iter().map(|_| Mutex::new(None)).collect();
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(raw) = raws.get(i) else { break };
        let p = prepare(classifier, dkim, archive_dir, raw, durable);
        *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(p);
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            // The main thread's stack size: a deeply nested mail must not overflow a worker.
            // If a thread cannot be started, the ones that did (and this one) do the work.
            let _ = std::thread::Builder::new()
                .name("prepare".into())
                .stack_size(8 << 20)
                .spawn_scoped(scope, work);
        }
        work();
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .unwrap_or_else(|| Err(Error::Batch("a mail of the batch was not prepared".into())))
        })
        .collect()
}

/// After a mail is recorded: proposes its sender's address for the unit when the classifier
/// was certain and the trust check allows it (the office confirms it, see `trust`), counts
/// it in the pass summary and logs it.
fn account(
    config: &Config,
    store: &mut Store,
    r: &Ingested,
    key: &str,
    queued: usize,
    now: DateTime<FixedOffset>,
    sum: &mut PassSummary,
) -> Result<()> {
    if r.duplicate {
        sum.duplicates += 1;
        tracing::info!(source = key, mail = r.id, "already recorded");
        return Ok(());
    }
    sum.new += 1;
    sum.acks_queued += queued;
    if r.unprocessable.is_some() {
        sum.unprocessable += 1;
    }
    // A sender no unit's known address, recognised with high confidence, is proposed for
    // the unit: listed in the digest until the office confirms or forgets it. It gets no
    // reminders and settles nothing until then.
    if let (Some(d), Some(addr), Some(check)) =
        (&r.decision, r.from_addr.as_deref(), r.sender.as_ref())
    {
        if let (Some(unit), true) = (&d.unit, check.may_propose) {
            if d.kind != Kind::Other
                && addr != config.office_address
                && crate::config::is_plausible_address(addr)
                && !config
                    .units
                    .iter()
                    .any(|u| u.addresses.iter().any(|a| a == addr))
                && store.learn_address(addr, unit, Some(r.id), "proposed", now)?
            {
                tracing::info!(address = addr, unit = %unit, "address proposed");
            }
        }
    }
    if let Some(d) = &r.decision {
        for s in d.submissions() {
            match s.kind {
                Kind::Plan => sum.plans += 1,
                Kind::Report => sum.reports += 1,
                Kind::Other => {}
            }
        }
        if d.needs_review {
            sum.review += 1;
        }
        tracing::info!(
            source = key,
            mail = r.id,
            kind = d.kind.as_str(),
            unit = d.unit.as_deref().unwrap_or("-"),
            activity = d.activity.unwrap_or(0),
            further = d.also.len(),
            review = d.needs_review,
            "recorded"
        );
    }
    Ok(())
}

/// Records every new mail of `source`, queueing acknowledgements in the same transaction.
pub fn intake_pass(
    config: &Config,
    classifier: &Classifier,
    trust: &Trust,
    store: &mut Store,
    source: &mut dyn Source,
    clock: &Clock,
    stop: &AtomicBool,
) -> Result<PassSummary> {
    let mut sum = PassSummary::default();
    source.fetch_new(store, &mut |store, items| {
        if stop.load(Ordering::SeqCst) {
            return Err(Error::Stopped);
        }
        record_batch(
            config,
            classifier,
            trust,
            store,
            items,
            clock.now(),
            &mut sum,
        )
    })?;
    Ok(sum)
}

/// Work that runs on a schedule (reminders, digest); called by the sender loop and by `poll`.
pub type Scheduled<'a> = dyn FnMut(&Config, &mut Store, DateTime<FixedOffset>) -> Result<()> + 'a;

/// Scheduled work the daemon owns and runs on its sender thread.
pub type ScheduledTask =
    dyn FnMut(&Config, &mut Store, DateTime<FixedOffset>) -> Result<()> + Send + 'static;

/// One pass of everything: intake, scheduled work, delivery.
pub fn poll(
    config: &Config,
    clock: &Clock,
    scheduled: &mut Scheduled<'_>,
) -> Result<(PassSummary, notify::Delivery)> {
    let _lock = StoreLock::acquire(&config.database)?;
    let mut store = crate::season::open_store(config, clock.now())?;
    settle_interrupted(config, &store)?;
    let classifier = crate::review::classifier_with_learned(config, &store)?;
    let trust = Trust::load(config, &store, Dkim::for_config(config)?)?;
    let mut source = source_for(config)?;
    let stop = AtomicBool::new(false);
    let sum = intake_pass(
        config,
        &classifier,
        &trust,
        &mut store,
        source.as_mut(),
        clock,
        &stop,
    )?;
    office_commands(config, &mut store, clock.now());
    scheduled(config, &mut store, clock.now())?;
    let mut transport = notify::transport_for(config)?;
    let delivery = notify::deliver_due(config, &store, transport.as_mut(), clock.now())?;
    Ok((sum, delivery))
}

/// Carries out the office's commands in the replies recorded so far (see `commands`); a
/// failure is logged and tried again on the next pass. Returns the confirmations queued.
fn office_commands(config: &Config, store: &mut Store, now: DateTime<FixedOffset>) -> usize {
    match crate::commands::process_pending(config, store, now) {
        Ok(n) => n,
        Err(e) => {
            tracing::error!("office commands: {e:#}");
            0
        }
    }
}

/// Mail a crash interrupted while it was being sent: queued again for the file transport
/// (writing the same file twice is harmless), otherwise left for a person to check.
fn settle_interrupted(config: &Config, store: &Store) -> Result<()> {
    let resend = matches!(config.outgoing, crate::config::Outgoing::File { .. });
    let n = store.settle_interrupted_sends(resend)?;
    if n > 0 && !resend {
        tracing::warn!(
            count = n,
            "mail interrupted while being sent: not resent, listed in the digest"
        );
    }
    Ok(())
}

/// The configuration in force. SIGHUP loads the file again and swaps the new one in only if
/// it is valid; an invalid one is reported and the old one kept.
pub type ConfigCell = Arc<std::sync::RwLock<Arc<Config>>>;

pub fn current(cell: &ConfigCell) -> Arc<Config> {
    match cell.read() {
        Ok(g) => g.clone(),
        Err(p) => p.into_inner().clone(),
    }
}

/// Reloads the configuration file into `cell`; on error the old configuration stays.
pub fn reload(cell: &ConfigCell) -> Result<()> {
    let path = current(cell).path.clone();
    match Config::load(&path) {
        Ok(c) => {
            tracing::info!(config = %path.display(), activities = c.activities.len(), "configuration reloaded");
            match cell.write() {
                Ok(mut g) => *g = Arc::new(c),
                Err(p) => *p.into_inner() = Arc::new(c),
            }
            Ok(())
        }
        Err(e) => {
            tracing::error!(config = %path.display(), "configuration reload rejected, keeping the old one: {e}");
            Err(e)
        }
    }
}

/// Runs until `stop` is set.
pub fn run(
    cell: ConfigCell,
    clock: Clock,
    stop: Arc<AtomicBool>,
    interrupters: Arc<std::sync::Mutex<Vec<crate::intake::Interrupter>>>,
    mut scheduled: Box<ScheduledTask>,
) -> Result<()> {
    let _lock = StoreLock::acquire(&current(&cell).database)?;
    // Set once the first intake pass has finished (or failed): the schedule waits for it.
    let intake_ready = Arc::new(AtomicBool::new(false));
    {
        let config = current(&cell);
        settle_interrupted(
            &config,
            &Store::open(&config.database, &config.archive_dir)?,
        )?;
    }
    let (wake_tx, wake_rx) = mpsc::channel::<()>();
    let sender_cell = cell.clone();
    let sender_stop = stop.clone();
    let sender_ready = intake_ready.clone();
    let sender = std::thread::Builder::new()
        .name("sender".into())
        .spawn(move || -> Result<()> {
            let mut config = current(&sender_cell);
            let mut store = crate::season::open_store(&config, clock.now())?;
            let mut transport: Option<Box<dyn Transport + Send>> = None;
            let mut last_schedule: Option<Instant> = None;
            loop {
                let stopping = sender_stop.load(Ordering::SeqCst);
                let latest = current(&sender_cell);
                if !Arc::ptr_eq(&latest, &config) {
                    config = latest;
                    transport = None;
                    last_schedule = None;
                    // A reload after `season new` moves on to the new season.
                    store.use_season(config.year, clock.now())?;
                }
                if sender_ready.load(Ordering::SeqCst)
                    && last_schedule.is_none_or(|t| t.elapsed() >= Duration::from_secs(30))
                {
                    if let Err(e) = scheduled(&config, &mut store, clock.now()) {
                        tracing::error!("scheduled work failed: {e:#}");
                    }
                    last_schedule = Some(Instant::now());
                }
                if transport.is_none() {
                    match notify::transport_for(&config) {
                        Ok(t) => transport = Some(t),
                        // A missing password stays missing until someone fixes it: say so
                        // once an hour, not once a second.
                        Err(e) if notify::once_an_hour(&SETUP_LOGGED) => {
                            tracing::error!("cannot set up outgoing mail: {e}")
                        }
                        Err(e) => tracing::debug!("cannot set up outgoing mail: {e}"),
                    }
                }
                if let Some(t) = transport.as_mut() {
                    match notify::deliver_due(&config, &store, t.as_mut(), clock.now()) {
                        // A new transport reads the password again: a fixed password file
                        // takes effect without a restart.
                        Ok(d) if d.failed > 0 || d.login_refused.is_some() => transport = None,
                        Ok(_) => {}
                        Err(e) => tracing::error!("delivery failed: {e:#}"),
                    }
                }
                if stopping {
                    return Ok(());
                }
                let _ = wake_rx.recv_timeout(Duration::from_secs(1));
            }
        })
        .map_err(|e| Error::Usage(format!("无法启动发信线程：{e}")))?;

    let mut config = current(&cell);
    let mut store = crate::season::open_store(&config, clock.now())?;
    let mut source = source_for(&config)?;
    // One verifier for the daemon's life (its key cache and DNS pause last across passes).
    let mut dkim = Dkim::for_config(&config)?;
    if let Some(i) = source.interrupter() {
        interrupters.lock().expect("interrupters").push(i);
    }
    tracing::info!(config = %config.path.display(), "themeday running");
    let mut failed_passes: u32 = 0;
    while !stop.load(Ordering::SeqCst) {
        let latest = current(&cell);
        if !Arc::ptr_eq(&latest, &config) {
            config = latest;
            store.use_season(config.year, clock.now())?;
            source = source_for(&config)?;
            dkim = Dkim::for_config(&config)?;
            if let Some(i) = source.interrupter() {
                interrupters.lock().expect("interrupters").push(i);
            }
        }
        // Rebuilt each pass: cheap, and it picks up addresses confirmed since the last one.
        let classifier = crate::review::classifier_with_learned(&config, &store)?;
        let trust = Trust::load(&config, &store, dkim.clone())?;
        match intake_pass(
            &config,
            &classifier,
            &trust,
            &mut store,
            source.as_mut(),
            &clock,
            &stop,
        ) {
            Ok(sum) => {
                failed_passes = 0;
                // The office's commands in this pass's replies are carried out before the
                // schedule may run, so the first digest already shows what they changed.
                let commands = office_commands(&config, &mut store, clock.now());
                let first = !intake_ready.swap(true, Ordering::SeqCst);
                if commands > 0 || sum.acks_queued > 0 || first {
                    let _ = wake_tx.send(());
                }
            }
            Err(Error::Stopped) => break,
            Err(e) => {
                tracing::error!("intake: {e:#}");
                // The mailbox was tried: a digest saying it cannot be read beats no digest.
                intake_ready.store(true, Ordering::SeqCst);
                failed_passes = failed_passes.saturating_add(1);
                // Acks recorded before the failure are queued: let the sender have them.
                let _ = wake_tx.send(());
                if !matches!(e, Error::Intake(_)) {
                    // The mailbox is fine but recording failed (the store was busy, the disk
                    // full): mail is waiting, so retry soon rather than wait in IDLE for mail
                    // that has already arrived. (A mailbox error dropped the session; the
                    // source's wait below backs off before reconnecting.)
                    let delay = Duration::from_secs(1 << failed_passes.min(6));
                    tracing::info!(seconds = delay.as_secs(), "intake: retrying");
                    crate::intake::sleep_unless_stopped(delay, &stop);
                    continue;
                }
            }
        }
        if let Err(e) = source.wait(Duration::from_secs(600), &stop) {
            tracing::error!("intake wait: {e:#}");
        }
    }
    tracing::info!("stopping: delivering what is queued");
    let _ = wake_tx.send(());
    match sender.join() {
        Ok(r) => r?,
        Err(_) => return Err(Error::Usage("发信线程意外退出".into())),
    }
    tracing::info!("stopped");
    Ok(())
}
