//! Exercise tests for lesson 00, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Every time is measured on tokio's paused clock, so it is exact: a wrong
//! time is a wrong shape of waiting, and [`exact_time`] names the shapes
//! that the usual mistakes produce.

use std::time::Duration;

use kit::timing::{fmt_duration, measure, ms, secs};
use lesson_00_why_async::workload::{Job, THREE_FETCHES};

/// Jobs of 300, 200, 400, 100 and 100 ms.
fn five_jobs() -> [Job; 5] {
    [
        Job::new("a", ms(300)),
        Job::new("b", ms(200)),
        Job::new("c", ms(400)),
        Job::new("d", ms(100)),
        Job::new("e", ms(100)),
    ]
}

/// What `kit::sim::fetch` returns for each job, in job order.
fn expected_results(jobs: &[Job]) -> Vec<String> {
    jobs.iter()
        .map(|j| format!("{}: done in {}", j.name, fmt_duration(j.delay)))
        .collect()
}

/// Panels of [300, 200], [400], [] and [100, 100, 100] ms.
fn four_panels() -> Vec<Vec<Job>> {
    vec![
        vec![Job::new("news", ms(300)), Job::new("weather", ms(200))],
        vec![Job::new("stocks", ms(400))],
        vec![],
        vec![
            Job::new("ad 1", ms(100)),
            Job::new("ad 2", ms(100)),
            Job::new("ad 3", ms(100)),
        ],
    ]
}

/// Fails unless `took` is exactly `expected`; when `took` is the time a
/// known mistake produces, the message names that mistake.
#[track_caller]
fn exact_time(
    what: &str,
    took: Duration,
    expected: Duration,
    mistakes: &[(Duration, &str)],
) {
    if took == expected {
        return;
    }
    let why = mistakes
        .iter()
        .find(|(time, _)| *time == took)
        .map_or(String::new(), |(_, why)| format!(": {why}"));
    panic!(
        "{what} took {} on tokio's paused clock; it should take exactly {}{why}",
        fmt_duration(took),
        fmt_duration(expected)
    );
}

