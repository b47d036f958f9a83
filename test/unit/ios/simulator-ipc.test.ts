/**
 * The simulators:* request channels refuse anything but a UDID before the core sees it (a UDID
 * becomes a simctl argument), and the shared entry says why an unavailable simulator is unusable.
 */
import { describe, expect, it } from 'vitest';
import { parseSimctlList } from '../../../electron/lab/ios/parsers/simctl-list';
import { iosSimulatorEntries } from '../../../electron/lab/ios/simulator-actions';
import { requestSchemas } from '../../../shared/ipc';

const UDID = '9ED31B08-43D6-4EFB-93A3-E36E6EA94CBB';

describe('simulators:* argument schemas', () => {
  it('takes a UDID (either case) for boot and shutdown, and nothing for list', () => {
    for (const channel of ['simulators:boot', 'simulators:shutdown'] as const) {
      expect(requestSchemas[channel].safeParse([UDID]).success).toBe(true);
      expect(requestSchemas[channel].safeParse([UDID.toLowerCase()]).success).toBe(true);
    }
    expect(requestSchemas['simulators:list'].safeParse([]).success).toBe(true);
    expect(requestSchemas['simulators:list'].safeParse([UDID]).success).toBe(false);
  });

  it.each([
    ['an option', '-h'],
    ['a shell string', `${UDID}; rm -rf ~`],
    ['a path', '../../etc/passwd'],
    ['a UDID with a newline', `${UDID}\n`],
    ['"booted" (simctl would pick any booted one)', 'booted'],
    ['an empty string', ''],
    ['a number', 42],
  ])('refuses %s', (_what, value) => {
    const parsed = requestSchemas['simulators:boot'].safeParse([value]);
    expect(parsed.success).toBe(false);
    expect(requestSchemas['simulators:shutdown'].safeParse([value]).success).toBe(false);
  });

  it('refuses a missing UDID and extra arguments', () => {
    expect(requestSchemas['simulators:boot'].safeParse([]).success).toBe(false);
    expect(requestSchemas['simulators:shutdown'].safeParse([UDID, UDID]).success).toBe(false);
  });
});

describe('simulator entries', () => {
  const list = parseSimctlList(
    JSON.stringify({
      devices: {
        'com.apple.CoreSimulator.SimRuntime.iOS-18-0': [
          {
            udid: UDID,
            name: 'iPhone 16 Pro',
            state: 'Shutdown',
            isAvailable: true,
            deviceTypeIdentifier: 'x',
          },
          {
            udid: 'BA519339-BEC4-4E69-B98B-BE2EFDA190F0',
            name: 'iPad',
            state: 'Shutting Down',
            isAvailable: true,
          },
        ],
        'com.apple.CoreSimulator.SimRuntime.iOS-17-4': [
          {
            udid: 'E1A75B48-12AA-42A0-AD58-5AAEF4DBAEA5',
            name: 'iPhone SE',
            state: 'Shutdown',
            isAvailable: false,
            availabilityError: 'runtime profile not found using "System" match policy',
          },
        ],
        'com.apple.CoreSimulator.SimRuntime.watchOS-11-0': [
          {
            udid: 'DFACE98A-83B8-40AB-A93D-2298AB58FEE2',
            name: 'Watch',
            state: 'Shutdown',
            isAvailable: true,
          },
        ],
      },
    }),
  );

  it("lists every iOS simulator whatever its state, unusable ones with simctl's reason, and no watch", () => {
    const entries = iosSimulatorEntries(list.devices);
    expect(entries.map((e) => [e.name, e.state, e.usable, e.unusableReason])).toEqual([
      ['iPhone 16 Pro', 'Shutdown', true, null],
      ['iPad', 'Shutting Down', true, null],
      ['iPhone SE', 'Shutdown', false, 'runtime profile not found using "System" match policy'],
    ]);
    expect(entries[0]).toMatchObject({ udid: UDID, platform: 'iOS', iosVersion: '18.0' });
  });
});
