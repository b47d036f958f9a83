/**
 * The matrix as the grid lays it out: filtered phone rows under one band per vendor group, the
 * filtered columns, the state -> message header spans above them, and the options each filter
 * offers. The verdict filter keeps the rows and columns that have a matching cell and dims the
 * other cells in them, so a failure is always seen in its row and column. Pure.
 */
import { APP_STATES, MESSAGE_KINDS, type AppState, type MessageKind } from '../../../shared/scenarios/types';
import {
  VENDOR_GROUPS,
  type CellStatus,
  type MatrixCell,
  type MatrixColumn,
  type MatrixPhone,
  type Rollup,
  type RunMatrix,
  type VendorGroup,
} from '../../../shared/matrix/types';
import { isWaivable } from '../../../shared/matrix/stats';
import { cellKey } from './matrix-labels';

/** 'open': every judged status that is not a pass (what sign-off asks about). */
export type VerdictFilter = 'all' | 'open' | CellStatus;

export interface MatrixFilters {
  readonly group: VendorGroup | 'all';
  readonly state: AppState | 'all';
  readonly message: MessageKind | 'all';
  readonly verdict: VerdictFilter;
}

export const NO_FILTERS: MatrixFilters = { group: 'all', state: 'all', message: 'all', verdict: 'all' };

export const CELL_STATUSES: readonly CellStatus[] = [
  'pass',
  'fail',
  'blocked',
  'device-lost',
  'inconclusive',
  'not-run',
  'pending',
];

export type GridRow =
  | {
      readonly kind: 'group';
      readonly group: VendorGroup;
      readonly phones: number;
      readonly rollup: Rollup | null;
    }
  | { readonly kind: 'phone'; readonly group: VendorGroup; readonly phone: MatrixPhone };

export interface HeaderSpan<T extends string> {
  readonly value: T;
  /** First column index (into the laid-out columns) and one past the last. */
  readonly start: number;
  readonly end: number;
}

export interface MatrixLayout {
  readonly rows: readonly GridRow[];
  readonly columns: readonly MatrixColumn[];
  readonly cells: ReadonlyMap<string, MatrixCell>;
  /** Rows, columns and cells the filters leave out of the whole matrix (0 when unfiltered). */
  readonly hiddenPhones: number;
  readonly hiddenColumns: number;
  /** True for a cell the verdict filter does not match (shown dimmed in its kept row/column). */
  dimmed(cell: MatrixCell | undefined): boolean;
}

/** Whether a cell's status is one the verdict filter asks for. */
export function verdictMatches(filter: VerdictFilter, status: CellStatus): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return isWaivable(status);
  return status === filter;
}

/** Every cell by its key. */
export function cellIndex(matrix: Pick<RunMatrix, 'cells'>): Map<string, MatrixCell> {
  return new Map(matrix.cells.map((c) => [cellKey(c.serial, c.scenarioId), c]));
}

export function layoutMatrix(matrix: RunMatrix, filters: MatrixFilters = NO_FILTERS): MatrixLayout {
  const cells = cellIndex(matrix);
  let phones = matrix.phones.filter((p) => filters.group === 'all' || p.group === filters.group);
  let columns = matrix.columns.filter(
    (c) =>
      (filters.state === 'all' || c.state === filters.state) &&
      (filters.message === 'all' || c.message === filters.message),
  );
  if (filters.verdict !== 'all') {
    const hit = (serial: string, column: MatrixColumn): boolean => {
      const cell = cells.get(cellKey(serial, column.scenarioId));
      return cell !== undefined && verdictMatches(filters.verdict, cell.status);
    };
    phones = phones.filter((p) => columns.some((c) => hit(p.serial, c)));
    columns = columns.filter((c) => phones.some((p) => hit(p.serial, c)));
  }
  const rows: GridRow[] = [];
  for (const group of VENDOR_GROUPS) {
    const mine = phones.filter((p) => p.group === group);
    if (mine.length === 0) continue;
    rows.push({ kind: 'group', group, phones: mine.length, rollup: matrix.byGroup[group] ?? null });
    for (const phone of mine) rows.push({ kind: 'phone', group, phone });
  }
  return {
    rows,
    columns,
    cells,
    hiddenPhones: matrix.phones.length - phones.length,
    hiddenColumns: matrix.columns.length - columns.length,
    dimmed: (cell) =>
      filters.verdict !== 'all' && (cell === undefined || !verdictMatches(filters.verdict, cell.status)),
  };
}

/** Consecutive columns with the same value, as header spans. */
function spansOf<T extends string>(
  columns: readonly MatrixColumn[],
  valueOf: (c: MatrixColumn) => T,
  sameGroup: (a: MatrixColumn, b: MatrixColumn) => boolean,
): HeaderSpan<T>[] {
  const spans: HeaderSpan<T>[] = [];
  columns.forEach((column, i) => {
    const last = spans[spans.length - 1];
    const previous = columns[i - 1];
    if (last && previous && last.value === valueOf(column) && sameGroup(previous, column))
      spans[spans.length - 1] = { ...last, end: i + 1 };
    else spans.push({ value: valueOf(column), start: i, end: i + 1 });
  });
  return spans;
}

/** The two header rows above the scenarios: app states, and message kinds within each state. */
export function columnSpans(columns: readonly MatrixColumn[]): {
  readonly states: HeaderSpan<AppState>[];
  readonly messages: HeaderSpan<MessageKind>[];
} {
  return {
    states: spansOf(
      columns,
      (c) => c.state,
      () => true,
    ),
    messages: spansOf(
      columns,
      (c) => c.message,
      (a, b) => a.state === b.state,
    ),
  };
}

export interface FilterOptions {
  readonly groups: readonly VendorGroup[];
  readonly states: readonly AppState[];
  readonly messages: readonly MessageKind[];
  readonly verdicts: readonly CellStatus[];
}

/** The values present in the run, in display order: a filter never offers an empty choice. */
export function filterOptions(matrix: RunMatrix): FilterOptions {
  const groups = new Set(matrix.phones.map((p) => p.group));
  const states = new Set(matrix.columns.map((c) => c.state));
  const messages = new Set(matrix.columns.map((c) => c.message));
  const verdicts = new Set(matrix.cells.map((c) => c.status));
  return {
    groups: VENDOR_GROUPS.filter((g) => groups.has(g)),
    states: APP_STATES.filter((s) => states.has(s)),
    messages: MESSAGE_KINDS.filter((m) => messages.has(m)),
    verdicts: CELL_STATUSES.filter((v) => verdicts.has(v)),
  };
}

/** A filter value from a <select> (or stored text), or the default when it is not one of `allowed`. */
export function pickFilter<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
