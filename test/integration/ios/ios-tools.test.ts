/**
 * The iOS side of `pushlab devices`, `install` and `doctor`, through the fake xcrun: simulators
 * are listed when no adb server answers (Android is one line saying why); an .app is read from its
 * Info.plist and installed with simctl, alone or beside an APK (each device gets the build for
 * its platform, or fails with the reason); the doctor shows only the checks a simulator has.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTALL_OPTIONS, type InstallProgressEvent } from '../../../shared/domain/install';
import { createLabCore, type LocalLabCore } from '../../../electron/lab/compose';
import { silentLogger } from '../../../electron/lab/util/logger';
import { eventually } from '../../support/core-lab';
import { freePort, startAdbServer, VirtualLab, type AdbServerHandle } from '../../virtual-lab';
import { writeTestApk } from '../../virtual-lab/apk/build-apk';
import { startFakeXcrun, XCODE16, type FakeXcrun } from '../../virtual-lab/ios/fake-xcrun';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'electron/cli/pushlab.mjs');
const IPAD = XCODE16.bootedIpad;
const IPHONE = XCODE16.iphone15;
const BUNDLE = 'com.pushlab.demo';

let dir: string;
let fake: FakeXcrun;
let appPath: string;
let apkPath: string;
let noAdbPort: number;

async function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [CLI, ...args, '--data-dir', dir, '--db', join(dir, 'cli.db')],
      { env, maxBuffer: 8 << 20 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
/** No adb server answers on this port, and none may be started. */
const noAdb = (): string[] => ['--adb-port', String(noAdbPort), '--no-start-server'];
const apps = async (udid: string): Promise<string[]> =>
  (await fake.log()).filter((e) => e.op === 'install' && e.udid === udid).map((e) => String(e.bundle));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-ios-tools-'));
  fake = await startFakeXcrun({ boot: [IPHONE] });
  appPath = await fake.buildApp({
    bundleId: BUNDLE,
    name: 'PushLabDemo',
    version: '2.5.0',
    build: '250',
    urlSchemes: ['pushlabdemo'],
  });
  apkPath = join(dir, 'demo.apk');
  await writeTestApk(apkPath, { packageName: 'com.pushlab.demo', versionCode: 3, minSdk: 21 });
  noAdbPort = await freePort();
}, 60_000);

