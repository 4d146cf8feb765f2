//! The service as a process: the state the flags ask for, then serving
//! until Ctrl-C or SIGTERM (or, with `--tour`, until the tour is done).

use std::time::Duration;

use lesson_14_web::db::Db;
use lesson_14_web::mail::Mailer;
use lesson_14_web::{AppState, Stopped, serve};
use tokio::net::TcpListener;

use crate::{Cli, tour};

// ANCHOR: run
pub async fn run(cli: Cli) -> Result<Stopped, String> {
    // The default database lives in a temporary directory, removed when
    // `_dir` is dropped at the end of `run`.
    let (url, _dir) = match cli.database_url {
        Some(url) => (url, None),
        None => {
            let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
            let path = dir.path().join("users.db");
            (format!("sqlite://{}?mode=rwc", path.display()), Some(dir))
        }
    };
    let latency = Duration::from_millis(cli.db_latency_ms);
    let db = Db::connect(&url, cli.pool, latency).await?;
    let mailer = Mailer::new(Duration::from_millis(cli.mail_ms));
    let state = AppState { db, mailer };
    let port = if cli.tour { 0 } else { cli.port };
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let deadline = Duration::from_millis(cli.drain_ms);

    if cli.tour {
        return tour::run(listener, state, deadline).await;
    }
    let signal = shutdown_signal().map_err(|e| e.to_string())?;
    tracing::info!("listening on http://{addr} (database: {url})");
    serve(listener, state, signal, deadline)
        .await
        .map_err(|e| e.to_string())
}
// ANCHOR_END: run

/// Ctrl-C or SIGTERM, handlers installed now (see lesson 13).
fn shutdown_signal()
-> std::io::Result<impl Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut terminate = signal(SignalKind::terminate())?;
        Ok(async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        })
    }
    #[cfg(not(unix))]
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
