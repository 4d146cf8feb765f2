//! The tour: one function per section of the chapter, in its order.

use std::time::Duration;

use kit::heading;
use kit::timing::{fmt_duration, measure, measure_blocking};
use lesson_07_http::body_drop::{self, Body};
use lesson_07_http::errors::{self, classify};
use lesson_07_http::json::{self, Order};
use lesson_07_http::{
    blocking, cancel, cap, client, http2, pool, retry, speed, stream,
    three_ways,
};
use reqwest::Client;
use test_server::TestServer;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

pub async fn run() -> Result {
    println!("Lesson 07 — HTTP clients with reqwest");
    let server = TestServer::start().await?;
    println!(
        "(test server on {}; delays are a tenth of the Python tutorials')",
        server.base_url()
    );
    one_client_shared(&server).await?;
    let client = Client::new();
    get_text_get_json_post_json(&server, &client).await?;
    errors_status_timeout_connect_decode(&server, &client).await?;
    sequential_vs_concurrent(&server, &client).await?;
    capping_requests_in_flight(&server, &client).await?;
    the_pool_and_its_settings().await?;
    http2_many_requests_one_connection().await?;
    retries_with_backoff(&client).await?;
    a_body_dropped_unread().await?;
    streaming_a_large_body(&server, &client).await?;
    giving_up_cancels_the_request(&client).await?;
    the_blocking_client_inside_the_runtime(&server, &client).await?;
    server.stop().await;
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
    Ok(())
}

/// `n` copies of the server's `path`.
fn urls(server: &TestServer, path: &str, n: usize) -> Vec<String> {
    (0..n).map(|_| server.url(path)).collect()
}

/// ### One client, shared
async fn one_client_shared(server: &TestServer) -> Result {
    heading("one Client, shared, vs a client per request");
    let ten = urls(server, "/json", 10);
    let before = server.connections();
    client::fetch_all_shared(&ten).await?;
    let shared = server.connections() - before;
    let before = server.connections();
    client::fetch_all_fresh(&ten).await?;
    let fresh = server.connections() - before;
    println!("10 requests, one shared client: {shared} connection(s)");
    println!("10 requests, reqwest::get each: {fresh} connection(s)");
    let (_, took) = measure_blocking(|| {
        for _ in 0..10 {
            drop(Client::new());
        }
    });
    println!(
        "building a Client takes {} (loads TLS roots, sets up a pool)",
        fmt_duration(took / 10)
    );
    Ok(())
}

/// ### GET text, GET JSON, POST JSON
async fn get_text_get_json_post_json(
    server: &TestServer,
    client: &Client,
) -> Result {
    heading("GET as text, GET as JSON, POST JSON");
    let base = server.base_url();
    let text = json::get_text(client, &server.url("/users/ada")).await?;
    println!("text:  {text}");
    let user = json::get_user(client, &base, "ada").await?;
    println!("typed: {user:?}");
    let order = Order {
        item: "crab".into(),
        quantity: 3,
    };
    let echoed = json::post_order(client, &base, &order).await?;
    println!("POST {order:?} -> server saw {echoed:?}");
    Ok(())
}

/// ### Errors: status, timeout, connect, decode
async fn errors_status_timeout_connect_decode(
    server: &TestServer,
    client: &Client,
) -> Result {
    heading("errors: status, timeout, connect, decode");
    let status = errors::status_of(client, &server.url("/status/500")).await?;
    println!("GET /status/500 without error_for_status: Ok({status})");
    let checks = [
        (
            "/status/503 with error_for_status",
            server.url("/status/503"),
            1000,
        ),
        (
            "/delay/1000 with a 100 ms timeout",
            server.url("/delay/1000"),
            100,
        ),
        (
            "a port where nothing listens",
            errors::closed_port_url().await?,
            1000,
        ),
    ];
    for (what, url, limit) in checks {
        let limit = Duration::from_millis(limit);
        if let Err(err) = errors::get_within(client, &url, limit).await {
            println!("{what:<36} -> {:?}", classify(&err));
        }
    }
    let decode = client.get(server.url("/bytes/3")).send().await?;
    if let Err(err) = decode.json::<json::User>().await {
        println!("{:<36} -> {:?}", "/bytes/3 read as JSON", classify(&err));
    }
    Ok(())
}

/// ### Sequential vs concurrent
async fn sequential_vs_concurrent(
    server: &TestServer,
    client: &Client,
) -> Result {
    heading("three URLs of 100, 200, 100 ms (in Python: 1, 2, 1 s)");
    let three: Vec<String> = [100, 200, 100]
        .iter()
        .map(|d| server.url(&format!("/delay/{d}")))
        .collect();
    let (_, took) = measure(speed::fetch_sequentially(client, &three)).await;
    println!("one after another: {}", fmt_duration(took));
    let (_, took) = measure(speed::fetch_concurrently(client, &three)).await;
    println!("concurrently:      {}", fmt_duration(took));

    heading("ten requests of 100 ms: sequential, concurrent, capped at 5");
    let ten = urls(server, "/delay/100", 10);
    let fresh = TestServer::start().await?;
    let ten_fresh = urls(&fresh, "/delay/100", 10);
    let (_, took) = measure(speed::fetch_sequentially(client, &ten)).await;
    println!("sequential:    {:>6}", fmt_duration(took));
    let (_, took) = measure(speed::fetch_concurrently(client, &ten)).await;
    println!("concurrent:    {:>6}", fmt_duration(took));
    let (_, took) = measure(cap::fetch_capped(client, &ten_fresh, 5)).await;
    println!(
        "capped at 5:   {:>6}  (the server saw at most {} in flight)",
        fmt_duration(took),
        fresh.max_in_flight()
    );

    heading("fifty requests of 100 ms at once");
    let fifty = urls(server, "/delay/100", 50);
    let (_, took) = measure(speed::fetch_concurrently(client, &fifty)).await;
    println!(
        "50 concurrent: {} — about one request's time",
        fmt_duration(took)
    );
    Ok(())
}

