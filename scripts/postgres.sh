# shellcheck shell=bash
# Sourced by run.sh and test.sh: installs PostgreSQL from Debian's packages if it is missing
# and starts a private cluster under the project's .data folder, listening on 127.0.0.1 only.
# initdb refuses to run as root, so as root the cluster belongs to the 'postgres' system user.

set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_install() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  export PGBIN
}

# pg_start DATA_DIR PORT [extra postgres -c settings...]
pg_start() {
  local dir=$1 port=$2; shift 2
  local settings="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 $*"
  local run=()
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    run=(runuser -u postgres --)
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    "${run[@]}" "$PGBIN/initdb" -D "$dir" -U workflow --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! "${run[@]}" "$PGBIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    "${run[@]}" "$PGBIN/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$settings" -w -t 60 start >/dev/null
  fi
}

# pg_stop DATA_DIR
pg_stop() {
  local dir=$1 run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$PGBIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}
