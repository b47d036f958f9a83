import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceStore } from '../../../renderer/src/devices/device-store';
import { createInstallStore } from '../../../renderer/src/install/install-store';
import { createLabStore } from '../../../renderer/src/lab/lab-store';
import type { PushLabBridge } from '../../../shared/ipc';
import { FakeLabCore } from '../../renderer/support/fake-core';
import { inProcessBridge } from '../../renderer/support/in-process-bridge';
import { adbStatus, HUAWEI, OLD_SAMSUNG, OPPO, UNAUTHORIZED, XIAOMI } from '../../renderer/support/sample-devices';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const apkFile = () => new File([Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2048, 1)])], 'app-debug.apk');

describe('device store', () => {
  it('loads the snapshot, then follows devices:changed events', async () => {
    const core = new FakeLabCore({ devices: [XIAOMI] });
    const store = createDeviceStore(inProcessBridge(core));
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'snapshot');
    expect(store.getState().devices.map((d) => d.serial)).toEqual([XIAOMI.serial]);
    expect(store.getState().adb?.state).toBe('connected');

    core.setDevices([XIAOMI, HUAWEI]);
    expect(store.getState().devices.map((d) => d.serial)).toEqual([XIAOMI.serial, HUAWEI.serial]);
    core.setDevices([HUAWEI]);
    expect(store.getState().devices.map((d) => d.serial)).toEqual([HUAWEI.serial]);
  });

  it('ignores a snapshot reply that an event overtook', async () => {
    const core = new FakeLabCore({ devices: [XIAOMI] });
    const bridge = inProcessBridge(core);
    let release: () => void = () => {};
    const slow: PushLabBridge = {
      ...bridge,
      invoke: (async (channel: string, ...args: unknown[]) => {
        const result = await (bridge.invoke as (c: string, ...a: unknown[]) => Promise<unknown>)(channel, ...args);
        if (channel === 'devices:snapshot') await new Promise<void>((r) => (release = r));
        return result;
      }) as PushLabBridge['invoke'],
    };
    const store = createDeviceStore(slow);
    stops.push(store.getState().start());
    await new Promise((r) => setTimeout(r, 20));
    core.setDevices([]); // the phone was unplugged while the snapshot was in flight
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().devices).toEqual([]);
  });

  it('remembers the dismissed outage note only for that outage', async () => {
    const outage = { startedAt: '2026-01-05T09:31:00Z', endedAt: '2026-01-05T09:32:00Z', reason: 'restarted' };
    const core = new FakeLabCore({ devices: [], adb: adbStatus({ lastOutage: outage }) });
    const store = createDeviceStore(inProcessBridge(core));
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'snapshot');
    store.getState().dismissOutage();
    expect(store.getState().dismissedOutage).toBe(outage.endedAt);
    core.setAdb(adbStatus({ lastOutage: { ...outage, endedAt: '2026-01-05T10:00:00Z' } }));
    expect(store.getState().dismissedOutage).not.toBe(store.getState().adb?.lastOutage?.endedAt);
  });

  it('takes a screenshot, reports a failure as a value, and drops it when the phone leaves', async () => {
    const core = new FakeLabCore({ devices: [XIAOMI] });
    const store = createDeviceStore(inProcessBridge(core));
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'snapshot');
    await store.getState().takeScreenshot(XIAOMI.serial);
    expect(store.getState().screenshots[XIAOMI.serial]?.file?.dataUrl).toMatch(/^data:image\/png;base64,/);
    await store.getState().takeScreenshot('not-here');
    expect(store.getState().screenshots['not-here']?.error?.code).toBe('DEVICE_NOT_FOUND');
    core.setDevices([]);
    expect(store.getState().screenshots).toEqual({});
  });

  it('marks the bridge as lost when the snapshot cannot be fetched', async () => {
    const core = new FakeLabCore();
    await core.close();
    const store = createDeviceStore(inProcessBridge(core));
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'load attempt');
    expect(store.getState().loadError?.code).toBe('INTERNAL');
  });
});

