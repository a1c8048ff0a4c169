#!/usr/bin/env bash
# README command 2: runs every test. Installs and starts what the tests need: a private
# PostgreSQL cluster in .data/postgres-test (port 55433, fsync off: the data is thrown away),
# an SMTP sink writing to .data/mail-test (port 55025), the npm packages the tests run, the
# Form.io renderer the pages load, and chromium for the browser tests. Arguments go to dotnet test
# (e.g. --filter FullyQualifiedName~Browser).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
source scripts/smtp.sh
source scripts/web-assets.sh

# The local .NET tools of .config/dotnet-tools.json (dotnet-ef, for `dotnet ef migrations add`).
dotnet tool restore >/dev/null

pg_install
port=${WORKFLOW_TEST_PG_PORT:-55433}
data="$PWD/.data/postgres-test"
pg_start "$data" "$port" -c fsync=off -c synchronous_commit=off -c full_page_writes=off
trap 'pg_stop "$data"' EXIT
export WORKFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=workflow;Database=postgres;Maximum Pool Size=50"

smtp_port=${WORKFLOW_TEST_SMTP_PORT:-55025}
maildir="$PWD/.data/mail-test"
rm -rf "$maildir"
smtp_start "$maildir" "$smtp_port"
trap 'kill "$SMTP_PID" 2>/dev/null; pg_stop "$data"' EXIT
export WORKFLOW_TEST_SMTP="127.0.0.1:$smtp_port" WORKFLOW_TEST_MAILDIR="$maildir"

# The real ical.js, to read back the iCalendar text the application writes.
npm ci --prefix tests/Workflow.Tests/Calendars/ical --no-audit --no-fund --loglevel=error
# The Form.io agreement tests run the real @formio/core, pinned by its package-lock, through node.
npm ci --prefix tests/Workflow.Forms.Tests/formio --no-audit --no-fund --loglevel=error
# The real bpmn-moddle (what bpmn-js saves through) with our wf descriptor, pinned by its package-lock.
npm ci --prefix tests/Workflow.Tests/Workflows/moddle --no-audit --no-fund --loglevel=error
# WORKFLOW_UPDATE_OPENAPI=1 first refreshes the copy of the OpenAPI document the web application's client
# is generated from (src/Workflow.Web/client/openapi/v1.json), so the build below sees the server's contract.
if [ "${WORKFLOW_UPDATE_OPENAPI:-}" = 1 ]; then
  dotnet test tests/Workflow.Tests --nologo -v quiet --filter "FullyQualifiedName~OpenApiContractTests"
  unset WORKFLOW_UPDATE_OPENAPI
fi
# The browser tests: the Form.io renderer in wwwroot/lib, and Debian's chromium driven by Playwright
# (which cannot download its own browsers here).
web_assets
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium from Debian's packages..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

log=$(mktemp)
status=0
dotnet test Workflow.sln --nologo -v quiet --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line, summed over the test assemblies.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
rm -f "$log"
echo "$passed passed, $failed failed"
exit $status
