#!/usr/bin/env bash
# What an idle node's Hangfire server costs the database: starts the web host on an empty database of a
# private cluster (with pg_stat_statements), waits for it to settle, then counts for a minute the
# transactions committed and the statements run in that database. Arguments: the port of the cluster,
# then settings for the host (e.g. Jobs__SchedulePollingSeconds=15). Prints "<transactions/s> <statements/s>".
#   bash scripts/job-polling.sh 55541 Jobs__SchedulePollingSeconds=1
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
port=$1; shift
seconds=${MEASURE_SECONDS:-60}
pg_install
data="$PWD/.data/postgres-measure"
pg_start "$data" "$port" -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all
psql() { "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U workflow -qAt "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS jobs_idle WITH (FORCE)" -c "CREATE DATABASE jobs_idle"
psql -d jobs_idle -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
dotnet build src/Workflow.Web -c Release -v quiet -nologo >/dev/null
host_log=$(mktemp)
env ASPNETCORE_URLS=http://127.0.0.1:0 ConnectionStrings__Workflow="Host=127.0.0.1;Port=$port;Username=workflow;Database=jobs_idle" \
  Workflows__DeployOnStartup=false "$@" dotnet src/Workflow.Web/bin/Release/net10.0/Workflow.Web.dll >"$host_log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null; pg_stop "$data"' EXIT
# Migrations, forms, the first recurring-job registrations: left out of the count.
sleep 20
kill -0 $host || { cat "$host_log"; exit 1; }
sample() { psql -d jobs_idle -c "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = 'jobs_idle') || ' ' || (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'jobs_idle'))"; }
psql -d jobs_idle -c "SELECT pg_stat_statements_reset()" >/dev/null
read -r x0 c0 <<<"$(sample)"
sleep "$seconds"
read -r x1 c1 <<<"$(sample)"
awk -v x="$((x1 - x0))" -v c="$((c1 - c0))" -v s="$seconds" 'BEGIN { printf "%.2f transactions/s %.2f statements/s\n", x / s, c / s }'
# Which statements, per second, most frequent first.
psql -d jobs_idle -F ' | ' -c "SELECT round(calls / $seconds.0, 2), left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements
  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'jobs_idle') AND query NOT LIKE '%pg_stat%' ORDER BY calls DESC LIMIT ${TOP:-12}"
