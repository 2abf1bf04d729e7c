#!/usr/bin/env bash
# Installs, with apt-get, the Debian packages PlaceSim needs that are not yet installed.
# Safe to run any number of times: it installs nothing when everything is present.
#   scripts/deps.sh          build, test and analysis dependencies
#   scripts/deps.sh --mpi    also OpenMPI and Boost.MPI for the optional MPI build
#   scripts/deps.sh --fuzz   also clang and its libFuzzer and sanitizer runtimes (scripts/fuzz.sh)
set -euo pipefail

packages=(
  # build
  g++ cmake make pkg-config
  # engine libraries
  libtbb-dev libhdf5-dev libboost-program-options-dev libboost-dev
  libtoml11-dev librandom123-dev libdeflate-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # results-file tools (h5dump, ncdump) used by tests and users
  hdf5-tools netcdf-bin
  # analysis (run with /usr/bin/python3)
  python3 python3-h5py python3-numpy python3-pandas python3-matplotlib
  python3-xarray python3-h5netcdf python3-pytest python3-scipy
  # calibration: Gaussian-process emulators (history matching)
  python3-sklearn
  # installing the analysis package for a user's own notebooks (analysis/pyproject.toml)
  python3-pip python3-setuptools
  # the report page is tested in headless Chromium, driven over its DevTools websocket
  chromium python3-websocket
  # interactive charts in the report (plotly.js, offline)
  python3-plotly
)
for option in "$@"; do
  case "$option" in
    --mpi) packages+=(libopenmpi-dev openmpi-bin libboost-mpi-dev) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "deps: unknown option $option (expected --mpi or --fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if (( ${#missing[@]} == 0 )); then
  echo "deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "deps: installing ${missing[*]}"
sudo=""
if (( EUID != 0 )); then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Fetch the package lists first when there are none (a fresh machine), and again if an
# install fails because the lists are stale.
if ! compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null; then
  $sudo apt-get update
fi
if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
