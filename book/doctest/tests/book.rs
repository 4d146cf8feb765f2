//! Checks that mdBook does not: every include names an existing file and
//! anchor, every anchor in the crates is included somewhere, every
//! internal link and picture resolves, every chapter is in SUMMARY.md, and
//! every `ignore`d Rust block says why.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn book_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../src")
}

fn chapters() -> Vec<(String, String)> {
    let mut out: Vec<_> = std::fs::read_dir(book_src())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// mdBook's heading ids: lower case, spaces to dashes, most punctuation dropped.
fn heading_ids(text: &str) -> BTreeSet<String> {
    let mut in_code = false;
    let mut ids = BTreeSet::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if in_code || !line.starts_with('#') {
            continue;
        }
        let title = line.trim_start_matches('#').trim();
        let id: String = title
            .chars()
            .filter_map(|c| match c {
                c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c.to_ascii_lowercase()),
                ' ' => Some('-'),
                _ => None,
            })
            .collect();
        ids.insert(id);
    }
    ids
}

/// `](target)` links outside code blocks and inline code.
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        // Drop inline code spans so `a](b)` inside backticks is not a link.
        let plain: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = plain.as_str();
        while let Some(i) = rest.find("](") {
            rest = &rest[i + 2..];
            if let Some(end) = rest.find(')') {
                out.push(rest[..end].to_string());
                rest = &rest[end..];
            }
        }
    }
    out
}

