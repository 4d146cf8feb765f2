//! Reference solution for exercise 09-record-visit.

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
    // RETURNING hands back the row as the statement left it.
    match found {
        None => {
            sqlx::query_as(
                "INSERT INTO visitors (email, visits) VALUES (?, 1) \
                 RETURNING id, email, visits",
            )
            .bind(email)
            .fetch_one(pool)
            .await
        }
        Some(visitor) => {
            sqlx::query_as(
                "UPDATE visitors SET visits = visits + 1 WHERE id = ? \
                 RETURNING id, email, visits",
            )
            .bind(visitor.id)
            .fetch_one(pool)
            .await
        }
    }
}
