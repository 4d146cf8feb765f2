//! Redis in front of a slow query: cache-aside with a time to live, and a
//! pipeline that sends many commands in one round trip.
//!
//! A `MultiplexedConnection` sends the commands of every clone over one
//! socket: clone it per task, no pool needed.

use std::time::Duration;

use redis::AsyncCommands;
use redis::aio::MultiplexedConnection;

/// Connects to Redis at `url` (`redis://127.0.0.1:6379`).
pub async fn connect(url: &str) -> redis::RedisResult<MultiplexedConnection> {
    let client = redis::Client::open(url)?;
    client.get_multiplexed_async_connection().await
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Cache,
    Database,
}

// ANCHOR: cache_aside
/// Cache-aside: answer from Redis if the key is there; otherwise run
/// `load` (the slow query), store its answer for `ttl`, and return it.
pub async fn cached<F>(
    redis: &mut MultiplexedConnection,
    key: &str,
    ttl: Duration,
    load: F,
) -> anyhow::Result<(String, Source)>
where
    F: AsyncFnOnce() -> Result<String, sqlx::Error>,
{
    if let Some(hit) = redis.get::<_, Option<String>>(key).await? {
        return Ok((hit, Source::Cache));
    }
    let value = load().await?;
    // SET with PX: the value and its expiry in one command.
    let millis = u64::try_from(ttl.as_millis())?;
    let () = redis.pset_ex(key, &value, millis).await?;
    Ok((value, Source::Database))
}
// ANCHOR_END: cache_aside

// ANCHOR: pipeline
/// Counts a page view for each of `pages` under `prefix`, all in one
/// round trip, and returns each page's new count. Each counter expires
/// after `ttl`.
pub async fn count_views(
    redis: &mut MultiplexedConnection,
    prefix: &str,
    pages: &[&str],
    ttl: Duration,
) -> redis::RedisResult<Vec<i64>> {
    let mut pipe = redis::pipe();
    for page in pages {
        let key = format!("{prefix}views:{page}");
        pipe.incr(&key, 1);
        pipe.pexpire(&key, ttl.as_millis() as i64).ignore();
    }
    // One write of every command, one read of every reply: the network
    // round trip is paid once, not once per command.
    pipe.query_async(redis).await
}
// ANCHOR_END: pipeline

/// Deletes every key under `prefix` (a test's or a demo's own keys).
pub async fn delete_prefix(
    redis: &mut MultiplexedConnection,
    prefix: &str,
) -> redis::RedisResult<usize> {
    let keys: Vec<String> = {
        let mut iter =
            redis.scan_match::<_, String>(format!("{prefix}*")).await?;
        let mut keys = Vec::new();
        while let Some(key) = futures::StreamExt::next(&mut iter).await {
            keys.push(key?);
        }
        keys
    };
    if keys.is_empty() {
        return Ok(0);
    }
    redis.del(keys).await
}
