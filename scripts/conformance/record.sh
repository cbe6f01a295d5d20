#!/usr/bin/env bash
# Refresh the recorded expectations (src/conformance/expected/{mysql,sqlite}.json) from a
# real Glance Zed: MariaDB-backed for the mysql profile, SQLite-backed for sqlite.
# Installs Glance from Debian's packages if missing (root, apt). Usage: npm run conformance:record
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
[ -f dist/cli.js ] || npm run build
for profile in sqlite mysql; do
  port=$([ "$profile" = mysql ] && echo "${GLANCE_MYSQL_PORT:-9494}" || echo "${GLANCE_SQLITE_PORT:-9493}")
  start_glance "$profile" "$port"
  url="$URL"
  node bin/glance-mock.js conformance --target "$url" --profile "$profile" \
    --record "src/conformance/expected/$profile.json"
done
