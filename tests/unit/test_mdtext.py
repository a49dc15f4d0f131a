"""Sheet text shown through Markdown elements stays inert: no links, images, emphasis, HTML, LaTeX, entities,
autolinks, shortcodes or code blocks."""

from de_core.display.mdtext import JOINER, md_escape, md_escape_line, md_escape_lines


def shown(out: str) -> str:
    """What a reader sees of an escaped text: the backslashes and the invisible joiners gone."""
    return out.replace("\\", "").replace(JOINER, "")


def test_links_images_emphasis_and_html_are_escaped():
    text = "![x](http://evil.example/p.png) [ลิงก์](javascript:alert(1)) **หนา** <script>x</script>"
    out = md_escape(text)
    for raw in ("![", "](", "**", "<script>"):
        assert raw not in out
    assert shown(out) == text


def test_latex_entities_and_setext_lines_are_escaped():
    out = md_escape("$x^2$ $$\\frac{1}{2}$$ &lt; &amp;\n===")
    assert "\\$x^2\\$" in out and "\\&lt;" in out and "\\=\\=\\=" in out


def test_autolinks_get_a_joiner_before_them_because_a_backslash_does_not_stop_gfm():
    # remark-gfm finds https://…, www.… and e-mail addresses in the text after escapes are gone; a link must
    # follow a space or punctuation, so an invisible joiner before it keeps it text (checked in chromium)
    out = md_escape("see https://evil.example/x, www.evil.example and me@evil.example")
    assert f"{JOINER}https\\:" in out and f"{JOINER}www\\." in out and f"{JOINER}me@evil" in out
    assert shown(out) == "see https://evil.example/x, www.evil.example and me@evil.example"


def test_shortcodes_and_icons_get_a_joiner_after_their_colon():
    out = md_escape(":smile: :material/warning: :streamlit: 10:30")
    seen_by_renderer = out.replace("\\", "")  # emoji and icons are found in the text after escapes are gone
    assert ":smile:" not in seen_by_renderer and ":material/" not in seen_by_renderer
    assert ":streamlit:" not in seen_by_renderer and out.count(f"\\:{JOINER}") == 3
    assert shown(out) == ":smile: :material/warning: :streamlit: 10:30"


def test_leading_spaces_of_a_line_are_dropped_so_no_code_block_starts():
    assert md_escape("a\n\n    code\n\tmore") == "a\n\ncode\nmore"


def test_line_variants_fold_or_keep_line_breaks():
    assert md_escape_line("a\n  b") == "a b"
    assert md_escape_lines("a.\nb") == "a\\.  \nb"
    assert md_escape(None) == ""
