/**
 * The doctor snapshot an attempt ran under (its 'doctor' evidence names the report) and the
 * settings drift since the snapshot before it, as the doctor view's change lines. Pure.
 */
import type { DoctorCheck, DoctorReport } from '../../../shared/domain/doctor';
import type { ChangeLine } from '../doctor/report-changes';

/** What the run kept: the report id, when it was taken, and the checks that failed then. */
export interface DoctorEvidence {
  readonly id: number | null;
  readonly takenAt: string;
  readonly failing: readonly string[];
}

/** The 'doctor' evidence data, checked for shape (it is stored JSON). */
export function readDoctorEvidence(data: unknown): DoctorEvidence | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.takenAt !== 'string' || !Array.isArray(d.failing)) return null;
  return {
    id: typeof d.id === 'number' ? d.id : null,
    takenAt: d.takenAt,
    failing: d.failing.filter((f): f is string => typeof f === 'string'),
  };
}

export interface SnapshotAtTime {
  readonly report: DoctorReport;
  /** The snapshot before it, or null when it was the first. */
  readonly previous: DoctorReport | null;
  readonly lines: readonly ChangeLine[];
}

function toLine(id: string, before: DoctorCheck | undefined, after: DoctorCheck | undefined): ChangeLine {
  return {
    checkId: id,
    title: after?.title ?? before?.title ?? null,
    kind: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
    before: before?.status ?? null,
    after: after?.status ?? null,
    beforeEvidence: before?.evidence ?? null,
    afterEvidence: after?.evidence ?? null,
    statusChanged: before?.status !== after?.status,
  };
}

/**
 * The evidence's report in the phone's history and what changed since the one before (status or
 * evidence). A partial report did not read every check, so checks it lacks are not "removed".
 */
export function snapshotAtTime(
  history: readonly DoctorReport[],
  evidence: DoctorEvidence,
): SnapshotAtTime | null {
  const report = history.find((r) =>
    evidence.id !== null ? r.id === evidence.id : r.takenAt === evidence.takenAt,
  );
  if (!report) return null;
  const previous =
    history.filter((r) => r.takenAt < report.takenAt).sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1))[0] ??
    null;
  if (!previous) return { report, previous: null, lines: [] };
  const before = new Map(previous.checks.map((c) => [c.id, c]));
  const after = new Map(report.checks.map((c) => [c.id, c]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].filter(
    (id) => report.complete || after.has(id),
  );
  const lines = ids
    .map((id) => toLine(id, before.get(id), after.get(id)))
    .filter((l) => l.statusChanged || l.beforeEvidence !== l.afterEvidence);
  return {
    report,
    previous,
    lines: [...lines.filter((l) => l.statusChanged), ...lines.filter((l) => !l.statusChanged)],
  };
}
