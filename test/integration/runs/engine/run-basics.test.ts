/**
 * The run engine on a small world: a plan runs from start to verdicts with every step stored,
 * the positive control is taken before a "not shown" verdict, and a bad plan stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunLab, type RunLab } from '../../../support/run-lab';
import { logFollowers } from '../../../virtual-lab/android/logbuffer';
import { eventually } from '../../../support/core-lab';

let env: RunLab;

beforeAll(async () => {
  env = await openRunLab({
    phones: [
      { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', account: 'qa_xiaomi' },
      { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
    ],
  });
}, 60_000);
afterAll(async () => env?.close());

describe('run engine basics', () => {
  it('runs a plan on two phones and stores a verdict, steps and evidence for every attempt', async () => {
    const runs = env.core.services.runs;
    const plan = env.world.plan({
      scenarios: ['notifications-blocked', 'background-c2c-text', 'background-custom-no-desc'],
      timeouts: { pushMs: 3000, stepMs: 15000 },
    });
    const { runId } = await runs.start(plan);
    const summary = await runs.settled(runId);
    const detail = runs.get(runId);
    const lines = detail.attempts.map(
      (a) => `${a.serial} ${a.scenarioId} ${a.verdict?.kind} ${a.verdict?.reason.key}`,
    );
    expect(summary.status, lines.join('\n')).toBe('completed');
    expect(detail.attempts).toHaveLength(6);
    for (const attempt of detail.attempts) {
      expect(attempt.status).toBe('done');
      const one = runs.attempt(attempt.id);
      expect(one.steps.map((s) => s.name)).toContain('judge');
    }
    const byKey = new Map(detail.attempts.map((a) => [`${a.serial}|${a.scenarioId}`, a]));
    for (const phone of env.world.phones) {
      expect(byKey.get(`${phone.serial}|background-c2c-text`)?.verdict?.kind, lines.join('\n')).toBe('pass');
      expect(byKey.get(`${phone.serial}|notifications-blocked`)?.verdict?.kind, lines.join('\n')).toBe(
        'pass',
      );
      expect(byKey.get(`${phone.serial}|background-custom-no-desc`)?.verdict?.kind, lines.join('\n')).toBe(
        'pass',
      );
    }
    // The phone's events stream, kept across its attempts, is closed with its device loop.
    for (const phone of env.world.phones)
      await eventually(() => logFollowers(phone.android.state) === 0, 3_000, `${phone.id}'s stream to close`);
  }, 120_000);

  it('refuses an invalid plan before storing anything', async () => {
    const before = env.core.services.runs.list().length;
    await expect(env.core.services.runs.start({ ...env.world.plan(), repeats: 0 })).rejects.toMatchObject({
      code: 'PLAN_INVALID',
    });
    expect(env.core.services.runs.list()).toHaveLength(before);
  });
});
