#!/usr/bin/env bash
# Installs what is missing, builds (release preset), and runs every test.
# Exits non-zero on any failure. Extra arguments go to ctest (e.g. -R Pattern).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake --preset release
cmake --build --preset release
ctest --preset release --parallel "$(nproc)" "$@"
