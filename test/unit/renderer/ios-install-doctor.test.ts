/**
 * The Install and Push readiness views with simulators, without a browser: booted simulators are
 * install and doctor targets; with an APK and an .app each device gets its platform's build (one
 * build: all devices go to it and the core refuses misfits); the .app path is read with
 * app:inspect; simulator jobs merge with APK jobs; the doctor takes a bundle ID (the same rule as
 * the IPC schema) and no channels on a simulator, and groups its checks under "simulator".
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../shared/domain/device';
import {
  DEFAULT_INSTALL_OPTIONS,
  type AnyInstallJob,
  type ApkInfo,
  type InstallItem,
  type SimulatorAppInfo,
  type SimulatorInstallJob,
} from '../../../shared/domain/install';
import { bundleIdSchema } from '../../../shared/ipc';
import { fail, ok } from '../../../shared/result';
import { areaOf } from '../../../renderer/src/doctor/check-groups';
import { draftSubject } from '../../../renderer/src/doctor/doctor-store';
import { doctorTargets } from '../../../renderer/src/doctor/doctor-targets';
import { checkPackageName } from '../../../renderer/src/doctor/subject-input';
import { platformOfSerial } from '../../../shared/platforms/platform-facts';
import {
  installTargets,
  iosConflict,
  jobCounts,
  mergeJobs,
  splitTargets,
} from '../../../renderer/src/install/install-logic';
import { createInstallStore } from '../../../renderer/src/install/install-store';
import { fakeBridge } from './support/fake-bridge';
import { adbStatus, phone, UNAUTHORIZED, XIAOMI } from '../../support/sample-devices';

const UDID = 'BA519339-BEC4-4E69-B98B-BE2EFDA190F0';
const ios = (serial: string, version: string, state: DeviceView['state'] = 'device'): DeviceView =>
  phone(
    serial,
    {
      manufacturer: 'Apple',
      brand: 'Apple',
      model: 'iPhone 15',
      androidVersion: '',
      sdk: null,
      rom: { name: 'iOS', version },
      pushChannel: 'apns',
      pushServices: [],
    },
    {
      platform: 'ios',
      transport: 'simulator',
      state,
      simulator: { state: state === 'device' ? 'Booted' : 'Booting', runtime: 'r', deviceType: null },
    },
  );
const IPAD = ios(UDID, '18.0');
const OLD = ios('547F6011-D095-471A-8FB1-0BE2C0BA00B4', '16.4');
const BOOTING = ios('9ED31B08-43D6-4EFB-93A3-E36E6EA94CBB', '18.0', 'connecting');
const APP: SimulatorAppInfo = {
  path: '/Users/qa/App.app',
  fileName: 'App.app',
  bundleId: 'com.example.my-app',
  version: '2.5.0',
  build: '250',
  name: 'App',
  minimumOsVersion: '17.0',
};
const APK: ApkInfo = {
  path: '/staged/a.apk',
  fileName: 'a.apk',
  sizeBytes: 10,
  sha256: 'ab'.repeat(32),
  packageName: 'com.example.app',
  versionCode: 1,
  versionName: '1.0',
  minSdk: 21,
  targetSdk: 34,
  label: null,
  testOnly: false,
  nativeAbis: [],
};
const item = (serial: string, phase: InstallItem['phase'] = 'queued'): InstallItem => ({
  serial,
  phase,
  bytesPushed: 0,
  totalBytes: 0,
  failure: null,
  startedAt: null,
  finishedAt: null,
});
const appJob = (
  serials: readonly string[],
  id = 'app-1',
  startedAt = '2026-01-05T10:00:01.000Z',
): SimulatorInstallJob => ({
  id,
  kind: 'app',
  app: APP,
  items: serials.map((s) => item(s)),
  startedAt,
  finishedAt: null,
});

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('install targets and builds', () => {
  it('booted simulators are targets beside ready phones; booting ones and unauthorized phones are not', () => {
    expect(installTargets([IPAD, XIAOMI, BOOTING, UNAUTHORIZED]).map((d) => d.serial)).toEqual([
      XIAOMI.serial,
      UDID,
    ]);
  });

  it("with both builds each device gets its platform's; with one, every device goes to it", () => {
    const sims = new Set([UDID]);
    expect(splitTargets([XIAOMI.serial, UDID], sims, { apk: true, app: true })).toEqual({
      apk: [XIAOMI.serial],
      app: [UDID],
    });
    expect(splitTargets([XIAOMI.serial, UDID], sims, { apk: false, app: true })).toEqual({
      apk: [],
      app: [XIAOMI.serial, UDID],
    });
    expect(splitTargets([XIAOMI.serial, UDID], sims, { apk: true, app: false })).toEqual({
      apk: [XIAOMI.serial, UDID],
      app: [],
    });
  });

  it("warns about a simulator older than the .app's minimum iOS", () => {
    expect(iosConflict(APP, OLD)).toEqual({ ios: '16.4', minimum: '17.0' });
    expect(iosConflict(APP, IPAD)).toBeNull();
    expect(iosConflict(APP, XIAOMI)).toBeNull();
  });

  it('merges simulator jobs with APK jobs and counts them alike', () => {
    const apkJob: AnyInstallJob = {
      id: 'apk-1',
      apk: APK,
      options: DEFAULT_INSTALL_OPTIONS,
      items: [item(XIAOMI.serial, 'done')],
      startedAt: '2026-01-05T10:00:00.000Z',
      finishedAt: null,
    };
    const merged = mergeJobs<AnyInstallJob>([apkJob], [appJob([UDID])]);
    expect(merged.map((j) => j.id)).toEqual(['app-1', 'apk-1']);
    expect(jobCounts(merged[0]!)).toEqual({ total: 1, done: 0, failed: 0, running: 1 });
  });
});

describe('install store with a simulator .app', () => {
  function bridgeWithBuilds() {
    const bridge = fakeBridge({ adb: adbStatus(), devices: [XIAOMI, IPAD] });
    bridge.answer('app:inspect', (path) =>
      path === APP.path
        ? ok(APP)
        : fail({
            code: 'INVALID_ARGUMENT',
            message: `${path} is not an .app folder.`,
            hint: 'Give the .app Xcode built for the simulator.',
          }),
    );
    bridge.answer('apk:inspect', (path) => ok({ ...APK, path }));
    bridge.answer('install:start', (request) =>
      ok({
        id: 'apk-1',
        apk: APK,
        options: request.options,
        items: request.serials.map((s) => item(s)),
        startedAt: '2026-01-05T10:00:00.000Z',
        finishedAt: null,
      }),
    );
    bridge.answer('install:start-app', (request) => ok(appJob(request.serials)));
    return bridge;
  }

  it('reads the typed path with app:inspect, or keeps the error and sends nothing', async () => {
    const bridge = bridgeWithBuilds();
    const store = createInstallStore(bridge);
    store.getState().setAppPath('  /Users/qa/Other  ');
    await store.getState().inspectApp();
    expect(store.getState().app).toMatchObject({
      status: 'error',
      path: '/Users/qa/Other',
      error: { code: 'INVALID_ARGUMENT' },
    });
    await store.getState().install([UDID], new Set([UDID]));
    expect(bridge.calls.some((c) => c.channel.startsWith('install:start'))).toBe(false);
    store.getState().setAppPath(APP.path);
    await store.getState().inspectApp();
    expect(store.getState().app).toEqual({ status: 'ready', app: APP });
  });

  it('installs the APK on the phone and the .app on the simulator, and follows both jobs', async () => {
    const bridge = bridgeWithBuilds();
    const store = createInstallStore(bridge);
    stops.push(store.getState().start());
    await store.getState().chooseFile(new File([new Uint8Array([0x50, 0x4b])], 'a.apk'));
    store.getState().setAppPath(APP.path);
    await store.getState().inspectApp();
    await store.getState().install([XIAOMI.serial, UDID], new Set([UDID]));
    expect(
      bridge.calls
        .filter((c) => c.channel === 'install:start')
        .map((c) => (c.args[0] as { serials: string[] }).serials),
    ).toEqual([[XIAOMI.serial]]);
    expect(bridge.calls.filter((c) => c.channel === 'install:start-app').map((c) => c.args[0])).toEqual([
      { appPath: APP.path, serials: [UDID] },
    ]);
    expect(store.getState().activeJobIds).toEqual(['apk-1', 'app-1']);
    bridge.emit('install:progress', { jobId: 'app-1', item: item(UDID, 'installing') });
    bridge.emit('install:finished', {
      ...appJob([UDID]),
      items: [item(UDID, 'done')],
      finishedAt: '2026-01-05T10:00:03.000Z',
    });
    expect(store.getState().jobs.find((j) => j.id === 'app-1')?.items[0]?.phase).toBe('done');
  });
});

describe('the doctor on a simulator', () => {
  it('lists booted simulators beside ready phones', () => {
    expect(doctorTargets([IPAD, XIAOMI, BOOTING]).map((d) => d.serial)).toEqual([XIAOMI.serial, UDID]);
  });

  it('takes a bundle ID and no channels on a simulator, an Android package name on a phone', () => {
    expect(platformOfSerial(UDID)).toBe('ios');
    expect(platformOfSerial(XIAOMI.serial)).toBe('android');
    expect(
      draftSubject(UDID, { packageText: ' com.example.my-app ', channelText: 'im_push, bad channel' }),
    ).toEqual({ serial: UDID, package: 'com.example.my-app', channelIds: [] });
    expect(draftSubject(XIAOMI.serial, { packageText: 'com.example.my-app', channelText: '' })).toBeNull();
    expect(checkPackageName('com.example.my_app', 'ios')).toEqual({ ok: false, reason: 'format' });
  });

  it('accepts exactly what bundleIdSchema accepts (the core validates again)', () => {
    for (const name of [
      'com.example.my-app',
      'com.4chat.ios',
      'a.b',
      'com.example',
      'com..app',
      '-com.app',
      'com.example.app;x',
      'com.example_app',
      'com',
      'com.example.',
      'com.exa mple',
      'ab',
    ]) {
      expect(checkPackageName(name, 'ios').ok, name).toBe(bundleIdSchema.safeParse(name).success);
    }
  });

  it('groups the simulator checks first, under "simulator"', () => {
    expect(areaOf('simulator.booted')).toBe('simulator');
    expect(areaOf('simulator.runtime')).toBe('simulator');
    expect(areaOf('notifications.alert-style')).toBe('notifications');
  });
});
