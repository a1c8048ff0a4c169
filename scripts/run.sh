#!/usr/bin/env bash
# README command 1: runs the application on http://localhost:5000 with the Development profile
# (demo accounts and data). Without ConnectionStrings__Workflow it starts a private PostgreSQL
# cluster in .data/postgres (port 55432) and uses it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

if [ -z "${ConnectionStrings__Workflow:-}" ]; then
  pg_install
  port=${WORKFLOW_PG_PORT:-55432}
  pg_start "$PWD/.data/postgres" "$port"
  "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U workflow -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'workflow'" | grep -q 1 \
    || "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U workflow workflow
  export ConnectionStrings__Workflow="Host=127.0.0.1;Port=$port;Username=workflow;Database=workflow"
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
echo "Starting Workflow on http://localhost:5000 (Swagger UI: http://localhost:5000/swagger)"
exec dotnet run --project src/Workflow.Web --no-launch-profile --urls "${WORKFLOW_URLS:-http://localhost:5000}"
