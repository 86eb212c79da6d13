#!/usr/bin/env bash
# Fails when the model has changes that no migration captures, for either provider (used by CI).
# Uses the existing build (--no-build) of configuration $ARIANE_CONFIGURATION (default Debug).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${ARIANE_CONFIGURATION:-Debug}
dotnet tool restore >/dev/null
status=0
for provider in Sqlite Postgres; do
  if dotnet ef migrations has-pending-model-changes \
      --project "src/Ariane.Persistence.$provider" \
      --startup-project "src/Ariane.Persistence.$provider" \
      --context AppDbContext --configuration "$configuration" --no-build >/tmp/ariane-migcheck-$provider.log 2>&1; then
    echo "migrations $provider: up to date"
  else
    echo "migrations $provider: the model has changes without a migration (scripts/add-migration.sh NAME)"
    cat /tmp/ariane-migcheck-$provider.log
    status=1
  fi
done
exit $status
