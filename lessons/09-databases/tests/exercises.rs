//! Exercise tests for lesson 09, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`. They need SQLite only.

use std::time::Duration;

use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use lesson_09_databases::exercise_db::{
    WriteLock, add_items, all_connections_busy, customer_of, fresh as shop,
    fresh_with, lines_of, number as count, run, stock,
};
use sqlx::SqlitePool;

/// Runs a test body with a deadline, so a wrong answer fails, not hangs.
async fn within<T>(what: &str, fut: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(20), fut)
        .await
        .unwrap_or_else(|_| {
            panic!(
                "{what} did not finish within 20 s: is it waiting for a \
                 connection the pool cannot give (one held while asking for \
                 another), or for SQLite's write lock?"
            )
        })
}

async fn shop_with_fruit() -> (lesson_09_databases::Scratch, SqlitePool) {
    let (scratch, pool) = shop().await;
    run(
        &pool,
        "INSERT INTO stock (sku, qty) VALUES ('apple', 5), ('pear', 3)",
    )
    .await;
    (scratch, pool)
}

const HOSTILE: &str = r#"x'); DROP TABLE visitors; -- "quoted" \ "#;

kit::exercise_tests! {
    lesson: lesson_09_databases, exercise: record_visit, id: "09-record-visit";

    #[tokio::test]
    async fn the_first_visit_counts_one_and_the_third_three() {
        let (_scratch, pool) = shop().await;
        let first = within("record_visit", subject::record_visit(&pool, "ada@x.org"))
            .await
            .expect("record_visit of a new email failed");
        assert_eq!(
            first.visits, 1,
            "the first visit of ada@x.org returned visits = {}, expected 1",
            first.visits
        );
        assert_eq!(
            first.email, "ada@x.org",
            "the first visit returned email {:?}, expected \"ada@x.org\"",
            first.email
        );
        let second = subject::record_visit(&pool, "ada@x.org")
            .await
            .expect("the second record_visit failed");
        assert_eq!(
            second.visits, 2,
            "the second visit returned visits = {}, expected 2: return the \
             row as it is now, not as it was read before the update",
            second.visits
        );
        let third = subject::record_visit(&pool, "ada@x.org")
            .await
            .expect("the third record_visit failed");
        assert_eq!(
            third.visits, 3,
            "the third visit returned visits = {}, expected 3: return the \
             row as it is now, not as it was read before the update",
            third.visits
        );
        assert_eq!(
            third.id, first.id,
            "the third visit returned id {}, the first id {}: the same \
             visitor, not a new row",
            third.id, first.id
        );
        let rows = count(&pool, "SELECT COUNT(*) FROM visitors").await;
        assert_eq!(rows, 1, "three visits of one email left {rows} rows in visitors, expected 1");
    }

    #[tokio::test]
    async fn two_emails_count_apart() {
        let (_scratch, pool) = shop().await;
        for email in ["a@x", "b@x", "a@x"] {
            within("record_visit", subject::record_visit(&pool, email))
                .await
                .expect("record_visit failed");
        }
        let b = subject::record_visit(&pool, "b@x").await.expect("record_visit(b@x) failed");
        let a = subject::record_visit(&pool, "a@x").await.expect("record_visit(a@x) failed");
        assert_eq!(
            (a.visits, b.visits),
            (3, 2),
            "after visits by a, b, a, b, a: a has {} visits and b {}, expected \
             3 and 2: the emails must count apart (does the UPDATE have a \
             WHERE that picks one visitor?)",
            a.visits, b.visits
        );
        assert_ne!(a.id, b.id, "a@x and b@x got the same id {}: two visitors, two rows", a.id);
    }

    #[tokio::test]
    async fn an_email_full_of_sql_is_stored_as_it_is() {
        let (_scratch, pool) = shop().await;
        let v = within("record_visit", subject::record_visit(&pool, HOSTILE))
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "record_visit failed for an email full of SQL and quotes \
                     ({HOSTILE:?}): {e}. Bind the email as a parameter \
                     (.bind(email)); never paste it into the SQL"
                )
            });
        assert_eq!(
            v.email, HOSTILE,
            "the email stored is {:?}, the email given was {HOSTILE:?}: bind \
             it as a parameter, never paste it into the SQL",
            v.email
        );
        let again = subject::record_visit(&pool, HOSTILE)
            .await
            .expect("the second visit of the same email failed");
        assert_eq!(
            again.visits, 2,
            "the second visit of the email full of SQL returned visits = {}, \
             expected 2: return the row as it is now, not as it was read \
             before the update",
            again.visits
        );
        let rows = count(&pool, "SELECT COUNT(*) FROM visitors").await;
        assert_eq!(rows, 1, "the table holds {rows} rows after two visits of one email, expected 1");
    }
}

