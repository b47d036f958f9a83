/**
 * What changed: settings drift since the previous snapshot, and a fix's before -> after, as
 * lines the panel can show; and folding a fix's re-read checks into the report on screen. Pure.
 */
import type {
  CheckStatus,
  DoctorCheck,
  DoctorReport,
  DoctorResult,
  FixOutcome,
  Message,
} from '../../../shared/domain/doctor';

export interface ChangeLine {
  readonly checkId: string;
  /** The check's title from the newest read that has it; null when neither side has one. */
  readonly title: Message | null;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: CheckStatus | null;
  readonly after: CheckStatus | null;
  readonly beforeEvidence: string | null;
  readonly afterEvidence: string | null;
  readonly statusChanged: boolean;
}

function line(
  checkId: string,
  title: Message | null,
  before: { status: CheckStatus; evidence: string } | null,
  after: { status: CheckStatus; evidence: string } | null,
): ChangeLine {
  return {
    checkId,
    title,
    kind: before === null ? 'added' : after === null ? 'removed' : 'changed',
    before: before?.status ?? null,
    after: after?.status ?? null,
    beforeEvidence: before?.evidence ?? null,
    afterEvidence: after?.evidence ?? null,
    statusChanged: before?.status !== after?.status,
  };
}

/** Status changes first, then evidence-only changes; the core's order within each. */
function statusChangesFirst(lines: ChangeLine[]): ChangeLine[] {
  return [...lines.filter((l) => l.statusChanged), ...lines.filter((l) => !l.statusChanged)];
}

/**
 * The drift of a run as lines, titled from the current report (or, for checks no longer there,
 * from the previous snapshot's checks when the caller has them). A partial report did not read
 * every check, so a check it lacks is not "gone": those lines are left out.
 */
export function driftLines(result: DoctorResult, previous: readonly DoctorCheck[] = []): ChangeLine[] {
  const titles = new Map([...previous, ...result.report.checks].map((c) => [c.id, c.title]));
  const items = result.report.complete ? result.drift : result.drift.filter((d) => d.after !== null);
  return statusChangesFirst(
    items.map((d) => line(d.checkId, titles.get(d.checkId) ?? null, d.before, d.after)),
  );
}

/** A fix's affected checks as before -> after lines (paired by check id). */
export function fixChangeLines(outcome: Pick<FixOutcome, 'before' | 'after'>): ChangeLine[] {
  const before = new Map(outcome.before.map((c) => [c.id, c]));
  const after = new Map(outcome.after.map((c) => [c.id, c]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  return ids.map((id) => {
    const b = before.get(id) ?? null;
    const a = after.get(id) ?? null;
    return line(id, a?.title ?? b?.title ?? null, b, a);
  });
}

/** The report with the fix's re-read checks in place of the old ones (new ones appended). */
export function applyFixOutcome(report: DoctorReport, outcome: Pick<FixOutcome, 'after'>): DoctorReport {
  if (outcome.after.length === 0) return report;
  const fresh = new Map<string, DoctorCheck>(outcome.after.map((c) => [c.id, c]));
  const checks = report.checks.map((c) => {
    const next = fresh.get(c.id);
    if (next) fresh.delete(c.id);
    return next ?? c;
  });
  return { ...report, checks: [...checks, ...fresh.values()] };
}
