//! Wrong answer: Python's acquire/release ported as forget() and add_permits(1), which a `?` on an error skips
//! Expect: a request that failed kept its permit
use std::sync::Arc;

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
        gate.acquire().await?.forget(); // acquire()
        let (client, url, gate) =
            (client.clone(), url.to_owned(), gate.clone());
        tasks.spawn(async move {
            let response = client.get(&url).send().await?.error_for_status()?;
            response.bytes().await?;
            gate.add_permits(1); // release()
            anyhow::Ok(())
        });
    }
    let mut ok = 0;
    while let Some(joined) = tasks.join_next().await {
        joined??;
        ok += 1;
    }
    Ok(ok)
}
