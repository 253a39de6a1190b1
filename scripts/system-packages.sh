#!/usr/bin/env bash
# The Debian packages that WeasyPrint, the PDF tests and the browser tests need, and any named
# as arguments (`make bench` adds wrk).
# Installs the missing ones when run as root on Debian; otherwise says exactly what to install.
set -euo pipefail

PACKAGES=(chromium poppler-utils libharfbuzz-subset0 "$@")

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "These system packages are missing; install them, then run make again:" >&2
  echo "    sudo apt-get install ${missing[*]}" >&2
  echo "(Browser and PDF tests cannot run without them.)" >&2
fi
