//! `--tour`: the service on a free port, every endpoint called once; one
//! function per section of the chapter, in its order.

use std::time::Duration;

use kit::heading;
use kit::timing::fmt_duration;
use lesson_14_web::mail::Mailer;
use lesson_14_web::{AppState, Stopped, serve};
use reqwest::header::LOCATION;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// The running service, and a client to call it with.
struct Service {
    base: String,
    http: reqwest::Client,
    mailer: Mailer,
    stop: oneshot::Sender<()>,
    server: JoinHandle<std::io::Result<Stopped>>,
}

impl Service {
    fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.get(format!("{}{path}", self.base))
    }

    fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.post(format!("{}{path}", self.base))
    }
}

pub async fn run(
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
    let service = Service {
        base,
        http,
        mailer,
        stop,
        server,
    };
    routes_and_handlers(&service).await;
    errors_as_json(&service).await;
    query_strings_with_defaults(&service).await;
    validation_and_the_background_mail(&service).await;
    let outcome = graceful_shutdown(service).await?;
    println!(
        "\nRun it for real: cargo run -p lesson-14-web, then\n  \
         curl -i localhost:3000/users/1\nand Ctrl-C to stop it."
    );
    Ok(outcome)
}

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

/// ### Routes and handlers
async fn routes_and_handlers(service: &Service) {
    heading("routes: sign two users up, read one back");
    let ann = json!({"name": "Ann", "email": "ann@example.com"});
    let bob = json!({"name": "Bob", "email": "bob@example.com"});
    show(service.post("/signup").json(&ann), "POST /signup ann").await;
    show(service.post("/signup").json(&bob), "POST /signup bob").await;
    show(service.get("/users/1"), "GET /users/1").await;
}

/// ### Errors as JSON, with the right status
async fn errors_as_json(service: &Service) {
    heading("errors: JSON bodies, honest status codes");
    show(service.get("/users/99"), "GET /users/99").await;
    show(service.get("/users/abc"), "GET /users/abc").await;
    let ann = json!({"name": "Ann", "email": "ann@example.com"});
    show(service.post("/signup").json(&ann), "POST /signup ann").await;
    show(service.get("/nowhere"), "GET /nowhere").await;
}

/// ### Query strings, with defaults
async fn query_strings_with_defaults(service: &Service) {
    heading("query strings, with defaults");
    for page in ["/users", "/users?page=2&per_page=1", "/users?page=0"] {
        show(service.get(page), &format!("GET {page}")).await;
    }
}

/// ### Validation and the background mail
async fn validation_and_the_background_mail(service: &Service) {
    heading("validation; the mail goes on in the background");
    let bad = json!({"name": "Cy", "email": "not-an-email"});
    show(service.post("/signup").json(&bad), "POST /signup bad").await;
    let broken = service
        .post("/signup")
        .header("content-type", "application/json")
        .body("{\"name\": 1}");
    show(broken, "POST /signup with a broken body").await;
    println!(
        "mails sent so far: {} (the 201s did not wait for them)",
        service.mailer.sent().len()
    );
}

/// ### Graceful shutdown
async fn graceful_shutdown(service: Service) -> Result<Stopped, String> {
    heading("graceful shutdown: the mail in flight is finished");
    let start = Instant::now();
    let _ = service.stop.send(());
    let outcome = service
        .server
        .await
        .expect("server task")
        .map_err(|e| e.to_string())?;
    let sent = service.mailer.sent();
    let to: Vec<&str> = sent.iter().map(|m| m.to.as_str()).collect();
    println!(
        "stopped {outcome:?} after {}; mails sent: {to:?}",
        fmt_duration(start.elapsed())
    );
    Ok(outcome)
}
