/**
 * Settings drift: what changed between two doctor snapshots of the same phone and app (e.g. a
 * firmware update re-enabled a battery limit). Pure.
 */
import type { DoctorCheck, DriftItem } from '../../../shared/domain/doctor';

export function computeDrift(
  before: readonly DoctorCheck[] | null,
  after: readonly DoctorCheck[],
): DriftItem[] {
  if (!before) return [];
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Map(after.map((c) => [c.id, c]));
  const drift: DriftItem[] = [];
  for (const check of after) {
    const prior = old.get(check.id);
    // A check that could not be read this time is not a change of the setting.
    if (check.status === 'unknown' && prior) continue;
    if (!prior) {
      drift.push({
        checkId: check.id,
        before: null,
        after: { status: check.status, evidence: check.evidence },
      });
    } else if (
      prior.status !== check.status ||
      (prior.status !== 'unknown' && prior.evidence !== check.evidence)
    ) {
      drift.push({
        checkId: check.id,
        before: { status: prior.status, evidence: prior.evidence },
        after: { status: check.status, evidence: check.evidence },
      });
    }
  }
  for (const prior of before) {
    if (!now.has(prior.id))
      drift.push({
        checkId: prior.id,
        before: { status: prior.status, evidence: prior.evidence },
        after: null,
      });
  }
  return drift;
}
