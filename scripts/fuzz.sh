#!/usr/bin/env bash
# Fuzzes the scenario path, --set, and the reading of results, calibration and rounds files with libFuzzer under
# AddressSanitizer and UndefinedBehaviorSanitizer (the `fuzz` preset, clang), for a bounded time.
#   scripts/fuzz.sh              60 s per target (what CI runs)
#   scripts/fuzz.sh 3600         an hour per target (the longer run, docs/testing.md)
# Each target starts from its seed corpus (tests/fuzz/corpus, scenarios/) and every input that
# ever crashed (tests/fuzz/regressions); inputs it finds that add coverage are kept in
# build/fuzz/corpus/. A crash stops the script with status 1 and leaves the input in
# build/fuzz/crashes/: minimise it (the fuzzer's -minimize_crash=1), fix the bug, and add the
# input to tests/fuzz/regressions/<target>/ so that every build replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
scripts/deps.sh --fuzz >/dev/null
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

fuzzers=build/fuzz/tests/fuzz
mkdir -p build/fuzz/crashes
status=0
for target in scenario set results calibration rounds; do
  corpus=build/fuzz/corpus/$target
  mkdir -p "$corpus"
  # libFuzzer stops at a seed folder that does not exist: a target with no regressions yet has none.
  seeds=()
  for folder in tests/fuzz/corpus/$target tests/fuzz/regressions/$target; do
    [[ -d $folder ]] && seeds+=("$folder")
  done
  [[ $target == scenario ]] && seeds+=(scenarios)
  echo "fuzz: ${target}_fuzz for ${seconds} s"
  # -timeout: an input that takes 30 s is a hang; -rss_limit_mb: one that takes 4 GB a leak or
  # an unbounded allocation. Both count as crashes.
  if ! "$fuzzers/${target}_fuzz" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=30 \
       -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/${target}- \
       2> "build/fuzz/${target}.log"; then
    echo "fuzz: ${target}_fuzz found a crash (build/fuzz/${target}.log, build/fuzz/crashes/)"
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "build/fuzz/${target}.log" | sed "s/^/  /"
done
exit $status
