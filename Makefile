# Turg — the everyday commands. Each installs what is missing first (see .ci/install).
.PHONY: run dev test unit e2e build bench fmt clippy clean-data

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

## Run Turg on SQLite (data/turg.db) with the demo catalog at http://127.0.0.1:3000
run:
	.ci/install
	TURG_DEMO=1 cargo leptos serve --release

## The same, rebuilding on every change (debug build)
dev:
	.ci/install
	TURG_DEMO=1 cargo leptos watch

## Every test: unit, service (SQLite + PostgreSQL), release build, end-to-end in Chromium
test:
	.ci/run

## Unit and service tests only
unit:
	cargo test -p app -p server --features app/ssr

## End-to-end tests against a fresh release build
e2e:
	.ci/install --e2e
	cargo leptos build --release
	npx playwright test -c end2end/playwright.config.ts

build:
	.ci/install
	cargo leptos build --release

fmt:
	cargo fmt --all

clippy:
	cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings

## Forget the local SQLite database (it is re-created and re-seeded by `make run`)
clean-data:
	rm -f data/turg.db data/turg.db-shm data/turg.db-wal
