#!/usr/bin/env bash
# Installs what the test suites need besides the .NET SDK, only when it is missing (idempotent):
#   - PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb), for the integration tests,
#     which start their own throwaway server (the Debian "main" cluster is never started here);
#   - Chromium (/usr/bin/chromium) and fonts-liberation, for the browser (Playwright) tests;
#   - fonts-dejavu-core, the font of the generated PDF documents (docs/decisions/0010-documents.md).
# Debian/Ubuntu only (apt-get). Uses sudo when not root.
set -euo pipefail

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
else
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-test-deps: not root and sudo is missing; run this script as root" >&2
    exit 1
  fi
  SUDO=(sudo)
fi

have_postgres() {
  if [ -n "${ARIANE_PG_BIN:-}" ] && [ -x "$ARIANE_PG_BIN/initdb" ] && [ -x "$ARIANE_PG_BIN/pg_ctl" ]; then
    return 0
  fi
  local initdb
  for initdb in /usr/lib/postgresql/*/bin/initdb; do
    if [ -x "$initdb" ] && [ -x "$(dirname "$initdb")/pg_ctl" ]; then
      return 0
    fi
  done
  return 1
}

have_deb() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
have_postgres || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
have_deb fonts-liberation || missing+=(fonts-liberation)
have_deb fonts-dejavu-core || missing+=(fonts-dejavu-core)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-test-deps: postgresql, chromium, fonts-liberation and fonts-dejavu-core already present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: missing ${missing[*]} and apt-get is not available; install them by hand" >&2
  exit 1
fi

echo "install-test-deps: installing ${missing[*]} (apt-get)..."

# Keep the package's service from starting its "main" cluster: the tests run their own server.
# policy-rc.d is Debian's standard switch for that; only add one when none exists, and remove it after.
policy=/usr/sbin/policy-rc.d
added_policy=0
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  if [ "$added_policy" -eq 1 ]; then
    "${SUDO[@]}" rm -f "$policy"
  fi
}
trap cleanup EXIT
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
  "${SUDO[@]}" chmod 755 "$policy"
  added_policy=1
fi

log=$(mktemp /tmp/ariane-install-test-deps.XXXXXX.log)
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1; then
  echo "install-test-deps: apt-get update failed:" >&2
  cat "$log" >&2
  exit 1
fi
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >>"$log" 2>&1; then
  echo "install-test-deps: apt-get install ${missing[*]} failed:" >&2
  cat "$log" >&2
  exit 1
fi
rm -f "$log"

status=0
if ! have_postgres; then
  echo "install-test-deps: PostgreSQL server binaries still missing (/usr/lib/postgresql/*/bin/initdb)" >&2
  status=1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "install-test-deps: /usr/bin/chromium still missing" >&2
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "install-test-deps: installed ${missing[*]}"
fi
exit "$status"
