#!/usr/bin/env bash
# Installs, with apt-get, the Debian packages PlaceSim needs that are not yet installed.
# Safe to run any number of times: it installs nothing when everything is present. A machine
# whose dpkg was interrupted (as a fresh one can be) is repaired first, as apt-get asks.
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
  # installing the analysis package for a user's own notebooks (analysis/pyproject.toml), in
  # a virtual environment (Debian's Python refuses pip installs: PEP 668)
  python3-pip python3-setuptools python3-venv
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

errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
# apt-get install, its errors shown and also kept in $errors to tell what went wrong.
install_missing() {
  { $sudo apt-get install -y --no-install-recommends "${missing[@]}" 2>&1 1>&3 | tee "$errors" >&2; } 3>&1
}

# Fetch the package lists first when there are none (a fresh machine); they may be compressed.
if ! compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null; then
  $sudo apt-get update
fi
# Each failure is repaired once, in the order it shows, before trying again:
# - dpkg was interrupted (a machine's first boot, a killed install): apt-get refuses every
#   install with "E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to
#   correct the problem." (status 100; the command is quoted in every language);
# - what dpkg --configure -a could not configure leaves dependencies unmet: apt-get then asks
#   for "apt --fix-broken install", which apt-get -f install is;
# - anything else may be stale package lists: fetch them again.
finished_dpkg=0 fixed_broken=0 updated=0
until install_missing; do
  if (( ! finished_dpkg )) && grep -q "dpkg --configure -a" "$errors"; then
    finished_dpkg=1
    echo "deps: dpkg was interrupted; finishing its work: dpkg --configure -a"
    # Its failure (dependency problems) is repaired by apt-get -f install, next.
    $sudo dpkg --configure -a || echo "deps: dpkg --configure -a left packages unconfigured"
  elif (( ! fixed_broken )) && grep -q -e "--fix-broken" "$errors"; then
    fixed_broken=1
    echo "deps: repairing unmet dependencies: apt-get -f install"
    $sudo apt-get -f install -y --no-install-recommends || echo "deps: apt-get -f install failed"
  elif (( ! updated )); then
    updated=1
    $sudo apt-get update
  else
    echo "deps: could not install ${missing[*]}; apt-get's messages are above" >&2
    exit 1
  fi
done
