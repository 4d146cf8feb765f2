//! Queries: rows into structs, one row or many or maybe none, and values
//! bound as parameters.
//!
//! `sqlx::query` takes a `&'static str`: SQL with a value pasted in by
//! `format!` does not compile ("dynamic SQL strings should be audited for
//! possible injections"). Bind values instead.
//!
//! ```compile_fail
//! # async fn f(pool: &sqlx::SqlitePool, name: &str) {
//! let sql = format!("SELECT id FROM accounts WHERE owner = '{name}'");
//! let rows = sqlx::query(sql).fetch_all(pool).await;
//! # }
//! ```
//!
//! ```
//! # async fn f(pool: &sqlx::SqlitePool, name: &str) {
//! let sql = "SELECT id FROM accounts WHERE owner = ?";
//! let rows = sqlx::query(sql).bind(name).fetch_all(pool).await;
//! # }
//! ```

use crate::backend::{Db, Sql};

// ANCHOR: account
/// One row of `accounts`. `FromRow` maps columns to fields by name, so
/// `query_as::<_, Account>` hands back `Account`s, not raw rows. Unlike the
/// `query!` macros, it needs no database at build time: a column that is
/// missing or of the wrong type is an error at run time.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Account {
    pub id: i64,
    pub owner: String,
    pub balance: i64,
}
// ANCHOR_END: account

// ANCHOR: tuple
/// Every account's id and owner, as `(i64, String)` pairs: a tuple takes
/// the columns by position, so no struct is needed for a one-off query.
/// The SQL is the same on the three databases.
pub async fn ids_and_owners(
    db: &Db,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as::<_, (i64, String)>(
        "SELECT id, owner FROM accounts ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await
}
// ANCHOR_END: tuple

// ANCHOR: open_account
const OPEN: Sql = Sql {
    sqlite: "INSERT INTO accounts (owner, balance) VALUES (?, ?) RETURNING id",
    postgres: "INSERT INTO accounts (owner, balance) VALUES ($1, $2) \
               RETURNING id",
    mysql: "INSERT INTO accounts (owner, balance) VALUES (?, ?) RETURNING id",
};

/// Opens an account and returns its id. `owner` travels to the database
/// as a value, apart from the SQL text: whatever it holds, it is stored
/// as it is and never read as SQL.
pub async fn open_account(
    db: &Db,
    owner: &str,
    balance: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(db.sql(OPEN))
        .bind(owner)
        .bind(balance)
        .fetch_one(&db.pool)
        .await
}
// ANCHOR_END: open_account

// ANCHOR: fetch
const ALL: Sql = Sql {
    sqlite: "SELECT id, owner, balance FROM accounts ORDER BY id",
    postgres: "SELECT id, owner, balance FROM accounts ORDER BY id",
    mysql: "SELECT id, owner, balance FROM accounts ORDER BY id",
};
const BY_ID: Sql = Sql {
    sqlite: "SELECT id, owner, balance FROM accounts WHERE id = ?",
    postgres: "SELECT id, owner, balance FROM accounts WHERE id = $1",
    mysql: "SELECT id, owner, balance FROM accounts WHERE id = ?",
};

/// Every account: `fetch_all` collects every row into a `Vec`.
pub async fn all_accounts(db: &Db) -> Result<Vec<Account>, sqlx::Error> {
    sqlx::query_as::<_, Account>(db.sql(ALL))
        .fetch_all(&db.pool)
        .await
}

/// One account that must exist: `fetch_one` fails with
/// `sqlx::Error::RowNotFound` when there is no row.
pub async fn account(db: &Db, id: i64) -> Result<Account, sqlx::Error> {
    sqlx::query_as(db.sql(BY_ID))
        .bind(id)
        .fetch_one(&db.pool)
        .await
}

/// An account that may not exist: `fetch_optional` gives `None`.
pub async fn find_account(
    db: &Db,
    id: i64,
) -> Result<Option<Account>, sqlx::Error> {
    sqlx::query_as(db.sql(BY_ID))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}
// ANCHOR_END: fetch

// ANCHOR: total
// SUM of a BIGINT is NUMERIC on PostgreSQL and DECIMAL on MariaDB; cast
// it back to a 64-bit integer so it decodes as an i64 everywhere.
const TOTAL: Sql = Sql {
    sqlite: "SELECT COALESCE(SUM(balance), 0) FROM accounts",
    postgres: "SELECT CAST(COALESCE(SUM(balance), 0) AS BIGINT) \
               FROM accounts",
    mysql: "SELECT CAST(COALESCE(SUM(balance), 0) AS SIGNED) FROM accounts",
};

/// The money in the bank: a single value, so `query_scalar`.
pub async fn total(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(db.sql(TOTAL)).fetch_one(&db.pool).await
}
// ANCHOR_END: total

// ANCHOR: execute
const DEPOSIT: Sql = Sql {
    sqlite: "UPDATE accounts SET balance = balance + ? WHERE owner = ?",
    postgres: "UPDATE accounts SET balance = balance + $1 WHERE owner = $2",
    mysql: "UPDATE accounts SET balance = balance + ? WHERE owner = ?",
};

/// Adds `amount` to every account of `owner`; returns how many rows
/// changed. `execute` runs a statement for its effect, not its rows.
pub async fn deposit(
    db: &Db,
    owner: &str,
    amount: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(db.sql(DEPOSIT))
        .bind(amount)
        .bind(owner)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}
// ANCHOR_END: execute

/// How many accounts there are. SQL with no parameters and nothing
/// dialect-specific is one `&'static str` for every database.
pub async fn count_accounts(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&db.pool)
        .await
}
