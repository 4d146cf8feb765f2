//! One worker: pulls jobs from the shared consumer, works on up to
//! `capacity` at once, records each result, acknowledges, and on a stop
//! request finishes what it holds before returning.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_nats::jetstream::message::PublishMessage;
use async_nats::jetstream::{Context, Message};
use futures::StreamExt;
use tokio::task::JoinSet;
use tokio::time::{Instant, timeout_at};
use tokio_util::sync::CancellationToken;

use crate::queue::{self, Names};

/// When the worker acknowledges a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AckWhen {
    /// After the work and its result are recorded: the right way.
    After,
    /// As soon as the job arrives: a crash mid-work loses the job.
    Before,
}

/// How a worker works.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The worker's name, stored with each result.
    pub name: String,
    /// How long one job takes.
    pub work: Duration,
    /// At most this many jobs in hand at once.
    pub capacity: usize,
    /// When to acknowledge.
    pub ack: AckWhen,
}

/// How long one pull waits for jobs before the worker looks at its stop
/// flag again.
pub const PULL_WAIT: Duration = Duration::from_millis(100);

/// How long past [`PULL_WAIT`] a pull may stay unanswered before the
/// worker stops waiting for it. The broker always answers by then, unless
/// it restarted and forgot the pull.
pub const PULL_LOST: Duration = Duration::from_secs(1);

/// What a worker reports as it goes (a child process prints these lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Connected, pulling.
    Ready,
    /// Job `id` arrived; `delivered` is 2 or more for a redelivery.
    Got {
        /// The job.
        id: u32,
        /// The broker's delivery count.
        delivered: i64,
    },
    /// Job `id` is worked and recorded; its ack is being sent.
    Done {
        /// The job.
        id: u32,
    },
    /// The worker stopped; its totals.
    Finished(Summary),
}

/// A worker's totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Jobs worked and recorded.
    pub done: usize,
    /// Of those, jobs the broker had delivered before (to someone).
    pub redelivered: usize,
    /// Results the results stream already had (a job done twice).
    pub duplicates: usize,
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::Ready => write!(f, "ready"),
            Event::Got { id, delivered } => write!(f, "got {id} {delivered}"),
            Event::Done { id } => write!(f, "done {id}"),
            Event::Finished(s) => {
                write!(
                    f,
                    "finished {} {} {}",
                    s.done, s.redelivered, s.duplicates
                )
            }
        }
    }
}

impl Event {
    /// Reads a line [`Event`]'s `Display` wrote.
    pub fn parse(line: &str) -> Option<Event> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let n = |i: usize| words.get(i)?.parse::<i64>().ok();
        Some(match *words.first()? {
            "ready" => Event::Ready,
            "got" => Event::Got {
                id: n(1)? as u32,
                delivered: n(2)?,
            },
            "done" => Event::Done { id: n(1)? as u32 },
            "finished" => Event::Finished(Summary {
                done: n(1)? as usize,
                redelivered: n(2)? as usize,
                duplicates: n(3)? as usize,
            }),
            _ => return None,
        })
    }
}

/// Where a worker sends its events.
pub type Report = Arc<dyn Fn(Event) + Send + Sync>;

#[derive(Debug, Default)]
struct Totals {
    done: AtomicUsize,
    redelivered: AtomicUsize,
    duplicates: AtomicUsize,
}

// ANCHOR: run
/// Runs until `stop` is cancelled, then finishes the jobs in hand.
pub async fn run(
    js: Context,
    names: Names,
    plan: Plan,
    stop: CancellationToken,
    report: Report,
) -> anyhow::Result<Summary> {
    let consumer = queue::consumer(&js, &names).await?;
    report(Event::Ready);
    let totals = Arc::new(Totals::default());
    let mut in_hand = JoinSet::new();
    while !stop.is_cancelled() {
        while in_hand.try_join_next().is_some() {}
        let free = plan.capacity - in_hand.len();
        if free == 0 {
            tokio::select! {
                _ = in_hand.join_next() => {}
                () = stop.cancelled() => {}
            }
            continue;
        }
        // Ask for at most `free` jobs; the broker may send fewer, or none
        // before PULL_WAIT is up.
        let pull = consumer.batch().max_messages(free).expires(PULL_WAIT);
        let Ok(mut batch) = pull.messages().await else {
            tokio::time::sleep(PULL_WAIT).await; // broker away: try again
            continue;
        };
        // Every job the broker sends is taken in hand, even after a stop
        // request: it is delivered to us and counts against our acks. A
        // pull the broker never answers (it restarted and forgot it) is
        // given up at `give_up`: async-nats itself waits 5 s more.
        let give_up = Instant::now() + PULL_WAIT + PULL_LOST;
        while let Ok(Some(Ok(job))) = timeout_at(give_up, batch.next()).await {
            let (js, names, plan) = (js.clone(), names.clone(), plan.clone());
            let (totals, report) = (totals.clone(), report.clone());
            in_hand.spawn(handle(js, names, plan, job, totals, report));
        }
    }
    // Draining: stop pulling, finish and acknowledge what we hold.
    while in_hand.join_next().await.is_some() {}
    // ANCHOR_END: run
    let summary = Summary {
        done: totals.done.load(Ordering::Relaxed),
        redelivered: totals.redelivered.load(Ordering::Relaxed),
        duplicates: totals.duplicates.load(Ordering::Relaxed),
    };
    Ok(summary)
}

// ANCHOR: handle
/// One job: work, record the result under the job's id, then acknowledge.
async fn handle(
    js: Context,
    names: Names,
    plan: Plan,
    job: Message,
    totals: Arc<Totals>,
    report: Report,
) {
    let Some(id) = std::str::from_utf8(&job.payload)
        .ok()
        .and_then(|text| text.parse::<u32>().ok())
    else {
        // A job nobody can do: tell the broker to stop delivering it.
        let _ = job.ack_with(async_nats::jetstream::AckKind::Term).await;
        return;
    };
    let delivered = job.info().map(|info| info.delivered).unwrap_or(1);
    if plan.ack == AckWhen::Before {
        // The mistake: from here on the broker has forgotten the job.
        let _ = job.double_ack().await;
    }
    report(Event::Got { id, delivered });
    tokio::time::sleep(plan.work).await; // the work
    let Some(duplicate) = record(&js, &names, &plan.name, id).await else {
        return; // not recorded, not acked: the broker delivers it again
    };
    totals.done.fetch_add(1, Ordering::Relaxed);
    if delivered > 1 {
        totals.redelivered.fetch_add(1, Ordering::Relaxed);
    }
    if duplicate {
        totals.duplicates.fetch_add(1, Ordering::Relaxed);
    }
    report(Event::Done { id });
    if plan.ack == AckWhen::After {
        // `double_ack` waits for the broker's confirmation.
        let _ = job.double_ack().await;
    }
}
// ANCHOR_END: handle

// ANCHOR: record
/// Records job `id`'s result. Idempotent: the result's message id is the
/// job's id, so a job done twice (delivered again after a crash) is
/// stored once. `Some(true)` when it was already there.
async fn record(
    js: &Context,
    names: &Names,
    worker: &str,
    id: u32,
) -> Option<bool> {
    for _ in 0..100 {
        let message = PublishMessage::build()
            .payload(worker.to_string().into())
            .message_id(format!("result-{id}"));
        if let Ok(sent) = js.send_publish(names.result(id), message).await
            && let Ok(ack) = sent.await
        {
            return Some(ack.duplicate);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}
// ANCHOR_END: record
