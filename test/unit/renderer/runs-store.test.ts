import { afterEach, describe, expect, it } from 'vitest';
import { createRunsStore } from '../../../renderer/src/runs/runs-store';
import { createSecretsStore, secretInputProblems } from '../../../renderer/src/runs/secrets-store';
import type { AttemptDetail } from '../../../shared/domain/run';
import { fail, ok } from '../../../shared/result';
import { gate, until } from './support/async';
import { fakeBridge } from './support/fake-bridge';
import {
  MI,
  RUN_ID,
  SCENARIOS,
  attempt,
  detail,
  progress,
  summary,
  totals,
  verdict,
} from './support/sample-runs';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const attemptDetail = (id: number, steps: AttemptDetail['steps'] = []): AttemptDetail => ({
  attempt: attempt(id, MI.serial, SCENARIOS[0], 1, { status: 'running', step: steps.at(-1)?.name ?? null }),
  steps,
  evidence: [{ id: 7, kind: 'screenshot', path: 'screenshot/mi-1.png', data: null, at: 1 }],
});

describe('runs store', () => {
  it('loads the list, adds runs that progress events bring, and keeps the open run live', async () => {
    const bridge = fakeBridge();
    bridge.answer('runs:list', () =>
      ok([summary({ id: 'older', createdAt: '2026-01-01T00:00:00.000Z', status: 'completed' })]),
    );
    bridge.answer('runs:get', () => ok(detail()));
    const store = createRunsStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().runs.length === 1, 'runs list');

    bridge.emit('runs:progress', progress(null));
    expect(store.getState().runs.map((r) => r.id)).toEqual([RUN_ID, 'older']);
    await store.getState().selectRun(RUN_ID);
    expect(store.getState().detail?.attempts).toHaveLength(4);

    bridge.emit(
      'runs:progress',
      progress(attempt(1, MI.serial, SCENARIOS[0], 1, { status: 'running', step: 'capture' }), {
        totals: totals({ running: 1, pending: 3 }),
      }),
    );
    expect(store.getState().detail?.attempts[0]?.step).toBe('capture');
    expect(store.getState().detail?.summary.totals.running).toBe(1);
    bridge.emit(
      'runs:progress',
      progress(attempt(1, MI.serial, SCENARIOS[0], 1, { status: 'done', verdict: verdict('pass') }), {
        status: 'completed',
      }),
    );
    expect(store.getState().detail?.attempts[0]?.verdict?.kind).toBe('pass');
    expect(store.getState().runs[0]?.status).toBe('completed');
  });

  it('applies events that arrive while the run loads on top of what loaded', async () => {
    const bridge = fakeBridge();
    const slow = gate();
    bridge.answer('runs:list', () => ok([]));
    bridge.answer('runs:get', async () => {
      await slow.wait;
      return ok(detail());
    });
    const store = createRunsStore(bridge);
    stops.push(store.getState().start());
    const loading = store.getState().selectRun(RUN_ID);
    bridge.emit(
      'runs:progress',
      progress(
        attempt(3, 'x', SCENARIOS[0], 1, {
          status: 'done',
          verdict: verdict('fail', 'fail.not-shown-in-time'),
        }),
      ),
    );
    expect(store.getState().detail).toBeNull();
    slow.open();
    await loading;
    expect(store.getState().detail?.attempts.find((a) => a.id === 3)?.verdict?.kind).toBe('fail');
  });

  it('re-reads the open attempt when an event touches it, and loads its evidence once', async () => {
    const bridge = fakeBridge();
    let reads = 0;
    bridge.answer('runs:list', () => ok([]));
    bridge.answer('runs:get', () => ok(detail()));
    bridge.answer('runs:attempt', (id) => {
      reads += 1;
      return ok(
        attemptDetail(
          id,
          reads > 1 ? [{ seq: 1, name: 'send', status: 'started', at: 5, detail: null }] : [],
        ),
      );
    });
    bridge.answer('runs:evidence', ({ evidenceId }) =>
      ok({
        kind: 'screenshot',
        mime: 'image/png',
        dataUrl: `data:image/png;base64,${evidenceId}`,
        sizeBytes: 1,
      }),
    );
    const store = createRunsStore(bridge);
    stops.push(store.getState().start());
    await store.getState().selectRun(RUN_ID);
    await store.getState().selectAttempt(1);
    expect(store.getState().attempt?.steps).toEqual([]);
    bridge.emit('runs:progress', progress(attempt(2, MI.serial, SCENARIOS[1], 1, { status: 'running' })));
    expect(reads).toBe(1);
    bridge.emit(
      'runs:progress',
      progress(attempt(1, MI.serial, SCENARIOS[0], 1, { status: 'running', step: 'send' })),
    );
    await until(() => store.getState().attempt?.steps.length === 1, 'attempt re-read');

    await store.getState().loadEvidence(7);
    await store.getState().loadEvidence(7);
    expect(store.getState().evidence[7]).toMatchObject({ status: 'ok', content: { mime: 'image/png' } });
    expect(bridge.calls.filter((c) => c.channel === 'runs:evidence')).toEqual([
      { channel: 'runs:evidence', args: [{ attemptId: 1, evidenceId: 7 }] },
    ]);
  });

  it('sends the plan text, lists PLAN_INVALID problems, and opens the run it started', async () => {
    const bridge = fakeBridge();
    bridge.answer('runs:list', () => ok([]));
    bridge.answer('runs:start', ({ plan }) =>
      plan === '{}'
        ? fail({
            code: 'PLAN_INVALID',
            message:
              'The plan is not valid:\n- name: is missing: add it (string)\n- repeats: is missing: add it (a whole number)',
          })
        : ok({ runId: RUN_ID }),
    );
    bridge.answer('runs:get', () => ok(detail()));
    const store = createRunsStore(bridge);
    expect(await store.getState().startRun()).toBe(false);
    expect(bridge.calls).toEqual([]);

    store.getState().setDraft('{}');
    expect(await store.getState().startRun()).toBe(false);
    expect(store.getState().problems?.map((p) => p.path)).toEqual(['name', 'repeats']);
    expect(store.getState().startError).toBeNull();

    store.getState().setDraft('{"name":"ok"}');
    expect(store.getState().problems).toBeNull();
    expect(await store.getState().startRun()).toBe(true);
    expect(
      bridge.calls.find(
        (c) => c.channel === 'runs:start' && (c.args[0] as { plan: string }).plan === '{"name":"ok"}',
      ),
    ).toBeDefined();
    expect(store.getState().selectedRunId).toBe(RUN_ID);
    expect(store.getState().runs.map((r) => r.id)).toEqual([RUN_ID]);
  });

  it('tracks operator prompts per run and answers them', async () => {
    const bridge = fakeBridge();
    bridge.answer('runs:list', () => ok([]));
    bridge.answer('runs:answer', () => ok(null));
    const store = createRunsStore(bridge);
    stops.push(store.getState().start());
    const prompt = { id: 'p-1', serial: MI.serial, text: 'Send the push by hand, then press Done.' };
    bridge.emit('runs:progress', progress(null, {}, prompt));
    expect(store.getState().prompts[RUN_ID]).toEqual(prompt);
    await store.getState().answer('p-1');
    expect(store.getState().prompts).toEqual({});
    bridge.emit('runs:progress', progress(null, {}, prompt));
    bridge.emit('runs:progress', progress(null, { status: 'cancelled' }));
    expect(store.getState().prompts).toEqual({});
  });

  it('stops and resumes, reporting refusals as values', async () => {
    const bridge = fakeBridge();
    bridge.answer('runs:cancel', () => ok(summary({ status: 'cancelled' })));
    bridge.answer('runs:resume', () =>
      fail({ code: 'INVALID_ARGUMENT', message: 'This run is complete: nothing is left to run.' }),
    );
    const store = createRunsStore(bridge);
    const stopping = store.getState().stop(RUN_ID);
    expect(store.getState().busy[RUN_ID]).toBe('stopping');
    await stopping;
    expect(store.getState().busy).toEqual({});
    expect(store.getState().runs[0]?.status).toBe('cancelled');
    await store.getState().resume(RUN_ID);
    expect(store.getState().actionError?.code).toBe('INVALID_ARGUMENT');
    expect(store.getState().selectedRunId).toBeNull();
  });

  it('offers the demo plan only when the core has one', async () => {
    const bridge = fakeBridge();
    let plan: unknown = null;
    bridge.answer('runs:demo-plan', () => ok(plan));
    const store = createRunsStore(bridge);
    await store.getState().loadDemoPlan();
    store.getState().applyDemoPlan();
    expect(store.getState().draft).toBe('');
    plan = { name: 'PushLab virtual lab', repeats: 1 };
    await store.getState().loadDemoPlan();
    store.getState().applyDemoPlan();
    expect(JSON.parse(store.getState().draft)).toEqual(plan);
  });
});

