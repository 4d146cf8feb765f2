//! Mistake: unwrapping a broadcast receive, as if Lagged were the end.
//! Test: subject::read_all().await
use tokio::sync::broadcast;

pub async fn read_all() -> Vec<u32> {
    let (tx, mut rx) = broadcast::channel(2);
    for n in 0..5 {
        tx.send(n).unwrap();
    }
    let mut seen = Vec::new();
    while seen.len() < 5 {
        seen.push(rx.recv().await.unwrap());
    }
    seen
}
