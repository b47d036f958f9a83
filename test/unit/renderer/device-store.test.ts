import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceStore } from '../../../renderer/src/devices/device-store';
import { fail, ok } from '../../../shared/result';
import { gate, until } from './support/async';
import { fakeBridge } from './support/fake-bridge';
import { adbStatus, HUAWEI, XIAOMI } from '../../support/sample-devices';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const snapshot = (devices = [XIAOMI]) => ({ adb: adbStatus(), devices });

describe('device store', () => {
  it('loads the snapshot, then follows devices:changed events', async () => {
    const bridge = fakeBridge(snapshot());
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'snapshot');
    expect(store.getState().devices.map((d) => d.serial)).toEqual([XIAOMI.serial]);
    expect(store.getState().adb?.state).toBe('connected');

    bridge.emit('devices:changed', snapshot([XIAOMI, HUAWEI]));
    expect(store.getState().devices.map((d) => d.serial)).toEqual([XIAOMI.serial, HUAWEI.serial]);
    bridge.emit('devices:changed', snapshot([HUAWEI]));
    expect(store.getState().devices.map((d) => d.serial)).toEqual([HUAWEI.serial]);
  });

  it('stops listening when stopped', async () => {
    const bridge = fakeBridge();
    const stop = createDeviceStore(bridge).getState().start();
    expect(bridge.listenerCount()).toBe(1);
    stop();
    expect(bridge.listenerCount()).toBe(0);
  });

  it('ignores a snapshot reply that an event overtook', async () => {
    const bridge = fakeBridge();
    const slow = gate();
    bridge.answer('devices:snapshot', async () => {
      await slow.wait;
      return ok(snapshot([XIAOMI]));
    });
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    bridge.emit('devices:changed', snapshot([])); // the phone was unplugged while the snapshot was in flight
    slow.open();
    await new Promise((r) => setTimeout(r, 10));
    expect(store.getState().devices).toEqual([]);
  });

  it('remembers the dismissed outage note only for that outage', async () => {
    const outage = {
      startedAt: '2026-01-05T09:31:00Z',
      endedAt: '2026-01-05T09:32:00Z',
      reason: 'restarted',
    };
    const bridge = fakeBridge({ adb: adbStatus({ lastOutage: outage }), devices: [] });
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'snapshot');
    store.getState().dismissOutage();
    expect(store.getState().dismissedOutage).toBe(outage.endedAt);
    bridge.emit('devices:changed', {
      adb: adbStatus({ lastOutage: { ...outage, endedAt: '2026-01-05T10:00:00Z' } }),
      devices: [],
    });
    expect(store.getState().dismissedOutage).not.toBe(store.getState().adb?.lastOutage?.endedAt);
  });

  it('takes screenshots, keeps a failure as a value, and forgets phones that left', async () => {
    const bridge = fakeBridge(snapshot());
    bridge.answer('devices:screenshot', (serial) =>
      serial === XIAOMI.serial
        ? ok({ path: '/data/evidence/shot.png', sizeBytes: 68, dataUrl: 'data:image/png;base64,AAAA' })
        : fail({ code: 'DEVICE_NOT_FOUND', message: `No phone ${serial} is connected.` }),
    );
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'snapshot');
    const taking = store.getState().takeScreenshot(XIAOMI.serial);
    expect(store.getState().screenshots[XIAOMI.serial]?.status).toBe('taking');
    await taking;
    expect(store.getState().screenshots[XIAOMI.serial]).toMatchObject({
      status: 'ready',
      file: { path: '/data/evidence/shot.png' },
    });
    await store.getState().takeScreenshot('gone');
    expect(store.getState().screenshots.gone).toMatchObject({
      status: 'failed',
      error: { code: 'DEVICE_NOT_FOUND' },
    });
    bridge.emit('devices:changed', snapshot([]));
    expect(store.getState().screenshots).toEqual({});
  });

  it('drops a screenshot result when the dialog was closed meanwhile', async () => {
    const bridge = fakeBridge(snapshot());
    const slow = gate();
    bridge.answer('devices:screenshot', async () => {
      await slow.wait;
      return ok({ path: '/p.png', sizeBytes: 1, dataUrl: null });
    });
    const store = createDeviceStore(bridge);
    const taking = store.getState().takeScreenshot(XIAOMI.serial);
    store.getState().closeScreenshot(XIAOMI.serial);
    slow.open();
    await taking;
    expect(store.getState().screenshots).toEqual({});
  });

  it('re-reads an identity and shows its failure on the phone', async () => {
    const bridge = fakeBridge(snapshot([{ ...XIAOMI, identity: null, identityStatus: 'failed' }]));
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'snapshot');
    bridge.answer('devices:refreshIdentity', () =>
      fail({ code: 'TIMEOUT', message: 'getprop did not answer.' }),
    );
    await store.getState().refreshIdentity(XIAOMI.serial);
    expect(store.getState().refreshing[XIAOMI.serial]).toMatchObject({ code: 'TIMEOUT' });
    bridge.answer('devices:refreshIdentity', () => ok(XIAOMI));
    await store.getState().refreshIdentity(XIAOMI.serial);
    expect(store.getState().refreshing).toEqual({});
    expect(store.getState().devices[0]?.identity?.model).toBe('23043RP34G');
  });

  it('marks the bridge as lost when the snapshot cannot be fetched', async () => {
    const bridge = fakeBridge();
    bridge.answer('devices:snapshot', () =>
      fail({ code: 'INTERNAL', message: 'Lost contact with the PushLab server.' }),
    );
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().loaded, 'load attempt');
    expect(store.getState().loadError?.code).toBe('INTERNAL');
    bridge.emit('devices:changed', snapshot());
    expect(store.getState().loadError).toBeNull();
  });
});
