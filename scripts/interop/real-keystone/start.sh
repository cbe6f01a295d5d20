#!/usr/bin/env bash
# Start a real OpenStack Keystone (Debian bookworm's python3-keystone, Zed 22.0.2) on the
# loopback under /identity, as devstack lays it out: the oracle the built-in Keystone of
# glance-mock was checked against (src/keystone/, test/keystone.*.test.ts).
#
# Usage: start.sh [DIR] [PORT]     (defaults: a fresh mktemp dir, port 5000)
#
# SQLite in DIR, Fernet tokens. Bootstraps user `admin` / `secret` (role admin on project
# `admin`) and user `demo` / `demo-pw` (role member on project `demo`), both in domain
# `Default`. Writes DIR/pid; the last stdout line is the identity URL
# (http://127.0.0.1:PORT/identity). Stop with: kill "$(cat DIR/pid)".
# Installs python3-keystone with apt-get when missing (root, noninteractive).
set -euo pipefail

DIR="${1:-$(mktemp -d /tmp/real-keystone.XXXXXX)}"
PORT="${2:-5000}"
PY=/usr/bin/python3
mkdir -p "$DIR"

if ! "$PY" -c 'import keystone' 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -q >&2
  apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends python3-keystone >&2
fi

cat > "$DIR/keystone.conf" <<CONF
[DEFAULT]
log_file = $DIR/keystone.log
[database]
connection = sqlite:///$DIR/keystone.db
[token]
provider = fernet
[fernet_tokens]
key_repository = $DIR/fernet-keys
[fernet_receipts]
key_repository = $DIR/fernet-keys
[credential]
key_repository = $DIR/credential-keys
CONF

manage() {
  "$PY" -c 'import sys; from keystone.cmd.manage import main; sys.argv[0] = "keystone-manage"; sys.exit(main())' \
    --config-file "$DIR/keystone.conf" "$@" >>"$DIR/manage.log" 2>&1
}
if [ ! -f "$DIR/keystone.db" ]; then
  manage db_sync
  manage fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)"
  manage credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)"
  URL="http://127.0.0.1:$PORT/identity"
  manage bootstrap --bootstrap-password secret --bootstrap-admin-url "$URL" --bootstrap-public-url "$URL" \
    --bootstrap-internal-url "$URL" --bootstrap-region-id RegionOne
  # A second bootstrap adds a member user on its own project (it also grants that role system-wide).
  manage bootstrap --bootstrap-username demo --bootstrap-password demo-pw --bootstrap-project-name demo \
    --bootstrap-role-name member
fi

cat > "$DIR/serve.py" <<PYEOF
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.serving import run_simple
from werkzeug.wrappers import Response
from keystone.server.flask import core
app = core.initialize_application(name='public', config_files=['$DIR/keystone.conf'])
run_simple('127.0.0.1', $PORT, DispatcherMiddleware(Response('', status=404), {'/identity': app}), threaded=False)
PYEOF
nohup "$PY" "$DIR/serve.py" >"$DIR/serve.log" 2>&1 &
echo $! >"$DIR/pid"
for _ in $(seq 1 60); do
  if "$PY" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/identity/v3', timeout=2)" 2>/dev/null; then
    echo "http://127.0.0.1:$PORT/identity"
    exit 0
  fi
  sleep 1
done
echo "start.sh: keystone did not answer; see $DIR/serve.log" >&2
kill "$(cat "$DIR/pid")" 2>/dev/null || true
exit 1
