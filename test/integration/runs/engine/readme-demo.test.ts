/**
 * The README's example plan runs against the demo lab as `npm run demo` starts it (same
 * controller, same fixed phone ports and emulator port), with only repeats and the push window
 * shortened so the suite stays quick. Every verdict must be clean: no fail, blocked or lost.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLabController } from '../../../../electron/demo/virtual-lab-controller';
import { createLabCore, type LocalLabCore } from '../../../../electron/lab/compose';
import { silentLogger } from '../../../../electron/lab/util/logger';
import type { VirtualLabController } from '../../../../electron/lab/virtual-lab-port';
import { startAdbServer, type AdbServerHandle } from '../../../virtual-lab';

let server: AdbServerHandle;
let dir: string;
let demo: VirtualLabController;
let core: LocalLabCore;
const envBefore = process.env.PUSHLAB_TENCENT_SECRET;

function readmePlan(text: string): Record<string, unknown> {
  const block = [...text.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => m[1] as string)
    .find((b) => b.includes('"repeats"'));
  if (block === undefined) throw new Error('README has no plan example');
  return JSON.parse(block) as Record<string, unknown>;
}

beforeAll(async () => {
  server = await startAdbServer();
  dir = await mkdtemp(join(tmpdir(), 'pushlab-readme-'));
  delete process.env.PUSHLAB_TENCENT_SECRET;
  demo = createDemoLabController({
    adbHost: '127.0.0.1',
    adbPort: server.port,
    dataDir: dir,
    realisticTiming: false,
  });
  core = await createLabCore({
    dataDir: dir,
    adb: { host: '127.0.0.1', port: server.port, bin: server.bin, startServer: false },
    shell: 'test',
    logger: silentLogger,
    virtualLab: demo,
  });
  await core.services.tracker.waitUntilConnected(10_000);
  const status = await demo.start();
  await Promise.all(status.phones.map((p) => core.services.registry.waitForIdentity(p.serial, 20_000)));
}, 90_000);

afterAll(async () => {
  await core?.close();
  await demo?.stop();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (envBefore === undefined) delete process.env.PUSHLAB_TENCENT_SECRET;
  else process.env.PUSHLAB_TENCENT_SECRET = envBefore;
});

describe('the README example plan on the demo lab', () => {
  it('names the demo phones and runs clean', async () => {
    const plan = readmePlan(await readFile(join(process.cwd(), 'README.md'), 'utf8'));
    const written = JSON.parse(await readFile(join(dir, 'demo-plan.json'), 'utf8')) as {
      sender: { baseUrl: string };
    };
    // The demo's emulator wants 127.0.0.1:18090; if that port was busy here it took another.
    const sender = { ...(plan.sender as Record<string, unknown>), baseUrl: written.sender.baseUrl };
    const serials = (plan.phones as { serials: string[] }).serials;
    const attached = new Set(demo.status().phones.map((p) => p.serial));
    expect(
      serials.filter((s) => !attached.has(s)),
      'README serials missing from the demo lab (ports 15601-15609 busy?)',
    ).toEqual([]);

    const runs = core.services.runs;
    const { runId } = await runs.start({
      ...plan,
      sender,
      repeats: 1,
      timeouts: { pushMs: 3000, stepMs: 15000 },
    });
    const summary = await runs.settled(runId);
    const lines = runs
      .get(runId)
      .attempts.map((a) => `${a.serial} ${a.scenarioId} ${a.verdict?.kind} ${a.verdict?.reason.key}`)
      .join('\n');
    expect(summary.status).toBe('completed');
    expect(summary.attempts).toBe(7 * 15);
    expect(
      { fail: summary.totals.fail, blocked: summary.totals.blocked, lost: summary.totals['device-lost'] },
      lines,
    ).toEqual({ fail: 0, blocked: 0, lost: 0 });
    expect(summary.totals.pass, lines).toBeGreaterThanOrEqual(80);
  }, 240_000);
});
