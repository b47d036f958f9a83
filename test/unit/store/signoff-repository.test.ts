import { describe, expect, it } from 'vitest';
import type { SignOff } from '../../../shared/matrix/types';
import { verdictOf } from '../runs/run-fixtures';
import { openRepos, storeRun, T0 } from '../matrix/store-fixtures';
import { errorOf } from './fixtures';

const AT = '2026-03-02T08:00:00.000Z';
const signOff = (over: Partial<SignOff> = {}): SignOff => ({
  runId: 'r1',
  by: 'Lead Li',
  at: AT,
  note: 'Release 1.2.3',
  waivers: [
    { serial: 'mi-1', scenarioId: 'background-image', reason: 'Known HyperOS issue', by: 'Lead Li', at: AT },
  ],
  ...over,
});

function signedRun() {
  const { db, repos } = openRepos();
  storeRun(repos, { id: 'r1', verdicts: { 'mi-1/background-image/1': 'fail' } });
  repos.signoffs.save(signOff());
  return { db, repos };
}

describe('SignoffRepository', () => {
  it('stores a sign-off with its waivers and reads it back', () => {
    const { repos } = signedRun();
    expect(repos.signoffs.get('r1')).toEqual(signOff());
    expect(repos.signoffs.get('other')).toBeNull();
    expect(repos.signoffs.signedRunIds(['r1', 'other', 'r1'])).toEqual(new Set(['r1']));
    expect(repos.signoffs.signedRunIds([])).toEqual(new Set());
  });

  it('refuses a second sign-off as RUN_SIGNED_OFF and keeps the first', () => {
    const { repos } = signedRun();
    const error = errorOf(() => repos.signoffs.save(signOff({ by: 'Someone else', waivers: [] })));
    expect(error.code).toBe('RUN_SIGNED_OFF');
    expect(error.hint).toMatch(/new run/);
    expect(repos.signoffs.get('r1')?.by).toBe('Lead Li');
  });

  it('stores nothing when one waiver is refused (all or nothing)', () => {
    const { repos } = openRepos();
    storeRun(repos, { id: 'r1', verdicts: { 'mi-1/background-image/1': 'fail' } });
    const bad = signOff({
      waivers: [
        ...signOff().waivers,
        { serial: 'px-1', scenarioId: 'background-image', reason: 'passes anyway', by: 'x', at: AT },
      ],
    });
    expect(errorOf(() => repos.signoffs.save(bad)).code).toBe('STORAGE_FAILED');
    expect(repos.signoffs.get('r1')).toBeNull();
    repos.signoffs.save(signOff());
    expect(repos.signoffs.get('r1')?.waivers).toHaveLength(1);
  });
});

describe('a signed-off run is frozen', () => {
  it('refuses every RunRepository write as RUN_SIGNED_OFF, with a hint, and changes nothing', () => {
    const { db, repos } = signedRun();
    const runs = repos.runs;
    const attempt = runs.detail('r1')?.attempts[0];
    if (!attempt) throw new Error('no attempt');
    const dump = (): unknown =>
      ['runs', 'run_phones', 'run_attempts', 'run_steps', 'run_evidence', 'run_signoffs', 'run_waivers'].map(
        (t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
      );
    const before = dump();
    const writes: Array<[string, () => unknown]> = [
      ['setStatus', () => runs.setStatus('r1', 'interrupted', new Date(T0 + 90_000).toISOString())],
      ['startAttempt', () => runs.startAttempt(attempt.id, T0 + 90_000)],
      [
        'finishAttempt',
        () =>
          runs.finishAttempt(attempt.id, {
            verdict: verdictOf('fail', false),
            finishedAt: T0 + 90_000,
            latencyMs: null,
          }),
      ],
      ['recordStep', () => runs.recordStep(attempt.id, { name: 'judge', status: 'ok', at: T0 + 90_000 })],
      [
        'addEvidence',
        () => runs.addEvidence(attempt.id, { kind: 'record', data: { title: 'x' }, at: T0 + 90_000 }),
      ],
      ['requeueRunning', () => runs.requeueRunning('r1', T0 + 90_000)],
      ['markLost', () => runs.markLost('r1', 'mi-1', verdictOf('device-lost', null), T0 + 90_000)],
    ];
    for (const [name, write] of writes) {
      const error = errorOf(write);
      expect(error.code, name).toBe('RUN_SIGNED_OFF');
      expect(error.message, name).toMatch(/signed off and frozen/);
      expect(error.hint, name).toMatch(/never changes/);
    }
    expect(dump()).toEqual(before);
    expect(runs.summary('r1')?.status).toBe('completed');
  });

  it('leaves other runs writable', () => {
    const { repos } = signedRun();
    storeRun(repos, {
      id: 'r2',
      createdAt: new Date(T0 + 3_600_000).toISOString(),
      status: 'running',
      verdicts: { 'px-1/background-c2c-text/1': null },
    });
    const open = repos.runs.pending('r2')[0];
    if (!open) throw new Error('no open attempt');
    repos.runs.startAttempt(open.id, T0 + 3_700_000);
    repos.runs.finishAttempt(open.id, {
      verdict: verdictOf('pass', true, 700),
      finishedAt: T0 + 3_701_000,
      latencyMs: 700,
    });
    repos.runs.setStatus('r2', 'completed', new Date(T0 + 3_800_000).toISOString());
    expect(repos.runs.summary('r2')?.totals.pass).toBe(8);
  });
});
