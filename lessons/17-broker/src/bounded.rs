//! `max_ack_pending`: the broker's bound on jobs in flight, all workers
//! together, like lesson 06's bounded channel.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_nats::jetstream::Context;
use kit::{InFlight, InFlightGuard};
use tokio_util::sync::CancellationToken;

use crate::queue::{self, Names, Setup};
use crate::worker::{self, AckWhen, Event, Plan};
use crate::{produce, results, server};

/// Jobs in hand across all workers, and the most there ever were.
#[derive(Debug, Default)]
pub struct InHand {
    gauge: InFlight,
    /// A job is counted from its `Got` to its `Done`: its guard waits
    /// here in between.
    held: Mutex<Vec<(u32, InFlightGuard)>>,
}

impl InHand {
    /// Counts a job that arrived (`Got`) or is done (`Done`).
    pub fn see(&self, event: Event) {
        let mut held = self.held.lock().expect("never poisoned");
        match event {
            Event::Got { id, .. } => held.push((id, self.gauge.enter())),
            // Counted out before the ack is sent, so this count is never
            // above the broker's own.
            Event::Done { id } => {
                if let Some(i) = held.iter().position(|(job, _)| *job == id) {
                    let (_, counted) = held.swap_remove(i);
                    drop(counted); // counts the job out
                }
            }
            _ => {}
        }
    }
    /// The most jobs in hand at once.
    pub fn peak(&self) -> usize {
        self.gauge.max()
    }
}

// ANCHOR: bounded
/// Three workers, each willing to hold 10 jobs of 100 ms, on a consumer
/// whose `max_ack_pending` is `limit`; 30 jobs, as many as the three
/// would hold at once. The peak in hand.
pub async fn peak_in_hand(
    js: &Context,
    url: &str,
    limit: i64,
) -> anyhow::Result<usize> {
    let names = Names::new(&server::unique("L17_bounded"));
    let setup = Setup {
        max_ack_pending: limit,
        ..Setup::default()
    };
    queue::create(js, &names, setup).await?;
    let in_hand = Arc::new(InHand::default());
    let stop = CancellationToken::new();
    let mut workers = Vec::new();
    for w in 0..3 {
        let plan = Plan {
            name: format!("w{w}"),
            work: Duration::from_millis(100),
            capacity: 10,
            ack: AckWhen::After,
        };
        let counter = in_hand.clone();
        let report: worker::Report = Arc::new(move |event| counter.see(event));
        let js = queue::connect(url).await?;
        let run = worker::run(js, names.clone(), plan, stop.clone(), report);
        workers.push(tokio::spawn(run));
    }
    produce::publish_all(js, &names, 0..30).await;
    // ANCHOR_END: bounded
    results::wait_for(js, &names, 30, Duration::from_secs(30)).await;
    stop.cancel();
    for w in workers {
        w.await??;
    }
    queue::delete(js, &names).await;
    Ok(in_hand.peak())
}
