//! Test helpers: pytest fixtures, the Rust way.
//!
//! A pytest fixture sets something up, `yield`s it to the test, and tears it
//! down afterwards. In Rust that is a constructor that returns a value, and
//! `Drop` (or an explicit `async fn stop`) for the teardown: the value lives
//! exactly as long as the test uses it, and it is torn down even when the
//! test panics halfway.

use std::net::{Ipv4Addr, SocketAddr};

use axum::Router;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

// ANCHOR: test_app
/// A copy of a service running on 127.0.0.1 on a port the OS picked, with a
/// client to call it. Dropping it stops the server.
#[derive(Debug)]
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    server: JoinHandle<std::io::Result<()>>,
}

impl TestApp {
    /// Starts `router` on a free port. Port 0 asks the OS for any free
    /// port, so tests running in parallel never collide; the listener is
    /// bound before this returns, so the first request cannot arrive early.
    pub async fn spawn(router: Router) -> std::io::Result<TestApp> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    // A dropped sender counts as "stop" too.
                    let _ = stopped.await;
                })
                .await
        });
        Ok(TestApp {
            addr,
            client: reqwest::Client::new(),
            stop: Some(stop),
            server,
        })
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Stops the server gracefully and waits until it has stopped.
    pub async fn stop(mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.server).await.expect("the server task panicked")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Teardown on every path out of the test, panics included.
        self.server.abort();
    }
}
// ANCHOR_END: test_app

// ANCHOR: test_db
/// A fresh SQLite database for one test: a file in its own temporary
/// directory, with the schema applied. Dropping it deletes the directory.
#[derive(Debug)]
pub struct TestDb {
    pub pool: SqlitePool,
    // Deleted with the fixture.
    _dir: TempDir,
}

impl TestDb {
    pub async fn new() -> Result<TestDb, sqlx::Error> {
        let dir = tempfile::tempdir()?;
        let file = SqliteConnectOptions::new()
            .filename(dir.path().join("test.db"))
            .create_if_missing(true);
        let pool = SqlitePoolOptions::new().connect_with(file).await?;
        sqlx::raw_sql(crate::db::SCHEMA).execute(&pool).await?;
        Ok(TestDb { pool, _dir: dir })
    }
}
// ANCHOR_END: test_db
