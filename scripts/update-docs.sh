#!/usr/bin/env bash
# Regenerates the generated blocks of docs/ (the parameter tables come from the registry).
# tests/docs check that they are current; run this after changing a parameter.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build --preset release --target placesim >/dev/null
build/release/sim/placesim parameters > build/parameters.md
/usr/bin/python3 - build/parameters.md docs/ODD.md docs/scenarios.md <<'PY'
import sys
content = open(sys.argv[1]).read()
for path in sys.argv[2:]:
    doc = open(path).read()
    begin, end = "<!-- BEGIN GENERATED: parameters -->\n", "<!-- END GENERATED: parameters -->"
    b, e = doc.index(begin) + len(begin), doc.index(end)
    open(path, "w").write(doc[:b] + content + doc[e:])
    print(f"updated {path}")
PY
