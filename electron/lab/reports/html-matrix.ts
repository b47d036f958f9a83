/**
 * The matrix as printable tables: one table per app state (split into parts of at most
 * COLUMNS_PER_TABLE scenarios, so a page never has to scroll sideways), rows grouped by vendor
 * group then phone, a footer row with each column's pass rate. A cell carries its verdict as an
 * icon and a word (colour repeats them), latency p50/p95, and waiver / vendor-limit tags.
 */
import {
  VENDOR_GROUPS,
  type MatrixCell,
  type MatrixColumn,
  type MatrixPhone,
  type RunMatrix,
  type VendorGroup,
} from '../../../shared/matrix/types';
import { phoneDisplayName, vendorDisplayName } from '../../../shared/domain/phone-name';
import { bdi, html } from './html-text';
import { STATUS_ICONS, type ReportFormat } from './report-format';
import { cellKey } from './report-types';

export const COLUMNS_PER_TABLE = 8;

/** The phone's name as a reader knows it, then vendor, ROM, Android and serial. */
export function phoneLabel(phone: MatrixPhone): { name: string; details: string } {
  const rom =
    phone.rom === null
      ? null
      : [phone.rom.name, phone.rom.version].filter((s) => s !== null && s !== '').join(' ');
  const android = phone.androidVersion === null ? null : `Android ${phone.androidVersion}`;
  return {
    name: phoneDisplayName(phone) ?? phone.serial,
    // Without a marketing name the name already is brand + model: the details do not repeat them.
    details: [
      phone.marketingName === null ? null : vendorDisplayName(phone.vendor),
      phone.marketingName === null ? null : phone.model,
      rom,
      android,
      phone.serial,
    ]
      .filter((s): s is string => s !== null && s !== '')
      .join(' · '),
  };
}

export function verdictHtml(f: ReportFormat, status: MatrixCell['status']): string {
  return `<span class="verdict"><span class="icon" aria-hidden="true">${STATUS_ICONS[status]}</span> ${html(f.status(status))}</span>`;
}

function cellHtml(f: ReportFormat, cell: MatrixCell | undefined): string {
  if (cell === undefined)
    return `<td class="st-absent"><span class="cell-extra">${html(f.t('report.matrix.absent'))}</span></td>`;
  const parts = [verdictHtml(f, cell.status)];
  if (cell.latencyP50Ms !== null) {
    const text =
      cell.latencyP95Ms === null
        ? f.t('report.cell.latency50', { p50: f.latency(cell.latencyP50Ms) })
        : f.t('report.cell.latency', {
            p50: f.latency(cell.latencyP50Ms),
            p95: f.latency(cell.latencyP95Ms),
          });
    parts.push(`<span class="cell-extra">${html(text)}</span>`);
  }
  const judged = cell.attempts - cell.counts.pending - cell.counts['not-run'];
  if (cell.attempts > 1 && judged > 0)
    parts.push(
      `<span class="cell-extra">${html(f.t('report.cell.passed', { pass: f.count(cell.counts.pass), judged: f.count(judged) }))}</span>`,
    );
  if (cell.waiver !== null) parts.push(`<span class="tag">${html(f.t('report.cell.waived'))}</span>`);
  if (cell.hint !== null) parts.push(`<span class="tag">${html(f.t('report.cell.hint'))}</span>`);
  return `<td class="st-${cell.status}">${parts.join('')}</td>`;
}

function columnHeader(f: ReportFormat, column: MatrixColumn): string {
  const title = f.bilingual(column.title);
  return (
    `<th scope="col" title="${html(title)}">${html(f.message(column.message))}<br>${bdi(title)} ` +
    `<span class="scenario-id">${bdi(column.scenarioId)}</span></th>`
  );
}

function groupRow(f: ReportFormat, matrix: RunMatrix, group: VendorGroup, span: number): string {
  const rollup = matrix.byGroup[group];
  const figures =
    rollup === undefined
      ? ''
      : ` <span class="muted">${html(f.t('report.totals.passRate'))} ${html(f.percent(rollup.passRate))} ` +
        `· ${html(f.t('report.totals.deliveryRate'))} ${html(f.percent(rollup.deliveryRate))}</span>`;
  return `<tr><th class="group" scope="rowgroup" colspan="${span}">${html(f.group(group))}${figures}</th></tr>`;
}

