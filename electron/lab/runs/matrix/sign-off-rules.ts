/**
 * The rules of a sign-off, checked before anything is stored (the 0005 triggers are the backstop):
 * the run is completed and not signed yet, a name is given, and each waiver names a cell of the run
 * whose status is fail, blocked, device lost or inconclusive, once, with a reason. Texts are kept
 * as typed (trimmed): they are shown as text and escaped in reports, never interpreted.
 */
import { isWaivable } from '../../../../shared/matrix/stats';
import type { CellWaiver, RunMatrix, SignOff, SignOffRequest } from '../../../../shared/matrix/types';
import { LabError } from '../../errors';

export const MAX_NAME = 100;
export const MAX_NOTE = 4000;
export const MAX_REASON = 1000;

/** Control characters other than tab and line breaks (a note and a reason may span lines). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const invalid = (message: string, hint: string): LabError => new LabError('INVALID_ARGUMENT', message, { hint });

function checkText(value: string, what: string, max: number, oneLine: boolean): string {
  const trimmed = value.trim();
  if (trimmed.length > max) throw invalid(`The ${what} is longer than ${max} characters.`, `Shorten the ${what}.`);
  if (CONTROL.test(trimmed) || (oneLine && /[\r\n\t]/.test(trimmed))) {
    throw invalid(`The ${what} contains control characters.`, `Type the ${what} again as plain text${oneLine ? ' on one line' : ''}.`);
  }
  return trimmed;
}

/** The sign-off to store, or an INVALID_ARGUMENT / RUN_SIGNED_OFF LabError saying what to change. */
export function checkSignOff(request: SignOffRequest, matrix: RunMatrix, at: string): SignOff {
  if (matrix.signOff !== null) {
    throw new LabError('RUN_SIGNED_OFF', `Run ${matrix.runId} was signed off by ${matrix.signOff.by} at ${matrix.signOff.at}.`, {
      hint: 'A sign-off is final and cannot be changed or withdrawn. Start a new run to sign off a new result.',
    });
  }
  if (matrix.status !== 'completed') {
    throw invalid(`Only a completed run can be signed off; run ${matrix.runId} is ${matrix.status}.`, 'Resume the run until every attempt has a verdict, then sign it off.');
  }
  const by = checkText(request.by, 'name', MAX_NAME, true);
  if (by === '') throw invalid('A sign-off needs the name of who signs.', 'Type your name.');
  const note = checkText(request.note, 'note', MAX_NOTE, false);
  const cells = new Map(matrix.cells.map((c) => [`${c.serial}\u0000${c.scenarioId}`, c]));
  const seen = new Set<string>();
  const waivers: CellWaiver[] = request.waivers.map((w) => {
    const key = `${w.serial}\u0000${w.scenarioId}`;
    const where = `${w.scenarioId.slice(0, 80)} on ${w.serial.slice(0, 80)}`;
    const cell = cells.get(key);
    if (cell === undefined) throw invalid(`The run has no cell ${where} to waive.`, 'Waive cells of this run only; reload the matrix.');
    if (!isWaivable(cell.status)) {
      throw invalid(`The cell ${where} is ${cell.status}: only a failed, blocked, lost or inconclusive cell can be waived.`, 'Remove this waiver.');
    }
    if (seen.has(key)) throw invalid(`The cell ${where} is waived twice.`, 'Keep one waiver per cell.');
    seen.add(key);
    const reason = checkText(w.reason, 'waiver reason', MAX_REASON, false);
    if (reason === '') throw invalid(`The waiver of ${where} has no reason.`, 'Say why this result is accepted for the release.');
    return { serial: w.serial, scenarioId: w.scenarioId, reason, by, at };
  });
  return { runId: matrix.runId, by, at, note, waivers };
}
