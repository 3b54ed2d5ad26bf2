#!/usr/bin/env bash
# Starts the whole platform on this machine (PostgreSQL, the Kafka dev broker, every service and the portal) and
# prints where everything answers. Ctrl+C stops it. Extra arguments go to AppHost (e.g. --Ports:portal:Http=8000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/ensure-dependencies.sh --platform-only
exec dotnet run --project AppHost -- "$@"
