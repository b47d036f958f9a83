import { describe, expect, it } from 'vitest';
import type { DoctorCheck, DoctorReport, FixOutcome } from '../../../shared/domain/doctor';
import { openDatabase } from '../../../electron/lab/store/db';
import { createRepositories } from '../../../electron/lab/store/repositories';

const check = (id: string, status: DoctorCheck['status']): DoctorCheck => ({
  id,
  status,
  title: { key: `check.${id}.title`, values: {} },
  evidence: `${id}=${status}`,
  advice: { key: 'x', values: {} },
  fixes: [],
  settingsPath: null,
});

const report = (takenAt: string, checks: DoctorCheck[], pkg = 'com.example.app'): DoctorReport => ({
  id: null,
  serial: 'S1',
  package: pkg,
  takenAt,
  complete: true,
  incompleteReason: null,
  phone: null,
  checks,
});

describe('DoctorRepository', () => {
  it('stores snapshots per phone and app and returns the newest first', () => {
    const { doctor } = createRepositories(openDatabase(':memory:'));
    const first = doctor.save(report('2026-01-01T00:00:00.000Z', [check('battery.doze', 'fail')]));
    const second = doctor.save(report('2026-01-02T00:00:00.000Z', [check('battery.doze', 'ok')]));
    doctor.save(report('2026-01-03T00:00:00.000Z', [], 'com.other.app'));
    expect(first.id).toBeGreaterThan(0);
    expect(second.id).toBeGreaterThan(first.id ?? 0);
    expect(doctor.latest('S1', 'com.example.app')).toEqual(second);
    expect(doctor.history('S1', 'com.example.app').map((r) => r.takenAt)).toEqual([
      '2026-01-02T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
    expect(doctor.latest('S2', 'com.example.app')).toBeNull();
  });

  it('logs fixes with who and when', () => {
    const { doctor } = createRepositories(openDatabase(':memory:'));
    const outcome: FixOutcome = {
      fix: 'doze-allowlist',
      ok: false,
      message: { key: 'fix.refused', values: {} },
      detail: 'java.lang.SecurityException: not allowed',
      before: [check('battery.doze', 'fail')],
      after: [check('battery.doze', 'fail')],
      at: '2026-01-02T00:00:00.000Z',
      by: 'qa-lead',
    };
    doctor.logFix('S1', 'com.example.app', outcome);
    expect(doctor.fixes('S1', 'com.example.app')).toEqual([
      { serial: 'S1', package: 'com.example.app', outcome },
    ]);
  });
});
