#!/usr/bin/env bash
# Regenerates the generated blocks of docs/: the parameter tables (from the registry), the presets
# (from scenarios/presets/presets.toml) and the metrics (from the metric table).
# tests/docs check that they are current; run this after changing a parameter.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build --preset release --target placesim >/dev/null
build/release/sim/placesim parameters > build/parameters.md
build/release/sim/placesim presets --table > build/presets.md
build/release/sim/placesim metrics > build/metrics.md
/usr/bin/python3 - <<'PY'
blocks = [("parameters", "build/parameters.md", ["docs/ODD.md", "docs/scenarios.md"]),
          ("presets", "build/presets.md", ["docs/interventions.md"]),
          ("metrics", "build/metrics.md", ["docs/results.md"])]
for name, source, paths in blocks:
    content = open(source).read()
    for path in paths:
        doc = open(path).read()
        begin, end = f"<!-- BEGIN GENERATED: {name} -->\n", f"<!-- END GENERATED: {name} -->"
        b, e = doc.index(begin) + len(begin), doc.index(end)
        open(path, "w").write(doc[:b] + content + doc[e:])
        print(f"updated {path} ({name})")
PY
