//! Wrong answer: each task awaited right after it is spawned, so one request at a time
//! Expect: are the requests awaited one after another
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
    let mut ok = 0;
    for _ in 0..n {
        let permit = gate.clone().acquire_owned().await?;
        let (client, url) = (client.clone(), url.to_owned());
        tokio::spawn(async move {
            let response = client.get(&url).send().await?.error_for_status()?;
            response.bytes().await?;
            drop(permit);
            anyhow::Ok(())
        })
        .await??;
        ok += 1;
    }
    Ok(ok)
}
