//! Exercise tests for lesson 17, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! They need a NATS server with JetStream (`server::for_test`). Without
//! one, a solution test skips (so `cargo test --workspace` passes on a
//! machine with only Rust), but a stub test fails and says how to start
//! one: `broker!()` tells them apart by `module_path!()`, which ends in
//! `::stub` or `::solution` (the macro's two modules).
//!
//! The broker runs on the real clock. Every wait is bounded, and no
//! verdict depends on a race: failures are injected at a fixed job (the
//! payments service fails on invoice 3; the stop comes inside job 2's
//! handler), and a test waits for the broker's own counts (pending,
//! unacknowledged) to settle rather than for a time to pass.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_nats::jetstream::consumer::{AckPolicy, PullConsumer, pull};
use async_nats::jetstream::{self, stream};
use kit::grade::within;
use kit::servers::{self, Missing, Server};
use kit::timing::{ms, secs};
use lesson_17_broker::server::{self as nats, Broker};
use lesson_17_broker::support::{Job, Payments};
use tokio_util::sync::CancellationToken;

/// The broker for this test, or `return` (a solution test without one
/// skips; a stub test fails, saying how to start NATS).
macro_rules! broker {
    () => {
        match connect(module_path!()).await {
            Some(found) => found,
            None => return,
        }
    };
}

/// A connected broker: kept alive (a private server lives as long as
/// `_broker`) with its JetStream context.
struct Connected {
    _broker: Broker,
    url: String,
    js: jetstream::Context,
}

async fn connect(test_module: &str) -> Option<Connected> {
    let stub = test_module.ends_with("::stub");
    let set = std::env::var(Server::Nats.var())
        .is_ok_and(|url| !url.trim().is_empty());
    if stub && !set && !nats::binary_installed() {
        panic!(
            "this exercise runs on a NATS server with JetStream, and there \
             is none: {} is not set and `nats-server` is not installed. \
             Install nats-server (the tests then start their own), or {}",
            Server::Nats.var(),
            Server::Nats.how_to_start()
        );
    }
    let broker = nats::for_test()?;
    let client = async_nats::connect(broker.url.as_str()).await;
    let client = if stub {
        client.unwrap_or_else(|e| {
            panic!(
                "this exercise runs on a NATS server with JetStream, and \
                 {} cannot be reached: {e}. {}",
                broker.url,
                Server::Nats.how_to_start()
            )
        })
    } else {
        servers::connected(
            Server::Nats,
            client,
            Missing::from_env(),
            &mut std::io::stderr(),
        )?
    };
    Some(Connected {
        url: broker.url.clone(),
        _broker: broker,
        js: jetstream::new(client),
    })
}

/// One test's stream (in memory, its own name), deleted when dropped,
/// even by a failing test.
struct Queue {
    js: jetstream::Context,
    url: String,
    stream: String,
    subject: String,
}

impl Queue {
    async fn new(nats: &Connected) -> Queue {
        let name = nats::unique("X17");
        let subject = format!("{name}.jobs");
        nats.js
            .create_stream(stream::Config {
                name: name.clone(),
                subjects: vec![subject.clone()],
                storage: stream::StorageType::Memory,
                max_age: secs(600),
                ..Default::default()
            })
            .await
            .unwrap_or_else(|e| {
                panic!("the test could not create its stream: {e}")
            });
        Queue {
            js: nats.js.clone(),
            url: nats.url.clone(),
            stream: name,
            subject,
        }
    }

    /// The durable pull consumer every worker of this test shares.
    async fn consumer(&self, ack_wait: Duration) -> PullConsumer {
        let stream = self.js.get_stream(&self.stream).await;
        let stream =
            stream.unwrap_or_else(|e| panic!("the test's stream is gone: {e}"));
        let config = pull::Config {
            durable_name: Some("workers".to_string()),
            ack_policy: AckPolicy::Explicit,
            ack_wait,
            ..Default::default()
        };
        let made = stream.create_consumer(config).await;
        made.unwrap_or_else(|e| {
            panic!("the test could not create its consumer: {e}")
        })
    }

