//! Real-clock tests: waiting on a real server, a disk or sqlx's pool
//! upkeep cannot run on tokio's paused clock. The tests that only wait on
//! a server (each its own server, table and pool) share the real-clock
//! lock (`realtime_shared`); the batch insert, which measures a disk and
//! the CPU, runs alone (`realtime_lock`).

mod common;

use std::time::Duration;

use common::{HUNG, pool_of, server};
use kit::servers::Server;
use kit::timing::{
    assert_realtime, assert_realtime_between, measure, ms, realtime_lock,
    realtime_shared,
};
use lesson_09_databases::wait::{all_at_once, one_by_one};
use lesson_09_databases::{Db, bulk, memory};
use sqlx::sqlite::SqlitePoolOptions;
use tokio::time::timeout;

/// 50 queries that each sleep 100 ms on the server: about 5 s one by one;
/// through a pool of 20, at least 3 rounds (300 ms), and well under 1 s.
async fn fifty_queries(db: &Db) {
    let pause = ms(100);
    // Open all 20 connections first, so the timing is the queries'.
    all_at_once(db, 20, Duration::ZERO).await.unwrap();

    let (done, sequential) = measure(one_by_one(db, 50, pause)).await;
    done.unwrap();
    let (done, pooled) = measure(all_at_once(db, 50, pause)).await;
    done.unwrap();
    eprintln!(
        "{:?}: 50 x 100 ms one by one {sequential:?}, pool of 20 {pooled:?}",
        db.backend
    );
    assert_realtime(sequential, ms(5000));
    assert_realtime_between(pooled, ms(300), ms(1000));
}

// claim: db/fifty-queries
#[tokio::test]
async fn claim_db_fifty_queries_postgres() {
    let _guard = realtime_shared();
    let Some((_scratch, db)) = server(Server::Postgres, pool_of(20)).await
    else {
        return;
    };
    timeout(HUNG, fifty_queries(&db)).await.expect("hung");
}

// claim: db/fifty-queries
#[tokio::test]
async fn claim_db_fifty_queries_mysql() {
    let _guard = realtime_shared();
    let Some((_scratch, db)) = server(Server::MySql, pool_of(20)).await else {
        return;
    };
    timeout(HUNG, fifty_queries(&db)).await.expect("hung");
}

/// One `execute` per row commits per row; the batch commits once. On a
/// disk the batch's rate is about a hundred times higher (the chapter's
/// numbers); even where a commit costs nothing (a RAM disk), it is
/// several times higher. Asserted: at least 3 times.
#[tokio::test]
async fn a_batch_in_one_transaction_beats_one_execute_per_row() {
    let _guard = realtime_lock();
    let dir = tempfile::tempdir().unwrap();
    let rate = |n: usize, took: Duration| n as f64 / took.as_secs_f64();

    let pool = bulk::open(&dir.path().join("rows.db")).await.unwrap();
    let rows = bulk::results(500);
    let (done, took) = measure(bulk::insert_one_by_one(&pool, &rows)).await;
    done.unwrap();
    let per_row = rate(rows.len(), took);

    let pool = bulk::open(&dir.path().join("batch.db")).await.unwrap();
    let rows = bulk::results(10_000);
    let (done, took) = measure(bulk::insert_batch(&pool, &rows)).await;
    done.unwrap();
    let batch = rate(rows.len(), took);
    eprintln!("rows/s: one execute per row {per_row:.0}, batch {batch:.0}");
    assert!(
        batch > 3.0 * per_row,
        "batch {batch:.0} rows/s, one by one {per_row:.0} rows/s"
    );
}

/// A pool that closes an idle connection frees its in-memory database
/// with it; one that keeps its connection keeps the database.
#[tokio::test]
async fn an_idle_timeout_frees_an_in_memory_database() {
    let _guard = realtime_shared();
    const CREATE: &str = "CREATE TABLE notes (body TEXT NOT NULL)";
    const COUNT: &str = "SELECT COUNT(*) FROM notes";

    let forgetful = SqlitePoolOptions::new()
        .idle_timeout(ms(50)) // sqlx checks every 50 ms, then
        .connect("sqlite::memory:")
        .await
        .unwrap();
    let kept = memory::kept_in_memory().await.unwrap();
    for pool in [&forgetful, &kept] {
        sqlx::query(CREATE).execute(pool).await.unwrap();
    }
    // Eight checks' worth of idleness.
    tokio::time::sleep(ms(400)).await;

    let err = sqlx::query_scalar::<_, i64>(COUNT)
        .fetch_one(&forgetful)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("no such table: notes"), "{err}");
    let n: i64 = sqlx::query_scalar(COUNT).fetch_one(&kept).await.unwrap();
    assert_eq!(n, 0);
}
