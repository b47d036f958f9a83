import { afterEach, describe, expect, it } from 'vitest';
import { createInstallStore } from '../../../renderer/src/install/install-store';
import {
  DEFAULT_INSTALL_OPTIONS as APK_OPTIONS,
  type ApkInfo,
  type InstallItem,
  type InstallJob,
} from '../../../shared/domain/install';
import { fail, ok } from '../../../shared/result';
import { gate, until } from './support/async';
import { fakeBridge } from './support/fake-bridge';
import { adbStatus, HUAWEI, XIAOMI } from '../../support/sample-devices';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const snapshot = (devices = [XIAOMI]) => ({ adb: adbStatus(), devices });

const APK: ApkInfo = {
  path: '/staged/1/app-debug.apk',
  fileName: 'app-debug.apk',
  sizeBytes: 2052,
  sha256: 'cd'.repeat(32),
  packageName: 'dev.pushlab.sample',
  versionCode: 42,
  versionName: '1.4.2',
  minSdk: 28,
  targetSdk: 35,
  label: 'PushLab Sample',
  testOnly: false,
  nativeAbis: [],
};

const apkFile = () =>
  new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array(2048).fill(1)], 'app-debug.apk');

const item = (serial: string, partial: Partial<InstallItem> = {}): InstallItem => ({
  serial,
  phase: 'queued',
  bytesPushed: 0,
  totalBytes: APK.sizeBytes,
  failure: null,
  startedAt: null,
  finishedAt: null,
  ...partial,
});

/** A bridge whose apk:inspect accepts zips and whose install:start opens job-1 with queued phones. */
function installBridge() {
  const bridge = fakeBridge(snapshot([XIAOMI, HUAWEI]));
  bridge.answer('apk:inspect', (path) => {
    const bytes = bridge.staged.get(path);
    return bytes && bytes[0] === 0x50 && bytes[1] === 0x4b
      ? ok({ ...APK, path })
      : fail({
          code: 'NOT_AN_APK',
          message: `${path} is not an Android app (APK).`,
          hint: 'Choose the .apk your build produced.',
        });
  });
  const job = (request: {
    apkPath: string;
    serials: readonly string[];
    options: InstallJob['options'];
  }): InstallJob => ({
    id: 'job-1',
    apk: { ...APK, path: request.apkPath },
    options: request.options,
    items: request.serials.map((s) => item(s)),
    startedAt: '2026-01-05T10:00:00.000Z',
    finishedAt: null,
  });
  bridge.answer('install:start', (request) => ok(job(request)));
  return { bridge, job };
}

