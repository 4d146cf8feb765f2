//! Wrong answer: checks the cache, and on a miss loads without marking the load as running, so concurrent callers each load
//! Expect: made 10 loads

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

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
        let cached = self.values.lock().unwrap().get(key).cloned();
        if let Some(value) = cached {
            return Ok(value);
        }
        let value = self.store.load(key).await?;
        self.values
            .lock()
            .unwrap()
            .insert(key.to_string(), value.clone());
        Ok(value)
    }
}
