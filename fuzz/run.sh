#!/usr/bin/env bash
# usage: fuzz/run.sh SECONDS CORPUS_ROOT TARGET...
# Runs each fuzz target for SECONDS, starting from its seeds (fuzz/seeds/TARGET, which hold
# every reproducer a past run found) and adding what it discovers to CORPUS_ROOT/TARGET.
# Prints one line per target; on a failure, the end of its log and where the input is.
set -euo pipefail
cd "$(dirname "$0")"
seconds=$1 corpus=$2
shift 2
# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that takes 2 GB is a
# crash; -max_len: inputs up to 8 KB, enough for a document with a table.
flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1)
mkdir -p artifacts
for t in "$@"; do
  mkdir -p "$corpus/$t"
  log="artifacts/$t.log"
  dict=()
  [ -f "dicts/$t.dict" ] && dict=(-dict="dicts/$t.dict")
  if cargo +nightly fuzz run --debug-assertions "$t" "$corpus/$t" "seeds/$t" -- "${flags[@]}" "${dict[@]}" >"$log" 2>&1; then
    runs=$(awk '/stat::number_of_executed_units/ {v = $2} END {print v}' "$log")
    rss=$(awk '/stat::peak_rss_mb/ {v = $2} END {print v}' "$log")
    echo "fuzz $t: ${runs:-?} executions in ${seconds} s, peak ${rss:-?} MB, no failure"
  else
    tail -n 60 "$log"
    echo "fuzz $t FAILED (log: fuzz/$log); the input is in fuzz/artifacts/$t/;" \
      "replay it with: cargo +nightly fuzz run --debug-assertions $t FILE" >&2
    exit 1
  fi
done
