#!/usr/bin/env bash
# Installs what running the platform and its tests needs and a fresh machine may lack: the PostgreSQL server
# binaries (pg_ctl, initdb) and Chromium for the portal tests. Idempotent; needs root (or sudo) only to install.
set -euo pipefail
missing=()
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
[[ "${1:-}" == --platform-only ]] || command -v chromium >/dev/null || missing+=(chromium)
if ((${#missing[@]})); then
  echo "installing ${missing[*]} (apt-get)" >&2
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Debian package starts its own cluster on 5432; the platform runs its own and does not need that one.
if command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | grep -q online; then
  service postgresql stop >/dev/null 2>&1 || true
fi
