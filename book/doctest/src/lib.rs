//! The book's chapters as doctests.
//!
//! `build.rs` copies each chapter of `book/src` into a module's docs, minus
//! the blocks that `{{#include}}` lesson code (those are compiled in their
//! own crates). `cargo test -p book-doctest --doc` then compiles every
//! remaining Rust block with the real dependencies, and runs it; a
//! `compile_fail` block must fail to compile. The checks on links, includes
//! and pictures are in `tests/book.rs`.

#![allow(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/chapters.rs"));
