import { describe, expect, it } from 'vitest';
import { createDeviceStore } from '../../../renderer/src/devices/device-store';
import { fakeBridge } from './support/fake-bridge';
import { hostStatus, onHost, XIAOMI } from '../../support/sample-devices';

const outage = { startedAt: '2026-01-05T09:31:00.000Z', endedAt: '2026-01-05T09:32:00.000Z', reason: 'gone' };

describe('device store with several lab hosts', () => {
  it('keeps the hosts of the snapshot, drops them when the lab is back to one host', () => {
    const store = createDeviceStore(fakeBridge());
    const hosts = [hostStatus('local'), hostStatus('lab-b', { host: '10.0.0.7' })];
    store.getState().applySnapshot({ adb: hosts[0]!, devices: [XIAOMI, onHost('lab-b', XIAOMI)], hosts });
    expect(store.getState().hosts?.map((h) => h.name)).toEqual(['local', 'lab-b']);
    store.getState().applySnapshot({ adb: hosts[0]!, devices: [XIAOMI] });
    expect(store.getState().hosts).toBeNull();
  });

  it('sets the host filter and dismisses one host recovery at a time', () => {
    const store = createDeviceStore(fakeBridge());
    const hosts = [hostStatus('local'), hostStatus('lab-b', { lastOutage: outage }), hostStatus('lab-c')];
    store.getState().applySnapshot({ adb: hosts[0]!, devices: [], hosts });
    store.getState().setHostFilter('lab-b');
    expect(store.getState().hostFilter).toBe('lab-b');
    store.getState().setHostFilter(null);
    expect(store.getState().hostFilter).toBeNull();

    store.getState().dismissHostOutage('lab-b');
    expect(store.getState().dismissedHostOutages).toEqual({ 'lab-b': outage.endedAt });
    // A host without a recovery note has nothing to dismiss.
    store.getState().dismissHostOutage('lab-c');
    expect(store.getState().dismissedHostOutages).toEqual({ 'lab-b': outage.endedAt });
  });
});
