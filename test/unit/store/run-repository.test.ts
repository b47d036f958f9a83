import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/lab/store/db';
import type { NewRun } from '../../../electron/lab/store/run-repository';
import { createRepositories } from '../../../electron/lab/store/repositories';
import { parsePlan } from '../../../shared/runs/parse-plan';
import type { RunPhone } from '../../../shared/runs/types';
import { verdictOf } from '../runs/run-fixtures';
import { errorOf } from './fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'pushlab-runs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const S1 = 'background-c2c-text';
const S2 = 'background-c2c-text-no-nickname';
const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

const PLAN = parsePlan({
  name: 'nightly offline push',
  app: {
    package: 'com.example.chat',
    accounts: { vendors: { xiaomi: { account: 'qa_1' }, huawei: { account: 'qa_2' } } },
    login: { kind: 'operator', prompt: 'Log in as the test account' },
  },
  phones: { vendors: ['xiaomi', 'huawei'] },
  scenarios: [S1, S2],
  repeats: 2,
  sender: { kind: 'manual' },
});

const PHONES: RunPhone[] = [
  { serial: 'B2', vendor: 'HUAWEI', model: 'ELS-AN00', channel: 'huawei' },
  { serial: 'A1', vendor: 'Xiaomi', model: '24031PN0DC', channel: 'xiaomi' },
];

/** Every phone x scenario x repeat, run order per phone: scenario first, then repeat. */
function newRun(id: string, over: Partial<NewRun> = {}): NewRun {
  const phones = over.phones ?? PHONES;
  const attempts = phones.flatMap((p) =>
    [S1, S2].flatMap((scenarioId, s) =>
      [1, 2].map((repeat) => ({ serial: p.serial, scenarioId, repeat, ordinal: s * 2 + repeat })),
    ),
  );
  return { id, plan: PLAN, createdAt: '2026-03-01T09:00:00.000Z', ownerPid: 4242, phones, attempts, ...over };
}

const repos = (db: Db = openDatabase(':memory:')) => createRepositories(db).runs;
const PASS = verdictOf('pass', true, 850);
const FAIL = verdictOf('fail', false);
const LOST = verdictOf('device-lost', null);

