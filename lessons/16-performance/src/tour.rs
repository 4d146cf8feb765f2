//! What the tour (`cargo run -p lesson-16-performance`) shows besides the
//! tables: `try_fold` on a real fan-out, and this process's peak memory.

use kit::heading;
use test_server::TestServer;

use lesson_16_performance::fanout::{self, Proto};
use lesson_16_performance::report::Unit;
use lesson_16_performance::{fold, memory};

/// Sums ten bodies with `fold::total_bytes`, then again with a failing
/// request third, one at a time, and prints what each gave.
pub fn try_fold() -> anyhow::Result<()> {
    heading("try_fold: a sum over a stream of Results");
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let server = TestServer::start().await?;
        let client = fanout::client(Proto::Http1);
        let mut urls: Vec<String> =
            (0..10).map(|_| server.url("/bytes/1000")).collect();
        let total = fold::total_bytes(&client, &urls, 4).await?;
        println!("10 GETs of /bytes/1000, 4 at a time: {total} bytes");

        urls[2] = server.url("/status/503");
        let before = server.requests();
        let Err(err) = fold::total_bytes(&client, &urls, 1).await else {
            anyhow::bail!("a 503 should end the sum with an error");
        };
        println!(
            "the 3rd answers 503, one at a time: stopped after {} \
             requests with `{err}`",
            server.requests() - before
        );
        Ok(())
    })
}

/// The line printed under the report.
pub fn peak_memory_line() -> String {
    let peak = memory::peak_resident_bytes();
    if peak == 0 {
        return "peak resident memory: unknown (no /proc/self/status)".into();
    }
    format!(
        "peak resident memory of this process (VmHWM): {}; the memory \
         probes ran in processes of their own",
        Unit::Bytes.format(peak as f64)
    )
}
