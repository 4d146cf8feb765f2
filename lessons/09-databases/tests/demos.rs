//! The demos and the chapter's warnings behave as the chapter says: on
//! SQLite always, on the servers when their variables are set.

use std::time::Duration;

use crate::common::{HUNG, pool, server, sqlite};
use kit::servers::{self, Server};
use lesson_09_databases::cache::{self, Source};
use lesson_09_databases::queries::{self, open_account};
use lesson_09_databases::sqlite_limits::{
    is_locked, second_writer, writer_while_reading,
};
use lesson_09_databases::{
    Backend, Db, PoolSize, connect, new_file, pitfalls, scratch, stream, wait,
};
use sqlx::sqlite::SqliteJournalMode;
use tokio::time::timeout;

async fn fetch_kinds(db: &Db) {
    let a = open_account(db, "ann", 10).await.unwrap();
    let b = open_account(db, "ben", 20).await.unwrap();
    let all = queries::all_accounts(db).await.unwrap();
    let owners: Vec<_> = all.iter().map(|a| a.owner.as_str()).collect();
    assert_eq!(owners, ["ann", "ben"]);
    assert_eq!(queries::account(db, b).await.unwrap().balance, 20);
    assert!(matches!(
        queries::account(db, 999).await,
        Err(sqlx::Error::RowNotFound)
    ));
    assert_eq!(queries::find_account(db, 999).await.unwrap(), None);
    assert_eq!(queries::find_account(db, a).await.unwrap().unwrap().id, a);
    assert_eq!(queries::deposit(db, "ann", 5).await.unwrap(), 1);
    assert_eq!(queries::deposit(db, "nobody", 5).await.unwrap(), 0);
    assert_eq!(queries::total(db).await.unwrap(), 35);
    // Streaming stops early: 10 + 20 reaches 25 at the second row.
    open_account(db, "cy", 30).await.unwrap();
    assert_eq!(stream::rows_to_reach(db, 25).await.unwrap(), 2);
    assert_eq!(stream::rows_to_reach(db, 1000).await.unwrap(), 3);
    // Both migrations were applied and recorded.
    let applied: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(applied, 2);
}

#[tokio::test]
async fn fetch_all_one_optional_execute_and_stream_sqlite() {
    let (_scratch, db) = sqlite(pool()).await;
    timeout(HUNG, fetch_kinds(&db)).await.expect("hung");
}

#[tokio::test]
async fn fetch_all_one_optional_execute_and_stream_postgres() {
    let Some((_scratch, db)) = server(Server::Postgres, pool()).await else {
        return;
    };
    timeout(HUNG, fetch_kinds(&db)).await.expect("hung");
}

#[tokio::test]
async fn fetch_all_one_optional_execute_and_stream_mysql() {
    let Some((_scratch, db)) = server(Server::MySql, pool()).await else {
        return;
    };
    timeout(HUNG, fetch_kinds(&db)).await.expect("hung");
}

#[tokio::test]
async fn sqlite_has_no_server_to_sleep_on() {
    let (_scratch, db) = sqlite(pool()).await;
    let err = wait::server_sleep(&db, Duration::from_millis(1)).await;
    assert!(err.unwrap_err().to_string().contains("no server"));
}

#[tokio::test]
async fn a_second_writer_without_busy_timeout_finds_the_database_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locks.db");
    let hold = Duration::from_millis(200);
    let err = second_writer(&path, Duration::ZERO, hold)
        .await
        .unwrap_err();
    assert!(is_locked(&err), "{err}");
    assert!(err.to_string().contains("database is locked"), "{err}");
    // With a busy timeout longer than the hold, it waits and succeeds.
    second_writer(&path, Duration::from_secs(10), hold)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_reader_blocks_a_commit_in_delete_mode_but_not_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let err = writer_while_reading(
        &dir.path().join("delete.db"),
        SqliteJournalMode::Delete,
    )
    .await
    .unwrap_err();
    assert!(is_locked(&err), "{err}");
    writer_while_reading(&dir.path().join("wal.db"), SqliteJournalMode::Wal)
        .await
        .unwrap();
}