describe('install store', () => {
  it('stages and inspects an APK, installs it with the chosen options and follows progress to the end', async () => {
    const { bridge } = installBridge();
    const store = createInstallStore(bridge);
    stops.push(store.getState().start());
    await store.getState().chooseFile(apkFile());
    const stage = store.getState().apk;
    expect(stage.status === 'ready' && stage.apk.fileName).toBe('app-debug.apk');

    store.getState().setOption('grantPermissions', true);
    await store.getState().install([XIAOMI.serial, HUAWEI.serial]);
    expect(store.getState().activeJobId).toBe('job-1');
    expect(bridge.calls.find((c) => c.channel === 'install:start')?.args).toEqual([
      {
        apkPath: '/staged/1/app-debug.apk',
        serials: [XIAOMI.serial, HUAWEI.serial],
        options: { replace: true, allowDowngrade: false, grantPermissions: true, allowTestOnly: true },
      },
    ]);

    bridge.emit('install:progress', {
      jobId: 'job-1',
      item: item(HUAWEI.serial, { phase: 'pushing', bytesPushed: 1000 }),
    });
    const phases = () =>
      store.getState().jobs[0]?.items.map((i) => `${i.serial}:${i.phase}:${i.bytesPushed}`);
    expect(phases()).toEqual([`${XIAOMI.serial}:queued:0`, `${HUAWEI.serial}:pushing:1000`]);

    const done = (serial: string) =>
      item(serial, { phase: 'done', bytesPushed: APK.sizeBytes, finishedAt: '2026-01-05T10:00:05.000Z' });
    bridge.emit('install:finished', {
      id: 'job-1',
      apk: APK,
      options: store.getState().options,
      items: [done(XIAOMI.serial), done(HUAWEI.serial)],
      startedAt: '2026-01-05T10:00:00.000Z',
      finishedAt: '2026-01-05T10:00:05.000Z',
    });
    expect(phases()).toEqual([`${XIAOMI.serial}:done:2052`, `${HUAWEI.serial}:done:2052`]);
    expect(store.getState().jobs[0]?.finishedAt).toBe('2026-01-05T10:00:05.000Z');
  });

  it('shows NOT_AN_APK and never starts an install for it', async () => {
    const { bridge } = installBridge();
    const store = createInstallStore(bridge);
    await store.getState().chooseFile(new File(['hello'], 'notes.txt'));
    const stage = store.getState().apk;
    expect(stage.status === 'error' && stage.error.code).toBe('NOT_AN_APK');
    await store.getState().install([XIAOMI.serial]);
    expect(bridge.calls.some((c) => c.channel === 'install:start')).toBe(false);
  });

  it('lets the newest file choice win over a slower earlier one', async () => {
    const { bridge } = installBridge();
    const slow = gate();
    let first = true;
    const store = createInstallStore({
      ...bridge,
      stageFile: async (file) => {
        if (first) {
          first = false;
          await slow.wait;
        }
        return bridge.stageFile(file);
      },
    });
    const earlier = store.getState().chooseFile(new File(['x'], 'first.txt'));
    await store.getState().chooseFile(apkFile());
    slow.open();
    await earlier;
    const stage = store.getState().apk;
    expect(stage.status === 'ready' && stage.apk.fileName).toBe('app-debug.apk');
  });

  it('applies progress that arrives before the install:start reply', async () => {
    const { bridge, job } = installBridge();
    bridge.answer('install:start', (request) => {
      // The core reports progress before its reply reaches the page.
      bridge.emit('install:progress', {
        jobId: 'job-1',
        item: item(XIAOMI.serial, { phase: 'pushing', bytesPushed: 10 }),
      });
      return ok(job(request));
    });
    const store = createInstallStore(bridge);
    stops.push(store.getState().start());
    await store.getState().chooseFile(apkFile());
    await store.getState().install([XIAOMI.serial]);
    expect(store.getState().jobs[0]?.items[0]).toMatchObject({ phase: 'pushing', bytesPushed: 10 });
  });

  it('keeps the start error as a value and allows another try', async () => {
    const { bridge } = installBridge();
    bridge.answer('install:start', () => fail({ code: 'DEVICE_NOT_READY', message: 'Phone is offline.' }));
    const store = createInstallStore(bridge);
    await store.getState().chooseFile(apkFile());
    await store.getState().install([XIAOMI.serial]);
    expect(store.getState().startError?.code).toBe('DEVICE_NOT_READY');
    expect(store.getState().starting).toBe(false);
    expect(store.getState().jobs).toEqual([]);
  });

  it('loads the history and adds jobs finished elsewhere', async () => {
    const { bridge, job } = installBridge();
    const older = {
      ...job({ apkPath: '/a.apk', serials: [XIAOMI.serial], options: APK_OPTIONS }),
      id: 'old',
      startedAt: '2026-01-01T00:00:00.000Z',
    };
    bridge.answer('install:jobs', () => ok([older]));
    const store = createInstallStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().jobs.length === 1, 'history');
    bridge.emit('install:finished', {
      ...older,
      id: 'other-window',
      startedAt: '2026-01-02T00:00:00.000Z',
      finishedAt: '2026-01-02T00:01:00.000Z',
    });
    expect(store.getState().jobs.map((j) => j.id)).toEqual(['other-window', 'old']);
    expect(store.getState().activeJobId).toBeNull();
  });

  it('keeps the phone selection as the user made it', () => {
    const store = createInstallStore(fakeBridge()).getState;
    store().setSelected('a', true);
    store().setSelected('b', true);
    store().setSelected('a', false);
    store().setSelected('b', true);
    expect(store().selected).toEqual(['b']);
    store().selectOnly(['c', 'd']);
    expect(store().selected).toEqual(['c', 'd']);
  });
});
