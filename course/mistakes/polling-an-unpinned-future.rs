//! Mistake: polling an async block by hand through `Pin::new(&mut …)`.
//! Fails: to compile
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub fn poll_once(cx: &mut Context<'_>) -> Poll<u32> {
    let mut job = async { 7 };
    Pin::new(&mut job).poll(cx)
}
