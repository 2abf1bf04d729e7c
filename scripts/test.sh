#!/usr/bin/env bash
# Installs what is missing, builds (release preset, with the optional MPI runner so that its
# tests run too), and runs every test. Extra arguments go to ctest (e.g. -R Pattern).
#
# On CI (CI=true), or with PLACESIM_SANITIZERS=1, it then also runs the whole suite again
# under AddressSanitizer and UndefinedBehaviorSanitizer (the asan preset; pattern tests left
# out), and a short fuzz run of every fuzz target (scripts/fuzz.sh, 30 s each). docs/testing.md says what each costs.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=0
if [[ "${CI:-}" == "true" || "${PLACESIM_SANITIZERS:-0}" == "1" ]]; then sanitizers=1; fi

if (( sanitizers )); then scripts/deps.sh --mpi --fuzz; else scripts/deps.sh --mpi; fi
cmake --preset release -DPLACESIM_WITH_MPI=ON
cmake --build --preset release
ctest --preset release --parallel "$(nproc)" "$@"

if (( sanitizers )); then
  echo "test: the whole suite again under the address and undefined-behaviour sanitizers"
  cmake --preset asan -DPLACESIM_WITH_MPI=ON
  cmake --build --preset asan
  # The pattern tests check the science over thousands of runs (docs/testing.md): not here.
  ctest --preset asan --parallel "$(nproc)" -E '^Pattern' "$@"
  echo "test: a short fuzz run of every target"
  scripts/fuzz.sh 30
fi
