#!/usr/bin/env bash
# Start a real OpenStack Glance (Debian bookworm's glance-api, Zed 25.1.0) on the loopback,
# without Keystone. Two paste flavors:
#   trusted (default): Debian's keystone pipeline minus `authtoken`, so Glance trusts
#     X-Identity-Status / X-Project-Id / X-User-Id / X-Roles as sent by the client.
#   noauth: Debian's plain [pipeline:glance-api] (`unauthenticated-context`), a Glance
#     deployed without Keystone: every caller is an admin without a project.
#
# Usage: start.sh [--db sqlite|mariadb] [--port N] [--dir DIR] [--secure-rbac]
#                 [--flavor trusted|noauth] [--no-image-cache]
#                 [--image-member-quota N] [--mariadb-port N] [--debug]
#
# --no-image-cache leaves `image_cache_dir` unset (the upstream default): Glance then lists
# v2.15 as CURRENT and neither v2.16 nor v2.14.
#
# Environment equivalents (flags win): GLANCE_DB, GLANCE_PORT, GLANCE_DIR,
#   GLANCE_SECURE_RBAC=1, GLANCE_FLAVOR, GLANCE_IMAGE_CACHE=0, GLANCE_IMAGE_MEMBER_QUOTA,
#   GLANCE_MARIADB_PORT, GLANCE_DEBUG=1.
# GLANCE_EXTRA_DEFAULT: more lines for [DEFAULT], e.g. "image_size_cap = 10" (quota probes).
#
# Env GLANCE_START_TIMEOUT (seconds, default 60) bounds the wait for /healthcheck.
# Defaults: sqlite on port 9393, mariadb on port 9394 (its private mariadbd on port+10000),
# image_member_quota 128 (the Zed default), legacy policy (secure RBAC off), DIR a fresh
# mktemp dir. Everything (config, paste ini, empty policy dir, database, logs, images) lives
# in DIR; DIR/pids lists the processes started ("name pid" per line) for stop.sh.
# The last line on stdout is the base URL, e.g. http://127.0.0.1:9393
# Re-running with the same DIR while that instance is healthy just prints the URL again.
set -euo pipefail

DB="${GLANCE_DB:-sqlite}"
PORT="${GLANCE_PORT:-}"
DIR="${GLANCE_DIR:-}"
SECURE_RBAC="${GLANCE_SECURE_RBAC:-0}"
FLAVOR="${GLANCE_FLAVOR:-trusted}"
IMAGE_CACHE="${GLANCE_IMAGE_CACHE:-1}"
QUOTA="${GLANCE_IMAGE_MEMBER_QUOTA:-128}"
MARIADB_PORT="${GLANCE_MARIADB_PORT:-}"
DEBUG="${GLANCE_DEBUG:-0}"
HEALTH_TIMEOUT="${GLANCE_START_TIMEOUT:-60}"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
die() { echo "start.sh: $*" >&2; exit 1; }
log() { echo "start.sh: $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="${2:?--db needs a value}"; shift 2 ;;
    --db=*) DB="${1#*=}"; shift ;;
    --port) PORT="${2:?--port needs a value}"; shift 2 ;;
    --port=*) PORT="${1#*=}"; shift ;;
    --dir) DIR="${2:?--dir needs a value}"; shift 2 ;;
    --dir=*) DIR="${1#*=}"; shift ;;
    --secure-rbac) SECURE_RBAC=1; shift ;;
    --no-secure-rbac|--legacy-rbac) SECURE_RBAC=0; shift ;;
    --flavor) FLAVOR="${2:?--flavor needs a value}"; shift 2 ;;
    --flavor=*) FLAVOR="${1#*=}"; shift ;;
    --no-image-cache) IMAGE_CACHE=0; shift ;;
    --image-cache) IMAGE_CACHE=1; shift ;;
    --image-member-quota) QUOTA="${2:?--image-member-quota needs a value}"; shift 2 ;;
    --image-member-quota=*) QUOTA="${1#*=}"; shift ;;
    --mariadb-port) MARIADB_PORT="${2:?--mariadb-port needs a value}"; shift 2 ;;
    --mariadb-port=*) MARIADB_PORT="${1#*=}"; shift ;;
    --debug) DEBUG=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

