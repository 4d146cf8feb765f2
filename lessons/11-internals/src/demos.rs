//! The lesson's runtime at work: the experiments behind the claims.

use std::cell::RefCell;
use std::rc::Rc;
use std::task::Poll;
use std::time::Duration;

use crate::runtime::timer::now;
use crate::runtime::{Runtime, Stats, sleep, spawn};

/// A line of a run's log: which sleep started or ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Start(usize),
    End(usize),
}

/// What a run of joined sleeps did.
#[derive(Debug)]
pub struct JoinedSleeps {
    pub took: Duration,
    pub log: Vec<Event>,
    pub stats: Stats,
}

// ANCHOR: join_sleeps
/// Spawns one sleep per delay on the lesson's runtime, then awaits the
/// handles in turn, like lesson 03 did on tokio.
pub fn spawn_sleeps(delays: &[Duration]) -> JoinedSleeps {
    let runtime = Runtime::new().expect("a runtime");
    let log = Rc::new(RefCell::new(Vec::new()));
    let start = now();
    runtime.block_on(async {
        let mut handles = Vec::new();
        for (i, &delay) in delays.iter().enumerate() {
            let log = log.clone();
            handles.push(spawn(async move {
                log.borrow_mut().push(Event::Start(i));
                sleep(delay).await;
                log.borrow_mut().push(Event::End(i));
            }));
        }
        for handle in handles {
            handle.await;
        }
    });
    JoinedSleeps {
        took: start.elapsed(),
        log: log.take(),
        stats: runtime.stats(),
    }
}
// ANCHOR_END: join_sleeps

/// The same sleeps in one task, with `futures::future::join_all`: a
/// combinator from the `futures` crate runs on any executor.
pub fn join_sleeps(delays: &[Duration]) -> JoinedSleeps {
    let runtime = Runtime::new().expect("a runtime");
    let log = RefCell::new(Vec::new());
    let start = now();
    runtime.block_on(futures::future::join_all(delays.iter().enumerate().map(
        |(i, &delay)| {
            let log = &log;
            async move {
                log.borrow_mut().push(Event::Start(i));
                sleep(delay).await;
                log.borrow_mut().push(Event::End(i));
            }
        },
    )));
    JoinedSleeps {
        took: start.elapsed(),
        log: log.take(),
        stats: runtime.stats(),
    }
}

/// How often a future was polled, and what the runtime counted.
#[derive(Debug)]
pub struct Polled {
    pub polls: usize,
    pub stats: Stats,
}

// ANCHOR: counted
/// Counts the polls of `fut`.
pub async fn counted<F: Future>(fut: F, polls: &std::cell::Cell<usize>) {
    let mut fut = std::pin::pin!(fut);
    std::future::poll_fn(|cx| {
        polls.set(polls.get() + 1);
        fut.as_mut().poll(cx).map(drop)
    })
    .await;
}

/// A task that sleeps `steps` times: how often is it polled?
pub fn sleep_steps(steps: usize, step: Duration) -> Polled {
    let runtime = Runtime::new().expect("a runtime");
    let polls = std::cell::Cell::new(0);
    runtime.block_on(counted(
        async {
            for _ in 0..steps {
                sleep(step).await;
            }
        },
        &polls,
    ));
    Polled {
        polls: polls.get(),
        stats: runtime.stats(),
    }
}
// ANCHOR_END: counted

// ANCHOR: busy
/// The wrong way to wait: a future that wakes itself on every poll. The
/// runtime cannot tell it from real work and polls it non-stop, burning a
/// core; here it gives up after `polls` polls.
pub fn busy_wait(polls: usize) -> Polled {
    let runtime = Runtime::new().expect("a runtime");
    let mut left = polls;
    runtime.block_on(std::future::poll_fn(|cx| {
        left -= 1;
        if left == 0 {
            return Poll::Ready(());
        }
        cx.waker().wake_by_ref(); // "poll me again at once"
        Poll::Pending
    }));
    Polled {
        polls,
        stats: runtime.stats(),
    }
}
// ANCHOR_END: busy
