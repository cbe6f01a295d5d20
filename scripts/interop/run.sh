#!/usr/bin/env bash
# CI entry for the interop suite: install the real Debian OpenStack clients, then run
# `npm run test:interop` (the mock in-process on 127.0.0.1, each client call bounded). One test
# records the openstack CLI through `glance-mock record` and plays the scenario back on a real
# Glance Zed it starts on port SCENARIO_GLANCE_PORT (9499). Then the Python suite (pytest: one
# `glance-mock serve`, a namespace per test, openstacksdk).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/interop/install-clients.sh
npm run test:interop
npm run build
PYTHONDONTWRITEBYTECODE=1 timeout 600 /usr/bin/python3 -m pytest -q -p no:cacheprovider test/interop/python
