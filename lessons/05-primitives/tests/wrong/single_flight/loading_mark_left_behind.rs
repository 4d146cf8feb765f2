//! Wrong answer: the first caller marks the key as loading and wakes the others when done, but a caller that gives up leaves the mark, stranding them
//! Expect: never finished

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::Notify;

use crate::support::{LoadError, SlowStore};

#[derive(Debug)]
enum Slot {
    Loading(Arc<Notify>),
    Ready(String),
}

/// A cache that loads each key once, however many ask at a time.
#[derive(Debug)]
pub struct Cache {
    store: Arc<SlowStore>,
    slots: Mutex<HashMap<String, Slot>>,
}

impl Cache {
    /// An empty cache in front of `store`.
    pub fn new(store: Arc<SlowStore>) -> Self {
        Self {
            store,
            slots: Mutex::new(HashMap::new()),
        }
    }

    /// The value of `key`: cached, or loaded once for every caller.
    pub async fn get(&self, key: &str) -> Result<String, LoadError> {
        loop {
            let done = {
                let mut slots = self.slots.lock().unwrap();
                match slots.get(key) {
                    Some(Slot::Ready(value)) => return Ok(value.clone()),
                    Some(Slot::Loading(done)) => Some(done.clone()),
                    None => {
                        let done = Arc::new(Notify::new());
                        slots.insert(key.to_string(), Slot::Loading(done));
                        None
                    }
                }
            };
            if let Some(done) = done {
                done.notified().await; // someone else loads: wait for them
                continue;
            }
            let loaded = self.store.load(key).await;
            let mut slots = self.slots.lock().unwrap();
            let slot = match &loaded {
                Ok(value) => {
                    slots.insert(key.to_string(), Slot::Ready(value.clone()))
                }
                Err(_) => slots.remove(key),
            };
            if let Some(Slot::Loading(done)) = slot {
                done.notify_waiters();
            }
            return loaded;
        }
    }
}
