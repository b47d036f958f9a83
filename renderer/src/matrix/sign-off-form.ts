/**
 * The sign-off form's rules: which cells need a waiver reason (every judged cell that is not a
 * pass), what is still missing, and the request it becomes. A signed run is frozen. Pure.
 */
import type { MatrixCell, RunMatrix } from '../../../shared/matrix/types';
import { isWaivable } from '../../../shared/matrix/stats';
import { cellKey } from './matrix-labels';

/** The core's limits (electron/lab/runs/matrix/sign-off-rules.ts), checked here first to say so early. */
export const MAX_NAME = 100;
export const MAX_NOTE = 4000;
export const MAX_REASON = 1000;

export interface SignOffDraft {
  readonly by: string;
  readonly note: string;
  /** Waiver reasons by cell key. */
  readonly reasons: Readonly<Record<string, string>>;
}

export type SignOffProblem =
  | 'matrix.signOff.nameMissing'
  | 'matrix.signOff.nameTooLong'
  | 'matrix.signOff.noteTooLong'
  | 'matrix.signOff.reasonsMissing'
  | 'matrix.signOff.reasonTooLong'
  | 'matrix.signOff.notSettled';

export interface WaiverRequest {
  readonly serial: string;
  readonly scenarioId: string;
  readonly reason: string;
}

/** Cells a lead has to waive (or explain) to sign: failed, blocked, phone lost, undecided; in grid order. */
export function cellsToWaive(matrix: Pick<RunMatrix, 'cells' | 'phones' | 'columns'>): MatrixCell[] {
  const row = new Map(matrix.phones.map((p, i) => [p.serial, i]));
  const col = new Map(matrix.columns.map((c, i) => [c.scenarioId, i]));
  return matrix.cells
    .filter((c) => isWaivable(c.status))
    .sort(
      (a, b) =>
        (row.get(a.serial) ?? 0) - (row.get(b.serial) ?? 0) ||
        (col.get(a.scenarioId) ?? 0) - (col.get(b.scenarioId) ?? 0),
    );
}

/** Control characters are refused by the core; newlines stay in notes, a name is one line. */
const clean = (text: string, keepNewlines: boolean): string =>
  (keepNewlines
    ? text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
    : text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
  ).trim();

export function emptyDraft(by = ''): SignOffDraft {
  return { by, note: '', reasons: {} };
}

/** The same reason for every cell still without one (a lead often waives a batch for one cause). */
export function fillMissingReasons(
  draft: SignOffDraft,
  cells: readonly MatrixCell[],
  reason: string,
): SignOffDraft {
  const reasons = { ...draft.reasons };
  for (const cell of cells) {
    const key = cellKey(cell.serial, cell.scenarioId);
    if (clean(reasons[key] ?? '', false) === '') reasons[key] = reason;
  }
  return { ...draft, reasons };
}

/** How many cells still lack a reason. */
export function missingReasons(draft: SignOffDraft, cells: readonly MatrixCell[]): number {
  return cells.filter((c) => clean(draft.reasons[cellKey(c.serial, c.scenarioId)] ?? '', false) === '')
    .length;
}

/** What stops the form from being sent, as message ids (empty: it can be sent). */
export function signOffProblems(
  draft: SignOffDraft,
  cells: readonly MatrixCell[],
  completed: boolean,
): SignOffProblem[] {
  const problems: SignOffProblem[] = [];
  if (!completed) problems.push('matrix.signOff.notSettled');
  const by = clean(draft.by, false);
  if (by === '') problems.push('matrix.signOff.nameMissing');
  if (by.length > MAX_NAME) problems.push('matrix.signOff.nameTooLong');
  if (clean(draft.note, true).length > MAX_NOTE) problems.push('matrix.signOff.noteTooLong');
  if (missingReasons(draft, cells) > 0) problems.push('matrix.signOff.reasonsMissing');
  if (
    cells.some((c) => clean(draft.reasons[cellKey(c.serial, c.scenarioId)] ?? '', false).length > MAX_REASON)
  )
    problems.push('matrix.signOff.reasonTooLong');
  return problems;
}

/** The sign-off as the core takes it: trimmed name and note, one waiver per cell to waive. */
export function signOffRequest(
  runId: string,
  draft: SignOffDraft,
  cells: readonly MatrixCell[],
): { runId: string; by: string; note: string; waivers: WaiverRequest[] } {
  return {
    runId,
    by: clean(draft.by, false),
    note: clean(draft.note, true),
    waivers: cells.map((c) => ({
      serial: c.serial,
      scenarioId: c.scenarioId,
      reason: clean(draft.reasons[cellKey(c.serial, c.scenarioId)] ?? '', false),
    })),
  };
}
