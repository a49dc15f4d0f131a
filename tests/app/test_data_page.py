"""Import/export page: everyone can download the workbook; only an editor can import."""

from de_core.documents.xlsx import read_xlsx
from tests.app.conftest import assert_clean, page_text


def test_the_whole_workbook_downloads_as_xlsx(run_page, store):
    at = run_page("pages/data.py")
    assert_clean(at)
    button = at.get("download_button")[0]
    assert "xlsx" in button.proto.label


def test_a_deployed_viewer_cannot_import(run_page, store):
    at = run_page("pages/data.py", deployed=True)
    assert_clean(at)
    assert "ผู้ชมดูได้อย่างเดียว" in page_text(at)
    assert not at.get("file_uploader")


def test_xlsx_reader_reads_the_export_of_the_demo(store):
    from de_core.documents.xlsx import write_xlsx

    raw = read_xlsx(write_xlsx(store.read_all()))
    assert len(raw.tabs["กิจกรรม"].rows) == len(store.read_all().tabs["กิจกรรม"].rows)
