# shellcheck shell=bash
# Sourced by run.sh and test.sh: a real local SMTP sink (Debian's python3-aiosmtpd) that keeps
# every message it receives in a maildir, so what the application sends can be read back.

smtp_start() {
  local dir=$1 port=$2
  if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
    echo "Installing python3-aiosmtpd from Debian's packages..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-aiosmtpd >/dev/null
  fi
  mkdir -p "$dir"/tmp "$dir"/new "$dir"/cur
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$dir" >"$dir.log" 2>&1 &
  SMTP_PID=$!
  # Wait (bounded) until it accepts connections.
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$SMTP_PID" 2>/dev/null || { cat "$dir.log"; return 1; }
    sleep 0.1
  done
  echo "The SMTP sink did not start on port $port" >&2
  return 1
}
