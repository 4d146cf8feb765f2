# Recipes for the common commands. `just` lists them.
# (Install just with `cargo install just` or `pip install rust-just`;
# every recipe is a plain cargo command you can also type yourself.)

# List the recipes.
default:
    @just --list

# The course map and your progress.
list:
    cargo run -q -p course -- list

# Run lesson NN's demos, e.g. `just run 01`.
run lesson:
    cargo run -q -p course -- run {{lesson}}

# The next exercise: its file, hint and check command.
next:
    cargo run -q -p course -- next

# Check one exercise, or all of them without an id.
check *id:
    cargo run -q -p course -- check {{id}}

# Show an exercise's hint (add --more for the recipe).
hint id *more:
    cargo run -q -p course -- hint {{id}} {{more}}

# Re-check the current exercise on every save.
watch:
    cargo run -q -p course -- watch

# Restore an exercise's stub (your version is kept as .backup).
reset id:
    cargo run -q -p course -- reset {{id}}

# The README's test command: every demo, claim and reference solution.
test:
    cargo test --workspace

# The same tests with nextest (real-clock tests run one at a time).
nextest:
    cargo nextest run --workspace

# Format the code.
fmt:
    cargo fmt --all

# Lint like CI does.
clippy:
    cargo clippy --workspace --all-targets --all-features -- -D warnings

# Maintainers: every stub fails its tests, every solution passes.
verify:
    cargo run -q -p course -- verify

# Build the book into book/book.
book:
    mdbook build book

# Open every page of the built book in headless Chromium and check it.
book-check: book
    bash book/browser-check/run

# Serve the book with live reload.
serve-book:
    mdbook serve book --open

# Redraw the book's timeline pictures from the paused-clock tests.
book-images:
    UPDATE_BOOK_IMAGES=1 cargo test --workspace

# Start the local HTTP test server, e.g. `just test-server 8080`.
test-server port="0":
    cargo run -q -p test-server -- --port {{port}}

# Everything CI runs.
ci:
    bash .ci/run
