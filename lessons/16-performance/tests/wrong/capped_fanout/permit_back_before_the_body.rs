//! Wrong answer: the permit is given back as soon as `send()` returns the headers, before the body is read
//! Expect: the permit was given back before the body was read
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
        let permit = gate.clone().acquire_owned().await?;
        let (client, url) = (client.clone(), url.to_owned());
        tasks.spawn(async move {
            // The request is answered: the slot seems free again.
            let response = {
                let _permit = permit;
                client.get(&url).send().await?.error_for_status()?
            };
            response.bytes().await?;
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
