/**
 * Issue 5 end to end on the push lab world: a small plan runs twice on two phones; between the
 * runs the Pixel's notifications are turned off (`pm revoke … POST_NOTIFICATIONS`, as a user or an
 * OS update would). Comparing the runs marks that phone's cells as regressed, with the doctor's
 * drift (the permission now failing) beside them; the Xiaomi's cells do not change. Then the
 * second run is signed off with waivers and is frozen.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunComparison, RunMatrix } from '../../../shared/matrix/types';
import { openRunLab, type RunLab } from '../../support/run-lab';
import { DEMO_PACKAGE } from '../../virtual-lab/push-lab';

let env: RunLab;
beforeAll(async () => {
  env = await openRunLab({
    phones: [
      { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', account: 'qa_xiaomi' },
      { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
    ],
  });
}, 90_000);
afterAll(async () => env?.close());

const SCENARIOS = ['background-c2c-text', 'background-image'];

async function runOnce(): Promise<string> {
  const runs = env.core.services.runs;
  const { runId } = await runs.start(
    env.world.plan({ scenarios: SCENARIOS, timeouts: { pushMs: 3000, stepMs: 15000 } }),
  );
  const summary = await runs.settled(runId);
  const lines = runs
    .get(runId)
    .attempts.map((a) => `${a.serial} ${a.scenarioId} ${a.verdict?.kind} ${a.verdict?.reason.key}`);
  expect(summary.status, lines.join('\n')).toBe('completed');
  return runId;
}

async function invoke<T>(
  channel: 'matrix:get' | 'matrix:compare' | 'matrix:sign-off' | 'matrix:sign-off-of',
  args: unknown[],
): Promise<T> {
  const result = await env.core.invoke(channel, args as never);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('comparing two runs on virtual phones', () => {
  it('marks the regressions of a phone whose notifications were turned off, with the drift beside them, and signs the run off', async () => {
    const mi = env.world.phones.find((p) => p.id === 'mi')?.serial as string;
    const pixel = env.world.phones.find((p) => p.id === 'pixel')?.serial as string;

    const first = await runOnce();
    const before = await invoke<RunMatrix>('matrix:get', [first]);
    const table = (m: RunMatrix): string =>
      m.cells.map((c) => `${c.serial} ${c.scenarioId} ${c.status} ${c.reason?.key}`).join('\n');
    expect(
      before.cells.every((c) => c.status === 'pass'),
      table(before),
    ).toBe(true);
    expect(before.phones.map((p) => p.group)).toEqual(['xiaomi', 'google']);
    expect(before.total).toMatchObject({ cells: 4, passRate: 1, deliveryRate: 1 });

    await env.core.services.gateway
      .device(pixel)
      .shell(`pm revoke ${DEMO_PACKAGE} android.permission.POST_NOTIFICATIONS`);
    const second = await runOnce();
    const after = await invoke<RunMatrix>('matrix:get', [second]);
    const comparison = await invoke<RunComparison>('matrix:compare', [first, second]);
    const changes = comparison.changes.map(
      (c) => `${c.kind} ${c.serial === pixel ? 'pixel' : 'mi'} ${c.scenarioId} ${c.before}->${c.after}`,
    );

    // Every Pixel cell regressed; nothing changed on the Xiaomi.
    expect(
      comparison.changes.filter((c) => c.serial === mi),
      changes.join('\n'),
    ).toEqual([]);
    const pixelChanges = comparison.changes.filter((c) => c.serial === pixel);
    expect(pixelChanges.map((c) => c.scenarioId).sort(), `${changes.join('\n')}\n${table(after)}`).toEqual(
      [...SCENARIOS].sort(),
    );
    for (const change of pixelChanges) {
      expect(change.kind, changes.join('\n')).toBe('regressed');
      expect(change.before).toBe('pass');
      expect(['fail', 'inconclusive']).toContain(change.after);
      // The doctor saw why: the notification permission went from ok to failing.
      expect(change.drift).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ checkId: 'notifications.permission', before: 'ok', after: 'fail' }),
        ]),
      );
    }
    expect(Object.keys(comparison.drift)).toContain(pixel);
    expect(comparison.drift[mi]?.some((d) => d.checkId === 'notifications.permission') ?? false).toBe(false);

    // Sign the second run off, waiving the Pixel's cells; from then on it is frozen.
    const signed = await invoke<{ by: string; waivers: unknown[] }>('matrix:sign-off', [
      {
        runId: second,
        by: 'QA lead',
        note: 'Pixel notifications were turned off on purpose',
        waivers: pixelChanges.map((c) => ({
          serial: c.serial,
          scenarioId: c.scenarioId,
          reason: 'Permission revoked for this test',
        })),
      },
    ]);
    expect(signed).toMatchObject({ by: 'QA lead' });
    expect(signed.waivers).toHaveLength(2);
    const signedMatrix = await invoke<RunMatrix>('matrix:get', [second]);
    expect(signedMatrix.total.waived).toBe(2);
    expect(signedMatrix.total.counts.pass).toBe(2);
    expect(await invoke('matrix:sign-off-of', [second])).toMatchObject({ runId: second, by: 'QA lead' });

    const again = await env.core.invoke('matrix:sign-off', [
      { runId: second, by: 'Someone', note: '', waivers: [] },
    ]);
    expect(again.ok ? null : again.error.code).toBe('RUN_SIGNED_OFF');
    // Even a raw UPDATE from another connection to the same database is refused.
    const db = new Database(join(env.dir, 'pushlab.db'));
    try {
      expect(() =>
        db.prepare("UPDATE run_attempts SET verdict_kind = 'pass' WHERE run_id = ?").run(second),
      ).toThrow(/run is signed off/);
      expect(() => db.prepare("UPDATE runs SET status = 'interrupted' WHERE id = ?").run(second)).toThrow(
        /run is signed off/,
      );
    } finally {
      db.close();
    }
    expect((await invoke<RunMatrix>('matrix:get', [second])).cells.map((c) => c.status)).toEqual(
      signedMatrix.cells.map((c) => c.status),
    );
  }, 180_000);
});
