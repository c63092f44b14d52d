#!/usr/bin/env bash
# The Makefile's tool steps on a machine that lacks the tools.
#
# Runs `make tools tools-browser tools-node e2e-deps npm-deps build-deps tools-fuzz
# tools-office` with a PATH made of symlinks to everything on the real PATH except the tools
# and the installers. The installers (cargo, rustup, apt-get, sudo, npm) are shims that
# record their arguments and "install" by adding a shim of what they were asked for.
# Checks, for all tools missing at once and for each missing alone, that its step reaches
# its install with the right arguments, that a tool that is there is not installed again,
# and that a second run installs nothing. Nothing is installed on this machine and nothing
# in the tree changes.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
make_bin=$(command -v make)
work=$(mktemp -d "${TMPDIR:-/tmp}/policy-compare-tools-XXXXXX")
trap 'rm -rf "$work"' EXIT

# The version the wasm-bindgen CLI must have, read here independently of the Makefile.
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; split($0, v, "\""); print v[2] }' "$root/Cargo.lock")
[ -n "$want" ] || { echo "no wasm-bindgen in Cargo.lock" >&2; exit 1; }

# What the shims share: where they log, the current machine's bin directory, the tree.
export SHIM_WORK=$work SHIM_ROOT=$root SHIM_BIN

tools=(wasm-bindgen wasm-bindgen-test-runner chromium chromedriver fc-list pdftoppm node npm cargo-fuzz soffice python3)
installers=(cargo rustup apt-get sudo npm id)

# The shims, as scripts in $work/shims: `add NAME` puts one into the current machine.
mkdir -p "$work/shims"
script() { # script NAME BODY
  printf '#!/bin/bash\necho "%s $*" >>"$SHIM_WORK/calls"\n%s\n' "$1" "$2" >"$work/shims/$1"
  chmod +x "$work/shims/$1"
}
script wasm-bindgen 'echo "wasm-bindgen ${SHIM_WASM_BINDGEN_VERSION:-$(cat "$SHIM_BIN/.wasm-bindgen-version")}"'
script wasm-bindgen-test-runner 'echo "wasm-bindgen-test-runner"'
script chromium 'echo "Chromium 1.0"'
script chromedriver 'echo "ChromeDriver 1.0"'
script fc-list 'echo "/usr/share/fonts/wqy-microhei.ttc: WenQuanYi Micro Hei:style=Regular"'
script pdftoppm 'echo "pdftoppm version 22.02.0"'
script node 'echo v20.0.0'
script npm 'echo "npm $* @${PWD#"$SHIM_ROOT"/}" >>"$SHIM_WORK/npm"'
script cargo-fuzz 'echo "cargo-fuzz 0.13"'
script soffice 'echo "LibreOffice 7.4"'
script python3 'echo "Python 3.11"'
script cargo '
add() { cp "$SHIM_WORK/shims/$1" "$SHIM_BIN/$1"; }
case " $* " in
  *" install "*wasm-bindgen-cli*)
    [ "${SHIM_LOCKED_FAILS:-}" = 1 ] && [[ " $* " == *" --locked "* ]] && exit 101
    sed -n "s/.*--version \([^ ]*\).*/\1/p" <<<"$*" >"$SHIM_BIN/.wasm-bindgen-version"
    add wasm-bindgen; add wasm-bindgen-test-runner ;;
  *" install "*cargo-fuzz*) add cargo-fuzz ;;
esac'
script rustup '
state="$SHIM_BIN/.rustup"; touch "$state"
list() { grep "^$1 " "$state" | cut -d" " -f2 || true; }
case "$*" in
  "target list --installed") list target ;;
  # More lines after the one looked for, as rustup prints them.
  "toolchain list") list toolchain; echo "stable-x86_64-unknown-linux-gnu (default)"; seq 1 20000 ;;
  "component list --installed") list component ;;
  "target add "*) echo "target $3" >>"$state" ;;
  "toolchain install "*) echo "toolchain $3-x86_64-unknown-linux-gnu" >>"$state" ;;
  "component add "*) echo "component $3-x86_64-unknown-linux-gnu" >>"$state" ;;
esac'
script apt-get '
add() { cp "$SHIM_WORK/shims/$1" "$SHIM_BIN/$1"; }
[ "$1" = install ] || exit 0
for p in "$@"; do
  case $p in
    chromium) add chromium ;; chromium-driver) add chromedriver ;; fonts-wqy-microhei) add fc-list ;;
    poppler-utils) add pdftoppm ;;
    nodejs) add node ;; npm) add npm ;;
    libreoffice-calc-nogui) add soffice ;; python3) add python3 ;;
  esac
done'
script sudo '"$@"'
script id '[ "$1" = -u ] && echo "${SHIM_UID:-0}"'

