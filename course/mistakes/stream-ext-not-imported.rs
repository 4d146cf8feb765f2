//! Mistake: calling `.next()` on a stream without importing StreamExt.
//! Fails: to compile
use futures::stream;

pub async fn collect_all() -> Vec<u32> {
    let mut numbers = stream::iter([1, 2, 3]);
    let mut out = Vec::new();
    while let Some(n) = numbers.next().await {
        out.push(n);
    }
    out
}
