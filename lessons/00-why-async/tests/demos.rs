//! The demos behave as the chapter says.

use kit::timing::{assert_exact, measure, ms};
use lesson_00_why_async::cpu;
use lesson_00_why_async::services::{
    fetch_orders, fetch_profile, fetch_settings, fetch_user,
};
use lesson_00_why_async::workload::{self, THREE_FETCHES};

#[test]
fn cpu_work_gives_the_same_answers_every_way() {
    // The timings are the machine's business (printed by the demo,
    // measured in lesson 10); the answers must not depend on the method.
    let alone = cpu::on_one_thread(3, 10_000);
    assert_eq!(alone.len(), 3);
    assert!(alone.iter().all(|&x| x == cpu::busy_work(10_000)));
    assert_eq!(cpu::on_threads(3, 10_000), alone);
    assert_eq!(cpu::as_async_on_one_thread(3, 10_000), alone);
    assert_ne!(cpu::busy_work(1), cpu::busy_work(2));
}

#[test]
fn scaled_jobs_keep_their_names() {
    let small = workload::scaled(&THREE_FETCHES, 10);
    let names: Vec<_> = small.iter().map(|j| j.name).collect();
    assert_eq!(names, ["fetch A", "fetch B", "fetch C"]);
    assert_eq!(workload::sum_of_delays(&small), ms(90));
}

#[tokio::test(start_paused = true)]
async fn the_dashboard_services_take_their_stated_times() {
    let (user, took) = measure(fetch_user("ferris")).await;
    assert_exact(took, ms(100));
    assert_eq!(user.id, 651);
    assert_exact(measure(fetch_orders(user.id)).await.1, ms(200));
    assert_exact(measure(fetch_profile(user.id)).await.1, ms(300));
    assert_exact(measure(fetch_settings()).await.1, ms(350));
}
