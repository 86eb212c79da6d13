#!/usr/bin/env bash
# The one test command, for a fresh machine too (CI runs it through .ci/run):
#   test dependencies (PostgreSQL, Chromium) -> dotnet tool restore -> build -> migration check
#   -> format check -> every test project, then one closing line "N passed, N failed".
# Exits non-zero when a step fails or a test fails. A failed build stops at once; a failed migration
# or format check still lets the tests run, and fails the script at the end.
# Environment: ARIANE_CONFIGURATION (default Release), ARIANE_TEST_HANG_TIMEOUT (default 10m: a test
# silent for that long has its test host killed, and counts as a failure).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration=${ARIANE_CONFIGURATION:-Release}
hang_timeout=${ARIANE_TEST_HANG_TIMEOUT:-10m}
solution=Ariane.slnx
results=$PWD/artifacts/test-results

step() { printf '\n==> %s\n' "$*"; }
die() {
  echo "test.sh: $*" >&2
  exit 1
}

failed_steps=()

step "test dependencies"
bash scripts/install-test-deps.sh || die "installing the test dependencies failed"

step "dotnet tool restore"
dotnet tool restore >/dev/null || die "dotnet tool restore failed"

step "build ($configuration)"
dotnet build "$solution" -c "$configuration" -v quiet || die "the build failed"

step "migrations"
if ! ARIANE_CONFIGURATION=$configuration bash scripts/check-migrations.sh; then
  failed_steps+=("migration check (scripts/check-migrations.sh)")
fi

step "format"
if dotnet format "$solution" --verify-no-changes --no-restore -v quiet; then
  echo "format: no changes needed"
else
  echo "format: files need formatting; run: dotnet format $solution"
  failed_steps+=("format check (dotnet format $solution --verify-no-changes)")
fi

step "tests"
rm -rf "$results"
mkdir -p "$results"
test_log=$results/dotnet-test.log
dotnet test "$solution" -c "$configuration" --no-build \
  --results-directory "$results" \
  --logger "trx;LogFilePrefix=ariane" \
  --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none \
  2>&1 | tee "$test_log"
test_status=${PIPESTATUS[0]}

# Totals over every project's .trx: <Counters total= executed= passed= failed= error= timeout= aborted= .../>.
# Skipped tests are in total but not in executed. Plain grep/sed: no python on CI.
attribute() { # NAME ELEMENT -> the number in NAME="..." within ELEMENT, 0 when absent
  local value
  value=$(printf '%s\n' "$2" | sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p")
  echo "${value:-0}"
}
passed=0
failed=0
skipped=0
trx_count=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  trx_count=$((trx_count + 1))
  xml=$(tr '\r\n' '  ' <"$trx")
  counters=$(printf '%s\n' "$xml" | grep -o '<Counters [^>]*>' | head -n 1)
  outcome=$(printf '%s\n' "$xml" | grep -o '<ResultSummary [^>]*>' | head -n 1 | sed -n 's/.*outcome="\([A-Za-z]*\)".*/\1/p')
  project=$(printf '%s\n' "$xml" | grep -o 'storage="[^"]*"' | head -n 1 | sed 's/^storage="//; s/"$//; s#.*/##')
  t_total=$(attribute total "$counters")
  t_executed=$(attribute executed "$counters")
  t_passed=$(attribute passed "$counters")
  t_failed=$(($(attribute failed "$counters") + $(attribute error "$counters") + $(attribute timeout "$counters") + $(attribute aborted "$counters")))
  t_skipped=0
  if [ "$t_total" -gt "$t_executed" ]; then
    t_skipped=$((t_total - t_executed))
  fi
  case "$outcome" in
    Failed | Aborted | Error | Timeout)
      if [ "$t_failed" -eq 0 ]; then
        echo "test.sh: the test run of ${project:-$(basename "$trx")} was aborted (its test host crashed or hung); counted as 1 failure"
        t_failed=1
      fi
      ;;
  esac
  passed=$((passed + t_passed))
  failed=$((failed + t_failed))
  skipped=$((skipped + t_skipped))
done
shopt -u nullglob

announced=$(grep -c '^Results File: ' "$test_log" || true)
if [ "${announced:-0}" -gt "$trx_count" ]; then
  echo "test.sh: dotnet test wrote $announced result files but $trx_count are in $results; totals may be short"
  failed_steps+=("collecting test results")
fi

status=0
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited with $test_status although no test failed (see the output above)"
  failed_steps+=("dotnet test (exit $test_status)")
fi
if [ "$test_status" -ne 0 ] || [ "$failed" -gt 0 ]; then
  status=1
fi
if [ $((passed + failed)) -eq 0 ]; then
  echo "test.sh: no test ran"
  status=1
fi
for failed_step in "${failed_steps[@]}"; do
  echo "test.sh: failed: $failed_step"
  status=1
done

if [ "$skipped" -gt 0 ]; then
  echo "test.sh: $skipped tests skipped"
fi
# The last line, always this shape (CI reads it): the totals of every test project.
echo "$passed passed, $failed failed"
exit "$status"
