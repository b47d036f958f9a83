import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DeviceIdentity } from '../../../shared/domain/device';
import type { AdbGateway } from '../../../electron/lab/adb/adb-gateway';
import type { DeviceTracker, TrackedDevice } from '../../../electron/lab/adb/device-tracker';
import { AdbDevices } from '../../../electron/lab/android/adb-devices';
import { DeviceRegistry } from '../../../electron/lab/devices/device-registry';
import type { DeviceRepository } from '../../../electron/lab/store/device-repository';
import { systemClock } from '../../../electron/lab/util/clock';
import { silentLogger } from '../../../electron/lab/util/logger';

function makeRegistry(): {
  registry: DeviceRegistry;
  tracker: EventEmitter;
  resolveRead: (id: DeviceIdentity) => void;
} {
  const tracker = Object.assign(new EventEmitter(), { status: () => ({ state: 'connected' as const }) });
  let resolveRead: (id: DeviceIdentity) => void = () => undefined;
  const phones = new AdbDevices({
    tracker: tracker as unknown as DeviceTracker,
    gateway: { device: () => ({}) } as unknown as AdbGateway,
    repo: { recordSeen: () => undefined, recordIdentity: () => undefined } as unknown as DeviceRepository,
    clock: systemClock,
    logger: silentLogger,
    readIdentity: () => new Promise<DeviceIdentity>((r) => (resolveRead = r)),
  });
  const registry = new DeviceRegistry({ sources: [phones] });
  registry.start();
  return { registry, tracker, resolveRead: (id) => resolveRead(id) };
}

const list = (rawState: string): TrackedDevice[] => [{ serial: '127.0.0.1:7001', rawState }];

describe('DeviceRegistry.waitForIdentity', () => {
  it('keeps waiting while a network phone is still handshaking (offline), then returns it identified', async () => {
    const { registry, tracker, resolveRead } = makeRegistry();
    tracker.emit('devices', list('offline'));
    let settled = false;
    const waiting = registry.waitForIdentity('127.0.0.1:7001', 2_000).then((v) => ((settled = true), v));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    tracker.emit('devices', list('device'));
    await new Promise((r) => setTimeout(r, 5));
    resolveRead({ manufacturer: 'Google' } as unknown as DeviceIdentity);
    const view = await waiting;
    expect(view.state).toBe('device');
    expect(view.identityStatus).toBe('ready');
  });

  it('settles on a phone that rests unauthorized, whose identity cannot be read', async () => {
    const { registry, tracker } = makeRegistry();
    tracker.emit('devices', list('unauthorized'));
    const view = await registry.waitForIdentity('127.0.0.1:7001', 2_000);
    expect(view.state).toBe('unauthorized');
    expect(view.identityStatus).toBe('not-applicable');
  });
});
