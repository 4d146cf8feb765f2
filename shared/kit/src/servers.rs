//! Tests against real servers (PostgreSQL, MariaDB/MySQL, Redis, NATS).
//!
//! A test that needs a server finds it through an environment variable
//! holding its URL ([`Server::var`]). What happens when it is not there
//! depends on who is running the tests:
//!
//! - a learner or a developer without the server: the test **skips**. It
//!   returns early, passes, and says so on stderr (written straight to the
//!   terminal, so `cargo test` shows it even while capturing output);
//! - CI, which sets `COURSE_REQUIRE_SERVERS=1`: a missing variable or an
//!   unreachable server **fails** the test, with a message that names the
//!   variable and how to start the server.
//!
//! ```ignore
//! // ignore: needs a running server and a database client crate.
//! use kit::servers::{self, Server};
//!
//! #[tokio::test]
//! async fn talks_to_postgres() {
//!     let Some(pool) =
//!         servers::connect(Server::Postgres, async |url| PgPool::connect(url).await)
//!             .await
//!     else {
//!         return; // skipped, and said so
//!     };
//!     // ...
//! }
//! ```

use std::fmt::Display;
use std::io::Write;

/// The variable that turns "skip" into "fail" (CI sets it to `1`).
pub const REQUIRE_VAR: &str = "COURSE_REQUIRE_SERVERS";

/// A server that tests may need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Server {
    /// PostgreSQL, found through `POSTGRES_URL`.
    Postgres,
    /// MySQL or MariaDB, found through `MYSQL_URL`.
    MySql,
    /// Redis, found through `REDIS_URL`.
    Redis,
    /// NATS with JetStream, found through `NATS_URL`.
    Nats,
}

impl Server {
    /// The environment variable that holds the server's URL.
    pub fn var(self) -> &'static str {
        match self {
            Server::Postgres => "POSTGRES_URL",
            Server::MySql => "MYSQL_URL",
            Server::Redis => "REDIS_URL",
            Server::Nats => "NATS_URL",
        }
    }

    /// The server's name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Server::Postgres => "PostgreSQL",
            Server::MySql => "MariaDB/MySQL",
            Server::Redis => "Redis",
            Server::Nats => "NATS (with JetStream)",
        }
    }

    /// The URL of a server started as [`Server::how_to_start`] says.
    pub fn example_url(self) -> &'static str {
        match self {
            Server::Postgres => "postgres://postgres@127.0.0.1:5432/test",
            Server::MySql => "mysql://root@127.0.0.1:3306/test",
            Server::Redis => "redis://127.0.0.1:6379",
            Server::Nats => "nats://127.0.0.1:4222",
        }
    }

    /// How to start the server on a Debian-like machine, and the URL to set.
    pub fn how_to_start(self) -> &'static str {
        match self {
            Server::Postgres => {
                "start it with `pg_ctlcluster --skip-systemctl-redirect \
                 $(ls /etc/postgresql) main start` (or `docker run -p \
                 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e \
                 POSTGRES_DB=test postgres`), \
                 then `export \
                 POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test`"
            }
            Server::MySql => {
                "start it with `start-stop-daemon --start --oknodo \
                 --background --exec /usr/sbin/mariadbd` (or `docker run -p \
                 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 -e \
                 MARIADB_DATABASE=test mariadb`), then `export \
                 MYSQL_URL=mysql://root@127.0.0.1:3306/test`"
            }
            Server::Redis => {
                "start it with `redis-server --daemonize yes --bind \
                 127.0.0.1 --port 6379 --save \"\" --appendonly no` (or \
                 `docker run -p 6379:6379 redis`), then `export \
                 REDIS_URL=redis://127.0.0.1:6379`"
            }
            Server::Nats => {
                "start it with `nats-server -a 127.0.0.1 -p 4222 -js -sd \
                 /var/lib/nats-server &` (or `docker run -p 4222:4222 nats \
                 -js`), then `export NATS_URL=nats://127.0.0.1:4222`"
            }
        }
    }
}

/// What to do when a server is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// Skip the test and say so on stderr.
    Skip,
    /// Fail the test (CI).
    Fail,
}

impl Missing {
    /// [`Missing::Fail`] when `COURSE_REQUIRE_SERVERS` is `1` (or any value
    /// but empty and `0`), else [`Missing::Skip`].
    pub fn from_env() -> Missing {
        match std::env::var(REQUIRE_VAR) {
            Ok(v) if !v.is_empty() && v != "0" => Missing::Fail,
            _ => Missing::Skip,
        }
    }
}

/// The server's URL from its variable, or `None` when the test should skip.
///
/// Panics (fails the test) when the variable is missing and servers are
/// required.
#[track_caller]
pub fn url(server: Server) -> Option<String> {
    url_from(
        server,
        std::env::var(server.var()).ok(),
        Missing::from_env(),
        &mut std::io::stderr(),
    )
}

/// Reads the server's URL and connects with `connect`; `None` when the test
/// should skip (the variable is unset, or the server cannot be reached and
/// servers are not required).
///
/// Panics (fails the test) when servers are required and the variable is
/// missing or `connect` fails.
pub async fn connect<T, E: Display>(
    server: Server,
    connect: impl AsyncFnOnce(&str) -> Result<T, E>,
) -> Option<T> {
    let missing = Missing::from_env();
    let url = url_from(
        server,
        std::env::var(server.var()).ok(),
        missing,
        &mut std::io::stderr(),
    )?;
    let outcome = connect(&url).await;
    connected(server, outcome, missing, &mut std::io::stderr())
}

