#!/usr/bin/env bash
# Install the Debian (bookworm) OpenStack clients the interop suite runs against the mock:
# python3-openstackclient (/usr/bin/openstack), python3-glanceclient (/usr/bin/glance),
# python3-openstacksdk, and pytest with requests for the Python suite (test/interop/python).
# Idempotent: does nothing when all are installed. Root or sudo, no stdin needed.
set -euo pipefail

PACKAGES=(python3-openstackclient python3-glanceclient python3-openstacksdk python3-pytest python3-requests)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-clients.sh: already installed: ${PACKAGES[*]}" >&2
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-clients.sh: needs root or sudo" >&2; exit 1; }
  SUDO=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-o DPkg::Lock::Timeout=900 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
echo "install-clients.sh: installing ${missing[*]}" >&2
"${SUDO[@]}" apt-get "${APT_OPTS[@]}" update -q
"${SUDO[@]}" apt-get "${APT_OPTS[@]}" install -y -q --no-install-recommends "${missing[@]}"
for bin in /usr/bin/openstack /usr/bin/glance; do
  [ -x "$bin" ] || { echo "install-clients.sh: $bin missing after install" >&2; exit 1; }
done
/usr/bin/python3 -c 'import openstack, pytest, requests' || { echo "install-clients.sh: openstacksdk, pytest or requests not importable by /usr/bin/python3" >&2; exit 1; }
