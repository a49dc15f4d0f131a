"""CSV export: each tab as typed, UTF-8 with a BOM for Excel, round-trips; all tabs in one zip."""

import io
import zipfile

from de_core.documents.export import BOM, csv_files, csv_name, csv_zip, read_csv, tab_csv
from de_core.sheet.raw import RawTab, RawWorkbook


def test_a_tab_exports_with_a_utf8_bom_and_crlf_lines():
    data = tab_csv(RawTab("กิจกรรม", [["รหัส", "กิจกรรม"], ["act-1", "ประชุม"]]))
    assert data.startswith(BOM.encode("utf-8"))
    assert data.decode("utf-8-sig") == "รหัส,กิจกรรม\r\nact-1,ประชุม\r\n"


def test_cells_round_trip_as_typed_including_commas_quotes_and_newlines_and_a_formula_is_neutralised():
    rows = [["รหัส", "จำนวนเงิน", "หมายเหตุ"],
            ["e1", "๑๐,๐๐๐ บาท", 'เขียนว่า "ด่วน"\nบรรทัดสอง'],
            ["e2", "001", "=1+1"],
            ["e3", "", " ช่องว่างหน้า"]]
    assert read_csv(tab_csv(RawTab("ค่าใช้จ่าย", rows))) == [*rows[:2], ["e2", "001", "'=1+1"], rows[3]]


def test_ragged_rows_are_padded_to_the_widest_row():
    rows = read_csv(tab_csv(RawTab("x", [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]])))
    assert [len(r) for r in rows] == [4, 4, 4]
    assert rows[1] == ["1", "", "", ""]


def test_an_empty_tab_exports_as_just_the_bom():
    assert tab_csv(RawTab("ว่าง", [])) == BOM.encode("utf-8")


def test_file_names_use_the_tab_key_or_a_cleaned_title(schema):
    assert csv_name("กิจกรรม", schema) == "activities.csv"
    assert csv_name("Activities", schema) == "activities.csv"
    assert csv_name('แผน/ปี "66"', schema) == "แผน_ปี _66_.csv"


def test_the_zip_holds_one_csv_per_tab_of_the_demo(demo_raw, schema):
    archive = zipfile.ZipFile(io.BytesIO(csv_zip(demo_raw, schema)))
    names = archive.namelist()
    assert len(names) == len(demo_raw.tabs) and "activities.csv" in names and "settings.csv" in names
    rows = read_csv(archive.read("activities.csv"))
    assert rows == [r + [""] * (len(rows[0]) - len(r)) for r in demo_raw.tabs["กิจกรรม"].rows]
    assert any("๔๐,๐๐๐ บาท" in cell for row in rows for cell in row)


def test_two_tabs_mapping_to_the_same_name_keep_both_files(schema):
    raw = RawWorkbook()
    raw.add(RawTab("กิจกรรม", [["รหัส"], ["a"]]))
    raw.add(RawTab("activities", [["รหัส"], ["b"]]))
    files = csv_files(raw, schema)
    assert list(files) == ["activities.csv", "activities-2.csv"]
    assert read_csv(files["activities-2.csv"]) == [["รหัส"], ["b"]]
