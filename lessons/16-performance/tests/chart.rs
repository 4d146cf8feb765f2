//! The fan-out chart, drawn from the medians of the chapter's run
//! (2026-12-06, 2 cores, 100 ms per request): its axes end at the data and
//! read as whole counts, and every contender is in the legend.
//!
//! `cargo test -p lesson-16-performance --test lesson chart -- --ignored` redraws
//! `book/src/img/16-fanout.svg` from these figures; a new run redraws it
//! with `--chart` (or `chart --from REPORT.json --chart FILE.svg`).

use lesson_16_performance::chart::{self, Approach, Series};
use lesson_16_performance::report::Lang;

const NS: [usize; 4] = [10, 100, 1_000, 10_000];

/// Median seconds at N = 10, 100, 1,000, 10,000 (`None`: not run there).
#[rustfmt::skip]
const CHAPTER: [(&str, Lang, [Option<f64>; 4]); 12] = [
    ("rust sequential, blocking", Lang::Rust,
        [Some(1.013), Some(10.1), None, None]),
    ("rust 32 threads, blocking", Lang::Rust,
        [Some(0.137), Some(0.414), Some(3.279), None]),
    ("rust async, unlimited, HTTP/1.1", Lang::Rust,
        [Some(0.103), Some(0.106), Some(0.154), Some(1.048)]),
    ("rust async, ≤100 in flight, HTTP/1.1", Lang::Rust,
        [Some(0.102), Some(0.106), Some(1.030), None]),
    ("rust async, unlimited, h2c", Lang::Rust,
        [Some(0.102), Some(0.103), Some(0.118), Some(0.209)]),
    ("rust async, ≤100 in flight, h2c", Lang::Rust,
        [Some(0.102), Some(0.105), Some(1.027), None]),
    ("rust bare hyper, unlimited, h2c, one task", Lang::Rust,
        [Some(0.102), Some(0.102), Some(0.111), Some(0.178)]),
    ("python requests, sequential", Lang::Python,
        [Some(1.025), Some(10.3), None, None]),
    ("python requests, 32 threads", Lang::Python,
        [Some(0.110), Some(0.416), Some(3.293), None]),
    ("python aiohttp, unlimited", Lang::Python,
        [Some(0.106), Some(0.133), Some(0.343), Some(4.686)]),
    ("python aiohttp + uvloop, unlimited", Lang::Python,
        [Some(0.106), Some(0.126), Some(0.317), Some(4.393)]),
    ("python aiohttp + uvloop, ≤100 in flight", Lang::Python,
        [Some(0.105), Some(0.122), Some(1.061), None]),
];

fn chapter_lines() -> Vec<Series> {
    let line = |&(name, lang, medians): &(&str, Lang, [Option<f64>; 4])| {
        let at = NS.iter().zip(medians);
        Series {
            name: name.to_owned(),
            lang,
            points: at.filter_map(|(&n, m)| Some((n, m?))).collect(),
        }
    };
    CHAPTER.iter().map(line).collect()
}

fn chapter_svg() -> String {
    let ideal: Vec<(usize, f64)> = NS.iter().map(|&n| (n, 0.1)).collect();
    let title = "N requests, 100 ms each";
    chart::render_svg(title, &chapter_lines(), &ideal).unwrap()
}

/// The texts of an SVG's `<text>` elements.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>')?.1.split_once("</text>"))
        .map(|(text, _)| text.trim())
        .collect()
}

#[test]
fn the_x_axis_runs_over_the_data_in_whole_counts() {
    let svg = chapter_svg();
    let texts = texts(&svg);
    for label in ["10", "100", "1,000", "10,000"] {
        assert!(texts.contains(&label), "no x label {label:?}: {texts:?}");
    }
    for beyond in ["100,000", "10.0", "100.0", "1000"] {
        assert!(!texts.contains(&beyond), "a label {beyond:?}: {texts:?}");
    }
}

#[test]
fn every_line_and_the_ideal_are_in_the_legend() {
    let svg = chapter_svg();
    let texts = texts(&svg);
    for (name, _, _) in CHAPTER {
        let shown = name.replace('<', "&lt;");
        assert!(texts.contains(&shown.as_str()), "no {name:?}: {texts:?}");
    }
    assert!(texts.contains(&"ideal: every request at once"), "{texts:?}");
    assert!(texts.contains(&"seconds") && texts.contains(&"requests (N)"));
}

#[test]
fn each_approach_has_one_colour_for_both_languages() {
    let approaches: Vec<Approach> =
        CHAPTER.iter().map(|c| Approach::of(c.0)).collect();
    use Approach::*;
    let expected = [
        Sequential, ThreadPool, Unlimited, Capped, Unlimited, Capped,
        Unlimited, Sequential, ThreadPool, Unlimited, Unlimited, Capped,
    ];
    assert_eq!(approaches, expected);
}

#[test]
fn whole_counts_have_thousands_separators() {
    assert_eq!(chart::count_label(10.0), "10");
    assert_eq!(chart::count_label(10_000.0), "10,000");
    assert_eq!(chart::count_label(1_000_000.0), "1,000,000");
    assert_eq!(chart::count_label(20.0), "");
}

#[test]
#[ignore = "writes book/src/img/16-fanout.svg"]
fn redraw_the_books_chart() {
    let book = concat!(env!("CARGO_MANIFEST_DIR"), "/../../book/src/img");
    std::fs::write(format!("{book}/16-fanout.svg"), chapter_svg()).unwrap();
}
