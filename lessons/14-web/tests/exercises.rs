//! Exercise tests for lesson 14, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`. The routers are served for real
//! on 127.0.0.1 port 0.

use std::time::Duration;

use axum::Router;
use axum::response::IntoResponse;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Serves `router` on a free port; returns its base URL.
async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    format!("http://{addr}")
}

/// A client whose requests fail instead of hanging.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// Status and JSON body; fails with a message if the body is not JSON.
async fn answer(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or_else(|_| {
        panic!("{status}: the body should be JSON, it was {text:?}")
    });
    (status, body)
}

/// An `IntoResponse` value's status, headers and JSON body.
async fn parts(
    response: impl IntoResponse,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let response = response.into_response();
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20).await.unwrap();
    let body = serde_json::from_slice(&bytes).unwrap_or_else(|_| {
        panic!(
            "the body should be JSON, it was {:?}",
            String::from_utf8_lossy(&bytes)
        )
    });
    (parts.status, parts.headers, body)
}

kit::exercise_tests! {
    lesson: lesson_14_web, exercise: error_json, id: "14-error-json";

    #[tokio::test]
    async fn not_found_is_404_naming_what_is_missing() {
        let error = subject::LookupError::NotFound { kind: "user", id: 7 };
        let (status, headers, body) = parts(error).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body, json!({"error": "no user with id 7"}));
        assert_eq!(headers["content-type"], "application/json", "a JSON body says so");
    }

    #[tokio::test]
    async fn invalid_is_400_with_the_message() {
        let error = subject::LookupError::Invalid("id must be positive".into());
        let (status, _, body) = parts(error).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body, json!({"error": "id must be positive"}));
    }

    #[tokio::test]
    async fn unavailable_is_503_and_says_when_to_retry() {
        let (status, headers, body) = parts(subject::LookupError::Unavailable).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(body, json!({"error": "try again later"}));
        let retry = headers.get("retry-after").expect("a retry-after header");
        assert_eq!(retry, "5");
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
        let (status, body) = answer(client().get(format!("{base}/items")).send().await.unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["total"], 25);
        assert_eq!(body["items"], json!(items(10)), "offset 0, limit 10 by default");
    }

    #[tokio::test]
    async fn offset_and_limit_choose_the_page() {
        let base = serve(subject::router(items(25))).await;
        let url = format!("{base}/items?offset=20&limit=3");
        let (status, body) = answer(client().get(url).send().await.unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body, json!({"items": ["item 20", "item 21", "item 22"], "total": 25}));
        let url = format!("{base}/items?offset=24&limit=100");
        let (_, body) = answer(client().get(url).send().await.unwrap()).await;
        assert_eq!(body["items"], json!(["item 24"]), "a short last page");
        let url = format!("{base}/items?offset=99");
        let (status, body) = answer(client().get(url).send().await.unwrap()).await;
        assert_eq!((status, body), (StatusCode::OK, json!({"items": [], "total": 25})));
    }

    #[tokio::test]
    async fn a_limit_out_of_range_is_400() {
        let base = serve(subject::router(items(5))).await;
        for limit in ["0", "101"] {
            let url = format!("{base}/items?limit={limit}");
            let (status, body) = answer(client().get(url).send().await.unwrap()).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "limit={limit}");
            assert_eq!(body, json!({"error": "limit must be between 1 and 100"}));
        }
        let url = format!("{base}/items?limit=100");
        assert_eq!(client().get(url).send().await.unwrap().status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn a_parameter_that_is_not_a_number_is_a_json_400() {
        let base = serve(subject::router(items(5))).await;
        let url = format!("{base}/items?offset=abc");
        let (status, body) = answer(client().get(url).send().await.unwrap()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body["error"].is_string(), "{body}");
    }
}

kit::exercise_tests! {
    lesson: lesson_14_web, exercise: todos, id: "14-todos";

    #[tokio::test]
    async fn create_read_and_finish() {
        let base = serve(subject::router()).await;
        let http = client();
        let create = |title: &str| http.post(format!("{base}/todos")).json(&json!({"title": title})).send();
        let (status, first) = answer(create("  buy milk ").await.unwrap()).await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!(first, json!({"id": 1, "title": "buy milk", "done": false}), "trimmed, id 1");
        let (_, second) = answer(create("write tests").await.unwrap()).await;
        assert_eq!(second["id"], 2);

        let (status, got) = answer(http.get(format!("{base}/todos/1")).send().await.unwrap()).await;
        assert_eq!((status, got), (StatusCode::OK, first));
        let (status, done) = answer(http.post(format!("{base}/todos/2/done")).send().await.unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(done, json!({"id": 2, "title": "write tests", "done": true}));
        let (_, all) = answer(http.get(format!("{base}/todos")).send().await.unwrap()).await;
        assert_eq!(all, json!([
            {"id": 1, "title": "buy milk", "done": false},
            {"id": 2, "title": "write tests", "done": true},
        ]));
    }

    #[tokio::test]
    async fn missing_todos_are_404_with_a_detail() {
        let base = serve(subject::router()).await;
        let http = client();
        let (status, body) = answer(http.get(format!("{base}/todos/9")).send().await.unwrap()).await;
        assert_eq!((status, body), (StatusCode::NOT_FOUND, json!({"detail": "no todo 9"})));
        let (status, body) = answer(http.post(format!("{base}/todos/9/done")).send().await.unwrap()).await;
        assert_eq!((status, body), (StatusCode::NOT_FOUND, json!({"detail": "no todo 9"})));
        let (_, all) = answer(http.get(format!("{base}/todos")).send().await.unwrap()).await;
        assert_eq!(all, json!([]));
    }

    #[tokio::test]
    async fn bad_input_is_400_with_a_detail() {
        let base = serve(subject::router()).await;
        let http = client();
        for title in ["", "   ", &"x".repeat(101)] {
            let response = http.post(format!("{base}/todos")).json(&json!({"title": title})).send();
            let (status, body) = answer(response.await.unwrap()).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "title {title:?}");
            assert_eq!(body, json!({"detail": "title must be 1 to 100 characters"}));
        }
        let response = http.post(format!("{base}/todos")).json(&json!({"name": "x"})).send();
        let (status, body) = answer(response.await.unwrap()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "a body without a title");
        assert!(body["detail"].is_string(), "{body}");
        let (status, body) = answer(http.get(format!("{base}/todos/first")).send().await.unwrap()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "an id that is not a number");
        assert!(body["detail"].is_string(), "{body}");
        let (_, all) = answer(http.get(format!("{base}/todos")).send().await.unwrap()).await;
        assert_eq!(all, json!([]), "nothing stored");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_hundred_concurrent_creates_get_a_hundred_ids() {
        let base = serve(subject::router()).await;
        let http = client();
        let creates = (0..100).map(|i| {
            let request = http.post(format!("{base}/todos")).json(&json!({"title": format!("t{i}")}));
            async move { answer(request.send().await.unwrap()).await }
        });
        let mut ids: Vec<i64> = futures::future::join_all(creates)
            .await
            .into_iter()
            .map(|(status, todo)| {
                assert_eq!(status, StatusCode::CREATED);
                todo["id"].as_i64().unwrap()
            })
            .collect();
        ids.sort();
        assert_eq!(ids, (1..=100).collect::<Vec<_>>(), "every id once");
    }
}
