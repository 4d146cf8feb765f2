//! The life of a future: created → polled → pending → woken → ready.
//!
//! [`Traced`] wraps any future and records each step, including the moment
//! its waker is called, so the lifecycle can be printed and tested rather
//! than described.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use tokio::time::Instant;

/// One step in a future's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The future value exists; none of its code has run.
    Created,
    /// The runtime called `poll`.
    Polled,
    /// `poll` returned `Pending`: parked until woken.
    Pending,
    /// Someone called the waker: the runtime will poll again.
    Woken,
    /// `poll` returned `Ready`: done, never polled again.
    Ready,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// Shared record of stages with the time each happened.
pub type Stages = Arc<Mutex<Vec<(Duration, Stage)>>>;

// ANCHOR: traced
/// A future wrapper that records every step of the inner future's life.
#[derive(Debug)]
pub struct Traced<F> {
    inner: Pin<Box<F>>, // boxed so the wrapper is Unpin: no unsafe pinning
    stages: Stages,
    origin: Instant,
}

impl<F: Future> Traced<F> {
    /// Wraps `inner`; records `Created` now.
    pub fn new(inner: F, stages: Stages) -> Self {
        let origin = Instant::now();
        stages
            .lock()
            .unwrap()
            .push((Duration::ZERO, Stage::Created));
        Self {
            inner: Box::pin(inner),
            stages,
            origin,
        }
    }
}

impl<F: Future> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        let record = |stage| {
            this.stages
                .lock()
                .unwrap()
                .push((this.origin.elapsed(), stage))
        };
        record(Stage::Polled);
        // Hand the inner future a waker that notes the wake-up, then passes
        // it on to the runtime's real waker.
        let waker = Waker::from(Arc::new(NotingWaker {
            inner: cx.waker().clone(),
            stages: this.stages.clone(),
            origin: this.origin,
        }));
        let result = this.inner.as_mut().poll(&mut Context::from_waker(&waker));
        record(if result.is_ready() {
            Stage::Ready
        } else {
            Stage::Pending
        });
        result
    }
}

struct NotingWaker {
    inner: Waker,
    stages: Stages,
    origin: Instant,
}

impl Wake for NotingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.stages
            .lock()
            .unwrap()
            .push((self.origin.elapsed(), Stage::Woken));
        self.inner.wake_by_ref();
    }
}
// ANCHOR_END: traced

// ANCHOR: trace_sleep
/// Traces a future that sleeps once: it is polled, parks, is woken by the
/// timer after `delay`, and is polled to completion.
pub async fn trace_sleep(delay: Duration) -> Vec<(Duration, Stage)> {
    let stages = Stages::default();
    let traced = Traced::new(tokio::time::sleep(delay), stages.clone());
    traced.await;
    stages.lock().unwrap().clone()
}
// ANCHOR_END: trace_sleep
