/**
 * The demo's VirtualLabController over the push lab world: start() brings up phones with the demo
 * app, writes <dataDir>/demo-plan.json that parsePlan accepts, tells where it is and which variable
 * holds the emulator key (never the key), keeps that key in a 0600 file, and the key signs
 * requests the emulator accepts. A port already taken falls back to a free one.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLabController, demoPhones } from '../../../electron/demo/virtual-lab-controller';
import { createTencentImClient } from '../../../electron/lab/push/tencent/client';
import type { VirtualLabController } from '../../../electron/lab/virtual-lab-port';
import { parsePlan } from '../../../shared/runs';
import { freePort, startAdbServer, type AdbServerHandle } from '../../virtual-lab';

const ENV = 'PUSHLAB_TENCENT_SECRET';
const PROFILES = ['xiaomi-hyperos2-android14-2', 'google-pixel-android15-1'];

let server: AdbServerHandle;
let dataDir: string;
let blocker: Server;
let blockedPort: number;
let controller: VirtualLabController;
const announced: string[] = [];
const envBefore = process.env[ENV];

beforeAll(async () => {
  server = await startAdbServer();
  dataDir = await mkdtemp(join(tmpdir(), 'pushlab-demo-ctl-'));
  // Someone else holds the emulator's preferred port: the demo must take another one.
  blockedPort = await freePort();
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(blockedPort, '127.0.0.1', resolve));
  delete process.env[ENV];
  controller = createDemoLabController({
    adbHost: '127.0.0.1',
    adbPort: server.port,
    profiles: PROFILES,
    dataDir,
    announce: (line) => announced.push(line),
    tencentPort: blockedPort,
    realisticTiming: false,
  });
});

afterAll(async () => {
  await controller?.stop();
  await new Promise((resolve) => blocker?.close(resolve));
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (envBefore === undefined) delete process.env[ENV];
  else process.env[ENV] = envBefore;
});

describe('demo lab controller', () => {
  it('names one qa_<vendor> account per phone, numbering repeats', () => {
    expect(demoPhones(PROFILES, 3).map((p) => p.account)).toEqual(['qa_xiaomi', 'qa_pixel', 'qa_xiaomi_2']);
  });

  it('starts the world, writes a valid demo plan and says how to run it without showing the key', async () => {
    const status = await controller.start();
    expect(status.phones.map((p) => p.profile).sort()).toEqual([...PROFILES].sort());
    const planPath = join(dataDir, 'demo-plan.json');
    const plan = parsePlan(await readFile(planPath, 'utf8'));
    const keyFile = join(dataDir, 'demo-tencent-secret');
    // On disk the plan names the key file (any shell can run it); the app's own plan reads the env.
    const inApp = controller.demoPlan?.() as typeof plan;
    expect(plan).toEqual({ ...inApp, sender: { ...inApp.sender, secret: { file: keyFile } } });
    expect(inApp.sender).toMatchObject({ kind: 'tencent', secret: { env: ENV } });
    expect([...(plan.phones.serials ?? [])].sort()).toEqual(status.phones.map((p) => p.serial).sort());
    const baseUrl = plan.sender.kind === 'tencent' ? plan.sender.baseUrl : undefined;
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(baseUrl).not.toBe(`http://127.0.0.1:${blockedPort}`);

    const key = process.env[ENV] ?? '';
    expect(key).toMatch(/^[0-9a-f]{48}$/);
    expect((await readFile(keyFile, 'utf8')).trim()).toBe(key);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const text = announced.join('\n');
    // The same data folder as the app, so the run shows there.
    expect(text).toContain(
      `npx pushlab run --plan ${planPath} --adb-port ${server.port} --data-dir ${dataDir}`,
    );
    expect(text).toContain(keyFile);
    expect(text).not.toContain(key);

    // The key from the environment signs what the plan's sender will send.
    const client = createTencentImClient({
      sdkAppId: plan.sender.kind === 'tencent' ? plan.sender.sdkAppId : 0,
      adminIdentifier: 'administrator',
      secretKey: key,
      baseUrl: baseUrl ?? '',
      timeoutMs: 5000,
    });
    const presence = await client.queryOnlineStatus(['qa_xiaomi', 'qa_pixel']);
    expect([...presence.statuses.values()]).toEqual(['PushOnline', 'PushOnline']);
  });

  it('stop() clears the plan and the phones; a restart keeps the same key', async () => {
    const key = process.env[ENV];
    expect((await controller.stop()).phones).toEqual([]);
    expect(controller.demoPlan?.()).toBeNull();
    delete process.env[ENV];
    await controller.start();
    expect(process.env[ENV]).toBe(key);
    await controller.stop();
  });
});
