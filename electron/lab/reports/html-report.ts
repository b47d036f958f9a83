/**
 * The self-contained HTML report of one run: a pure function from the run's matrix, summary,
 * sign-off and failing attempts to one HTML string. Inline CSS only, no script, no external URL
 * (screenshots are PNG data: URLs), and a Content-Security-Policy that would block both anyway;
 * readable offline and printable (print CSS in html-styles.ts). Every phone or plan string is
 * escaped and isolated (html-text.ts).
 */
import { VENDOR_GROUPS, type Rollup, type CellStatus, type SignOff } from '../../../shared/matrix/types';
import { failuresSection, hintsSection, waiversSection } from './html-failures';
import { diagnoseSection } from './html-diagnosis';
import { matrixSection } from './html-matrix';
import { REPORT_CSS } from './html-styles';
import { bdi, html } from './html-text';
import { reportFormat, type ReportFormat } from './report-format';
import type { HtmlReportInput } from './report-types';

export type { HtmlReportInput, ReportFailure, ReportThumbnail } from './report-types';

/** Blocks scripts, plugins and every fetch even if markup slipped through: only data: images and the inline style. */
export const REPORT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STATUS_COLUMNS: readonly CellStatus[] = [
  'pass',
  'fail',
  'blocked',
  'device-lost',
  'inconclusive',
  'not-run',
  'pending',
];

function header(f: ReportFormat, input: HtmlReportInput): string {
  const { summary, matrix } = input;
  const row = (label: string, value: string): string => `<dt>${html(label)}</dt><dd>${value}</dd>`;
  const rows = [
    row(f.t('report.meta.plan'), bdi(matrix.planName)),
    row(f.t('report.meta.run'), bdi(matrix.runId)),
    ...(matrix.package === null ? [] : [row(f.t('report.meta.package'), bdi(matrix.package))]),
    row(f.t('report.meta.status'), html(f.t(`runs.status.${summary.status}`))),
    row(f.t('report.meta.started'), html(f.dateTime(summary.createdAt))),
    row(
      f.t('report.meta.finished'),
      html(summary.finishedAt === null ? f.t('report.meta.notFinished') : f.dateTime(summary.finishedAt)),
    ),
    row(
      f.t('report.meta.shape'),
      html(
        f.t('runs.list.shape', {
          phones: f.count(summary.phones),
          scenarios: f.count(summary.scenarios),
          repeats: f.count(summary.repeats),
        }),
      ),
    ),
    row(f.t('report.meta.generated'), html(f.dateTime(input.generatedAt))),
  ];
  return (
    `<header><h1>${html(f.t('report.title'))}: ${bdi(matrix.planName)}</h1><dl class="meta" ` +
    `aria-label="${html(f.t('report.meta.label'))}">${rows.join('')}</dl></header>`
  );
}

function totals(f: ReportFormat, input: HtmlReportInput): string {
  const { total } = input.matrix;
  const t = input.summary.totals;
  const item = (label: string, value: string): string => `<dt>${html(label)}</dt><dd>${html(value)}</dd>`;
  const attempts = (
    ['pass', 'fail', 'blocked', 'device-lost', 'inconclusive', 'not-run', 'pending', 'running'] as const
  )
    .filter((k) => t[k] > 0)
    .map((k) => `${f.t(`runs.verdict.${k}`)} ${f.count(t[k])}`)
    .join(' · ');
  const rows = [
    item(f.t('report.totals.passRate'), f.percent(total.passRate)),
    item(
      f.t('report.totals.deliveryRate'),
      `${f.percent(total.deliveryRate)} (${f.t('report.totals.deliveryNote')})`,
    ),
    item(f.t('report.totals.silent'), f.count(total.silentAsRequired)),
    item(f.t('report.totals.cells'), f.count(total.cells)),
    item(
      f.t('report.totals.attempts'),
      `${f.count(input.summary.attempts)}${attempts === '' ? '' : ` (${attempts})`}`,
    ),
    item(f.t('report.totals.waived'), f.count(total.waived)),
    item(f.t('report.cell.hint'), f.count(total.hinted)),
  ];
  return `<section id="totals"><h2>${html(f.t('report.totals.heading'))}</h2><dl class="meta">${rows.join('')}</dl></section>`;
}

function rollupCells(f: ReportFormat, r: Rollup): string {
  const figures = [
    f.count(r.cells),
    f.percent(r.passRate),
    f.percent(r.deliveryRate),
    ...STATUS_COLUMNS.map((s) => f.count(r.counts[s])),
    f.count(r.waived),
    f.count(r.hinted),
  ];
  return figures.map((v) => `<td>${html(v)}</td>`).join('');
}

function groups(f: ReportFormat, input: HtmlReportInput): string {
  const { matrix } = input;
  const head = `<section id="vendors"><h2>${html(f.t('report.groups.heading'))}</h2>`;
  const present = VENDOR_GROUPS.filter((g) => matrix.byGroup[g] !== undefined);
  if (present.length === 0) return `${head}<p>${html(f.t('report.groups.empty'))}</p></section>`;
  const cols = [
    f.t('report.groups.vendor'),
    f.t('report.totals.cells'),
    f.t('report.totals.passRate'),
    f.t('report.totals.deliveryRate'),
    ...STATUS_COLUMNS.map((s) => f.status(s)),
    f.t('report.totals.waived'),
    f.t('report.cell.hint'),
  ];
  const rows = present.map(
    (g) => `<tr><th scope="row">${html(f.group(g))}</th>${rollupCells(f, matrix.byGroup[g] as Rollup)}</tr>`,
  );
  return (
    `${head}<table class="rollup"><thead><tr>${cols.map((c) => `<th scope="col">${html(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody>` +
    `<tfoot><tr><th scope="row">${html(f.t('report.matrix.allPhones'))}</th>${rollupCells(f, matrix.total)}</tr></tfoot></table></section>`
  );
}

function signOffSection(f: ReportFormat, signOff: SignOff | null): string {
  const head = `<section id="signoff"><h2>${html(f.t('report.signoff.heading'))}</h2>`;
  if (signOff === null)
    return `${head}<p class="signoff unsigned">${html(f.t('report.signoff.none'))}</p></section>`;
  const note = signOff.note.trim() === '' ? html(f.t('report.signoff.noNote')) : bdi(signOff.note);
  return (
    `${head}<dl class="meta signoff"><dt>${html(f.t('report.signoff.by'))}</dt><dd>${bdi(signOff.by)}</dd>` +
    `<dt>${html(f.t('report.signoff.at'))}</dt><dd>${html(f.dateTime(signOff.at))}</dd>` +
    `<dt>${html(f.t('report.signoff.note'))}</dt><dd>${note}</dd></dl></section>`
  );
}

/** The report as one HTML document (UTF-8, ends with a newline). */
export function renderHtmlReport(input: HtmlReportInput): string {
  const f = reportFormat(input.locale);
  const waivers =
    input.signOff?.waivers ?? input.matrix.cells.flatMap((c) => (c.waiver === null ? [] : [c.waiver]));
  const title = `${f.t('report.title')}: ${input.matrix.planName}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${html(input.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${html(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    header(f, input),
    '<main>',
    totals(f, input),
    groups(f, input),
    signOffSection(f, input.signOff),
    matrixSection(f, input.matrix),
    failuresSection(f, input.matrix, input.failures),
    diagnoseSection(f, input.matrix, input.diagnoses ?? []),
    hintsSection(f, input.matrix),
    waiversSection(f, input.matrix, waivers),
    '</main>',
    `<footer>${html(f.t('report.footer'))}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
