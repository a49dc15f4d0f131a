"""The README's two commands stay true: CI runs exactly the test command, and both are POSIX one-liners."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, flags=re.S)


def test_readme_has_exactly_two_set_up_commands_one_runs_the_app_one_the_tests():
    run, test = _readme_commands()
    assert "streamlit run streamlit_app.py" in run and "python3 -m venv .venv" in run
    assert "pytest" in test and "ruff check" in test and "python3 -m venv .venv" in test


def test_ci_runs_the_readme_test_command_verbatim():
    _run, test = _readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
