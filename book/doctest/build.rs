//! Prepares the book's chapters for rustdoc.
//!
//! Code blocks that only `{{#include}}` a lesson's file by anchor are
//! compiled (and tested) in their own crate, and rustdoc cannot expand
//! mdBook's include syntax, so they are removed here. Every other Rust
//! block stays and becomes a doctest of this crate.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
    println!("cargo::rerun-if-changed={}", src.display());
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");

    let mut chapters: Vec<_> = std::fs::read_dir(&src)
        .expect("book/src exists")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    chapters.sort();

    let mut modules = String::new();
    for path in chapters {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("a readable chapter");
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let file = format!("{out_dir}/{stem}.md");
        std::fs::write(&file, strip_include_blocks(&text)).expect("write to OUT_DIR");
        let module = format!("chapter_{}", stem.to_lowercase().replace(['-', '.'], "_"));
        let _ = writeln!(
            modules,
            "#[doc = include_str!({file:?})]\npub mod {module} {{}}"
        );
    }
    std::fs::write(format!("{out_dir}/chapters.rs"), modules).expect("write to OUT_DIR");
}

/// Blanks out fenced blocks whose every non-blank line is an mdBook include.
fn strip_include_blocks(text: &str) -> String {
    let mut out = String::new();
    let mut block: Vec<&str> = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            if in_block {
                block.push(line);
                let body = &block[1..block.len() - 1];
                let only_includes = !body.is_empty()
                    && body.iter().filter(|l| !l.trim().is_empty()).all(|l| {
                        l.trim().starts_with("{{#include")
                            || l.trim().starts_with("{{#rustdoc_include")
                    });
                for l in &block {
                    // Blank lines in place of a removed block keep the
                    // doctests' line numbers equal to the chapter's.
                    if !only_includes {
                        out.push_str(l);
                    }
                    out.push('\n');
                }
                block.clear();
                in_block = false;
            } else {
                in_block = true;
                block.push(line);
            }
        } else if in_block {
            block.push(line);
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
