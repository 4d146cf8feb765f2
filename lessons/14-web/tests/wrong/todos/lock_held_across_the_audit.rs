//! Wrong answer: a tokio Mutex held across the audit's .await, so creates wait for each other
//! Expect: a lock held across the audit's .await

use std::collections::BTreeMap;
use std::sync::Arc;

use tokio::sync::Mutex;

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

#[derive(Debug, Clone, Serialize)]
struct Todo {
    id: u64,
    title: String,
    done: bool,
}

#[derive(Debug, Deserialize)]
struct NewTodo {
    title: String,
}

/// The store, behind tokio's Mutex, which may be held across an `.await`.
#[derive(Debug, Default)]
struct Todos {
    next_id: u64,
    items: BTreeMap<u64, Todo>,
}

type Store = Arc<Mutex<Todos>>;

/// The audit service each create reports to. The tests bring their own.
pub trait Audit: Clone + Send + Sync + 'static {
    /// Records that the todo `id` is being created; it takes a while.
    fn record(&self, id: u64) -> impl Future<Output = ()> + Send;
}

/// The router's state: the store and the audit client, both cheap clones.
#[derive(Clone)]
struct App<A> {
    store: Store,
    audit: A,
}

impl<A> axum::extract::FromRef<App<A>> for Store {
    fn from_ref(app: &App<A>) -> Store {
        app.store.clone()
    }
}

/// FastAPI's `HTTPException(status, detail)`.
type Failure = (StatusCode, Json<Value>);

fn fail(status: StatusCode, detail: impl Into<String>) -> Failure {
    (status, Json(json!({ "detail": detail.into() })))
}

fn not_found(id: u64) -> Failure {
    fail(StatusCode::NOT_FOUND, format!("no todo {id}"))
}

async fn create<A: Audit>(
    State(App { store, audit }): State<App<A>>,
    body: Result<Json<NewTodo>, JsonRejection>,
) -> Result<(StatusCode, Json<Todo>), Failure> {
    let Json(new) =
        body.map_err(|e| fail(StatusCode::BAD_REQUEST, e.body_text()))?;
    let title = new.title.trim();
    if !(1..=100).contains(&title.chars().count()) {
        let m = "title must be 1 to 100 characters";
        return Err(fail(StatusCode::BAD_REQUEST, m));
    }
    // One lock around the whole create: no two creates can mix.
    let mut todos = store.lock().await;
    todos.next_id += 1;
    let id = todos.next_id;
    audit.record(id).await;
    let todo = Todo {
        id,
        title: title.into(),
        done: false,
    };
    todos.items.insert(id, todo.clone());
    Ok((StatusCode::CREATED, Json(todo)))
}

async fn all_todos(State(store): State<Store>) -> Json<Vec<Todo>> {
    let todos = store.lock().await;
    Json(todos.items.values().cloned().collect())
}

fn id_of(path: Result<Path<u64>, PathRejection>) -> Result<u64, Failure> {
    let Path(id) =
        path.map_err(|e| fail(StatusCode::BAD_REQUEST, e.body_text()))?;
    Ok(id)
}

async fn one(
    State(store): State<Store>,
    path: Result<Path<u64>, PathRejection>,
) -> Result<Json<Todo>, Failure> {
    let id = id_of(path)?;
    let todos = store.lock().await;
    todos.items.get(&id).cloned().map(Json).ok_or(not_found(id))
}

async fn finish(
    State(store): State<Store>,
    path: Result<Path<u64>, PathRejection>,
) -> Result<Json<Todo>, Failure> {
    let id = id_of(path)?;
    let mut todos = store.lock().await;
    let todo = todos.items.get_mut(&id).ok_or(not_found(id))?;
    todo.done = true;
    Ok(Json(todo.clone()))
}

/// The todo app, empty, reporting each create to `audit`.
pub fn router<A: Audit>(audit: A) -> Router {
    let app = App {
        store: Store::default(),
        audit,
    };
    Router::new()
        .route("/todos", post(create::<A>).get(all_todos))
        .route("/todos/{id}", get(one))
        .route("/todos/{id}/done", post(finish))
        .with_state(app)
}