describe('install store', () => {
  it('stages and inspects an APK, installs it and follows progress to the end', async () => {
    const core = new FakeLabCore({ devices: [XIAOMI, OPPO], stepMs: 5 });
    const store = createInstallStore(inProcessBridge(core));
    stops.push(store.getState().start());
    await store.getState().chooseFile(apkFile());
    const stage = store.getState().apk;
    expect(stage.status).toBe('ready');
    expect(stage.status === 'ready' && stage.apk.fileName).toBe('app-debug.apk');

    store.getState().setOption('grantPermissions', true);
    await store.getState().install([XIAOMI.serial, OPPO.serial]);
    const id = store.getState().activeJobId;
    expect(id).not.toBeNull();
    await until(() => store.getState().jobs.find((j) => j.id === id)?.finishedAt != null, 'job end');
    const job = store.getState().jobs.find((j) => j.id === id);
    expect(job?.items.map((i) => i.phase)).toEqual(['done', 'done']);
    expect(core.calls.find((c) => c.channel === 'install:start')?.args).toMatchObject([{ options: { grantPermissions: true } }]);
  });

  it('shows NOT_AN_APK and never starts an install for it', async () => {
    const core = new FakeLabCore({ devices: [XIAOMI] });
    const store = createInstallStore(inProcessBridge(core));
    await store.getState().chooseFile(new File(['hello'], 'notes.txt'));
    const stage = store.getState().apk;
    expect(stage.status === 'error' && stage.error.code).toBe('NOT_AN_APK');
    await store.getState().install([XIAOMI.serial]);
    expect(core.calls.some((c) => c.channel === 'install:start')).toBe(false);
  });

  it('lets the newest file choice win over a slower earlier one', async () => {
    const core = new FakeLabCore();
    const bridge = inProcessBridge(core);
    let releaseFirst: () => void = () => {};
    let first = true;
    const store = createInstallStore({
      ...bridge,
      stageFile: async (file) => {
        if (first) {
          first = false;
          await new Promise<void>((r) => (releaseFirst = r));
        }
        return bridge.stageFile(file);
      },
    });
    const slow = store.getState().chooseFile(new File(['x'], 'first.txt'));
    await store.getState().chooseFile(apkFile());
    releaseFirst();
    await slow;
    const stage = store.getState().apk;
    expect(stage.status === 'ready' && stage.apk.fileName).toBe('app-debug.apk');
  });

  it('applies progress that arrives before the install:start reply', async () => {
    const core = new FakeLabCore({ devices: [XIAOMI] });
    const bridge = inProcessBridge(core);
    const store = createInstallStore({
      ...bridge,
      invoke: (async (channel: string, ...args: unknown[]) => {
        const result = (await (bridge.invoke as (c: string, ...a: unknown[]) => Promise<{ ok: boolean; value?: { id: string } }>)(channel, ...args));
        if (channel === 'install:start' && result.ok && result.value) {
          // The core reports progress before the reply reaches the page.
          core.emit('install:progress', { jobId: result.value.id, item: { serial: XIAOMI.serial, phase: 'pushing', bytesPushed: 10, totalBytes: 2052, failure: null, startedAt: null, finishedAt: null } });
        }
        return result;
      }) as PushLabBridge['invoke'],
    });
    stops.push(store.getState().start());
    await store.getState().chooseFile(apkFile());
    await store.getState().install([XIAOMI.serial]);
    const job = store.getState().jobs[0];
    expect(job?.items[0]?.phase === 'pushing' || job?.items[0]?.phase === 'installing' || job?.items[0]?.phase === 'done').toBe(true);
    expect(job?.items[0]?.bytesPushed).toBeGreaterThanOrEqual(10);
  });

  it('keeps the start error as a value', async () => {
    const core = new FakeLabCore({ devices: [XIAOMI] });
    const store = createInstallStore(inProcessBridge(core));
    await store.getState().chooseFile(apkFile());
    await store.getState().install([UNAUTHORIZED.serial]);
    expect(store.getState().startError?.code).toBe('DEVICE_NOT_FOUND');
    expect(store.getState().starting).toBe(false);
  });
});

describe('lab store', () => {
  it('starts the lab, follows lab:changed and plugs phones', async () => {
    const core = new FakeLabCore({ labPhones: [OLD_SAMSUNG, XIAOMI] });
    const store = createLabStore(inProcessBridge(core));
    stops.push(store.getState().start());
    await until(() => store.getState().status !== null, 'lab status');
    expect(store.getState().status?.running).toBe(false);
    await store.getState().startLab();
    expect(store.getState().status?.phones).toHaveLength(2);
    await store.getState().plug('phone-1', false);
    expect(store.getState().status?.phones.find((p) => p.id === 'phone-1')?.plugged).toBe(false);
    expect(store.getState().pending).toEqual([]);
    await store.getState().stopLab();
    expect(store.getState().status?.running).toBe(false);
  });

  it('reports a core without a virtual lab as an error value', async () => {
    const store = createLabStore(inProcessBridge(new FakeLabCore()));
    await store.getState().startLab();
    expect(store.getState().error?.code).toBe('NOT_FOUND');
    expect(store.getState().busy).toBeNull();
  });
});
