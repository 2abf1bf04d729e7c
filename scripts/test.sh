#!/usr/bin/env bash
# Installs what is missing, builds (release preset, with the optional MPI runner so that its
# tests run too), and runs every test.
# Exits non-zero on any failure. Extra arguments go to ctest (e.g. -R Pattern).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh --mpi
cmake --preset release -DPLACESIM_WITH_MPI=ON
cmake --build --preset release
ctest --preset release --parallel "$(nproc)" "$@"
