//! Where a million sleeping tasks spend the time over one sleep: the task
//! probe four ways, each the one before with one change (see
//! [`Spawning`]), in fresh processes, round by round.

use std::time::Duration;

use super::{Settings, Size, args, probe};
use crate::bench::{Contender, Figure, Group, Lineup, measure};
use crate::memory::{Spawning, TaskProbe};
use crate::report::{Lang, Report, Unit};
use crate::stats::Samples;

impl Figure for TaskProbe {
    fn figure(&self) -> f64 {
        self.wall_secs
    }
}

/// The task probe at the largest size, every way; the wall times as a
/// group, and how long each way took to spawn as notes.
pub fn spawning(
    settings: &Settings,
    report: &mut Report,
) -> anyhow::Result<()> {
    let (n, sleep) = match settings.size {
        Size::Full => (1_000_000, Duration::from_secs(1)),
        Size::Smoke => (10_000, Duration::from_millis(50)),
    };
    let mut lineup = Lineup::default();
    let mut slots = Vec::new();
    for way in Spawning::ALL {
        let run = move || {
            let ms = sleep.as_millis();
            let options: [(&str, &dyn std::fmt::Display); 3] =
                [("n", &n), ("sleep-ms", &ms), ("way", &way.arg())];
            probe::<TaskProbe>(&args("tasks", &options))
        };
        let contender = Contender::new(way.describe(), Lang::Rust, run);
        let slot = lineup.add(contender.ideal(sleep.as_secs_f64()));
        slots.push((way, slot));
    }
    let group = Group {
        title: format!(
            "{n} tasks sleeping {} ms: where the time goes",
            sleep.as_millis()
        ),
        unit: Unit::Seconds,
        n: Some(n),
    };
    let measured = measure(report, &group, settings.runs.min(3), lineup)?;
    for (way, slot) in slots {
        let Some(runs) = measured.get(slot) else {
            continue;
        };
        let spawn = Samples(runs.values.iter().map(|p| p.spawn_secs).collect());
        let cpu = Samples(runs.values.iter().map(|p| p.cpu_secs).collect());
        report.notes.push(format!(
            "{n} tasks, {}: the last was spawned after {:.3} s; {:.2} s of \
             CPU in all (medians)",
            way.describe(),
            spawn.median(),
            cpu.median()
        ));
    }
    Ok(())
}
