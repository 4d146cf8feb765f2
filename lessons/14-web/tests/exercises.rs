//! Exercise tests for lesson 14, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`. The routers are served for real
//! on 127.0.0.1 port 0.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::response::IntoResponse;
use kit::InFlight;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Serves `router` on a free port; returns its base URL.
async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("the test could not bind a port on 127.0.0.1");
    let addr = listener.local_addr().expect("the listener has an address");
    tokio::spawn(async move {
        axum::serve(listener, router)
            .await
            .expect("axum::serve failed")
    });
    format!("http://{addr}")
}

/// A client whose requests fail instead of hanging.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("a reqwest client")
}

/// Sends `request`; `what` names it in the message if it gets no answer.
async fn send(
    request: reqwest::RequestBuilder,
    what: &str,
) -> reqwest::Response {
    request.send().await.unwrap_or_else(|e| {
        panic!(
            "{what} got no answer ({e}): did a handler panic (a slice past \
             the end, an unwrap) and close the connection?"
        )
    })
}

/// Status and JSON body; fails with a message if the body is not JSON.
async fn answer(
    what: &str,
    response: reqwest::Response,
) -> (StatusCode, Value) {
    let status = response.status();
    let text = response
        .text()
        .await
        .unwrap_or_else(|e| panic!("{what}: the body could not be read: {e}"));
    let body = serde_json::from_str(&text).unwrap_or_else(|_| {
        panic!(
            "{what} answered {status}; its body should be JSON, it was {text:?}"
        )
    });
    (status, body)
}

/// Sends `request` and reads its status and JSON body.
async fn call(
    request: reqwest::RequestBuilder,
    what: &str,
) -> (StatusCode, Value) {
    answer(what, send(request, what).await).await
}

/// An `IntoResponse` value's status, headers and JSON body.
async fn parts(
    what: &str,
    response: impl IntoResponse,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let response = response.into_response();
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20)
        .await
        .expect("the body of a response fits in 1 MiB");
    let body = serde_json::from_slice(&bytes).unwrap_or_else(|_| {
        panic!(
            "the response to {what} ({}) should have a JSON body, it was {:?}",
            parts.status,
            String::from_utf8_lossy(&bytes)
        )
    });
    (parts.status, parts.headers, body)
}

kit::exercise_tests! {
    lesson: lesson_14_web, exercise: error_json, id: "14-error-json";

    #[tokio::test]
    async fn not_found_is_404_naming_what_is_missing() {
        let what = "NotFound { kind: \"user\", id: 7 }";
        let error = subject::LookupError::NotFound { kind: "user", id: 7 };
        let (status, headers, body) = parts(what, error).await;
        assert_eq!(
            status, StatusCode::NOT_FOUND,
            "{what} answered {status} with {body}; it should be 404 Not \
             Found: an error sent with a 200 looks like a success to a client"
        );
        assert_eq!(
            body, json!({"error": "no user with id 7"}),
            "the body of {what} was {body}"
        );
        let kind = headers.get("content-type");
        assert_eq!(
            kind.map(|k| k.as_bytes()), Some(&b"application/json"[..]),
            "the content-type of {what} was {kind:?}: a JSON body says so"
        );
    }

    #[tokio::test]
    async fn invalid_is_400_with_the_message() {
        let what = "Invalid(\"id must be positive\")";
        let error = subject::LookupError::Invalid("id must be positive".into());
        let (status, _, body) = parts(what, error).await;
        assert_eq!(
            status, StatusCode::BAD_REQUEST,
            "{what} answered {status} with {body}; it should be 400 Bad \
             Request: an error sent with a 200 looks like a success to a client"
        );
        assert_eq!(
            body, json!({"error": "id must be positive"}),
            "the body of {what} was {body}: the message as it is"
        );
    }

    #[tokio::test]
    async fn unavailable_is_503_and_says_when_to_retry() {
        let what = "Unavailable";
        let (status, headers, body) = parts(what, subject::LookupError::Unavailable).await;
        assert_eq!(
            status, StatusCode::SERVICE_UNAVAILABLE,
            "{what} answered {status} with {body}; it should be 503 Service \
             Unavailable: an error sent with a 200 looks like a success to a client"
        );
        assert_eq!(body, json!({"error": "try again later"}), "the body of {what} was {body}");
        let retry = headers.get("retry-after");
        assert_eq!(
            retry.map(|r| r.as_bytes()), Some(&b"5"[..]),
            "the retry-after header of the 503 was {retry:?}; it should be \"5\" \
             (the headers were {headers:?})"
        );
    }
}

