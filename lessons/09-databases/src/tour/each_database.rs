//! The sections that run on each database: SQLite always, PostgreSQL and
//! MariaDB when given.

use std::time::Duration;

use kit::heading;
use kit::timing::{fmt_duration, measure};
use lesson_09_databases::queries::{self, account, open_account};
use lesson_09_databases::transfer::{many_transfers, shuffled_transfers};
use lesson_09_databases::{
    Backend, Db, PoolSize, Scratch, backend, bounds, connect, dropped,
    new_file, stream, transfer, wait,
};

use super::short;

/// Every section from "A pool" to "The pool's maximum", on `scratch`.
pub(super) async fn run(scratch: &Scratch) -> anyhow::Result<()> {
    let db = a_pool(scratch).await?;
    migrations_applied_at_start(&db);
    if scratch.backend() == Backend::Sqlite {
        a_sqlite_file_that_does_not_exist_yet().await?;
    }
    let accounts = open_accounts(&db).await?;
    rows_into_structs(&db).await?;
    rows_into_tuples(&db).await?;
    parameters_not_strings(&db, accounts.robert).await?;
    fetch_all_fetch_one_fetch_optional_execute(&db).await?;
    transactions_both_updates_or_neither(&db, &accounts).await?;
    a_dropped_transaction_leaves_no_trace(&db).await?;
    streaming_rows_fetch(&db).await?;
    // Closed first, so the server counts only the next pools' sessions.
    db.pool.close().await;
    if scratch.backend() != Backend::Sqlite {
        what_a_pool_buys_waiting_in_parallel(scratch).await?;
    }
    the_pools_maximum_seen_from_the_server(scratch).await
}

/// ### A pool
async fn a_pool(scratch: &Scratch) -> anyhow::Result<Db> {
    let name = scratch.backend().name();
    heading(&format!("{name}: a pool, and the migrations"));
    let size = PoolSize::default();
    let db = connect(scratch.url(), size).await?;
    println!(
        "pool: min {} / max {} connections, acquire timeout {}",
        size.min,
        size.max,
        fmt_duration(size.acquire_timeout)
    );
    Ok(db)
}

/// ### Migrations, applied at start
///
/// `connect` applied them: the ones compiled into the program.
fn migrations_applied_at_start(db: &Db) {
    for m in backend::migrator(db.backend).iter() {
        println!("migration {} applied: {}", m.version, m.description);
    }
}

/// ### A SQLite file that does not exist yet
async fn a_sqlite_file_that_does_not_exist_yet() -> anyhow::Result<()> {
    heading("SQLite: a file that does not exist yet");
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("new.db");
    match new_file::open_existing(&path).await {
        Err(e) => println!("SqlitePool::connect: {}", short(&e)),
        Ok(_) => println!("SqlitePool::connect: opened (unexpected)"),
    }
    new_file::open_or_create(&path).await?.close().await;
    println!(
        "create_if_missing:   the file exists now: {}",
        path.exists()
    );
    Ok(())
}

/// The accounts the query and transaction sections work on.
struct Accounts {
    alice: i64,
    bob: i64,
    /// Named with SQL, for "Parameters, not strings".
    robert: i64,
}

/// Opened before the queries, so they have rows to read.
async fn open_accounts(db: &Db) -> anyhow::Result<Accounts> {
    let hostile = "Robert'); DROP TABLE accounts; --";
    Ok(Accounts {
        alice: open_account(db, "alice", 100).await?,
        bob: open_account(db, "bob", 50).await?,
        robert: open_account(db, hostile, 0).await?,
    })
}

/// ### Rows into structs: `FromRow` and `query_as`
async fn rows_into_structs(db: &Db) -> anyhow::Result<()> {
    let name = db.backend.name();
    heading(&format!("{name}: queries with bound parameters"));
    for a in queries::all_accounts(db).await? {
        println!("fetch_all:      {} {:?} {}", a.id, a.owner, a.balance);
    }
    Ok(())
}

/// ### Rows into tuples
async fn rows_into_tuples(db: &Db) -> anyhow::Result<()> {
    let pairs = queries::ids_and_owners(db).await?;
    println!("as tuples:      {:?} ...", &pairs[..2]);
    Ok(())
}

/// ### Parameters, not strings
///
/// The name full of SQL comes back as it went in, and the table is there.
async fn parameters_not_strings(db: &Db, robert: i64) -> anyhow::Result<()> {
    println!("fetch_one:      {:?}", account(db, robert).await?.owner);
    println!("the table is still there: {} accounts", {
        queries::count_accounts(db).await?
    });
    Ok(())
}

/// ### `fetch_all`, `fetch_one`, `fetch_optional`, `execute`
async fn fetch_all_fetch_one_fetch_optional_execute(
    db: &Db,
) -> anyhow::Result<()> {
    println!(
        "fetch_optional: account 999 is {:?}",
        queries::find_account(db, 999).await?
    );
    let changed = queries::deposit(db, "bob", 25).await?;
    println!("execute:        deposit to bob changed {changed} row");
    Ok(())
}

