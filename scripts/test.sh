#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, then runs them all.
# This is the README's test command; .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

# A real browser for the end-to-end tests: Debian's chromium (never a download).
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests…" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# A real PostgreSQL at 127.0.0.1:5432 for the store contract tests (started if it is installed but stopped).
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
fi

# Native addons (better-sqlite3) build against this Node's own headers: nothing is downloaded.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ] && ! npm config get nodedir 2>/dev/null | grep -q /; then
  export npm_config_nodedir=/usr
fi

npm ci --no-audit --no-fund
npm test
