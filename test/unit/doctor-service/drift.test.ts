import { describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../../shared/domain/doctor';
import { computeDrift } from '../../../electron/lab/doctor/drift';

const c = (id: string, status: DoctorCheck['status'], evidence = `${id}:${status}`): DoctorCheck => ({
  id,
  status,
  title: { key: id, values: {} },
  evidence,
  advice: { key: id, values: {} },
  fixes: [],
  settingsPath: null,
});

describe('computeDrift', () => {
  it('is empty for a first snapshot and for no change', () => {
    expect(computeDrift(null, [c('a', 'ok')])).toEqual([]);
    expect(computeDrift([c('a', 'ok')], [c('a', 'ok')])).toEqual([]);
  });

  it('reports a battery limit a firmware update turned back on', () => {
    const before = [c('battery.runAnyInBackground', 'ok', 'RUN_ANY_IN_BACKGROUND: allow')];
    const after = [c('battery.runAnyInBackground', 'fail', 'RUN_ANY_IN_BACKGROUND: ignore')];
    expect(computeDrift(before, after)).toEqual([
      {
        checkId: 'battery.runAnyInBackground',
        before: { status: 'ok', evidence: 'RUN_ANY_IN_BACKGROUND: allow' },
        after: { status: 'fail', evidence: 'RUN_ANY_IN_BACKGROUND: ignore' },
      },
    ]);
  });

  it('reports evidence changes with the same status, new checks and vanished ones', () => {
    const drift = computeDrift(
      [c('a', 'ok', 'v1'), c('gone', 'warn')],
      [c('a', 'ok', 'v2'), c('new', 'fail')],
    );
    expect(drift.map((d) => d.checkId)).toEqual(['a', 'new', 'gone']);
    expect(drift.find((d) => d.checkId === 'gone')?.after).toBeNull();
    expect(drift.find((d) => d.checkId === 'new')?.before).toBeNull();
  });

  it('does not call an unreadable setting a change', () => {
    expect(computeDrift([c('dnd', 'ok')], [c('dnd', 'unknown', '')])).toEqual([]);
  });
});
