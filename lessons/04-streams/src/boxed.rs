//! Returning a stream from a function, and flattening a stream of batches.
//!
//! Every adapter has its own type, and an `async` block inside one has a
//! type no one can write down. A function can hide that behind
//! `impl Stream<Item = T>`, but only if every path returns the *same*
//! type. `BoxStream<'a, T>` is the one type they all fit: `.boxed()` puts
//! any `Send` stream on the heap behind it (one allocation, one indirect
//! call per item). It is also what a struct field or a trait method needs.

use futures::stream::{self, BoxStream, StreamExt};

// ANCHOR: boxed
/// The multiples of `step` below `limit`. Two branches, two stream types:
/// boxing gives them one.
pub fn multiples(step: u32, limit: u32) -> BoxStream<'static, u32> {
    if step == 0 {
        // Zero would repeat forever: return a stream that ends at once.
        stream::empty().boxed()
    } else {
        stream::iter((0..limit).step_by(step as usize)).boxed()
    }
}
// ANCHOR_END: boxed

// ANCHOR: flat_map
/// A stream of lines becomes a stream of words. `flat_map` drains each
/// inner stream before it asks the outer one for its next item, so it
/// stays lazy: no line is read before its words are wanted.
pub fn words<'a>(lines: BoxStream<'a, String>) -> BoxStream<'a, String> {
    lines
        .flat_map(|line| {
            let words: Vec<String> =
                line.split_whitespace().map(str::to_owned).collect();
            stream::iter(words)
        })
        .boxed()
}
// ANCHOR_END: flat_map
