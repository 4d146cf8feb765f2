//! Mistake: picking one of two async blocks with `if`, as if they had one type.
//! Fails: to compile
pub async fn answer(quick: bool) -> u32 {
    let job = if quick { async { 42 } } else { async { 42 } };
    job.await
}
