//! The chapter's claims, each on SQLite and, when their URL variables are
//! set, on PostgreSQL and MariaDB (see kit::servers: without a variable the
//! test skips and says so; in CI it fails). The timing claim,
//! `db/fifty-queries`, is in `tests/realtime.rs`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::{HUNG, pool, pool_of, server, sqlite};
use kit::servers::{self, Server};
use lesson_09_databases::bulk::{self, ROWS_PER_STATEMENT};
use lesson_09_databases::cache::{self, Source};
use lesson_09_databases::queries::{self, account, open_account, total};
use lesson_09_databases::transfer::{
    TransferError, many_transfers, shuffled_transfers, transfer,
};
use lesson_09_databases::{Db, Scratch, bounds, dropped, memory, scratch};
use sqlx::{QueryBuilder, Sqlite};
use tokio::time::timeout;

// ---------------------------------------------------------------- transfer

/// A failing transfer changes nothing; 1000 at once keep the total.
async fn transfer_atomic(db: &Db) {
    let alice = open_account(db, "alice", 100).await.unwrap();
    let bob = open_account(db, "bob", 50).await.unwrap();

    // Bob's id is the larger: alice is credited first, then bob's debit
    // breaks the CHECK. The credit must be undone.
    let err = transfer(db, bob, alice, 500).await.unwrap_err();
    assert!(matches!(err, TransferError::InsufficientFunds), "{err}");
    // The debit of alice is done first, then the credit finds no account.
    let err = transfer(db, alice, 999_999, 30).await.unwrap_err();
    assert!(
        matches!(err, TransferError::NoSuchAccount(999_999)),
        "{err}"
    );
    assert_eq!(account(db, alice).await.unwrap().balance, 100);
    assert_eq!(account(db, bob).await.unwrap().balance, 50);

    // Ten accounts of 1000; 1000 transfers of 1..=50 between them, all
    // in flight at once (the pool runs 10 at a time).
    let mut ids = Vec::new();
    for i in 0..10 {
        ids.push(open_account(db, &format!("acct{i}"), 1000).await.unwrap());
    }
    let before = total(db).await.unwrap();
    assert_eq!(before, 100 + 50 + 10_000);
    let transfers = shuffled_transfers(&ids, 1000);
    let outcomes = many_transfers(db, &transfers, 1000).await;
    assert!(
        outcomes.other.is_empty(),
        "unexpected: {:?}",
        outcomes.other
    );
    assert_eq!(outcomes.done + outcomes.insufficient, 1000);
    assert!(outcomes.done > 900, "most transfers succeed: {outcomes:?}");
    assert_eq!(total(db).await.unwrap(), before, "money made or lost");
    for a in queries::all_accounts(db).await.unwrap() {
        assert!(a.balance >= 0, "{a:?}");
    }
    eprintln!("{:?}: {outcomes:?}", db.backend);
}

// claim: db/transfer-atomic
#[tokio::test]
async fn claim_db_transfer_atomic_sqlite() {
    let (_scratch, db) = sqlite(pool()).await;
    timeout(HUNG, transfer_atomic(&db)).await.expect("hung");
}

// claim: db/transfer-atomic
#[tokio::test]
async fn claim_db_transfer_atomic_postgres() {
    let Some((_scratch, db)) = server(Server::Postgres, pool()).await else {
        return;
    };
    timeout(HUNG, transfer_atomic(&db)).await.expect("hung");
}

// claim: db/transfer-atomic
#[tokio::test]
async fn claim_db_transfer_atomic_mysql() {
    let Some((_scratch, db)) = server(Server::MySql, pool()).await else {
        return;
    };
    timeout(HUNG, transfer_atomic(&db)).await.expect("hung");
}

// -------------------------------------------------------------- parameters

const HOSTILE: &str = r#"Robert'); DROP TABLE accounts; -- \ "x" ; "#;

/// A name full of SQL is stored, byte for byte, and runs as nothing.
async fn parameters_not_strings(db: &Db) {
    let id = open_account(db, HOSTILE, 10).await.unwrap();
    assert_eq!(account(db, id).await.unwrap().owner, HOSTILE);
    assert_eq!(queries::deposit(db, HOSTILE, 5).await.unwrap(), 1);
    assert_eq!(
        queries::count_accounts(db).await.unwrap(),
        1,
        "table intact"
    );
    assert_eq!(account(db, id).await.unwrap().balance, 15);
}

// claim: db/parameters-not-strings
#[tokio::test]
async fn claim_db_parameters_not_strings_sqlite() {
    let (_scratch, db) = sqlite(pool()).await;
    timeout(HUNG, parameters_not_strings(&db))
        .await
        .expect("hung");
}

