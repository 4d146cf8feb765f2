//! Wrong answer: one OnceCell per key holds the load's Result, so a failed load is served from the cache for ever
//! Expect: is the failure kept in the cache

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;

use crate::support::{LoadError, SlowStore};

type Cell = Arc<OnceCell<Result<String, LoadError>>>;

/// A cache that loads each key once, however many ask at a time.
#[derive(Debug)]
pub struct Cache {
    store: Arc<SlowStore>,
    cells: Mutex<HashMap<String, Cell>>,
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
        };
        cell.get_or_init(|| self.store.load(key)).await.clone()
    }
}