/// [`url`] with its inputs passed in: the variable's value, the policy, and
/// where the skip line goes.
#[track_caller]
pub fn url_from(
    server: Server,
    value: Option<String>,
    missing: Missing,
    out: &mut impl Write,
) -> Option<String> {
    match value.filter(|v| !v.trim().is_empty()) {
        Some(url) => Some(url),
        None => {
            let why = format!("{} is not set", server.var());
            give_up(server, &why, missing, out);
            None
        }
    }
}

/// The second half of [`connect`]: passes a connection through, or skips or
/// fails on an error.
#[track_caller]
pub fn connected<T, E: Display>(
    server: Server,
    outcome: Result<T, E>,
    missing: Missing,
    out: &mut impl Write,
) -> Option<T> {
    match outcome {
        Ok(conn) => Some(conn),
        Err(error) => {
            let why = format!(
                "{} is set but {} cannot be reached: {error}",
                server.var(),
                server.name()
            );
            give_up(server, &why, missing, out);
            None
        }
    }
}

/// Skips (a line on `out`) or fails (a panic), naming the test.
#[track_caller]
fn give_up(server: Server, why: &str, missing: Missing, out: &mut impl Write) {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    match missing {
        Missing::Skip => {
            // Written to the stream itself, not with eprintln!: the test
            // harness captures eprintln! output of passing tests.
            let _ = writeln!(
                out,
                "skipped {test}: {why} (to run it: export {}={})",
                server.var(),
                server.example_url()
            );
        }
        Missing::Fail => panic!(
            "{test}: {why}, and {REQUIRE_VAR}=1 requires every server. \
             {} is needed: {}",
            server.name(),
            server.how_to_start()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip_line(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_set_variable_is_the_url() {
        let url = Some("postgres://u@127.0.0.1/db".to_string());
        let mut out = Vec::new();
        let got = url_from(Server::Postgres, url, Missing::Fail, &mut out);
        assert_eq!(got.as_deref(), Some("postgres://u@127.0.0.1/db"));
        assert!(out.is_empty(), "nothing said when the server is there");
    }

    #[test]
    fn an_unset_variable_skips_and_says_which_and_how() {
        let line = skip_line(|out| {
            assert_eq!(url_from(Server::MySql, None, Missing::Skip, out), None);
        });
        assert!(line.starts_with("skipped "), "{line}");
        assert!(line.contains("MYSQL_URL is not set"), "{line}");
        assert!(
            line.contains("export MYSQL_URL=mysql://"),
            "says how to run it: {line}"
        );
        assert!(line.ends_with('\n'));
    }

    #[test]
    fn an_empty_variable_counts_as_unset() {
        let line = skip_line(|out| {
            let got = url_from(Server::Redis, Some(" ".into()), Missing::Skip, out);
            assert_eq!(got, None);
        });
        assert!(line.contains("REDIS_URL is not set"), "{line}");
    }

    #[test]
    #[should_panic(expected = "POSTGRES_URL is not set, and \
                               COURSE_REQUIRE_SERVERS=1 requires")]
    fn an_unset_variable_fails_when_servers_are_required() {
        url_from(Server::Postgres, None, Missing::Fail, &mut Vec::new());
    }

    #[test]
    fn an_unreachable_server_skips_with_the_error() {
        let line = skip_line(|out| {
            let outcome: Result<(), &str> = Err("connection refused");
            assert_eq!(connected(Server::Redis, outcome, Missing::Skip, out), None);
        });
        assert!(
            line.contains("REDIS_URL is set but Redis cannot be reached"),
            "{line}"
        );
        assert!(line.contains("connection refused"), "{line}");
        assert!(line.contains("export REDIS_URL=redis://"), "{line}");
    }

    #[test]
    #[should_panic(expected = "MYSQL_URL is set but MariaDB/MySQL cannot be \
                               reached: connection refused")]
    fn an_unreachable_server_fails_when_servers_are_required() {
        let outcome: Result<(), &str> = Err("connection refused");
        connected(Server::MySql, outcome, Missing::Fail, &mut Vec::new());
    }

    #[test]
    fn a_connection_passes_through() {
        let outcome: Result<u8, &str> = Ok(7);
        let mut out = Vec::new();
        let got = connected(Server::Postgres, outcome, Missing::Fail, &mut out);
        assert_eq!(got, Some(7));
        assert!(out.is_empty());
    }

    #[test]
    fn every_server_names_its_variable_in_its_start_hint() {
        for server in [Server::Postgres, Server::MySql, Server::Redis, Server::Nats] {
            let hint = server.how_to_start();
            assert!(hint.contains(server.var()), "{server:?}");
            assert!(hint.contains(server.example_url()), "{server:?}");
        }
    }

    #[tokio::test]
    async fn connect_runs_the_connector_with_the_url_when_set() {
        // Only when the variable is set: this test must not depend on it.
        let Some(url) = std::env::var(Server::Redis.var()).ok() else {
            return;
        };
        let seen = connect(Server::Redis, async |u: &str| {
            Ok::<_, String>(u.to_string())
        })
        .await;
        assert_eq!(seen, Some(url));
    }
}
