//! The daemon's signals: SIGINT and SIGTERM stop it (the mail in hand is finished first),
//! SIGHUP reloads the configuration (an invalid one is refused and the old one kept).

/// Sets `stop` on SIGINT or SIGTERM and cuts blocking waits short; reloads the configuration
/// on SIGHUP (an invalid one is rejected and the old one kept).
pub(super) fn spawn_signal_watcher(
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    interrupters: std::sync::Arc<std::sync::Mutex<Vec<crate::intake::Interrupter>>>,
    cell: crate::daemon::ConfigCell,
) -> anyhow::Result<()> {
    use tokio::signal::unix::{signal, SignalKind};
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Register before returning, so a signal that arrives at once is not lost.
    let (mut term, mut int, mut hup) = {
        let _guard = rt.enter();
        (
            signal(SignalKind::terminate())?,
            signal(SignalKind::interrupt())?,
            signal(SignalKind::hangup())?,
        )
    };
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            rt.block_on(async move {
                loop {
                    tokio::select! {
                        _ = term.recv() => { tracing::info!("SIGTERM: stopping"); break; }
                        _ = int.recv() => { tracing::info!("SIGINT: stopping"); break; }
                        _ = hup.recv() => {
                            tracing::info!("SIGHUP: reloading the configuration");
                            let _ = crate::daemon::reload(&cell);
                        }
                    }
                }
            });
            stop.store(true, std::sync::atomic::Ordering::SeqCst);
            for i in interrupters.lock().map(|v| v.clone()).unwrap_or_default() {
                i();
            }
        })?;
    Ok(())
}
