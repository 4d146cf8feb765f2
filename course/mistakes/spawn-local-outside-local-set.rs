//! Mistake: spawn_local for a task holding an Rc, with no LocalSet around it.
//! Test: subject::count_names().await
use std::rc::Rc;

pub async fn count_names() -> usize {
    let names = Rc::new(vec!["ada", "grace"]);
    tokio::task::spawn_local(async move { names.len() })
        .await
        .unwrap()
}
