//! Helpers the exercises share with their tests.

/// A user's 2 KiB greeting: 2,048 bytes that depend on `id`.
pub fn greeting(id: u32) -> [u8; 2048] {
    let mut text = [b' '; 2048];
    let hello = format!("hello, user {id}! ");
    for (i, byte) in text.iter_mut().enumerate() {
        *byte = hello.as_bytes()[i % hello.len()];
    }
    text
}

/// 64-bit FNV-1a of the bytes (the lesson's CPU workload uses it too).
pub fn checksum(bytes: &[u8]) -> u64 {
    crate::cpu::fnv1a(bytes)
}

/// How the time of one request split up (exercise 16-where-time-goes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Breakdown {
    /// How many requests answered 200.
    pub requests: usize,
    /// The longest any request waited for a free slot before it started.
    pub max_waited: std::time::Duration,
    /// The shortest time from a request's start to its answer.
    pub min_served: std::time::Duration,
    /// All the requests' start-to-answer times added up.
    pub total_served: std::time::Duration,
    /// From the first submission to the last answer.
    pub wall: std::time::Duration,
}
