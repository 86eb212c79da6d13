#!/usr/bin/env bash
# Adds a migration with the same name to both providers: scripts/add-migration.sh AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/Ariane.Persistence.$provider" \
    --startup-project "src/Ariane.Persistence.$provider" \
    --context AppDbContext --output-dir Migrations
done
