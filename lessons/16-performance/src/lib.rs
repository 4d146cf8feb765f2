//! Lesson 16 — performance, measured: the comparison tables of the Python
//! tutorials this course follows, run for real on the reader's machine,
//! Rust and Python side by side.
//!
//! The workloads (each module one idea):
//!
//! - [`fanout`]: N requests to a delaying server, sequential, a thread
//!   pool, async unlimited and capped, over HTTP/1.1 and h2c; [`fold`]
//!   adds up a fan-out's answers and stops at the first error.
//! - [`memory`]: bytes per idle task and per idle thread; a million
//!   sleeping tasks.
//! - [`cpu`]: CPU-bound work on the runtime thread, in `spawn_blocking`,
//!   and split over the cores with rayon.
//! - [`coord`]: channel throughput and lock rate.
//!
//! The machinery: [`bench`] runs contenders round by round, [`stats`] sums
//! up the runs, [`report`] prints the tables, [`chart`] draws the picture,
//! [`server`] runs the test server in its own process, [`python`] runs the
//! Python side, [`machine`] records what it all ran on, [`suite`] says
//! which contenders run at which sizes, and [`targets`] judges what they
//! measured against the limits set for a 2-core machine; [`settle`] and
//! [`allocator`] keep one round's leftovers (ports, freed memory) from
//! slowing the next.

pub mod allocator;
pub mod bench;
pub mod chart;
pub mod coord;
pub mod cpu;
pub mod exercises_support;
pub mod fanout;
pub mod fold;
pub mod machine;
pub mod memory;
pub mod python;
pub mod report;
pub mod server;
pub mod settle;
pub mod stats;
pub mod suite;
pub mod targets;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod capped_fanout;
    pub mod small_task;
    pub mod where_time_goes;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod capped_fanout;
    pub mod small_task;
    pub mod where_time_goes;
}
