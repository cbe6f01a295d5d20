#!/usr/bin/env bash
# Stop an instance started by start.sh: stop.sh DIR
# Kills, by the PIDs recorded in DIR/pids, glance-api (and its worker) and then mariadbd,
# waits for them to exit (SIGTERM, then SIGKILL after a grace period) and empties DIR/pids.
# Leaves DIR itself (config, logs, database) in place; remove it yourself if wanted.
# Safe to run twice, or on a DIR whose processes are already gone.
set -euo pipefail

die() { echo "stop.sh: $*" >&2; exit 1; }
log() { echo "stop.sh: $*" >&2; }

[ $# -eq 1 ] || die "usage: stop.sh DIR"
DIR="$1"
if [ ! -d "$DIR" ]; then
  log "no such directory: $DIR (nothing to stop)"
  exit 0
fi
DIR="$(cd "$DIR" && pwd)"
PIDS="$DIR/pids"
if [ ! -s "$PIDS" ]; then
  log "nothing recorded in $PIDS"
  exit 0
fi

# Is PID still the process we started (guards against PID reuse)?
ours() {
  local pid="$1" name="$2" cmd
  [ -r "/proc/$pid/cmdline" ] || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  case "$name" in
    glance-api) [[ "$cmd" == *glance-api*"$DIR/glance-api.conf"* ]] ;;
    mariadbd) [[ "$cmd" == *mariadbd*"--datadir=$DIR/mariadb"* ]] ;;
    *) return 1 ;;
  esac
}

# Members of the process group led by PID (start.sh runs each under setsid).
group_members() { ps -e -o pid=,pgid= | awk -v g="$1" '$2 == g { print $1 }'; }

stop_one() {
  local name="$1" pid="$2" grace="$3" i
  if ! ours "$pid" "$name"; then
    log "$name pid $pid is not running"
    return 0
  fi
  log "stopping $name (pid $pid)"
  # The whole group: glance-api forks a worker; its parent normally stops it too.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    if ! kill -0 "$pid" 2>/dev/null && [ -z "$(group_members "$pid")" ]; then
      return 0
    fi
    sleep 0.1
  done
  log "$name (pid $pid) still running after ${grace}s: SIGKILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  die "could not stop $name pid $pid"
}

# glance-api first (it holds database connections), then mariadbd.
for want in glance-api mariadbd; do
  grace=20
  [ "$want" = mariadbd ] && grace=60
  while read -r name pid _; do
    if [ "$name" = "$want" ] && [ -n "${pid:-}" ]; then
      stop_one "$name" "$pid" "$grace"
    fi
  done <"$PIDS"
done
: >"$PIDS"
log "stopped ($DIR)"
