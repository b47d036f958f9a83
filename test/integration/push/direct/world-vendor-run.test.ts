/**
 * A run plan with a direct vendor sender on the push lab world: the run engine sends through the
 * vendor's loopback emulator (no Tencent in between) with the tokens the world hands out, the
 * emulator's delivery posts on the phones owning them, and every attempt passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunLab, type RunLab } from '../../../support/run-lab';

let env: RunLab;

beforeAll(async () => {
  env = await openRunLab({
    phones: [
      { profile: 'xiaomi-hyperos2-android14-2', id: 'mi1', account: 'qa_mi_one' },
      { profile: 'xiaomi-hyperos2-android15-1', id: 'mi2', account: 'qa_mi_two' },
      { profile: 'oppo-coloros15-android15-1', id: 'oppo1', account: 'qa_oppo_one' },
      { profile: 'oneplus-coloros16-android16-2', id: 'oppo2', account: 'qa_oppo_two' },
      { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
    ],
  });
}, 60_000);
afterAll(async () => env?.close());

describe('a direct vendor sender on the virtual lab', () => {
  it('runs a xiaomi plan on the two Xiaomi phones and passes through the Mi Push emulator', async () => {
    const { world } = env;
    const xiaomiPhones = world.phones.filter((p) => p.channel === 'xiaomi');
    expect(xiaomiPhones).toHaveLength(2);
    const pixel = world.phones.find((p) => p.id === 'pixel')!;
    expect(world.vendors.token(pixel.serial)).toBeNull();
    const plan = world.vendorPlan('xiaomi', {
      scenarios: ['background-c2c-text', 'background-custom-no-desc'],
      timeouts: { pushMs: 3000, stepMs: 15000 },
    });
    expect(plan.sender.kind).toBe('xiaomi');
    expect(plan.phones.serials).toEqual(xiaomiPhones.map((p) => p.serial));

    const runs = env.core.services.runs;
    const { runId } = await runs.start(plan);
    const summary = await runs.settled(runId);
    const detail = runs.get(runId);
    const lines = detail.attempts.map(
      (a) => `${a.serial} ${a.scenarioId} ${a.verdict?.kind} ${a.verdict?.reason.key}`,
    );
    expect(summary.status, lines.join('\n')).toBe('completed');
    expect(detail.attempts).toHaveLength(4);
    for (const attempt of detail.attempts) expect(attempt.verdict?.kind, lines.join('\n')).toBe('pass');

    // The pushes went the vendor way: Mi Push accepted them and posted on the phone owning each regId;
    // the custom message without desc went as a pass-through (data) message, which shows nothing.
    const tokens = xiaomiPhones.map((p) => world.vendors.token(p.serial));
    expect(new Set(world.vendors.emulators.xiaomi.accepted.map((a) => a.token))).toEqual(new Set(tokens));
    const decisions = world.vendors.delivery.log.map((d) => `${d.serial} ${d.reason}`).sort();
    expect(decisions).toEqual(
      xiaomiPhones.flatMap((p) => [`${p.serial} pass-through`, `${p.serial} posted`]).sort(),
    );
    expect(world.groundTruth()).toEqual([]);
  }, 120_000);

  it('runs an oppo plan on the two OPPO phones: what Tencent would not push is not sent at all', async () => {
    const { world } = env;
    const oppoPhones = world.phones.filter((p) => p.channel === 'oppo');
    expect(oppoPhones).toHaveLength(2);
    const before = world.vendors.delivery.log.length;
    const plan = world.vendorPlan('oppo', {
      scenarios: ['background-c2c-text', 'background-custom-no-desc'],
      timeouts: { pushMs: 3000, stepMs: 15000 },
    });
    const runs = env.core.services.runs;
    const { runId } = await runs.start(plan);
    await runs.settled(runId);
    const detail = runs.get(runId);
    const lines = detail.attempts.map(
      (a) => `${a.serial} ${a.scenarioId} ${a.verdict?.kind} ${a.verdict?.reason.key}`,
    );
    expect(detail.attempts).toHaveLength(4);
    const log = JSON.stringify(world.vendors.delivery.log.slice(before));
    for (const attempt of detail.attempts) expect(attempt.verdict?.kind, lines.join('\n') + log).toBe('pass');
    // OPPO has no pass-through message: only the c2c text reached the OPPO emulator, once per phone.
    const decisions = world.vendors.delivery.log.slice(before).map((d) => `${d.serial} ${d.reason}`);
    expect(decisions.sort()).toEqual(oppoPhones.map((p) => `${p.serial} posted`).sort());
  }, 120_000);
});
