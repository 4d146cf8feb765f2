//! `--tour`: the service on a free port, every endpoint called once.

use std::time::Duration;

use kit::heading;
use kit::timing::fmt_duration;
use lesson_14_web::{AppState, Stopped, serve};
use reqwest::header::LOCATION;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::time::Instant;

/// Sends one request and prints it with its answer and how long it took.
async fn show(request: reqwest::RequestBuilder, what: &str) {
    let start = Instant::now();
    let response = request.send().await.expect("the service answers");
    let took = fmt_duration(start.elapsed());
    let status = response.status();
    let location = response.headers().get(LOCATION).cloned();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    println!("{what}\n  → {status} in {took}: {body}");
    if let Some(location) = location {
        println!("    location: {}", location.to_str().unwrap_or("?"));
    }
}

pub async fn tour(
    listener: TcpListener,
    state: AppState,
    deadline: Duration,
) -> Result<Stopped, String> {
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mailer = state.mailer.clone();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(serve(
        listener,
        state,
        async {
            let _ = stopped.await;
        },
        deadline,
    ));
    let http = reqwest::Client::new();

    heading("signup answers at once; the mail goes on in the background");
    let ann = json!({"name": "Ann", "email": "ann@example.com"});
    let bob = json!({"name": "Bob", "email": "bob@example.com"});
    show(
        http.post(format!("{base}/signup")).json(&ann),
        "POST /signup ann",
    )
    .await;
    show(
        http.post(format!("{base}/signup")).json(&bob),
        "POST /signup bob",
    )
    .await;
    println!("mails sent so far: {}", mailer.sent().len());

    heading("reading users");
    show(http.get(format!("{base}/users/1")), "GET /users/1").await;
    show(http.get(format!("{base}/users")), "GET /users").await;
    let page = "/users?page=2&per_page=1";
    show(http.get(format!("{base}{page}")), &format!("GET {page}")).await;

    heading("errors: JSON bodies, honest status codes");
    show(http.get(format!("{base}/users/99")), "GET /users/99").await;
    show(http.get(format!("{base}/users/abc")), "GET /users/abc").await;
    let page = "/users?page=0";
    show(http.get(format!("{base}{page}")), &format!("GET {page}")).await;
    let bad = json!({"name": "Cy", "email": "not-an-email"});
    show(
        http.post(format!("{base}/signup")).json(&bad),
        "POST /signup bad",
    )
    .await;
    show(
        http.post(format!("{base}/signup"))
            .header("content-type", "application/json")
            .body("{\"name\": 1}"),
        "POST /signup with a broken body",
    )
    .await;
    show(
        http.post(format!("{base}/signup")).json(&ann),
        "POST /signup ann",
    )
    .await;
    show(http.get(format!("{base}/nowhere")), "GET /nowhere").await;

    heading("graceful shutdown: the mail in flight is finished");
    let start = Instant::now();
    let _ = stop.send(());
    let outcome = server
        .await
        .expect("server task")
        .map_err(|e| e.to_string())?;
    println!(
        "stopped {outcome:?} after {}; mails sent: {:?}",
        fmt_duration(start.elapsed()),
        mailer
            .sent()
            .iter()
            .map(|m| m.to.as_str())
            .collect::<Vec<_>>()
    );
    println!(
        "\nRun it for real: cargo run -p lesson-14-web, then\n  \
         curl -i localhost:3000/users/1\nand Ctrl-C to stop it."
    );
    Ok(outcome)
}
