//! Exercise 14-todos (challenge): port a FastAPI app.
//!
//! The Python to port:
//!
//! ```python
//! from fastapi import FastAPI, HTTPException
//! from pydantic import BaseModel
//!
//! app = FastAPI()
//! todos: dict[int, dict] = {}
//! next_id = 1
//! audit = AuditClient()                  # another service
//!
//! class NewTodo(BaseModel):
//!     title: str
//!
//! @app.post("/todos", status_code=201)
//! async def create(todo: NewTodo):
//!     global next_id
//!     title = todo.title.strip()
//!     if not 1 <= len(title) <= 100:
//!         raise HTTPException(400, "title must be 1 to 100 characters")
//!     todo_id, next_id = next_id, next_id + 1
//!     await audit.record(todo_id)        # another service: it takes time
//!     item = {"id": todo_id, "title": title, "done": False}
//!     todos[todo_id] = item
//!     return item
//!
//! @app.get("/todos")
//! async def all_todos():
//!     return sorted(todos.values(), key=lambda t: t["id"])
//!
//! @app.get("/todos/{todo_id}")
//! async def one(todo_id: int):
//!     if todo_id not in todos:
//!         raise HTTPException(404, f"no todo {todo_id}")
//!     return todos[todo_id]
//!
//! @app.post("/todos/{todo_id}/done")
//! async def finish(todo_id: int):
//!     if todo_id not in todos:
//!         raise HTTPException(404, f"no todo {todo_id}")
//!     todos[todo_id]["done"] = True
//!     return todos[todo_id]
//! ```
//!
//! `router(audit)` returns a fresh app (its own empty list, ids from 1)
//! with the same four routes. Each create awaits `audit.record(id)` with its
//! new id before it stores the todo, as the Python does. Errors are
//! FastAPI's shape: `{"detail": "..."}`, with the messages above; a body
//! that is not `{"title": "<string>"}` and a path id that is not a number
//! answer 400 with a `detail` too (any message).
//!
//! The app runs on a multi-threaded runtime, and creates do not wait for
//! each other's audit: the tests' audit holds every record until all 100
//! concurrent creates are inside it at once, then lets them all go. They
//! must get 100 different ids, 1 to 100.
//!
//! The tests (`lessons/14-web/tests/exercises.rs`) serve your router on
//! 127.0.0.1 port 0 and call it with reqwest.
//!
//! Check it: `cargo run -p course -- check 14-todos`

use axum::Router;

/// The audit service each create reports to. The tests bring their own.
pub trait Audit: Clone + Send + Sync + 'static {
    /// Records that the todo `id` is being created; it takes a while.
    fn record(&self, id: u64) -> impl Future<Output = ()> + Send;
}

/// The todo app, empty, reporting each create to `audit`.
pub fn router(audit: impl Audit) -> Router {
    todo!()
}
