#!/usr/bin/env bash
# Builds the app and the bench in Release, then runs the bench: SQLite and PostgreSQL, 300 and 20,000
# demo children by default. Progress goes to stderr, the Markdown report to stdout.
# Any bench option can be added, e.g.:  bench/run.sh --providers Sqlite --sizes 300 --out /tmp/bench.md
# (bench/run.sh --help lists them). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build bench/Ariane.Bench -c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary" >&2
exec dotnet bench/Ariane.Bench/bin/Release/net10.0/Ariane.Bench.dll "$@"
