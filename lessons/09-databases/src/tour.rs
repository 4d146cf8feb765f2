//! The tour: one function per section of the chapter, in its order.
//!
//! The sections from "A pool" to "The pool's maximum" run once on each
//! database (`each_database`); SQLite's own sections are in `sqlite`, the
//! Redis one in `redis_cache`.

mod each_database;
mod redis_cache;
mod sqlite;

use std::time::Duration;

use anyhow::{Context, bail};
use kit::heading;
use lesson_09_databases::{Backend, Scratch, backend, pitfalls};

/// The servers to run the demos on, each from its flag or its variable.
pub struct Servers {
    pub postgres: Option<String>,
    pub mysql: Option<String>,
    pub redis: Option<String>,
}

pub async fn run(servers: Servers) -> anyhow::Result<()> {
    println!("Lesson 09 — databases with sqlx, and Redis");
    // Check every URL before any demo runs: a typo fails at once.
    let mut on_servers = Vec::new();
    for (url, want) in [
        (servers.postgres, Backend::Postgres),
        (servers.mysql, Backend::MySql),
    ] {
        if let Some(url) = url {
            on_servers.push(reach(&url, want).await?);
        }
    }
    let sqlite = Scratch::sqlite().await.context("a temporary SQLite file")?;

    three_databases_one_program(&sqlite, &on_servers).await?;
    sqlite::sqlites_honest_limits().await?;
    sqlite::an_in_memory_sqlite_database_behind_a_pool().await?;
    sqlite::the_writers_end_of_a_pipeline().await?;
    match servers.redis {
        Some(url) => {
            redis_cache::cache_aside_and_pipelines(&url, &sqlite).await?
        }
        None => println!(
            "\n(Redis: pass --redis URL or set REDIS_URL for the cache demos)"
        ),
    }
    pitfalls(&sqlite).await?;
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
    Ok(())
}

/// ### Three databases, one program
///
/// The same demos on SQLite, then on each server given.
async fn three_databases_one_program(
    sqlite: &Scratch,
    servers: &[Scratch],
) -> anyhow::Result<()> {
    each_database::run(sqlite).await?;
    for scratch in servers {
        each_database::run(scratch).await?;
    }
    if servers.is_empty() {
        println!(
            "\n(the same demos on PostgreSQL and MariaDB: pass --postgres URL\n \
             or --mysql URL, or set POSTGRES_URL / MYSQL_URL)"
        );
    }
    Ok(())
}

/// ## Pitfalls
async fn pitfalls(scratch: &Scratch) -> anyhow::Result<()> {
    heading("pitfall: a stream holding the pool's only connection");
    let err = pitfalls::stream_holds_the_only_connection(
        scratch.url(),
        Duration::from_millis(500),
    )
    .await?;
    println!("the second query, after 500 ms: {err}");
    Ok(())
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

/// A database's error without sqlx's "error returned from database: ",
/// to keep the lines short.
fn short(e: &sqlx::Error) -> String {
    let text = e.to_string();
    let prefix = "error returned from database: ";
    text.strip_prefix(prefix).unwrap_or(&text).to_string()
}
