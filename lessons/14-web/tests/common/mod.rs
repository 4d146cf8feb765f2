//! The service on 127.0.0.1 port 0 with a fresh SQLite file, for tests.

#![allow(dead_code)] // each test binary uses a different part

use std::net::SocketAddr;
use std::time::Duration;

use lesson_14_web::db::Db;
use lesson_14_web::mail::Mailer;
use lesson_14_web::{AppState, Stopped, serve};
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Knobs a test may turn.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub pool: u32,
    pub db_latency: Duration,
    pub mail: Duration,
    pub deadline: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            pool: 20,
            db_latency: Duration::ZERO,
            mail: Duration::from_millis(10),
            deadline: Duration::from_secs(10),
        }
    }
}

/// A running service and a client for it.
pub struct TestApp {
    pub addr: SocketAddr,
    pub http: reqwest::Client,
    pub state: AppState,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<std::io::Result<Stopped>>>,
    _dir: TempDir,
}

impl TestApp {
    pub async fn start(options: Options) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let url =
            format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = Db::connect(&url, options.pool, options.db_latency)
            .await
            .unwrap();
        let state = AppState {
            db,
            mailer: Mailer::new(options.mail),
        };
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(serve(
            listener,
            state.clone(),
            async {
                let _ = stopped.await;
            },
            options.deadline,
        ));
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30)) // a hung request fails the test
            .build()
            .unwrap();
        TestApp {
            addr,
            http,
            state,
            stop: Some(stop),
            server: Some(server),
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// POST /signup with this name and email.
    pub async fn signup(&self, name: &str, email: &str) -> reqwest::Response {
        self.http
            .post(self.url("/signup"))
            .json(&serde_json::json!({ "name": name, "email": email }))
            .send()
            .await
            .expect("POST /signup")
    }

    /// Starts the graceful shutdown (like SIGTERM) without waiting for it.
    pub fn begin_shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Shuts down and waits, at most 30 s, for `serve` to return.
    pub async fn stop(mut self) -> Stopped {
        self.begin_shutdown();
        let server = self.server.take().unwrap();
        tokio::time::timeout(Duration::from_secs(30), server)
            .await
            .expect("serve should return after the shutdown")
            .expect("server task")
            .expect("serve")
    }
}
