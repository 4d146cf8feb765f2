//! Workload 3: CPU-bound work — a checksum over a buffer — three ways.
//!
//! The checksum is FNV-1a over each 64 KiB chunk, the chunk hashes mixed
//! with their index. Every byte depends on the one before, so the compiler
//! cannot skip the work, and chunks make it splittable across cores with
//! the same answer.

use rayon::prelude::*;

/// Bytes per chunk: the unit of work a core takes.
pub const CHUNK: usize = 64 * 1024;

/// A buffer of `len` bytes whose byte `i` is `i * 7 % 251`: the same on
/// every run and in the Python version.
pub fn buffer(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 % 251) as u8).collect()
}

/// 64-bit FNV-1a of one chunk.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Combines chunk `index`'s hash into the total; order does not matter.
fn mix(index: usize, hash: u64) -> u64 {
    hash.rotate_left((index % 64) as u32)
}

// ANCHOR: checksum
/// The checksum on the calling thread, chunk after chunk.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes
        .chunks(CHUNK)
        .enumerate()
        .map(|(i, chunk)| mix(i, fnv1a(chunk)))
        .fold(0, u64::wrapping_add)
}

/// The same checksum with the chunks spread over every core by rayon.
pub fn checksum_parallel(bytes: &[u8]) -> u64 {
    bytes
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(i, chunk)| mix(i, fnv1a(chunk)))
        .reduce(|| 0, u64::wrapping_add)
}
// ANCHOR_END: checksum

// ANCHOR: three_ways
/// On the runtime's own thread: correct, but no other task on this thread
/// runs until it is done (what Python's event loop does with CPU work).
pub async fn on_runtime_thread(bytes: &[u8]) -> u64 {
    checksum(bytes)
}

/// Moved to tokio's blocking pool: the runtime stays free, but the work
/// still uses one core (Python: `asyncio.to_thread`, minus the GIL).
pub async fn in_spawn_blocking(bytes: std::sync::Arc<Vec<u8>>) -> u64 {
    tokio::task::spawn_blocking(move || checksum(&bytes))
        .await
        .expect("the checksum does not panic")
}
// ANCHOR_END: three_ways
