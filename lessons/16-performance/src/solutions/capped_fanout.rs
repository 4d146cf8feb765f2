//! Reference solution for 16-capped-fanout.

use std::sync::Arc;

use anyhow::Context;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// `n` GETs of `url`, each in its own task holding a permit of `gate`; the
/// count of 200s.
pub async fn fetch_capped(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    gate: Arc<Semaphore>,
) -> anyhow::Result<usize> {
    let mut tasks = JoinSet::new();
    for _ in 0..n {
        // The permit first: while none is free, no task exists for it.
        let permit = gate.clone().acquire_owned().await?;
        let (client, url) = (client.clone(), url.to_owned());
        tasks.spawn(async move {
            let response = client.get(&url).send().await?.error_for_status()?;
            response.bytes().await?; // read to the end: the connection is free
            drop(permit); // also dropped on every `?` above: RAII, not release()
            anyhow::Ok(())
        });
    }
    let mut ok = 0;
    while let Some(joined) = tasks.join_next().await {
        // On the first error, returning drops the JoinSet: it aborts the
        // tasks still running, and their permits go back with them.
        joined.context("a request task panicked")??;
        ok += 1;
    }
    Ok(ok)
}