// claim: db/parameters-not-strings
#[tokio::test]
async fn claim_db_parameters_not_strings_postgres() {
    let Some((_scratch, db)) = server(Server::Postgres, pool()).await else {
        return;
    };
    timeout(HUNG, parameters_not_strings(&db))
        .await
        .expect("hung");
}

// claim: db/parameters-not-strings
#[tokio::test]
async fn claim_db_parameters_not_strings_mysql() {
    let Some((_scratch, db)) = server(Server::MySql, pool()).await else {
        return;
    };
    timeout(HUNG, parameters_not_strings(&db))
        .await
        .expect("hung");
}

// ----------------------------------------------------- dropped transaction

/// Dropped, or cancelled mid-way: either way, no row.
async fn dropped_rolls_back(db: &Db) {
    let (inside, after) = dropped::insert_then_drop(db, "ghost").await.unwrap();
    assert_eq!((inside, after), (1, 0), "seen inside, gone after");
    let (timed_out, after) =
        dropped::insert_then_time_out(db, "late", Duration::from_millis(100))
            .await
            .unwrap();
    assert!(timed_out);
    assert_eq!(after, 0, "the cancelled transaction left a row");
    // The connections went back clean: the pool still works.
    open_account(db, "after", 1).await.unwrap();
    assert_eq!(queries::count_accounts(db).await.unwrap(), 1);
}

// claim: db/dropped-transaction-rolls-back
#[tokio::test]
async fn claim_db_dropped_transaction_rolls_back_sqlite() {
    let (_scratch, db) = sqlite(pool()).await;
    timeout(HUNG, dropped_rolls_back(&db)).await.expect("hung");
}

// claim: db/dropped-transaction-rolls-back
#[tokio::test]
async fn claim_db_dropped_transaction_rolls_back_postgres() {
    let Some((_scratch, db)) = server(Server::Postgres, pool()).await else {
        return;
    };
    timeout(HUNG, dropped_rolls_back(&db)).await.expect("hung");
}

// claim: db/dropped-transaction-rolls-back
#[tokio::test]
async fn claim_db_dropped_transaction_rolls_back_mysql() {
    let Some((_scratch, db)) = server(Server::MySql, pool()).await else {
        return;
    };
    timeout(HUNG, dropped_rolls_back(&db)).await.expect("hung");
}

// ------------------------------------------------------------- pool bounds

/// 50 tasks through a pool of 5: 5 at a time, and the server (when there
/// is one) never sees more than 5 sessions.
async fn pool_bounds(scratch: &Scratch, db: &Db) {
    let watcher = scratch.admin().await.unwrap();
    let watcher = watcher.map(|conn| (conn, scratch.name()));
    let burst = bounds::burst(db, 50, Duration::from_millis(20), watcher)
        .await
        .unwrap();
    assert_eq!(burst.most_in_use, 5, "5 at once, never more: {burst:?}");
    assert!(db.pool.size() <= 5, "the pool opened {}", db.pool.size());
    if let Some(seen) = burst.most_on_server {
        assert_eq!(seen, 5, "the server saw {seen} sessions at most");
    }
    eprintln!("{:?}: {burst:?}", db.backend);
}

// claim: db/pool-bounds
#[tokio::test]
async fn claim_db_pool_bounds_sqlite() {
    let (scratch, db) = sqlite(pool_of(5)).await;
    timeout(HUNG, pool_bounds(&scratch, &db))
        .await
        .expect("hung");
}

// claim: db/pool-bounds
#[tokio::test]
async fn claim_db_pool_bounds_postgres() {
    let Some((scratch, db)) = server(Server::Postgres, pool_of(5)).await else {
        return;
    };
    timeout(HUNG, pool_bounds(&scratch, &db))
        .await
        .expect("hung");
    assert_eq!(scratch.backend(), db.backend);
}

// claim: db/pool-bounds
#[tokio::test]
async fn claim_db_pool_bounds_mysql() {
    let Some((scratch, db)) = server(Server::MySql, pool_of(5)).await else {
        return;
    };
    timeout(HUNG, pool_bounds(&scratch, &db))
        .await
        .expect("hung");
}

// ------------------------------------------------------------- redis cache

