import { describe, expect, it } from 'vitest';
import {
  clockTime,
  scenarioTitle,
  stepSeconds,
  stepTimeline,
} from '../../../renderer/src/runs/attempt-steps';
import {
  buildGrid,
  canResume,
  canStop,
  chipState,
  phoneLabel,
  progressOf,
  totalEntries,
} from '../../../renderer/src/runs/run-grid';
import {
  applyProgress,
  mergeSummaries,
  planProblems,
  upsertSummary,
} from '../../../renderer/src/runs/run-updates';
import { RUN_STATUSES, type StepView } from '../../../shared/domain/run';
import { PlanError, parsePlan } from '../../../shared/runs/parse-plan';
import {
  MI,
  PIXEL,
  RUN_ID,
  SCENARIOS,
  attempt,
  detail,
  progress,
  summary,
  totals,
  verdict,
} from './support/sample-runs';

describe('run grid', () => {
  it('lays out phone x scenario with one chip per repeat, in repeat order', () => {
    const d = detail({
      summary: summary({ repeats: 2 }),
      attempts: [
        attempt(12, MI.serial, SCENARIOS[0], 2, { status: 'running', step: 'capture' }),
        attempt(11, MI.serial, SCENARIOS[0], 1, { status: 'done', verdict: verdict('pass') }),
        attempt(13, MI.serial, SCENARIOS[1], 1, {
          status: 'done',
          verdict: verdict('fail', 'fail.not-shown-in-time', { within: '8 s' }),
        }),
        attempt(21, PIXEL.serial, SCENARIOS[1], 1),
      ],
    });
    const grid = buildGrid(d);
    expect(grid.columns).toEqual([...SCENARIOS]);
    expect(grid.rows.map((r) => r.serial)).toEqual([MI.serial, PIXEL.serial]);
    const [mi, pixel] = grid.rows;
    expect(mi?.cells[0]).toEqual([
      { attemptId: 11, repeat: 1, state: 'pass', step: null },
      { attemptId: 12, repeat: 2, state: 'running', step: 'capture' },
    ]);
    expect(mi?.cells[1]?.map((c) => c.state)).toEqual(['fail']);
    expect(pixel?.cells[0]).toEqual([]);
    expect(pixel?.cells[1]?.map((c) => c.state)).toEqual(['pending']);
  });

  it('keeps attempts of a phone or scenario the run header does not list', () => {
    const d = detail({
      phones: [MI],
      scenarioIds: [SCENARIOS[0]],
      attempts: [attempt(1, MI.serial, SCENARIOS[0], 1), attempt(2, 'gone:5555', 'logged-out-text', 1)],
    });
    const grid = buildGrid(d);
    expect(grid.columns).toEqual([SCENARIOS[0], 'logged-out-text']);
    expect(grid.rows.map((r) => [r.serial, r.phone?.model ?? null])).toEqual([
      [MI.serial, MI.model],
      ['gone:5555', null],
    ]);
    expect(grid.rows[1]?.cells[1]?.map((c) => c.attemptId)).toEqual([2]);
  });

  it('shows a verdict only once an attempt is done, and the step only while it runs', () => {
    expect(chipState(attempt(1, 's', 'x', 1, { status: 'done', verdict: verdict('inconclusive') }))).toBe(
      'inconclusive',
    );
    expect(chipState(attempt(1, 's', 'x', 1, { status: 'done', verdict: null }))).toBe('pending');
    expect(chipState(attempt(1, 's', 'x', 1, { status: 'running', step: 'send' }))).toBe('running');
    const [row] = buildGrid(
      detail({
        attempts: [
          attempt(1, MI.serial, SCENARIOS[0], 1, {
            status: 'done',
            step: 'leave-state',
            verdict: verdict('blocked'),
          }),
        ],
      }),
    ).rows;
    expect(row?.cells[0]?.[0]?.step).toBeNull();
  });

  it('lists non-zero totals, verdicts first, and counts what is done', () => {
    const t = totals({ pass: 3, fail: 1, 'device-lost': 1, running: 1, pending: 2 });
    expect(totalEntries(t)).toEqual([
      { state: 'pass', count: 3 },
      { state: 'fail', count: 1 },
      { state: 'device-lost', count: 1 },
      { state: 'running', count: 1 },
      { state: 'pending', count: 2 },
    ]);
    expect(progressOf(t)).toEqual({ done: 5, total: 8 });
    expect(totalEntries(totals())).toEqual([]);
  });

  it('offers Stop only while running and Resume only for runs that stopped early', () => {
    expect(RUN_STATUSES.filter(canStop)).toEqual(['running']);
    expect(RUN_STATUSES.filter(canResume)).toEqual(['interrupted', 'cancelled', 'failed']);
  });

  it('names a phone by vendor and model, else by serial', () => {
    expect(phoneLabel(MI, MI.serial)).toBe('Xiaomi 23046RP50C');
    expect(phoneLabel({ ...MI, vendor: '', model: ' ' }, MI.serial)).toBe(MI.serial);
    expect(phoneLabel(null, 'abc')).toBe('abc');
  });
});