kit::exercise_tests! {
    lesson: lesson_00_why_async, exercise: concurrent_fetches, id: "00-concurrent-fetches";

    #[tokio::test(start_paused = true)]
    async fn every_fetch_of_every_panel_waits_at_once() {
        let (_, took) = measure(subject::fetch_panels(&four_panels())).await;
        exact_time("loading panels of [300, 200], [400], [] and [100, 100, 100] ms", took, ms(400), &[
            (ms(1200), "every fetch waited for the one before it, as in the Python"),
            (ms(800), "300 + 400 + 100 ms is the panels one after another (each panel's \
                       fetches together): the panels must wait at the same time too"),
            (ms(500), "300 + 200 ms is the fetches inside a panel awaited one after \
                       another: they must wait at the same time too"),
        ]);
    }

    #[tokio::test(start_paused = true)]
    async fn results_are_grouped_by_panel_in_order() {
        let panels = four_panels();
        let got = subject::fetch_panels(&panels).await;
        let want: Vec<Vec<String>> = panels.iter().map(|p| expected_results(p)).collect();
        assert!(
            got == want,
            "the results should be grouped by panel, one Vec per panel (an empty \
             one for a panel with no jobs), in page and job order:\n  want {want:?}\n   got {got:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn ten_panels_of_ten_100ms_fetches_take_100ms() {
        let names = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        let panel: Vec<Job> = names.iter().map(|&n| Job::new(n, ms(100))).collect();
        let panels = vec![panel; 10];
        let (got, took) = measure(subject::fetch_panels(&panels)).await;
        exact_time("ten panels of ten 100 ms fetches", took, ms(100), &[
            (ms(1000), "that is ten waits in a row: the panels one after another, or the \
                        fetches inside each panel one after another"),
            (secs(10), "every fetch waited for the one before it"),
        ]);
        assert!(
            got.len() == 10 && got.iter().all(|p| *p == expected_results(&panels[0])),
            "ten panels of ten results each, in job order, were expected; got {} panels: {got:?}",
            got.len()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn no_panels_no_wait() {
        let (got, took) = measure(subject::fetch_panels(&[])).await;
        assert!(got.is_empty(), "a page with no panels should give no results, got {got:?}");
        exact_time("a page with no panels", took, Duration::ZERO, &[]);
    }
}

kit::exercise_tests! {
    lesson: lesson_00_why_async, exercise: in_batches, id: "00-in-batches";

    #[tokio::test(start_paused = true)]
    async fn batches_of_two_take_300_plus_400_plus_100() {
        let jobs = five_jobs();
        let (got, took) = measure(subject::fetch_in_batches(&jobs, 2)).await;
        exact_time("jobs of 300, 200, 400, 100, 100 ms in batches of 2", took, ms(800), &[
            (ms(600), "a free slot was refilled at once (c started at 200 ms, when b \
                       was done): that keeps 2 in flight, which is a pool, not batches; \
                       the next batch must wait for the slowest job of this one"),
            (ms(1100), "the jobs ran one after another inside each batch: a batch's \
                        jobs must wait at the same time"),
            (ms(400), "all at once, ignoring batch_size: at most 2 may be in flight"),
        ]);
        assert!(
            got == expected_results(&jobs),
            "the results should come back in job order:\n  want {:?}\n   got {got:?}",
            expected_results(&jobs)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn batches_of_one_are_one_after_another() {
        let (got, took) = measure(subject::fetch_in_batches(&THREE_FETCHES, 1)).await;
        exact_time("fetches of 300, 200, 400 ms in batches of 1", took, ms(900), &[
            (ms(400), "all at once, ignoring batch_size: batches of 1 are one after another"),
        ]);
        assert!(
            got == expected_results(&THREE_FETCHES),
            "the results should come back in job order:\n  want {:?}\n   got {got:?}",
            expected_results(&THREE_FETCHES)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn one_batch_holding_everything_takes_the_longest_delay() {
        let jobs = five_jobs();
        for size in [5, 50] {
            let (got, took) = measure(subject::fetch_in_batches(&jobs, size)).await;
            exact_time(
                &format!("five jobs (longest 400 ms) in batches of {size}"),
                took,
                ms(400),
                &[(ms(1100), "the jobs of one batch ran one after another inside it")],
            );
            assert!(got.len() == 5, "five jobs should give five results, got {got:?}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn batches_of_three_take_400_plus_100() {
        let jobs = five_jobs();
        let (got, took) = measure(subject::fetch_in_batches(&jobs, 3)).await;
        exact_time("jobs of 300, 200, 400, 100, 100 ms in batches of 3", took, ms(500), &[
            (ms(400), "a free slot was refilled at once, or every job started at once: \
                       d and e must wait until the whole first batch is done"),
            (ms(1100), "the jobs ran one after another inside each batch"),
        ]);
        assert!(
            got == expected_results(&jobs),
            "the results should come back in job order:\n  want {:?}\n   got {got:?}",
            expected_results(&jobs)
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_00_why_async, exercise: dashboard, id: "00-dashboard";

    #[tokio::test(start_paused = true)]
    async fn has_everything() {
        let got = subject::load_dashboard("ferris").await;
        let want = (
            "ferris",
            651,
            vec![6511, 6512],
            "profile of user 651",
            "theme=dark",
        );
        let seen = (
            got.user.name.as_str(),
            got.user.id,
            got.orders.clone(),
            got.profile.as_str(),
            got.settings.as_str(),
        );
        assert!(
            seen == want,
            "the dashboard should hold (user name, user id, orders, profile, settings) = \
             {want:?}, it holds {seen:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn takes_exactly_the_critical_path() {
        let (_, took) = measure(subject::load_dashboard("ferris")).await;
        // user (100) then profile (300), with everything else alongside.
        exact_time("loading the dashboard", took, ms(400), &[
            (ms(950), "every call waited for the one before it"),
            (ms(450), "the settings waited for the user (100 + 350 ms); they need nobody"),
            (ms(650), "orders and profile waited for the settings (350 + 300 ms); they \
                       need only the user"),
            (ms(600), "orders and profile ran one after another (100 + 200 + 300 ms); \
                       both need only the user"),
        ]);
    }

    #[tokio::test(start_paused = true)]
    async fn two_dashboards_at_once_still_take_400ms() {
        let (pair, took) = measure(async {
            tokio::join!(subject::load_dashboard("ada"), subject::load_dashboard("ferris"))
        })
        .await;
        exact_time("two dashboards loaded together", took, ms(400), &[]);
        let names = (pair.0.user.name.as_str(), pair.1.user.name.as_str());
        assert!(
            names == ("ada", "ferris"),
            "the two dashboards should be for (ada, ferris), they are for {names:?}"
        );
    }
}