afterAll(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('without an adb server', () => {
  it('`devices` lists the simulators and says in one line why Android is unavailable (exit 0)', async () => {
    const json = await cli(['devices', '--json', ...noAdb()], fake.env);
    expect(json.code, json.stderr).toBe(0);
    const devices = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(devices.map((d) => [d.serial, d.platform]).sort()).toEqual(
      [
        [IPAD, 'ios'],
        [IPHONE, 'ios'],
      ].sort(),
    );
    const android = json.stderr.split('\n').filter((l) => l.startsWith('Android:'));
    expect(android).toEqual([
      expect.stringMatching(/^Android: unavailable, adb is not reachable: .+ What to do: .+/),
    ]);
    expect(json.stderr).toContain('iOS: 2 simulators booted');

    const text = await cli(['devices', ...noAdb()], fake.env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(IPAD);
    expect(text.stdout).toMatch(/^Android: unavailable, adb is not reachable/m);
  }, 60_000);

  it('`devices` with neither adb nor simulators is the adb error (exit 2), with the iOS line', async () => {
    const { code, stderr, stdout } = await cli(['devices', '--json', ...noAdb()], {
      ...process.env,
      PATH: '/usr/bin:/bin',
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^pushlab: /m);
    expect(stderr).toMatch(/What to do: /);
    expect(stderr).toMatch(/iOS simulators need/);
  }, 60_000);

  it('`install App.app` reads Info.plist, installs with simctl and reports like an APK install', async () => {
    const { code, stdout, stderr } = await cli(['install', appPath, '--serial', IPAD, ...noAdb()], fake.env);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`Installing ${BUNDLE} 2.5.0 (250) on 1 simulator(s)`);
    expect(stderr).toContain(`${IPAD}: installing`);
    expect(stderr).toContain(`${IPAD}: done`);
    expect(stdout).toContain(`1 of 1 simulator(s) installed ${BUNDLE}.`);
    expect(await apps(IPAD)).toEqual([BUNDLE]);
  }, 60_000);

  it('`install` refuses a folder that is not an .app before touching a simulator, saying what to give', async () => {
    const folder = join(dir, 'Build');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'notes.txt'), 'not an app');
    const { code, stderr } = await cli(['install', folder, '--serial', IPHONE, ...noAdb()], fake.env);
    expect(code).toBe(2);
    expect(stderr).toContain('pushlab: Build is not an .app folder.');
    expect(stderr).toMatch(/What to do: Give the \.app Xcode built for the simulator/);
    expect(await apps(IPHONE)).toEqual([]);
  }, 60_000);

  it('`doctor` on a simulator shows only the iOS checks, and what changed in Settings', async () => {
    const args = ['doctor', '--serial', IPAD, '--package', BUNDLE, '--json', ...noAdb()];
    const first = await cli(args, fake.env);
    const before = JSON.parse(first.stdout) as {
      complete: boolean;
      checks: Array<{ id: string; status: string; evidence: string; advice: string }>;
    };
    expect(first.code, first.stderr).toBe(1);
    expect(before.complete).toBe(true);
    // Installed, never opened: this simulator has no notification settings yet, which means "not asked".
    expect(before.checks.map((c) => `${c.id} ${c.status}`)).toEqual([
      'simulator.booted ok',
      'simulator.runtime ok',
      'app.installed ok',
      'notifications.authorization fail',
    ]);
    expect(before.checks[1]?.advice).toContain('iOS 18.0 on iPad Pro 11-inch (M4)');
    expect(before.checks[3]?.advice).toMatch(/has not asked for permission.*tap Allow.*simctl has no way to/);

    await fake.setAuthorization(IPAD, BUNDLE, 'authorized', { alertType: 0, pushSettings: 8 });
    const after = await cli(args, fake.env);
    const report = JSON.parse(after.stdout) as {
      checks: Array<{ id: string; status: string; evidence: string }>;
      drift: Array<{ checkId: string }>;
    };
    expect(after.code, after.stderr).toBe(0);
    expect(report.checks.map((c) => `${c.id} ${c.status}`)).toEqual([
      'simulator.booted ok',
      'simulator.runtime ok',
      'app.installed ok',
      'notifications.authorization ok',
      'notifications.alert-style warn',
      'notifications.sound warn',
      'notifications.badge ok',
    ]);
    expect(report.checks.find((c) => c.id === 'notifications.authorization')?.evidence).toBe(
      'VersionedSectionInfo.plist: authorizationStatus 2 (authorized)',
    );
    expect(report.drift.map((d) => d.checkId)).toContain('notifications.authorization');

    const text = await cli(['doctor', '--serial', IPAD, '--package', BUNDLE, ...noAdb()], fake.env);
    expect(text.stdout).toMatch(/WARN\s+Sounds/);
    expect(text.stdout).not.toMatch(/Fix with/);
  }, 60_000);

  it('`doctor` on a simulator without Xcode says what is missing (exit 2)', async () => {
    const { code, stderr } = await cli(['doctor', '--serial', IPAD, '--package', BUNDLE, ...noAdb()], {
      ...process.env,
      PATH: '/usr/bin:/bin',
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`Simulator ${IPAD} is not booted here: iOS simulators need`));
  }, 60_000);

  it('`doctor` names an app that is not on the simulator (exit 2)', async () => {
    const { code, stderr } = await cli(
      ['doctor', '--serial', IPHONE, '--package', 'com.example.my-app', ...noAdb()],
      fake.env,
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`com.example.my-app is not installed on simulator ${IPHONE}.`);
    expect(stderr).toContain('pushlab install App.app');
  }, 60_000);
});

