"""The page registry: every page file exists, titles are translated, and no URL equals a file name."""

from pathlib import Path

from de_core.display.i18n import STRINGS
from de_ui.nav import PAGES

ROOT = Path(__file__).resolve().parents[2]


def test_every_registered_page_exists_and_has_a_translated_title():
    for page in PAGES:
        assert (ROOT / page.file).is_file(), page.file
        assert page.title_key in STRINGS, page.title_key


def test_no_url_path_equals_a_page_file_name_so_deep_links_always_run_the_entry_script():
    stems = {p.stem for p in (ROOT / "pages").glob("*.py")}
    clashes = [p.url_path for p in PAGES if p.url_path in stems]
    assert clashes == []


def test_url_paths_are_unique():
    paths = [p.url_path for p in PAGES]
    assert len(paths) == len(set(paths))
