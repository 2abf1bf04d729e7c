#!/usr/bin/env bash
# Puts placesim where the next command finds it, so that `placesim ...` works as README.md and
# every message print it: a link to this checkout's build (build/release/sim/placesim), which
# therefore follows every rebuild and reads the analysis package from this checkout.
#
# The link goes into $PLACESIM_BIN_DIR when set; otherwise into the first of ~/.local/bin and
# /usr/local/bin that is on PATH and can be written (~/.local/bin for a user whose login adds it,
# as Debian's ~/.profile does once it exists; /usr/local/bin for root); otherwise into
# ~/.local/bin, saying how to put it on PATH. A placesim there that is not a link (a copy from
# cmake --install) is left alone. scripts/demo.sh runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

on_path() { [[ ":$PATH:" == *":$1:"* ]]; }
# A folder that is there and writable, or that can be made (~/.local/bin before it exists).
writable() { [[ -w "$1" ]] || { [[ ! -e "$1" ]] && writable "$(dirname "$1")"; }; }

folder="${PLACESIM_BIN_DIR:-}"
if [[ -z "$folder" ]]; then
  for candidate in "$HOME/.local/bin" /usr/local/bin; do
    if on_path "$candidate" && writable "$candidate"; then folder="$candidate"; break; fi
  done
fi
folder="${folder:-$HOME/.local/bin}"
build="$PWD/build/release/sim/placesim"
link="$folder/placesim"

if [[ ! -x "$build" ]]; then
  echo "link: $build is not built yet: run scripts/demo.sh, or cmake --build --preset release" >&2
  exit 1
fi
if [[ -e "$link" && ! -L "$link" ]]; then
  echo "link: $link is there and is not a link (a copy from cmake --install?): left as it is." >&2
  echo "link: remove it to link this build instead, or type $build for placesim" >&2
  exit 1
fi
mkdir -p "$folder"
ln -sfn "$build" "$link"

found="$(command -v placesim || true)"
if [[ "$found" == "$link" ]]; then
  echo "link: placesim is $link (this build), on your PATH: type placesim ... as README.md shows"
elif [[ -n "$found" ]]; then
  echo "link: placesim is $link (this build), but your PATH finds another first: $found" >&2
  echo "link: remove that one, or put $folder first on your PATH:  export PATH=\"$folder:\$PATH\"" >&2
else
  echo "link: placesim is $link (this build), but $folder is not on your PATH; add it (and the same"
  echo "line to ~/.profile, to keep it):"
  echo "  export PATH=\"$folder:\$PATH\""
  echo "until then, type $link for placesim"
fi
