//! Wrong answer: calls the blocking lookup right in the async fn, holding the runtime's thread
//! Expect: blocked the runtime's only thread

use std::sync::Arc;

use crate::legacy::LegacyDb;

/// `db.lookup(&key)`, without blocking the caller's thread.
pub async fn lookup_async(db: Arc<LegacyDb>, key: String) -> String {
    // An async fn, so it must be non-blocking... but nothing here awaits.
    db.lookup(&key)
}