/// ### Capping requests in flight
async fn capping_requests_in_flight(
    server: &TestServer,
    client: &Client,
) -> Result {
    heading("one by one, all at once, capped at 2: the timeline");
    let timeline =
        three_ways::three_ways(client, &server.url("/delay/100"), 4, 2).await?;
    print!("{}", timeline.render_ascii());
    Ok(())
}

/// ### The pool and its settings
async fn the_pool_and_its_settings() -> Result {
    heading("the pool: pool_max_idle_per_host(0) keeps nothing");
    let fresh = TestServer::start().await?;
    let no_idle = pool::client_with_small_pool(0)?;
    for url in urls(&fresh, "/json", 5) {
        no_idle.get(url).send().await?;
    }
    println!(
        "5 requests in turn, no idle connections kept: {} connections",
        fresh.connections()
    );
    Ok(())
}

/// ### HTTP/2: many requests, one connection
async fn http2_many_requests_one_connection() -> Result {
    heading("HTTP/2: 100 concurrent requests, how many connections?");
    for (name, client) in [
        ("HTTP/2  ", http2::http2_client()?),
        ("HTTP/1.1", http2::http1_client()?),
    ] {
        let fresh = TestServer::start().await?;
        http2::many_at_once(&client, &fresh.url("/delay/50"), 100).await?;
        println!(
            "{name}: {:>3} connection(s) for 100 requests",
            fresh.connections()
        );
    }
    Ok(())
}

/// ### Retries with backoff and jitter
async fn retries_with_backoff(client: &Client) -> Result {
    heading("retries with backoff on /flaky (503 twice, then 200)");
    let fresh = TestServer::start().await?;
    let url = fresh.url("/flaky?key=tour&fail=2");
    let (answer, took) = measure(async {
        retry::get_json_with_retries(client, &url, 5, Duration::from_millis(20))
            .await
    })
    .await;
    let (json, tries) = answer?;
    println!(
        "answered {json} on try {tries}, after {}; {} requests, {} connection(s)",
        fmt_duration(took),
        fresh.requests(),
        fresh.connections()
    );
    for n in 0..5 {
        let wait = retry::backoff(
            n,
            Duration::from_millis(20),
            Duration::from_secs(1),
        );
        println!("  a wait before retry {}: {}", n + 1, fmt_duration(wait));
    }
    Ok(())
}

/// ### A body dropped unread
async fn a_body_dropped_unread() -> Result {
    heading("a body dropped unread: what becomes of the connection");
    for (path, what) in [
        ("/status/503", "a 503's small body"),
        ("/bytes/1048576", "1 MiB"),
    ] {
        for body in [Body::DropUnread, Body::ReadToEnd] {
            let fresh = TestServer::start().await?;
            body_drop::get_in_turn(&Client::new(), &fresh.url(path), 3, body)
                .await?;
            println!(
                "3 requests, {what:<18} {:<11}: {} connection(s)",
                format!("{body:?}"),
                fresh.connections()
            );
        }
    }
    Ok(())
}

/// ### Streaming a large body
async fn streaming_a_large_body(
    server: &TestServer,
    client: &Client,
) -> Result {
    heading("streaming 10 MiB without holding it");
    let url = server.url(&format!("/bytes/{}", test_server::MAX_BYTES));
    let seen = stream::download_streamed(client, &url).await?;
    println!(
        "{} bytes in {} chunks, largest {} bytes; pattern ok: {}",
        seen.bytes, seen.chunks, seen.largest_chunk, seen.pattern_ok
    );
    Ok(())
}

/// ### Giving up cancels the request, on the server too
async fn giving_up_cancels_the_request(client: &Client) -> Result {
    heading("giving up on a request cancels it on the server");
    let fresh = TestServer::start().await?;
    let gave_up = cancel::get_or_give_up(
        client,
        &fresh.url("/delay/10000"),
        Duration::from_millis(100),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    println!(
        "answer: {gave_up:?}; server: {} finished, {} abandoned",
        fresh.finished(),
        fresh.abandoned()
    );
    Ok(())
}

/// ### The blocking client inside the runtime
async fn the_blocking_client_inside_the_runtime(
    server: &TestServer,
    client: &Client,
) -> Result {
    heading("the blocking client inside the runtime");
    // The panic is caught (it ends only its task) and printed below;
    // silence the default hook so it does not print a second time.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let message = blocking::the_panic_message(server.url("/json")).await;
    std::panic::set_hook(hook);
    match message {
        Some(message) => println!("panicked: {message}"),
        None => println!(
            "no panic: this is a release build, the call just blocked the thread"
        ),
    }
    let status = blocking::blocking_on_the_pool(server.url("/json")).await?;
    println!("fix 1, spawn_blocking: {status}");
    let status = blocking::async_client(client, &server.url("/json")).await?;
    println!("fix 2, the async client: {status}");
    Ok(())
}
