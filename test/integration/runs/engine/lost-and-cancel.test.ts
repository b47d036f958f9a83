/**
 * Phones come and go during a run: an unplugged phone's open attempts become 'device lost' while
 * the other phone finishes; a cancelled run keeps every verdict and resumes only what is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../support/core-lab';
import { openRunLab, type RunLab } from '../../../support/run-lab';

let env: RunLab;
beforeAll(async () => {
  env = await openRunLab({
    phones: [
      { profile: 'vivo-originos5-android15-1', id: 'vivo', account: 'qa_vivo' },
      { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
    ],
  });
}, 60_000);
afterAll(async () => env?.close());

const SCENARIOS = [
  'background-c2c-text',
  'background-image',
  'background-audio',
  'background-file',
  'background-custom-desc',
  'swiped-away-text',
];

describe('phones lost and runs cancelled', () => {
  it("marks an unplugged phone's remaining attempts device lost and finishes the other phone", async () => {
    const runs = env.core.services.runs;
    const [vivo, pixel] = env.world.phones;
    // Pull the cable the moment the second vivo verdict is stored (virtual phones are quick).
    let judged = 0;
    let unplugged: Promise<void> | null = null;
    const { runId } = await runs.start(
      env.world.plan({ scenarios: SCENARIOS, repeats: 2, timeouts: { pushMs: 3000, stepMs: 10000 } }),
      {
        onProgress: (e) => {
          if (e.attempt?.serial !== vivo!.serial || e.attempt.status !== 'done' || unplugged) return;
          if (++judged === 2) unplugged = env.world.lab.unplug(vivo!.id);
        },
      },
    );
    await eventually(() => unplugged !== null, 60_000, 'two vivo attempts judged');
    await unplugged;
    const summary = await runs.settled(runId);
    expect(summary.status).toBe('completed');
    const attempts = runs.get(runId).attempts;
    const vivoVerdicts = attempts.filter((a) => a.serial === vivo!.serial).map((a) => a.verdict?.kind);
    expect(vivoVerdicts.slice(0, 2)).toEqual(['pass', 'pass']);
    expect(vivoVerdicts.filter((k) => k === 'device-lost').length).toBeGreaterThanOrEqual(8);
    expect(vivoVerdicts).not.toContain('fail');
    const pixelVerdicts = attempts.filter((a) => a.serial === pixel!.serial).map((a) => a.verdict?.kind);
    expect(pixelVerdicts).toHaveLength(12);
    expect(pixelVerdicts.every((k) => k === 'pass')).toBe(true);
    await env.world.lab.plug(vivo!.id);
    await env.core.services.registry.waitForIdentity(vivo!.serial, 20_000);
  }, 180_000);

  it('cancels a run mid-way, keeps its verdicts, and resumes only the rest', async () => {
    const runs = env.core.services.runs;
    let judged = 0;
    let cancelling: ReturnType<typeof runs.cancel> | null = null;
    const { runId } = await runs.start(
      env.world.plan({ scenarios: SCENARIOS, repeats: 2, timeouts: { pushMs: 3000, stepMs: 10000 } }),
      {
        onProgress: (e) => {
          if (e.attempt?.status === 'done' && ++judged === 3 && !cancelling)
            cancelling = runs.cancel(e.runId);
        },
      },
    );
    await eventually(() => cancelling !== null, 60_000, 'three attempts judged');
    const cancelled = await cancelling!;
    expect(cancelled.status).toBe('cancelled');
    const kept = runs.get(runId).attempts.filter((a) => a.status === 'done');
    expect(runs.get(runId).attempts.some((a) => a.status === 'running')).toBe(false);
    expect(cancelled.totals.pending).toBe(24 - kept.length);
    await runs.resume(runId);
    const done = await runs.settled(runId);
    expect(done.status).toBe('completed');
    const after = runs.get(runId).attempts;
    for (const k of kept) expect(after.find((a) => a.id === k.id)?.verdict).toEqual(k.verdict);
    expect(after.every((a) => a.verdict?.kind === 'pass')).toBe(true);
  }, 180_000);
});
