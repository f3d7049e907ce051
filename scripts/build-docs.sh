#!/usr/bin/env bash
# Builds the DocC documentation of every library module into .build-docs/html/<Module>,
# and fails when DocC reports a warning (a broken link, a symbol that does not exist).
set -euo pipefail
cd "$(dirname "$0")/.."

graphs=.build-docs/symbol-graphs
rm -rf "$graphs" && mkdir -p "$graphs"
# Symbol graphs are written only when a module compiles, so the documentation build starts clean.
swift package clean --scratch-path .build-docs
swift build --scratch-path .build-docs -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs" \
    > .build-docs/build.log 2>&1 || { cat .build-docs/build.log >&2; exit 1; }

status=0
mkdir -p .build-docs/html
for module in ChisoNumerics ChisoCore ChisoSpreadsheets ChisoIO ChisoOutput ChisoDossiers ChisoAnalysis; do
    own=".build-docs/graphs-$module"
    rm -rf "$own" && mkdir -p "$own"
    cp "$graphs/$module".symbols.json "$own"/
    cp "$graphs/$module"@*.symbols.json "$own"/ 2>/dev/null || true
    log=$(docc convert "Sources/$module/$module.docc" --additional-symbol-graph-dir "$own" \
        --fallback-display-name "$module" --fallback-bundle-identifier "org.chiso.$module" \
        --output-path ".build-docs/html/$module" 2>&1)
    # Missing parameter descriptions are reported as warnings too; only broken links fail the build.
    if echo "$log" | grep -E "warning|error" | grep -v "is missing documentation"; then
        echo "error: DocC reports problems in $module" >&2
        status=1
    fi
done
exit $status
