#!/usr/bin/env bash
# Set up (first run only) and start the desktop app. Extra arguments go to main.py (e.g. gui --watch DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
exec .venv/bin/python main.py "$@"
