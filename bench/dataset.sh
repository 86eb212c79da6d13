#!/usr/bin/env bash
# Generates a dataset (dept, national or tiny) into a throwaway PostgreSQL server, then measures the app
# on it (docs/performance.md, National-size datasets). One command:
#   bench/dataset.sh national --out /tmp/national.md
#   bench/dataset.sh dept --durability fixture --requests 100      (any option of `Ariane.Bench dataset`)
#   bench/dataset.sh national --generate-only                      (load and print the load time)
#   bench/dataset.sh national --reuse                              (measure again the dataset the last run left)
# The server listens on 127.0.0.1:${ARIANE_BENCH_PG_PORT:-55433}, with its data under ${ARIANE_BENCH_DIR:-/tmp/ariane-dataset};
# it is loaded with durability off (as the test fixture runs), and the bench switches it on for the durable run.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:?usage: bench/dataset.sh dept|national|tiny [--generate-only] [--keep] [bench options]}"
shift
generate_only=false
keep=false
reuse=false
rest=()
for arg in "$@"; do
  case "$arg" in
    --generate-only) generate_only=true ;;
    --keep) keep=true ;;
    --reuse) reuse=true ;;
    *) rest+=("$arg") ;;
  esac
done

port="${ARIANE_BENCH_PG_PORT:-55433}"
dir="${ARIANE_BENCH_DIR:-/tmp/ariane-dataset}"
bin="${ARIANE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi

dotnet build bench/Ariane.Bench -c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary" >&2
bench=(dotnet bench/Ariane.Bench/bin/Release/net10.0/Ariane.Bench.dll)

if [ "$reuse" = false ]; then
  rm -rf "$dir" && mkdir -p "$dir" && chmod 777 "$dir"
  "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
fi
# Memory for a 2-core, 24 GiB machine; durability off for the load (the bench turns it on for its durable run).
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 \
  -c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=16MB -c maintenance_work_mem=512MB -c max_wal_size=8GB \
  -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
stop() { "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true; }
if [ "$keep" = false ]; then trap stop EXIT; fi

connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
[ "$reuse" = true ] || "${bench[@]}" generate --scale "$scale" --connection "$connection" --key-file "$dir/audit-seal.key" --heads-file "$dir/audit-heads.jsonl"
if [ "$generate_only" = true ]; then exit 0; fi
"${bench[@]}" dataset --label "$scale" --connection "$connection" --key-file "$dir/audit-seal.key" --heads-file "$dir/audit-heads.jsonl" --work "$dir/work" "${rest[@]}"
