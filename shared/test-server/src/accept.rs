//! The accept loop: one TCP listener, HTTP/1.1 and h2c on the same port.
//!
//! `axum::serve` would be shorter, but it speaks only HTTP/1.1 to a client
//! that doesn't negotiate. hyper-util's `auto::Builder` instead peeks at the
//! first bytes of each connection: the HTTP/2 preface (`PRI * HTTP/2.0...`)
//! means h2c with prior knowledge, anything else is HTTP/1.1.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::MAX_CONCURRENT_STREAMS;
use crate::state::AppState;

/// Accepts connections until `shutdown` fires (or its sender is dropped),
/// then closes the listener and waits for the open connections to finish
/// their in-flight requests.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    state: Arc<AppState>,
    mut shutdown: oneshot::Receiver<()>,
) {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http2()
        .max_concurrent_streams(MAX_CONCURRENT_STREAMS);
    // Every connection is registered here so shutdown can wait for it.
    let graceful = GracefulShutdown::new();

    loop {
        tokio::select! {
            // `Ok` is stop(), `Err` is the handle being dropped: both mean stop.
            _ = &mut shutdown => break,
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _peer)) => stream,
                    Err(_) => {
                        // A client that gave up mid-handshake or a full file
                        // table is no reason to stop serving: breathe, retry.
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        continue;
                    }
                };
                // Small requests and answers: don't let Nagle hold them back.
                let _ = stream.set_nodelay(true);
                state.connections.fetch_add(1, Ordering::Relaxed);
                state.open_connections.fetch_add(1, Ordering::Relaxed);
                let closed = Arc::clone(&state);

                let service = TowerToHyperService::new(app.clone());
                let conn = builder
                    .serve_connection(TokioIo::new(stream), service)
                    .into_owned();
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    // A client hanging up mid-request is normal, not our error.
                    let _ = conn.await;
                    closed.open_connections.fetch_sub(1, Ordering::Relaxed);
                });
            }
        }
    }

    // Close the listening socket first: from now on connects are refused.
    drop(listener);
    // Then tell every connection to finish what it is doing and close
    // (HTTP/2 sends GOAWAY), and wait until all of them have.
    graceful.shutdown().await;
}
