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

.PHONY: all test tools tools-browser tools-node tools-office bundle wasm pkg dist lint test-native \
	test-browser test-e2e test-spreadsheet e2e-deps bench bench-browser clean

all: tools bundle pkg dist
	@echo
	@echo "Built: dist/policy-compare.js (the widget, one script), dist/bundle.js, dist/index.html (the demo),"
	@echo "dist/embed-example.html, dist/policy-compare.html (one file, works offline); pkg/ for bundlers."
	@echo "Open file://$(CURDIR)/dist/index.html in a browser."
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null; then \
	  xdg-open "file://$(CURDIR)/dist/index.html" >/dev/null 2>&1 & fi

test: tools tools-browser tools-node tools-office lint test-native test-browser test-e2e \
	test-spreadsheet
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

# LibreOffice (headless) and Python open the CLI's CSV in the spreadsheet test.
tools-office:
	@if ! command -v soffice >/dev/null || ! command -v python3 >/dev/null; then \
	  echo "installing LibreOffice Calc (no GUI) and Python"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libreoffice-calc-nogui python3 >/dev/null; \
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

# The CLI's CSV opened by LibreOffice: Chinese intact, no cell a formula.
test-spreadsheet: bundle
	tests/spreadsheet.sh

test-browser:
	$(CARGO) test --target wasm32-unknown-unknown --test web

e2e-deps:
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error

# The widget as visitors and host pages see it: dist/ in headless Chromium. Screenshots of
# every view land in tests/e2e/artifacts/.
test-e2e: dist e2e-deps
	cd tests/e2e && node --test --test-reporter=spec

# Benchmarks: the comparison engine natively, and the widget's sizes and speed in Chromium.
bench:
	$(CARGO) bench --bench compare

bench-browser: dist e2e-deps
	cd tests/e2e && node bench.mjs

clean:
	$(CARGO) clean
	rm -rf pkg dist