    /// Publishes jobs `ids` (the test's own producer), `cents` = 100 × id.
    async fn publish(&self, ids: std::ops::RangeInclusive<u64>) {
        for id in ids {
            let job = Job {
                id,
                cents: 100 * id,
            };
            let payload = serde_json::to_vec(&job).expect("a Job is JSON");
            let sent = self.js.publish(self.subject.clone(), payload.into());
            let acked = async { sent.await?.await.map_err(Into::into) };
            let acked: Result<_, async_nats::Error> = acked.await;
            acked.unwrap_or_else(|e| panic!("the test could not publish: {e}"));
        }
    }

    /// How many messages the stream holds.
    async fn messages(&self) -> u64 {
        let stream = self.js.get_stream(&self.stream).await;
        let stream =
            stream.unwrap_or_else(|e| panic!("the test's stream is gone: {e}"));
        stream.cached_info().state.messages
    }
}

impl Drop for Queue {
    fn drop(&mut self) {
        // Dropped inside the test's runtime, maybe while it unwinds: delete
        // the stream from a thread of its own, with a runtime of its own.
        let (url, name) = (self.url.clone(), self.stream.clone());
        let deleted = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let delete = async {
                    let client =
                        async_nats::connect(url.as_str()).await.ok()?;
                    let js = jetstream::new(client);
                    js.delete_stream(&name).await.ok()
                };
                tokio::time::timeout(secs(2), delete).await.ok().flatten()
            })
        });
        let _ = deleted.join();
    }
}

/// The consumer's counts: (waiting to be delivered, delivered but not
/// acknowledged).
async fn counts(consumer: &PullConsumer) -> (u64, usize) {
    let info = consumer.get_info().await;
    let info = info.unwrap_or_else(|e| {
        panic!("the test could not read the consumer: {e}")
    });
    (info.num_pending, info.num_ack_pending)
}

/// Waits (polling, at most `allowed`) until the consumer has nothing to
/// deliver and nothing unacknowledged; the counts it saw last.
async fn settled(consumer: &PullConsumer, allowed: Duration) -> (u64, usize) {
    counts_until(consumer, allowed, |now| now == (0, 0)).await
}

/// Waits (polling, at most `allowed`) until the consumer has no job
/// delivered and unacknowledged; the counts it saw last.
async fn all_acked(consumer: &PullConsumer, allowed: Duration) -> (u64, usize) {
    counts_until(consumer, allowed, |(_, unacked)| unacked == 0).await
}

async fn counts_until(
    consumer: &PullConsumer,
    allowed: Duration,
    done: impl Fn((u64, usize)) -> bool,
) -> (u64, usize) {
    let until = tokio::time::Instant::now() + allowed;
    loop {
        let now = counts(consumer).await;
        if done(now) || tokio::time::Instant::now() >= until {
            return now;
        }
        tokio::time::sleep(ms(25)).await;
    }
}

// ---------------------------------------------------------------- submit

