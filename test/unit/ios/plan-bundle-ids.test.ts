/**
 * iOS bundle IDs in plans: app.package takes a bundle ID ("-", a leading digit) when the plan
 * names simulators, keeps Android's rule otherwise, and the engine refuses to start a plan whose
 * bundle ID would reach an Android phone (named or picked by vendor) before anything is touched.
 * The shared patterns stay in step with the core's. The apns sender blocks the one scenario it
 * cannot set up on a simulator.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanError } from '../../../shared/runs';
import {
  IOS_BUNDLE_ID_PATTERN,
  SIMULATOR_UDID_PATTERN,
  planNamesSimulators,
} from '../../../shared/runs/plan';
import { scenarioById } from '../../../shared/scenarios/catalog';
import { BUNDLE_ID_PATTERN } from '../../../electron/lab/ios/parsers/info-plist';
import { parseSimctlList, UDID_PATTERN } from '../../../electron/lab/ios/parsers/simctl-list';
import { simulatorView } from '../../../electron/lab/ios/simulator-views';
import { simulatorBlock } from '../../../electron/lab/ios/run/simulator-limits';
import { resolvePhones } from '../../../electron/lab/runs/engine/resolve-run';
import { phone } from '../../support/sample-devices';
import { fixture } from '../android/fixtures';
import { RUN_PLANNING } from '../../../electron/lab/platform/run-planning';

const list = parseSimctlList(fixture('simctl', 'apple-xcode16-ios18.0-1.json').toString('utf8'));
const ipad = simulatorView(
  list.devices.find((d) => d.state === 'Booted')!,
  { runtimes: list.runtimes, deviceTypes: list.deviceTypes },
  'a',
  'b',
);
const pixel = phone('PIXEL01', {});

const raw = (pkg: string, sender: Record<string, unknown>, serials: string[], vendors?: string[]) => ({
  name: 'bundle ids',
  app: {
    package: pkg,
    accounts: {
      serials: Object.fromEntries(serials.map((s) => [s, { account: 'qa' }])),
      vendors: { fcm: { account: 'qa_fcm' } },
    },
    login: { kind: 'operator', prompt: 'log in' },
  },
  phones: { serials, ...(vendors ? { vendors } : {}) },
  scenarios: ['background-c2c-text'],
  repeats: 1,
  sender,
});
const problems = (input: unknown): string[] => {
  try {
    parsePlan(input);
    return [];
  } catch (error) {
    if (error instanceof PlanError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
};

describe('app.package in plans', () => {
  it('takes a bundle ID with "-" or a leading digit when the plan names a simulator', () => {
    expect(parsePlan(raw('com.example.my-app', { kind: 'simctl' }, [ipad.serial])).app.package).toBe(
      'com.example.my-app',
    );
    expect(parsePlan(raw('com.4chat.app', { kind: 'manual' }, [ipad.serial])).app.package).toBe(
      'com.4chat.app',
    );
  });

  it('keeps the Android rule when no simulator is named, and says why', () => {
    expect(problems(raw('com.example.my-app', { kind: 'manual' }, ['PIXEL01']))).toEqual([
      expect.stringMatching(/^app\.package: must be an Android package name .*names no iOS simulator/),
    ]);
    expect(problems(raw('com.example.my-app', { kind: 'manual' }, [], ['fcm']))).toHaveLength(1);
    expect(problems(raw('com.example.app', { kind: 'manual' }, ['PIXEL01']))).toEqual([]);
  });

  it('refuses what is neither, whatever the phones', () => {
    for (const bad of [
      'com.example app',
      'com.example.app;reboot',
      'single',
      'com..app',
      '-com.app',
      'com.example_app-x',
    ])
      expect(problems(raw(bad, { kind: 'simctl' }, [ipad.serial])), bad).toEqual([
        expect.stringMatching(/^app\.package: must be an Android package name/),
      ]);
  });

  it('knows a plan runs on simulators by its sender or a UDID among the serials', () => {
    expect(planNamesSimulators({ sender: { kind: 'simctl' }, phones: {} })).toBe(true);
    expect(
      planNamesSimulators({
        sender: { kind: 'manual' },
        phones: { serials: ['PIXEL01', ipad.serial.toLowerCase()] },
      }),
    ).toBe(true);
    expect(
      planNamesSimulators({
        sender: { kind: 'tencent' },
        phones: { serials: ['emulator-5556', '127.0.0.1:15601'] },
      }),
    ).toBe(false);
  });

  it('the engine refuses to run a bundle ID on an Android phone, named or picked by vendor, before touching any', () => {
    const mixed = parsePlan(raw('com.example.my-app', { kind: 'manual' }, [ipad.serial, pixel.serial]));
    expect(() => resolvePhones(mixed, [ipad, pixel], RUN_PLANNING)).toThrow(
      expect.objectContaining({
        code: 'PLAN_INVALID',
        message: expect.stringMatching(
          /"com\.example\.my-app" is an iOS bundle ID, not an Android package name, so it cannot run on Android phone\(s\) PIXEL01/,
        ),
      }),
    );
    const byVendor = parsePlan(raw('com.example.my-app', { kind: 'manual' }, [ipad.serial], ['fcm']));
    expect(() => resolvePhones(byVendor, [ipad, pixel], RUN_PLANNING)).toThrow(
      expect.objectContaining({ code: 'PLAN_INVALID', hint: expect.stringContaining('applicationId') }),
    );
    // The simulator alone runs; an id both platforms accept runs on both.
    expect(
      resolvePhones(
        parsePlan(raw('com.example.my-app', { kind: 'manual' }, [ipad.serial])),
        [ipad, pixel],
        RUN_PLANNING,
      ).map((r) => r.platform),
    ).toEqual(['ios']);
    expect(
      resolvePhones(
        parsePlan(raw('com.example.app', { kind: 'manual' }, [ipad.serial, pixel.serial])),
        [ipad, pixel],
        RUN_PLANNING,
      ).map((r) => r.platform),
    ).toEqual(['ios', 'android']);
  });

  it('uses the same patterns as the core', () => {
    expect(IOS_BUNDLE_ID_PATTERN.source).toBe(BUNDLE_ID_PATTERN.source);
    expect(SIMULATOR_UDID_PATTERN.source).toBe(UDID_PATTERN.source);
  });
});

describe('the apns sender on a simulator', () => {
  const ios = { channel: 'apns' as const, rom: 'iOS' as const, sdk: null, notificationsBlocked: false };
  it('blocks the environment-mismatch scenario it cannot set up, and nothing it can send', () => {
    expect(simulatorBlock(scenarioById('apns-environment-mismatch')!, 'apns', ios)?.en).toMatch(
      /sender\.environment.*BadDeviceToken/,
    );
    for (const id of [
      'background-c2c-text',
      'foreground-text',
      'swiped-away-text',
      'background-custom-no-desc',
    ])
      expect(simulatorBlock(scenarioById(id)!, 'apns', ios), id).toBeNull();
  });
});
