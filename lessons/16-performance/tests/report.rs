//! The table and chart renderers, on a made-up report.

use lesson_16_performance::chart::{self, Series};
use lesson_16_performance::machine::{self, Machine};
use lesson_16_performance::report::{
    self, Bound, Lang, Measurement, Ratio, Report, Target, Unit,
};
use lesson_16_performance::stats::Samples;

fn machine() -> Machine {
    Machine {
        cpu: "Test CPU".into(),
        cores: 2,
        os: "Test OS".into(),
        rustc: "rustc 1.0".into(),
        python: None,
        date: "2026-01-01 00:00 UTC".into(),
        load: Some([0.5, 0.25, 0.75]),
        backlog: Some("backlog 4096 (net.core.somaxconn 4096)".into()),
    }
}

fn measurement(
    group: &str,
    who: &str,
    lang: Lang,
    n: usize,
    v: &[f64],
) -> Measurement {
    Measurement {
        group: group.into(),
        contender: who.into(),
        lang,
        unit: Unit::Seconds,
        samples: Samples(v.to_vec()),
        n: Some(n),
        ideal: Some(0.1),
        tutorials_say: Some("~2 s".into()),
    }
}

fn sample_report() -> Report {
    let mut report = Report::new(machine());
    for (n, rust, python) in [(100, 0.105, 0.3), (1000, 0.14, 0.9)] {
        let group = format!("fan-out: {n} requests");
        report.measurements.push(measurement(
            &group,
            "rust async",
            Lang::Rust,
            n,
            &[rust, rust * 1.1, rust * 0.9],
        ));
        report.measurements.push(measurement(
            &group,
            "python aiohttp",
            Lang::Python,
            n,
            &[python],
        ));
    }
    report.ratios.push(Ratio {
        group: "fan-out: 1000 requests".into(),
        label: "python aiohttp ÷ rust async".into(),
        samples: Samples(vec![6.0, 7.0, 8.0]),
    });
    report.targets.push(Target {
        what: "1000 requests".into(),
        unit: Unit::Seconds,
        bound: Bound::AtMost(0.15),
        samples: Samples(vec![0.14, 0.13, 0.2]),
    });
    report.targets.push(Target {
        what: "aiohttp ÷ rust".into(),
        unit: Unit::Times,
        bound: Bound::AtLeast(20.0),
        samples: Samples(vec![6.0, 7.0, 8.0]),
    });
    report.notes.push("a note".into());
    report
        .loads
        .push(("fan-out: 100 requests".into(), [1.5, 1.25, 1.0]));
    report
}

#[test]
fn the_table_has_every_group_row_ratio_and_target() {
    let text = report::render(&sample_report());
    for expected in [
        "machine: Test CPU, 2 cores",
        "### fan-out: 100 requests",
        "### fan-out: 1000 requests",
        "| rust async ",
        "| 0.105 s ", // the median of 0.105, 0.1155, 0.0945
        "| 0.095 s ", // the min, 0.0945 rounded
        "| Python tutorials say ",
        "| ~2 s ",
        "python aiohttp ÷ rust async",
        "| 7.0× ",
        "| ≤ 0.150 s ",
        "| 0.130 s .. 0.200 s ",
        "| ≥ 20.0× ",
        "note: a note",
        "load:    0.50, 0.25, 0.75 (1, 5, 15 min; 2 cores)",
        // Under its own table, before the next one.
        "|\n\nload average as these runs ended: 1.50, 1.25, 1.00 \
         (1, 5, 15 min; 2 cores)\n\n### fan-out: 1000 requests",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
    // One target met, one missed, each said plainly.
    assert_eq!(text.matches("| yes ").count(), 1, "{text}");
    assert_eq!(text.matches("| NO ").count(), 1, "{text}");
}

#[cfg(target_os = "linux")]
#[test]
fn the_load_average_is_read_on_linux() {
    let load = machine::load_average().expect("/proc/loadavg is readable");
    for value in load {
        assert!(value.is_finite() && value >= 0.0, "{load:?}");
    }
}

#[test]
fn units_read_well() {
    assert_eq!(Unit::Seconds.format(0.0042), "4.20 ms");
    assert_eq!(Unit::Seconds.format(1.25), "1.250 s");
    assert_eq!(Unit::Seconds.format(27.0), "27.0 s");
    assert_eq!(Unit::Bytes.format(264.0), "264 B");
    assert_eq!(Unit::Bytes.format(16_384.0), "16.0 KiB");
    assert_eq!(Unit::Bytes.format(8.0 * 1024.0 * 1024.0 * 2.0), "16.0 MiB");
    assert_eq!(Unit::PerSecond.format(2_500_000.0), "2.5 M/s");
    assert_eq!(Unit::Times.format(21.04), "21.0×");
    assert_eq!(Unit::Seconds.format(f64::NAN), "-");
}

#[test]
fn the_chart_series_come_from_the_fanout_groups() {
    let lines = chart::series(&sample_report(), "fan-out");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].name, "rust async");
    assert_eq!(lines[0].points.len(), 2);
    assert_eq!(lines[0].points[1].0, 1000);
    assert_eq!(lines[1].lang, Lang::Python);
}

#[test]
fn the_chart_is_an_svg_with_a_legend() {
    let lines = vec![
        Series {
            name: "rust async".into(),
            lang: Lang::Rust,
            points: vec![(10, 0.101), (10_000, 0.4)],
        },
        Series {
            name: "python aiohttp".into(),
            lang: Lang::Python,
            points: vec![(10, 0.11), (10_000, 5.3)],
        },
    ];
    let ideal = [(10, 0.1), (10_000, 0.1)];
    let svg =
        chart::render_svg("N requests, 100 ms each", &lines, &ideal).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..60.min(svg.len())]);
    for text in [
        "rust async",
        "python aiohttp",
        "N requests, 100 ms each",
        "seconds",
    ] {
        assert!(svg.contains(text), "the chart has no {text:?}");
    }
}
