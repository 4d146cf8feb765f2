//! Wrong answer: a stream adapter keeps limit downloads going, in no task
//! Expect: run the downloads in 2 worker tasks
use std::error::Error;
use std::path::Path;

use futures::stream::{self, StreamExt, TryStreamExt};
use reqwest::Client;
use tokio::fs::File;
use tokio::io::AsyncWriteExt;

/// Any error: HTTP or file.
pub type AnyError = Box<dyn Error + Send + Sync>;

/// Downloads every URL into `dir` with `limit` workers; the sizes.
pub async fn download_all(
    client: &Client,
    urls: &[String],
    dir: &Path,
    limit: usize,
) -> Result<Vec<u64>, AnyError> {
    // `buffered` keeps input order and runs at most `limit` at once.
    stream::iter(urls.iter().enumerate())
        .map(|(i, url)| download_one(client, url, dir, i))
        .buffered(limit)
        .try_collect()
        .await
}

async fn download_one(
    client: &Client,
    url: &str,
    dir: &Path,
    i: usize,
) -> Result<u64, AnyError> {
    let response = client.get(url).send().await?.error_for_status()?;
    let mut file = File::create(dir.join(format!("{i}.bin"))).await?;
    let mut body = response.bytes_stream();
    let mut size = 0;
    while let Some(chunk) = body.next().await {
        let chunk = chunk?;
        file.write_all(&chunk).await?;
        size += chunk.len() as u64;
    }
    file.flush().await?;
    Ok(size)
}
