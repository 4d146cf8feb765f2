//! Exercise tests for lesson 06, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Every wait a wrong answer could make endless is under a `timeout`: on
//! the paused clock it fires at once, with a message saying what is wrong.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use kit::timing::{assert_exact, measure, ms, secs};
use lesson_06_queues::support::{Job, SubmitError};
use tokio::sync::mpsc;
use tokio::time::{sleep, timeout};

/// Awaits `fut`, failing with `what` if it takes longer than a minute.
async fn within_a_minute<F: Future>(what: &str, fut: F) -> F::Output {
    timeout(secs(60), fut)
        .await
        .unwrap_or_else(|_| panic!("{what} (waited 60 s)"))
}

/// A closed input channel holding `items`.
fn closed_input(items: impl IntoIterator<Item = u32>) -> mpsc::Receiver<u32> {
    let items: Vec<u32> = items.into_iter().collect();
    let (tx, rx) = mpsc::channel(items.len().max(1));
    for item in items {
        tx.try_send(item).unwrap();
    }
    rx // `tx` dropped: the input is closed
}

/// Counts the work in flight and the most there ever was.
#[derive(Debug, Default)]
struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl InFlight {
    async fn run(&self, takes: Duration, value: u64) -> u64 {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        sleep(takes).await;
        self.now.fetch_sub(1, Ordering::SeqCst);
        value
    }
}

fn job(id: u32, takes: Duration) -> Job {
    Job { id, takes }
}