describe('RunRepository', () => {
  it('stores a run with its phones and pending attempts and reads it back', () => {
    const runs = repos();
    runs.createRun(newRun('r1', { phoneContexts: { A1: { sdk: 34, rom: 'HyperOS' } } }));

    const detail = runs.detail('r1');
    expect(detail?.summary).toMatchObject({
      id: 'r1',
      planName: 'nightly offline push',
      status: 'running',
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-01T09:00:00.000Z',
      finishedAt: null,
      phones: 2,
      scenarios: 2,
      repeats: 2,
      attempts: 8,
      error: null,
    });
    expect(detail?.summary.totals).toEqual({
      pass: 0,
      fail: 0,
      blocked: 0,
      'device-lost': 0,
      inconclusive: 0,
      'not-run': 0,
      pending: 8,
      running: 0,
    });
    expect(detail?.phones).toEqual(PHONES);
    expect(detail?.scenarioIds).toEqual([S1, S2]);
    expect(detail?.attempts.map((a) => `${a.serial}/${a.scenarioId}/${a.repeat}`)).toEqual([
      `A1/${S1}/1`,
      `A1/${S1}/2`,
      `A1/${S2}/1`,
      `A1/${S2}/2`,
      `B2/${S1}/1`,
      `B2/${S1}/2`,
      `B2/${S2}/1`,
      `B2/${S2}/2`,
    ]);
    expect(detail?.attempts[0]).toMatchObject({
      status: 'pending',
      step: null,
      verdict: null,
      startedAt: null,
      finishedAt: null,
      latencyMs: null,
    });
    expect(runs.plan('r1')).toEqual(PLAN);
    expect(runs.phoneContexts('r1')).toEqual({ A1: { sdk: 34, rom: 'HyperOS' }, B2: null });
    expect(runs.pending('r1')).toEqual(detail?.attempts);
    expect(runs.summary('nope')).toBeUndefined();
    expect(runs.detail('nope')).toBeUndefined();
    expect(runs.plan('nope')).toBeUndefined();
  });

  it('stores a run all or nothing', () => {
    const runs = repos();
    const stray = errorOf(() =>
      runs.createRun(newRun('r1', { attempts: [{ serial: 'ZZ', scenarioId: S1, repeat: 1, ordinal: 1 }] })),
    );
    expect(stray.code).toBe('INVALID_ARGUMENT');
    // The second attempt collides with the first inside the transaction: nothing of the run stays.
    const twice = { serial: 'A1', scenarioId: S1, repeat: 1, ordinal: 1 };
    expect(
      errorOf(() => runs.createRun(newRun('r2', { attempts: [twice, { ...twice, ordinal: 2 }] }))).code,
    ).toBe('STORAGE_FAILED');
    expect(runs.summary('r2')).toBeUndefined();
    expect(runs.list()).toEqual([]);
  });

  it('keeps steps in order and shows the current one', () => {
    const runs = repos();
    runs.createRun(newRun('r1'));
    const [first] = runs.pending('r1');
    const id = first?.id ?? -1;
    runs.startAttempt(id, T0);
    runs.recordStep(id, { name: 'prepare', status: 'ok', at: T0 + 10 });
    runs.recordStep(id, { name: 'send', status: 'started', at: T0 + 20, detail: 'manual sender' });
    expect(runs.attemptDetail(id)?.attempt).toMatchObject({ status: 'running', step: 'send', startedAt: T0 });
    runs.recordStep(id, { name: 'send', status: 'ok', at: T0 + 30 });
    runs.recordStep(id, { name: 'capture', status: 'ok', at: T0 + 30 });

    const detail = runs.attemptDetail(id);
    expect(detail?.steps).toEqual([
      { seq: 1, name: 'prepare', status: 'ok', at: T0 + 10, detail: null },
      { seq: 2, name: 'send', status: 'started', at: T0 + 20, detail: 'manual sender' },
      { seq: 3, name: 'send', status: 'ok', at: T0 + 30, detail: null },
      { seq: 4, name: 'capture', status: 'ok', at: T0 + 30, detail: null },
    ]);
    expect(detail?.attempt.step).toBe('capture');
    expect(runs.summary('r1')?.updatedAt).toBe(new Date(T0 + 30).toISOString());
    expect(runs.summary('r1')?.totals).toMatchObject({ pending: 7, running: 1 });
    expect(errorOf(() => runs.recordStep(id, { name: 'dance' as 'send', status: 'ok', at: T0 })).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(errorOf(() => runs.recordStep(99_999, { name: 'send', status: 'ok', at: T0 })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('never overwrites a verdict', () => {
    const runs = repos();
    runs.createRun(newRun('r1'));
    const id = runs.pending('r1')[0]?.id ?? -1;
    runs.startAttempt(id, T0);
    runs.finishAttempt(id, { verdict: PASS, finishedAt: T0 + 900, latencyMs: 850 });

    const again = errorOf(() =>
      runs.finishAttempt(id, { verdict: FAIL, finishedAt: T0 + 2000, latencyMs: null }),
    );
    expect(again.code).toBe('STORAGE_FAILED');
    expect(again.message).toMatch(/already has a verdict \(pass\)/);
    expect(again.hint).toMatch(/never overwritten/);
    expect(errorOf(() => runs.startAttempt(id, T0 + 3000)).code).toBe('STORAGE_FAILED');
    expect(runs.markLost('r1', 'A1', LOST, T0 + 4000)).toBe(3);
    expect(runs.attemptDetail(id)?.attempt).toMatchObject({
      status: 'done',
      verdict: PASS,
      startedAt: T0,
      finishedAt: T0 + 900,
      latencyMs: 850,
    });
  });

  it('after a kill: the run reads as interrupted, the running attempt is requeued, verdicts and evidence stay', () => {
    const file = join(tmp, 'killed.db');
    const before = openDatabase(file);
    const runs = repos(before);
    runs.createRun(newRun('r1'));
    const [done, broken] = runs.pending('r1').map((a) => a.id);
    runs.startAttempt(done ?? -1, T0);
    runs.addEvidence(done ?? -1, { kind: 'record', data: { title: 'Denny', text: 'hi' }, at: T0 + 500 });
    runs.finishAttempt(done ?? -1, { verdict: PASS, finishedAt: T0 + 900, latencyMs: 850 });
    runs.startAttempt(broken ?? -1, T0 + 1000);
    runs.recordStep(broken ?? -1, { name: 'send', status: 'started', at: T0 + 1100 });
    runs.addEvidence(broken ?? -1, { kind: 'screenshot', path: 'r1/A1/2-before.png', at: T0 + 1050 });
    // No close, no checkpoint: what a new process finds after the first one is killed.
    const after = openDatabase(file);
    const reopened = repos(after);

    expect(reopened.markInterrupted(() => false, '2026-03-01T10:00:00.000Z')).toEqual(['r1']);
    expect(reopened.summary('r1')).toMatchObject({
      status: 'interrupted',
      finishedAt: null,
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    const requeued = reopened.attemptDetail(broken ?? -1);
    expect(requeued?.attempt).toMatchObject({
      status: 'pending',
      step: 'interrupted',
      startedAt: null,
      verdict: null,
    });
    expect(requeued?.steps.map((s) => `${s.seq}:${s.name}:${s.status}`)).toEqual([
      '1:send:started',
      '2:interrupted:failed',
    ]);
    expect(requeued?.evidence).toEqual([
      expect.objectContaining({ kind: 'screenshot', path: 'r1/A1/2-before.png', data: null, at: T0 + 1050 }),
    ]);
    const kept = reopened.attemptDetail(done ?? -1);
    expect(kept?.attempt).toMatchObject({ status: 'done', verdict: PASS });
    expect(kept?.evidence).toEqual([
      expect.objectContaining({ kind: 'record', path: null, data: { title: 'Denny', text: 'hi' } }),
    ]);
    expect(reopened.pending('r1').map((a) => a.id)).not.toContain(done);
    expect(reopened.pending('r1')).toHaveLength(7);
    expect(reopened.summary('r1')?.totals).toMatchObject({ pass: 1, pending: 7, running: 0 });
    // Resuming takes the run over; requeue finds nothing left running.
    expect(reopened.requeueRunning('r1', T0 + 5000)).toBe(0);
    reopened.setStatus('r1', 'running', '2026-03-01T10:01:00.000Z', null, { pid: 5151, start: null });
    expect(reopened.markInterrupted((owner) => owner.pid === 5151, '2026-03-01T10:02:00.000Z')).toEqual([]);
    before.close();
    after.close();
  });

  it('requeues the running attempts of a run with an interrupted step', () => {
    const runs = repos();
    runs.createRun(newRun('r1'));
    const [a, b, c] = runs.pending('r1').map((x) => x.id);
    runs.startAttempt(a ?? -1, T0);
    runs.startAttempt(b ?? -1, T0);
    runs.startAttempt(c ?? -1, T0);
    runs.finishAttempt(c ?? -1, { verdict: FAIL, finishedAt: T0 + 1, latencyMs: null });
    expect(runs.requeueRunning('r1', T0 + 10)).toBe(2);
    expect(runs.attemptDetail(a ?? -1)?.steps).toEqual([
      {
        seq: 1,
        name: 'interrupted',
        status: 'failed',
        at: T0 + 10,
        detail: expect.stringMatching(/runs again/),
      },
    ]);
    expect(runs.attemptDetail(c ?? -1)?.attempt.status).toBe('done');
    expect(runs.requeueRunning('r1', T0 + 20)).toBe(0);
    expect(runs.summary('r1')?.status).toBe('running');
    expect(errorOf(() => runs.requeueRunning('nope', T0)).code).toBe('NOT_FOUND');
  });

  it('marks only runs whose owner is gone as interrupted', () => {
    const runs = repos();
    runs.createRun(newRun('alive', { ownerPid: 100 }));
    runs.createRun(newRun('dead', { ownerPid: 200 }));
    runs.createRun(newRun('orphan', { ownerPid: null }));
    runs.createRun(newRun('over', { ownerPid: 300 }));
    runs.setStatus('over', 'completed', '2026-03-01T09:30:00.000Z');
    const asked: Array<number | null> = [];
    const marked = runs.markInterrupted(({ pid }) => {
      asked.push(pid);
      return pid === 100;
    }, '2026-03-01T11:00:00.000Z');

    expect(marked.sort()).toEqual(['dead', 'orphan']);
    expect(asked.sort()).toEqual([100, 200, null].sort());
    expect(runs.summary('alive')?.status).toBe('running');
    expect(runs.summary('dead')?.status).toBe('interrupted');
    expect(runs.summary('over')).toMatchObject({
      status: 'completed',
      finishedAt: '2026-03-01T09:30:00.000Z',
    });
  });

  it('keeps the owner start token and hands it to the liveness check (PID reuse)', () => {
    const runs = repos();
    runs.createRun(newRun('mine', { ownerPid: 100, ownerStart: 'linux:boot:111' }));
    runs.createRun(newRun('reused', { ownerPid: 200, ownerStart: 'linux:boot:222' }));
    runs.createRun(newRun('legacy', { ownerPid: 300 }));
    runs.setStatus('legacy', 'running', '2026-03-01T09:05:00.000Z', null, { pid: 300, start: null });
    const seen: string[] = [];
    // PIDs 100, 200 and 300 are all alive, but PID 200 now belongs to a process started later.
    const current: Record<number, string> = {
      100: 'linux:boot:111',
      200: 'linux:boot:999',
      300: 'linux:boot:333',
    };
    const marked = runs.markInterrupted((owner) => {
      seen.push(`${owner.pid}:${owner.start}`);
      return owner.pid !== null && (owner.start === null || owner.start === current[owner.pid]);
    }, '2026-03-01T11:00:00.000Z');
    expect(seen.sort()).toEqual(['100:linux:boot:111', '200:linux:boot:222', '300:null']);
    expect(marked).toEqual(['reused']);
    runs.setStatus('mine', 'running', '2026-03-01T11:01:00.000Z', null, {
      pid: 400,
      start: 'linux:boot:444',
    });
    expect(
      runs.markInterrupted(
        (o) => o.start === 'linux:boot:444' || o.start === null,
        '2026-03-01T11:02:00.000Z',
      ),
    ).toEqual([]);
  });

  it('a lost phone closes only its own open attempts', () => {
    const runs = repos();
    runs.createRun(newRun('r1'));
    runs.createRun(newRun('r2'));
    const a1 = runs.pending('r1').filter((a) => a.serial === 'A1');
    runs.startAttempt(a1[0]?.id ?? -1, T0);
    runs.finishAttempt(a1[0]?.id ?? -1, { verdict: PASS, finishedAt: T0 + 500, latencyMs: 480 });
    runs.startAttempt(a1[1]?.id ?? -1, T0 + 600);

    expect(runs.markLost('r1', 'A1', LOST, T0 + 700)).toBe(3);
    const after = runs.detail('r1')?.attempts ?? [];
    expect(after.filter((a) => a.serial === 'A1').map((a) => a.verdict?.kind)).toEqual([
      'pass',
      'device-lost',
      'device-lost',
      'device-lost',
    ]);
    expect(after.find((a) => a.id === a1[1]?.id)).toMatchObject({
      status: 'done',
      startedAt: T0 + 600,
      finishedAt: T0 + 700,
      latencyMs: null,
    });
    expect(after.filter((a) => a.serial === 'B2').every((a) => a.status === 'pending')).toBe(true);
    expect(runs.pending('r2')).toHaveLength(8);
    expect(runs.markLost('r1', 'A1', LOST, T0 + 800)).toBe(0);
  });

  it('totals count verdicts of done attempts plus pending and running; list is newest first', () => {
    const runs = repos();
    runs.createRun(newRun('old', { createdAt: '2026-02-01T00:00:00.000Z' }));
    runs.createRun(newRun('new'));
    const ids = runs.pending('new').map((a) => a.id);
    const verdicts = [PASS, PASS, FAIL, verdictOf('inconclusive', null), verdictOf('not-run', null)];
    verdicts.forEach((verdict, i) =>
      runs.finishAttempt(ids[i] ?? -1, { verdict, finishedAt: T0 + i, latencyMs: null }),
    );
    runs.startAttempt(ids[5] ?? -1, T0 + 10);

    expect(runs.summary('new')?.totals).toEqual({
      pass: 2,
      fail: 1,
      blocked: 0,
      'device-lost': 0,
      inconclusive: 1,
      'not-run': 1,
      pending: 2,
      running: 1,
    });
    expect(runs.list().map((r) => r.id)).toEqual(['new', 'old']);
    expect(runs.list(1).map((r) => r.id)).toEqual(['new']);

    const error = {
      code: 'DEVICE_LOST',
      message: 'Every phone went away.',
      hint: 'Reconnect them and resume.',
    } as const;
    runs.setStatus('new', 'failed', '2026-03-01T12:00:00.000Z', error);
    expect(runs.summary('new')).toMatchObject({
      status: 'failed',
      finishedAt: '2026-03-01T12:00:00.000Z',
      error,
    });
    runs.setStatus('new', 'running', '2026-03-01T12:05:00.000Z');
    expect(runs.summary('new')).toMatchObject({ status: 'running', finishedAt: null, error: null });
    expect(errorOf(() => runs.setStatus('nope', 'completed', '2026-03-01T12:00:00.000Z')).code).toBe(
      'NOT_FOUND',
    );
  });

  it('gives results of done attempts for reports', () => {
    const runs = repos();
    runs.createRun(newRun('r1'));
    const [a, b] = runs.pending('r1').map((x) => x.id);
    runs.startAttempt(a ?? -1, T0);
    runs.finishAttempt(a ?? -1, { verdict: PASS, finishedAt: T0 + 1500, latencyMs: 850 });
    runs.finishAttempt(b ?? -1, {
      verdict: verdictOf('not-run', null),
      finishedAt: T0 + 2000,
      latencyMs: null,
    });
    runs.setStatus('r1', 'completed', '2026-03-01T09:10:00.000Z');

    expect(runs.results('r1')).toEqual({
      planName: 'nightly offline push',
      startedAt: Date.parse('2026-03-01T09:00:00.000Z'),
      finishedAt: Date.parse('2026-03-01T09:10:00.000Z'),
      repeats: 2,
      phones: PHONES,
      attempts: [
        { serial: 'A1', scenarioId: S1, repeat: 1, verdict: PASS, startedAt: T0, durationMs: 1500 },
        {
          serial: 'A1',
          scenarioId: S1,
          repeat: 2,
          verdict: verdictOf('not-run', null),
          startedAt: T0 + 2000,
          durationMs: 0,
        },
      ],
    });
    expect(runs.results('nope')).toBeUndefined();
  });

  it('round-trips hostile text untouched', () => {
    const runs = repos();
    const serial = `R58M'"; DROP TABLE runs; --`;
    const phones: RunPhone[] = [
      { serial, vendor: 'O\'PPO "Reno" 雷诺 😀', model: 'Ω\u202eXYZ\\n', channel: 'oppo' },
    ];
    const id = `run '1' "x" 运行 ✓`;
    runs.createRun(newRun(id, { phones, phoneContexts: { [serial]: { note: '\'"\\`$(reboot)' } } }));
    const attemptId = runs.pending(id)[0]?.id ?? -1;
    const detail = 'notification "标题" said: \'hi\' \u{1F4E3}\r\n\t<b>bold</b>';
    runs.recordStep(attemptId, { name: 'capture', status: 'ok', at: T0, detail });
    const verdict = { ...PASS, reason: { key: 'pass.shown' as const, values: { title: `"'<script>` } } };
    runs.finishAttempt(attemptId, { verdict, finishedAt: T0 + 1, latencyMs: 1.5 });
    runs.addEvidence(attemptId, {
      kind: 'record',
      path: 'runs/运行 1/it\'s "here".png',
      data: { text: detail },
      at: T0,
    });

    expect(runs.detail(id)?.phones).toEqual(phones);
    expect(runs.phoneContexts(id)).toEqual({ [serial]: { note: '\'"\\`$(reboot)' } });
    const stored = runs.attemptDetail(attemptId);
    expect(stored?.steps[0]?.detail).toBe(detail);
    expect(stored?.attempt).toMatchObject({ serial, verdict, latencyMs: 1.5 });
    expect(stored?.evidence[0]).toMatchObject({
      path: 'runs/运行 1/it\'s "here".png',
      data: { text: detail },
    });
    expect(runs.list().map((r) => r.id)).toEqual([id]);
  });

  it('keeps evidence paths inside the evidence folder', () => {
    const runs = repos();
    runs.createRun(newRun('r1'));
    const id = runs.pending('r1')[0]?.id ?? -1;
    for (const path of [
      '../secrets.txt',
      'a/../../b',
      '/etc/passwd',
      'C:\\Windows\\x',
      '\\\\host\\share',
      'a\\..\\..\\b',
      '',
    ]) {
      expect(errorOf(() => runs.addEvidence(id, { kind: 'screenshot', path, at: T0 })).code).toBe(
        'INVALID_ARGUMENT',
      );
    }
    expect(runs.addEvidence(id, { kind: 'screenshot', path: 'r1/A1/shot..1.png', at: T0 })).toBeGreaterThan(
      0,
    );
    expect(errorOf(() => runs.addEvidence(id, { kind: 'video' as 'tap', at: T0 })).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(errorOf(() => runs.addEvidence(99_999, { kind: 'tap', at: T0 })).code).toBe('NOT_FOUND');
  });

  it('a damaged stored verdict is a typed error; the run still lists', () => {
    const db = openDatabase(':memory:');
    const runs = repos(db);
    runs.createRun(newRun('r1'));
    const [a, b] = runs.pending('r1').map((x) => x.id);
    runs.finishAttempt(a ?? -1, { verdict: PASS, finishedAt: T0, latencyMs: 10 });
    runs.finishAttempt(b ?? -1, { verdict: FAIL, finishedAt: T0, latencyMs: null });
    db.prepare('UPDATE run_attempts SET verdict_json = \'{"kind":"pass",\' WHERE id = ?').run(a);
    db.prepare('UPDATE run_attempts SET verdict_json = ? WHERE id = ?').run(JSON.stringify(PASS), b);

    const broken = errorOf(() => runs.attemptDetail(a ?? -1));
    expect(broken.code).toBe('STORAGE_FAILED');
    expect(broken.message).toBe(`The stored verdict of attempt ${a} (run r1) is damaged and cannot be read.`);
    expect(broken.hint).toBeTruthy();
    // Parses, but says pass where the row says fail: just as untrustworthy.
    expect(errorOf(() => runs.attemptDetail(b ?? -1)).message).toMatch(/damaged/);
    expect(errorOf(() => runs.results('r1')).code).toBe('STORAGE_FAILED');
    expect(runs.summary('r1')?.totals).toMatchObject({ pass: 1, fail: 1, pending: 6 });

    db.prepare("UPDATE runs SET plan_json = 'null', error_json = '{oops' WHERE id = 'r1'").run();
    expect(errorOf(() => runs.plan('r1')).message).toMatch(/plan of run r1 is damaged/);
    expect(runs.list()[0]?.error).toMatchObject({ code: 'STORAGE_FAILED' });
  });
});
