#!/usr/bin/env bash
# Create or update the project's virtual environment in .venv: torch first (the CPU build where there is no
# NVIDIA GPU, so pip never pulls gigabytes of CUDA packages), then the project with its dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
VPY=.venv/bin/python
stamp=.venv/.insert-reader-installed
want=$(cat pyproject.toml packaging/setup.sh | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && "$VPY" -c "import desktop_app, torch" 2>/dev/null; then
  exit 0
fi
"$VPY" -m pip install -q --upgrade pip
if ! "$VPY" -c "import torch" 2>/dev/null; then
  if command -v nvidia-smi >/dev/null 2>&1; then
    "$VPY" -m pip install -q "torch>=2.4,<2.15"       # a CUDA build, for HunyuanOCR on the workstation GPU
  else
    "$VPY" -m pip install -q "torch==2.13.0"          # the CPU build
  fi
fi
"$VPY" -m pip install -q -e ".[dev]"
echo "$want" > "$stamp"
