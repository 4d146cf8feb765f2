//! Wrong answer: per_request is ignored, so a hanging request hangs its slot
//! Expect: put each request under a timeout
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

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
    let permits = Arc::new(Semaphore::new(cap));
    let mut tasks = JoinSet::new();
    for (index, url) in urls.iter().enumerate() {
        let permit = permits.clone().acquire_owned().await.expect("open");
        let (client, url) = (client.clone(), url.clone());
        tasks.spawn(async move {
            let outcome = match client.get(&url).send().await {
                Ok(response) => Outcome::Status(response.status().as_u16()),
                Err(_) => Outcome::NoAnswer,
            };
            drop(permit);
            (index, outcome)
        });
    }
    let mut outcomes = vec![Outcome::NoAnswer; urls.len()];
    while let Some(done) = tasks.join_next().await {
        let (index, outcome) = done.expect("no panic");
        outcomes[index] = outcome;
    }
    outcomes
}
