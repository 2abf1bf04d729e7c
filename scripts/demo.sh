#!/usr/bin/env bash
# Installs what is missing, builds, and runs the default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target placesim
echo
build/release/sim/placesim run --force "$@"