kit::exercise_tests! {
    lesson: lesson_17_broker, exercise: submit_once, id: "17-submit-once";

    #[tokio::test]
    async fn a_retried_job_is_stored_once() {
        let nats = broker!();
        let queue = Queue::new(&nats).await;
        let job = Job { id: 7, cents: 700 };
        let mut answers = Vec::new();
        for call in ["first", "second"] {
            let submitted = within(
                &format!("the {call} submit of job 7"),
                secs(2),
                subject::submit(&queue.js, &queue.subject, &job),
            )
            .await;
            let submitted = submitted.unwrap_or_else(|e| {
                panic!("the {call} submit of job 7 failed: {e:#}")
            });
            answers.push(submitted);
        }
        let stored = queue.messages().await;
        assert!(
            stored == 1,
            "job 7 submitted twice left {stored} message(s) in the stream, \
             not 1: the broker drops a job submitted again only if both \
             carry the same `Nats-Msg-Id` header"
        );
        assert!(
            answers == [true, false],
            "submit returned {answers:?} for job 7 then job 7 again; the \
             broker stored the first and answered that the second was a \
             duplicate (`PublishAck::duplicate`), so: [true, false]"
        );
    }

    #[tokio::test]
    async fn every_job_is_stored_once() {
        let nats = broker!();
        let queue = Queue::new(&nats).await;
        let mut answers = Vec::new();
        for id in [1, 2, 3, 4, 5, 3] {
            let job = Job { id, cents: 100 * id };
            let submitted = within(
                &format!("the submit of job {id}"),
                secs(2),
                subject::submit(&queue.js, &queue.subject, &job),
            )
            .await;
            let submitted = submitted.unwrap_or_else(|e| {
                panic!("the submit of job {id} failed: {e:#}")
            });
            answers.push(submitted);
        }
        let stored = queue.messages().await;
        assert!(
            stored == 5,
            "jobs 1 to 5, then job 3 again, left {stored} message(s) in the \
             stream, not 5: each job needs a message id of its own, made \
             from its own id, so that only a true repeat is dropped"
        );
        assert!(
            answers == [true, true, true, true, true, false],
            "submit returned {answers:?} for jobs 1 to 5, then job 3 again; \
             the broker's acks say [true, true, true, true, true, false]"
        );
    }

    #[tokio::test]
    async fn the_stored_message_is_the_job_as_json() {
        let nats = broker!();
        let queue = Queue::new(&nats).await;
        let job = Job { id: 7, cents: 700 };
        let submitted = within(
            "the submit of job 7",
            secs(2),
            subject::submit(&queue.js, &queue.subject, &job),
        )
        .await;
        if let Err(e) = submitted {
            panic!("the submit of job 7 failed: {e:#}");
        }
        let stream = queue.js.get_stream(&queue.stream).await;
        let stream = stream
            .unwrap_or_else(|e| panic!("the test's stream is gone: {e}"));
        let stored = stream.get_raw_message(1).await;
        let stored = stored.unwrap_or_else(|e| {
            panic!("the stream holds no message after submit(job 7): {e}")
        });
        let got: Result<Job, _> = serde_json::from_slice(&stored.payload);
        assert!(
            got.as_ref().ok() == Some(&job),
            "the stored message is {:?}, which is not job 7 as JSON, \
             {{\"id\":7,\"cents\":700}}",
            String::from_utf8_lossy(&stored.payload)
        );
    }
}

// ------------------------------------------------------------ ack after store

/// The second worker: runs until the broker has nothing left to deliver
/// or to wait for (or `allowed` passes), then the verdict on `payments`.
async fn second_worker_settles<W>(
    worker: W,
    consumer: &PullConsumer,
    payments: &Payments,
    ids: std::ops::RangeInclusive<u64>,
) where
    W: Future<Output = anyhow::Result<()>>,
{
    let allowed = secs(3);
    let outcome = tokio::select! {
        counts = settled(consumer, allowed) => counts,
        result = worker => panic!(
            "the second worker returned ({result:?}) although the payments \
             service did not fail: a worker keeps taking jobs while they come"
        ),
    };
    let unpaid: Vec<u64> = ids
        .clone()
        .filter(|&id| payments.times_paid(id) == 0)
        .collect();
    let (pending, unacked) = outcome;
    assert!(
        unpaid.is_empty() || (pending, unacked) != (0, 0),
        "invoice(s) {unpaid:?} never paid, and the broker has no job left \
         to deliver or to wait for: the job was acknowledged although its \
         payment failed, so no worker can try again. Acknowledge a job only \
         once its invoice is paid"
    );
    let unpaid = if unpaid.is_empty() {
        String::new()
    } else {
        format!(" (and invoices {unpaid:?} are still unpaid)")
    };
    assert!(
        (pending, unacked) == (0, 0),
        "after {allowed:?} the broker still waits for the acks of {unacked} \
         job(s), and has {pending} more to deliver{unpaid}: a job that is \
         never acknowledged comes back every ack_wait (300ms), for ever. \
         Acknowledge each job once its invoice is paid",
    );
    for id in ids {
        let times = payments.times_paid(id);
        assert!(
            times == 1,
            "invoice {id} was paid {times} times, not once: a job can come \
             again (its payment went through but its ack never did), so ask \
             `payments.paid` before paying"
        );
    }
}

