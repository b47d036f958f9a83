import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMatrixStore, REFRESH_MS } from '../../../renderer/src/matrix/matrix-store';
import type { RunComparison, RunMatrix, SignOff } from '../../../shared/matrix/types';
import { fail, ok } from '../../../shared/result';
import { gate, until } from './support/async';
import { fakeBridge } from './support/fake-bridge';
import type { AttemptView } from '../../../shared/domain/run';
import type { MatrixAttempt } from '../../../shared/matrix/build';
import { progress, totals, verdict } from './support/sample-runs';
import { BG, EARLIER, FG, HW, IMG, MI, PX, RUN, att, matrixOf, sampleMatrix } from './support/sample-matrix';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

const calls = (bridge: ReturnType<typeof fakeBridge>, channel: string) =>
  bridge.calls.filter((c) => c.channel === channel);

function matrixBridge(matrices: Record<string, RunMatrix> = { [RUN]: sampleMatrix() }) {
  const bridge = fakeBridge();
  bridge.answer('matrix:get', (runId) =>
    matrices[runId] ? ok(matrices[runId]) : fail({ code: 'NOT_FOUND', message: `No run ${runId}.` }),
  );
  return bridge;
}

describe('matrix store', () => {
  it('loads the open run, refreshes it on progress at most once per interval, and ignores other runs', async () => {
    vi.useFakeTimers();
    const bridge = matrixBridge();
    const store = createMatrixStore(bridge);
    stops.push(store.getState().start());
    await store.getState().load(RUN);
    expect(store.getState().matrix?.runId).toBe(RUN);
    expect(store.getState().history[RUN]).toEqual({
      status: 'ok',
      value: { deliveryRate: 10 / 11, passRate: 10 / 12 },
    });

    for (let i = 0; i < 5; i += 1) bridge.emit('runs:progress', progress(null, { id: RUN }));
    bridge.emit('runs:progress', progress(null, { id: 'another-run' }));
    expect(calls(bridge, 'matrix:get')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(REFRESH_MS + 10);
    expect(calls(bridge, 'matrix:get')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(REFRESH_MS * 3);
    expect(calls(bridge, 'matrix:get')).toHaveLength(2);
  });

  it('drops what belonged to the previous run and an answer that arrives after switching', async () => {
    const slow = gate();
    const bridge = fakeBridge();
    bridge.answer('matrix:get', async (runId) => {
      if (runId === EARLIER) await slow.wait;
      return ok({ ...sampleMatrix(), runId });
    });
    const store = createMatrixStore(bridge);
    await store.getState().load(RUN);
    store.getState().setFilters({ verdict: 'fail' });
    store.getState().selectCell({ serial: 'hw-1', scenarioId: BG });
    const first = store.getState().load(EARLIER);
    expect(store.getState().matrix).toBeNull();
    expect(store.getState().openCell).toBeNull();
    // Filters are the reader's choice and stay.
    expect(store.getState().filters.verdict).toBe('fail');
    await store.getState().load(RUN);
    slow.open();
    await first;
    expect(store.getState().runId).toBe(RUN);
    expect(store.getState().matrix?.runId).toBe(RUN);
  });

  it('keeps the error of a run that cannot be read', async () => {
    const store = createMatrixStore(matrixBridge({}));
    await store.getState().load(RUN);
    expect(store.getState().matrix).toBeNull();
    expect(store.getState().error?.code).toBe('NOT_FOUND');
  });

  it('compares the open run (after) with another (before), and clears the comparison', async () => {
    const bridge = matrixBridge();
    const comparison: RunComparison = {
      before: EARLIER,
      after: RUN,
      threshold: { ms: 500, ratio: 1.5 },
      changes: [],
      carried: 0,
      direction: 'forward',
      drift: {},
    };
    bridge.answer('matrix:compare', (before, after) =>
      before === EARLIER && after === RUN
        ? ok(comparison)
        : fail({ code: 'NOT_FOUND', message: 'wrong order' }),
    );
    const store = createMatrixStore(bridge);
    await store.getState().load(RUN);
    await store.getState().compare(EARLIER);
    expect(store.getState().comparison).toEqual(comparison);
    expect(store.getState().compareWith).toBe(EARLIER);
    // A refresh re-reads the comparison too (the open run may still be moving).
    await store.getState().refresh();
    expect(calls(bridge, 'matrix:compare')).toHaveLength(2);
    await store.getState().compare(null);
    expect(store.getState().comparison).toBeNull();
    await store.getState().compare(RUN);
    expect(store.getState().compareWith).toBeNull();
    expect(calls(bridge, 'matrix:compare')).toHaveLength(2);
  });

  it('reads the totals of earlier runs once each', async () => {
    const bridge = matrixBridge({ [RUN]: sampleMatrix(), [EARLIER]: { ...sampleMatrix(), runId: EARLIER } });
    const store = createMatrixStore(bridge);
    await store.getState().load(RUN);
    await store.getState().loadHistory([EARLIER, RUN, 'gone']);
    await store.getState().loadHistory([EARLIER, 'gone']);
    expect(calls(bridge, 'matrix:get').map((c) => c.args[0])).toEqual([RUN, EARLIER, 'gone']);
    expect(store.getState().history[EARLIER]?.status).toBe('ok');
    expect(store.getState().history.gone?.status).toBe('error');
  });

  it('signs off with the waivers and shows the run frozen after re-reading it', async () => {
    const signed: SignOff = {
      runId: RUN,
      by: 'Lena',
      at: '2026-01-05T11:00:00.000Z',
      note: 'ok',
      waivers: [
        { serial: 'hw-1', scenarioId: BG, reason: 'known', by: 'Lena', at: '2026-01-05T11:00:00.000Z' },
      ],
    };
    const matrices: Record<string, RunMatrix> = { [RUN]: sampleMatrix() };
    const bridge = matrixBridge(matrices);
    bridge.answer('matrix:sign-off', (request) => {
      matrices[RUN] = sampleMatrix({ signOff: signed });
      return request.waivers.length === 1
        ? ok(signed)
        : fail({ code: 'INVALID_ARGUMENT', message: 'waivers' });
    });
    const store = createMatrixStore(bridge);
    await store.getState().load(RUN);
    expect(
      await store
        .getState()
        .signOff({ by: 'Lena', note: 'ok', waivers: [{ serial: 'hw-1', scenarioId: BG, reason: 'known' }] }),
    ).toBe(true);
    expect(calls(bridge, 'matrix:sign-off')[0]?.args[0]).toEqual({
      runId: RUN,
      by: 'Lena',
      note: 'ok',
      waivers: [{ serial: 'hw-1', scenarioId: BG, reason: 'known' }],
    });
    expect(store.getState().matrix?.signOff?.by).toBe('Lena');
    expect(
      store.getState().matrix?.cells.find((c) => c.serial === 'hw-1' && c.scenarioId === BG)?.waiver?.reason,
    ).toBe('known');

    // A frozen run re-runs nothing.
    expect(await store.getState().rerunCell({ serial: 'hw-1', scenarioId: BG }, 're-run')).toBeNull();
    expect(calls(bridge, 'runs:plan')).toHaveLength(0);
  });

  it('keeps the sign-off error for the dialog', async () => {
    const bridge = matrixBridge();
    bridge.answer('matrix:sign-off', () => fail({ code: 'RUN_SIGNED_OFF', message: 'Already signed.' }));
    const store = createMatrixStore(bridge);
    await store.getState().load(RUN);
    expect(await store.getState().signOff({ by: 'Lena', note: '', waivers: [] })).toBe(false);
    expect(store.getState().signError?.code).toBe('RUN_SIGNED_OFF');
    expect(store.getState().signing).toBe(false);
  });

  it('exports the HTML report in the UI language and the CSV, named after the plan', async () => {
    const bridge = matrixBridge();
    bridge.answer('reports:html', ({ locale }) =>
      ok({ html: `<!doctype html><html lang="${locale}"></html>` }),
    );
    bridge.answer('reports:csv', () => ok({ csv: 'phone,scenario\n' }));
    const store = createMatrixStore(bridge);
    await store.getState().load(RUN);
    expect(await store.getState().exportReport('html', 'zh-CN')).toEqual({
      fileName: 'pushlab-nightly-offline-push-0b6f5a8e.html',
      text: '<!doctype html><html lang="zh-CN"></html>',
      mime: 'text/html;charset=utf-8',
    });
    expect(await store.getState().exportReport('csv', 'en')).toEqual({
      fileName: 'pushlab-nightly-offline-push-0b6f5a8e.csv',
      text: 'phone,scenario\n',
      mime: 'text/csv;charset=utf-8',
    });
    bridge.answer('reports:csv', () => fail({ code: 'INTERNAL', message: 'disk full' }));
    expect(await store.getState().exportReport('csv', 'en')).toBeNull();
    expect(store.getState().exportError?.message).toBe('disk full');
    expect(store.getState().exporting).toBeNull();
  });

  it('re-runs one cell from the stored plan narrowed to its phone and scenario', async () => {
    const bridge = matrixBridge();
    const plan = {
      name: 'nightly',
      app: { package: 'com.pushlab.demo' },
      phones: { vendors: ['huawei'] },
      scenarios: 'all',
      repeats: 2,
      sender: { kind: 'manual' },
    };
    bridge.answer('runs:plan', () => ok(plan));
    bridge.answer('runs:start', () => ok({ runId: 'new-run' }));
    const store = createMatrixStore(bridge);
    await store.getState().load(RUN);
    expect(await store.getState().rerunCell({ serial: 'px-1', scenarioId: IMG }, 're-run')).toBe('new-run');
    expect(calls(bridge, 'runs:plan')[0]?.args).toEqual([RUN]);
    expect(calls(bridge, 'runs:start')[0]?.args[0]).toEqual({
      plan: { ...plan, name: 'nightly · re-run', phones: { serials: ['px-1'] }, scenarios: [IMG] },
    });
    expect(store.getState().rerun).toEqual({
      status: 'started',
      target: { serial: 'px-1', scenarioId: IMG },
      runId: 'new-run',
    });

    bridge.answer('runs:start', () =>
      fail({ code: 'DEVICE_NOT_FOUND', message: 'No phone mi-1 is connected.' }),
    );
    expect(await store.getState().rerunCell({ serial: 'px-1', scenarioId: IMG }, 're-run')).toBeNull();
    expect(store.getState().rerun.status === 'error' && store.getState().rerun).toMatchObject({
      error: { code: 'DEVICE_NOT_FOUND' },
    });
  });

  it('reads a phone’s doctor history for the run’s app once', async () => {
    const bridge = matrixBridge();
    bridge.answer('doctor:history', () => ok([]));
    const store = createMatrixStore(bridge);
    await store.getState().load(RUN);
    await Promise.all([store.getState().loadDoctor('hw-1'), store.getState().loadDoctor('hw-1')]);
    await until(() => store.getState().doctor['hw-1']?.status === 'ok', 'doctor history');
    expect(calls(bridge, 'doctor:history').map((c) => c.args)).toEqual([['hw-1', 'com.pushlab.demo']]);
  });
});

describe('matrix store on a running run', () => {
  /** Every phone x FG, BG, all pending: what the core answers while the run starts. */
  function runningRun() {
    const attempts: MatrixAttempt[] = [MI, HW, PX].flatMap((p) =>
      [FG, BG].map((s) => att(p.serial, s, null)),
    );
    const at = (serial: string, scenarioId: string) =>
      attempts.find((a) => a.serial === serial && a.scenarioId === scenarioId) as MatrixAttempt;
    return { attempts, at, matrix: matrixOf(attempts, { status: 'running', finishedAt: null }) };
  }

  const passed = (a: MatrixAttempt): MatrixAttempt => ({
    ...a,
    verdict: 'pass',
    reason: { key: 'pass.shown', values: { latency: '1.2 s' } },
    delivered: true,
    latencyMs: 1200,
  });
  const view = (a: MatrixAttempt): AttemptView => ({
    id: a.id,
    serial: a.serial,
    scenarioId: a.scenarioId,
    repeat: a.repeat,
    status: a.verdict === null ? 'running' : 'done',
    step: null,
    verdict:
      a.verdict === null
        ? null
        : { ...verdict(a.verdict), details: { ...verdict(a.verdict).details, latencyMs: a.latencyMs } },
    startedAt: null,
    finishedAt: null,
    latencyMs: a.latencyMs,
  });
  /** The run's totals when `done` have passed (of `all`). */
  const after = (all: number, done: number) => ({
    id: RUN,
    totals: totals({ pass: done, pending: all - done }),
  });

  it('folds each attempt event into the matrix without reading it again', async () => {
    vi.useFakeTimers();
    const run = runningRun();
    const bridge = matrixBridge({ [RUN]: run.matrix });
    const store = createMatrixStore(bridge);
    stops.push(store.getState().start());
    await store.getState().load(RUN);
    const first = passed(run.at(MI.serial, BG));
    bridge.emit('runs:progress', progress(view(run.at(MI.serial, BG)), after(6, 0)));
    bridge.emit('runs:progress', progress(view(first), after(6, 1)));
    const second = passed(run.at(PX.serial, FG));
    bridge.emit('runs:progress', progress(view(second), after(6, 2)));
    await vi.advanceTimersByTimeAsync(REFRESH_MS * 3);
    expect(calls(bridge, 'matrix:get')).toHaveLength(1);
    const folded = run.attempts.map((a) => (a.id === first.id ? first : a.id === second.id ? second : a));
    expect(store.getState().matrix).toEqual(matrixOf(folded, { status: 'running', finishedAt: null }));
    expect(store.getState().matrix?.total.counts).toMatchObject({ pass: 2, pending: 4 });
    expect(store.getState().history[RUN]).toEqual({ status: 'ok', value: { deliveryRate: 1, passRate: 1 } });
  });

  it('reads the matrix again (once per interval) when the run finishes, a phone is lost or a row is new', async () => {
    vi.useFakeTimers();
    const run = runningRun();
    // The core answers the running matrix each time: each read below is one the store chose to make.
    const bridge = matrixBridge({ [RUN]: run.matrix });
    const store = createMatrixStore(bridge);
    stops.push(store.getState().start());
    await store.getState().load(RUN);
    // A lost phone: no attempt named, but two attempts got a verdict.
    bridge.emit(
      'runs:progress',
      progress(null, { id: RUN, totals: totals({ 'device-lost': 2, pending: 4 }) }),
    );
    await vi.advanceTimersByTimeAsync(REFRESH_MS + 10);
    expect(calls(bridge, 'matrix:get')).toHaveLength(2);
    // The run finished: its status and end time come from the core.
    bridge.emit(
      'runs:progress',
      progress(null, { id: RUN, status: 'completed', totals: totals({ pass: 6 }) }),
    );
    await vi.advanceTimersByTimeAsync(REFRESH_MS + 10);
    expect(calls(bridge, 'matrix:get')).toHaveLength(3);
    // An attempt the matrix has not got (a phone added by a resume): only the core can build its row.
    const stranger = passed(att('new-phone', FG, null));
    bridge.emit('runs:progress', progress(view(stranger), after(6, 1)));
    await vi.advanceTimersByTimeAsync(REFRESH_MS + 10);
    expect(calls(bridge, 'matrix:get')).toHaveLength(4);
    // A prompt event with the totals the matrix has: nothing to do.
    bridge.emit('runs:progress', progress(null, after(6, 0)));
    await vi.advanceTimersByTimeAsync(REFRESH_MS + 10);
    expect(calls(bridge, 'matrix:get')).toHaveLength(4);
  });

  it('folds an attempt that arrived during a read onto the answer', async () => {
    const run = runningRun();
    const slow = gate();
    const bridge = fakeBridge();
    bridge.answer('matrix:get', async () => {
      await slow.wait;
      return ok(run.matrix);
    });
    const store = createMatrixStore(bridge);
    stops.push(store.getState().start());
    const loading = store.getState().load(RUN);
    const done = passed(run.at(HW.serial, FG));
    bridge.emit('runs:progress', progress(view(done), after(6, 1)));
    slow.open();
    await loading;
    const folded = run.attempts.map((a) => (a.id === done.id ? done : a));
    expect(store.getState().matrix).toEqual(matrixOf(folded, { status: 'running', finishedAt: null }));
  });

  it('re-reads an open comparison after folds, at most once per interval', async () => {
    vi.useFakeTimers();
    const run = runningRun();
    const bridge = matrixBridge({ [RUN]: run.matrix });
    bridge.answer('matrix:compare', () => fail({ code: 'NOT_FOUND', message: 'gone' }));
    const store = createMatrixStore(bridge);
    stops.push(store.getState().start());
    await store.getState().load(RUN);
    await store.getState().compare(EARLIER);
    bridge.emit('runs:progress', progress(view(passed(run.at(MI.serial, FG))), after(6, 1)));
    bridge.emit('runs:progress', progress(view(passed(run.at(MI.serial, FG))), after(6, 1)));
    await vi.advanceTimersByTimeAsync(REFRESH_MS + 10);
    expect(calls(bridge, 'matrix:compare')).toHaveLength(2);
    expect(calls(bridge, 'matrix:get')).toHaveLength(1);
  });
});