kit::exercise_tests! {
    lesson: lesson_06_queues, exercise: sum_produced, id: "06-sum-produced";

    #[tokio::test(start_paused = true)]
    async fn sums_ten_items_and_ends_with_the_producer() {
        let (sum, took) = measure(within_a_minute(
            "sum_produced never returned: does the loop end when the \
             producer is done? (is a Sender still alive somewhere?)",
            subject::sum_produced(10, ms(100)),
        ))
        .await;
        assert_eq!(sum, 55);
        assert_exact(took, secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn nothing_to_produce_is_zero_at_once() {
        let (sum, took) = measure(within_a_minute(
            "sum_produced(0, ..) never returned",
            subject::sum_produced(0, secs(1)),
        ))
        .await;
        assert_eq!(sum, 0);
        assert_exact(took, ms(0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_thousand_items() {
        let sum = within_a_minute(
            "sum_produced(1000, ..) never returned",
            subject::sum_produced(1000, ms(1)),
        )
        .await;
        assert_eq!(sum, 500_500);
    }
}

kit::exercise_tests! {
    lesson: lesson_06_queues, exercise: ordered_workers, id: "06-ordered-workers";

    #[tokio::test(start_paused = true)]
    async fn nine_one_second_items_on_three_workers_take_three_seconds() {
        let probe = Arc::new(InFlight::default());
        let work = {
            let probe = probe.clone();
            move |x: u32| {
                let probe = probe.clone();
                async move { probe.run(secs(1), u64::from(x) * 10).await }
            }
        };
        let (got, took) = measure(within_a_minute(
            "process_in_order never returned: does it end when the input \
             is closed?",
            subject::process_in_order(closed_input(0..9), 3, work),
        ))
        .await;
        assert_eq!(got, (0..9).map(|x| x * 10).collect::<Vec<u64>>());
        assert_exact(took, secs(3));
        assert_eq!(
            probe.peak.load(Ordering::SeqCst),
            3,
            "three workers: three items at a time, no more, no fewer"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn keeps_arrival_order_when_items_finish_out_of_order() {
        // Item 0 takes 3 s, the rest 1 s: items 1.. finish first.
        let work = |x: u32| async move {
            sleep(if x == 0 { secs(3) } else { secs(1) }).await;
            u64::from(x)
        };
        let (got, took) = measure(within_a_minute(
            "process_in_order never returned",
            subject::process_in_order(closed_input(0..4), 2, work),
        ))
        .await;
        assert_eq!(got, [0, 1, 2, 3], "arrival order");
        assert_exact(took, secs(3)); // worker 2 does items 1, 2, 3 meanwhile
    }

    #[tokio::test(start_paused = true)]
    async fn starts_items_as_they_arrive_and_ends_with_the_input() {
        let (tx, rx) = mpsc::channel(1);
        let producer = async move {
            for x in [5, 4, 3, 2, 1] {
                sleep(secs(1)).await;
                tx.send(x).await.expect("the pipeline is receiving");
            }
        }; // tx dropped: the input closes at 5 s
        let work = |x: u32| async move {
            sleep(ms(500)).await;
            u64::from(x) + 100
        };
        let pipeline = subject::process_in_order(rx, 2, work);
        let ((), (got, took)) = within_a_minute(
            "process_in_order never returned after the input closed",
            async { tokio::join!(producer, measure(pipeline)) },
        )
        .await;
        assert_eq!(got, [105, 104, 103, 102, 101]);
        assert_exact(took, ms(5500)); // the last item arrives at 5 s
    }

    #[tokio::test(start_paused = true)]
    async fn an_empty_closed_input_gives_nothing_at_once() {
        let work = |x: u32| async move { u64::from(x) };
        let (got, took) = measure(within_a_minute(
            "process_in_order never returned on an empty, closed input",
            subject::process_in_order(closed_input([]), 4, work),
        ))
        .await;
        assert!(got.is_empty());
        assert_exact(took, ms(0));
    }
}

kit::exercise_tests! {
    lesson: lesson_06_queues, exercise: work_queue, id: "06-work-queue";

    #[tokio::test(start_paused = true)]
    async fn shutdown_drains_every_accepted_job() {
        let queue = subject::WorkQueue::new(3, 10);
        for id in 0..10 {
            within_a_minute("submit never returned", queue.submit(job(id, secs(1))))
                .await
                .expect("room for all ten");
        }
        let (mut done, took) = measure(within_a_minute(
            "shutdown never returned: do the workers end once the queue \
             is closed and empty?",
            queue.shutdown(),
        ))
        .await;
        assert_exact(took, secs(4)); // 3 workers: 3 + 3 + 3 + 1
        done.sort();
        assert_eq!(done, (0..10).collect::<Vec<_>>(), "every job, once");
    }

    #[tokio::test(start_paused = true)]
    async fn submit_waits_while_the_queue_is_full() {
        let queue = subject::WorkQueue::new(1, 1);
        let start = tokio::time::Instant::now();
        let mut accepted = Vec::new();
        for id in 0..3 {
            within_a_minute("submit never returned", queue.submit(job(id, secs(1))))
                .await
                .unwrap();
            accepted.push(start.elapsed());
        }
        // Job 0 goes to the worker, job 1 fills the queue, job 2 waits
        // until the worker takes job 1, at 1 s.
        assert_eq!(accepted, [ms(0), ms(0), secs(1)]);
        let done = within_a_minute("shutdown never returned", queue.shutdown()).await;
        assert_eq!(done, [0, 1, 2]);
    }

    #[tokio::test(start_paused = true)]
    async fn try_submit_refuses_when_full_and_hands_the_job_back() {
        let queue = subject::WorkQueue::new(1, 2);
        queue.try_submit(job(0, secs(1))).unwrap();
        sleep(ms(10)).await; // the worker takes job 0
        queue.try_submit(job(1, secs(1))).unwrap();
        queue.try_submit(job(2, secs(1))).unwrap();
        assert_eq!(
            queue.try_submit(job(3, secs(1))),
            Err(SubmitError::Full(job(3, secs(1)))),
            "room for 2 in the queue, both taken"
        );
        let (done, took) =
            measure(within_a_minute("shutdown never returned", queue.shutdown()))
                .await;
        assert_eq!(done, [0, 1, 2]);
        assert_exact(took, ms(2990));
    }

    #[tokio::test(start_paused = true)]
    async fn jobs_are_refused_once_shutdown_begins() {
        let queue = subject::WorkQueue::new(1, 4);
        queue.submit(job(0, secs(1))).await.unwrap();
        let late = async {
            sleep(ms(100)).await; // shutdown has begun by now
            (
                queue.submit(job(1, secs(1))).await,
                queue.try_submit(job(2, secs(1))),
            )
        };
        let (done, (submitted, tried)) = within_a_minute(
            "shutdown never returned",
            async { tokio::join!(queue.shutdown(), late) },
        )
        .await;
        assert_eq!(submitted, Err(SubmitError::Closed(job(1, secs(1)))));
        assert_eq!(tried, Err(SubmitError::Closed(job(2, secs(1)))));
        assert_eq!(done, [0], "only the job accepted before shutdown");
    }

    #[tokio::test(start_paused = true)]
    async fn an_idle_queue_shuts_down_at_once() {
        let queue = subject::WorkQueue::new(4, 4);
        let (done, took) =
            measure(within_a_minute("shutdown never returned", queue.shutdown()))
                .await;
        assert!(done.is_empty());
        assert_exact(took, ms(0));
    }
}
