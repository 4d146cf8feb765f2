//! `cargo run -p lesson-09-databases`: every demo of lesson 09, in order.
//!
//! SQLite always (a file in a temporary folder: nothing to set up). Then
//! the same demos on PostgreSQL and MariaDB, and the Redis demos, for each
//! server given by a flag or its variable:
//!
//! ```text
//! cargo run -p lesson-09-databases -- --postgres postgres://postgres@127.0.0.1:5432/test
//! cargo run -p lesson-09-databases -- --mysql mysql://root@127.0.0.1:3306/test
//! cargo run -p lesson-09-databases -- --redis redis://127.0.0.1:6379
//! ```
//!
//! Each run works in a schema or database of its own and drops it at the
//! end. A server that cannot be reached is an error, with exit code 1.

use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, bail};
use clap::Parser;
use kit::heading;
use kit::timing::{fmt_duration, measure};
use lesson_09_databases::cache::{self, Source};
use lesson_09_databases::queries::{self, account, open_account};
use lesson_09_databases::transfer::{many_transfers, shuffled_transfers};
use lesson_09_databases::{
    Backend, Db, PoolSize, Scratch, backend, bounds, bulk, connect, dropped,
    memory, new_file, pitfalls, scratch, sqlite_limits, stream, transfer, wait,
};
use sqlx::sqlite::SqliteJournalMode;

/// Lesson 09: databases with sqlx (SQLite; PostgreSQL and MariaDB when
/// given), and Redis.
#[derive(Parser, Debug)]
struct Args {
    /// Also run the demos on this PostgreSQL server [env: POSTGRES_URL]
    #[arg(long, value_name = "URL")]
    postgres: Option<String>,
    /// Also run the demos on this MariaDB/MySQL server [env: MYSQL_URL]
    #[arg(long, value_name = "URL")]
    mysql: Option<String>,
    /// Run the Redis demos on this server [env: REDIS_URL]
    #[arg(long, value_name = "URL")]
    redis: Option<String>,
}

/// The flag's value, else the variable's.
fn given(flag: Option<String>, var: &str) -> Option<String> {
    flag.or_else(|| std::env::var(var).ok().filter(|v| !v.is_empty()))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", chain(&error));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, each cause once (sqlx's errors
/// often repeat their source in their own message).
fn chain(error: &anyhow::Error) -> String {
    let mut text = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text = format!("{text}: {cause}");
        }
    }
    text
}

async fn run(args: Args) -> anyhow::Result<()> {
    println!("Lesson 09 — databases with sqlx, and Redis");
    let postgres = given(args.postgres, "POSTGRES_URL");
    let mysql = given(args.mysql, "MYSQL_URL");
    let redis = given(args.redis, "REDIS_URL");
    // Check every URL before any demo runs: a typo fails at once.
    let mut servers = Vec::new();
    for (url, want) in [(postgres, Backend::Postgres), (mysql, Backend::MySql)]
    {
        if let Some(url) = url {
            servers.push(reach(&url, want).await?);
        }
    }

    let scratch = Scratch::sqlite().await.context("a temporary SQLite file")?;
    tour(&scratch).await?;
    for scratch in &servers {
        tour(scratch).await?;
    }
    if servers.is_empty() {
        println!(
            "\n(the same demos on PostgreSQL and MariaDB: pass --postgres URL\n \
             or --mysql URL, or set POSTGRES_URL / MYSQL_URL)"
        );
    }

    sqlite_limits_demo().await?;
    memory_demo().await?;
    bulk_demo().await?;

    match redis {
        Some(url) => redis_demo(&url, &scratch).await?,
        None => println!(
            "\n(Redis: pass --redis URL or set REDIS_URL for the cache demos)"
        ),
    }
    pitfalls_demo(&scratch).await?;
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
    Ok(())
}

