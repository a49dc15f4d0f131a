"""HTML blocks for st.html: sheet text only ever as text, links only to URLs the parser accepts, tables that
keep every cell whole (no None), and the stylesheet's phone and narrow-column rules."""

from de_core.display import html
from de_core.display.html_style import STYLE


def test_text_is_escaped_quotes_too_and_line_breaks_kept():
    assert html.esc('<b>"x"</b> & y\nz') == "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y<br>\nz"
    assert html.esc(None) == "" and html.attr('a\n"b"') == "a &quot;b&quot;"


def test_only_urls_the_parser_accepts_as_they_are_become_links():
    assert html.safe_url("https://example.go.th/a?b=1") == "https://example.go.th/a?b=1"
    for bad in ("javascript:alert(1)", "https://evil.example/x y", 'https://e.example/"onmouseover=', "www.x.go.th",
                None, ""):
        assert html.safe_url(bad) is None
    assert "<a " not in html.cell_html(html.Cell("เปิด", href="javascript:alert(1)"))
    link = html.cell_html(html.Cell("เปิด", href="https://example.go.th/a"))
    assert 'href="https://example.go.th/a"' in link and 'rel="noopener noreferrer"' in link


def test_a_table_keeps_every_cell_whole_blank_for_none_late_rows_marked_and_labels_for_a_phone():
    out = html.table(["ข้อ", "รายการ"], [["4.3", html.Cell("<i>ล่าช้า</i>", sub="ขั้นตอน DE")], [None, "x"]],
                     late=[True, False], numeric=[0], bare=[1])
    assert out.count("<tr") == 3 and 'class="sj-late"' in out and "None" not in out
    assert "&lt;i&gt;ล่าช้า&lt;/i&gt;" in out and '<div class="sj-sub">ขั้นตอน DE</div>' in out
    assert 'data-label="ข้อ" class="sj-num"' in out and 'data-label=""' in out


def test_figures_links_and_hints_escape_what_they_show():
    assert "&lt;x&gt;" in html.figures([("<x>", "1")]) and "sj-wide-only" in html.figures([("a", "1")], "sj-wide-only")
    assert html.links([("a", "javascript:x")]) == ""
    assert "&lt;b&gt;" in html.links([("<b>", "https://example.go.th/")]) and "&lt;" in html.hint("<")


def test_the_stylesheet_answers_to_the_block_s_width_and_hides_desk_notes_on_a_phone():
    assert "container-type: inline-size" in STYLE and "@container (max-width: 560px)" in STYLE
    assert ".sj-wide-only { display: none; }" in STYLE.split("@media (max-width: 640px)")[1]
    assert html.page("<p>x</p>").startswith("<style>")
