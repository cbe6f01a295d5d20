#!/usr/bin/env bash
# The live proof CI runs: a real Glance Zed per profile (SQLite; MariaDB for mysql; SQLite with
# secure RBAC), then the two other deployments on SQLite (Glance without Keystone, Glance
# without an image cache), each with the mock started the same way, diffed case by case.
# Any mismatch fails. On each real Glance deployed with Keystone's trusted headers (the default
# case set), the shipped scenarios (scenarios/) are played too, each where its `requires` applies.
# Usage: scripts/conformance/live-diff.sh [REPORT_DIR]   (JSON reports go there)
# Ports: GLANCE_SQLITE_PORT (9493), GLANCE_MYSQL_PORT (9494), GLANCE_RBAC_PORT (9495),
#        GLANCE_NOAUTH_PORT (9496), GLANCE_NOCACHE_PORT (9497).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
REPORTS="${1:-$WORK}"
mkdir -p "$REPORTS"
[ -f dist/cli.js ] || npm run build
status=0

# diff PROFILE PORT POLICY SET REPORT
diff_live() {
  local profile="$1" port="$2" policy="$3" set="$4" report="$5" real mock
  start_glance "$profile" "$port" "$policy" "$set"
  real="$URL"
  start_mock "$profile" "$policy" "$set"
  mock="$URL"
  echo "== conformance, $profile profile, $policy policy, $set cases: mock $mock against real Glance $real"
  node bin/glance-mock.js conformance --target "$mock" --against "$real" --profile "$profile" --policy "$policy" --set "$set" \
    --report "$REPORTS/$report.json" || status=1
  if [ "$set" = default ]; then
    echo "== scenarios, $profile profile, $policy policy: against real Glance $real"
    node bin/glance-mock.js play scenarios/ --target "$real" --profile "$profile" --policy "$policy" \
      --reporter junit --out "$REPORTS/scenarios-$profile-$policy.xml" || status=1
  fi
}

diff_live sqlite "${GLANCE_SQLITE_PORT:-9493}" legacy default conformance-sqlite
diff_live mysql "${GLANCE_MYSQL_PORT:-9494}" legacy default conformance-mysql
diff_live sqlite "${GLANCE_RBAC_PORT:-9495}" secure-rbac default conformance-sqlite-secure-rbac
diff_live sqlite "${GLANCE_NOAUTH_PORT:-9496}" legacy noauth conformance-noauth
diff_live sqlite "${GLANCE_NOCACHE_PORT:-9497}" legacy no-image-cache conformance-no-image-cache
exit "$status"