// claim: db/redis-cache-hit
#[tokio::test]
async fn claim_db_redis_cache_hit() {
    let Some(mut redis) = servers::connect(Server::Redis, async |url: &str| {
        cache::connect(url).await
    })
    .await
    else {
        return;
    };
    let (_scratch, db) = sqlite(pool()).await;
    let id = open_account(&db, "carol", 42).await.unwrap();
    let prefix = format!("{}:", scratch::unique_name());
    let key = format!("{prefix}balance:{id}");
    let loads = AtomicUsize::new(0);
    // The slow query: a 200 ms wait, then the real one. Counted.
    let slow_query = async || {
        loads.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(200)).await;
        account(&db, id).await.map(|a| a.balance.to_string())
    };
    let ttl = Duration::from_secs(30);
    let first = cache::cached(&mut redis, &key, ttl, slow_query)
        .await
        .unwrap();
    let second = cache::cached(&mut redis, &key, ttl, slow_query)
        .await
        .unwrap();
    assert_eq!(first, ("42".to_string(), Source::Database));
    assert_eq!(second, ("42".to_string(), Source::Cache));
    assert_eq!(
        loads.load(Ordering::SeqCst),
        1,
        "the second read ran the query"
    );
    assert_eq!(cache::delete_prefix(&mut redis, &prefix).await.unwrap(), 1);
}

// ------------------------------------------------------ sqlite::memory:

/// Asserts that a count of the `notes` table failed because the table is
/// not there.
fn no_such_table(count: Result<i64, sqlx::Error>) {
    let err = count.expect_err("the table should be missing");
    assert!(err.to_string().contains("no such table: notes"), "{err}");
}

// claim: db/sqlite-memory-pool
#[tokio::test]
async fn claim_db_sqlite_memory_pool() {
    // SqlitePool: the other connection sees the table (0 rows).
    let seen = memory::sqlite_pool().await.unwrap();
    assert_eq!(seen.unwrap(), 0);
    // AnyPool: the other connection has a database of its own.
    no_such_table(memory::any_pool().await.unwrap());
    // Same options: shared while a pool is open, gone once all closed.
    let (while_open, after) = memory::gone_when_closed().await.unwrap();
    assert_eq!(while_open.unwrap(), 0);
    no_such_table(after);
}

// --------------------------------------------------------- batch insert

/// `(rows stored, distinct lines, smallest line, largest line)`.
async fn stored(pool: &sqlx::SqlitePool) -> (i64, i64, i64, i64) {
    sqlx::query_as(
        "SELECT COUNT(*), COUNT(DISTINCT line), MIN(line), MAX(line) \
         FROM results",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// `SELECT 1 WHERE 0 IN (?, ?, ...)` with `n` bound parameters.
async fn select_parameters(
    pool: &sqlx::SqlitePool,
    n: usize,
) -> Result<(), sqlx::Error> {
    let mut select = QueryBuilder::<Sqlite>::new("SELECT 1 WHERE 0 IN (");
    let mut list = select.separated(", ");
    for i in 0..n {
        list.push_bind(i as i64);
    }
    select.push(")");
    select.build().execute(pool).await.map(|_| ())
}

// claim: db/batch-insert
#[tokio::test]
async fn claim_db_batch_insert() {
    let dir = tempfile::tempdir().unwrap();
    let pool = bulk::open(&dir.path().join("batch.db")).await.unwrap();
    // SQLite's limit: 32,766 parameters pass, 32,767 are refused.
    select_parameters(&pool, 32_766).await.unwrap();
    let err = select_parameters(&pool, 32_767).await.unwrap_err();
    assert!(err.to_string().contains("too many SQL variables"), "{err}");
    assert_eq!(ROWS_PER_STATEMENT, 16_383);

    // 40,000 rows of two values: 80,000 parameters, in 3 statements.
    let rows = bulk::results(40_000);
    let statements = bulk::insert_batch(&pool, &rows).await.unwrap();
    assert_eq!(statements, 3);
    assert_eq!(stored(&pool).await, (40_000, 40_000, 1, 40_000));
    let text: String =
        sqlx::query_scalar("SELECT text FROM results WHERE line = 16384")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(text, "result of line 16384");

    // All or none: a full first statement of new lines, then a second
    // with line 1 again. The primary key refuses it, and the first
    // statement's rows are rolled back with it.
    let mut batch = bulk::results(56_383).split_off(40_000);
    assert_eq!(batch.len(), ROWS_PER_STATEMENT);
    batch.push(rows[0].clone());
    let err = bulk::insert_batch(&pool, &batch).await.unwrap_err();
    assert!(
        err.to_string().contains("UNIQUE constraint failed"),
        "{err}"
    );
    assert_eq!(stored(&pool).await, (40_000, 40_000, 1, 40_000));
}
