/**
 * The simulators:* channels come from the iOS platform (its `requests`), and the handlers get them
 * only through the platform table: every platform-only channel is served, by its owner.
 */
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../electron/lab/errors';
import type { SimulatorRegistry } from '../../../electron/lab/ios/simulator-registry';
import { simulatorRequests } from '../../../electron/lab/ios/simulator-requests';
import {
  platformRequests,
  type PlatformRequestOwners,
  type PlatformTable,
} from '../../../electron/lab/platform/device-platform';
import type { SimulatorEntry } from '../../../shared/domain/device';

const ENTRY: SimulatorEntry = {
  udid: '9ED31B08-43D6-4EFB-93A3-E36E6EA94CBB',
  name: 'iPhone 16',
  state: 'Shutdown',
  runtime: 'com.apple.CoreSimulator.SimRuntime.iOS-18-0',
  platform: 'iOS',
  iosVersion: '18.0',
  usable: true,
  unusableReason: null,
};

/** A registry on a computer without simctl (not a Mac), listing one simulator it knew. */
const registry = { entries: () => [ENTRY], runner: () => null, refresh: async () => undefined };

describe('platform-only request channels', () => {
  const table = {
    android: {
      requests: { 'devices:pushTokens': async () => ({ tokens: [], read: null, persisted: false }) },
    },
    ios: { requests: simulatorRequests(registry as unknown as SimulatorRegistry) },
  } as unknown as PlatformTable;
  const requests = platformRequests(table);

  it('are served, each by the platform that owns it', () => {
    const owners: PlatformRequestOwners = {
      'devices:pushTokens': 'android',
      'simulators:list': 'ios',
      'simulators:boot': 'ios',
      'simulators:shutdown': 'ios',
    };
    expect(Object.keys(requests).sort()).toEqual(Object.keys(owners).sort());
    for (const channel of Object.keys(owners) as (keyof PlatformRequestOwners)[])
      expect(Object.keys(table[owners[channel]].requests)).toContain(channel);
  });

  it('list what the registry lists, and refuse boot / shutdown where simctl is missing, with the fix', async () => {
    expect(await requests['simulators:list']()).toEqual([ENTRY]);
    for (const channel of ['simulators:boot', 'simulators:shutdown'] as const) {
      const error = await requests[channel](ENTRY.udid).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LabError);
      expect((error as LabError).code).toBe('NOT_FOUND');
      expect((error as LabError).hint).toMatch(/Mac with Xcode/);
    }
  });
});
