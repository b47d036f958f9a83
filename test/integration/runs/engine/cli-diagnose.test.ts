/**
 * `pushlab run` with a diagnose plan, as CI runs it (a child process on the lab's adb server):
 * the sends per sender are printed before the run starts, the table has a LINK column and each
 * lost push gets its sentence, and a plan over its quota exits 2 before anything is sent.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunLab, type RunLab } from '../../../support/run-lab';

const CLI = join(process.cwd(), 'electron/cli/pushlab.mjs');
let env: RunLab;
const serialOf = (id: string): string => env.world.phones.find((p) => p.id === id)?.serial ?? '';

beforeAll(async () => {
  env = await openRunLab({
    phones: [
      { profile: 'google-pixel-android15-1', id: 'ok', account: 'qa_ok' },
      { profile: 'google-pixel-android15-1', id: 'lost', account: 'qa_lost' },
    ],
    world: { direct: true, drops: (_spec, serial) => serial === serialOf('lost') },
  });
}, 90_000);
afterAll(async () => env?.close());

function pushlab(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [CLI, ...args, '--adb-port', String(env.server.port), '--no-start-server'],
    { env: env.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function planFile(name: string, overrides: Record<string, unknown>): Promise<string> {
  const path = join(env.dir, `${name}.json`);
  const plan = env.world.diagnosePlan({
    scenarios: ['background-c2c-text'],
    timeouts: { pushMs: 2500, stepMs: 15000 },
    ...overrides,
  });
  await writeFile(path, JSON.stringify({ ...plan, name }, null, 2));
  return path;
}

describe('pushlab run with a diagnose plan', () => {
  it('prints the sends before the run, then the link per cell', async () => {
    const plan = await planFile('cli-diagnose', {});
    const { code, stdout, stderr } = await pushlab(['run', '--plan', plan, '--db', join(env.dir, 'd.db')]);
    expect(code, stderr).toBe(1);
    const sends = stderr.indexOf('Sends: tencent: up to 4 sends to 2 phone(s) (no quota declared)');
    expect(sends, stderr).toBeGreaterThanOrEqual(0);
    expect(stderr).toContain('Sends: fcm: up to 2 sends to 2 phone(s) (no quota declared)');
    expect(sends).toBeLessThan(stderr.indexOf('started.'));
    expect(stdout).toMatch(/PHONE\s+SCENARIO\s+VERDICTS\s+DELIVERED\s+P50\s+P95\s+LINK/);
    expect(stdout).toContain('both-shown:1');
    expect(stdout).toContain('tencent-side:1');
    expect(stdout).toContain(
      `${serialOf('lost')} background-c2c-text #1: Tencent side: the direct fcm push showed`,
    );
  }, 120_000);

  it('exits 2 with QUOTA_EXCEEDED when the plan would send more than its quota', async () => {
    const plan = await planFile('cli-quota', { quota: { fcm: 1 } });
    const { code, stderr } = await pushlab(['run', '--plan', plan, '--db', join(env.dir, 'q.db')]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'The run would send more than its quota allows: fcm: up to 2 sends to 2 phone(s)',
    );
    expect(stderr).not.toContain('started.');
  }, 60_000);
});
