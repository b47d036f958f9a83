import { describe, expect, it } from 'vitest';
import { MatrixService } from '../../../electron/lab/runs/matrix/matrix-service';
import { createMatrixHandlers } from '../../../electron/lab/runs/matrix/matrix-handlers';
import type { Repositories } from '../../../electron/lab/store/repositories';
import type { DoctorReport } from '../../../shared/domain/doctor';
import { requestSchemas } from '../../../shared/ipc';
import type { SignOffRequest } from '../../../shared/matrix/types';
import { errorOf } from '../store/fixtures';
import { openRepos, PLAN, storeRun, T0 } from './store-fixtures';

const iso = (ms: number): string => new Date(ms).toISOString();
const clock = { now: () => T0 + 86_400_000, iso: () => iso(T0 + 86_400_000) };
const HOUR = 3_600_000;

function service(repos: Repositories): MatrixService {
  return new MatrixService({ runs: repos.matrix, signoffs: repos.signoffs, clock });
}

function doctorReport(
  serial: string,
  takenAt: string,
  checks: Record<string, 'ok' | 'warn' | 'fail'>,
): DoctorReport {
  return {
    id: null,
    serial,
    package: PLAN.app.package,
    takenAt,
    complete: true,
    incompleteReason: null,
    phone: null,
    checks: Object.entries(checks).map(([id, status]) => ({
      id,
      status,
      title: { key: 't', values: {} },
      evidence: `${id}: ${status}`,
      advice: { key: 'a', values: {} },
      fixes: [],
      settingsPath: null,
    })),
  };
}

const request = (over: Partial<SignOffRequest> = {}): SignOffRequest => ({
  runId: 'r1',
  by: '  Lead Li ',
  note: 'Release 1.2.3 <b>ok</b>\nsecond line',
  waivers: [{ serial: 'mi-1', scenarioId: 'background-image', reason: ' Known HyperOS issue ' }],
  ...over,
});

describe('MatrixService.matrix', () => {
  it("builds a stored run's matrix: groups, columns, reasons, profile-driven hints, DND from the run's doctor snapshot", () => {
    const { repos } = openRepos();
    const plan = { ...PLAN, scenarios: ['background-c2c-text', 'low-class-message'] };
    storeRun(repos, {
      id: 'r1',
      plan,
      verdicts: { 'mi-1/low-class-message/1': 'inconclusive', 'px-1/background-c2c-text/2': 'fail' },
    });
    repos.doctor.save(doctorReport('px-1', iso(T0 + 5000), { 'dnd.mode': 'warn' }));
    const m = service(repos).matrix('r1');
    expect(m).toMatchObject({
      runId: 'r1',
      planName: PLAN.name,
      package: 'com.example.chat',
      status: 'completed',
      signOff: null,
    });
    expect(m.phones.map((p) => [p.serial, p.group, p.rom?.name])).toEqual([
      ['mi-1', 'xiaomi', 'Android'],
      ['px-1', 'google', 'Android'],
    ]);
    expect(m.columns.map((c) => c.scenarioId)).toEqual(['background-c2c-text', 'low-class-message']);
    const px = m.cells.find((c) => c.serial === 'px-1' && c.scenarioId === 'background-c2c-text');
    expect(px).toMatchObject({
      status: 'fail',
      reason: { key: 'fail.not-shown-in-time', values: { within: '60000 ms' } },
      hint: { kind: 'quiet-hours' },
      deliveryRate: 0.5,
    });
    // verdictOf gives a capture error here, not a missing push: no class hint for it.
    expect(m.cells.find((c) => c.serial === 'mi-1' && c.scenarioId === 'low-class-message')).toMatchObject({
      status: 'inconclusive',
      hint: null,
    });
    expect(m.total.cells).toBe(4);
    expect(errorOf(() => service(repos).matrix('nope')).code).toBe('NOT_FOUND');
  });
});

describe('MatrixService.compare', () => {
  it('marks regressions with the drift between the doctor snapshots nearest each run', () => {
    const { repos } = openRepos();
    storeRun(repos, { id: 'a', createdAt: iso(T0) });
    storeRun(repos, {
      id: 'b',
      createdAt: iso(T0 + HOUR),
      verdicts: { 'mi-1/background-c2c-text/1': 'fail' },
    });
    repos.doctor.save(
      doctorReport('mi-1', iso(T0 + 5000), { 'notifications.permission': 'ok', 'dnd.mode': 'ok' }),
    );
    repos.doctor.save(
      doctorReport('mi-1', iso(T0 + HOUR + 5000), { 'notifications.permission': 'fail', 'dnd.mode': 'ok' }),
    );
    repos.doctor.save(doctorReport('px-1', iso(T0 + 5000), { 'dnd.mode': 'ok' }));
    const result = service(repos).compare('a', 'b');
    expect(result.changes).toEqual([
      {
        serial: 'mi-1',
        scenarioId: 'background-c2c-text',
        kind: 'regressed',
        before: 'pass',
        after: 'fail',
        latencyBeforeMs: 800,
        latencyAfterMs: 800,
        drift: [
          {
            checkId: 'notifications.permission',
            before: 'ok',
            after: 'fail',
            beforeEvidence: 'notifications.permission: ok',
            afterEvidence: 'notifications.permission: fail',
          },
        ],
      },
    ]);
    // px-1 has one snapshot, nearest both runs: no drift with itself.
    expect(Object.keys(result.drift)).toEqual(['mi-1']);
    expect(service(repos).compare('a', 'a').changes).toEqual([]);
    expect(errorOf(() => service(repos).compare('a', 'b', { ratio: 0 })).code).toBe('INVALID_ARGUMENT');
    expect(errorOf(() => service(repos).compare('a', 'nope')).code).toBe('NOT_FOUND');
  });
});

