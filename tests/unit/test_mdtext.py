"""Sheet text shown through Markdown elements stays inert: no links, images, emphasis or HTML."""

from de_core.display.mdtext import md_escape, md_escape_line, md_escape_lines


def test_links_images_emphasis_and_html_are_escaped():
    text = "![x](http://evil.example/p.png) [ลิงก์](javascript:alert(1)) **หนา** <script>x</script>"
    out = md_escape(text)
    for raw in ("![", "](", "**", "<script>"):
        assert raw not in out
    assert out.replace("\\", "") == text


def test_line_variants_fold_or_keep_line_breaks():
    assert md_escape_line("a\n  b") == "a b"
    assert md_escape_lines("a.\nb") == "a\\.  \nb"
    assert md_escape(None) == ""