fn items(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("item {i}")).collect()
}

kit::exercise_tests! {
    lesson: lesson_14_web, exercise: pagination, id: "14-pagination";

    #[tokio::test]
    async fn the_first_page_has_ten_items_and_the_total() {
        let base = serve(subject::router(items(25))).await;
        let what = "GET /items (of 25)";
        let (status, body) = call(client().get(format!("{base}/items")), what).await;
        assert_eq!(status, StatusCode::OK, "{what} answered {status} with {body}");
        assert_eq!(body["total"], 25, "{what}: the total was {}, there are 25 items", body["total"]);
        assert_eq!(
            body["items"], json!(items(10)),
            "{what}: the page was {}; with no parameters it is offset 0, \
             limit 10: items 0 to 9", body["items"]
        );
    }

    #[tokio::test]
    async fn offset_and_limit_choose_the_page() {
        let base = serve(subject::router(items(25))).await;
        let pages = [
            ("offset=20&limit=3", json!(["item 20", "item 21", "item 22"])),
            ("offset=0&limit=1", json!(["item 0"])),
            ("offset=24&limit=100", json!(["item 24"])),
            ("offset=25", json!([])),
            ("offset=99", json!([])),
        ];
        for (query, page) in pages {
            let what = format!("GET /items?{query} (of 25)");
            let (status, body) = call(client().get(format!("{base}/items?{query}")), &what).await;
            assert_eq!(status, StatusCode::OK, "{what} answered {status} with {body}");
            assert_eq!(
                body, json!({"items": page, "total": 25}),
                "{what} answered {body}; it should be {{\"items\": {page}, \
                 \"total\": 25}} (offset N starts at item N, and limit M \
                 gives at most M items: off by one?)"
            );
        }
    }

    #[tokio::test]
    async fn a_limit_out_of_range_is_400() {
        let base = serve(subject::router(items(200))).await;
        for limit in ["0", "101", "1000"] {
            let what = format!("GET /items?limit={limit}");
            let url = format!("{base}/items?limit={limit}");
            let (status, body) = call(client().get(url), &what).await;
            assert_eq!(
                status, StatusCode::BAD_REQUEST,
                "{what} answered {status}; a limit outside 1..=100 should \
                 answer 400 (is there an upper bound on limit?)"
            );
            assert_eq!(
                body, json!({"error": "limit must be between 1 and 100"}),
                "the body of {what} was {body}"
            );
        }
        for (limit, count) in [("1", 1), ("100", 100)] {
            let what = format!("GET /items?limit={limit} (of 200)");
            let (status, body) = call(client().get(format!("{base}/items?limit={limit}")), &what).await;
            assert_eq!(
                status, StatusCode::OK,
                "{what} answered {status} with {body}; 1 and 100 are both \
                 allowed (1..=100, both ends in)"
            );
            let got = body["items"].as_array().map_or(0, Vec::len);
            assert_eq!(got, count, "{what} gave {got} items, it should give {count}");
        }
    }

    #[tokio::test]
    async fn a_parameter_that_is_not_a_number_is_a_json_400() {
        let base = serve(subject::router(items(5))).await;
        for query in ["offset=abc", "limit=ten", "offset=-1"] {
            let what = format!("GET /items?{query}");
            let (status, body) = call(client().get(format!("{base}/items?{query}")), &what).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{what} answered {status} with {body}");
            assert!(
                body["error"].is_string(),
                "{what} answered {body}; it should be {{\"error\": \"...\"}}"
            );
        }
    }
}

/// An audit that answers at once and keeps the ids it was given.
#[derive(Clone, Default)]
struct Quick {
    ids: Arc<Mutex<Vec<u64>>>,
}

