//! Workload 1: N GET requests to `/delay/{ms}` on the test server, five
//! ways. The server answers every request after the same delay, so the
//! ideal (the physical limit) is easy to state for each way.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, bail};
use futures::stream::{self, StreamExt};

/// HTTP/1.1 (one request at a time per connection) or HTTP/2 cleartext
/// with prior knowledge (many streams on one connection).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proto {
    Http1,
    Http2,
}

impl Proto {
    pub fn label(self) -> &'static str {
        match self {
            Proto::Http1 => "HTTP/1.1",
            Proto::Http2 => "h2c",
        }
    }
}

/// The URL of one delayed request.
pub fn delay_url(base: &str, delay: Duration) -> String {
    format!("{base}/delay/{}", delay.as_millis())
}

// ANCHOR: client
/// One client for the whole run: it keeps connections open and reuses them.
/// Over h2c every request is a stream on the same TCP connection; over
/// HTTP/1.1 each request in flight needs a connection of its own.
pub fn client(proto: Proto) -> reqwest::Client {
    let builder = reqwest::Client::builder()
        .no_proxy() // loopback only; never ask a proxy
        .pool_max_idle_per_host(usize::MAX)
        .tcp_nodelay(true);
    let builder = match proto {
        Proto::Http1 => builder.http1_only(),
        Proto::Http2 => builder.http2_prior_knowledge(),
    };
    builder.build().expect("a plain HTTP client always builds")
}
// ANCHOR_END: client

/// One GET that must answer 200; the body is read to the end. A `Url`,
/// not a `&str`: reqwest parses a string again for every request.
pub async fn get_ok(
    client: &reqwest::Client,
    url: reqwest::Url,
) -> anyhow::Result<()> {
    let response = client.get(url).send().await?;
    let status = response.status();
    let failed = (!status.is_success()).then(|| response.url().to_string());
    response.bytes().await?; // to the end: the connection can be reused
    if let Some(url) = failed {
        bail!("{url} answered {status}");
    }
    Ok(())
}

// ANCHOR: fan_out
/// Sends `n` GETs to `url` with at most `limit` in flight and returns how
/// many answered 200. Each request is its own task, so on a multi-thread
/// runtime the client's work spreads over every core.
pub async fn fan_out(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    limit: usize,
) -> anyhow::Result<usize> {
    let url = reqwest::Url::parse(url)?; // once, not once per request
    let mut answers = stream::iter(0..n)
        .map(|_| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move { get_ok(&client, url).await })
        })
        // Spawning happens here, lazily: never more than `limit` at once.
        .buffer_unordered(limit.max(1));
    let mut ok = 0;
    while let Some(joined) = answers.next().await {
        joined.context("a request task panicked")??;
        ok += 1;
    }
    Ok(ok)
}
// ANCHOR_END: fan_out

// ANCHOR: blocking
/// The sequential blocking client: one request, wait, the next. Like
/// `requests.get` in a loop, the thread sleeps in `read` the whole delay.
pub fn sequential_blocking(url: &str, n: usize) -> anyhow::Result<usize> {
    let agent = ureq::Agent::new_with_defaults();
    for _ in 0..n {
        agent.get(url).call()?.body_mut().read_to_vec()?;
    }
    Ok(n)
}

/// A pool of `threads` OS threads, each a blocking client taking the next
/// request number from a shared counter until all `n` are sent.
pub fn thread_pool(
    url: &str,
    n: usize,
    threads: usize,
) -> anyhow::Result<usize> {
    let next = Arc::new(AtomicUsize::new(0));
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(n))
            .map(|_| {
                let next = Arc::clone(&next);
                scope.spawn(move || -> anyhow::Result<usize> {
                    let agent = ureq::Agent::new_with_defaults();
                    let mut done = 0;
                    while next.fetch_add(1, Ordering::Relaxed) < n {
                        agent.get(url).call()?.body_mut().read_to_vec()?;
                        done += 1;
                    }
                    Ok(done)
                })
            })
            .collect();
        let mut total = 0;
        for worker in workers {
            match worker.join() {
                Ok(done) => total += done?,
                Err(_) => bail!("a client thread panicked"),
            }
        }
        Ok(total)
    })
}
// ANCHOR_END: blocking

/// The physical limit for `n` requests of `delay` each with at most
/// `in_flight` at a time: ⌈n / in_flight⌉ rounds of one delay each.
pub fn ideal(n: usize, in_flight: usize, delay: Duration) -> Duration {
    let rounds = n.div_ceil(in_flight.max(1)) as u32;
    delay * rounds
}

// ANCHOR: bare_h2
/// The same fan-out on hyper's bare HTTP/2 client: one connection, every
/// request a future polled by this one task, no per-request URL parsing,
/// pool lookup or task. It shows what reqwest's conveniences cost per
/// request (see the chapter's "where the time goes").
pub async fn fan_out_bare_h2(url: &str, n: usize) -> anyhow::Result<usize> {
    use http_body_util::{BodyExt, Empty};
    use hyper::body::Bytes;
    use hyper_util::rt::{TokioExecutor, TokioIo};

    let uri: hyper::Uri = url.parse()?;
    let authority = uri.authority().context("the URL has a host")?;
    let tcp = tokio::net::TcpStream::connect(authority.as_str()).await?;
    tcp.set_nodelay(true)?;
    let (sender, connection) =
        hyper::client::conn::http2::Builder::new(TokioExecutor::new())
            .handshake::<_, Empty<Bytes>>(TokioIo::new(tcp))
            .await?;
    // The connection's own task reads and writes the frames.
    let driver = tokio::spawn(connection);
    let one = |mut sender: hyper::client::conn::http2::SendRequest<_>| {
        let request = hyper::Request::get(uri.clone()).body(Empty::new());
        async move {
            let response = sender.send_request(request?).await?;
            let status = response.status();
            response.into_body().collect().await?;
            anyhow::ensure!(status.is_success(), "{url} answered {status}");
            anyhow::Ok(())
        }
    };
    let mut answers = stream::iter(0..n)
        .map(|_| one(sender.clone()))
        .buffer_unordered(n.max(1));
    let mut ok = 0;
    while let Some(answer) = answers.next().await {
        answer?;
        ok += 1;
    }
    drop(answers);
    drop(sender); // the last sender gone: the connection closes
    driver.abort();
    Ok(ok)
}
// ANCHOR_END: bare_h2

/// The kernel's count of connections dropped because a listen queue was
/// full (`ListenOverflows` in `/proc/net/netstat`), for the whole machine.
pub fn listen_overflows() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/net/netstat").ok()?;
    let mut lines = text.lines().filter(|l| l.starts_with("TcpExt:"));
    let (names, values) = (lines.next()?, lines.next()?);
    let at = names
        .split_whitespace()
        .position(|n| n == "ListenOverflows")?;
    values.split_whitespace().nth(at)?.parse().ok()
}
