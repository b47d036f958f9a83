import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceView } from '../../../shared/domain/device';
import type { DoctorCheck } from '../../../shared/domain/doctor';
import type { ErrorInfo } from '../../../shared/errors';
import { LabError } from '../../../electron/lab/errors';
import { openDatabase } from '../../../electron/lab/store/db';
import { createRepositories } from '../../../electron/lab/store/repositories';
import { silentLogger } from '../../../electron/lab/util/logger';

const state = vi.hoisted(() => ({
  checks: [] as DoctorCheck[],
  errors: [] as Array<{ source: string; error: ErrorInfo }>,
  fixError: null as Error | null,
  fixNoEffect: false,
}));

vi.mock('../../../electron/lab/doctor/facts', () => ({
  gatherFacts: async () => ({ facts: {}, errors: state.errors }),
}));
vi.mock('../../../electron/lab/doctor/evaluate', () => ({ evaluateChecks: () => state.checks }));
vi.mock('../../../electron/lab/doctor/fixes', () => ({
  FIX_PLANS: new Proxy(
    {},
    {
      get: () => ({
        appliesTo: ['battery.doze'],
        run: async () => {
          if (state.fixError) throw state.fixError;
          if (state.fixNoEffect) return { detail: 'Added: com.example.app' };
          state.checks = state.checks.map((c) =>
            c.id === 'battery.doze' ? { ...c, status: 'ok', evidence: 'user,com.example.app' } : c,
          );
          return { detail: 'Added: com.example.app' };
        },
      }),
    },
  ),
}));

const { DoctorService } = await import('../../../electron/lab/doctor/doctor-service');
const { createAndroidPlatform } = await import('../../../electron/lab/android/android-platform');
const { createIosPlatform } = await import('../../../electron/lab/ios/ios-platform');

const c = (id: string, status: DoctorCheck['status'], evidence = id): DoctorCheck => ({
  id,
  status,
  title: { key: id, values: {} },
  evidence,
  advice: { key: id, values: {} },
  fixes: [],
  settingsPath: null,
});

const view = { serial: 'S1', platform: 'android', state: 'device', identity: null } as unknown as DeviceView;

function service() {
  const repos = createRepositories(openDatabase(':memory:'));
  let t = 0;
  const clock = { now: () => t, iso: () => new Date(Date.UTC(2026, 0, 1, 0, 0, t++)).toISOString() };
  const gateway = { device: () => ({}) } as never;
  const takenAt = (): string => clock.iso();
  const android = createAndroidPlatform({ devices: {} as never, gateway, logger: silentLogger, takenAt });
  const doctor = new DoctorService({
    registry: { get: (serial: string) => (serial === 'S1' ? view : undefined) },
    platforms: { android, ios: createIosPlatform({ simulators: {} as never, takenAt }) },
    repo: repos.doctor,
    clock,
    logger: silentLogger,
    user: 'qa-lead',
  });
  return { doctor, repos };
}
const subject = { serial: 'S1', package: 'com.example.app', channelIds: [] };

describe('DoctorService', () => {
  beforeEach(() => {
    state.checks = [c('app.installed', 'ok'), c('battery.doze', 'warn', 'not allow-listed')];
    state.errors = [];
    state.fixError = null;
    state.fixNoEffect = false;
  });

  it('stores each run and reports drift against the previous one', async () => {
    const { doctor, repos } = service();
    const first = await doctor.run(subject);
    expect(first).toMatchObject({ previousTakenAt: null, drift: [] });
    state.checks = [c('app.installed', 'ok'), c('battery.doze', 'ok', 'user,com.example.app')];
    const second = await doctor.run(subject);
    expect(second.previousTakenAt).toBe(first.report.takenAt);
    expect(second.drift).toEqual([
      {
        checkId: 'battery.doze',
        before: { status: 'warn', evidence: 'not allow-listed' },
        after: { status: 'ok', evidence: 'user,com.example.app' },
      },
    ]);
    expect(repos.doctor.history('S1', 'com.example.app')).toHaveLength(2);
  });

  it('keeps a partial report, marked as such, when the phone is lost mid-check', async () => {
    state.errors = [
      {
        source: 'appops',
        error: { code: 'DEVICE_LOST', message: 'Phone S1 was disconnected while running "appops".' },
      },
    ];
    state.checks = [c('app.installed', 'ok'), c('battery.run-any-in-background', 'unknown', '')];
    const { doctor, repos } = service();
    const result = await doctor.run(subject);
    expect(result.report.complete).toBe(false);
    expect(result.report.incompleteReason?.code).toBe('DEVICE_LOST');
    expect(repos.doctor.latest('S1', 'com.example.app')?.complete).toBe(false);
  });

  it('treats a failed read on a healthy phone as unknown checks, not a partial report', async () => {
    state.errors = [{ source: 'netpolicy', error: { code: 'COMMAND_FAILED', message: 'unknown list type' } }];
    const { doctor } = service();
    expect((await doctor.run(subject)).report.complete).toBe(true);
  });

  it('says clearly when the app is not installed, and stores nothing', async () => {
    state.checks = [c('app.installed', 'fail')];
    const { doctor, repos } = service();
    await expect(doctor.run(subject)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('com.example.app is not installed'),
    });
    expect(repos.doctor.latest('S1', 'com.example.app')).toBeNull();
  });

  it('refuses hostile package names and unknown phones before reading anything', async () => {
    const { doctor } = service();
    await expect(doctor.run({ ...subject, package: 'com.x;reboot' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(doctor.run({ ...subject, serial: 'S9' })).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
  });

  it('confirms a fix by re-reading and logs who applied it', async () => {
    const { doctor, repos } = service();
    const outcome = await doctor.fix(subject, 'doze-allowlist');
    expect(outcome).toMatchObject({
      ok: true,
      message: { key: 'fix.confirmed' },
      by: 'qa-lead',
      detail: 'Added: com.example.app',
    });
    expect(outcome.before.map((x) => x.status)).toEqual(['warn']);
    expect(outcome.after.map((x) => x.status)).toEqual(['ok']);
    expect(repos.doctor.fixes('S1', 'com.example.app')[0]?.outcome.ok).toBe(true);
  });

  it('reports a refused fix as failed with the phone’s words, never as done', async () => {
    state.fixError = new LabError('COMMAND_FAILED', 'The phone refused: SecurityException', {
      detail: 'java.lang.SecurityException: not allowed',
    });
    const { doctor, repos } = service();
    const outcome = await doctor.fix(subject, 'doze-allowlist');
    expect(outcome).toMatchObject({
      ok: false,
      message: { key: 'fix.refused' },
      detail: 'java.lang.SecurityException: not allowed',
    });
    expect(repos.doctor.fixes('S1', 'com.example.app')[0]?.outcome.ok).toBe(false);
  });

  it('does not call a fix done when the re-read still shows the problem', async () => {
    state.fixNoEffect = true; // the command is accepted, but the ROM keeps its own setting
    const { doctor } = service();
    const outcome = await doctor.fix(subject, 'doze-allowlist');
    expect(outcome).toMatchObject({ ok: false, message: { key: 'fix.notConfirmed' } });
    expect(outcome.after.map((x) => x.status)).toEqual(['warn']);
  });
});