impl Quick {
    fn ids(&self) -> Vec<u64> {
        self.ids.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// An audit that holds every record until `barrier`'s count of them are
/// inside it at once, then lets them all go: creates are forced to be in
/// the middle of their work together.
#[derive(Clone)]
struct AllAtOnce {
    barrier: Arc<tokio::sync::Barrier>,
    /// Records inside the audit now, and the most at once.
    inside: InFlight,
    ids: Arc<Mutex<Vec<u64>>>,
}

impl AllAtOnce {
    fn new(n: usize) -> AllAtOnce {
        AllAtOnce {
            barrier: Arc::new(tokio::sync::Barrier::new(n)),
            inside: InFlight::new(),
            ids: Arc::default(),
        }
    }

    async fn record(self, id: u64) {
        self.ids.lock().unwrap_or_else(|p| p.into_inner()).push(id);
        self.inside.track(self.barrier.wait()).await;
    }
}

macro_rules! audits {
    ($audit:path) => {
        impl $audit for Quick {
            fn record(&self, id: u64) -> impl Future<Output = ()> + Send {
                self.ids.lock().unwrap_or_else(|p| p.into_inner()).push(id);
                std::future::ready(())
            }
        }
        impl $audit for AllAtOnce {
            fn record(&self, id: u64) -> impl Future<Output = ()> + Send {
                AllAtOnce::record(self.clone(), id)
            }
        }
    };
}
audits!(lesson_14_web::exercises::todos::Audit);
audits!(lesson_14_web::solutions::todos::Audit);

kit::exercise_tests! {
    lesson: lesson_14_web, exercise: todos, id: "14-todos";

    #[tokio::test]
    async fn create_read_and_finish() {
        let audit = Quick::default();
        let base = serve(subject::router(audit.clone())).await;
        let http = client();
        let create = |title: &str| http.post(format!("{base}/todos")).json(&json!({"title": title}));
        let what = "POST /todos {\"title\": \"  buy milk \"}";
        let (status, first) = call(create("  buy milk "), what).await;
        assert_eq!(status, StatusCode::CREATED, "{what} answered {status} with {first}; it should be 201 Created");
        assert_eq!(
            first, json!({"id": 1, "title": "buy milk", "done": false}),
            "{what} answered {first}: the first todo has id 1 and its title trimmed"
        );
        let (_, second) = call(create("write tests"), "the second POST /todos").await;
        assert_eq!(second["id"], 2, "the second create answered {second}; its id should be 2");
        assert_eq!(audit.ids(), [1, 2], "the ids the audit recorded, one per create");

        let (status, got) = call(http.get(format!("{base}/todos/1")), "GET /todos/1").await;
        assert_eq!((status, &got), (StatusCode::OK, &first), "GET /todos/1 answered {status} with {got}");
        let what = "POST /todos/2/done";
        let (status, done) = call(http.post(format!("{base}/todos/2/done")), what).await;
        assert_eq!(status, StatusCode::OK, "{what} answered {status} with {done}");
        assert_eq!(
            done, json!({"id": 2, "title": "write tests", "done": true}),
            "{what} answered {done}"
        );
        let (_, all) = call(http.get(format!("{base}/todos")), "GET /todos").await;
        let want = json!([
            {"id": 1, "title": "buy milk", "done": false},
            {"id": 2, "title": "write tests", "done": true},
        ]);
        assert_eq!(all, want, "GET /todos answered {all}; it should list both, by id");
    }

    #[tokio::test]
    async fn missing_todos_are_404_with_a_detail() {
        let base = serve(subject::router(Quick::default())).await;
        let http = client();
        for (what, request) in [
            ("GET /todos/9", http.get(format!("{base}/todos/9"))),
            ("POST /todos/9/done", http.post(format!("{base}/todos/9/done"))),
        ] {
            let (status, body) = call(request, what).await;
            assert_eq!(
                (status, &body), (StatusCode::NOT_FOUND, &json!({"detail": "no todo 9"})),
                "{what} (no such todo) answered {status} with {body}"
            );
        }
        let (_, all) = call(http.get(format!("{base}/todos")), "GET /todos").await;
        assert_eq!(all, json!([]), "GET /todos answered {all}: finishing a missing todo stores nothing");
    }

    #[tokio::test]
    async fn bad_input_is_400_with_a_detail() {
        let audit = Quick::default();
        let base = serve(subject::router(audit.clone())).await;
        let http = client();
        for title in ["", "   ", &"x".repeat(101)] {
            let what = format!("POST /todos with the title {title:?}");
            let request = http.post(format!("{base}/todos")).json(&json!({"title": title}));
            let (status, body) = call(request, &what).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{what} answered {status} with {body}");
            assert_eq!(
                body, json!({"detail": "title must be 1 to 100 characters"}),
                "{what} answered {body}"
            );
        }
        let what = "POST /todos {\"name\": \"x\"} (no title)";
        let request = http.post(format!("{base}/todos")).json(&json!({"name": "x"}));
        let (status, body) = call(request, what).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what} answered {status} with {body}");
        assert!(body["detail"].is_string(), "{what} answered {body}; it should be {{\"detail\": \"...\"}}");
        let what = "GET /todos/first (an id that is not a number)";
        let (status, body) = call(http.get(format!("{base}/todos/first")), what).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what} answered {status} with {body}");
        assert!(body["detail"].is_string(), "{what} answered {body}; it should be {{\"detail\": \"...\"}}");
        let (_, all) = call(http.get(format!("{base}/todos")), "GET /todos").await;
        assert_eq!(all, json!([]), "GET /todos answered {all}: bad input stores nothing");
        assert_eq!(audit.ids(), [0u64; 0], "the audit recorded ids for bad input");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_hundred_concurrent_creates_get_a_hundred_ids() {
        let audit = AllAtOnce::new(100);
        let base = serve(subject::router(audit.clone())).await;
        let http = client();
        let creates = (0..100).map(|i| {
            let request = http.post(format!("{base}/todos")).json(&json!({"title": format!("t{i}")}));
            async move { call(request, "one of 100 concurrent POST /todos").await }
        });
        // A create held by a lock never lets the next one into the audit:
        // once a whole second passes with no new create inside it, waiting
        // longer cannot help, and the message says why.
        let mut all = std::pin::pin!(futures::future::join_all(creates));
        let mut seen = 0;
        let mut waited = 0;
        let answers = loop {
            if let Ok(answers) = tokio::time::timeout(Duration::from_secs(1), all.as_mut()).await {
                break answers;
            }
            waited += 1;
            let peak = audit.inside.max();
            let stalled = peak == seen && peak < 100 && (peak > 0 || waited >= 10);
            if stalled {
                panic!(
                    "100 concurrent creates are stuck: for a whole second, no \
                     more of them entered the audit; at most {peak} were ever \
                     inside it at once, and the test's audit waits until all \
                     100 are. Is a lock held across the audit's .await, so \
                     that each create waits for the one before it?"
                );
            }
            seen = peak;
        };
        let mut ids = Vec::new();
        for (status, todo) in answers {
            assert_eq!(status, StatusCode::CREATED, "a concurrent create answered {status} with {todo}");
            ids.push(todo["id"].as_u64().unwrap_or_else(|| panic!("a create answered {todo}, without a numeric id")));
        }
        ids.sort_unstable();
        let mut duplicates: Vec<_> = ids.chunk_by(|a, b| a == b).filter(|run| run.len() > 1).map(|run| (run[0], run.len())).collect();
        duplicates.truncate(5);
        assert!(
            duplicates.is_empty(),
            "duplicate ids: 100 creates that were all inside the audit at once \
             got {} different ids; (id, how many got it): {duplicates:?}. Was \
             the id read under one lock and the counter moved on (or the todo \
             inserted) under another, after the .await?",
            { let mut d = ids.clone(); d.dedup(); d.len() }
        );
        assert_eq!(ids, (1..=100).collect::<Vec<_>>(), "the 100 ids, sorted: they should be 1 to 100");
        let mut recorded = audit.ids.lock().unwrap_or_else(|p| p.into_inner()).clone();
        recorded.sort_unstable();
        assert_eq!(recorded, ids, "the ids the audit recorded, sorted, and the ids the creates answered");
        let (_, listed) = call(http.get(format!("{base}/todos")), "GET /todos").await;
        let count = listed.as_array().map_or(0, Vec::len);
        assert_eq!(count, 100, "GET /todos listed {count} todos after 100 creates");
    }
}