describe('MatrixService.signOff', () => {
  function withRun(status: 'completed' | 'running' = 'completed') {
    const { repos } = openRepos();
    storeRun(repos, {
      id: 'r1',
      status,
      verdicts: { 'mi-1/background-image/1': 'fail', 'px-1/background-image/2': 'blocked' },
    });
    return { repos, matrix: service(repos) };
  }

  it('signs a completed run with waivers: names trimmed, time from the clock, texts kept as typed', () => {
    const { matrix } = withRun();
    expect(matrix.signOffOf('r1')).toBeNull();
    const signed = matrix.signOff(request());
    const at = clock.iso();
    expect(signed).toEqual({
      runId: 'r1',
      by: 'Lead Li',
      at,
      note: 'Release 1.2.3 <b>ok</b>\nsecond line',
      waivers: [
        { serial: 'mi-1', scenarioId: 'background-image', reason: 'Known HyperOS issue', by: 'Lead Li', at },
      ],
    });
    expect(matrix.signOffOf('r1')).toEqual(signed);
    const m = matrix.matrix('r1');
    expect(m.signOff).toEqual(signed);
    expect(m.cells.find((c) => c.serial === 'mi-1' && c.scenarioId === 'background-image')).toMatchObject({
      status: 'fail',
      waiver: signed.waivers[0],
    });
    expect(m.total).toMatchObject({ waived: 1 });
    expect(matrix.listRuns().map((r) => [r.runId, r.signedOff, r.package, r.build])).toEqual([
      ['r1', true, 'com.example.chat', '/builds/app-1.2.3.apk'],
    ]);
  });

  it('refuses a second sign-off: there is no un-sign', () => {
    const { matrix } = withRun();
    matrix.signOff(request({ waivers: [] }));
    const error = errorOf(() => matrix.signOff(request({ by: 'Other', waivers: [] })));
    expect(error.code).toBe('RUN_SIGNED_OFF');
    expect(error.message).toMatch(/Lead Li/);
    expect(
      Object.getOwnPropertyNames(MatrixService.prototype).filter((n) =>
        /un-?sign|revoke|withdraw|delete/i.test(n),
      ),
    ).toEqual([]);
  });

  it('refuses what breaks the rules, storing nothing', () => {
    const { repos, matrix } = withRun();
    const cases: Array<[Partial<SignOffRequest>, RegExp]> = [
      [{ by: '   ' }, /name of who signs/],
      [{ by: 'Lead\u0007' }, /control characters/],
      [{ by: 'Lead\nLi' }, /control characters/],
      [{ by: 'x'.repeat(101) }, /longer than 100/],
      [
        { waivers: [{ serial: 'mi-1', scenarioId: 'background-c2c-text', reason: 'x' }] },
        /is pass: only a failed/,
      ],
      [{ waivers: [{ serial: 'mi-1', scenarioId: 'background-image', reason: '  ' }] }, /has no reason/],
      [{ waivers: [{ serial: 'zz', scenarioId: 'background-image', reason: 'x' }] }, /no cell/],
      [{ waivers: [...request().waivers, ...request().waivers] }, /waived twice/],
    ];
    for (const [over, message] of cases) {
      const error = errorOf(() => matrix.signOff(request(over)));
      expect(error.code, JSON.stringify(over)).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(message);
      expect(error.hint).toBeTruthy();
    }
    // A blocked cell can be waived too.
    expect(
      matrix.signOff(
        request({ waivers: [{ serial: 'px-1', scenarioId: 'background-image', reason: 'USB hub' }] }),
      ).waivers,
    ).toHaveLength(1);
    expect(repos.signoffs.get('r1')?.waivers.map((w) => w.serial)).toEqual(['px-1']);
  });

  it('needs a completed run and an existing one', () => {
    const { matrix } = withRun('running');
    const error = errorOf(() => matrix.signOff(request()));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/Only a completed run/);
    expect(errorOf(() => matrix.signOff(request({ runId: 'nope' }))).code).toBe('NOT_FOUND');
    expect(errorOf(() => matrix.signOffOf('nope')).code).toBe('NOT_FOUND');
  });
});

describe('matrix IPC', () => {
  it('validates the arguments and forwards to the service', async () => {
    const { matrix } = (() => {
      const { repos } = openRepos();
      storeRun(repos, { id: 'r1', verdicts: { 'mi-1/background-image/1': 'fail' } });
      return { matrix: service(repos) };
    })();
    const h = createMatrixHandlers(matrix);
    expect((await h['matrix:get']('r1')).runId).toBe('r1');
    expect((await h['matrix:compare']('r1', 'r1')).changes).toEqual([]);
    expect(await h['matrix:sign-off-of']('r1')).toBeNull();
    const args = requestSchemas['matrix:sign-off'].parse([request()]);
    expect((await h['matrix:sign-off'](...args)).by).toBe('Lead Li');

    expect(requestSchemas['matrix:get'].safeParse(['../etc']).success).toBe(false);
    expect(requestSchemas['matrix:compare'].safeParse(['a']).success).toBe(false);
    expect(requestSchemas['matrix:sign-off'].safeParse([{ ...request(), by: '' }]).success).toBe(false);
    expect(
      requestSchemas['matrix:sign-off'].safeParse([
        { ...request(), waivers: [{ serial: 'mi-1', scenarioId: 'x', reason: '' }] },
      ]).success,
    ).toBe(false);
    expect(requestSchemas['matrix:sign-off'].safeParse([{ runId: 'r1', by: 'x', waivers: [] }]).success).toBe(
      false,
    );
    expect(requestSchemas['matrix:sign-off-of'].safeParse(['r1']).success).toBe(true);
  });
});
