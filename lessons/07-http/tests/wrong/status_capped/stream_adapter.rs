//! Wrong answer: the chapter's buffer_unordered, with no task of its own
//! Expect: run each request in a task of its own
use futures::stream::{self, StreamExt};

use std::time::Duration;

use reqwest::Client;

/// What became of one URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// An answer, with its status.
    Status(u16),
    /// No answer within the time allowed for one request.
    TimedOut,
    /// No answer at all.
    NoAnswer,
}

/// What became of every URL, at most `cap` tasks at a time.
pub async fn statuses_capped(
    client: &Client,
    urls: &[String],
    cap: usize,
    per_request: Duration,
) -> Vec<Outcome> {
    let mut outcomes = vec![Outcome::NoAnswer; urls.len()];
    let mut finished = stream::iter(urls.iter().enumerate())
        .map(|(index, url)| async move {
            (index, one(client, url, per_request).await)
        })
        .buffer_unordered(cap);
    while let Some((index, outcome)) = finished.next().await {
        outcomes[index] = outcome;
    }
    outcomes
}

async fn one(client: &Client, url: &str, per_request: Duration) -> Outcome {
    match tokio::time::timeout(per_request, client.get(url).send()).await {
        Err(_elapsed) => Outcome::TimedOut,
        Ok(Err(_no_answer)) => Outcome::NoAnswer,
        Ok(Ok(response)) => Outcome::Status(response.status().as_u16()),
    }
}
