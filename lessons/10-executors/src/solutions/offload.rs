//! Reference solution for 10-offload.

use std::sync::Arc;

use crate::legacy::LegacyDb;

/// `db.lookup(&key)`, without blocking the caller's thread.
pub async fn lookup_async(db: Arc<LegacyDb>, key: String) -> String {
    // The closure must own what it uses ('static): the Arc and the String
    // move in. The pool's thread blocks; this task just awaits.
    tokio::task::spawn_blocking(move || db.lookup(&key))
        .await
        .expect("the lookup panicked")
}
