#!/usr/bin/env bash
# Verify every pact in contracts/ against a real Glance Zed on MariaDB (so the 500 of a member
# id over 255 characters is real), its provider states set up through the public API.
# Any failed interaction fails the script. Glance runs with image_member_quota 5, so that
# "the image has reached its member limit" takes five calls.
#
# Usage: scripts/pact/verify-real-glance.sh [PACT_FILE_OR_DIR...]   (default: contracts/)
# Env: PACT_GLANCE_PORT (default 9498; its MariaDB on port+10000).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT="${PACT_GLANCE_PORT:-9498}"
DIR="$(mktemp -d "${TMPDIR:-/tmp}/glance-pact.XXXXXX")"
trap '"$ROOT/scripts/real-glance/stop.sh" "$DIR/glance" >/dev/null 2>&1 || true; rm -rf "$DIR"' EXIT
export PACT_DO_NOT_TRACK=true

[ $# -gt 0 ] || set -- "$ROOT/contracts"
pacts=()
for pact in "$@"; do pacts+=(--pact "$pact"); done

"$ROOT/scripts/real-glance/start.sh" --db mariadb --port "$PORT" --dir "$DIR/glance" --image-member-quota 5 >"$DIR/start.out"
URL="$(tail -n 1 "$DIR/start.out")"
echo "real Glance Zed on MariaDB at $URL"
# Pact's verifier prints each interaction; the summary at the end names every failure.
node "$ROOT/bin/glance-mock.js" verify "${pacts[@]}" --provider-base-url "$URL" --real-glance >"$DIR/verify.out" 2>&1 || {
  cat "$DIR/verify.out"
  exit 1
}
sed -n '/^verified against/,$p' "$DIR/verify.out"
