//! Reference solution for 07-status-capped.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Client;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

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
    assert!(cap >= 1, "a cap of 0 would never send anything");
    let permits = Arc::new(Semaphore::new(cap));
    let mut tasks = JoinSet::new();
    for (index, url) in urls.iter().enumerate() {
        // The permit first: the task does not exist until a slot is free.
        let permit = permits.clone().acquire_owned().await.expect("open");
        // A task must own what it uses: a clone of the client (cheap, it
        // shares the pool) and of the URL.
        let (client, url) = (client.clone(), url.clone());
        tasks.spawn(async move {
            let outcome = one(&client, &url, per_request).await;
            drop(permit); // the slot is free for the next URL
            (index, outcome)
        });
    }
    // Tasks finish in any order; the index puts them back in input order.
    let mut outcomes = vec![Outcome::NoAnswer; urls.len()];
    while let Some(done) = tasks.join_next().await {
        let (index, outcome) = done.expect("a request task panicked");
        outcomes[index] = outcome;
    }
    outcomes
}

/// One GET, under its own time limit.
async fn one(client: &Client, url: &str, per_request: Duration) -> Outcome {
    match tokio::time::timeout(per_request, client.get(url).send()).await {
        Err(_elapsed) => Outcome::TimedOut,
        Ok(Err(_no_answer)) => Outcome::NoAnswer,
        Ok(Ok(response)) => Outcome::Status(response.status().as_u16()),
    }
}
