-- Tables for the exercises: visitors (09-record-visit), items (09-pages),
-- and a small shop (09-place-order).
CREATE TABLE visitors (
    id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email  TEXT   NOT NULL UNIQUE,
    visits BIGINT NOT NULL
);

CREATE TABLE items (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT   NOT NULL
);

CREATE TABLE stock (
    sku TEXT   PRIMARY KEY,
    qty BIGINT NOT NULL CHECK (qty >= 0)
);

CREATE TABLE orders (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer TEXT   NOT NULL
);

CREATE TABLE order_lines (
    order_id BIGINT NOT NULL REFERENCES orders (id),
    sku      TEXT   NOT NULL REFERENCES stock (sku),
    qty      BIGINT NOT NULL
);
