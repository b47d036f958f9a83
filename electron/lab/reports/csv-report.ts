/**
 * The run as CSV: one row per matrix cell ("cell"), and with `attempts` each cell followed by one
 * row per attempt ("attempt"). RFC 4180 (CRLF line ends, fields with a comma, quote or line break
 * quoted, quotes doubled), UTF-8 with a BOM so Excel reads CJK right. Phone text is untrusted: a
 * field starting with = + - @ tab or CR gets a leading ' so a spreadsheet shows it instead of
 * running it as a formula; control and bidi-override characters are removed. Vendor group, state
 * and message are stable ids; the reason is in English. "Link" is the diagnose mode's answer
 * (which link failed) on each attempt row; empty in verify mode and on cell rows. Capture (attempt
 * rows) is how the attempt was captured: events (the phone's events log) or poll, empty when not
 * recorded.
 */
import type { AttemptView } from '../../../shared/domain/run';
import type {
  CellWaiver,
  MatrixCell,
  MatrixColumn,
  MatrixPhone,
  RunMatrix,
  SignOff,
} from '../../../shared/matrix/types';
import { describeReason } from '../../../shared/runs/reasons';
import { describeDiagnosis } from '../../../shared/runs/diagnose';
import { cleanText } from './html-text';
import { cellKey } from './report-types';

export const CSV_COLUMNS = [
  'Run',
  'Phone serial',
  'Vendor group',
  'Vendor',
  'Model',
  'ROM',
  'Android',
  'Scenario',
  'State',
  'Message',
  'Level',
  'Repeat',
  'Status',
  'Counts',
  'Delivery rate',
  'p50 (ms)',
  'p95 (ms)',
  'Reason',
  'Hint',
  'Waiver',
  'Link',
  'Capture',
] as const;

export interface CsvReportInput {
  readonly matrix: RunMatrix;
  /** Waivers of a sign-off, for cells whose matrix entry does not carry one (default: the matrix's). */
  readonly signOff?: SignOff | null;
  /** Every attempt of the run (runs.get(runId).attempts): adds one row per attempt. */
  readonly attempts?: readonly AttemptView[];
  /** How each attempt was captured, by attempt id (from its 'record' evidence); absent: empty. */
  readonly captures?: ReadonlyMap<number, 'events' | 'poll'>;
}

/** One field, guarded against formula injection and quoted when RFC 4180 needs it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = cleanText(String(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvRow = (fields: ReadonlyArray<string | number | null>): string => fields.map(csvField).join(',');

const ms = (value: number | null): number | null =>
  value === null || !Number.isFinite(value) ? null : Math.round(value);

function phoneFields(runId: string, phone: MatrixPhone): Array<string | null> {
  const rom =
    phone.rom === null
      ? null
      : [phone.rom.name, phone.rom.version].filter((s) => s !== null && s !== '').join(' ');
  return [
    runId,
    phone.serial,
    phone.group,
    phone.vendor,
    phone.marketingName === null ? phone.model : `${phone.marketingName} (${phone.model})`,
    rom,
    phone.androidVersion,
  ];
}

function waiverText(waiver: CellWaiver | null | undefined): string | null {
  return waiver == null ? null : `${waiver.reason} (by ${waiver.by}, ${waiver.at})`;
}

function cellRow(
  matrix: RunMatrix,
  phone: MatrixPhone,
  column: MatrixColumn,
  cell: MatrixCell,
  waiver: CellWaiver | null,
): string {
  const counts = Object.entries(cell.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}:${n}`)
    .join(' ');
  return csvRow([
    ...phoneFields(matrix.runId, phone),
    column.scenarioId,
    column.state,
    column.message,
    'cell',
    null,
    cell.status,
    counts,
    cell.deliveryRate === null ? null : cell.deliveryRate.toFixed(3),
    ms(cell.latencyP50Ms),
    ms(cell.latencyP95Ms),
    cell.reason === null ? null : describeReason(cell.reason, 'en'),
    cell.hint === null ? null : `${cell.hint.kind}: ${cell.hint.text.en}`,
    waiverText(waiver),
    null,
    null,
  ]);
}

function attemptRow(
  matrix: RunMatrix,
  phone: MatrixPhone,
  column: MatrixColumn,
  attempt: AttemptView,
  capture: 'events' | 'poll' | null,
): string {
  const v = attempt.verdict;
  const delivered = v?.details.delivered;
  return csvRow([
    ...phoneFields(matrix.runId, phone),
    column.scenarioId,
    column.state,
    column.message,
    'attempt',
    attempt.repeat,
    v?.kind ?? attempt.status,
    null,
    delivered === true ? '1' : delivered === false ? '0' : null,
    ms(attempt.latencyMs ?? v?.details.latencyMs ?? null),
    null,
    v === null ? null : describeReason(v.reason, 'en'),
    null,
    null,
    v?.diagnosis === undefined ? null : describeDiagnosis(v.diagnosis, 'en'),
    capture,
  ]);
}

/** The CSV document (BOM, header, rows in matrix order; ends with CRLF). */
export function renderCsvReport(input: CsvReportInput): string {
  const { matrix } = input;
  const cells = new Map(matrix.cells.map((c) => [cellKey(c.serial, c.scenarioId), c]));
  const waivers = new Map(
    ((input.signOff ?? matrix.signOff)?.waivers ?? []).map((w) => [cellKey(w.serial, w.scenarioId), w]),
  );
  const attempts = new Map<string, AttemptView[]>();
  for (const a of input.attempts ?? []) {
    const key = cellKey(a.serial, a.scenarioId);
    const list = attempts.get(key);
    if (list === undefined) attempts.set(key, [a]);
    else list.push(a);
  }
  const lines = [csvRow(CSV_COLUMNS)];
  for (const phone of matrix.phones) {
    for (const column of matrix.columns) {
      const key = cellKey(phone.serial, column.scenarioId);
      const cell = cells.get(key);
      if (cell === undefined) continue;
      lines.push(cellRow(matrix, phone, column, cell, cell.waiver ?? waivers.get(key) ?? null));
      const list = attempts.get(key);
      if (list !== undefined)
        for (const a of [...list].sort((x, y) => x.repeat - y.repeat))
          lines.push(attemptRow(matrix, phone, column, a, input.captures?.get(a.id) ?? null));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
