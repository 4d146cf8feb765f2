//! Wrong answer: the outcomes are collected in the order the tasks finish
//! Expect: not the order the requests finished in
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
    for url in urls {
        let permit = permits.clone().acquire_owned().await.expect("open");
        let (client, url) = (client.clone(), url.clone());
        tasks.spawn(async move {
            let outcome = one(&client, &url, per_request).await;
            drop(permit);
            outcome
        });
    }
    let mut outcomes = Vec::new();
    while let Some(done) = tasks.join_next().await {
        outcomes.push(done.expect("no panic"));
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