/// Invoices 1 to 5, and a payments service that fails on invoice `id` as
/// `fail` sets it up: the first worker must return that error, and the
/// next one must then settle every invoice, each paid once.
async fn first_fails_then_next_settles<P, W>(
    nats: &Connected,
    pay_invoices: P,
    id: u64,
    fail: fn(&Payments, u64),
) where
    P: Fn(PullConsumer, Payments) -> W,
    W: Future<Output = anyhow::Result<()>>,
{
    let queue = Queue::new(nats).await;
    let consumer = queue.consumer(ms(300)).await;
    queue.publish(1..=5).await;
    let payments = Payments::new();
    fail(&payments, id);
    let first = within(
        &format!(
            "the first worker, once the payments service failed on invoice \
             {id} (it should return that error),"
        ),
        secs(2),
        pay_invoices(consumer.clone(), payments.clone()),
    )
    .await;
    assert!(
        first.is_err(),
        "the first worker returned Ok(()) when the payments service failed \
         on invoice {id}; it should return the error"
    );
    let next = pay_invoices(consumer.clone(), payments.clone());
    second_worker_settles(next, &consumer, &payments, 1..=5).await;
}

kit::exercise_tests! {
    lesson: lesson_17_broker,
    exercise: ack_after_store, id: "17-ack-after-store";

    #[tokio::test]
    async fn a_failed_payment_is_made_by_the_next_worker() {
        let nats = broker!();
        let fail = Payments::fail_before_paying;
        first_fails_then_next_settles(&nats, subject::pay_invoices, 3, fail)
            .await;
    }

    #[tokio::test]
    async fn a_payment_made_but_unheard_is_not_made_twice() {
        let nats = broker!();
        let fail = Payments::fail_after_paying;
        first_fails_then_next_settles(&nats, subject::pay_invoices, 4, fail)
            .await;
    }

    #[tokio::test]
    async fn every_paid_job_is_acknowledged() {
        let nats = broker!();
        let queue = Queue::new(&nats).await;
        let consumer = queue.consumer(ms(300)).await;
        queue.publish(1..=5).await;
        let payments = Payments::new();
        let worker = subject::pay_invoices(consumer.clone(), payments.clone());
        second_worker_settles(worker, &consumer, &payments, 1..=5).await;
    }
}

// ------------------------------------------------------------ graceful worker

/// The jobs a handler saw, in order.
type Seen = Arc<Mutex<Vec<u64>>>;

