# Turg — the everyday commands. Each installs what is missing first (see .ci/install).
.PHONY: run dev test unit e2e build bench fmt clippy clean-data

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

## Run Turg on SQLite (data/turg.db) with the demo catalog at http://127.0.0.1:3000
run:
	.ci/install
	TURG_DEMO=1 TURG_PAYMENT_PROVIDER=sandbox TURG_DEV=1 cargo leptos serve --release --split --precompress

## The same, rebuilding on every change (debug build)
dev:
	.ci/install
	TURG_DEMO=1 TURG_PAYMENT_PROVIDER=sandbox TURG_DEV=1 cargo leptos watch

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

## Latency and throughput on SQLite and PostgreSQL (README: Benchmark). The catalog's size:
## PRODUCTS (100,000) with OFFERS offers each (10); each size has its own databases,
## data/bench-<PRODUCTS>x<OFFERS>.db and turg_bench_<PRODUCTS>x<OFFERS>, seeded the first time.
## BENCH_ARGS="--seconds 5 --concurrency 32 --samples 100" to change the runs.
PRODUCTS ?= 100000
OFFERS ?= 10
BENCH_ARGS ?=
BENCH_SIZE := $(PRODUCTS)x$(OFFERS)
BENCH_SEED := seed --products $(PRODUCTS) --offers-per-product $(OFFERS)
BENCH_DB := data/bench-$(BENCH_SIZE)
BENCH_PG := postgres://postgres@127.0.0.1:5432
BENCH_PG_DB := turg_bench_$(BENCH_SIZE)
SERVER := $(or $(CARGO_TARGET_DIR),target)/release/server
# A failed seed must not pass for a finished one through `| tee`.
bench: SHELL := /bin/bash
bench: .SHELLFLAGS := -o pipefail -c
bench:
	@# LEPTOS_OUTPUT_NAME as cargo-leptos sets it: `make build` and this then share their build.
	LEPTOS_OUTPUT_NAME=turg cargo build -p server --release
	@# Seeded under a temporary name and renamed when done: an interrupted seed leaves nothing behind.
	@test -f $(BENCH_DB).db || { rm -f $(BENCH_DB)-seeding.db*; \
	  DATABASE_URL='sqlite://$(BENCH_DB)-seeding.db?mode=rwc' $(SERVER) $(BENCH_SEED) | tee $(BENCH_DB).seed.txt && \
	  for f in db db-wal db-shm; do if [ -f $(BENCH_DB)-seeding.$$f ]; then mv $(BENCH_DB)-seeding.$$f $(BENCH_DB).$$f; fi; done; }
	@echo; echo "=== SQLite: $(BENCH_DB).db ==="
	@tail -n 1 $(BENCH_DB).seed.txt 2>/dev/null | sed 's/^/seeded: /' || true
	DATABASE_URL='sqlite://$(BENCH_DB).db?mode=rwc' $(SERVER) bench $(BENCH_ARGS)
	@if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  echo "PostgreSQL does not answer at 127.0.0.1:5432: no PostgreSQL run (start it, then run make bench again)"; exit 1; fi
	@psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$(BENCH_PG_DB)'" | grep -q 1 || { \
	  dropdb -h 127.0.0.1 -U postgres --if-exists $(BENCH_PG_DB)_seeding && createdb -h 127.0.0.1 -U postgres $(BENCH_PG_DB)_seeding && \
	  DATABASE_URL='$(BENCH_PG)/$(BENCH_PG_DB)_seeding' $(SERVER) $(BENCH_SEED) | tee data/$(BENCH_PG_DB).seed.txt && \
	  psql -h 127.0.0.1 -U postgres -qc 'ALTER DATABASE $(BENCH_PG_DB)_seeding RENAME TO $(BENCH_PG_DB)'; }
	@echo; echo "=== PostgreSQL: $(BENCH_PG)/$(BENCH_PG_DB) ==="
	@tail -n 1 data/$(BENCH_PG_DB).seed.txt 2>/dev/null | sed 's/^/seeded: /' || true
	DATABASE_URL='$(BENCH_PG)/$(BENCH_PG_DB)' $(SERVER) bench $(BENCH_ARGS)

fmt:
	cargo fmt --all

clippy:
	cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings

## Forget the local SQLite database (it is re-created and re-seeded by `make run`)
clean-data:
	rm -f data/turg.db data/turg.db-shm data/turg.db-wal
