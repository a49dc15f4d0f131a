"""The code's shape stays as docs/ARCHITECTURE.md draws it: packages named there and nowhere else, thin pages that
import only de_ui and de_core, short modules, and every package saying what it owns and may import."""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "de_core"
PAGE_LINES = 80
MODULE_LINES = 300
ROOT_MODULES = {"__init__.py", "thaidate.py"}  # the one cross-cutting module: the Thai calendar and formats
PAGE_IMPORTS = {"de_core", "de_ui", "streamlit", "__future__"}


def packages() -> set[str]:
    """Every package of de_core (a folder with an __init__.py), dotted."""
    return {".".join(init.parent.relative_to(ROOT).parts) for init in CORE.rglob("__init__.py")}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_pages_import_only_de_ui_de_core_streamlit_and_the_standard_library():
    pages = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py"))]
    wrong = {f"{p.relative_to(ROOT)}: {name}" for p in pages for name in _imports(p)
             if name.split(".")[0] not in PAGE_IMPORTS | set(sys.stdlib_module_names)}
    assert not wrong, "pages draw; parsing, maths and data frames belong in de_core or de_ui:\n" + "\n".join(sorted(wrong))


def test_the_page_import_check_catches_a_page_that_imports_pandas(tmp_path):
    page = tmp_path / "page.py"
    page.write_text("import pandas as pd\nfrom de_core.sheet import parse\n", encoding="utf-8")
    assert _imports(page) == {"pandas", "de_core.sheet"}


def test_every_page_is_at_most_eighty_lines():
    long = {p.name: n for p in (ROOT / "pages").glob("*.py") if (n := len(p.read_text().splitlines())) > PAGE_LINES}
    assert not long, f"pages over {PAGE_LINES} lines (move what they repeat into de_ui): {long}"


def test_no_de_core_module_is_over_three_hundred_lines():
    long = {str(p.relative_to(ROOT)): n for p in CORE.rglob("*.py") if (n := len(p.read_text().splitlines())) > MODULE_LINES}
    assert not long, f"split these by responsibility: {long}"


def test_de_core_keeps_its_modules_inside_packages():
    loose = {p.name for p in CORE.glob("*.py")} - ROOT_MODULES
    assert not loose, f"put these in the package that owns them (docs/ARCHITECTURE.md): {sorted(loose)}"


def test_every_package_says_what_it_owns_and_what_it_may_import():
    silent = []
    for name in sorted(packages()):
        init = ROOT / Path(*name.split(".")) / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        if not doc or not re.search(r"\b(may import|imports nothing|see docs/ARCHITECTURE\.md)", doc, re.I):
            silent.append(name)
    assert not silent, f"give these __init__.py a docstring: what the package owns and what it may import: {silent}"


def _architecture_packages() -> set[str]:
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    table = text.split("## Packages", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\|\s*`(de_core(?:\.\w+)*)`", table, flags=re.M))


def test_the_architecture_document_names_exactly_the_packages_that_exist():
    named, actual = _architecture_packages(), packages()
    assert not named - actual, f"docs/ARCHITECTURE.md names packages that no longer exist: {sorted(named - actual)}"
    assert not actual - named, f"packages missing from docs/ARCHITECTURE.md's table: {sorted(actual - named)}"


def _exists(dotted: str) -> bool:
    path = ROOT / Path(*dotted.split("."))
    return (path / "__init__.py").is_file() or path.with_suffix(".py").is_file()


def test_the_architecture_document_draws_its_layers_as_a_mermaid_diagram_of_the_real_packages():
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    diagrams = re.findall(r"```mermaid\n(.+?)\n```", text, flags=re.S)
    assert diagrams, "GitHub renders ```mermaid blocks: draw the layers with one"
    drawn = set(re.findall(r"\b(de_core(?:\.\w+)+)", diagrams[0]))
    assert {p for p in packages() if p.count(".") == 1} <= drawn, "the layer diagram leaves out a package"
    assert all(_exists(name) for name in drawn), f"it draws what does not exist: {sorted(n for n in drawn if not _exists(n))}"
