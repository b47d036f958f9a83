/**
 * The run detail as a grid: one row per phone, one column per scenario, and in each cell one chip
 * per repeat (its verdict, or pending / running with the current step). Plus the totals line and
 * which run actions apply to a status. Pure: tested without React.
 */
import type {
  AttemptView,
  RunDetail,
  RunStatus,
  RunTotalsByKind,
  StepName,
} from '../../../shared/domain/run';
import type { RunPhone, VerdictKind } from '../../../shared/runs/types';
import { phoneDisplayName } from '../../../shared/domain/phone-name';

export type ChipState = VerdictKind | 'pending' | 'running';

export interface GridChip {
  readonly attemptId: number;
  readonly repeat: number;
  readonly state: ChipState;
  /** The step running now (state 'running'), else null. */
  readonly step: StepName | null;
}

export interface GridRow {
  readonly serial: string;
  /** How the run names the phone; null for a serial that only its attempts mention. */
  readonly phone: RunPhone | null;
  /** One list of chips per column, in repeat order. */
  readonly cells: readonly (readonly GridChip[])[];
}

export interface RunGrid {
  readonly columns: readonly string[];
  readonly rows: readonly GridRow[];
}

/** Verdict first, then what is still going on: the order of the totals line. */
export const CHIP_ORDER: readonly ChipState[] = [
  'pass',
  'fail',
  'blocked',
  'device-lost',
  'inconclusive',
  'not-run',
  'running',
  'pending',
];

/** What one attempt shows: its verdict once done; a done attempt without one counts as pending. */
export function chipState(attempt: AttemptView): ChipState {
  if (attempt.status === 'done') return attempt.verdict?.kind ?? 'pending';
  return attempt.status;
}

export function toChip(attempt: AttemptView): GridChip {
  const state = chipState(attempt);
  return {
    attemptId: attempt.id,
    repeat: attempt.repeat,
    state,
    step: state === 'running' ? attempt.step : null,
  };
}

/** Phones in the run's order, scenarios in the plan's order; attempts of unknown cells are added at the end. */
export function buildGrid(detail: RunDetail): RunGrid {
  const columns = [...detail.scenarioIds];
  for (const a of detail.attempts) if (!columns.includes(a.scenarioId)) columns.push(a.scenarioId);
  const serials = detail.phones.map((p) => p.serial);
  for (const a of detail.attempts) if (!serials.includes(a.serial)) serials.push(a.serial);
  const rows = serials.map((serial): GridRow => {
    const mine = detail.attempts.filter((a) => a.serial === serial);
    return {
      serial,
      phone: detail.phones.find((p) => p.serial === serial) ?? null,
      cells: columns.map((scenarioId) =>
        mine
          .filter((a) => a.scenarioId === scenarioId)
          .sort((a, b) => a.repeat - b.repeat || a.id - b.id)
          .map(toChip),
      ),
    };
  });
  return { columns, rows };
}

export interface TotalEntry {
  readonly state: ChipState;
  readonly count: number;
}

/** The non-zero totals in CHIP_ORDER. */
export function totalEntries(totals: RunTotalsByKind): TotalEntry[] {
  return CHIP_ORDER.map((state) => ({ state, count: totals[state] ?? 0 })).filter((e) => e.count > 0);
}

/** Every attempt of the run, and those with a verdict. */
export function progressOf(totals: RunTotalsByKind): { readonly done: number; readonly total: number } {
  const total = CHIP_ORDER.reduce((n, state) => n + (totals[state] ?? 0), 0);
  return { done: total - (totals.pending ?? 0) - (totals.running ?? 0), total };
}

/** A run that stopped before the end (or could not start) can go on; a running one can be stopped. */
export function canResume(status: RunStatus): boolean {
  return status === 'interrupted' || status === 'cancelled' || status === 'failed';
}

export function canStop(status: RunStatus): boolean {
  return status === 'running';
}

/** How the run names a phone (shared/domain/phone-name), or the serial when the run does not know it. */
export function phoneLabel(phone: RunPhone | null, serial: string): string {
  return (phone ? phoneDisplayName(phone) : null) ?? serial;
}
