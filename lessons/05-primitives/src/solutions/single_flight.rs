//! Reference solution for 05-single-flight.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;

use crate::support::{LoadError, SlowStore};

/// A cache that loads each key once, however many ask at a time.
#[derive(Debug)]
pub struct Cache {
    store: Arc<SlowStore>,
    // One cell per key. The map's lock (std: never held across an await)
    // only finds or adds the cell; the cell itself makes callers of one key
    // share a single load, while other keys load at the same time.
    cells: Mutex<HashMap<String, Arc<OnceCell<String>>>>,
}

impl Cache {
    /// An empty cache in front of `store`.
    pub fn new(store: Arc<SlowStore>) -> Self {
        Self {
            store,
            cells: Mutex::new(HashMap::new()),
        }
    }

    /// The value of `key`: cached, or loaded once for every caller.
    pub async fn get(&self, key: &str) -> Result<String, LoadError> {
        let cell = {
            let mut cells = self.cells.lock().unwrap();
            cells.entry(key.to_string()).or_default().clone()
        }; // the map's guard is dropped here, before any await
        // The first caller runs the load; the rest wait for it. If that
        // caller is cancelled, or its load fails, the cell stays empty and
        // the next one in line runs it instead.
        cell.get_or_try_init(|| self.store.load(key)).await.cloned()
    }
}
