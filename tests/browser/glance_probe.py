"""What the #18 browser checks measure on a page, in the page itself: sideways overflow, text cut with an
ellipsis, "None", internal ids, chart texts on each other or on the edge, and where the overview's blocks sit."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import ARTIFACTS

# Internal ids: a prefix the app's tabs use, a hyphen, then more; not inside a link or a file name ("…/ev-09.pdf").
ID_PATTERN = r"(?<![\w/.-])(?:act|kpi|kra|step|ref|exp|ev|oit|fy|rd|ita|obj)-[a-z0-9][\w.-]*"

PROBE = """(idPattern) => {
  const main = document.querySelector('[data-testid="stMain"]');
  const out = {overflow: [], cut: [], none: [], ids: [], charts: [], canvases: 0};
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) out.overflow.push(`page ${document.documentElement.scrollWidth} > ${width}`);
  if (main && main.scrollWidth > main.clientWidth + 1) out.overflow.push(`main ${main.scrollWidth} > ${main.clientWidth}`);
  const scrolls = (el) => {  // inside a box that scrolls sideways by itself (a wide chart on a phone)
    for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if ((o === 'auto' || o === 'scroll') && a.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 1 && getComputedStyle(el).position !== 'fixed' && !scrolls(el))
      { out.overflow.push(`${el.tagName}.${el.className}`.slice(0, 80) + ` right ${Math.round(r.right)}`); break; }
  }
  const cutters = '.sj-table td, .sj-table th, .sj-bullet div, .sj-fig-value, [data-testid="stMetricValue"] *, '
    + '[data-testid="stMetricLabel"] *, [data-testid="stCaptionContainer"] *, [data-testid="stMarkdownContainer"] *';
  for (const el of document.querySelectorAll(cutters)) {
    const s = getComputedStyle(el);
    if (el.clientWidth && el.scrollWidth > el.clientWidth + 1 && (s.textOverflow === 'ellipsis' || s.overflow === 'hidden'
        || s.overflowX === 'hidden')) out.cut.push(el.innerText.slice(0, 60));
  }
  out.canvases = document.querySelectorAll('[data-testid="stDataFrame"]').length;
  const text = document.querySelector('[data-testid="stApp"]').innerText;
  out.none = (text.match(/\\bNone\\b/g) || []);
  out.ids = [...new Set(text.match(new RegExp(idPattern, 'g')) || [])];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const svg = plot.querySelector('svg.main-svg');
    if (!svg) continue;
    const box = svg.getBoundingClientRect();
    const texts = [...plot.querySelectorAll('svg text')].filter(t => t.textContent.trim()
      && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).display !== 'none'
      && !t.closest('.hoverlayer') && Number(getComputedStyle(t).opacity || 1) > 0)
      .map(t => ({t: t.textContent.trim().slice(0, 30), r: t.getBoundingClientRect()}))
      .filter(x => x.r.width > 0 && x.r.height > 0);
    const problems = [];
    for (const x of texts) {
      if (x.r.left < box.left - 1 || x.r.right > box.right + 1 || x.r.top < box.top - 1 || x.r.bottom > box.bottom + 1)
        problems.push(`on the edge: ${x.t}`);
    }
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].r, b = texts[j].r;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) problems.push(`${texts[i].t} on ${texts[j].t}`);
    }
    if (problems.length) out.charts.push({chart: plot.closest('[data-testid]')?.getAttribute('data-testid'), problems});
  }
  return out;
}"""

# Where the overview's blocks are, page coordinates (the page scrolls inside stMain), and the late list's type.
LAYOUT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const y = (el, edge) => el ? Math.round(el.getBoundingClientRect()[edge] + main.scrollTop) : null;
  const late = document.querySelector('.sj-due');
  const cells = late ? [...late.querySelectorAll('td, td *')] : [];
  return {
    title: y(document.querySelector('h1'), 'top'),
    lateTop: y(late, 'top'), lateBottom: y(late, 'bottom'),
    lateFont: cells.length ? Math.min(...cells.map(c => parseFloat(getComputedStyle(c).fontSize))) : null,
    lateText: late ? late.innerText : '',
    ita: y([...document.querySelectorAll('h3')].find(h => /ITA/.test(h.innerText)), 'top'),
    groups: y([...document.querySelectorAll('.sj-bullets')].find(b => /KRA|กลุ่ม/.test(b.getAttribute('aria-label') || '')), 'bottom'),
    budget: y(document.querySelector('.sj-bullets.sj-stack'), 'bottom'),
    stages: y([...document.querySelectorAll('.sj-bullets')].find(b => /DE/.test(b.getAttribute('aria-label') || '')), 'bottom'),
  };
}"""

# Each error under a form field: the widget just before it, how far below it, and the label it names.
FIELD_ERRORS = """() => [...document.querySelectorAll('.sj-field-error')].map(err => {
  const box = err.closest('[data-testid="stElementContainer"]');
  let prev = box && box.previousElementSibling;
  const widget = prev && prev.querySelector('[data-testid^="st"] label, label');
  const w = prev ? prev.getBoundingClientRect() : null, e = err.getBoundingClientRect();
  return {text: err.innerText, widgetLabel: widget ? widget.innerText.trim() : null,
          gap: w ? Math.round(e.top - w.bottom) : null,
          overlapX: w ? Math.min(w.right, e.right) - Math.max(w.left, e.left) : null};
})"""


def full_screenshot(tab, name: str, first_screen: bool = False) -> Path:
    """The whole page (it scrolls inside stMain, so the window is made as tall as the page for the shot), or only
    the first screen; in artifacts/browser/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if first_screen:
        tab.screenshot(path=str(path))
        return path
    size = tab.viewport_size
    height = tab.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    tab.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, 16000))})
    tab.wait_for_timeout(400)
    tab.screenshot(path=str(path))
    tab.set_viewport_size(size)
    return path
