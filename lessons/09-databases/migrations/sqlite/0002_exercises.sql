-- Tables for the exercises: visitors (09-record-visit), items (09-pages),
-- and a small shop (09-place-order).
CREATE TABLE visitors (
    id     INTEGER PRIMARY KEY,
    email  TEXT    NOT NULL UNIQUE,
    visits INTEGER NOT NULL
);

CREATE TABLE items (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL
);

CREATE TABLE stock (
    sku TEXT    PRIMARY KEY,
    qty INTEGER NOT NULL CHECK (qty >= 0)
);

CREATE TABLE orders (
    id       INTEGER PRIMARY KEY,
    customer TEXT    NOT NULL
);

CREATE TABLE order_lines (
    order_id INTEGER NOT NULL REFERENCES orders (id),
    sku      TEXT    NOT NULL REFERENCES stock (sku),
    qty      INTEGER NOT NULL
);
