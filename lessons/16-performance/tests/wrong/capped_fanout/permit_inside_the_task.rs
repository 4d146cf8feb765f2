//! Wrong answer: every task spawned at once, each waiting for its permit inside
//! Expect: Take the permit first, then create the task
use std::sync::Arc;

use tokio::sync::Semaphore;

/// `n` GETs of `url`, each in its own task holding a permit of `gate`; the
/// count of 200s.
pub async fn fetch_capped(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    gate: Arc<Semaphore>,
) -> anyhow::Result<usize> {
    let mut handles = Vec::with_capacity(n);
    for _ in 0..n {
        let (client, url, gate) =
            (client.clone(), url.to_owned(), gate.clone());
        handles.push(tokio::spawn(async move {
            let _permit = gate.acquire().await?;
            let response = client.get(&url).send().await?.error_for_status()?;
            response.bytes().await?;
            anyhow::Ok(())
        }));
    }
    let mut ok = 0;
    for handle in handles {
        handle.await??;
        ok += 1;
    }
    Ok(ok)
}
