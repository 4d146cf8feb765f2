//! Wrong answer: the email is pasted into the SQL with format! (and AssertSqlSafe to make it compile)
//! Expect: Bind the email as a parameter

use sqlx::{AssertSqlSafe, SqlitePool};

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
    let select = format!(
        "SELECT id, email, visits FROM visitors WHERE email = '{email}'"
    );
    let found: Option<Visitor> = sqlx::query_as(AssertSqlSafe(select.clone()))
        .fetch_optional(pool)
        .await?;
    match found {
        None => {
            let insert = format!(
                "INSERT INTO visitors (email, visits) VALUES ('{email}', 1)"
            );
            sqlx::query(AssertSqlSafe(insert)).execute(pool).await?;
        }
        Some(visitor) => {
            sqlx::query("UPDATE visitors SET visits = visits + 1 WHERE id = ?")
                .bind(visitor.id)
                .execute(pool)
                .await?;
        }
    }
    sqlx::query_as(AssertSqlSafe(select)).fetch_one(pool).await
}