describe('progress events', () => {
  it('replace the attempt and summary of the open run, and leave other runs alone', () => {
    const d = detail();
    const running = attempt(2, MI.serial, SCENARIOS[1], 1, { status: 'running', step: 'send' });
    const next = applyProgress(d, progress(running, { totals: totals({ running: 1, pending: 3 }) }));
    expect(next.attempts.find((a) => a.id === 2)).toEqual(running);
    expect(next.attempts).toHaveLength(4);
    expect(next.summary.totals.running).toBe(1);
    expect(d.attempts.find((a) => a.id === 2)?.status).toBe('pending');
    expect(applyProgress(d, progress(running, { id: 'another-run' }))).toBe(d);
  });

  it('end at the latest state when applied in order over a loaded detail', () => {
    const steps = [
      progress(attempt(1, MI.serial, SCENARIOS[0], 1, { status: 'running', step: 'send' })),
      progress(attempt(1, MI.serial, SCENARIOS[0], 1, { status: 'running', step: 'capture' })),
      progress(
        attempt(1, MI.serial, SCENARIOS[0], 1, { status: 'done', step: 'judge', verdict: verdict('pass') }),
        { totals: totals({ pass: 1, pending: 3 }) },
      ),
      progress(null, { status: 'cancelled', totals: totals({ pass: 1, pending: 3 }) }),
    ];
    const end = steps.reduce(applyProgress, detail());
    expect(end.attempts[0]?.verdict?.kind).toBe('pass');
    expect(end.summary.status).toBe('cancelled');
  });

  it('keep the runs list newest first, replacing a run by id', () => {
    const older = summary({ id: 'old', createdAt: '2026-01-04T10:00:00.000Z' });
    const list = upsertSummary([older], summary());
    expect(list.map((r) => r.id)).toEqual([RUN_ID, 'old']);
    const replaced = upsertSummary(list, summary({ status: 'completed' }));
    expect(replaced.map((r) => [r.id, r.status])).toEqual([
      [RUN_ID, 'completed'],
      ['old', 'running'],
    ]);
  });

  it('win over an older list reply, and lose to a newer one', () => {
    const fromEvent = summary({ updatedAt: '2026-01-05T10:05:00.000Z', status: 'completed' });
    expect(mergeSummaries([fromEvent], [summary({ updatedAt: '2026-01-05T10:01:00.000Z' })])[0]?.status).toBe(
      'completed',
    );
    expect(
      mergeSummaries(
        [summary()],
        [summary({ updatedAt: '2026-01-05T10:06:00.000Z', status: 'interrupted' })],
      )[0]?.status,
    ).toBe('interrupted');
    expect(
      mergeSummaries(
        [],
        [summary({ id: 'a' }), summary({ id: 'b', createdAt: '2026-01-06T00:00:00.000Z' })],
      ).map((r) => r.id),
    ).toEqual(['b', 'a']);
  });
});

