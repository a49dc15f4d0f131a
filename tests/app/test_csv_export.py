"""Import/export page, CSV part: every tab can be downloaded as CSV, one at a time or all in a zip, by anyone."""

from tests.app.conftest import assert_clean


def _labels(at) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_a_viewer_can_download_each_tab_as_csv_and_all_tabs_as_a_zip(run_page, store):
    at = run_page("pages/data.py", deployed=True)
    assert_clean(at)
    picker = at.selectbox(key="csv_tab")
    assert picker.options == list(store.read_all().tabs) and "กิจกรรม" in picker.options
    labels = _labels(at)
    assert "ดาวน์โหลดแท็บ «ตั้งค่า» (.csv)" in labels and any(".zip" in label for label in labels)


def test_choosing_a_tab_names_it_on_the_csv_button(run_page, store):
    at = run_page("pages/data.py", deployed=True)
    at.selectbox(key="csv_tab").set_value("กิจกรรม").run()
    assert "ดาวน์โหลดแท็บ «กิจกรรม» (.csv)" in _labels(at)


def test_the_csv_part_reads_in_english(run_page, store):
    at = run_page("pages/data.py", "en", deployed=True)
    assert_clean(at)
    assert "Download every tab (.zip of CSV files)" in _labels(at)
    assert "Download the «ตั้งค่า» tab (.csv)" in _labels(at)
