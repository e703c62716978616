# Turg — the everyday commands. Each installs what is missing first (see .ci/install).
.PHONY: run dev test unit e2e build bench fmt clippy clean-data

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

## Run Turg on SQLite (data/turg.db) with the demo catalog at http://127.0.0.1:3000
run:
	.ci/install
	TURG_DEMO=1 TURG_ADMIN_PAGES=1 TURG_PAYMENT_PROVIDER=sandbox TURG_DEV=1 cargo leptos serve --release --split --precompress

## The same, rebuilding on every change (debug build)
dev:
	.ci/install
	TURG_DEMO=1 TURG_ADMIN_PAGES=1 TURG_PAYMENT_PROVIDER=sandbox TURG_DEV=1 cargo leptos watch

## Every test: unit, service (SQLite + PostgreSQL), release build, end-to-end in Chromium
test:
	.ci/run

## Unit and service tests only
unit:
	cargo test -p app -p server --features app/ssr

## End-to-end tests against a fresh release build
e2e:
	.ci/install --e2e
	cargo leptos build --release --split --precompress
	npx playwright test -c end2end/playwright.config.ts
	node end2end/two-instances.mjs
	node end2end/lighthouse.mjs

build:
	.ci/install
	cargo leptos build --release --split --precompress

## Latency and throughput on SQLite and PostgreSQL, 100,000 products (README: Benchmark).
## BENCH_ARGS="--seconds 5 --concurrency 32 --samples 100" to change the runs.
BENCH_ARGS ?=
BENCH_SEED := seed --products 100000 --offers-per-product 10
BENCH_PG := postgres://postgres@127.0.0.1:5432
bench:
	@# LEPTOS_OUTPUT_NAME as cargo-leptos sets it: `make build` and this then share their build.
	LEPTOS_OUTPUT_NAME=turg cargo build -p server --release
	@# Seeded under a temporary name and renamed when done: an interrupted seed leaves nothing behind.
	@test -f data/bench.db || { rm -f data/bench-seeding.db*; \
	  DATABASE_URL='sqlite://data/bench-seeding.db?mode=rwc' target/release/server $(BENCH_SEED) && \
	  for f in db db-wal db-shm; do if [ -f data/bench-seeding.$$f ]; then mv data/bench-seeding.$$f data/bench.$$f; fi; done; }
	@echo; echo "=== SQLite: data/bench.db ==="
	DATABASE_URL='sqlite://data/bench.db?mode=rwc' target/release/server bench $(BENCH_ARGS)
	@if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  echo "PostgreSQL does not answer at 127.0.0.1:5432: no PostgreSQL run (start it, then run make bench again)"; exit 1; fi
	@psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'turg_bench'" | grep -q 1 || { \
	  dropdb -h 127.0.0.1 -U postgres --if-exists turg_bench_seeding && createdb -h 127.0.0.1 -U postgres turg_bench_seeding && \
	  DATABASE_URL='$(BENCH_PG)/turg_bench_seeding' target/release/server $(BENCH_SEED) && \
	  psql -h 127.0.0.1 -U postgres -qc 'ALTER DATABASE turg_bench_seeding RENAME TO turg_bench'; }
	@echo; echo "=== PostgreSQL: $(BENCH_PG)/turg_bench ==="
	DATABASE_URL='$(BENCH_PG)/turg_bench' target/release/server bench $(BENCH_ARGS)

fmt:
	cargo fmt --all

clippy:
	cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings

## Forget the local SQLite database (it is re-created and re-seeded by `make run`)
clean-data:
	rm -f data/turg.db data/turg.db-shm data/turg.db-wal
