//! Exercise tests for lesson 06, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Every wait a wrong answer could make endless is under
//! `kit::grade::within`: on the paused clock it fires at once, with a
//! message saying what is wrong.

use std::time::Duration;

use kit::InFlight;
use kit::grade::{took_exactly, within};
use kit::timing::{fmt_duration, measure, ms, secs};
use lesson_06_queues::support::{Job, SubmitError};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// A closed input channel holding `items`.
fn closed_input(items: impl IntoIterator<Item = u32>) -> mpsc::Receiver<u32> {
    let items: Vec<u32> = items.into_iter().collect();
    let (tx, rx) = mpsc::channel(items.len().max(1));
    for item in items {
        tx.try_send(item).expect("the test's channel has room");
    }
    rx // `tx` dropped: the input is closed
}

fn job(id: u32, takes: Duration) -> Job {
    Job { id, takes }
}

kit::exercise_tests! {
    lesson: lesson_06_queues, exercise: sum_produced, id: "06-sum-produced";

    #[tokio::test(start_paused = true)]
    async fn ten_items_summed_as_the_producer_is_held_back() {
        let ((sum, producer_done), took) = measure(within(
            "sum_produced(10, 100ms) (does the loop end once the producer \
             is done? Is a Sender still alive somewhere?)",
            secs(2),
            subject::sum_produced(10, ms(100)),
        ))
        .await;
        assert_eq!(sum, 55, "1 + 2 + … + 10 is 55, sum_produced gave {sum}");
        assert!(
            producer_done == ms(700),
            "the producer's last send went in at {}; with room for 2 items \
             and 100ms to handle each, the queue holds the producer back \
             and item 10 goes in at 700ms. Is the queue bounded at 2 \
             (backpressure), and is the time taken with tokio's Instant?",
            fmt_duration(producer_done)
        );
        took_exactly(
            "sum_produced(10, 100ms) (ten items handled 100ms each, then \
             the end)",
            took,
            secs(1),
        );
    }

    #[tokio::test(start_paused = true)]
    async fn nothing_to_produce_is_zero_at_once() {
        let ((sum, producer_done), took) = measure(within(
            "sum_produced(0, 1s) (does the loop end once the producer is \
             done? Is a Sender still alive somewhere?)",
            secs(1),
            subject::sum_produced(0, secs(1)),
        ))
        .await;
        assert_eq!(sum, 0, "with no items the sum is 0, it was {sum}");
        assert!(
            producer_done == ms(0),
            "a producer of no items is done at 0ms, it said {}",
            fmt_duration(producer_done)
        );
        took_exactly("sum_produced(0, 1s)", took, ms(0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_thousand_items() {
        let (sum, _) = within(
            "sum_produced(1000, 1ms) (does the loop end once the producer \
             is done? Is a Sender still alive somewhere, or is the producer \
             awaited before its items are received?)",
            secs(2),
            subject::sum_produced(1000, ms(1)),
        )
        .await;
        assert_eq!(
            sum, 500_500,
            "1 + 2 + … + 1000 is 500500, sum_produced gave {sum}"
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_06_queues, exercise: ordered_workers, id: "06-ordered-workers";

    #[tokio::test(start_paused = true)]
    async fn nine_one_second_items_on_three_workers_take_three_seconds() {
        let probe = InFlight::new(); // counts the items in work at once
        let work = {
            let probe = probe.clone();
            move |x: u32| probe.track(async move {
                sleep(secs(1)).await;
                u64::from(x) * 10
            })
        };
        let (got, took) = measure(within(
            "process_in_order of 9 items (does it end when the input is \
             closed?)",
            secs(10),
            subject::process_in_order(closed_input(0..9), 3, work),
        ))
        .await;
        let peak = probe.max();
        assert_eq!(
            peak, 3,
            "the most items in work at once was {peak}; with 3 workers it \
             must be 3, no more, no fewer"
        );
        let want: Vec<u64> = (0..9).map(|x| x * 10).collect();
        assert_eq!(
            got, want,
            "the results of items 0 to 8 (each x gives x * 10), in the order \
             the items arrived"
        );
        took_exactly("nine 1s items on three workers", took, secs(3));
    }

    #[tokio::test(start_paused = true)]
    async fn keeps_arrival_order_when_items_finish_out_of_order() {
        // Item 0 takes 3 s, the rest 1 s: items 1.. finish first.
        let work = |x: u32| async move {
            sleep(if x == 0 { secs(3) } else { secs(1) }).await;
            u64::from(x)
        };
        let (got, took) = measure(within(
            "process_in_order of 4 items (does it end when the input is \
             closed?)",
            secs(10),
            subject::process_in_order(closed_input(0..4), 2, work),
        ))
        .await;
        assert_eq!(
            got,
            [0, 1, 2, 3],
            "the results came back as {got:?}; they must be in the order the \
             items arrived, [0, 1, 2, 3], however they finish (item 0 took \
             3s, the others 1s). Are results kept in the order they finished?"
        );
        // Worker 2 does items 1, 2 and 3 meanwhile.
        took_exactly("items of 3s, 1s, 1s, 1s on two workers", took, secs(3));
    }

    #[tokio::test(start_paused = true)]
    async fn starts_items_as_they_arrive_and_ends_with_the_input() {
        let (tx, rx) = mpsc::channel(1);
        let producer = async move {
            for x in [5, 4, 3, 2, 1] {
                sleep(secs(1)).await;
                if tx.send(x).await.is_err() {
                    break; // the pipeline has stopped receiving
                }
            }
        }; // tx dropped: the input closes at 5 s
        let work = |x: u32| async move {
            sleep(ms(500)).await;
            u64::from(x) + 100
        };
        let pipeline = subject::process_in_order(rx, 2, work);
        let ((), (got, took)) = within(
            "process_in_order of 5 items arriving one a second (does it end \
             when the input is closed?)",
            secs(20),
            async { tokio::join!(producer, measure(pipeline)) },
        )
        .await;
        assert!(
            got.len() == 5,
            "5 items were sent, one a second, and {} results came back \
             ({got:?}): items were lost. Did the workers stop when the input \
             was empty for a moment? Only recv() giving None means closed",
            got.len()
        );
        assert_eq!(
            got,
            [105, 104, 103, 102, 101],
            "the results of items 5, 4, 3, 2, 1 (each x gives x + 100), in \
             arrival order"
        );
        assert!(
            took == ms(5500),
            "the last item arrived at 5s and takes 500ms, so all can be done \
             at 5.5s; process_in_order returned at {}. Does work start only \
             once the input is closed, not as each item arrives?",
            fmt_duration(took)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn an_empty_closed_input_gives_nothing_at_once() {
        let work = |x: u32| async move { u64::from(x) };
        let (got, took) = measure(within(
            "process_in_order on an empty, closed input",
            secs(1),
            subject::process_in_order(closed_input([]), 4, work),
        ))
        .await;
        assert!(
            got.is_empty(),
            "an empty input must give no results, it gave {got:?}"
        );
        took_exactly("process_in_order on an empty, closed input", took, ms(0));
    }
}

kit::exercise_tests! {
    lesson: lesson_06_queues, exercise: work_queue, id: "06-work-queue";

    #[tokio::test(start_paused = true)]
    async fn shutdown_drains_every_accepted_job() {
        let queue = subject::WorkQueue::new(3, 10);
        for id in 0..10 {
            let submit = queue.submit(job(id, secs(1)));
            within("a submit with room", secs(1), submit)
                .await
                .expect("a queue with room for 10 accepts ten jobs");
        }
        let (mut done, took) = measure(within(
            "shutdown (do the workers end once the queue is closed and \
             empty?)",
            secs(8),
            queue.shutdown(),
        ))
        .await;
        done.sort();
        assert_eq!(
            done,
            (0..10).collect::<Vec<_>>(),
            "shutdown reported the jobs {done:?} as done (sorted); all ten \
             accepted jobs, 0 to 9, must be done, each once. Did shutdown \
             stop the workers before they finished the accepted jobs?"
        );
        took_exactly(
            "shutdown of ten 1s jobs on 3 workers (3 + 3 + 3 + 1)",
            took,
            secs(4),
        );
    }

    #[tokio::test(start_paused = true)]
    async fn submit_waits_while_the_queue_is_full() {
        let queue = subject::WorkQueue::new(1, 1);
        let start = Instant::now();
        let mut accepted = Vec::new();
        for id in 0..3 {
            within("a submit", secs(5), queue.submit(job(id, secs(1))))
                .await
                .expect("an open queue accepts the job, waiting if full");
            accepted.push(start.elapsed());
        }
        // Job 0 goes to the worker, job 1 fills the queue, job 2 waits
        // until the worker takes job 1, at 1 s.
        let shown: Vec<String> =
            accepted.iter().map(|&d| fmt_duration(d)).collect();
        let shown = shown.join(", ");
        assert!(
            accepted == [ms(0), ms(0), secs(1)],
            "with 1 worker and room for 1, three submits returned at \
             [{shown}]; they should return at [0ms, 0ms, 1s]: job 0 goes to \
             the worker, job 1 fills the queue, job 2 waits until the worker \
             takes job 1. Is the queue bounded at `capacity`?"
        );
        let done = within("shutdown", secs(5), queue.shutdown()).await;
        assert_eq!(
            done,
            [0, 1, 2],
            "shutdown reported {done:?} as done; jobs 0, 1 and 2, in the \
             order they finished, were expected"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn try_submit_refuses_when_full_and_hands_the_job_back() {
        let queue = subject::WorkQueue::new(1, 2);
        queue
            .try_submit(job(0, secs(1)))
            .expect("try_submit on an empty queue accepts job 0");
        sleep(ms(10)).await; // the worker takes job 0
        queue
            .try_submit(job(1, secs(1)))
            .expect("try_submit with room for 2 accepts job 1");
        queue
            .try_submit(job(2, secs(1)))
            .expect("try_submit with room for 1 more accepts job 2");
        let refused = queue.try_submit(job(3, secs(1)));
        assert_eq!(
            refused,
            Err(SubmitError::Full(job(3, secs(1)))),
            "room for 2 in the queue, both taken, so try_submit(job 3) must \
             give the job back as Full; is the queue bounded at `capacity`?"
        );
        let (done, took) =
            measure(within("shutdown", secs(5), queue.shutdown())).await;
        assert_eq!(
            done,
            [0, 1, 2],
            "shutdown reported {done:?} as done; jobs 0, 1 and 2 were accepted"
        );
        took_exactly(
            "shutdown at 10ms of three 1s jobs on one worker",
            took,
            ms(2990),
        );
    }

    #[tokio::test(start_paused = true)]
    async fn jobs_are_refused_once_shutdown_begins() {
        let queue = subject::WorkQueue::new(1, 4);
        let submit = queue.submit(job(0, secs(1)));
        within("a submit to an empty queue", secs(1), submit)
            .await
            .expect("an empty queue accepts job 0");
        let late = async {
            sleep(ms(100)).await; // shutdown has begun by now
            (
                queue.submit(job(1, secs(1))).await,
                queue.try_submit(job(2, secs(1))),
            )
        };
        let (done, (submitted, tried)) = within(
            "shutdown, with submits arriving during it (do the workers end \
             once the queue is closed and empty?)",
            secs(5),
            async { tokio::join!(queue.shutdown(), late) },
        )
        .await;
        assert_eq!(
            submitted,
            Err(SubmitError::Closed(job(1, secs(1)))),
            "submit(job 1) during shutdown must give the job back as Closed"
        );
        assert_eq!(
            tried,
            Err(SubmitError::Closed(job(2, secs(1)))),
            "try_submit(job 2) during shutdown must give the job back as Closed"
        );
        assert_eq!(
            done,
            [0],
            "shutdown reported {done:?} as done; job 0, the only job accepted \
             before shutdown, must be done. Did shutdown stop the workers \
             before they finished the accepted jobs?"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn an_idle_queue_shuts_down_at_once() {
        let queue = subject::WorkQueue::new(4, 4);
        let (done, took) = measure(within(
            "shutdown of an idle queue (do the workers end once the queue is \
             closed and empty?)",
            secs(1),
            queue.shutdown(),
        ))
        .await;
        assert!(
            done.is_empty(),
            "an idle queue has done no jobs, shutdown reported {done:?}"
        );
        took_exactly("shutdown of an idle queue", took, ms(0));
    }
}
