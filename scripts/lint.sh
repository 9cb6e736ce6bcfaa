#!/usr/bin/env bash
# The house format (.swift-format) and a hard limit of 120 characters per line, for Sources, Tests, Benchmarks and
# the manifests. swift-format alone passes a line it cannot break (a long string literal or comment), so the limit
# is checked separately, in characters rather than bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Sources Tests Package.swift)
[ -d Benchmarks ] && paths+=(Benchmarks/Benchmarks Benchmarks/Package.swift)
swift format lint --strict --recursive "${paths[@]}"
python3 - "${paths[@]}" <<'PY'
import pathlib, sys
too_long = []
for root in sys.argv[1:]:
    path = pathlib.Path(root)
    for file in ([path] if path.is_file() else sorted(path.rglob("*.swift"))):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if len(line) > 120:
                too_long.append(f"{file}:{number}: {len(line)} characters, the limit is 120")
print("\n".join(too_long), file=sys.stderr) if too_long else None
sys.exit(1 if too_long else 0)
PY
