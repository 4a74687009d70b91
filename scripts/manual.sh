#!/usr/bin/env bash
# Generates docs/man/chronicle.1 from the command declarations, with
# swift-argument-parser's manual generator; --check fails when the page
# checked in no longer matches the code (CI runs that).
set -euo pipefail
cd "$(dirname "$0")/.."
# The page's date: the day its commands last changed. Bump it with them.
date=2026-12-02
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift package generate-manual --configuration debug --date "$date" >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi
generated=.build/plugins/GenerateManual/outputs/chronicle/chronicle.1
if [ "${1:-}" = "--check" ]; then
    if ! diff -u docs/man/chronicle.1 "$generated"; then
        echo "docs/man/chronicle.1 is out of date: run scripts/manual.sh and commit it" >&2
        exit 1
    fi
    echo "docs/man/chronicle.1 matches the commands"
else
    cp "$generated" docs/man/chronicle.1
    echo "wrote docs/man/chronicle.1"
fi
