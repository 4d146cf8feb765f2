//! Wrong answer: one tokio Mutex over the whole map, held while a load runs, so different keys wait for each other
//! Expect: loaded one after the other

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::Mutex;

use crate::support::{LoadError, SlowStore};

/// A cache that loads each key once, however many ask at a time.
#[derive(Debug)]
pub struct Cache {
    store: Arc<SlowStore>,
    values: Mutex<HashMap<String, String>>,
}

impl Cache {
    /// An empty cache in front of `store`.
    pub fn new(store: Arc<SlowStore>) -> Self {
        Self {
            store,
            values: Mutex::new(HashMap::new()),
        }
    }

    /// The value of `key`: cached, or loaded once for every caller.
    pub async fn get(&self, key: &str) -> Result<String, LoadError> {
        let mut values = self.values.lock().await;
        if let Some(value) = values.get(key) {
            return Ok(value.clone());
        }
        let value = self.store.load(key).await?;
        values.insert(key.to_string(), value.clone());
        Ok(value)
    }
}
