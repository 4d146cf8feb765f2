//! Wrong answer: every task is spawned at once and waits for its permit inside
//! Expect: take the permit before you spawn
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
        let (client, url) = (client.clone(), url.clone());
        let permits = permits.clone();
        tasks.spawn(async move {
            let _permit = permits.acquire().await.expect("open");
            (index, one(&client, &url, per_request).await)
        });
    }
    let mut outcomes = vec![Outcome::NoAnswer; urls.len()];
    while let Some(done) = tasks.join_next().await {
        let (index, outcome) = done.expect("no panic");
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
