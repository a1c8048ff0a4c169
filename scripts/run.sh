#!/usr/bin/env bash
# README command 1: runs the application on http://localhost:5000 with the Development profile
# (demo accounts and data). Without ConnectionStrings__Workflow it starts a private PostgreSQL
# cluster in .data/postgres (port 55432) and uses it; without Smtp__Host, e-mails go to a local
# sink that keeps them in .data/mail.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
source scripts/smtp.sh
source scripts/web-assets.sh

# The local .NET tools of .config/dotnet-tools.json (dotnet-ef, for `dotnet ef migrations add`).
dotnet tool restore >/dev/null

# The Form.io renderer the task pages load (wwwroot/lib, not committed).
web_assets

if [ -z "${ConnectionStrings__Workflow:-}" ]; then
  pg_install
  port=${WORKFLOW_PG_PORT:-55432}
  pg_start "$PWD/.data/postgres" "$port"
  "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U workflow -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'workflow'" | grep -q 1 \
    || "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U workflow workflow
  export ConnectionStrings__Workflow="Host=127.0.0.1;Port=$port;Username=workflow;Database=workflow"
fi

# Without a configured mail server, e-mails go to a local sink: read them in .data/mail/new.
if [ -z "${Smtp__Host:-}" ]; then
  pg_install >/dev/null
  smtp_start "$PWD/.data/mail" "${WORKFLOW_SMTP_PORT:-2525}"
  trap 'kill "$SMTP_PID" 2>/dev/null' EXIT
  export Smtp__Host=127.0.0.1 Smtp__Port="${WORKFLOW_SMTP_PORT:-2525}" Smtp__From=workflow@localhost
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
echo "Starting Workflow on http://localhost:5000 (Swagger UI: http://localhost:5000/swagger)"
dotnet run --project src/Workflow.Web --no-launch-profile --urls "${WORKFLOW_URLS:-http://localhost:5000}"
