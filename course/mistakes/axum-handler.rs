//! Mistake: an axum handler whose body extractor (Json) is not the last argument.
//! Fails: to compile
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};

async fn add(Json(amount): Json<u32>, State(base): State<u32>) -> String {
    (base + amount).to_string()
}

pub fn app() -> Router {
    Router::new().route("/add", post(add)).with_state(1)
}
