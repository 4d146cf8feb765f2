//! Program 2, the second Python tutorial program that hangs (from the
//! tutorials this course follows), translated line for line with the
//! Python-style queue.
//!
//! Two producers each put 10 items and then, *each*, an end marker — while
//! the other producer may still be producing. Three consumers stop at the
//! first marker they take. Then `main` puts one more marker per consumer,
//! waits for the consumers, and calls `queue.join()`.
//!
//! Count the markers: 2 from the producers + 3 from `main` = 5, and three
//! consumers take one each. Two are never taken, so never `task_done`, and
//! `join()` waits for them for ever. Along the way two consumers quit
//! early, mid-stream, leaving the work to the third.
//!
//! The tutorial sleeps for random times; fixed ones stand in for them
//! here, so a test can replay the run. The hang does not depend on them.

use std::time::Duration;

use futures::future::join_all;
use kit::Timeline;
use tokio::time::sleep;

use crate::log::Log;
use crate::python_queue::PyQueue;

/// Items each producer makes.
pub const ITEMS_PER_PRODUCER: u32 = 10;

/// How long producer `p` pauses after each item (random in the tutorial).
pub fn producer_pause(p: u32) -> Duration {
    Duration::from_millis(100 + 200 * u64::from(p))
}

/// How long consumer `c` works on an item (random in the tutorial).
pub fn consumer_work(c: u32) -> Duration {
    Duration::from_millis(200 + 300 * u64::from(c))
}

// ANCHOR: producer
async fn producer(queue: PyQueue<Option<String>>, timeline: Timeline, p: u32) {
    let mark = timeline.start(format!("producer {p}"));
    for i in 0..ITEMS_PER_PRODUCER {
        mark.wait(queue.put(Some(format!("item-{p}-{i}")))).await;
        sleep(producer_pause(p)).await;
    }
    queue.put(None).await; // mistake 1: a marker while others still produce
    mark.end();
}
// ANCHOR_END: producer

async fn consumer(
    queue: PyQueue<Option<String>>,
    timeline: Timeline,
    log: Log,
    c: u32,
) {
    let name = format!("consumer {c}");
    let mark = timeline.start(&name);
    loop {
        let Some(item) = mark.wait(queue.get()).await else {
            queue.task_done();
            break;
        };
        sleep(consumer_work(c)).await;
        log.consumed(&name, item);
        queue.task_done();
    }
    log.ended(&name);
    mark.end();
}

// ANCHOR: main
/// The tutorial's `main`: tasks, markers, gather, `join()`. Never returns.
pub async fn run(
    queue: &PyQueue<Option<String>>,
    timeline: &Timeline,
    log: &Log,
) {
    let producers: Vec<_> = (0..2)
        .map(|p| tokio::spawn(producer(queue.clone(), timeline.clone(), p)))
        .collect();
    let consumers: Vec<_> = (0..3)
        .map(|c| {
            let (queue, timeline) = (queue.clone(), timeline.clone());
            tokio::spawn(consumer(queue, timeline, log.clone(), c))
        })
        .collect();
    join_all(producers).await;
    for _ in &consumers {
        queue.put(None).await; // mistake 2: more markers than are taken
    }
    join_all(consumers).await;
    let mark = timeline.start("join()");
    mark.wait(queue.join()).await; // waits for two markers nobody takes
    mark.end();
}
// ANCHOR_END: main
