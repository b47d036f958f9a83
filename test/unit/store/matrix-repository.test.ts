import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../shared/domain/doctor';
import { verdictOf } from '../runs/run-fixtures';
import { openRepos, PLAN, storeRun, T0 } from '../matrix/store-fixtures';

const iso = (ms: number): string => new Date(ms).toISOString();

function report(serial: string, takenAt: string, dnd: 'ok' | 'warn'): DoctorReport {
  const check = (id: string, status: 'ok' | 'warn' | 'fail') => ({
    id,
    status,
    title: { key: 't', values: {} },
    evidence: `${id}=${status}`,
    advice: { key: 'a', values: {} },
    fixes: [],
    settingsPath: null,
  });
  return {
    id: null,
    serial,
    package: PLAN.app.package,
    takenAt,
    complete: true,
    incompleteReason: null,
    phone: null,
    checks: [check('dnd.mode', dnd), check('notifications.permission', 'ok')],
  };
}

describe('MatrixRepository', () => {
  it('reads every attempt with the reason and delivery columns RunRepository writes with the verdict', () => {
    const { repos } = openRepos();
    storeRun(repos, {
      id: 'r1',
      status: 'running',
      verdicts: {
        'mi-1/background-image/1': verdictOf('fail', false),
        'mi-1/background-image/2': null,
        'px-1/background-image/1': verdictOf('inconclusive', null),
      },
    });
    repos.runs.markLost('r1', 'mi-1', verdictOf('device-lost', null), T0 + 5000);
    const cells = repos.matrix.cells('r1');
    expect(cells).toHaveLength(8);
    // Ordered by serial, scenario, repeat.
    expect(cells.map((c) => `${c.serial}/${c.scenarioId}/${c.repeat}`).slice(0, 4)).toEqual([
      'mi-1/background-c2c-text/1',
      'mi-1/background-c2c-text/2',
      'mi-1/background-image/1',
      'mi-1/background-image/2',
    ]);
    const byKey = new Map(cells.map((c) => [`${c.serial}/${c.scenarioId}/${c.repeat}`, c]));
    expect(byKey.get('mi-1/background-c2c-text/1')).toMatchObject({
      verdictKind: 'pass',
      reasonKey: 'pass.shown',
      reasonValues: '{"latency":"800 ms"}',
      delivered: true,
      latencyMs: 800,
    });
    expect(byKey.get('mi-1/background-image/1')).toMatchObject({
      verdictKind: 'fail',
      reasonKey: 'fail.not-shown-in-time',
      delivered: false,
      latencyMs: null,
    });
    expect(byKey.get('mi-1/background-image/2')).toMatchObject({
      verdictKind: 'device-lost',
      reasonKey: 'device-lost.lost',
      delivered: null,
    });
    expect(byKey.get('px-1/background-image/1')).toMatchObject({
      verdictKind: 'inconclusive',
      reasonKey: 'inconclusive.capture-error',
      delivered: null,
    });
    expect(typeof byKey.get('px-1/background-image/1')?.ordinal).toBe('number');
    expect(repos.matrix.cells('nope')).toEqual([]);
  });

  it('reads the run head, phones and their stored details; a damaged plan reads as unknown', () => {
    const { db, repos } = openRepos();
    storeRun(repos, { id: 'r1' });
    expect(repos.matrix.head('r1')).toMatchObject({
      id: 'r1',
      planName: PLAN.name,
      status: 'completed',
      package: 'com.example.chat',
      build: '/builds/app-1.2.3.apk',
    });
    expect(JSON.parse(repos.matrix.head('r1')?.pushJson ?? 'null')).toEqual({
      highClassChannelIds: ['pushlab_im'],
      fcmPriority: 'high',
    });
    expect(repos.matrix.head('nope')).toBeUndefined();
    expect(
      repos.matrix.phones('r1').map((p) => [p.serial, p.vendor, JSON.parse(p.detailsJson ?? 'null')?.brand]),
    ).toEqual([
      ['px-1', 'Google', 'Google'],
      ['mi-1', 'Xiaomi', 'Xiaomi'],
    ]);
    db.prepare("UPDATE runs SET plan_json = '{broken' WHERE id = 'r1'").run();
    db.prepare("UPDATE run_phones SET context_json = '[1' WHERE run_id = 'r1'").run();
    expect(repos.matrix.head('r1')).toMatchObject({ package: null, build: null, pushJson: null });
    expect(repos.matrix.phones('r1').map((p) => p.detailsJson)).toEqual([null, null]);
  });

  it('finds the doctor snapshot taken during a run, else the one nearest its start', () => {
    const { repos } = openRepos();
    const before = repos.doctor.save(report('mi-1', iso(T0 - 3_600_000), 'ok'));
    const during1 = repos.doctor.save(report('mi-1', iso(T0 + 10_000), 'warn'));
    repos.doctor.save(report('mi-1', iso(T0 + 20_000), 'ok'));
    const after = repos.doctor.save(report('mi-1', iso(T0 + 7_200_000), 'ok'));
    const near = (from: number, to: number) =>
      repos.matrix.snapshotNear('mi-1', PLAN.app.package, iso(from), iso(to))?.id;
    expect(near(T0, T0 + 60_000)).toBe(during1.id);
    expect(near(T0 - 3_000_000, T0 - 2_000_000)).toBe(before.id);
    expect(near(T0 + 6_000_000, T0 + 6_100_000)).toBe(after.id);
    expect(repos.matrix.snapshotNear('mi-1', 'com.other.app', iso(T0), iso(T0 + 60_000))).toBeNull();
    expect(repos.matrix.snapshotNear('px-1', PLAN.app.package, iso(T0), iso(T0 + 60_000))).toBeNull();
    expect(
      repos.matrix.snapshotNear('mi-1', PLAN.app.package, iso(T0), iso(T0 + 60_000))?.checks[0]?.status,
    ).toBe('warn');
  });

  it('lists runs newest first, per app and per build (path or file name)', () => {
    const { repos } = openRepos();
    const other = {
      ...PLAN,
      app: { ...PLAN.app, package: 'com.other.app' },
      build: { apk: 'C:\\builds\\app-2.0.apk', install: true },
    };
    storeRun(repos, { id: 'old', createdAt: iso(T0) });
    storeRun(repos, { id: 'new', createdAt: iso(T0 + 86_400_000) });
    storeRun(repos, { id: 'other', createdAt: iso(T0 + 3_600_000), plan: other });
    expect(repos.matrix.runs().map((r) => r.id)).toEqual(['new', 'other', 'old']);
    expect(repos.matrix.runs({ package: 'com.example.chat' }).map((r) => r.id)).toEqual(['new', 'old']);
    expect(repos.matrix.runs({ build: 'app-2.0.apk' }).map((r) => r.id)).toEqual(['other']);
    expect(repos.matrix.runs({ build: '/builds/app-1.2.3.apk' }).map((r) => r.id)).toEqual(['new', 'old']);
    expect(repos.matrix.runs({ build: 'app-1.2.%' })).toEqual([]);
    expect(repos.matrix.runs({ limit: 1 }).map((r) => r.id)).toEqual(['new']);
  });
});
