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
# pkg/'s wasm: the widget and the JavaScript API (the `api` feature), in a profile of its own.
WASM_API := target/wasm32-unknown-unknown/wasm-api/policy_compare.wasm
VERSION = $(shell awk -F'"' '/^version = / {print $$2; exit}' Cargo.toml)
CARGO   := cargo
# The wasm-bindgen CLI must be the exact version of the crate in Cargo.lock.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print}' Cargo.lock)
SUDO := $(shell if [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null; then echo sudo; fi)

.PHONY: all test tools tools-browser tools-node tools-fuzz tools-office bundle wasm wasm-api pkg \
	dist build-deps lint test-native test-browser test-e2e test-tools test-spreadsheet e2e-deps test-npm \
	npm-deps test-install fuzz fuzz-smoke bench bench-browser bench-search bench-diff bench-scale \
	align-score clean

all: tools bundle pkg dist
	@echo
	@echo "Built: dist/policy-compare.js (the widget, one script), dist/bundle.js, dist/index.html (the demo),"
	@echo "dist/embed-example.html, dist/policy-compare.html (one file, works offline); pkg/ for bundlers."
	@echo "Open file://$(CURDIR)/dist/index.html in a browser."
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null; then \
	  xdg-open "file://$(CURDIR)/dist/index.html" >/dev/null 2>&1 & fi

test: test-tools tools tools-browser tools-node tools-office lint test-native test-browser \
	test-e2e test-spreadsheet test-npm test-install fuzz-smoke
	@echo "All tests passed."

# --- tools ---------------------------------------------------------------------------

# Every target that runs a tool depends on the step that installs it, so any target works
# on a fresh machine, not only `make` and `make test`. tests/make/installs-missing-tools.sh
# (`make test-tools`) runs these steps with each tool hidden and checks what they install.

tools:
	@command -v $(CARGO) >/dev/null && command -v rustup >/dev/null \
	  || { echo "cargo and rustup are needed: install Rust from https://rustup.rs" >&2; exit 1; }
	@# Lists are read whole before grep looks at them: `cmd | grep -q` under pipefail fails
	@# when grep stops reading early and cmd is killed by SIGPIPE, and would reinstall.
	@installed="$$(rustup target list --installed)"; \
	  grep -qx wasm32-unknown-unknown <<<"$$installed" || rustup target add wasm32-unknown-unknown
	@# A minimal Rust install lacks the linters that `make lint` runs.
	@installed="$$(rustup component list --installed)"; \
	  for c in rustfmt clippy; do \
	    grep -q "^$$c" <<<"$$installed" || rustup component add "$$c"; \
	  done
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

# pdftoppm (poppler-utils) turns the print test's PDF into a picture to look at.
tools-browser:
	@fonts="$$(fc-list 2>/dev/null || true)"; \
	  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
	    || ! command -v pdftoppm >/dev/null \
	    || ! grep -qi "wenquanyi micro hei" <<<"$$fonts"; then \
	  echo "installing Chromium, ChromeDriver, a CJK font and poppler-utils"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei poppler-utils >/dev/null; \
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

# cargo-fuzz and the nightly toolchain its sanitizers need (fuzz/README.md).
tools-fuzz: tools
	@toolchains="$$(rustup toolchain list)"; \
	  grep -q '^nightly' <<<"$$toolchains" || rustup toolchain install nightly --profile minimal
	@if ! command -v cargo-fuzz >/dev/null; then \
	  echo "installing cargo-fuzz"; \
	  $(CARGO) install --locked cargo-fuzz \
	    || { echo "its lock file does not resolve against this registry; installing unlocked"; \
	         $(CARGO) install cargo-fuzz; }; \
	fi

# --- build ---------------------------------------------------------------------------

bundle:
	$(CARGO) run --quiet --release -- bundle --corpus $(CORPUS) --out $(BUNDLE)

wasm: tools
	$(CARGO) build --quiet --lib --target wasm32-unknown-unknown --profile wasm

wasm-api: tools
	$(CARGO) build --quiet --lib --target wasm32-unknown-unknown --profile wasm-api --features api

# pkg/: the npm package. Its main export is the JavaScript API (www/npm/: index.js for
# browsers and bundlers, node.js for Node, index.d.ts); `policy-compare/element` registers
# <policy-compare> from this ES-module build (www/element.js after a head that imports the
# glue); the bundle ships as bundle.json.
pkg: wasm-api
	rm -rf pkg
	wasm-bindgen $(WASM_API) --target web --out-dir pkg --remove-name-section --remove-producers-section
	cp www/npm/api.js www/npm/index.js www/npm/node.js www/npm/index.d.ts www/npm/element.d.ts \
	  www/npm/README.md pkg/
	cat www/npm/element-head.js www/element.js > pkg/element.js
	sed 's/"0.0.0-set-by-make"/"$(VERSION)"/' www/npm/package.json > pkg/package.json
	cp $(BUNDLE) pkg/bundle.json

# dist/: classic scripts with the wasm inlined, which work from file:// too. The glue gets
# a fast path for short strings (www/build/short-strings.mjs says why); it and the element
# are minified (terser, www/build/): what every visitor downloads, where the sources stay
# readable. Top-level names (`wasm_bindgen`, `POLICY_COMPARE_WASM`), which
# the two share inside pack's wrapper, are kept.
TERSER := www/build/node_modules/.bin/terser
# binaryen's optimiser at its lightest level with the shrinking passes: the wasm deflates
# smaller (the higher levels inline more, and the deflated script grows). The features are
# those rustc's wasm32 target emits.
WASM_OPT := www/build/node_modules/.bin/wasm-opt
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue
dist: bundle wasm build-deps
	wasm-bindgen $(WASM) --target no-modules --out-dir target/no-modules --no-typescript \
	  --remove-name-section --remove-producers-section
	$(WASM_OPT) -O1 -s 1 --converge $(WASM_FEATURES) target/no-modules/policy_compare_bg.wasm \
	  -o target/no-modules/policy_compare_bg.wasm
	node www/build/short-strings.mjs target/no-modules/policy_compare.js
	$(TERSER) target/no-modules/policy_compare.js --compress --mangle \
	  -o target/no-modules/policy_compare.min.js
	$(TERSER) www/element.js --compress --mangle -o target/no-modules/element.min.js
	$(CARGO) run --quiet --release --bin pack -- target/no-modules/policy_compare.min.js \
	  target/no-modules/policy_compare_bg.wasm target/no-modules/element.min.js $(BUNDLE) www dist

# --- test ----------------------------------------------------------------------------

lint: tools
	$(CARGO) fmt --check
	$(CARGO) clippy --quiet --all-targets -- -D warnings
	$(CARGO) clippy --quiet --lib --test web --target wasm32-unknown-unknown -- -D warnings
	$(CARGO) clippy --quiet --lib --target wasm32-unknown-unknown --features api -- -D warnings

test-native:
	$(CARGO) test --quiet
	$(CARGO) run --quiet --release -- bundle --check --corpus $(CORPUS) --out $(BUNDLE)

# The CLI's CSV opened by LibreOffice: Chinese intact, no cell a formula.
test-spreadsheet: tools-office bundle
	tests/spreadsheet.sh

test-browser: tools tools-browser
	$(CARGO) test --target wasm32-unknown-unknown --test web

e2e-deps: tools-node
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error

# What `make dist` runs on the widget: terser and binaryen (www/build/package.json).
build-deps: tools-node
	cd www/build && npm ci --no-audit --no-fund --loglevel=error

# The widget as visitors and host pages see it: dist/ in headless Chromium. Screenshots of
# every view land in tests/e2e/artifacts/.
test-e2e: dist e2e-deps tools-browser
	cd tests/e2e && node --test --test-reporter=spec

npm-deps: tools-node
	cd tests/npm && npm ci --no-audit --no-fund --loglevel=error

# pkg/ as its users use it: the API in Node (deep-equal to the command line's JSON), the
# types checked against its real answers (tsc), a page that imports pkg/ over http by an
# import map (Chromium), and `npm pack` installed into a temporary project.
test-npm: pkg dist e2e-deps npm-deps tools-browser
	$(CARGO) build --quiet --release
	cd tests/npm && POLICY_COMPARE_BIN=$(CURDIR)/target/release/policy-compare \
	  node --test --test-reporter=spec

# `cargo install --path .` gives a policy-compare that works from any directory (the
# default bundle is built into it). The release build is reused (same target dir).
test-install:
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	  $(CARGO) install --quiet --locked --path . --root "$$tmp/root" --target-dir target; \
	  cd "$$tmp" && ./root/bin/policy-compare regions > regions.txt && grep -q '^henan ' regions.txt \
	  && ./root/bin/policy-compare compare --left Jiangxi --right henan --theme finance --pairs-only >/dev/null \
	  && echo "cargo install --path . works from $$tmp"

# The alignment against hand-judged gold (tests/fixtures/alignment/: the annotators' dev set,
# copied, and the pairs annotated in the project), scored by the shared tool beside the checkout.
align-score: bundle
	$(CARGO) build --quiet --release
	@for gold in tests/fixtures/alignment/*/; do \
	  echo "$$gold"; ../shared/tools/align-score "$$gold" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("  pairs %d, precision %.3f, passage recall %.3f, good-pair recall %.3f, boilerplate pairs %d" % (r["engine_pairs"], r["precision_lenient"], r["passage_recall"], r["good_pair_recall"], r["boilerplate_pairs"]))'; \
	done

# The tool steps above on a machine without the tools (hidden from PATH, installers shimmed):
# each reaches its install with the right arguments, and a tool that is there is kept.
test-tools:
	tests/make/installs-missing-tools.sh

# Fuzzing (fuzz/README.md): a few seconds of each target in `make test`, minutes in `make fuzz`.
FUZZ_TARGETS := bundle_reader builder number diff comparison
FUZZ_SECONDS := 300

fuzz-smoke: tools-fuzz
	rm -rf target/fuzz-smoke
	fuzz/run.sh 5 ../target/fuzz-smoke $(FUZZ_TARGETS)

fuzz: tools-fuzz
	fuzz/run.sh $(FUZZ_SECONDS) corpus $(FUZZ_TARGETS)

# Benchmarks: the comparison engine natively, and the widget's sizes and speed in Chromium.
bench:
	$(CARGO) bench --bench compare

# The widget in Chromium: sizes, first comparison from file:// (wall and main-thread CPU
# from a trace), switches, scrolling the longest comparison.
bench-browser: dist e2e-deps tools-browser
	cd tests/e2e && node bench.mjs

# Search: 200 queries drawn from the corpus, on the bundle and on one ten times larger.
bench-search: dist e2e-deps tools-browser
	cd tests/e2e && node bench-search.mjs

# Our diff beside jsdiff and diff-match-patch, on the same pairs in one page.
bench-diff: dist pkg e2e-deps tools-browser
	$(CARGO) build --quiet --release
	cd tests/e2e && node bench-diff.mjs

# 1×, 10×, 100× bundles (made from www/bundle.json): the widget's first comparison and a
# switch, and the native comparison.
bench-scale: dist e2e-deps tools-browser
	$(CARGO) build --quiet --release
	cd tests/e2e && node bench-scale.mjs

clean:
	$(CARGO) clean
	rm -rf pkg dist