case "$DB" in sqlite|mariadb) ;; *) die "--db must be sqlite or mariadb, not '$DB'" ;; esac
case "$FLAVOR" in trusted|noauth) ;; *) die "--flavor must be trusted or noauth, not '$FLAVOR'" ;; esac
case "$IMAGE_CACHE" in 0|false|False|no) IMAGE_CACHE=0 ;; *) IMAGE_CACHE=1 ;; esac
case "$SECURE_RBAC" in 1|true|True|yes) SECURE_RBAC=True ;; *) SECURE_RBAC=False ;; esac
case "$DEBUG" in 1|true|True|yes) DEBUG=True ;; *) DEBUG=False ;; esac
if [ -z "$PORT" ]; then
  if [ "$DB" = sqlite ]; then PORT=9393; else PORT=9394; fi
fi
[[ "$PORT" =~ ^[0-9]+$ ]] || die "bad port '$PORT'"
[[ "$QUOTA" =~ ^-?[0-9]+$ ]] || die "bad image member quota '$QUOTA'"
[ -n "$MARIADB_PORT" ] || MARIADB_PORT=$((PORT + 10000))
[[ "$MARIADB_PORT" =~ ^[0-9]+$ ]] || die "bad mariadb port '$MARIADB_PORT'"

PY=/usr/bin/python3
URL="http://127.0.0.1:$PORT"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
healthy() {
  "$PY" - "$1" <<'EOF' 2>/dev/null
import http.client, sys
try:
    c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=3)
    c.request("GET", "/healthcheck")
    r = c.getresponse()
    r.read()
    sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
EOF
}
pid_alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
pid_of() { [ -f "$DIR/pids" ] && awk -v n="$1" '$1 == n { print $2 }' "$DIR/pids" | tail -n 1; }
# Processes started by this run; killed again if start.sh fails (so CI leaves nothing behind).
STARTED=()
cleanup_on_failure() {
  local rc=$? pid
  if [ "$rc" -ne 0 ] && [ "${#STARTED[@]}" -gt 0 ]; then
    for pid in "${STARTED[@]}"; do
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    done
    sleep 2
    for pid in "${STARTED[@]}"; do
      kill -KILL -- "-$pid" 2>/dev/null || true
    done
    echo "start.sh: stopped the processes this run had started" >&2
  fi
  exit "$rc"
}
trap cleanup_on_failure EXIT
# record NAME PID: replace NAME's line in DIR/pids (stop.sh reads this file)
record() {
  { grep -v "^$1 " "$DIR/pids" 2>/dev/null || true; echo "$1 $2"; } >"$DIR/pids.new"
  mv "$DIR/pids.new" "$DIR/pids"
}

# ---------------------------------------------------------------- packages
need_pkgs=()
dpkg_ok() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
dpkg_ok glance-api && [ -x /usr/bin/glance-api ] && [ -x /usr/bin/glance-manage ] || need_pkgs+=(glance-api)
if [ "$DB" = mariadb ]; then
  dpkg_ok mariadb-server && command -v mariadb-install-db >/dev/null || need_pkgs+=(mariadb-server)
  dpkg_ok python3-pymysql || need_pkgs+=(python3-pymysql)
fi
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing packages (${need_pkgs[*]}) and not root: install them with apt-get"
  log "installing ${need_pkgs[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -q >&2 </dev/null
  apt-get install -y -q -o DPkg::Lock::Timeout=900 "${need_pkgs[@]}" >&2 </dev/null
fi
MARIADBD=""
if [ "$DB" = mariadb ]; then
  MARIADBD="$(command -v mariadbd || true)"
  [ -n "$MARIADBD" ] || MARIADBD=/usr/sbin/mariadbd
  [ -x "$MARIADBD" ] || die "mariadbd not found"
fi

# ---------------------------------------------------------------- directory
if [ -z "$DIR" ]; then
  if port_open "$PORT"; then
    die "port $PORT on 127.0.0.1 is already in use (another instance? stop it or pass --port)"
  fi
  DIR="$(mktemp -d "${TMPDIR:-/tmp}/real-glance-$DB-$PORT.XXXXXX")"