describe('secrets store', () => {
  it('sends the value once and keeps only names', async () => {
    const bridge = fakeBridge();
    const names = new Set<string>();
    bridge.answer('secrets:names', () => ok([...names].sort()));
    bridge.answer('secrets:set', ({ name }) => (names.add(name), ok(null)));
    bridge.answer('secrets:delete', (name) => ok(names.delete(name)));
    const store = createSecretsStore(bridge);
    expect(await store.getState().save('bad name', 'v')).toBe(false);
    expect(await store.getState().save('tencent.key', '')).toBe(false);
    expect(bridge.calls).toEqual([]);
    expect(await store.getState().save('tencent.key', 's3cr3t-value')).toBe(true);
    expect(store.getState().names).toEqual(['tencent.key']);
    expect(store.getState().saved).toBe('tencent.key');
    expect(JSON.stringify(store.getState())).not.toContain('s3cr3t-value');
    await store.getState().remove('tencent.key');
    expect(store.getState().names).toEqual([]);
    expect(store.getState().saved).toBeNull();
  });

  it('says so when the shell has no store', async () => {
    const bridge = fakeBridge();
    bridge.answer('secrets:names', () =>
      fail({ code: 'NOT_FOUND', message: 'This PushLab has no encrypted secret store.' }),
    );
    const store = createSecretsStore(bridge);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ names: null, error: { code: 'NOT_FOUND' } });
  });

  it('checks names like the core does', () => {
    expect(secretInputProblems('tencent.secretKey', 'x')).toEqual([]);
    expect(secretInputProblems('.hidden', '')).toEqual([
      'runs.secrets.nameInvalid',
      'runs.secrets.valueEmpty',
    ]);
    expect(secretInputProblems('a'.repeat(129), 'x')).toEqual(['runs.secrets.nameInvalid']);
  });
});
