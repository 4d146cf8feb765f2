//! Wrong answer: the first caller marks the key as loading; the others poll the map every 10 ms until the value is there
//! Expect: Do they poll

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::support::{LoadError, SlowStore};

#[derive(Debug, Clone)]
enum Entry {
    Loading,
    Ready(String),
}

/// A cache that loads each key once, however many ask at a time.
#[derive(Debug)]
pub struct Cache {
    store: Arc<SlowStore>,
    entries: Mutex<HashMap<String, Entry>>,
}

/// Removes a `Loading` mark left behind by a loader that gave up or failed.
struct Unmark<'a> {
    cache: &'a Cache,
    key: &'a str,
}

impl Drop for Unmark<'_> {
    fn drop(&mut self) {
        let mut entries = self.cache.entries.lock().unwrap();
        if let Some(Entry::Loading) = entries.get(self.key) {
            entries.remove(self.key);
        }
    }
}

impl Cache {
    /// An empty cache in front of `store`.
    pub fn new(store: Arc<SlowStore>) -> Self {
        Self {
            store,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The value of `key`: cached, or loaded once for every caller.
    pub async fn get(&self, key: &str) -> Result<String, LoadError> {
        loop {
            let entry = {
                let mut entries = self.entries.lock().unwrap();
                let entry = entries.get(key).cloned();
                if entry.is_none() {
                    entries.insert(key.to_string(), Entry::Loading);
                }
                entry
            };
            match entry {
                Some(Entry::Ready(value)) => return Ok(value),
                // Someone else is loading it: look again in a moment.
                Some(Entry::Loading) => {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                None => {
                    let _unmark = Unmark { cache: self, key };
                    let value = self.store.load(key).await?;
                    self.entries
                        .lock()
                        .unwrap()
                        .insert(key.to_string(), Entry::Ready(value.clone()));
                    return Ok(value);
                }
            }
        }
    }
}
