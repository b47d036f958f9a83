/**
 * The acceptance run: six vendor channels plus FCM, every scenario in the catalog, run by
 * the real engine over adb against the virtual phones, then every verdict compared with the
 * router's ground-truth log (what each phone really did with each message). A PASS that the
 * ground truth contradicts is the worst bug PushLab can have: there must be none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView } from '../../../../shared/domain/run';
import { toJUnit } from '../../../../electron/lab/runs/junit';
import { openRunLab, type RunLab } from '../../../support/run-lab';

let env: RunLab;
beforeAll(async () => {
  env = await openRunLab();
}, 90_000);
afterAll(async () => env?.close());

interface Checked {
  readonly attempt: AttemptView;
  readonly requestId: string | null;
  readonly truthShown: boolean | null;
}

describe('a 7-phone run of every scenario, checked against ground truth', () => {
  it('gives no false pass, and verdicts for every cell', async () => {
    const runs = env.core.services.runs;
    const { runId } = await runs.start(env.world.plan({ timeouts: { pushMs: 4000, stepMs: 15000 } }));
    const summary = await runs.settled(runId);
    expect(summary.status).toBe('completed');
    const detail = runs.get(runId);
    const truth = env.world.groundTruth();
    const accountOf = new Map(env.world.phones.map((p) => [p.serial, p.account]));

    const checked: Checked[] = detail.attempts.map((attempt) => {
      const send = runs.attempt(attempt.id).evidence.find((e) => e.kind === 'send');
      const requestId = send ? ((send.data as { requestId?: string | null }).requestId ?? null) : null;
      const decisions = truth.filter(
        (t) => t.msgKey === requestId && t.account === accountOf.get(attempt.serial),
      );
      return {
        attempt,
        requestId,
        truthShown: decisions.length === 0 ? null : decisions.some((d) => d.shown),
      };
    });
    const table = checked
      .map(
        (c) =>
          `${c.attempt.serial.padEnd(16)} ${c.attempt.scenarioId.padEnd(34)} ` +
          `${String(c.attempt.verdict?.kind).padEnd(12)} ${c.attempt.verdict?.reason.key.padEnd(36)} ` +
          `truth=${c.truthShown}`,
      )
      .join('\n');

    // 1. Every PASS agrees with what the phone really did.
    const falsePasses = checked.filter((c) => {
      const v = c.attempt.verdict;
      if (v?.kind !== 'pass') return false;
      if (v.reason.key === 'pass.shown' || v.reason.key === 'pass.shown-despite-prediction')
        return c.truthShown !== true;
      return c.truthShown !== false; // pass.not-shown: the router must have decided "not shown"
    });
    expect(
      falsePasses.map((c) => `${c.attempt.serial} ${c.attempt.scenarioId}`),
      table,
    ).toEqual([]);
    // 2. A "shown when it must not" fail is a real showing.
    for (const c of checked.filter((x) => x.attempt.verdict?.reason.key === 'fail.shown-when-must-not'))
      expect(c.truthShown, table).toBe(true);

    // 2b. A tap-to-redirect pass was proven: tapped, the app came up and logged the ext it was sent.
    for (const c of checked.filter(
      (x) => x.attempt.scenarioId === 'background-ext-redirect' && x.attempt.verdict?.kind === 'pass',
    )) {
      const tap = runs.attempt(c.attempt.id).evidence.find((e) => e.kind === 'tap')?.data as
        { tapped?: boolean; extSeen?: boolean; method?: string } | undefined;
      expect(tap, table).toMatchObject({ tapped: true, extSeen: true, method: 'uiautomator' });
    }
    // 2c. Every judged push kept its evidence: records, send receipt, state read-back, shade screenshot, logcat slice.
    for (const c of checked.filter((x) => x.requestId !== null && x.attempt.verdict?.kind === 'pass')) {
      const kinds = new Set(runs.attempt(c.attempt.id).evidence.map((e) => e.kind));
      for (const kind of ['record', 'send', 'state', 'screenshot', 'logcat', 'doctor'] as const)
        expect(kinds.has(kind), `${c.attempt.scenarioId} ${kind}`).toBe(true);
      // Every virtual phone's events buffer is readable: capture followed it instead of polling.
      const record = runs.attempt(c.attempt.id).evidence.find((e) => e.kind === 'record')?.data as
        { capture?: { mode?: string } } | undefined;
      expect(record?.capture?.mode, `${c.attempt.scenarioId} capture mode`).toBe('events');
    }

    // 3. The plan is big enough to count: ≥ 6 vendors x ≥ 12 scenarios, each with a verdict.
    expect(new Set(detail.phones.map((p) => p.channel)).size).toBeGreaterThanOrEqual(7);
    expect(detail.scenarioIds.length).toBeGreaterThanOrEqual(12);
    expect(detail.attempts.every((a) => a.status === 'done' && a.verdict !== null)).toBe(true);
    const passes = checked.filter((c) => c.attempt.verdict?.kind === 'pass').length;
    expect(passes, table).toBeGreaterThanOrEqual(detail.phones.length * 10);
    console.info(`verdicts:\n${table}`);

    // 4. The JUnit report lists every cell.
    const xml = toJUnit(runs.results(runId));
    expect((xml.match(/<testcase /g) ?? []).length).toBe(detail.attempts.length);
  }, 600_000);
});
