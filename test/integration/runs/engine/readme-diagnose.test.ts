/**
 * The README's diagnose example runs against the demo lab as `npm run demo` starts it (same
 * controller, phone ports, emulator ports): the demo writes demo-diagnose-plan.json with its keys
 * and secrets by file (FCM and the six vendor emulators), and the README's plan, with only the
 * push window shortened, finds both links working on every FCM phone.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLabController } from '../../../../electron/demo/virtual-lab-controller';
import { createLabCore, type LocalLabCore } from '../../../../electron/lab/compose';
import { silentLogger } from '../../../../electron/lab/util/logger';
import type { VirtualLabController } from '../../../../electron/lab/virtual-lab-port';
import { parsePlan } from '../../../../shared/runs/parse-plan';
import { startAdbServer, type AdbServerHandle } from '../../../virtual-lab';

let server: AdbServerHandle;
let dir: string;
let demo: VirtualLabController;
let core: LocalLabCore;
const envBefore = process.env.PUSHLAB_TENCENT_SECRET;

function readmeDiagnosePlan(text: string): Record<string, unknown> {
  const block = [...text.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => m[1] as string)
    .find((b) => b.includes('"mode": "diagnose"'));
  if (block === undefined) throw new Error('README has no diagnose plan example');
  return JSON.parse(block) as Record<string, unknown>;
}

beforeAll(async () => {
  server = await startAdbServer();
  dir = await mkdtemp(join(tmpdir(), 'pushlab-readme-diag-'));
  delete process.env.PUSHLAB_TENCENT_SECRET;
  demo = createDemoLabController({
    adbHost: '127.0.0.1',
    adbPort: server.port,
    dataDir: dir,
    realisticTiming: false,
  });
  await demo.start();
  const fcmKey = await readFile(join(dir, 'demo-fcm-service-account.json'), 'utf8');
  core = await createLabCore({
    dataDir: dir,
    adb: { host: '127.0.0.1', port: server.port, bin: server.bin, startServer: false },
    shell: 'test',
    logger: silentLogger,
    virtualLab: demo,
    env: { ...process.env, PUSHLAB_FCM_SERVICE_ACCOUNT: fcmKey },
  });
  await core.services.tracker.waitUntilConnected(10_000);
  await Promise.all(
    demo.status().phones.map((p) => core.services.registry.waitForIdentity(p.serial, 20_000)),
  );
}, 90_000);

afterAll(async () => {
  await core?.close();
  await demo?.stop();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (envBefore === undefined) delete process.env.PUSHLAB_TENCENT_SECRET;
  else process.env.PUSHLAB_TENCENT_SECRET = envBefore;
});

describe('the README diagnose plan on the demo lab', () => {
  it('the demo writes a valid diagnose plan, keys by file only this user reads', async () => {
    const written = JSON.parse(await readFile(join(dir, 'demo-diagnose-plan.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const plan = parsePlan(written);
    expect(plan.mode).toBe('diagnose');
    // The demo has a phone of every channel the world reaches directly.
    expect(new Set(plan.diagnose?.vendors.map((v) => v.kind))).toEqual(
      new Set(['fcm', 'xiaomi', 'huawei', 'honor', 'oppo', 'vivo', 'meizu']),
    );
    const text = JSON.stringify(written);
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain('"env"');
    const keyFile = join(dir, 'demo-fcm-service-account.json');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(text).toContain(keyFile);
    const miSecret = join(dir, 'demo-xiaomi-appSecret');
    expect((await stat(miSecret)).mode & 0o777).toBe(0o600);
    expect(text).not.toContain(await readFile(miSecret, 'utf8'));
  });

  it('names the demo FCM phones and finds both links working', async () => {
    const plan = readmeDiagnosePlan(await readFile(join(process.cwd(), 'README.md'), 'utf8'));
    const written = JSON.parse(await readFile(join(dir, 'demo-diagnose-plan.json'), 'utf8')) as {
      sender: { baseUrl: string };
      phones: { serials: string[] };
      diagnose: { vendors: { kind: string; baseUrl: string; tokenUrl: string }[] };
    };
    // The demo's emulators want 18090/18091; if a port was busy here they took another.
    const vendor = written.diagnose.vendors.find((v) => v.kind === 'fcm');
    const readmeVendor = (plan.diagnose as { vendors: Record<string, unknown>[] }).vendors[0];
    const serials = (plan.phones as { serials: string[] }).serials;
    // The README's copy is the demo's FCM phones; the demo's own plan has them among all its phones.
    expect(written.phones.serials).toEqual(expect.arrayContaining(serials));

    const runs = core.services.runs;
    const { runId } = await runs.start({
      ...plan,
      sender: { ...(plan.sender as Record<string, unknown>), baseUrl: written.sender.baseUrl },
      diagnose: { vendors: [{ ...readmeVendor, baseUrl: vendor?.baseUrl, tokenUrl: vendor?.tokenUrl }] },
      repeats: 1,
      timeouts: { pushMs: 3000, stepMs: 15000 },
    });
    const summary = await runs.settled(runId);
    const attempts = runs.get(runId).attempts;
    const lines = attempts
      .map((a) => `${a.serial} ${a.scenarioId} ${a.verdict?.kind} ${a.verdict?.diagnosis?.link}`)
      .join('\n');
    expect(summary.status, lines).toBe('completed');
    expect(attempts, lines).toHaveLength(serials.length * 2);
    expect(
      attempts.map((a) => a.verdict?.diagnosis?.link),
      lines,
    ).toEqual(attempts.map(() => 'both-shown'));
    expect(summary.totals.pass, lines).toBe(attempts.length);
  }, 240_000);
});
