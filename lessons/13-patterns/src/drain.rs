//! The three steps of a graceful drain, in memory and on a timeline.
//!
//! The echo server's shutdown ([`echo`](crate::echo)) runs on real
//! sockets, which tokio's paused clock cannot time. This is the same
//! shutdown with requests coming over a channel instead of a listener, so
//! a paused-clock run draws it exactly: stop accepting, let the requests
//! in flight finish, and at the drain deadline cut off what is left.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::Timeline;
use kit::timing::fmt_duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep, sleep_until, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// A request: its name, when it arrives, how long it takes to serve.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    pub name: &'static str,
    pub arrives: Duration,
    pub work: Duration,
}

/// What became of the requests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Drained {
    /// Served, in the order they finished.
    pub served: Vec<&'static str>,
    /// Still in flight at the drain deadline, dropped.
    pub cut_off: Vec<&'static str>,
    /// Arrived after the server stopped accepting.
    pub refused: Vec<&'static str>,
}

/// Sends each request at its arrival time; notes the ones refused.
async fn clients(
    requests: &[Request],
    to_server: mpsc::Sender<Request>,
    timeline: &Timeline,
) -> Vec<&'static str> {
    let start = Instant::now();
    let mut refused = Vec::new();
    for &request in requests {
        sleep_until(start + request.arrives).await;
        if to_server.send(request).await.is_err() {
            timeline.start(format!("{}: refused", request.name)).end();
            refused.push(request.name);
        }
    }
    refused
}

/// Serves one request, unless the deadline's token cuts it off first.
async fn handle(
    request: Request,
    cut: CancellationToken,
    timeline: Timeline,
    drained: Arc<Mutex<Drained>>,
) {
    let label =
        format!("{}: {} of work", request.name, fmt_duration(request.work));
    let work = timeline.track(label, sleep(request.work)); // dropped: ✗
    let served = tokio::select! {
        () = work => true,
        () = cut.cancelled() => false,
    };
    let mut drained = drained.lock().expect("not poisoned");
    let list = if served {
        &mut drained.served
    } else {
        &mut drained.cut_off
    };
    list.push(request.name);
}

// ANCHOR: drain
/// Serves `requests` until `stop_at`, then drains within `deadline`.
pub async fn serve_then_drain(
    requests: &[Request],
    stop_at: Duration,
    deadline: Duration,
    timeline: &Timeline,
) -> Drained {
    let (to_server, mut incoming) = mpsc::channel(8);
    let cut = CancellationToken::new();
    let tracker = TaskTracker::new();
    let drained = Arc::new(Mutex::new(Drained::default()));

    let server = async {
        let accepting = timeline.start("accepting");
        let stop = sleep(stop_at);
        tokio::pin!(stop);
        loop {
            tokio::select! {
                () = &mut stop => break,
                Some(request) = incoming.recv() => {
                    let (cut, tl) = (cut.clone(), timeline.clone());
                    tracker.spawn(handle(request, cut, tl, drained.clone()));
                }
            }
        }
        // 1. Stop accepting: with the receiver gone, every later send
        //    fails at once (a closed listener refuses connections).
        drop(incoming);
        accepting.end();

        // 2. Let what is in flight finish, up to the deadline...
        let draining = timeline.start("draining");
        tracker.close();
        if timeout(deadline, tracker.wait()).await.is_err() {
            // 3. ...then cut off the rest, and wait until they are gone.
            cut.cancel();
            tracker.wait().await;
        }
        draining.end();
    };
    let (refused, ()) =
        tokio::join!(clients(requests, to_server, timeline), server);

    let mut drained = std::mem::take(&mut *drained.lock().expect("ok"));
    drained.refused = refused;
    drained
}
// ANCHOR_END: drain
