//! The Redis section: a cache in front of a slow query, and a pipeline.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context;
use kit::heading;
use kit::timing::{fmt_duration, measure};
use lesson_09_databases::cache::{self, Source};
use lesson_09_databases::queries::{account, open_account};
use lesson_09_databases::{Db, PoolSize, Scratch, connect, scratch};
use redis::aio::MultiplexedConnection;

use super::shown;

/// ### Redis: cache-aside and pipelines
///
/// The slow query runs on the database behind `scratch`; every key made
/// starts with a prefix of this run's own, and is deleted at the end.
pub(super) async fn cache_aside_and_pipelines(
    url: &str,
    scratch: &Scratch,
) -> anyhow::Result<()> {
    heading("Redis: cache-aside in front of a slow query");
    let mut redis = cache::connect(url)
        .await
        .with_context(|| format!("cannot reach Redis at {}", shown(url)))?;
    let db = connect(scratch.url(), PoolSize::default()).await?;
    let prefix = format!("{}:", scratch::unique_name());
    cache_aside(&mut redis, &db, &prefix).await?;

    heading("Redis: a pipeline, one round trip");
    let pages = ["home", "about", "home", "pricing", "home"];
    let ttl = Duration::from_secs(60);
    let counts = cache::count_views(&mut redis, &prefix, &pages, ttl).await?;
    for (page, n) in pages.iter().zip(&counts) {
        println!("{page:>8}: view {n}");
    }
    let removed = cache::delete_prefix(&mut redis, &prefix).await?;
    println!("cleaned up {removed} keys");
    Ok(())
}

/// Three reads of one balance through the cache: the first from the
/// database, the others from Redis.
async fn cache_aside(
    redis: &mut MultiplexedConnection,
    db: &Db,
    prefix: &str,
) -> anyhow::Result<()> {
    let id = open_account(db, "carol", 42).await?;
    let key = format!("{prefix}balance:{id}");
    let loads = AtomicUsize::new(0);
    let slow_query = async || {
        loads.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(300)).await; // "slow"
        account(db, id).await.map(|a| a.balance.to_string())
    };
    let ttl = Duration::from_secs(60);
    for read in 1..=3 {
        let (got, took) =
            measure(cache::cached(redis, &key, ttl, slow_query)).await;
        let (value, source) = got?;
        let from = match source {
            Source::Cache => "Redis",
            Source::Database => "the database",
        };
        println!("read {read}: {value} from {from} in {}", fmt_duration(took));
    }
    println!(
        "the slow query ran {} time(s)",
        loads.load(Ordering::SeqCst)
    );
    Ok(())
}
