//! Wrong answer: one worker per URL, so the limit is never applied
//! Expect: the most downloads in flight at once was 6, the limit was 2
use std::collections::VecDeque;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use futures::StreamExt;
use reqwest::Client;
use tokio::fs::File;
use tokio::io::AsyncWriteExt;
use tokio::task::JoinSet;

/// Any error: HTTP or file.
pub type AnyError = Box<dyn Error + Send + Sync>;

/// Downloads every URL into `dir` with `limit` workers; the sizes.
pub async fn download_all(
    client: &Client,
    urls: &[String],
    dir: &Path,
    limit: usize,
) -> Result<Vec<u64>, AnyError> {
    assert!(limit >= 1, "a limit of 0 would never download anything");
    // The queue: a std Mutex is fine, it is never held across an await.
    let queue: VecDeque<(usize, String)> =
        urls.iter().cloned().enumerate().collect();
    let queue = Arc::new(Mutex::new(queue));
    let mut workers = JoinSet::new();
    for _ in 0..urls.len() {
        // A spawned task owns what it uses.
        let (queue, client) = (queue.clone(), client.clone());
        let dir = dir.to_owned();
        workers.spawn(async move {
            let mut done = Vec::new();
            loop {
                let next = queue.lock().expect("never poisoned").pop_front();
                let Some((i, url)) = next else {
                    return Ok::<_, AnyError>(done);
                };
                done.push((i, download_one(&client, &url, &dir, i).await?));
            }
        });
    }
    let mut sizes = vec![0; urls.len()];
    while let Some(joined) = workers.join_next().await {
        // The first error returns; dropping `workers` aborts the others.
        for (i, size) in joined?? {
            sizes[i] = size;
        }
    }
    Ok(sizes)
}

/// Streams one body into `dir/{i}.bin`, chunk by chunk.
async fn download_one(
    client: &Client,
    url: &str,
    dir: &Path,
    i: usize,
) -> Result<u64, AnyError> {
    let response = client.get(url).send().await?.error_for_status()?;
    let path: PathBuf = dir.join(format!("{i}.bin"));
    let mut file = File::create(path).await?;
    let mut body = response.bytes_stream();
    let mut size = 0;
    while let Some(chunk) = body.next().await {
        let chunk = chunk?;
        file.write_all(&chunk).await?;
        size += chunk.len() as u64;
    }
    file.flush().await?; // the last write is done before we report success
    Ok(size)
}
