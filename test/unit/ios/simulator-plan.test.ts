/**
 * Plans with simulators: the simctl sender parses, a simulator resolves to an APNs phone with an
 * iOS context, a simctl plan refuses Android phones, vendor selection never picks a simulator,
 * and the scenarios a simulator cannot answer say why.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, type RunPlan } from '../../../shared/runs';
import { scenarioById } from '../../../shared/scenarios/catalog';
import type { Scenario } from '../../../shared/scenarios/types';
import { parseSimctlList } from '../../../electron/lab/ios/parsers/simctl-list';
import { simulatorView } from '../../../electron/lab/ios/simulator-views';
import { simulatorBlock } from '../../../electron/lab/ios/run/simulator-limits';
import { resolvePhones } from '../../../electron/lab/runs/engine/resolve-run';
import { phone } from '../../support/sample-devices';
import { fixture } from '../android/fixtures';
import { RUN_PLANNING } from '../../../electron/lab/platform/run-planning';

const list = parseSimctlList(fixture('simctl', 'apple-xcode16-ios18.0-1.json').toString('utf8'));
const ipadDevice = list.devices.find((d) => d.state === 'Booted')!;
const ipad = simulatorView(ipadDevice, { runtimes: list.runtimes, deviceTypes: list.deviceTypes }, 'a', 'b');
const pixel = phone('PIXEL01', {});

const plan = (sender: Record<string, unknown>, serials: string[], vendors?: string[]): RunPlan =>
  parsePlan({
    name: 'ios',
    app: {
      package: 'com.pushlab.demo',
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
const scenario = (id: string): Scenario => scenarioById(id)!;

describe('plans with simulators', () => {
  it('the simctl sender takes no options (and refuses any)', () => {
    expect(plan({ kind: 'simctl' }, [ipad.serial]).sender).toEqual({ kind: 'simctl' });
    expect(() => plan({ kind: 'simctl', token: 'x' }, [ipad.serial])).toThrow();
  });

  it('a simulator resolves to an APNs phone with an iOS context', () => {
    const [resolved] = resolvePhones(plan({ kind: 'simctl' }, [ipad.serial]), [ipad, pixel], RUN_PLANNING);
    expect(resolved).toMatchObject({
      platform: 'ios',
      phone: { serial: ipad.serial, vendor: 'Apple', model: 'iPad Pro 11-inch (M4)', channel: 'apns' },
      context: { channel: 'apns', rom: 'iOS', sdk: null },
      details: { brand: 'Apple', rom: { name: 'iOS', version: '18.0' }, androidVersion: null },
    });
  });

  it('a simctl plan refuses Android phones; other senders take both; vendor lists never pick a simulator', () => {
    expect(() =>
      resolvePhones(plan({ kind: 'simctl' }, [ipad.serial, pixel.serial]), [ipad, pixel], RUN_PLANNING),
    ).toThrow(expect.objectContaining({ code: 'PLAN_INVALID', message: expect.stringContaining('PIXEL01') }));
    expect(
      resolvePhones(plan({ kind: 'manual' }, [ipad.serial, pixel.serial]), [ipad, pixel], RUN_PLANNING).map(
        (r) => r.platform,
      ),
    ).toEqual(['ios', 'android']);
    expect(
      resolvePhones(plan({ kind: 'manual' }, [], ['fcm']), [ipad, pixel], RUN_PLANNING).map(
        (r) => r.phone.serial,
      ),
    ).toEqual(['PIXEL01']);
  });
});

describe('what a simulator cannot answer', () => {
  const ios = { channel: 'apns' as const, rom: 'iOS' as const, sdk: null, notificationsBlocked: false };
  it('blocks with a reason, and only where it must', () => {
    expect(simulatorBlock(scenario('screen-locked-group-text'), 'simctl', ios)?.en).toContain('lock');
    expect(simulatorBlock(scenario('logged-out-text'), 'simctl', ios)?.en).toContain(
      'without the IM backend',
    );
    expect(simulatorBlock(scenario('logged-out-text'), 'apns', ios)?.en).toContain('without the IM backend');
    expect(simulatorBlock(scenario('kicked-offline-text'), 'tencent', ios)).toBeNull();
    expect(simulatorBlock(scenario('apns-environment-mismatch'), 'simctl', ios)?.en).toContain(
      'device token',
    );
    expect(simulatorBlock(scenario('notifications-blocked'), 'simctl', ios)?.en).toContain('Settings');
    expect(
      simulatorBlock(scenario('notifications-blocked'), 'simctl', { ...ios, notificationsBlocked: true }),
    ).toBeNull();
    for (const id of [
      'background-c2c-text',
      'foreground-text',
      'swiped-away-text',
      'after-reboot-text',
      'background-custom-no-desc',
    ])
      expect(simulatorBlock(scenario(id), 'simctl', ios), id).toBeNull();
  });
});
