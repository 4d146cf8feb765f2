//! Exercise tests for lesson 00, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

use std::time::Duration;

use kit::timing::{assert_exact, measure, ms};
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

fn expected_results(jobs: &[Job]) -> Vec<String> {
    jobs.iter()
        .map(|j| {
            format!(
                "{}: done in {}",
                j.name,
                kit::timing::fmt_duration(j.delay)
            )
        })
        .collect()
}

kit::exercise_tests! {
    lesson: lesson_00_why_async, exercise: concurrent_fetches, id: "00-concurrent-fetches";

    #[tokio::test(start_paused = true)]
    async fn takes_the_longest_delay_not_the_sum() {
        let (_, took) = measure(subject::fetch_all(&THREE_FETCHES)).await;
        assert_exact(took, ms(400));
    }

    #[tokio::test(start_paused = true)]
    async fn returns_the_results_in_job_order() {
        let got = subject::fetch_all(&THREE_FETCHES).await;
        assert_eq!(got, expected_results(&THREE_FETCHES));
    }

    #[tokio::test(start_paused = true)]
    async fn ten_fetches_of_100ms_take_100ms() {
        let names = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        let jobs: Vec<Job> = names.iter().map(|&n| Job::new(n, ms(100))).collect();
        let (got, took) = measure(subject::fetch_all(&jobs)).await;
        assert_exact(took, ms(100));
        assert_eq!(got, expected_results(&jobs));
    }

    #[tokio::test(start_paused = true)]
    async fn no_jobs_no_wait() {
        let (got, took) = measure(subject::fetch_all(&[])).await;
        assert!(got.is_empty());
        assert_exact(took, Duration::ZERO);
    }
}

kit::exercise_tests! {
    lesson: lesson_00_why_async, exercise: in_batches, id: "00-in-batches";

    #[tokio::test(start_paused = true)]
    async fn batches_of_two_take_300_plus_400_plus_100() {
        let jobs = five_jobs();
        let (got, took) = measure(subject::fetch_in_batches(&jobs, 2)).await;
        assert_exact(took, ms(800));
        assert_eq!(got, expected_results(&jobs));
    }

    #[tokio::test(start_paused = true)]
    async fn batches_of_one_are_one_after_another() {
        let (got, took) = measure(subject::fetch_in_batches(&THREE_FETCHES, 1)).await;
        assert_exact(took, ms(900));
        assert_eq!(got, expected_results(&THREE_FETCHES));
    }

    #[tokio::test(start_paused = true)]
    async fn one_batch_holding_everything_takes_the_longest_delay() {
        let jobs = five_jobs();
        assert_exact(measure(subject::fetch_in_batches(&jobs, 5)).await.1, ms(400));
        assert_exact(measure(subject::fetch_in_batches(&jobs, 50)).await.1, ms(400));
    }

    #[tokio::test(start_paused = true)]
    async fn batches_of_three_take_400_plus_100() {
        let jobs = five_jobs();
        let (got, took) = measure(subject::fetch_in_batches(&jobs, 3)).await;
        assert_exact(took, ms(500));
        assert_eq!(got, expected_results(&jobs));
    }
}

kit::exercise_tests! {
    lesson: lesson_00_why_async, exercise: dashboard, id: "00-dashboard";

    #[tokio::test(start_paused = true)]
    async fn has_everything() {
        let got = subject::load_dashboard("ferris").await;
        assert_eq!(got.user.name, "ferris");
        assert_eq!(got.user.id, 651);
        assert_eq!(got.orders, [6511, 6512]);
        assert_eq!(got.profile, "profile of user 651");
        assert_eq!(got.settings, "theme=dark");
    }

    #[tokio::test(start_paused = true)]
    async fn takes_exactly_the_critical_path() {
        let (_, took) = measure(subject::load_dashboard("ferris")).await;
        assert!(took != ms(950), "950 ms: every call waited for the one before it");
        assert!(took != ms(450), "450 ms: the settings waited for the user");
        assert!(took != ms(650), "650 ms: orders and profile waited for the settings");
        // user (100) then profile (300), with everything else alongside.
        assert_exact(took, ms(400));
    }

    #[tokio::test(start_paused = true)]
    async fn two_dashboards_at_once_still_take_400ms() {
        let (pair, took) = measure(async {
            tokio::join!(subject::load_dashboard("ada"), subject::load_dashboard("ferris"))
        })
        .await;
        assert_exact(took, ms(400));
        assert_eq!(pair.0.user.name, "ada");
        assert_eq!(pair.1.user.name, "ferris");
    }
}
