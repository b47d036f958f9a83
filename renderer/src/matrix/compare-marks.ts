/**
 * Comparing two runs as the grid shows it: each changed cell's mark (icon + word, never colour
 * alone), the list order (regressions first), which run to compare with by default, and the
 * settings drift to show beside a change. Pure.
 */
import { CHECK_STATUSES, type CheckStatus } from '../../../shared/domain/doctor';
import type { RunSummary } from '../../../shared/domain/run';
import { isMessageKey } from '../../../shared/i18n';
import type { CellChange, DriftEntry, RunComparison } from '../../../shared/matrix/types';
import type { ChangeLine } from '../doctor/report-changes';
import { isSettled } from './chart-scales';
import { cellKey } from './matrix-labels';

export type ChangeKind = CellChange['kind'];

/** Worst news first: what a release lead must look at before anything else. */
export const CHANGE_ORDER: readonly ChangeKind[] = [
  'regressed',
  'slower',
  'changed',
  'gone',
  'new',
  'faster',
  'recovered',
];

export const CHANGE_ICON: Readonly<Record<ChangeKind, string>> = {
  regressed: '▼',
  recovered: '▲',
  slower: '↑',
  faster: '↓',
  changed: '≠',
  new: '+',
  gone: '−',
};

/** Changes that are bad news (the grid marks them as warnings). */
export function isWorse(kind: ChangeKind): boolean {
  return kind === 'regressed' || kind === 'slower' || kind === 'gone';
}

/** The comparison's changes by cell key. */
export function changesByCell(comparison: RunComparison | null): Map<string, CellChange> {
  return new Map((comparison?.changes ?? []).map((c) => [cellKey(c.serial, c.scenarioId), c]));
}

/** Changes in CHANGE_ORDER, then by phone and scenario, so the list reads the same every time. */
export function sortChanges(changes: readonly CellChange[]): CellChange[] {
  const rank = (c: CellChange): number => CHANGE_ORDER.indexOf(c.kind);
  return [...changes].sort(
    (a, b) =>
      rank(a) - rank(b) || a.serial.localeCompare(b.serial) || a.scenarioId.localeCompare(b.scenarioId),
  );
}

/** How many changes of each kind, for the summary line (kinds without any left out). */
export function changeCounts(
  changes: readonly CellChange[],
): Array<{ readonly kind: ChangeKind; readonly count: number }> {
  return CHANGE_ORDER.map((kind) => ({ kind, count: changes.filter((c) => c.kind === kind).length })).filter(
    (e) => e.count > 0,
  );
}

/** The runs one may compare `current` with: settled ones other than itself, same plan first, then newest first. */
export function compareCandidates(
  runs: readonly RunSummary[],
  current: Pick<RunSummary, 'id' | 'planName'>,
): RunSummary[] {
  const others = runs.filter((r) => r.id !== current.id && isSettled(r));
  const newestFirst = (a: RunSummary, b: RunSummary): number =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
  return [
    ...others.filter((r) => r.planName === current.planName).sort(newestFirst),
    ...others.filter((r) => r.planName !== current.planName).sort(newestFirst),
  ];
}

/** The run to compare with when the user has not chosen: the latest earlier settled run of the same plan. */
export function defaultCompareTarget(
  runs: readonly RunSummary[],
  current: Pick<RunSummary, 'id' | 'planName' | 'createdAt'>,
): string | null {
  const earlier = compareCandidates(runs, current).filter(
    (r) => r.planName === current.planName && r.createdAt < current.createdAt,
  );
  return earlier[0]?.id ?? null;
}

/** The drift beside a change: the change's own list, else the phone's drift between the runs. */
export function driftFor(
  comparison: RunComparison,
  change: Pick<CellChange, 'serial' | 'drift'>,
): readonly DriftEntry[] {
  return change.drift.length > 0 ? change.drift : (comparison.drift[change.serial] ?? []);
}

const asStatus = (value: string | null): CheckStatus | null =>
  (CHECK_STATUSES as readonly string[]).includes(value ?? '') ? (value as CheckStatus) : null;

/** Drift entries as the doctor view's change lines (titled by the check's message key; by its id when it has none). */
export function driftChangeLines(entries: readonly DriftEntry[]): ChangeLine[] {
  const lines = entries.map((d): ChangeLine => {
    const before = asStatus(d.before);
    const after = asStatus(d.after);
    return {
      checkId: d.checkId,
      title: isMessageKey(`check.${d.checkId}.title`)
        ? { key: `check.${d.checkId}.title`, values: {} }
        : null,
      kind: before === null ? 'added' : after === null ? 'removed' : 'changed',
      before,
      after,
      beforeEvidence: d.beforeEvidence,
      afterEvidence: d.afterEvidence,
      statusChanged: before !== after,
    };
  });
  return [...lines.filter((l) => l.statusChanged), ...lines.filter((l) => !l.statusChanged)];
}