// The map's row for `aiosqlite.connect("f.db")`: the plain port fails on
// a missing file; `create_if_missing` (or `?mode=rwc`) creates it.
#[tokio::test]
async fn a_missing_file_needs_create_if_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let err = new_file::open_existing(&path).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "error returned from database: (code: 14) unable to open database file"
    );
    assert!(!path.exists());

    let pool = new_file::open_or_create(&path).await.unwrap();
    sqlx::query("CREATE TABLE t (x INTEGER)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert!(path.exists());
    // Now that it exists, the plain connect opens it, table and all.
    let pool = new_file::open_existing(&path).await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM t")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(n, 0);

    let by_url = dir.path().join("by_url.db");
    new_file::open_or_create_by_url(&by_url)
        .await
        .unwrap()
        .close()
        .await;
    assert!(by_url.exists());
}

#[tokio::test]
async fn query_as_into_a_tuple_takes_columns_by_position() {
    let (_scratch, db) = sqlite(pool()).await;
    let a = open_account(&db, "ann", 10).await.unwrap();
    let b = open_account(&db, "ben", 20).await.unwrap();
    assert_eq!(
        queries::ids_and_owners(&db).await.unwrap(),
        vec![(a, "ann".to_string()), (b, "ben".to_string())]
    );
    // The types are checked as each row is decoded: a name is no i64.
    let err = sqlx::query_as::<_, (i64, i64)>("SELECT id, owner FROM accounts")
        .fetch_all(&db.pool)
        .await
        .unwrap_err();
    assert!(matches!(err, sqlx::Error::ColumnDecode { .. }), "{err}");
}

#[tokio::test]
async fn an_open_stream_holding_the_only_connection_times_the_pool_out() {
    let (scratch, db) = sqlite(pool()).await;
    open_account(&db, "one", 1).await.unwrap();
    let err = pitfalls::stream_holds_the_only_connection(
        scratch.url(),
        Duration::from_millis(300),
    )
    .await
    .unwrap();
    assert!(matches!(err, sqlx::Error::PoolTimedOut), "{err}");
    assert_eq!(
        err.to_string(),
        "pool timed out while waiting for an open connection"
    );
}

#[tokio::test]
async fn a_wrong_scheme_or_a_dead_server_is_an_error_not_a_panic() {
    let err = connect("oracle://x@127.0.0.1/db", PoolSize::default())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`oracle:` is not"), "{err}");
    // Port 9 (discard) is closed here: connection refused. The pool
    // retries until its acquire timeout, then says only that.
    let dead = "postgres://u@127.0.0.1:9/db";
    let size = PoolSize {
        acquire_timeout: Duration::from_millis(300),
        ..PoolSize::default()
    };
    let err = connect(dead, size).await.unwrap_err();
    assert!(matches!(err, sqlx::Error::PoolTimedOut), "{err:?}");
    // One connection says why.
    let err = lesson_09_databases::backend::probe(dead).await.unwrap_err();
    assert!(matches!(err, sqlx::Error::Io(_)), "{err:?}");
    assert!(err.to_string().contains("refused"), "{err}");
}

#[tokio::test]
async fn each_backend_has_its_own_scheme() {
    assert_eq!(Backend::of_url("sqlite://x.db"), Some(Backend::Sqlite));
    assert_eq!(Backend::of_url("postgresql://h/d"), Some(Backend::Postgres));
    assert_eq!(Backend::of_url("mariadb://h/d"), Some(Backend::MySql));
    assert_eq!(Backend::of_url("nope"), None);
}

#[tokio::test]
async fn a_cached_value_expires_after_its_ttl_and_a_pipeline_answers_all() {
    let Some(mut redis) = servers::connect(Server::Redis, async |url: &str| {
        cache::connect(url).await
    })
    .await
    else {
        return;
    };
    let prefix = format!("{}:", scratch::unique_name());
    let key = format!("{prefix}k");
    let ttl = Duration::from_millis(150);
    let load = async || Ok("v".to_string());
    let got = cache::cached(&mut redis, &key, ttl, load).await.unwrap();
    assert_eq!(got.1, Source::Database);
    let got = cache::cached(&mut redis, &key, ttl, load).await.unwrap();
    assert_eq!(got.1, Source::Cache);
    tokio::time::sleep(Duration::from_millis(400)).await;
    let got = cache::cached(&mut redis, &key, ttl, load).await.unwrap();
    assert_eq!(got.1, Source::Database, "the value outlived its TTL");

    let pages = ["home", "about", "home", "home"];
    let ttl = Duration::from_secs(30);
    let counts = cache::count_views(&mut redis, &prefix, &pages, ttl)
        .await
        .unwrap();
    assert_eq!(counts, [1, 1, 2, 3]);
    let deleted = cache::delete_prefix(&mut redis, &prefix).await.unwrap();
    assert_eq!(deleted, 3, "k, views:home, views:about");
}
