#!/usr/bin/env bash
# The live proof CI runs: a real Glance Zed per profile (SQLite; MariaDB for mysql; SQLite with
# secure RBAC) and the mock with the matching options, diffed case by case. Any mismatch fails.
# Usage: scripts/conformance/live-diff.sh [REPORT_DIR]   (JSON reports go there)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
REPORTS="${1:-$WORK}"
mkdir -p "$REPORTS"
[ -f dist/cli.js ] || npm run build
status=0
for profile in sqlite mysql; do
  port=$([ "$profile" = mysql ] && echo "${GLANCE_MYSQL_PORT:-9494}" || echo "${GLANCE_SQLITE_PORT:-9493}")
  start_glance "$profile" "$port"
  real="$URL"
  start_mock "$profile"
  mock="$URL"
  echo "== conformance, $profile profile: mock $mock against real Glance $real"
  node bin/glance-mock.js conformance --target "$mock" --against "$real" --profile "$profile" \
    --report "$REPORTS/conformance-$profile.json" || status=1
done
policy=secure-rbac
start_glance sqlite "${GLANCE_RBAC_PORT:-9495}" "$policy"
real="$URL"
start_mock sqlite "$policy"
mock="$URL"
echo "== conformance, sqlite profile with $policy: mock $mock against real Glance $real"
node bin/glance-mock.js conformance --target "$mock" --against "$real" --profile sqlite \
  --report "$REPORTS/conformance-sqlite-$policy.json" || status=1
exit "$status"
