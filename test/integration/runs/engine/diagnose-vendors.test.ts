/**
 * "Which link failed" through a Chinese vendor's own push service: two Xiaomi phones on the virtual
 * lab, diagnose plan with the world's vendor senders (Mi Push through its emulator), tokens read
 * from logcat — the token the Mi Push emulator knows for each phone. A healthy phone shows both;
 * a faulty vendor (Mi Push loses this phone's pushes, through Tencent and directly) is the vendor side.
 * One phone each of HMS, Honor, OPPO, vivo and Flyme shows both through its own vendor sender.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunLab, type RunLab } from '../../../support/run-lab';
import { describeDiagnosis } from '../../../../shared/runs/diagnose';
import { maskDeviceToken } from '../../../../shared/runs/plan';

const XIAOMI = 'xiaomi-hyperos2-android14-2';
/** One phone of each other vendor channel: their vendor path works the same way. */
const OTHERS = [
  ['huawei', 'huawei-harmonyos4.2-android12-2'],
  ['honor', 'honor-magicos9-android15-2'],
  ['oppo', 'oppo-coloros15-android15-1'],
  ['vivo', 'vivo-originos5-android15-1'],
  ['meizu', 'meizu-flyme12.1-android15-1'],
] as const;
let env: RunLab;
const serialOf = (id: string): string => env.world.phones.find((p) => p.id === id)?.serial ?? '';

beforeAll(async () => {
  env = await openRunLab({
    phones: [
      { profile: XIAOMI, id: 'mihealthy', account: 'qa_mi_ok' },
      { profile: XIAOMI, id: 'midrop', account: 'qa_mi_drop' },
      ...OTHERS.map(([id, profile]) => ({ profile, id, account: `qa_${id}` })),
    ],
    world: {
      direct: true,
      vendorDrops: (channel, serial) => channel === 'xiaomi' && serial === serialOf('midrop'),
    },
  });
}, 120_000);
afterAll(async () => env?.close());

describe('a diagnose run on Chinese vendor phones through their own push services', () => {
  it('both shown on a healthy phone, the vendor side when Mi Push drops', async () => {
    const runs = env.core.services.runs;
    const plan = env.world.diagnosePlan({
      scenarios: ['background-c2c-text'],
      timeouts: { pushMs: 2500, stepMs: 15000 },
    });
    expect(plan.diagnose?.vendors.map((v) => v.kind)).toEqual([
      'xiaomi',
      ...OTHERS.map(([vendor]) => vendor),
    ]);
    expect(plan.phones.serials).toHaveLength(2 + OTHERS.length);
    // The logged token is the one the Mi Push emulator knows (one token per phone for both worlds).
    const token = env.world.vendors.token(serialOf('mihealthy')) ?? '';
    expect(token).not.toBe('');
    expect(env.world.direct?.tokens.get(serialOf('mihealthy'))).toBe(token);

    const { runId } = await runs.start(plan);
    const summary = await runs.settled(runId);
    expect(summary.status).toBe('completed');
    const attempts = runs.get(runId).attempts;
    const table = attempts
      .map(
        (a) =>
          `${a.serial} ${a.verdict?.kind} ${a.verdict?.diagnosis ? describeDiagnosis(a.verdict.diagnosis, 'en') : '-'}`,
      )
      .join('\n');
    const of = (id: string) => attempts.find((a) => a.serial === serialOf(id))?.verdict?.diagnosis;

    expect(of('mihealthy')?.link, table).toBe('both-shown');
    expect(of('mihealthy')?.vendor).toMatchObject({ kind: 'xiaomi', shown: true, error: null });
    for (const [vendor] of OTHERS) {
      expect(of(vendor)?.link, table).toBe('both-shown');
      expect(of(vendor)?.vendor.kind).toBe(vendor);
    }
    expect(of('midrop')?.link, table).toBe('vendor-side');
    expect(of('midrop')?.vendor).toMatchObject({ kind: 'xiaomi', shown: false, error: null });
    // Mi Push accepted both direct pushes; its delivery lost the faulty phone's.
    const reasons = env.world.vendors.delivery.log.map((d) => `${d.serial} ${d.reason}`);
    expect(reasons).toContain(`${serialOf('midrop')} vendor-dropped`);
    expect(reasons).toContain(`${serialOf('mihealthy')} posted`);

    // The token from logcat is used, and only ever shown masked.
    const healthy = attempts.find((a) => a.serial === serialOf('mihealthy'))!;
    const steps = runs.attempt(healthy.id).steps;
    expect(steps.map((s) => s.detail ?? '').join(' ')).toContain(
      `push token from logcat: ${maskDeviceToken(token)}`,
    );
    expect(JSON.stringify(runs.attempt(healthy.id))).not.toContain(token);
  }, 120_000);

  it("a run above a vendor's daily cap per phone never starts (QUOTA_EXCEEDED)", async () => {
    const runs = env.core.services.runs;
    const before = runs.list().length;
    // HMS caps LOW importance (marketing) messages at 2 a phone a day: low-class-message (LOW) x 3
    // repeats is more; the IM scenario's sends (NORMAL) do not count against it.
    const plan = env.world.diagnosePlan({
      phones: { serials: [serialOf('huawei')] },
      scenarios: ['background-c2c-text', 'low-class-message'],
      repeats: 3,
      diagnose: { vendors: [env.world.vendors.sender('huawei')] },
    });
    expect(runs.preflight.bind(runs, plan)).toThrow(
      /huawei: up to 6 sends, 3 of them in the capped class to 1 phone\(s\) \(quota 2 from the sender\)/,
    );
    await expect(runs.start(plan)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      message: expect.stringContaining("HMS's cap on LOW importance (marketing) messages (2 a phone a day)"),
    });
    expect(runs.list()).toHaveLength(before);
  });
});
