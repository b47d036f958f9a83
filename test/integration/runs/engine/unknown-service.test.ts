/**
 * Issue 12's acceptance: an Honor phone whose push service sits under a package PushLab does not
 * know. Not finding it is an unknown fact, so it must not turn pushes into "nothing may show":
 * with a backend that loses some messages, the faithful pushes pass and the lost ones fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunLab, type RunLab } from '../../../support/run-lab';

const LOST_KINDS = new Set(['image', 'file']);
let env: RunLab;
beforeAll(async () => {
  env = await openRunLab({
    phones: [
      {
        profile: 'honor-magicos9-android15-2',
        id: 'honor',
        account: 'qa_honor',
        pushServicePackage: 'com.hihonor.push.proxyagent',
      },
    ],
    world: { drops: (spec) => LOST_KINDS.has(spec.kind) },
  });
}, 90_000);
afterAll(async () => env?.close());

describe('an Honor phone with an unknown push service package', () => {
  it('passes the faithful pushes and fails the dropped ones', async () => {
    const honor = env.world.phones[0];
    expect(honor?.channel).toBe('honor');
    expect(honor?.android.installedPackage('com.hihonor.android.pushagent')).toBeUndefined();

    const runs = env.core.services.runs;
    const scenarios = [
      'background-c2c-text',
      'screen-locked-group-text',
      'background-audio',
      'background-image',
      'background-file',
      'background-custom-no-desc',
    ];
    const { runId } = await runs.start(
      env.world.plan({ scenarios, timeouts: { pushMs: 3000, stepMs: 15000 } }),
    );
    await runs.settled(runId);
    const byScenario = new Map(
      runs.get(runId).attempts.map((a) => [a.scenarioId, a.verdict?.reason.key ?? 'none']),
    );

    expect(Object.fromEntries(byScenario)).toEqual({
      'background-c2c-text': 'pass.shown',
      'screen-locked-group-text': 'pass.shown',
      'background-audio': 'pass.shown',
      'background-image': 'fail.not-shown-in-time',
      'background-file': 'fail.not-shown-in-time',
      'background-custom-no-desc': 'pass.not-shown',
    });
    // The fails are real losses: the backend dropped exactly those messages.
    const dropped = env.world.groundTruth().filter((t) => t.reason === 'backend-dropped');
    expect(dropped).toHaveLength(2);
  }, 120_000);
});
