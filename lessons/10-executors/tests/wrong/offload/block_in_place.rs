//! Wrong answer: block_in_place, which the tests' one-thread runtime refuses with a panic
//! Expect: can call blocking only when running on the multi-threaded runtime

use std::sync::Arc;

use crate::legacy::LegacyDb;

/// `db.lookup(&key)`, without blocking the caller's thread.
pub async fn lookup_async(db: Arc<LegacyDb>, key: String) -> String {
    tokio::task::block_in_place(|| db.lookup(&key))
}
