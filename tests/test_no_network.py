"""Nothing in the app touches the network unless the user asks for a download.

Each check runs in a fresh Python process whose sockets cannot connect: ``socket.socket.connect``,
``connect_ex`` and ``socket.create_connection`` are replaced before anything else is imported, and every
attempt is recorded (and fails). Then the process imports every ``desktop_app`` module, runs the command line,
loads and runs HunyuanOCR from a tiny local checkpoint, and tries ``model download`` with HF_HUB_OFFLINE=1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import tiny_hunyuan

ROOT = Path(__file__).resolve().parents[1]

GUARD = textwrap.dedent(
    """
    import json, socket, sys
    ATTEMPTS = []

    def _blocked(name):
        def refuse(*args, **kwargs):
            ATTEMPTS.append(f"{name}{args[1:2] if name != 'create_connection' else args[:1]!r}")
            raise OSError(f"network disabled by the test ({name})")
        return refuse

    socket.socket.connect = _blocked("connect")
    socket.socket.connect_ex = _blocked("connect_ex")
    socket.create_connection = _blocked("create_connection")

    def report(**facts):
        print("REPORT=" + json.dumps({"attempts": ATTEMPTS, **facts}, ensure_ascii=False))
    """
)


def run_guarded(body: str, tmp_path: Path, **env_extra: str) -> dict[str, object]:
    script = tmp_path / "guarded.py"
    script.write_text(GUARD + textwrap.dedent(body), encoding="utf-8")
    env = {
        **os.environ,
        "INSERT_READER_DATA": str(tmp_path / "data"),
        "HF_HUB_CACHE": str(tmp_path / "hf-cache"),
        "INSERT_READER_MODEL_DIR": "",
        **env_extra,
    }
    proc = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    reports = [line for line in proc.stdout.splitlines() if line.startswith("REPORT=")]
    assert proc.returncode == 0 and reports, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    facts: dict[str, object] = json.loads(reports[-1][len("REPORT=") :])
    return facts


def test_guard_catches_a_connection(tmp_path: Path) -> None:
    """The guard itself works (else the tests below could not fail)."""
    facts = run_guarded(
        """
        import urllib.request
        try:
            urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
        except OSError:
            pass
        report()
        """,
        tmp_path,
    )
    assert facts["attempts"], facts


def test_imports_help_and_model_info_do_not_connect(tmp_path: Path) -> None:
    facts = run_guarded(
        f"""
        import contextlib, importlib, io, pkgutil, sys
        import desktop_app

        try:
            import PySide6.QtCore  # noqa: F401
            has_qt = True
        except ImportError:
            has_qt = False
        imported, errors = [], []
        for mod in pkgutil.walk_packages(desktop_app.__path__, "desktop_app."):
            if mod.name.startswith("desktop_app.ui") and not has_qt:
                continue
            try:
                importlib.import_module(mod.name)
                imported.append(mod.name)
            except Exception as exc:
                errors.append(f"{{mod.name}}: {{type(exc).__name__}}: {{exc}}")

        from desktop_app.cli import main

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                main(["--help"])
            except SystemExit:
                pass
            info_rc = main(["model", "info", "--data-dir", {str(tmp_path / "empty-data")!r}])
            json_rc = main(["model", "info", "--json", "--data-dir", {str(tmp_path / "empty-data")!r}])
        report(imported=imported, errors=errors, info_rc=info_rc, json_rc=json_rc, output=out.getvalue())
        """,
        tmp_path,
    )
    assert facts["attempts"] == [], facts["attempts"]
    assert facts["errors"] == [], facts["errors"]
    imported = facts["imported"]
    assert isinstance(imported, list)
    for name in (
        "desktop_app.core.engines.hunyuan_local",
        "desktop_app.core.engines.hunyuan_remote",
        "desktop_app.core.models",
        "desktop_app.commands.model",
        "desktop_app.core.engines.select",
    ):
        assert name in imported
    output = str(facts["output"])
    assert "未安装 HunyuanOCR 模型" in output and '"installed": false' in output
    assert facts["info_rc"] == 0 and facts["json_rc"] == 0


def test_hunyuan_reads_offline(tmp_path: Path) -> None:
    model_dir = tiny_hunyuan.build_tiny_checkpoint(tmp_path / "model")
    facts = run_guarded(
        f"""
        from PIL import Image
        from desktop_app.core.engines.hunyuan_local import HunyuanLocalEngine

        engine = HunyuanLocalEngine({str(model_dir)!r})
        result = engine.read(Image.new("RGB", (320, 400), "white"))
        report(engine=result.engine, lines=[line.text for line in result.lines])
        """,
        tmp_path,
    )
    assert facts["attempts"] == [], facts["attempts"]
    assert facts["engine"] == "hunyuanocr" and facts["lines"] == list(tiny_hunyuan.DOC_LINES)


def test_download_when_offline_says_so(tmp_path: Path) -> None:
    facts = run_guarded(
        f"""
        import contextlib, io
        from desktop_app.cli import main

        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            rc = main(["model", "download", "--accept-license", "--data-dir", {str(tmp_path / "d")!r}])
        report(rc=rc, stderr=err.getvalue())
        """,
        tmp_path,
        HF_HUB_OFFLINE="1",
    )
    assert facts["rc"] == 1
    assert "无法从 Hugging Face 下载" in str(facts["stderr"]) and "model import" in str(facts["stderr"])
    assert facts["attempts"] == [], facts["attempts"]
    assert not (tmp_path / "d" / "models" / "HunyuanOCR").exists()
