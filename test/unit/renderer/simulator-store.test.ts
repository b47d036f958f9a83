/**
 * The device store's simulator half: it re-lists simulators on each devices:changed while iOS is
 * available (none without simctl), marks an action as running until its answer (so the board can
 * disable the button, and a second click sends nothing), and keeps a failed action's error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceStore } from '../../../renderer/src/devices/device-store';
import type { IosStatus, SimulatorEntry } from '../../../shared/domain/device';
import { fail, ok } from '../../../shared/result';
import { adbStatus } from '../../support/sample-devices';
import { gate, until } from './support/async';
import { fakeBridge } from './support/fake-bridge';

const UDID = '9ED31B08-43D6-4EFB-93A3-E36E6EA94CBB';
const IOS: IosStatus = { available: true, reason: null, detail: null, shutdown: 1 };
const NO_IOS: IosStatus = { available: false, reason: 'not-macos', detail: null, shutdown: 0 };
const sim = (state: string): SimulatorEntry => ({
  udid: UDID,
  name: 'iPhone 16 Pro',
  state,
  runtime: 'com.apple.CoreSimulator.SimRuntime.iOS-18-0',
  platform: 'iOS',
  iosVersion: '18.0',
  usable: true,
  unusableReason: null,
});

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('device store: simulators', () => {
  it('lists simulators while iOS is available, re-lists on each change, and clears them without simctl', async () => {
    const bridge = fakeBridge({ adb: adbStatus(), devices: [], ios: IOS });
    let state = 'Shutdown';
    bridge.answer('simulators:list', () => ok([sim(state)]));
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().simulators.length === 1, 'simulator list');
    expect(store.getState().simulators[0]?.state).toBe('Shutdown');

    state = 'Booted';
    bridge.emit('devices:changed', { adb: adbStatus(), devices: [], ios: IOS });
    await until(() => store.getState().simulators[0]?.state === 'Booted', 're-list');

    bridge.emit('devices:changed', { adb: adbStatus(), devices: [], ios: NO_IOS });
    expect(store.getState().simulators).toEqual([]);
    const lists = bridge.calls.filter((c) => c.channel === 'simulators:list').length;
    bridge.emit('devices:changed', { adb: adbStatus(), devices: [] });
    expect(bridge.calls.filter((c) => c.channel === 'simulators:list').length).toBe(lists);
  });

  it('marks a boot as running until it answers, sends it once, then re-lists', async () => {
    const bridge = fakeBridge({ adb: adbStatus(), devices: [], ios: IOS });
    let state = 'Shutdown';
    bridge.answer('simulators:list', () => ok([sim(state)]));
    const slow = gate();
    bridge.answer('simulators:boot', async () => {
      await slow.wait;
      state = 'Booted';
      return ok(sim('Booted'));
    });
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().simulators.length === 1, 'simulator list');

    const first = store.getState().changeSimulator(UDID, 'boot');
    expect(store.getState().simulatorActions[UDID]).toBe('boot');
    await store.getState().changeSimulator(UDID, 'boot'); // a second click while it runs
    expect(bridge.calls.filter((c) => c.channel === 'simulators:boot')).toHaveLength(1);
    slow.open();
    await first;
    expect(store.getState().simulatorActions[UDID]).toBeUndefined();
    expect(store.getState().simulators[0]?.state).toBe('Booted');
    expect(store.getState().simulatorError).toBeNull();
  });

  it("keeps a failed action's error for the notice, and clears it on the next action", async () => {
    const bridge = fakeBridge({ adb: adbStatus(), devices: [], ios: IOS });
    bridge.answer('simulators:list', () => ok([sim('Booted')]));
    bridge.answer('simulators:shutdown', () =>
      fail({ code: 'DEVICE_NOT_READY', message: 'iPhone 16 Pro cannot be shut down.' }),
    );
    const store = createDeviceStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().simulators.length === 1, 'simulator list');
    await store.getState().changeSimulator(UDID, 'shutdown');
    expect(store.getState().simulatorError).toMatchObject({
      udid: UDID,
      error: { code: 'DEVICE_NOT_READY' },
    });
    expect(store.getState().simulatorActions).toEqual({});
    bridge.answer('simulators:shutdown', () => ok(sim('Shutdown')));
    const next = store.getState().changeSimulator(UDID, 'shutdown');
    expect(store.getState().simulatorError).toBeNull();
    await next;
  });

  it('sends no malformed UDID across (the contract refuses it)', async () => {
    const bridge = fakeBridge({ adb: adbStatus(), devices: [], ios: IOS });
    bridge.answer('simulators:list', () => ok([]));
    bridge.answer('simulators:boot', () => ok(sim('Booted')));
    const store = createDeviceStore(bridge);
    await store.getState().changeSimulator('-help', 'boot');
    expect(store.getState().simulatorError).toMatchObject({
      udid: '-help',
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
