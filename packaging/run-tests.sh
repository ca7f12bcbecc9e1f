#!/usr/bin/env bash
# Set up (system packages where we may install them, the virtual environment) and run lint, types and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1; then
  bash packaging/system-deps.sh
fi
bash packaging/setup.sh
.venv/bin/ruff check .
.venv/bin/mypy
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
