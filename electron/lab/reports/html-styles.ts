/**
 * The report's only styling, inlined in one <style> element: system fonts, AA contrast, long
 * device strings wrapped anywhere, and print rules (A4 landscape, headers repeated on each page,
 * rows and failure cards kept whole, colours printed).
 */
export const REPORT_CSS =
  `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5360; --line: #c9ced6; ` +
  `--head: #eef1f5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: ` +
  `100%; }
body { margin: 0 auto; max-width: 1400px; padding: 24px; font: 14px/1.45 ` +
  `system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang ` +
  `SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
h1 ` +
  `{ font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 19px; margin: 32px 0 8px; ` +
  `padding-bottom: 4px; border-bottom: 2px solid var(--ink); break-after: avoid-page; ` +
  `}
h3 { font-size: 15px; margin: 16px 0 6px; break-after: avoid-page; }
p { margin: ` +
  `6px 0; }
/* Words of the report wrap at spaces; phone text (always in <bdi>) may ` +
  `break anywhere, so a 10k-character title cannot widen a column. */
td, th, dd, ` +
  `p, li, figcaption, h1, h3 { overflow-wrap: break-word; }
bdi, .scenario-id { overflow-wrap: ` +
  `anywhere; }
.muted { color: var(--muted); }
dl.meta { display: grid; grid-template-columns: ` +
  `max-content 1fr; gap: 2px 16px; margin: 8px 0 0; }
dl.meta dt { font-weight: 600; ` +
  `}
dl.meta dd { margin: 0; min-width: 0; }
table { border-collapse: collapse; width: ` +
  `100%; margin: 8px 0 16px; }
caption { text-align: start; font-weight: 600; padding: ` +
  `4px 0; caption-side: top; }
th, td { border: 1px solid var(--line); padding: 4px ` +
  `6px; vertical-align: top; text-align: start; min-width: 0; }
thead th { background: ` +
  `var(--head); }
thead { display: table-header-group; }
tfoot { display: table-row-group; ` +
  `}
tr { break-inside: avoid; }
table.matrix { table-layout: fixed; }
table.rollup ` +
  `th, table.rollup td { font-size: 12px; }
table.matrix col.phone { width: 190px; ` +
  `}
table.matrix th.group { background: #dde3ea; text-align: start; }
table.matrix ` +
  `td, table.matrix th { font-size: 12px; }
table.matrix tfoot th, table.matrix tfoot ` +
  `td { background: var(--head); }
.scenario-id { font-family: ui-monospace, "SFMono-Regular", ` +
  `Menlo, Consolas, monospace; font-size: 11px; }
.verdict { font-weight: 600; white-space: ` +
  `nowrap; }
.verdict .icon { display: inline-block; min-width: 1.1em; }
.cell-extra ` +
  `{ display: block; color: var(--muted); font-size: 11px; }
.tag { display: inline-block; ` +
  `border: 1px solid currentColor; border-radius: 3px; padding: 0 3px; margin-top: ` +
  `2px; font-size: 11px; font-weight: 600; }
.st-pass { background: #e3f3e8; color: ` +
  `#0b4d1f; }
.st-fail { background: #fde5e8; color: #8a0f1f; }
.st-blocked { background: ` +
  `#fff1c7; color: #5a3f00; }
.st-device-lost { background: #ece4f7; color: #46237a; ` +
  `}
.st-inconclusive { background: #e2ebf7; color: #173a66; }
.st-not-run { background: ` +
  `#f0f0f0; color: #3f3f3f; }
.st-pending { background: #fff; color: #4a4a4a; border-style: ` +
  `dashed; }
.st-absent { background: repeating-linear-gradient(135deg, #fafafa 0 ` +
  `6px, #f0f0f0 6px 12px); color: #555; }
.st-pass .cell-extra, .st-fail .cell-extra, ` +
  `.st-blocked .cell-extra, .st-device-lost .cell-extra, .st-inconclusive .cell-extra ` +
  `{ color: inherit; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: ` +
  `wrap; gap: 6px 14px; }
ul.legend li { padding: 2px 8px; border: 1px solid var(--line); ` +
  `border-radius: 3px; }
.badge { padding: 0 6px; border-radius: 3px; }
.failure ` +
  `{ border: 1px solid var(--line); border-inline-start: 6px solid #8a0f1f; border-radius: ` +
  `4px; padding: 8px 12px; margin: 12px 0; break-inside: avoid-page; display: grid; ` +
  `grid-template-columns: minmax(0, 1fr) auto; gap: 12px; }
.failure.of-blocked { ` +
  `border-inline-start-color: #8a6100; }
.failure.of-device-lost { border-inline-start-color: ` +
  `#46237a; }
.failure.of-inconclusive { border-inline-start-color: #173a66; }
.failure ` +
  `h3 { margin-top: 0; }
.failure figure { margin: 0; max-width: 220px; }
.failure ` +
  `img { display: block; max-width: 220px; max-height: 440px; height: auto; border: ` +
  `1px solid var(--line); }
.failure figcaption { font-size: 11px; color: var(--muted); ` +
  `}
.failure table { margin: 6px 0; }
.signoff { border: 2px solid var(--ink); border-radius: ` +
  `4px; padding: 8px 12px; break-inside: avoid-page; }
.signoff.unsigned { border-style: ` +
  `dashed; font-weight: 600; }
footer { margin-top: 32px; font-size: 12px; color: ` +
  `var(--muted); }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body ` +
  `{ max-width: none; padding: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: ` +
  `exact; print-color-adjust: exact; }
  section.page { break-before: page; }
  table.matrix ` +
  `td, table.matrix th { font-size: 10px; padding: 2px 4px; }
}
`;
