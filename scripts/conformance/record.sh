#!/usr/bin/env bash
# Refresh the recorded expectations from a real Glance Zed:
#   src/conformance/expected/{mysql,sqlite}.json   the default cases, MariaDB- and SQLite-backed
#   src/conformance/expected/noauth.json           Glance without Keystone (SQLite)
#   src/conformance/expected/no-image-cache.json   Glance without image_cache_dir (SQLite)
# Installs Glance from Debian's packages if missing (root, apt). Usage: npm run conformance:record
# Ports: as live-diff.sh (GLANCE_SQLITE_PORT, GLANCE_MYSQL_PORT, GLANCE_NOAUTH_PORT, GLANCE_NOCACHE_PORT).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
[ -f dist/cli.js ] || npm run build

# record PROFILE PORT SET FILE
record() {
  start_glance "$1" "$2" legacy "$3"
  node bin/glance-mock.js conformance --target "$URL" --profile "$1" --set "$3" --record "src/conformance/expected/$4.json"
}

record sqlite "${GLANCE_SQLITE_PORT:-9493}" default sqlite
record mysql "${GLANCE_MYSQL_PORT:-9494}" default mysql
record sqlite "${GLANCE_NOAUTH_PORT:-9496}" noauth noauth
record sqlite "${GLANCE_NOCACHE_PORT:-9497}" no-image-cache no-image-cache