/// Collects a stream of pages, with a deadline, as the ids on each page.
async fn all_pages<T>(
    pages: BoxStream<'_, Result<Vec<T>, sqlx::Error>>,
    id: impl Fn(&T) -> i64,
) -> Vec<Vec<i64>> {
    let pages: Vec<_> =
        within("the stream of pages", pages.try_collect::<Vec<_>>())
            .await
            .unwrap_or_else(|e| {
                panic!("the stream of pages yielded an error: {e}")
            });
    pages
        .iter()
        .map(|page| page.iter().map(&id).collect())
        .collect()
}

/// The sizes of `pages`.
fn sizes<T>(pages: &[Vec<T>]) -> Vec<usize> {
    pages.iter().map(Vec::len).collect()
}

kit::exercise_tests! {
    lesson: lesson_09_databases, exercise: pages, id: "09-pages";

    #[tokio::test]
    async fn twenty_five_rows_in_pages_of_ten_come_as_10_10_5_in_order() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 25).await;
        let pages: Vec<_> = within("the stream", subject::pages(&pool, 10).try_collect::<Vec<_>>())
            .await
            .unwrap_or_else(|e| panic!("the stream of pages yielded an error: {e}"));
        let sizes = sizes(&pages);
        assert_eq!(sizes, [10, 10, 5], "25 rows in pages of 10 came in pages of {sizes:?}, expected [10, 10, 5]");
        let ids: Vec<i64> = pages.iter().flatten().map(|item| item.id).collect();
        assert_eq!(
            ids,
            (1..=25).collect::<Vec<_>>(),
            "the ids, page after page, were {ids:?}; expected 1 to 25, every \
             row once, in id order (ORDER BY id)"
        );
        assert_eq!(
            pages[2][4].name, "item 25",
            "row 25's name came as {:?}, expected \"item 25\"",
            pages[2][4].name
        );
    }

    #[tokio::test]
    async fn a_table_with_gaps_in_its_ids_is_read_once_in_order() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 25).await;
        // Deleted before reading: ids no longer count the rows.
        run(&pool, "DELETE FROM items WHERE id IN (3, 4, 5, 14)").await;
        let pages = all_pages(subject::pages(&pool, 10), |item| item.id).await;
        let ids: Vec<i64> = pages.iter().flatten().copied().collect();
        let expected: Vec<i64> =
            (1..=25).filter(|id| ![3, 4, 5, 14].contains(id)).collect();
        assert_eq!(
            ids, expected,
            "rows 1-25 with ids 3, 4, 5 and 14 deleted (21 rows, ids with \
             gaps) came in pages of 10 as {pages:?}, expected every row once \
             in id order: the first page ends at id 13, so the next must \
             start after 13. Does the next page start after the last id \
             seen on the page (WHERE id > last id), or after a count of rows \
             (after + page_size)? Ids have gaps: a count is not an id"
        );
    }

    #[tokio::test]
    async fn an_exact_multiple_ends_without_an_empty_page() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 20).await;
        let pages = all_pages(subject::pages(&pool, 10), |item| item.id).await;
        let sizes = sizes(&pages);
        assert_eq!(
            sizes,
            [10, 10],
            "20 rows in pages of 10 came in pages of {sizes:?}, expected [10, \
             10]: never yield an empty page (an empty page means the end)"
        );
    }

    #[tokio::test]
    async fn an_empty_table_gives_no_page() {
        let (_scratch, pool) = shop().await;
        let pages = all_pages(subject::pages(&pool, 10), |item| item.id).await;
        assert!(
            pages.is_empty(),
            "an empty table gave {} page(s) of sizes {:?}, expected none: \
             never yield an empty page (an empty page means the end)",
            pages.len(),
            sizes(&pages)
        );
    }

    #[tokio::test]
    async fn pages_are_read_as_they_are_asked_for() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 7).await;
        let mut pages = subject::pages(&pool, 3);
        let first = within("the first page", pages.next())
            .await
            .expect("the stream ended before its first page (7 rows in the table)")
            .unwrap_or_else(|e| panic!("the first page is an error: {e}"));
        assert_eq!(first.len(), 3, "the first page held {} rows, expected 3", first.len());
        // Rows added now, after the first page, still come.
        add_items(&pool, 2).await;
        let rest = all_pages(pages, |item| item.id).await;
        let sizes = sizes(&rest);
        assert_eq!(
            sizes,
            [3, 3],
            "after a first page of 3 (rows 1-3), 2 rows were added (7 + 2 = \
             9); the rest came in pages of {sizes:?} (ids {rest:?}), expected \
             [3, 3] (rows 4-9): does each page run its own query when it is \
             asked for, rather than one query read (or collected) up front?"
        );
    }

    #[tokio::test]
    async fn a_row_deleted_behind_the_reader_does_not_shift_the_pages() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 25).await;
        let mut pages = subject::pages(&pool, 10);
        within("the first page", pages.next())
            .await
            .expect("the stream ended before its first page (25 rows)")
            .unwrap_or_else(|e| panic!("the first page is an error: {e}"));
        run(&pool, "DELETE FROM items WHERE id = 3").await;
        let second = within("the second page", pages.next())
            .await
            .expect("the stream ended after one page (25 rows, pages of 10)")
            .unwrap_or_else(|e| panic!("the second page is an error: {e}"));
        let first_id = second.first().map_or(0, |item| item.id);
        assert_eq!(
            first_id, 11,
            "after page 1 (rows 1-10), row 3 was deleted; page 2 then \
             started at row {first_id}, expected 11: page by the last id \
             seen (WHERE id > ?), not by OFFSET: an OFFSET of 10 now skips \
             row 11"
        );
    }

    #[tokio::test]
    async fn a_row_inserted_behind_the_reader_is_not_read_twice() {
        let (_scratch, pool) = shop().await;
        add_items(&pool, 25).await;
        let mut pages = subject::pages(&pool, 10);
        within("the first page", pages.next())
            .await
            .expect("the stream ended before its first page (25 rows)")
            .unwrap_or_else(|e| panic!("the first page is an error: {e}"));
        // A row with a low id: id 0 sorts before every row already read.
        run(&pool, "INSERT INTO items (id, name) VALUES (0, 'item 0')").await;
        let rest = all_pages(pages, |item| item.id).await;
        let ids: Vec<i64> = rest.iter().flatten().copied().collect();
        assert_eq!(
            ids,
            (11..=25).collect::<Vec<_>>(),
            "after page 1 (rows 1-10), a row with id 0 was inserted; the \
             next pages gave ids {ids:?}, expected 11 to 25: page by the last \
             id seen (WHERE id > ?), not by OFFSET: an OFFSET of 10 now reads \
             row 10 again"
        );
    }
}

