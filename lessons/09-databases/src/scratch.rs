//! A throwaway database for one run of the demos or one test.
//!
//! Tests run in parallel, so each gets its own place to write: a file in a
//! temporary folder for SQLite, a schema of its own on PostgreSQL, a
//! database of its own on MariaDB. Dropping the [`Scratch`] removes it, even
//! when the test panicked, so nothing is left behind.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::AnyConnection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection};
use tempfile::TempDir;
use url::Url;

use crate::backend::Backend;

/// A database that exists until this value is dropped.
#[derive(Debug)]
pub struct Scratch {
    url: String,
    name: String,
    backend: Backend,
    place: Place,
}

#[derive(Debug)]
enum Place {
    /// SQLite: the folder holding the file; dropping it deletes both.
    Folder { _dir: TempDir },
    /// A schema (PostgreSQL) or database (MariaDB), dropped on the server.
    OnServer { admin_url: String },
}

impl Scratch {
    /// A fresh SQLite file in a new temporary folder, in WAL mode.
    pub async fn sqlite() -> Result<Scratch, sqlx::Error> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("lesson09.db");
        // WAL is a property of the file: set once here, every later
        // connection uses it. (See `sqlite_limits` for why.)
        SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .connect()
            .await?
            .close()
            .await?;
        Ok(Scratch {
            url: format!("sqlite://{}", path.display()),
            name: "lesson09.db".into(),
            backend: Backend::Sqlite,
            place: Place::Folder { _dir: dir },
        })
    }

    /// A fresh schema (PostgreSQL) or database (MariaDB) on the server at
    /// `server_url`, which must already exist and accept us.
    pub async fn on_server(server_url: &str) -> Result<Scratch, sqlx::Error> {
        let backend = Backend::of_url(server_url)
            .filter(|b| *b != Backend::Sqlite)
            .ok_or_else(|| {
                sqlx::Error::Configuration(
                    "a server URL starts with postgres: or mysql:".into(),
                )
            })?;
        let name = unique_name();
        let mut url = Url::parse(server_url)
            .map_err(|e| sqlx::Error::Configuration(e.into()))?;
        // `name` is ours (letters, digits, `_`), never input: it may be
        // pasted into SQL, and AssertSqlSafe is where we say so. Names of
        // schemas and databases cannot be bound as parameters.
        let create = match backend {
            Backend::Postgres => {
                // Every connection of the pool starts in the new schema,
                // and carries its name so the server can count them.
                url.query_pairs_mut()
                    .append_pair("options[search_path]", &name)
                    .append_pair("application_name", &name);
                format!("CREATE SCHEMA {name}")
            }
            _ => {
                url.set_path(&name);
                format!("CREATE DATABASE {name}")
            }
        };
        sqlx::any::install_default_drivers();
        let mut admin = AnyConnection::connect(server_url).await?;
        sqlx::query(AssertSqlSafe(create))
            .execute(&mut admin)
            .await?;
        admin.close().await?;
        Ok(Scratch {
            url: url.into(),
            name,
            backend,
            place: Place::OnServer {
                admin_url: server_url.to_string(),
            },
        })
    }

    /// The URL to connect to it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The schema or database name (on a server, also the
    /// `application_name` of PostgreSQL connections).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The database it lives in.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// For a server: a connection from outside the scratch database, to
    /// watch it (see [`crate::bounds`]).
    pub async fn admin(&self) -> Result<Option<AnyConnection>, sqlx::Error> {
        match &self.place {
            Place::Folder { .. } => Ok(None),
            Place::OnServer { admin_url } => {
                Ok(Some(AnyConnection::connect(admin_url).await?))
            }
        }
    }
}

/// `lesson09_<process>_<time>_<count>`: unique across parallel tests,
/// processes and runs.
pub fn unique_name() -> String {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_nanos();
    let count = COUNT.fetch_add(1, Ordering::Relaxed);
    format!("lesson09_{}_{nanos}_{count}", std::process::id())
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let Place::OnServer { admin_url } = &self.place else {
            return; // the TempDir deletes the SQLite file itself
        };
        // Drop cannot await, and may run inside a runtime that cannot be
        // blocked from within: do the clean-up on a thread of its own.
        let (url, name, backend) =
            (admin_url.clone(), self.name.clone(), self.backend);
        let cleanup = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(drop_on_server(&url, &name, backend))
        });
        match cleanup.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("could not drop {}: {e}", self.name),
            Err(_) => {
                eprintln!("could not drop {}: clean-up panicked", self.name)
            }
        }
    }
}

/// Ends the sessions still using the scratch place (a transaction left
/// open would block the drop), then drops it with everything in it.
async fn drop_on_server(
    admin_url: &str,
    name: &str,
    backend: Backend,
) -> Result<(), sqlx::Error> {
    let mut admin = tokio::time::timeout(
        Duration::from_secs(10),
        AnyConnection::connect(admin_url),
    )
    .await
    .map_err(|_| sqlx::Error::PoolTimedOut)??;
    match backend {
        Backend::Postgres => {
            sqlx::query(
                "SELECT 1 FROM (SELECT pg_terminate_backend(pid) \
                 FROM pg_stat_activity WHERE application_name = $1) AS t",
            )
            .bind(name)
            .execute(&mut admin)
            .await?;
            let drop = format!("DROP SCHEMA IF EXISTS {name} CASCADE");
            sqlx::query(AssertSqlSafe(drop)).execute(&mut admin).await?;
        }
        _ => {
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT CAST(ID AS SIGNED) \
                 FROM information_schema.PROCESSLIST WHERE DB = ?",
            )
            .bind(name)
            .fetch_all(&mut admin)
            .await?;
            for id in ids {
                // The session may have ended on its own meanwhile.
                let kill = format!("KILL {id}");
                let _ =
                    sqlx::query(AssertSqlSafe(kill)).execute(&mut admin).await;
            }
            let drop = format!("DROP DATABASE IF EXISTS {name}");
            sqlx::query(AssertSqlSafe(drop)).execute(&mut admin).await?;
        }
    }
    admin.close().await
}
