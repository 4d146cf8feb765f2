//! A record of who consumed what, shared by a demo's consumers.
//!
//! The demos that hang never return, so what they did is read from here
//! (and from their timeline) after a timeout has stopped them.

use std::sync::{Arc, Mutex, MutexGuard};

/// Which consumer handled which item, and which consumers ended.
#[derive(Debug, Clone, Default)]
pub struct Log {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    consumed: Vec<(String, String)>,
    ended: Vec<String>,
}

impl Log {
    // Never held across an await; a panicking consumer must not hide what
    // the others did.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `consumer` finished handling `item`.
    pub fn consumed(&self, consumer: &str, item: impl ToString) {
        let entry = (consumer.to_string(), item.to_string());
        self.lock().consumed.push(entry);
    }

    /// `consumer` left its loop.
    pub fn ended(&self, consumer: &str) {
        self.lock().ended.push(consumer.to_string());
    }

    /// Every item handled, in the order they were finished.
    pub fn items(&self) -> Vec<String> {
        self.lock()
            .consumed
            .iter()
            .map(|(_, i)| i.clone())
            .collect()
    }

    /// Every `(consumer, item)`, in the order they were finished.
    pub fn consumed_by(&self) -> Vec<(String, String)> {
        self.lock().consumed.clone()
    }

    /// The consumers that ended, in the order they did.
    pub fn ended_consumers(&self) -> Vec<String> {
        self.lock().ended.clone()
    }
}
