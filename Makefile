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

.PHONY: all test tools tools-browser bundle wasm pkg dist lint test-native test-browser clean

all: tools bundle pkg dist
	@echo
	@echo "Built. The bundle: $(BUNDLE) ($$(du -h $(BUNDLE) | cut -f1)); wasm: pkg/; placeholder page: dist/index.html"
	@echo "Open file://$(CURDIR)/dist/index.html in a browser."
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null; then \
	  xdg-open "file://$(CURDIR)/dist/index.html" >/dev/null 2>&1 & fi

test: tools tools-browser lint test-native test-browser
	@echo "All tests passed."

# --- tools ---------------------------------------------------------------------------

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@[ -f Cargo.lock ] || $(CARGO) generate-lockfile
	@want="$(WASM_BINDGEN_VERSION)"; \
	  have="$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}')"; \
	  if [ "$$have" != "$$want" ]; then \
	    echo "installing wasm-bindgen-cli $$want (have: $${have:-none})"; \
	    $(CARGO) install wasm-bindgen-cli --version "$$want"; \
	  fi

tools-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
	    || ! fc-list 2>/dev/null | grep -qi "wenquanyi micro hei"; then \
	  echo "installing Chromium, ChromeDriver and a CJK font"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null; \
	fi

# --- build ---------------------------------------------------------------------------

bundle:
	$(CARGO) run --quiet --release -- bundle --corpus $(CORPUS) --out $(BUNDLE)

wasm:
	$(CARGO) build --quiet --lib --target wasm32-unknown-unknown --profile wasm

pkg: wasm
	wasm-bindgen $(WASM) --target web --out-dir pkg --remove-name-section --remove-producers-section

# Until the widget lands, dist/ holds the bundle and a page that says so.
dist: bundle
	mkdir -p dist
	cp $(BUNDLE) dist/bundle.json
	cp www/index.html dist/index.html

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

clean:
	$(CARGO) clean
	rm -rf pkg dist