describe('plan problems', () => {
  it('lists every problem of the core PlanError message, with its place in the plan', () => {
    let info: ReturnType<PlanError['toInfo']> | null = null;
    try {
      parsePlan({
        name: 'x',
        app: { package: 'not a package' },
        phones: {},
        scenarios: ['no-such-scenario'],
        repeats: 0,
        sender: { kind: 'tencent', secret: 'inline-key' },
      });
      throw new Error('the plan should be refused');
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      info = error.toInfo();
    }
    if (info === null) throw new Error('no PlanError');
    const problems = planProblems(info) ?? [];
    expect(problems.length).toBe((info.message.match(/^- /gm) ?? []).length);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['app.package', 'repeats', 'scenarios[0]']));
    expect(problems.find((p) => p.path === 'repeats')?.message).toMatch(/at least 1/);
  });

  it('treats a problem without a place as one about the whole plan, and ignores other errors', () => {
    expect(
      planProblems({
        code: 'PLAN_INVALID',
        message: 'The plan is not valid:\n- (plan): is not JSON (Unexpected token): check commas and quotes',
      }),
    ).toEqual([{ path: null, message: 'is not JSON (Unexpected token): check commas and quotes' }]);
    expect(
      planProblems({
        code: 'PLAN_INVALID',
        message: 'The plan has no app.logout action, which the logged-out scenario needs.',
      }),
    ).toEqual([
      { path: null, message: 'The plan has no app.logout action, which the logged-out scenario needs.' },
    ]);
    expect(planProblems({ code: 'DEVICE_NOT_FOUND', message: '- a: b' })).toBeNull();
  });
});

describe('attempt steps', () => {
  const step = (
    seq: number,
    name: StepView['name'],
    status: StepView['status'],
    at: number,
    detail: string | null = null,
  ): StepView => ({ seq, name, status, at, detail });

  it('folds each started row with its outcome, and keeps a step that is still running open', () => {
    const timeline = stepTimeline([
      step(3, 'send', 'ok', 1500, 'sent as MsgKey 1'),
      step(1, 'prepare', 'started', 1000),
      step(2, 'prepare', 'ok', 1200),
      step(4, 'capture', 'started', 1600),
      step(0, 'send', 'started', 1300),
    ]);
    // seq order: send(started,0) prepare(started,1) prepare(ok,2) send(ok,3) capture(started,4)
    expect(timeline.map((s) => [s.name, s.status, s.startedAt, s.endedAt, s.detail])).toEqual([
      ['send', 'ok', 1300, 1500, 'sent as MsgKey 1'],
      ['prepare', 'ok', 1000, 1200, null],
      ['capture', 'started', 1600, null, null],
    ]);
    expect(timeline.map(stepSeconds)).toEqual([0.2, 0.2, null]);
  });

  it('shows a step recorded only by its outcome (skipped, interrupted) on its own', () => {
    expect(
      stepTimeline([step(1, 'tap', 'skipped', 10, 'no ext'), step(2, 'interrupted', 'failed', 20)]).map(
        (s) => [s.name, s.status, s.endedAt],
      ),
    ).toEqual([
      ['tap', 'skipped', 10],
      ['interrupted', 'failed', 20],
    ]);
  });

  it('names scenarios from the catalog in the UI language, and unknown ids as they are', () => {
    expect(scenarioTitle('background-c2c-text', 'en')).toBe('Background, one-to-one text');
    expect(scenarioTitle('background-c2c-text', 'zh-CN')).toBe('后台，单聊文本');
    expect(scenarioTitle('made-up', 'zh-CN')).toBe('made-up');
    expect(clockTime('en', Number.NaN)).toBe('–');
    expect(clockTime('en', Date.UTC(2026, 0, 5, 10, 0, 7))).toMatch(/:07/);
  });
});
