#!/usr/bin/env bash
# Installs what is missing, builds, runs the default scenario (every built-in strategy against
# baseline) into results/default.h5, writes its report to results/default-report/, and puts
# placesim on your PATH (scripts/link.sh), so that the commands README.md and the messages
# print work as printed. Extra arguments go to `placesim run` (e.g. --replicates 10).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target placesim
echo
build/release/sim/placesim run --force -o results/default.h5 "$@"
echo
echo "Writing the report (charts, tables, index.html)..."
build/release/sim/placesim report results/default.h5 -o results/default-report --force --quiet
index="$PWD/results/default-report/index.html"
echo "Report: $index"
echo "Open it in a browser, e.g. xdg-open $index"
echo
scripts/link.sh