/// ### Transactions: both updates or neither
async fn transactions_both_updates_or_neither(
    db: &Db,
    accounts: &Accounts,
) -> anyhow::Result<()> {
    heading(&format!("{}: transactions", db.backend.name()));
    let Accounts { alice, bob, .. } = *accounts;
    transfer::transfer(db, alice, bob, 30).await?;
    println!("alice -> bob 30: ok");
    let err = transfer::transfer(db, bob, alice, 500).await.unwrap_err();
    println!("bob -> alice 500: {err}");
    let err = transfer::transfer(db, alice, 999, 10).await.unwrap_err();
    println!("alice -> 999 10: {err}");
    println!(
        "balances: alice {}, bob {} (failed transfers changed nothing)",
        account(db, alice).await?.balance,
        account(db, bob).await?.balance
    );
    a_thousand_transfers_at_once(db).await
}

/// Ten new accounts, and 1000 transfers among them at once.
async fn a_thousand_transfers_at_once(db: &Db) -> anyhow::Result<()> {
    let mut ids = Vec::new();
    for i in 0..10 {
        ids.push(open_account(db, &format!("acct{i}"), 1000).await?);
    }
    let before = queries::total(db).await?;
    let transfers = shuffled_transfers(&ids, 1000);
    let (outcomes, took) = measure(many_transfers(db, &transfers, 1000)).await;
    println!(
        "1000 at once: {} done, {} insufficient, {} other errors, in {}",
        outcomes.done,
        outcomes.insufficient,
        outcomes.other.len(),
        fmt_duration(took)
    );
    println!("total before {before}, after {}", queries::total(db).await?);
    Ok(())
}

/// ### A dropped transaction leaves no trace
async fn a_dropped_transaction_leaves_no_trace(db: &Db) -> anyhow::Result<()> {
    let name = db.backend.name();
    heading(&format!("{name}: a transaction dropped without commit"));
    let (inside, after) = dropped::insert_then_drop(db, "ghost").await?;
    println!("inside the transaction: {inside} row; after the drop: {after}");
    let (timed_out, after) =
        dropped::insert_then_time_out(db, "late", Duration::from_millis(100))
            .await?;
    let cut = if timed_out {
        "cut short"
    } else {
        "not cut short"
    };
    println!("a transaction {cut} by a 100 ms timeout: {after} rows left");
    Ok(())
}

/// ### Streaming rows: `fetch`
async fn streaming_rows_fetch(db: &Db) -> anyhow::Result<()> {
    heading(&format!("{}: streaming rows with fetch", db.backend.name()));
    let read = stream::rows_to_reach(db, 200).await?;
    println!("balances reach 200 after {read} rows; the rest were never read");
    Ok(())
}

/// ### What a pool buys: waiting in parallel
///
/// 50 queries of 100 ms on the server, one by one and through a pool of
/// 20. SQLite has no server to wait on.
async fn what_a_pool_buys_waiting_in_parallel(
    scratch: &Scratch,
) -> anyhow::Result<()> {
    let name = scratch.backend().name();
    heading(&format!(
        "{name}: 50 queries that wait 100 ms on the server"
    ));
    let size = PoolSize {
        max: 20,
        ..PoolSize::default()
    };
    let db = connect(scratch.url(), size).await?;
    let pause = Duration::from_millis(100);
    wait::all_at_once(&db, 20, Duration::ZERO).await?; // open all 20
    let (done, one) = measure(wait::one_by_one(&db, 50, pause)).await;
    done?;
    let (done, pooled) = measure(wait::all_at_once(&db, 50, pause)).await;
    done?;
    println!("one by one:      {}", fmt_duration(one));
    println!("pool of 20:      {}", fmt_duration(pooled));
    db.pool.close().await;
    Ok(())
}

/// ### The pool's maximum, seen from the server
async fn the_pools_maximum_seen_from_the_server(
    scratch: &Scratch,
) -> anyhow::Result<()> {
    let name = scratch.backend().name();
    heading(&format!("{name}: 50 tasks through a pool of 5"));
    let small = PoolSize {
        max: 5,
        ..PoolSize::default()
    };
    let small = connect(scratch.url(), small).await?;
    let watcher = scratch.admin().await?.map(|c| (c, scratch.name()));
    let burst =
        bounds::burst(&small, 50, Duration::from_millis(20), watcher).await?;
    println!("most connections in use at once: {}", burst.most_in_use);
    match burst.most_on_server {
        Some(n) => println!("most sessions the server saw:   {n}"),
        None => println!("(SQLite has no server to ask)"),
    }
    small.pool.close().await;
    Ok(())
}
