# policy-compare: two entry points.
#   make       build everything (bundle, wasm, pkg/, dist/) and say what to open
#   make test  run every test (native, browser, lints)
# Both install what a fresh Debian machine lacks and skip what is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all

CORPUS  := data/belt-and-road-plans-2018.txt
BUNDLE  := www/bundle.json
WASM    := target/wasm32-unknown-unknown/wasm/policy_compare.wasm
CARGO   := cargo
# The wasm-bindgen CLI must be the exact version of the crate in Cargo.lock.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print}' Cargo.lock)
SUDO := $(shell if [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null; then echo sudo; fi)

.PHONY: all test tools tools-browser tools-node bundle wasm pkg dist lint test-native test-browser \
	test-e2e e2e-deps bench bench-browser bench-diff bench-scale align-score clean

all: tools bundle pkg dist
	@echo
	@echo "Built: dist/policy-compare.js (the widget, one script), dist/bundle.js, dist/index.html (the demo),"
	@echo "dist/embed-example.html, dist/policy-compare.html (one file, works offline); pkg/ for bundlers."
	@echo "Open file://$(CURDIR)/dist/index.html in a browser."
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null; then \
	  xdg-open "file://$(CURDIR)/dist/index.html" >/dev/null 2>&1 & fi

test: tools tools-browser tools-node lint test-native test-browser test-e2e
	@echo "All tests passed."

# --- tools ---------------------------------------------------------------------------

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@[ -f Cargo.lock ] || $(CARGO) generate-lockfile
	@# A missing tool is the normal case on a fresh machine: ask `command -v` first, because
	@# under `-e -o pipefail` a failing `wasm-bindgen --version` would stop make right here.
	@want="$(WASM_BINDGEN_VERSION)"; have=""; \
	  if command -v wasm-bindgen >/dev/null && command -v wasm-bindgen-test-runner >/dev/null; then \
	    have="$$(wasm-bindgen --version | awk '{print $$2}')" || have=""; \
	  fi; \
	  if [ "$$have" != "$$want" ]; then \
	    echo "installing wasm-bindgen-cli $$want (have: $${have:-none})"; \
	    $(CARGO) install --locked wasm-bindgen-cli --version "$$want" \
	      || { echo "its lock file does not resolve against this registry; installing unlocked"; \
	           $(CARGO) install wasm-bindgen-cli --version "$$want"; }; \
	  fi

tools-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
	    || ! fc-list 2>/dev/null | grep -qi "wenquanyi micro hei"; then \
	  echo "installing Chromium, ChromeDriver and a CJK font"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null; \
	fi

# Node runs the end-to-end browser tests (playwright-core driving the system's Chromium).
tools-node:
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
	  echo "installing Node.js and npm"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; \
	fi

# --- build ---------------------------------------------------------------------------

bundle:
	$(CARGO) run --quiet --release -- bundle --corpus $(CORPUS) --out $(BUNDLE)

wasm:
	$(CARGO) build --quiet --lib --target wasm32-unknown-unknown --profile wasm

# pkg/: the plain ES module for people who use a bundler.
pkg: wasm
	wasm-bindgen $(WASM) --target web --out-dir pkg --remove-name-section --remove-producers-section

# dist/: classic scripts with the wasm inlined, which work from file:// too.
dist: bundle wasm
	wasm-bindgen $(WASM) --target no-modules --out-dir target/no-modules --no-typescript \
	  --remove-name-section --remove-producers-section
	$(CARGO) run --quiet --release --bin pack -- target/no-modules/policy_compare.js \
	  target/no-modules/policy_compare_bg.wasm www/element.js $(BUNDLE) www dist

# --- test ----------------------------------------------------------------------------

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --quiet --all-targets -- -D warnings
	$(CARGO) clippy --quiet --lib --test web --target wasm32-unknown-unknown -- -D warnings

test-native:
	$(CARGO) test --quiet
	$(CARGO) run --quiet --release -- bundle --check --corpus $(CORPUS) --out $(BUNDLE)

test-browser:
	$(CARGO) test --target wasm32-unknown-unknown --test web

e2e-deps:
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error

# The widget as visitors and host pages see it: dist/ in headless Chromium. Screenshots of
# every view land in tests/e2e/artifacts/.
test-e2e: dist e2e-deps
	cd tests/e2e && node --test --test-reporter=spec

# The alignment against hand-judged gold: the annotators' dev set beside the checkout, and
# the pairs annotated in the project (tests/fixtures/alignment/), scored by the shared tool.
align-score: bundle
	$(CARGO) build --quiet --release
	@for gold in ../shared/examples/alignment tests/fixtures/alignment/*/; do \
	  echo "$$gold"; ../shared/tools/align-score "$$gold" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("  pairs %d, precision %.3f, passage recall %.3f, good-pair recall %.3f, boilerplate pairs %d" % (r["engine_pairs"], r["precision_lenient"], r["passage_recall"], r["good_pair_recall"], r["boilerplate_pairs"]))'; \
	done

# Benchmarks: the comparison engine natively, and the widget's sizes and speed in Chromium.
bench:
	$(CARGO) bench --bench compare

# The widget in Chromium: sizes, first comparison from file:// (wall and main-thread CPU
# from a trace), switches, scrolling the longest comparison.
bench-browser: dist e2e-deps
	cd tests/e2e && node bench.mjs

# Our diff beside jsdiff and diff-match-patch, on the same pairs in one page.
bench-diff: pkg e2e-deps
	$(CARGO) build --quiet --release
	cd tests/e2e && node bench-diff.mjs

# 1×, 10×, 100× bundles (made from www/bundle.json): the widget's first comparison and a
# switch, and the native comparison.
bench-scale: dist e2e-deps
	$(CARGO) build --quiet --release
	cd tests/e2e && node bench-scale.mjs

clean:
	$(CARGO) clean
	rm -rf pkg dist
