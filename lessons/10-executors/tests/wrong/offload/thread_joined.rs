//! Wrong answer: runs the lookup on a new thread, then waits for it with a blocking join()
//! Expect: blocked the runtime's only thread

use std::sync::Arc;

use crate::legacy::LegacyDb;

/// `db.lookup(&key)`, without blocking the caller's thread.
pub async fn lookup_async(db: Arc<LegacyDb>, key: String) -> String {
    let thread = std::thread::spawn(move || db.lookup(&key));
    // The lookup runs elsewhere, but join() blocks this thread until then.
    thread.join().expect("the lookup panicked")
}
