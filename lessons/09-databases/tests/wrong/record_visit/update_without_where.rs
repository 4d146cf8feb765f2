//! Wrong answer: the UPDATE has no WHERE, so every visitor's count goes up
//! Expect: the emails must count apart

use sqlx::SqlitePool;

/// One row of `visitors`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Visitor {
    pub id: i64,
    pub email: String,
    pub visits: i64,
}

pub async fn record_visit(
    pool: &SqlitePool,
    email: &str,
) -> Result<Visitor, sqlx::Error> {
    let found: Option<Visitor> = sqlx::query_as(
        "SELECT id, email, visits FROM visitors WHERE email = ?",
    )
    .bind(email)
    .fetch_optional(pool)
    .await?;
    if found.is_none() {
        sqlx::query("INSERT INTO visitors (email, visits) VALUES (?, 1)")
            .bind(email)
            .execute(pool)
            .await?;
    } else {
        sqlx::query("UPDATE visitors SET visits = visits + 1")
            .execute(pool)
            .await?;
    }
    sqlx::query_as("SELECT id, email, visits FROM visitors WHERE email = ?")
        .bind(email)
        .fetch_one(pool)
        .await
}