function phoneHeader(phone: MatrixPhone): string {
  const label = phoneLabel(phone);
  return `<th scope="row">${bdi(label.name)}<span class="cell-extra">${bdi(label.details)}</span></th>`;
}

function table(
  f: ReportFormat,
  matrix: RunMatrix,
  cells: ReadonlyMap<string, MatrixCell>,
  columns: readonly MatrixColumn[],
  caption: string,
): string {
  const out: string[] = [];
  out.push(
    `<table class="matrix"><caption>${html(caption)}</caption><colgroup><col class="phone">${'<col>'.repeat(columns.length)}</colgroup>`,
  );
  out.push(
    `<thead><tr><th scope="col">${html(f.t('report.matrix.phone'))}</th>${columns.map((c) => columnHeader(f, c)).join('')}</tr></thead>`,
  );
  for (const group of VENDOR_GROUPS) {
    const phones = matrix.phones.filter((p) => p.group === group);
    if (phones.length === 0) continue;
    out.push(`<tbody>${groupRow(f, matrix, group, columns.length + 1)}`);
    for (const phone of phones) {
      out.push(
        `<tr>${phoneHeader(phone)}${columns.map((c) => cellHtml(f, cells.get(cellKey(phone.serial, c.scenarioId)))).join('')}</tr>`,
      );
    }
    out.push('</tbody>');
  }
  const footer = columns
    .map((c) => `<td>${html(f.percent(matrix.byColumn[c.scenarioId]?.passRate ?? null))}</td>`)
    .join('');
  out.push(
    `<tfoot><tr><th scope="row">${html(f.t('report.matrix.allPhones'))} · ${html(f.t('report.totals.passRate'))}</th>${footer}</tr></tfoot></table>`,
  );
  return out.join('\n');
}

/** The matrix section: a legend, then the tables by app state. */
export function matrixSection(f: ReportFormat, matrix: RunMatrix): string {
  const out = [
    `<section id="matrix"><h2>${html(f.t('report.matrix.heading'))}</h2><p class="muted">${html(f.t('report.matrix.intro'))}</p>`,
  ];
  const legend = (['pass', 'fail', 'blocked', 'device-lost', 'inconclusive', 'not-run', 'pending'] as const)
    .map((s) => `<li class="st-${s}">${verdictHtml(f, s)}</li>`)
    .join('');
  out.push(
    `<h3>${html(f.t('report.legend.heading'))}</h3><ul class="legend">${legend}</ul><p class="muted">${html(f.t('report.legend.colour'))}</p>`,
  );
  if (matrix.phones.length === 0 || matrix.columns.length === 0) {
    out.push(`<p>${html(f.t('report.matrix.empty'))}</p></section>`);
    return out.join('\n');
  }
  const cells = new Map(matrix.cells.map((c) => [cellKey(c.serial, c.scenarioId), c]));
  const byState = new Map<string, MatrixColumn[]>();
  for (const column of matrix.columns) {
    const list = byState.get(column.state);
    if (list === undefined) byState.set(column.state, [column]);
    else list.push(column);
  }
  for (const columns of byState.values()) {
    const state = f.state((columns[0] as MatrixColumn).state);
    const parts = Math.ceil(columns.length / COLUMNS_PER_TABLE);
    for (let part = 0; part < parts; part++) {
      const slice = columns.slice(part * COLUMNS_PER_TABLE, (part + 1) * COLUMNS_PER_TABLE);
      const caption =
        parts === 1
          ? f.t('report.matrix.caption', { state })
          : f.t('report.matrix.captionPart', { state, part: f.count(part + 1), parts: f.count(parts) });
      out.push(table(f, matrix, cells, slice, caption));
    }
  }
  out.push('</section>');
  return out.join('\n');
}
