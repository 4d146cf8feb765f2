//! A pool never opens more connections than its maximum: callers beyond it
//! wait in line for one to come back.

use std::time::Duration;

use kit::InFlight;
use sqlx::AnyConnection;
use tokio::task::JoinSet;

use crate::backend::{Backend, Db, Sql};

/// What a burst of work through the pool showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Burst {
    /// The most connections checked out of the pool at once.
    pub most_in_use: usize,
    /// The most connections the server counted at once (`None` on SQLite,
    /// which has no server).
    pub most_on_server: Option<i64>,
}

// ANCHOR: server_count
// The server's own list of sessions: PostgreSQL names each by its
// application_name, MariaDB by the database it is using.
const SESSIONS: Sql = Sql {
    sqlite: "",
    postgres: "SELECT COUNT(*) FROM pg_stat_activity \
               WHERE application_name = $1",
    mysql: "SELECT COUNT(*) FROM information_schema.PROCESSLIST \
            WHERE DB = ?",
};
// ANCHOR_END: server_count

/// How many sessions named `name` the server has open now.
async fn sessions(
    watcher: &mut AnyConnection,
    backend: Backend,
    name: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(SESSIONS.on(backend))
        .bind(name)
        .fetch_one(watcher)
        .await
}

// ANCHOR: burst
/// Spawns `tasks` tasks that each hold a pooled connection for `hold`,
/// and counts how many hold one at once. `watcher` (a connection from
/// outside the pool) asks the server every few milliseconds how many
/// sessions named `name` it has.
pub async fn burst(
    db: &Db,
    tasks: usize,
    hold: Duration,
    watcher: Option<(AnyConnection, &str)>,
) -> Result<Burst, sqlx::Error> {
    let in_use = InFlight::new();
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        let (pool, in_use) = (db.pool.clone(), in_use.clone());
        set.spawn(async move {
            let conn = pool.acquire().await?; // waits when all are out
            // Counted out before the connection goes back, so the next
            // task is never counted while this one still is.
            in_use.track(tokio::time::sleep(hold)).await;
            drop(conn); // back to the pool for the next task
            Ok::<_, sqlx::Error>(())
        });
    }
    let all_done = async {
        while let Some(joined) = set.join_next().await {
            joined.expect("a burst task panicked")?;
        }
        Ok::<_, sqlx::Error>(())
    };
    let mut most_on_server = None;
    match watcher {
        None => all_done.await?,
        Some((mut watcher, name)) => {
            let mut seen = 0;
            tokio::select! {
                done = all_done => done?,
                failed = watch(&mut watcher, db.backend, name, &mut seen) => {
                    failed?
                }
            }
            // Once more at the end: the pool keeps its connections open.
            let now = sessions(&mut watcher, db.backend, name).await?;
            most_on_server = Some(seen.max(now));
        }
    }
    Ok(Burst {
        most_in_use: in_use.max(),
        most_on_server,
    })
}
// ANCHOR_END: burst

/// Asks the server for its session count every few milliseconds, keeping
/// the largest in `seen`; runs until dropped or an error.
async fn watch(
    watcher: &mut AnyConnection,
    backend: Backend,
    name: &str,
    seen: &mut i64,
) -> Result<(), sqlx::Error> {
    loop {
        *seen = (*seen).max(sessions(watcher, backend, name).await?);
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}
