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

use clap::Parser;

mod tour;

/// Lesson 09: databases with sqlx (SQLite; PostgreSQL and MariaDB when
/// given), and Redis.
#[derive(Parser, Debug)]
struct Cli {
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
    let cli = Cli::parse(); // bad arguments: clap prints why and exits 2
    let servers = tour::Servers {
        postgres: given(cli.postgres, "POSTGRES_URL"),
        mysql: given(cli.mysql, "MYSQL_URL"),
        redis: given(cli.redis, "REDIS_URL"),
    };
    match tour::run(servers).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", kit::cli::one_line(error.as_ref()));
            ExitCode::FAILURE
        }
    }
}