# Everything on the real PATH but the tools and installers, once.
mkdir -p "$work/base"
IFS=: read -ra entries <<<"$PATH"
for d in "${entries[@]}"; do
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    name=${f##*/}
    [ -f "$f" ] && [ -x "$f" ] && [ ! -e "$work/base/$name" ] || continue
    [[ " ${tools[*]} ${installers[*]} " == *" $name "* ]] && continue
    ln -s "$f" "$work/base/$name"
  done
done

# machine NAME [TOOL...]: a fresh bin directory with only the given tools (wasm-bindgen of
# the right version, the Rust toolchain ready when `ready` is among them).
machine() {
  SHIM_BIN="$work/$1"
  shift
  rm -rf "$SHIM_BIN"
  cp -a "$work/base" "$SHIM_BIN"
  echo "$want" >"$SHIM_BIN/.wasm-bindgen-version"
  local t
  for t in cargo rustup apt-get sudo id "$@"; do
    if [ "$t" = ready ]; then
      printf '%s\n' "target wasm32-unknown-unknown" "toolchain nightly-x86_64-unknown-linux-gnu" \
        "component rustfmt-x86_64-unknown-linux-gnu" "component clippy-x86_64-unknown-linux-gnu" \
        >"$SHIM_BIN/.rustup"
    else
      cp "$work/shims/$t" "$SHIM_BIN/$t"
    fi
  done
}

failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }

# run: the tool steps on the current machine; their calls end up in $work/calls.
run() {
  : >"$work/calls"
  : >"$work/npm"
  if ! PATH="$SHIM_BIN" "$make_bin" --no-print-directory -C "$root" \
    tools tools-browser tools-node e2e-deps npm-deps build-deps tools-fuzz tools-office >"$work/out" 2>&1; then
    fail "make stopped:$(sed 's/^/\n    /' "$work/out")"
    return 1
  fi
}
expect() { # expect FILE LINE: FILE has this line
  grep -qxF -- "$2" "$1" || fail "expected \`$2\`; got:$(sed 's/^/\n    /' "$1")"
}
installs() {
  grep -E "^(cargo install|apt-get install|rustup (target|component) add|rustup toolchain install)" "$work/calls" || true
}
expect_installs() { # expect_installs LINE...: exactly these installs, in this order
  local got wanted
  got=$(installs)
  wanted=$(printf '%s\n' "$@")
  [ "$got" = "$wanted" ] || fail "expected installs:$(sed 's/^/\n    /' <<<"$wanted")
  got:$(sed 's/^/\n    /' <<<"$got")"
}

rust_setup=("rustup target add wasm32-unknown-unknown" "rustup component add rustfmt" "rustup component add clippy")
wasm="cargo install --locked wasm-bindgen-cli --version $want"
browser="apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei poppler-utils"
node="apt-get install -y -qq nodejs npm"
nightly="rustup toolchain install nightly --profile minimal"
fuzz="cargo install --locked cargo-fuzz"
office="apt-get install -y -qq libreoffice-calc-nogui python3"
npm_ci="npm ci --no-audit --no-fund --loglevel=error @tests/e2e"
npm_ci_npm="npm ci --no-audit --no-fund --loglevel=error @tests/npm"
npm_ci_build="npm ci --no-audit --no-fund --loglevel=error @www/build"

echo "a bare machine (as root): everything is installed, without sudo"
machine bare
if run; then
  expect_installs "${rust_setup[@]}" "$wasm" "$browser" "$node" "$nightly" "$fuzz" "$office"
  expect "$work/calls" "apt-get update -qq"
  expect "$work/npm" "$npm_ci"
  expect "$work/npm" "$npm_ci_npm"
  expect "$work/npm" "$npm_ci_build"
  ! grep -q "^sudo " "$work/calls" || fail "sudo called as root"
fi
echo "the same machine again: nothing is installed twice"
if run; then
  expect_installs
  expect "$work/npm" "$npm_ci"
  expect "$work/npm" "$npm_ci_npm"
  expect "$work/npm" "$npm_ci_build"
fi

echo "as a user: apt-get runs through sudo"
machine user
if SHIM_UID=1000 run; then
  expect "$work/calls" "sudo $browser"
  expect "$work/calls" "sudo $node"
  expect "$work/calls" "sudo $office"
fi

for missing in "${tools[@]}"; do
  echo "only $missing missing: only its install runs"
  machine one ready $(printf '%s\n' "${tools[@]}" | grep -vx "$missing")
  run || continue
  case $missing in
    wasm-bindgen*) expect_installs "$wasm" ;;
    chromium | chromedriver | fc-list | pdftoppm) expect_installs "$browser" ;;
    node | npm) expect_installs "$node" ;;
    cargo-fuzz) expect_installs "$fuzz" ;;
    soffice | python3) expect_installs "$office" ;;
  esac
  expect "$work/npm" "$npm_ci"
  expect "$work/npm" "$npm_ci_npm"
  expect "$work/npm" "$npm_ci_build"
done

echo "wasm-bindgen of another version: the right one is installed"
machine old ready "${tools[@]}"
if SHIM_WASM_BINDGEN_VERSION=0.2.1 run; then
  expect_installs "$wasm"
fi

echo "a registry that cannot resolve wasm-bindgen-cli's lock file: an unlocked install follows"
machine unlocked ready chromium chromedriver fc-list pdftoppm node npm cargo-fuzz soffice python3
if SHIM_LOCKED_FAILS=1 run; then
  expect_installs "$wasm" "cargo install wasm-bindgen-cli --version $want"
fi

if [ "$failures" -gt 0 ]; then
  echo "installs-missing-tools: $failures failures" >&2
  exit 1
fi
echo "installs-missing-tools: every step reached its install; present tools were kept"
