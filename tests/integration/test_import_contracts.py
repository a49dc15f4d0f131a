"""The import contracts in pyproject.toml (run by `lint-imports` in the README's test command) hold today, and each
one breaks when what it forbids comes back: a Streamlit import in de_core, a circle (even one hidden under
`if TYPE_CHECKING:`), a capability imported by a lower layer. Each violation is planted in a copy of the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(where: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(where)}  # the copy comes before the installed (editable) project
    return subprocess.run([str(LINT), "--no-cache", "--no-logo"], cwd=where, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def copy(tmp_path) -> Path:
    for name in ("de_core", "de_ui", "sheets_schema"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def plant(root: Path, module: str, line: str) -> None:
    path = root / Path(*module.split(".")).with_suffix(".py")
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("\nfrom __future__ import annotations\n")
    path.write_text(f"{head}\nfrom __future__ import annotations\n{line}\n{rest}", encoding="utf-8")


def test_the_contracts_hold_for_the_code_as_it_is():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("de_core.sheet.raw", "import streamlit  # noqa", "de_core imports no Streamlit and nothing of de_ui"),
    ("de_core.cycle.feed", "from de_ui import i18n  # noqa", "de_core imports no Streamlit and nothing of de_ui"),
    ("de_core.writing.writer", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
     "    from de_core.writing.outbox import Outbox  # noqa", "no import circle"),
    ("de_core.store.google.book", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
     "    from de_core.store.google.store import GoogleSheetStore  # noqa", "no import circle"),
    ("de_core.store.local", "from de_core.cycle import progress  # noqa", "de_core layers"),
    ("de_core.cycle.progress", "from de_core.ita import score  # noqa", "de_core layers"),
    ("de_core.activities.budget", "from de_core.ita import score  # noqa", "de_core layers"),
])
def test_each_contract_breaks_when_what_it_forbids_comes_back(copy, module, line, contract):
    plant(copy, module, line)
    result = lint(copy)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(row.startswith(contract) for row in broken), result.stdout
