//! Mistake: an Rc moved into a task that tokio::spawn may run on any thread.
//! Fails: to compile
use std::rc::Rc;

pub async fn count_names() -> usize {
    let names = Rc::new(vec!["ada".to_owned(), "grace".to_owned()]);
    let task = tokio::spawn(async move {
        tokio::task::yield_now().await;
        names.len()
    });
    task.await.unwrap()
}
