# Shared by the conformance scripts: start and stop real Glance instances and mocks.
# Everything started is recorded and stopped on exit.

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REAL="$ROOT/scripts/real-glance"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/glance-conformance.XXXXXX")"
GLANCE_DIRS=()
MOCK_PIDS=()

cleanup() {
  for pid in "${MOCK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for dir in "${GLANCE_DIRS[@]}"; do "$REAL/stop.sh" "$dir" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

# The deployments beside the default one (a case set each): how the real Glance and the
# mock are started for it.
real_flags() {
  case "$1" in
    noauth) echo "--flavor noauth" ;;
    no-image-cache) echo "--no-image-cache" ;;
  esac
}
mock_flags() {
  case "$1" in
    noauth) echo "--auth noauth" ;;
    no-image-cache) echo "--no-image-cache" ;;
  esac
}

# start_glance PROFILE PORT [POLICY] [SET]: a real Glance Zed, SQLite for sqlite, a private
# MariaDB for mysql, with secure RBAC for the secure-rbac policy, deployed as the case set
# SET needs (default: trusted headers with an image cache). Sets URL (not run in a
# subshell, so the cleanup list keeps what was started).
start_glance() {
  local profile="$1" port="$2" policy="${3:-legacy}" set="${4:-default}" db dir
  db=$([ "$profile" = mysql ] && echo mariadb || echo sqlite)
  dir="$WORK/glance-$profile-$policy-$set"
  GLANCE_DIRS+=("$dir")
  local flags=()
  [ "$policy" = secure-rbac ] && flags+=(--secure-rbac)
  # shellcheck disable=SC2207
  flags+=($(real_flags "$set"))
  "$REAL/start.sh" --db "$db" --port "$port" --dir "$dir" "${flags[@]}" >"$dir.out"
  URL=$(tail -n 1 "$dir.out")
}

# start_mock PROFILE [POLICY] [SET]: the mock on an ephemeral loopback port. Sets URL.
start_mock() {
  local profile="$1" policy="${2:-legacy}" set="${3:-default}"
  local log="$WORK/mock-$profile-$policy-$set.log"
  # shellcheck disable=SC2046
  node "$ROOT/bin/glance-mock.js" serve --port 0 --db-profile "$profile" --policy "$policy" $(mock_flags "$set") >"$log" 2>&1 &
  MOCK_PIDS+=("$!")
  URL=""
  for _ in $(seq 1 100); do
    URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 || true)
    [ -n "$URL" ] && return 0
    sleep 0.1
  done
  echo "the mock did not start: $(cat "$log")" >&2
  return 1
}
