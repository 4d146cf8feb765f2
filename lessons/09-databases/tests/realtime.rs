//! Real-clock claims: waiting on a real server cannot run on tokio's
//! paused clock. Each test holds `realtime_lock` so none overlap.

mod common;

use std::time::Duration;

use common::{HUNG, pool_of, server};
use kit::servers::Server;
use kit::timing::{
    assert_realtime, assert_realtime_between, measure, ms, realtime_lock,
};
use lesson_09_databases::Db;
use lesson_09_databases::wait::{all_at_once, one_by_one};
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
    let _guard = realtime_lock();
    let Some((_scratch, db)) = server(Server::Postgres, pool_of(20)).await
    else {
        return;
    };
    timeout(HUNG, fifty_queries(&db)).await.expect("hung");
}

// claim: db/fifty-queries
#[tokio::test]
async fn claim_db_fifty_queries_mysql() {
    let _guard = realtime_lock();
    let Some((_scratch, db)) = server(Server::MySql, pool_of(20)).await else {
        return;
    };
    timeout(HUNG, fifty_queries(&db)).await.expect("hung");
}