#[test]
fn every_include_names_an_existing_file_and_anchor() {
    let mut problems = Vec::new();
    for (name, text) in chapters() {
        for line in text
            .lines()
            .filter(|l| l.trim_start().starts_with("{{#include"))
        {
            let spec = line
                .trim()
                .trim_start_matches("{{#include")
                .trim_end_matches("}}")
                .trim();
            let (file, anchor) = spec
                .split_once(':')
                .map_or((spec, None), |(f, a)| (f, Some(a)));
            let path = book_src().join(file);
            let Ok(code) = std::fs::read_to_string(&path) else {
                problems.push(format!("{name}: {file} does not exist"));
                continue;
            };
            if let Some(anchor) =
                anchor.filter(|a| !a.chars().all(|c| c.is_ascii_digit() || c == ':'))
            {
                let start = code
                    .lines()
                    .any(|l| l.trim() == format!("// ANCHOR: {anchor}"));
                let end = code
                    .lines()
                    .any(|l| l.trim() == format!("// ANCHOR_END: {anchor}"));
                if !(start && end) {
                    problems.push(format!("{name}: {file} has no anchor `{anchor}`"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `{{#include FILE:ANCHOR}}` of every chapter, as (file, anchor),
/// the file's path made canonical so different spellings of it match.
fn included_anchors() -> BTreeSet<(PathBuf, String)> {
    let mut out = BTreeSet::new();
    for (_, text) in chapters() {
        let mut rest = text.as_str();
        while let Some(i) = rest.find("{{#include") {
            rest = &rest[i + "{{#include".len()..];
            let Some(end) = rest.find("}}") else { break };
            let spec = rest[..end].trim();
            if let Some((file, anchor)) = spec.split_once(':')
                && let Ok(path) = book_src().join(file).canonicalize()
            {
                out.insert((path, anchor.to_string()));
            }
        }
    }
    out
}

/// The `.rs` files under `dir`, at any depth.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.map(|e| e.unwrap().path()) {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// An anchor nothing includes is a promise of a place in the book that
/// the book does not keep: show the code, or drop the markers.
#[test]
fn every_anchor_is_included_by_a_chapter() {
    let root = book_src().join("../..").canonicalize().unwrap();
    let mut dirs = Vec::new();
    for group in ["lessons", "shared"] {
        for crate_dir in std::fs::read_dir(root.join(group)).unwrap() {
            let crate_dir = crate_dir.unwrap().path();
            dirs.push(crate_dir.join("src"));
            if group == "lessons" {
                dirs.push(crate_dir.join("tests"));
            }
        }
    }
    let mut files = Vec::new();
    for dir in &dirs {
        rust_files(dir, &mut files);
    }
    files.sort();
    let included = included_anchors();
    let mut problems = Vec::new();
    for file in files {
        let code = std::fs::read_to_string(&file).unwrap();
        let path = file.canonicalize().unwrap();
        for (n, line) in code.lines().enumerate() {
            let Some(anchor) = line.trim().strip_prefix("// ANCHOR: ") else {
                continue;
            };
            if !included.contains(&(path.clone(), anchor.to_string())) {
                let shown = path.strip_prefix(&root).unwrap_or(&path);
                problems.push(format!(
                    "{}:{}: anchor `{anchor}` is included by no chapter",
                    shown.display(),
                    n + 1
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn internal_links_and_pictures_resolve() {
    let all = chapters();
    let mut problems = Vec::new();
    for (name, text) in &all {
        for target in links(text) {
            if target.starts_with("http://") || target.starts_with("https://") {
                continue;
            }
            let (file, fragment) = target
                .split_once('#')
                .map_or((target.as_str(), None), |(f, a)| (f, Some(a)));
            let file = if file.is_empty() { name.as_str() } else { file };
            if !book_src().join(file).exists() {
                problems.push(format!("{name}: link to missing {file}"));
                continue;
            }
            if let Some(fragment) = fragment {
                let target_text = &all.iter().find(|(n, _)| n == file).expect("a chapter").1;
                if !heading_ids(target_text).contains(fragment) {
                    problems.push(format!("{name}: {file} has no heading #{fragment}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn summary_lists_every_chapter() {
    let summary = std::fs::read_to_string(book_src().join("SUMMARY.md")).unwrap();
    let listed: BTreeSet<String> = links(&summary).into_iter().collect();
    for (name, _) in chapters() {
        if name != "SUMMARY.md" {
            assert!(listed.contains(&name), "SUMMARY.md does not list {name}");
        }
    }
}

#[test]
fn every_ignored_rust_block_says_why() {
    for (name, text) in chapters() {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let fence = line.trim_start();
            if fence.starts_with("```rust") && fence.contains("ignore") {
                let next = lines.get(i + 1).map_or("", |l| l.trim());
                assert!(
                    next.starts_with("// ignore:"),
                    "{name}:{}: an ignored Rust block must start with `// ignore: <reason>`",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn heading_ids_follow_mdbook() {
    let ids = heading_ids("# A Title\n## `yield_now` is `asyncio.sleep(0)`\n");
    assert!(ids.contains("a-title"));
    assert!(ids.contains("yield_now-is-asynciosleep0"));
}

/// The widest code line the book's page shows without cutting it off.
/// Measured with the browser check (`book/browser-check`): at 1280 px a
/// code block is 750 px wide and holds 86 columns of Chromium's default
/// monospace font; 84 leaves room for a slightly wider font. Lesson code
/// is kept to 80 by `lessons/rustfmt.toml`.
const CODE_COLUMNS: usize = 84;

/// The lines an `{{#include file:anchor}}` shows: the anchor's region
/// without mdBook's anchor markers, or the whole file.
fn included_lines(code: &str, anchor: Option<&str>) -> Vec<String> {
    let is_marker = |l: &str| {
        let t = l.trim();
        t.starts_with("// ANCHOR:") || t.starts_with("// ANCHOR_END:")
    };
    let Some(anchor) = anchor else {
        return code
            .lines()
            .filter(|l| !is_marker(l))
            .map(str::to_owned)
            .collect();
    };
    let start = format!("// ANCHOR: {anchor}");
    let end = format!("// ANCHOR_END: {anchor}");
    code.lines()
        .skip_while(|l| l.trim() != start)
        .skip(1)
        .take_while(|l| l.trim() != end)
        .filter(|l| !is_marker(l))
        .map(str::to_owned)
        .collect()
}

#[test]
fn code_on_the_page_fits_its_width() {
    let mut problems = Vec::new();
    for (name, text) in chapters() {
        // Code (Rust, Python, unlabelled) must fit; program output, logs and
        // shell sessions (text, console, sh) wrap on the page instead
        // (book/course.css), and the browser check proves nothing overflows.
        // `Some(checked)` inside a fenced block.
        let mut fence: Option<bool> = None;
        for (i, line) in text.lines().enumerate() {
            if let Some(info) = line.trim_start().strip_prefix("```") {
                let wraps = ["text", "console", "sh", "shell", "bash"]
                    .iter()
                    .any(|lang| info.starts_with(lang));
                fence = match fence {
                    Some(_) => None,
                    None => Some(!wraps),
                };
                continue;
            }
            let width = line.chars().count();
            if fence == Some(true) && width > CODE_COLUMNS {
                problems.push(format!("{name}:{}: a code line of {width} columns", i + 1));
            }
            let Some(spec) = line
                .trim()
                .strip_prefix("{{#include")
                .and_then(|s| s.strip_suffix("}}"))
            else {
                continue;
            };
            let spec = spec.trim();
            let (file, anchor) = spec
                .split_once(':')
                .map_or((spec, None), |(f, a)| (f, Some(a)));
            let Ok(code) = std::fs::read_to_string(book_src().join(file)) else {
                continue; // reported by the include test
            };
            for shown in included_lines(&code, anchor) {
                let width = shown.chars().count();
                if width > CODE_COLUMNS {
                    problems.push(format!(
                        "{name}: {file}:{} has a line of {width} columns: {shown}",
                        anchor.unwrap_or("(whole file)")
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "code wider than {CODE_COLUMNS} columns is cut off on the page:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_heading_holds_a_link() {
    // mdBook already links every heading to itself; a link inside one
    // turns the sidebar and the search results into "Tasks (".
    let mut problems = Vec::new();
    for (name, text) in chapters() {
        let mut in_code = false;
        for (i, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
            }
            if !in_code && line.starts_with('#') && line.contains("](") {
                problems.push(format!("{name}:{}: {line}", i + 1));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "headings with links:\n{}",
        problems.join("\n")
    );
}