/// What to tell about one order that failed with `error` where it should
/// not have: `otherwise`, unless SQLite's words show a transaction begun or
/// ended by a statement sent to the pool (with one order alone, a locked
/// database too can only be a transaction left open on a pooled connection).
fn failed_order_advice(error: &str, otherwise: &str) -> String {
    let on_the_pool = [
        "no transaction is active",
        "within a transaction",
        "database is locked",
    ];
    if on_the_pool.iter().any(|words| error.contains(words)) {
        "Was BEGIN (or COMMIT, ROLLBACK) sent to the pool as a statement? \
         Each statement sent to the pool may run on a different connection: \
         begin the transaction with pool.begin() and run every statement on \
         it (&mut *tx)"
            .into()
    } else {
        otherwise.into()
    }
}

kit::exercise_tests! {
    lesson: lesson_09_databases, exercise: place_order, id: "09-place-order";

    #[tokio::test]
    async fn an_order_takes_its_stock_and_is_recorded_with_its_lines() {
        let (_scratch, pool) = shop_with_fruit().await;
        let id = within("place_order", subject::place_order(&pool, "ada", &[("apple", 2), ("pear", 1)]))
            .await
            .unwrap_or_else(|e| {
                let advice = failed_order_advice(&e.to_string(), "");
                panic!("2 apples and 1 pear from 5 and 3 failed: {e}. {advice}")
            });
        let customer = customer_of(&pool, id).await;
        assert_eq!(
            customer.as_deref(),
            Some("ada"),
            "the returned id {id} names no order of \"ada\" (found {customer:?}): \
             return the new order's id, and was the transaction committed \
             (tx.commit().await)? A transaction dropped uncommitted leaves nothing"
        );
        let left = (stock(&pool, "apple").await, stock(&pool, "pear").await);
        assert_eq!(
            left,
            (3, 2),
            "after an order of 2 apples and 1 pear from 5 and 3, the stock is \
             {left:?} (apples, pears), expected (3, 2)"
        );
        let lines = lines_of(&pool, id).await;
        assert_eq!(
            lines,
            [("apple".to_string(), 2), ("pear".to_string(), 1)],
            "order {id}'s lines are {lines:?}, expected apple 2 and pear 1"
        );
    }

    #[tokio::test]
    async fn a_line_that_cannot_be_served_undoes_the_whole_order() {
        let (_scratch, pool) = shop_with_fruit().await;
        let err = within("place_order", subject::place_order(&pool, "bob", &[("apple", 1), ("pear", 10)]))
            .await
            .expect_err("an order of 1 apple and 10 pears, from a stock of 3 pears, succeeded");
        assert!(
            matches!(&err, subject::OrderError::OutOfStock(sku) if sku == "pear"),
            "an order of 10 pears from a stock of 3 failed with `{err}`, \
             expected OutOfStock(\"pear\"). {}",
            failed_order_advice(&err.to_string(), "")
        );
        let apples = stock(&pool, "apple").await;
        assert_eq!(
            apples, 5,
            "after the failed order, {apples} apples are in stock, expected 5: \
             the apple taken for line 1 must be put back. Run every statement \
             in one transaction, and return before commit"
        );
        let pears = stock(&pool, "pear").await;
        assert_eq!(pears, 3, "after the failed order, {pears} pears are in stock, expected 3");
        let orders = count(&pool, "SELECT COUNT(*) FROM orders").await;
        assert_eq!(orders, 0, "the failed order left {orders} row(s) in orders, expected 0: all or nothing");
        let lines = count(&pool, "SELECT COUNT(*) FROM order_lines").await;
        assert_eq!(lines, 0, "the failed order left {lines} row(s) in order_lines, expected 0: all or nothing");
    }

    #[tokio::test]
    async fn an_unknown_sku_is_out_of_stock_too() {
        let (_scratch, pool) = shop_with_fruit().await;
        let err = within("place_order", subject::place_order(&pool, "cy", &[("apple", 1), ("kiwi", 1)]))
            .await
            .expect_err("an order of a kiwi succeeded, and there are no kiwis");
        assert!(
            matches!(&err, subject::OrderError::OutOfStock(sku) if sku == "kiwi"),
            "an order of an unknown sku, kiwi, failed with `{err}`, expected \
             OutOfStock(\"kiwi\"). {}",
            failed_order_advice(&err.to_string(), "")
        );
        let apples = stock(&pool, "apple").await;
        assert_eq!(
            apples, 5,
            "after the failed order, {apples} apples are in stock, expected 5: \
             the apple taken for line 1 must be put back"
        );
        let orders = count(&pool, "SELECT COUNT(*) FROM orders").await;
        assert_eq!(orders, 0, "the failed order left {orders} row(s) in orders, expected 0: all or nothing");
    }

    #[tokio::test]
    async fn a_customer_name_full_of_sql_is_stored_as_it_is() {
        let (_scratch, pool) = shop_with_fruit().await;
        let name = r#"eve'); DELETE FROM stock; -- "#;
        let id = within("place_order", subject::place_order(&pool, name, &[("pear", 1)]))
            .await
            .unwrap_or_else(|e| {
                let advice = failed_order_advice(
                    &e.to_string(),
                    "Bind the name as a parameter (.bind), never format! it \
                     into the SQL",
                );
                panic!("an order by a customer named {name:?} failed: {e}. {advice}")
            });
        match customer_of(&pool, id).await {
            None => panic!(
                "place_order returned order id {id}, but orders has no such \
                 row: was the transaction committed (tx.commit().await)? A \
                 transaction dropped uncommitted is rolled back"
            ),
            Some(customer) => assert_eq!(
                customer, name,
                "order {id}'s customer is {customer:?}, expected {name:?}: \
                 bind the name as a parameter (.bind), never format! it into \
                 the SQL"
            ),
        }
        let apples = stock(&pool, "apple").await;
        assert_eq!(apples, 5, "{apples} apples are left after an order of pears, expected 5: the stock table must be untouched");
    }

    #[tokio::test]
    async fn twenty_orders_at_once_for_ten_apples_sell_exactly_ten() {
        // A pool of 20: every order can be inside the database at once.
        let (scratch, pool) = fresh_with(20).await;
        run(&pool, "INSERT INTO stock (sku, qty) VALUES ('apple', 10)").await;
        // The test holds SQLite's write lock while the orders start: each
        // can read, none can write, until all 20 are waiting in the
        // database. An order that reads the stock and decides before its
        // write is then sure to decide on a stale number.
        let lock = WriteLock::take(&scratch).await;
        let names: Vec<String> = (0..20).map(|i| format!("c{i}")).collect();
        let orders = names.iter().map(|name| subject::place_order(&pool, name, &[("apple", 1)]));
        let release = async {
            all_connections_busy(&pool, Duration::from_secs(3)).await;
            lock.release().await;
        };
        let (results, ()) = within(
            "20 orders at once",
            async { tokio::join!(futures::future::join_all(orders), release) },
        )
        .await;
        let mut sold = 0;
        for result in &results {
            match result {
                Ok(_) => sold += 1,
                Err(subject::OrderError::OutOfStock(sku)) => assert_eq!(
                    sku, "apple",
                    "an order of apples failed as OutOfStock({sku:?}), expected \
                     OutOfStock(\"apple\")"
                ),
                Err(e) => panic!(
                    "an order failed with `{e}`; here only OutOfStock may fail \
                     one. Did orders read the stock before another order took \
                     from it, then all write (a CHECK constraint failed means \
                     the stock went below 0; a locked database, that a \
                     transaction read before it wrote)? Check and take in one \
                     statement (UPDATE … WHERE qty >= ?), in a transaction that \
                     takes the write lock at BEGIN (BEGIN IMMEDIATE)"
                ),
            }
        }
        let left = stock(&pool, "apple").await;
        assert_eq!(
            (sold, left),
            (10, 0),
            "20 orders of 1 apple each, placed at once against 10 apples: {sold} \
             went through and {left} apples are left, expected 10 and 0. Did \
             orders read the stock before another order took from it, and \
             then write what they had computed? Check and take in one \
             statement (UPDATE … WHERE qty >= ?), in one transaction"
        );
        let orders = count(&pool, "SELECT COUNT(*) FROM orders").await;
        assert_eq!(orders, 10, "{orders} rows in orders after 10 orders went through, expected 10: failed orders leave no row");
        let lines = count(&pool, "SELECT COUNT(*) FROM order_lines").await;
        assert_eq!(lines, 10, "{lines} rows in order_lines after 10 one-line orders, expected 10");
    }
}
