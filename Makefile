# Pejling. `make run` starts the app; `make test` runs every test. Both install what a fresh
# Debian/Ubuntu machine lacks first (scripts/deps.sh).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# One target dir outside the clone (repeat builds are incremental) and one feature set for
# the app everywhere (no rebuilds between `run`, `test` and `e2e`).
export CARGO_TARGET_DIR ?= $(HOME)/.cache/pejling-target
export PATH := $(HOME)/.cargo/bin:$(PATH)
APP_FEATURES := --features tauri/custom-protocol
APP_BIN := $(CARGO_TARGET_DIR)/debug/pejling-app

.PHONY: help run test deps deps-test deps-bench ui app test-core test-bindings test-ui test-e2e bindings fixture fmt demo bench bench-live bench-bilag

help:
	@echo "make run    install what is missing, build and start Pejling"
	@echo "make test   install what is missing and run every test"
	@echo "make bench benchmarks at municipal-archive scale (table + bench/results.json)"

run: deps ui app
	$(APP_BIN)

test: deps-test
	$(MAKE) --no-print-directory test-core test-bindings test-ui test-e2e
	@echo "make test: all test suites passed"

deps:
	scripts/deps.sh run

deps-test:
	scripts/deps.sh test

deps-bench:
	scripts/deps.sh bench

ui:
	npm --prefix ui run build

app:
	cargo build -p pejling-app $(APP_FEATURES)
	cargo build -p pejling

# Core: unit and integration tests on the real migrations; formatting; clippy on every target
# with the workspace's lints, warnings as errors.
test-core:
	cargo fmt --all --check
	cargo clippy --workspace --exclude pejling-app --all-targets -- -D warnings
	cargo test --workspace --exclude pejling-app

# The committed TypeScript bindings must match the Rust commands and types. The shell embeds
# ui/dist at compile time, so the UI is built first (on a fresh clone it does not exist).
test-bindings: ui
	cargo clippy -p pejling-app --all-targets $(APP_FEATURES) -- -D warnings
	cargo test -p pejling-app $(APP_FEATURES)

# UI: type check and the browser tests (headless Chromium, axe-core) against the test host:
# the app's commands served over HTTP by the real core (examples/testhost.rs).
test-ui:
	npm --prefix ui run check
	cargo build --example testhost
	npm --prefix ui run test:browser

# End to end: the real app in WebKitGTK under Xvfb, driven through tauri-driver, on a session
# bus of its own (the single-instance handover goes through D-Bus).
test-e2e: ui app
	APP_BIN=$(APP_BIN) PEJLING_CLI=$(CARGO_TARGET_DIR)/debug/pejling dbus-run-session -- xvfb-run -a --server-args="-screen 0 1280x900x24" node --test tests/e2e/

bindings:
	UPDATE_BINDINGS=1 cargo test -p pejling-app $(APP_FEATURES) bindings_are_fresh

# Benchmarks at municipal-archive scale (90 000 agenda items): prints a table, writes
# bench/results.json, fails when a target is missed. Not part of `make test`. The archive is
# generated once per generator and schema version and cached under $(CARGO_TARGET_DIR).
bench: deps-bench ui
	cargo build --release -p pejling-app --bin pejling-app --example launch_floor $(APP_FEATURES)
	PEJLING_BENCH_APP=$(CARGO_TARGET_DIR)/release/pejling-app PEJLING_BENCH_FLOOR_APP=$(CARGO_TARGET_DIR)/release/examples/launch_floor dbus-run-session -- xvfb-run -a --server-args="-screen 0 1280x900x24" cargo bench -p pejling --bench archive

# The bilag rows of `make bench` alone (no archive): attach, extract, samlet dagsorden, search.
bench-bilag: deps-test
	PEJLING_BENCH_ONLY=bilag cargo bench -p pejling --bench archive

# The live session under load: 50 simulated participants for 60 s on loopback while an adversary
# holds 1,100 slow sockets, floods join requests and opens 20 event streams; prints p50/p99
# latency from a submitted position to the chair's view, errors and lost positions, and what the
# adversary got. Not part of `make test`.
bench-live:
	cargo run --release -p pejling-live --example live_load -- 50 60

# When a schema version ships: its fixture, which every later version must migrate.
fixture:
	cargo test -p pejling-core --test it -- --ignored --exact backup::write_schema_fixture

fmt:
	cargo fmt --all

demo:
	cargo run -q -- demo
