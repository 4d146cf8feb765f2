//! Program 1, the first Python tutorial program that hangs (from the
//! tutorials this course follows), translated line for line with the
//! Python-style queue.
//!
//! One producer makes 10 items, one every 0.5 s, then puts ONE end marker
//! (`None`). Two consumers take 1 s per item and stop at the marker. The
//! first consumer to reach the marker stops; the other finds an empty queue
//! that nobody will ever fill, and waits on it for ever. `gather` waits for
//! that consumer, so the program never ends — with every item consumed.

use std::time::Duration;

use kit::Timeline;
use tokio::time::sleep;

use crate::log::Log;
use crate::python_queue::PyQueue;

// ANCHOR: producer
/// Puts `Some(0)`, `Some(1)`, … one every `every`, then one `None`.
async fn producer(
    queue: &PyQueue<Option<u32>>,
    timeline: &Timeline,
    items: u32,
    every: Duration,
) {
    let mark = timeline.start("producer");
    for i in 0..items {
        sleep(every).await; // making the item
        mark.wait(queue.put(Some(i))).await;
    }
    queue.put(None).await; // the end signal: one, for two consumers
    mark.end();
}
// ANCHOR_END: producer

// ANCHOR: consumer
/// Takes items until it takes a `None`; each item takes `work`.
async fn consumer(
    queue: &PyQueue<Option<u32>>,
    timeline: &Timeline,
    log: &Log,
    name: &str,
    work: Duration,
) {
    let mark = timeline.start(name);
    loop {
        let Some(item) = mark.wait(queue.get()).await else {
            queue.task_done();
            break; // got the end marker
        };
        sleep(work).await;
        log.consumed(name, item);
        queue.task_done();
    }
    log.ended(name);
    mark.end();
}
// ANCHOR_END: consumer

// ANCHOR: main
/// `asyncio.gather(producer, consumer A, consumer B)`. Never returns.
pub async fn run(
    queue: &PyQueue<Option<u32>>,
    timeline: &Timeline,
    log: &Log,
    items: u32,
    every: Duration,
    work: Duration,
) {
    tokio::join!(
        producer(queue, timeline, items, every),
        consumer(queue, timeline, log, "consumer A", work),
        consumer(queue, timeline, log, "consumer B", work),
    );
}
// ANCHOR_END: main