fi
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

# Already running from this DIR?
old_api="$(pid_of glance-api || true)"
if pid_alive "$old_api"; then
  if healthy "$PORT"; then
    log "glance-api already running from $DIR (pid $old_api)"
    echo "$URL"
    exit 0
  fi
  die "glance-api pid $old_api from $DIR is alive but $URL/healthcheck does not answer; run stop.sh $DIR first"
fi
if port_open "$PORT"; then
  die "port $PORT on 127.0.0.1 is already in use (another instance? stop it or pass --port)"
fi

mkdir -p "$DIR/images" "$DIR/staging" "$DIR/tasks" "$DIR/locks" "$DIR/policy.d" "$DIR/cache"
# Glance parses every file in policy_dirs as policy: keep it empty.
find "$DIR/policy.d" -mindepth 1 -delete
: > "$DIR/policy.yaml"
touch "$DIR/pids"

# ---------------------------------------------------------------- database
if [ "$DB" = mariadb ]; then
  SOCK="$DIR/mariadb.sock"
  old_db="$(pid_of mariadbd || true)"
  if ! pid_alive "$old_db"; then
    if port_open "$MARIADB_PORT"; then
      die "port $MARIADB_PORT (mariadb) on 127.0.0.1 is already in use; pass --mariadb-port"
    fi
    if [ ! -d "$DIR/mariadb/mysql" ]; then
      log "initialising MariaDB datadir $DIR/mariadb"
      mkdir -p "$DIR/mariadb"
      mariadb-install-db --no-defaults --datadir="$DIR/mariadb" --user="$(id -un)" \
        --auth-root-authentication-method=normal --skip-test-db \
        >"$DIR/mariadb-install.log" 2>&1 </dev/null \
        || { tail -n 30 "$DIR/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
    fi
    rm -f "$SOCK"
    log "starting mariadbd on 127.0.0.1:$MARIADB_PORT"
    setsid "$MARIADBD" --no-defaults --user="$(id -un)" --datadir="$DIR/mariadb" \
      --socket="$SOCK" --port="$MARIADB_PORT" --bind-address=127.0.0.1 --skip-name-resolve \
      --pid-file="$DIR/mariadbd.pid" --log-error="$DIR/mariadbd.err" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      --innodb-buffer-pool-size=64M --max-connections=200 \
      </dev/null >>"$DIR/mariadbd.out" 2>&1 &
    db_pid=$!
    STARTED+=("$db_pid")
    record mariadbd "$db_pid"
    for _ in $(seq 1 60); do
      if mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1; then break; fi
      pid_alive "$db_pid" || { tail -n 30 "$DIR/mariadbd.err" >&2 || true; die "mariadbd exited"; }
      sleep 1
    done
    mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 \
      || { tail -n 30 "$DIR/mariadbd.err" >&2 || true; die "mariadbd did not come up"; }
  fi
  mariadb --no-defaults --socket="$SOCK" -uroot <<'EOF'
CREATE DATABASE IF NOT EXISTS glance CHARACTER SET utf8;
CREATE USER IF NOT EXISTS 'glance'@'127.0.0.1' IDENTIFIED BY 'glance';
CREATE USER IF NOT EXISTS 'glance'@'localhost' IDENTIFIED BY 'glance';
GRANT ALL PRIVILEGES ON glance.* TO 'glance'@'127.0.0.1';
GRANT ALL PRIVILEGES ON glance.* TO 'glance'@'localhost';
FLUSH PRIVILEGES;
EOF
  CONNECTION="mysql+pymysql://glance:glance@127.0.0.1:$MARIADB_PORT/glance?charset=utf8"
else
  CONNECTION="sqlite:///$DIR/glance.sqlite"
fi

# ---------------------------------------------------------------- config
cat >"$DIR/glance-api.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $PORT
workers = 1
debug = $DEBUG
use_stderr = False
log_file = $DIR/glance-api.log
image_member_quota = $QUOTA
enforce_secure_rbac = $SECURE_RBAC
node_staging_uri = file://$DIR/staging
$([ "$IMAGE_CACHE" = 1 ] && echo "image_cache_dir = $DIR/cache")
show_image_direct_url = False
show_multiple_locations = False
${GLANCE_EXTRA_DEFAULT:-}

[database]
connection = $CONNECTION

[glance_store]
stores = file,http
default_store = file
filesystem_store_datadir = $DIR/images

[os_glance_staging_store]
filesystem_store_datadir = $DIR/staging

[os_glance_tasks_store]
filesystem_store_datadir = $DIR/tasks

[oslo_concurrency]
lock_path = $DIR/locks

[oslo_policy]
enforce_new_defaults = $SECURE_RBAC
enforce_scope = False
policy_file = $DIR/policy.yaml
policy_dirs = $DIR/policy.d

[oslo_messaging_notifications]
driver = noop

[healthcheck]
backends = disable_by_file
disable_by_file_path = $DIR/healthcheck_disable

[paste_deploy]
$([ "$FLAVOR" = trusted ] && echo "flavor = trusted")
config_file = $DIR/glance-api-paste.ini
EOF

# trusted: Debian's [pipeline:glance-api-keystone] without `authtoken`.
# noauth: Debian's [pipeline:glance-api], the one used when no flavor is configured.
if [ "$FLAVOR" = trusted ]; then
  PIPELINE="[pipeline:glance-api-trusted]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler context rootapp"
else
  PIPELINE="[pipeline:glance-api]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler unauthenticated-context rootapp"
fi
cat >"$DIR/glance-api-paste.ini" <<EOF
$PIPELINE

[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app

[app:apiversions]
paste.app_factory = glance.api.versions:create_resource

[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory

[filter:healthcheck]
paste.filter_factory = oslo_middleware:Healthcheck.factory
backends = disable_by_file
disable_by_file_path = $DIR/healthcheck_disable

[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory

[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory

[filter:unauthenticated-context]
paste.filter_factory = glance.api.middleware.context:UnauthenticatedContextMiddleware.factory

[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = glance
oslo_config_program = glance-api

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
EOF

# ---------------------------------------------------------------- db_sync + start
log "glance-manage db_sync ($DB)"
"$PY" /usr/bin/glance-manage --config-file "$DIR/glance-api.conf" db_sync \
  >"$DIR/db_sync.log" 2>&1 </dev/null \
  || { tail -n 30 "$DIR/db_sync.log" >&2; die "glance-manage db_sync failed (log: $DIR/db_sync.log)"; }

log "starting glance-api on $URL (dir $DIR)"
setsid "$PY" /usr/bin/glance-api --config-file "$DIR/glance-api.conf" \
  </dev/null >>"$DIR/glance-api.out" 2>&1 &
api_pid=$!
STARTED+=("$api_pid")
record glance-api "$api_pid"

deadline=$((SECONDS + HEALTH_TIMEOUT))
until healthy "$PORT"; do
  if ! pid_alive "$api_pid"; then
    tail -n 40 "$DIR/glance-api.out" "$DIR/glance-api.log" >&2 2>/dev/null || true
    die "glance-api exited during start-up (logs in $DIR)"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    tail -n 40 "$DIR/glance-api.out" "$DIR/glance-api.log" >&2 2>/dev/null || true
    die "glance-api did not answer $URL/healthcheck within ${HEALTH_TIMEOUT}s (logs in $DIR)"
  fi
  sleep 0.5
done

cat >"$DIR/instance.env" <<EOF
GLANCE_URL=$URL
GLANCE_DB=$DB
GLANCE_PORT=$PORT
GLANCE_SECURE_RBAC=$SECURE_RBAC
GLANCE_FLAVOR=$FLAVOR
GLANCE_IMAGE_CACHE=$IMAGE_CACHE
GLANCE_IMAGE_MEMBER_QUOTA=$QUOTA
GLANCE_MARIADB_PORT=$([ "$DB" = mariadb ] && echo "$MARIADB_PORT")
EOF
log "ready: db=$DB flavor=$FLAVOR image_cache=$IMAGE_CACHE secure_rbac=$SECURE_RBAC image_member_quota=$QUOTA dir=$DIR"
echo "$URL"