/// The URL with any password hidden, for messages.
fn shown(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

/// Checks that `url` names a `want` server we can reach, and makes a
/// scratch schema or database there.
async fn reach(url: &str, want: Backend) -> anyhow::Result<Scratch> {
    let flag = match want {
        Backend::Postgres => "--postgres",
        _ => "--mysql",
    };
    match Backend::of_url(url) {
        Some(b) if b == want => {}
        _ => bail!(
            "{flag} needs a {} URL such as {}, not `{}`",
            want.name(),
            match want {
                Backend::Postgres => "postgres://postgres@127.0.0.1:5432/test",
                _ => "mysql://root@127.0.0.1:3306/test",
            },
            shown(url)
        ),
    }
    backend::probe(url).await.with_context(|| {
        format!("cannot reach {} at {}", want.name(), shown(url))
    })?;
    Scratch::on_server(url).await.with_context(|| {
        format!("cannot make a scratch schema on {}", shown(url))
    })
}

/// Every database demo, on the database behind `scratch`.
async fn tour(scratch: &Scratch) -> anyhow::Result<()> {
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
    for m in backend::migrator(db.backend).iter() {
        println!("migration {} applied: {}", m.version, m.description);
    }
    if scratch.backend() == Backend::Sqlite {
        new_file_demo().await?;
    }

    heading(&format!("{name}: queries with bound parameters"));
    let alice = open_account(&db, "alice", 100).await?;
    let bob = open_account(&db, "bob", 50).await?;
    let hostile = "Robert'); DROP TABLE accounts; --";
    let robert = open_account(&db, hostile, 0).await?;
    for a in queries::all_accounts(&db).await? {
        println!("fetch_all:      {} {:?} {}", a.id, a.owner, a.balance);
    }
    let pairs = queries::ids_and_owners(&db).await?;
    println!("as tuples:      {:?} ...", &pairs[..2]);
    println!("fetch_one:      {:?}", account(&db, robert).await?.owner);
    println!(
        "fetch_optional: account 999 is {:?}",
        queries::find_account(&db, 999).await?
    );
    let changed = queries::deposit(&db, "bob", 25).await?;
    println!("execute:        deposit to bob changed {changed} row");
    println!("the table is still there: {} accounts", {
        queries::count_accounts(&db).await?
    });

    heading(&format!("{name}: transactions"));
    transfer::transfer(&db, alice, bob, 30).await?;
    println!("alice -> bob 30: ok");
    let err = transfer::transfer(&db, bob, alice, 500).await.unwrap_err();
    println!("bob -> alice 500: {err}");
    let err = transfer::transfer(&db, alice, 999, 10).await.unwrap_err();
    println!("alice -> 999 10: {err}");
    println!(
        "balances: alice {}, bob {} (failed transfers changed nothing)",
        account(&db, alice).await?.balance,
        account(&db, bob).await?.balance
    );
    let mut ids = Vec::new();
    for i in 0..10 {
        ids.push(open_account(&db, &format!("acct{i}"), 1000).await?);
    }
    let before = queries::total(&db).await?;
    let transfers = shuffled_transfers(&ids, 1000);
    let (outcomes, took) = measure(many_transfers(&db, &transfers, 1000)).await;
    println!(
        "1000 at once: {} done, {} insufficient, {} other errors, in {}",
        outcomes.done,
        outcomes.insufficient,
        outcomes.other.len(),
        fmt_duration(took)
    );
    println!(
        "total before {before}, after {}",
        queries::total(&db).await?
    );

    heading(&format!("{name}: a transaction dropped without commit"));
    let (inside, after) = dropped::insert_then_drop(&db, "ghost").await?;
    println!("inside the transaction: {inside} row; after the drop: {after}");
    let (timed_out, after) =
        dropped::insert_then_time_out(&db, "late", Duration::from_millis(100))
            .await?;
    let cut = if timed_out {
        "cut short"
    } else {
        "not cut short"
    };
    println!("a transaction {cut} by a 100 ms timeout: {after} rows left");

    heading(&format!("{name}: streaming rows with fetch"));
    let read = stream::rows_to_reach(&db, 200).await?;
    println!("balances reach 200 after {read} rows; the rest were never read");

    // Closed first, so the server counts only the small pool's sessions.
    db.pool.close().await;
    heading(&format!("{name}: 50 tasks through a pool of 5"));
    let small = connect(
        scratch.url(),
        PoolSize {
            max: 5,
            ..PoolSize::default()
        },
    )
    .await?;
    let watcher = scratch.admin().await?.map(|c| (c, scratch.name()));
    let burst =
        bounds::burst(&small, 50, Duration::from_millis(20), watcher).await?;
    println!("most connections in use at once: {}", burst.most_in_use);
    match burst.most_on_server {
        Some(n) => println!("most sessions the server saw:   {n}"),
        None => println!("(SQLite has no server to ask)"),
    }
    small.pool.close().await;

    if scratch.backend() != Backend::Sqlite {
        fifty_queries(scratch).await?;
    }
    Ok(())
}

/// 50 queries of 100 ms on the server, one by one and through a pool of 20.
async fn fifty_queries(scratch: &Scratch) -> anyhow::Result<()> {
    let name = scratch.backend().name();
    heading(&format!(
        "{name}: 50 queries that wait 100 ms on the server"
    ));
    let size = PoolSize {
        max: 20,
        ..PoolSize::default()
    };
    let db: Db = connect(scratch.url(), size).await?;
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

async fn sqlite_limits_demo() -> anyhow::Result<()> {
    heading("SQLite: a second writer, while the first holds the lock");
    let dir = tempfile::tempdir()?;
    let hold = Duration::from_millis(200);
    let path = dir.path().join("locks.db");
    match sqlite_limits::second_writer(&path, Duration::ZERO, hold).await {
        Err(e) => println!("busy timeout 0: {e}"),
        Ok(()) => println!("busy timeout 0: ok (unexpected)"),
    }
    let (done, took) = measure(sqlite_limits::second_writer(
        &path,
        Duration::from_secs(5),
        hold,
    ))
    .await;
    done?;
    println!(
        "busy timeout 5 s: waited, then ok, in {}",
        fmt_duration(took)
    );
    heading("SQLite: a writer commits while a reader reads");
    for journal in [SqliteJournalMode::Delete, SqliteJournalMode::Wal] {
        let path = dir.path().join(format!("{journal:?}.db"));
        let outcome = sqlite_limits::writer_while_reading(&path, journal).await;
        match outcome {
            Ok(()) => println!("{journal:?} mode: ok"),
            Err(e) => println!("{journal:?} mode: {e}"),
        }
    }
    Ok(())
}

/// A database's error without sqlx's "error returned from database: ",
/// to keep the lines short.
fn short(e: &sqlx::Error) -> String {
    let text = e.to_string();
    let prefix = "error returned from database: ";
    text.strip_prefix(prefix).unwrap_or(&text).to_string()
}

/// What a count of the `notes` table gave, in a few words.
fn counted(count: memory::Count) -> String {
    match count {
        Ok(n) => format!("the table is there ({n} rows)"),
        Err(e) => short(&e),
    }
}

async fn new_file_demo() -> anyhow::Result<()> {
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

async fn memory_demo() -> anyhow::Result<()> {
    heading("SQLite: sqlite::memory: behind a pool");
    println!(
        "SqlitePool, another connection: {}",
        counted(memory::sqlite_pool().await?)
    );
    println!(
        "AnyPool, another connection:    {}",
        counted(memory::any_pool().await?)
    );
    let (while_open, after) = memory::gone_when_closed().await?;
    println!("a second pool, same options:    {}", counted(while_open));
    println!("a new pool, both closed:        {}", counted(after));
    Ok(())
}

async fn bulk_demo() -> anyhow::Result<()> {
    heading("SQLite: the writer's end of a pipeline");
    let dir = tempfile::tempdir()?;
    let rate = |n: usize, took: Duration| n as f64 / took.as_secs_f64();

    // One commit per row is slow: 1,000 rows are enough to see the rate.
    let pool = bulk::open(&dir.path().join("one_by_one.db")).await?;
    let rows = bulk::results(1_000);
    let (done, took) = measure(bulk::insert_one_by_one(&pool, &rows)).await;
    done?;
    println!(
        "one execute per row:       {:>6} rows in {:>7}: {:>7.0} rows/s",
        rows.len(),
        fmt_duration(took),
        rate(rows.len(), took)
    );
    pool.close().await;

    let pool = bulk::open(&dir.path().join("batch.db")).await?;
    let rows = bulk::results(10_000);
    let (statements, took) = measure(bulk::insert_batch(&pool, &rows)).await;
    println!(
        "push_values, one commit:   {:>6} rows in {:>7}: {:>7.0} rows/s \
         ({} statement)",
        rows.len(),
        fmt_duration(took),
        rate(rows.len(), took),
        statements?
    );
    pool.close().await;
    Ok(())
}

async fn pitfalls_demo(scratch: &Scratch) -> anyhow::Result<()> {
    heading("pitfall: a stream holding the pool's only connection");
    let err = pitfalls::stream_holds_the_only_connection(
        scratch.url(),
        Duration::from_millis(500),
    )
    .await?;
    println!("the second query, after 500 ms: {err}");
    Ok(())
}

async fn redis_demo(url: &str, scratch: &Scratch) -> anyhow::Result<()> {
    heading("Redis: cache-aside in front of a slow query");
    let mut redis = cache::connect(url)
        .await
        .with_context(|| format!("cannot reach Redis at {}", shown(url)))?;
    let db = connect(scratch.url(), PoolSize::default()).await?;
    let id = open_account(&db, "carol", 42).await?;
    let prefix = format!("{}:", scratch::unique_name());
    let key = format!("{prefix}balance:{id}");
    let loads = AtomicUsize::new(0);
    let slow_query = async || {
        loads.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(300)).await; // "slow"
        account(&db, id).await.map(|a| a.balance.to_string())
    };
    let ttl = Duration::from_secs(60);
    for read in 1..=3 {
        let (got, took) =
            measure(cache::cached(&mut redis, &key, ttl, slow_query)).await;
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

    heading("Redis: a pipeline, one round trip");
    let pages = ["home", "about", "home", "pricing", "home"];
    let counts = cache::count_views(
        &mut redis,
        &prefix,
        &pages,
        Duration::from_secs(60),
    )
    .await?;
    for (page, n) in pages.iter().zip(&counts) {
        println!("{page:>8}: view {n}");
    }
    let removed = cache::delete_prefix(&mut redis, &prefix).await?;
    println!("cleaned up {removed} keys");
    Ok(())
}
