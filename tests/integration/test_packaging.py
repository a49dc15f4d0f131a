"""The wheel carries every package: built from a copy of the project (packages discovered, not listed), installed
into a fresh virtual environment, and every module of de_core, de_ui and sheets_schema imported from there."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("de_core", "de_ui", "sheets_schema")

# Runs inside the fresh venv: import every module found on disk in the installed packages, then use the data
# files (the schema and the demo CSVs), and report where each package was imported from.
PROBE = """
import importlib, json, pkgutil, sys
names = []
for top in sys.argv[1:]:
    package = importlib.import_module(top)
    names.append(top)
    for info in pkgutil.walk_packages(package.__path__, top + "."):
        importlib.import_module(info.name)
        names.append(info.name)
from de_core.ops.demo import demo_workbook
demo = demo_workbook()
print(json.dumps({"modules": names, "files": {t: importlib.import_module(t).__file__ for t in sys.argv[1:]},
                  "demo_tabs": len(demo.tabs)}))
"""


def source_modules() -> set[str]:
    """Every module and package of the shipped packages, from the source tree."""
    found = set()
    for top in SHIPPED:
        for path in (ROOT / top).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_the_wheel_installs_every_package_and_each_module_imports_from_it(tmp_path):
    project = tmp_path / "project"
    for name in SHIPPED:
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist),
                    str(project)], check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("sujarit_de_dashboard-*.whl"))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True,
                   capture_output=True, timeout=300)
    # The dependencies (streamlit, pandas...) come from this test run's environment, after the fresh venv's own
    # site-packages; the project itself is found only in the fresh venv (the copy and the checkout are elsewhere).
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    probe = subprocess.run([str(python), "-c", PROBE, *SHIPPED], cwd=tmp_path, env=env, capture_output=True,
                           text=True, timeout=300)
    assert probe.returncode == 0, probe.stderr[-3000:]
    found = json.loads(probe.stdout.strip().splitlines()[-1])
    assert all(Path(f).is_relative_to(venv) for f in found["files"].values()), found["files"]
    assert set(found["modules"]) == source_modules(), sorted(source_modules() ^ set(found["modules"]))
    assert found["demo_tabs"] > 10  # the schema and demo CSVs travel as package data