describe('phones and simulators together', () => {
  let server: AdbServerHandle;
  let lab: VirtualLab;
  let core: LocalLabCore;
  let pixel: string;

  beforeAll(async () => {
    server = await startAdbServer();
    lab = await VirtualLab.start({ adbPort: server.port });
    await lab.addPhones([{ profile: 'google-pixel-android15-1' }]);
    core = await createLabCore({
      dataDir: join(dir, 'mixed'),
      adb: { host: '127.0.0.1', port: server.port, bin: server.bin, startServer: false },
      shell: 'test',
      logger: silentLogger,
      env: { ...fake.env, PUSHLAB_SIMCTL_POLL_MS: '100' },
    });
    const snapshot = await eventually(
      () => {
        const s = core.services.registry.snapshot();
        return s.devices.some((d) => d.platform === 'android' && d.identityStatus === 'ready') &&
          s.devices.some((d) => d.serial === IPHONE)
          ? s
          : undefined;
      },
      30_000,
      'the phone and the simulators',
    );
    pixel = snapshot.devices.find((d) => d.platform === 'android')!.serial;
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    await lab?.close();
    await server?.stop();
  });

  it('an APK job refuses a simulator and an .app job refuses a phone, each with the reason; the fitting device installs', async () => {
    const apkJob = await core.services.installs.run({
      apkPath,
      serials: [pixel, IPHONE],
      options: DEFAULT_INSTALL_OPTIONS,
    });
    const bySerial = new Map(apkJob.items.map((i) => [i.serial, i]));
    expect(bySerial.get(pixel)?.phase).toBe('done');
    expect(bySerial.get(IPHONE)).toMatchObject({
      phase: 'failed',
      failure: {
        reason: 'INVALID_ARGUMENT',
        message: `${IPHONE} is an iOS simulator: demo.apk is an Android APK.`,
        fix: expect.stringContaining('.app'),
      },
    });

    const events: InstallProgressEvent[] = [];
    const finished: string[] = [];
    core.subscribe(
      (event, payload) => event === 'install:finished' && finished.push((payload as { id: string }).id),
    );
    const appJob = await core.services.appInstalls.run({ appPath, serials: [IPHONE, pixel] }, (e) =>
      events.push(e),
    );
    expect(appJob).toMatchObject({
      kind: 'app',
      app: {
        bundleId: BUNDLE,
        version: '2.5.0',
        build: '250',
        fileName: 'PushLabDemo.app',
        minimumOsVersion: '15.0',
      },
    });
    expect(appJob.items.find((i) => i.serial === IPHONE)?.phase).toBe('done');
    expect(appJob.items.find((i) => i.serial === pixel)).toMatchObject({
      phase: 'failed',
      failure: {
        reason: 'INVALID_ARGUMENT',
        message: `${pixel} is an Android phone: PushLabDemo.app is an iOS simulator build.`,
      },
    });
    expect(events.filter((e) => e.item.serial === IPHONE).map((e) => e.item.phase)).toEqual([
      'installing',
      'done',
    ]);
    expect(finished).toContain(appJob.id);
    expect(await apps(IPHONE)).toEqual([BUNDLE]);

    // The history (IPC) holds both kinds, newest first.
    const jobs = await core.invoke('install:jobs', []);
    expect(jobs.ok && jobs.value.map((j) => ('kind' in j ? j.kind : 'apk'))).toEqual(['app', 'apk']);
  }, 90_000);

  it('`pushlab install app.apk App.app` gives each device the build for its platform', async () => {
    const env = { ...fake.env, ANDROID_ADB_SERVER_PORT: String(server.port) };
    const { code, stdout, stderr } = await cli(
      ['install', apkPath, appPath, '--serial', pixel, '--serial', IPAD, '--adb-port', String(server.port)],
      env,
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('on 1 phone(s)');
    expect(stderr).toContain('on 1 simulator(s)');
    expect(stdout).toContain(`2 of 2 device(s) installed com.pushlab.demo / ${BUNDLE}.`);
  }, 90_000);

  it('app:inspect refuses an APK and a relative path with what to do', async () => {
    const apk = await core.invoke('app:inspect', [apkPath]);
    expect(apk.ok ? null : apk.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'demo.apk is an Android APK, not an iOS simulator app.',
      hint: expect.stringContaining('.app'),
    });
    const relative = await core.invoke('app:inspect', ['Build/App.app']);
    expect(relative.ok ? null : relative.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      hint: expect.stringContaining('Debug-iphonesimulator'),
    });
  });
});

describe('`pushlab run` for simulators without adb', () => {
  it('runs a simctl plan with no adb server (exit 0), and refuses an Android plan then (exit 2)', async () => {
    await fake.installApp(IPAD, {
      bundleId: BUNDLE,
      name: 'PushLabDemo',
      urlSchemes: ['pushlabdemo'],
      prompt: 'allow',
    });
    const planPath = join(dir, 'sim-plan.json');
    const plan = {
      name: 'simulator without adb',
      app: {
        package: BUNDLE,
        accounts: { serials: { [IPAD]: { account: 'qa_ios' } } },
        login: { kind: 'deeplink', uri: 'pushlabdemo://login?account={account}' },
      },
      phones: { serials: [IPAD] },
      scenarios: ['background-c2c-text', 'foreground-text'],
      repeats: 1,
      sender: { kind: 'simctl' },
      timeouts: { pushMs: 1500, stepMs: 15_000 },
    };
    await writeFile(planPath, JSON.stringify(plan));
    const env = { ...fake.env, PUSHLAB_SIMCTL_POLL_MS: '100' };
    const ok = await cli(['run', '--plan', planPath, '--json', ...noAdb()], env);
    expect(ok.code, ok.stderr).toBe(0);
    const result = JSON.parse(ok.stdout) as {
      status: string;
      attempts: Array<{ scenarioId: string; verdict: { kind: string } }>;
    };
    expect(result.status).toBe('completed');
    expect(result.attempts.map((a) => [a.scenarioId, a.verdict.kind]).sort()).toEqual([
      ['background-c2c-text', 'pass'],
      ['foreground-text', 'pass'],
    ]);

    const android = join(dir, 'android-plan.json');
    await writeFile(
      android,
      JSON.stringify({
        ...plan,
        app: { ...plan.app, accounts: { vendors: { xiaomi: { account: 'qa' } } } },
        phones: { vendors: ['xiaomi'] },
        sender: { kind: 'manual' },
      }),
    );
    const refused = await cli(['run', '--plan', android, ...noAdb()], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/adb/i);
  }, 90_000);
});
