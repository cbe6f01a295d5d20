#!/usr/bin/env bash
# Refresh the recorded expectations from a real Glance Zed:
#   src/conformance/expected/{mysql,sqlite}.json   the default cases, MariaDB- and SQLite-backed
#   src/conformance/expected/sqlite-secure-rbac.json  the default cases, SQLite, secure RBAC
#   src/conformance/expected/noauth.json           Glance without Keystone (SQLite)
#   src/conformance/expected/no-image-cache.json   Glance without image_cache_dir (SQLite)
# Installs Glance from Debian's packages if missing (root, apt). Usage: npm run conformance:record
# Arguments go to every `glance-mock conformance --record`: `npm run conformance:record -- --only
# PREFIX` records just those cases, each file keeping the answers of its other cases.
# Ports: as live-diff.sh (GLANCE_SQLITE_PORT, GLANCE_MYSQL_PORT, GLANCE_RBAC_PORT, GLANCE_NOAUTH_PORT,
#        GLANCE_NOCACHE_PORT).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
[ -f dist/cli.js ] || npm run build

# record PROFILE PORT POLICY SET FILE
record() {
  start_glance "$1" "$2" "$3" "$4"
  node bin/glance-mock.js conformance --target "$URL" --profile "$1" --policy "$3" --set "$4" \
    --record "src/conformance/expected/$5.json" "${EXTRA[@]}"
}
EXTRA=("$@")

record sqlite "${GLANCE_SQLITE_PORT:-9493}" legacy default sqlite
record mysql "${GLANCE_MYSQL_PORT:-9494}" legacy default mysql
record sqlite "${GLANCE_RBAC_PORT:-9495}" secure-rbac default sqlite-secure-rbac
record sqlite "${GLANCE_NOAUTH_PORT:-9496}" legacy noauth noauth
record sqlite "${GLANCE_NOCACHE_PORT:-9497}" legacy no-image-cache no-image-cache