fn seen(jobs: &Seen) -> Vec<u64> {
    jobs.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

kit::exercise_tests! {
    lesson: lesson_17_broker,
    exercise: graceful_worker, id: "17-graceful-worker";

    #[tokio::test]
    async fn a_stop_mid_batch_finishes_the_batch() {
        let nats = broker!();
        let queue = Queue::new(&nats).await;
        // Long: a job fetched and dropped stays unacknowledged all test.
        let consumer = queue.consumer(secs(30)).await;
        queue.publish(1..=8).await;
        let stop = CancellationToken::new();
        let handled = Seen::default();
        let handle = |job: Job| {
            let (stop, handled) = (stop.clone(), handled.clone());
            async move {
                handled.lock().unwrap_or_else(|e| e.into_inner()).push(job.id);
                if job.id == 2 {
                    stop.cancel(); // the stop comes while job 2 is handled
                }
                tokio::time::sleep(ms(20)).await;
            }
        };
        let returned = within(
            "the worker, stopped while handling job 2 of its batch of 4,",
            secs(2),
            subject::work_until_stopped(consumer.clone(), stop.clone(), handle),
        )
        .await;
        let handled = seen(&handled);
        assert!(
            handled.len() >= 4,
            "it handled jobs {handled:?}, then returned; the stop came while \
             job 2 was handled, and the batch it held was jobs 1 to 4: \
             finish every job already fetched before returning"
        );
        assert!(
            handled == [1, 2, 3, 4],
            "it handled jobs {handled:?}; the stop came while job 2 of the \
             batch of jobs 1 to 4 was handled: finish that batch, but do \
             not fetch another one after the stop (batches of at most 4)"
        );
        let returned = returned.unwrap_or_else(|e| {
            panic!("it returned an error: {e:#}")
        });
        assert!(
            returned == 4,
            "it returned {returned}, but it handled 4 jobs"
        );
        let (pending, unacked) = all_acked(&consumer, secs(1)).await;
        assert!(
            unacked == 0,
            "the broker still waits for the acks of {unacked} job(s): \
             acknowledge every job once it is handled"
        );
        assert!(
            pending == 4,
            "{pending} jobs are left in the stream, not 4 (jobs 5 to 8)"
        );
    }

    #[tokio::test]
    async fn an_idle_worker_stops_within_a_second() {
        let nats = broker!();
        let queue = Queue::new(&nats).await;
        let consumer = queue.consumer(secs(30)).await;
        let stop = CancellationToken::new();
        let handle = |job: Job| async move {
            panic!("there are no jobs, yet it handled job {}", job.id)
        };
        let worker =
            subject::work_until_stopped(consumer, stop.clone(), handle);
        let stopping = async {
            // Let it start waiting for jobs first.
            tokio::time::sleep(ms(200)).await;
            stop.cancel();
        };
        let (returned, ()) = tokio::join!(
            within(
                "the idle worker, told to stop after 200ms (its wait for \
                 jobs must end, as Python's fetch(timeout=0.5) does),",
                ms(1200),
                worker,
            ),
            stopping
        );
        let returned = returned.unwrap_or_else(|e| {
            panic!("it returned an error: {e:#}")
        });
        assert!(returned == 0, "it returned {returned}; it handled no job");
    }

    #[tokio::test]
    async fn without_a_stop_every_job_is_handled_and_acknowledged() {
        let nats = broker!();
        let queue = Queue::new(&nats).await;
        let consumer = queue.consumer(secs(30)).await;
        queue.publish(1..=10).await;
        let stop = CancellationToken::new();
        let handled = Seen::default();
        let handle = |job: Job| {
            let (stop, handled) = (stop.clone(), handled.clone());
            async move {
                let mut jobs =
                    handled.lock().unwrap_or_else(|e| e.into_inner());
                jobs.push(job.id);
                if jobs.len() == 10 {
                    stop.cancel(); // the last job: time to go
                }
            }
        };
        let returned = within(
            "the worker, with 10 jobs to handle and a stop once the 10th \
             is handled,",
            secs(3),
            subject::work_until_stopped(consumer.clone(), stop.clone(), handle),
        )
        .await;
        let returned = returned.unwrap_or_else(|e| {
            panic!("it returned an error: {e:#}")
        });
        let handled = seen(&handled);
        assert!(
            handled == (1..=10).collect::<Vec<u64>>(),
            "it handled jobs {handled:?}; there were jobs 1 to 10, in order"
        );
        assert!(returned == 10, "it returned {returned}; it handled 10 jobs");
        let (_, unacked) = all_acked(&consumer, secs(1)).await;
        assert!(
            unacked == 0,
            "the broker still waits for the acks of {unacked} job(s): \
             acknowledge every job once it is handled"
        );
    }
}
