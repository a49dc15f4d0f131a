"""The stylesheet of the product's HTML blocks (display.html, display.bullets): our own constant, never sheet text.

Sized for a laptop. Each block answers to its own width (CSS container queries), not the window's: in a column
narrower than 560 px (a phone, or half a laptop screen) a table becomes one block per row and figures go two to
a row; under 300 px a bullet graph puts its track under its label and value (always with sj-stack). Meeting mode (de_ui.meeting) adds larger type.
"""

STYLE = """<style>
.sj-wrap, .sj-bullets, .sj-figs-box { width: 100%; container-type: inline-size; }
.sj-table { width: 100%; border-collapse: collapse; font-size: 0.95rem; line-height: 1.45; color: #14201a; }
.sj-table caption { text-align: left; color: #546e7a; font-size: 0.85em; padding-bottom: 0.25rem; }
.sj-table th { text-align: left; font-weight: 600; color: #455a64; border-bottom: 2px solid #cfd8dc;
  padding: 0.35rem 0.5rem; vertical-align: bottom; }
.sj-table td { border-bottom: 1px solid #eceff1; padding: 0.35rem 0.5rem; vertical-align: top;
  overflow-wrap: anywhere; }
.sj-table .sj-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sj-table .sj-nw { white-space: nowrap; }
.sj-table tr.sj-late td { background: #ffebee; color: #b71c1c; }
.sj-table a { color: #1565c0; }
.sj-sub { font-size: 0.85em; color: #546e7a; }
.sj-late .sj-sub { color: #b71c1c; }
.sj-bullets { display: grid; row-gap: 0.45rem; font-size: 1rem; color: #14201a; margin: 0.25rem 0 0.75rem; }
.sj-bullet { display: grid; grid-template-columns: minmax(6rem, 34%) minmax(4rem, 1fr) minmax(0, max-content);
  grid-template-areas: "label track value"; align-items: center; column-gap: 0.75rem; }
.sj-b-label { grid-area: label; line-height: 1.3; overflow-wrap: anywhere; }
.sj-b-note { display: block; font-size: 0.8em; color: #546e7a; }
.sj-b-note.bad { color: #b71c1c; font-weight: 600; }
.sj-b-track { grid-area: track; position: relative; height: 1.5em; background: #f1f4f5; }
.sj-b-band { position: absolute; top: 0; bottom: 0; }
.sj-b-bar { position: absolute; left: 0; top: 30%; height: 40%; background: #37474f; }
.sj-b-bar.good { background: #2e7d32; }
.sj-b-bar.warn { background: #e65100; }
.sj-b-bar.bad { background: #c62828; }
.sj-b-target { position: absolute; top: 6%; bottom: 6%; width: 3px; margin-left: -1.5px; background: #14201a; }
.sj-b-value { grid-area: value; text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
.sj-figs { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.5rem 1rem; margin: 0.25rem 0; }
.sj-fig { min-width: 0; }
.sj-big .sj-fig-label { font-size: 0.95rem; }
.sj-big .sj-fig-value { font-size: 2rem; font-weight: 400; }
.sj-fig-label { font-size: 0.85rem; color: #546e7a; }
.sj-fig-value { font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.sj-stat-label { color: #455a64; font-size: 0.95rem; }
.sj-stat-value { font-size: 2.6rem; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
.sj-stat-band { font-size: 0.55em; font-weight: 600; padding: 0 0.35em; margin-left: 0.25em; border-radius: 0.3em;
  background: #e8f5e9; color: #1b5e20; vertical-align: middle; }
.sj-stat-sub { font-size: 1.05rem; }
.sj-stat-note { font-size: 0.85rem; color: #546e7a; margin-top: 0.25rem; }
.sj-links { list-style: disc; padding-left: 1.2rem; margin: 0.25rem 0; }
.sj-links li { margin: 0.2rem 0; overflow-wrap: anywhere; }
.sj-card { border: 1px solid #dfe5e0; border-radius: 0.5rem; padding: 0.7rem 1rem; margin-bottom: 0.75rem;
  color: #14201a; }
.sj-card-meta { color: #546e7a; font-size: 0.85rem; }
.sj-card-role { margin: 0.15rem 0 0.35rem; }
.sj-card-head { font-weight: 600; margin-top: 0.35rem; }
.sj-card-text { line-height: 1.55; overflow-wrap: anywhere; }
.sj-hint { background: #e3f2fd; color: #0d47a1; border-radius: 0.5rem; padding: 0.75rem 1rem; margin-top: 0.5rem;
  font-size: 0.95rem; }
.sj-field-error { color: #b71c1c; font-size: 0.9rem; margin: -0.5rem 0 0.5rem; }
.sj-field-error::before { content: "\\26A0\\FE0E  "; }
@container (max-width: 560px) {
  .sj-table thead { display: none; }
  .sj-table, .sj-table tbody, .sj-table tr, .sj-table td { display: block; width: 100%; box-sizing: border-box; }
  .sj-table tr { border-bottom: 1px solid #cfd8dc; padding: 0.35rem 0; }
  .sj-table td { border: none; padding: 0.05rem 0.25rem; }
  .sj-table td[data-label]:not([data-label=""])::before { content: attr(data-label) ": "; color: #546e7a;
    font-size: 0.85em; }
  .sj-table .sj-num, .sj-table .sj-nw { white-space: normal; text-align: left; }
  .sj-figs { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@container (max-width: 300px) {
  .sj-bullet { grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: "label value" "track track";
    row-gap: 0.15rem; }
  .sj-b-value { white-space: normal; }
}
.sj-bullets.sj-stack .sj-bullet { grid-template-columns: minmax(0, 1fr) auto;
  grid-template-areas: "label value" "track track"; row-gap: 0.15rem; }
.sj-bullets.sj-stack .sj-b-value { white-space: normal; }
.sj-phone-only { display: none; }
@media (max-width: 640px) {
  .sj-stat-value { font-size: 2.1rem; }
  .sj-wide-only { display: none; }
  .sj-phone-only { display: block; }
  .sj-due:has(tr.sj-late) tbody tr:not(.sj-late) { display: none; }
  .sj-bullet { column-gap: 0.5rem; }
  .sj-b-label { font-size: 0.95em; }
  .sj-fig-value, .sj-big .sj-fig-value { font-size: 1.3rem; }
  h1 { font-size: 1.9rem !important; }
  h3 { font-size: 1.3rem !important; }
  [data-testid="stVerticalBlock"] { gap: 0.6rem; }
}
</style>"""
