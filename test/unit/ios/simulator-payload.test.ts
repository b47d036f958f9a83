/**
 * What `simctl push` is given for each scenario message (iOS display rules, sound, ext, target
 * bundle, size limit), what simctl would refuse (real payload files), and how a simulator looks
 * on the board (views from a real Xcode 16 list) and in the one iOS status line.
 */
import { describe, expect, it } from 'vitest';
import { iosStatusMessage } from '../../../shared/domain/ios-status';
import { translateDynamic } from '../../../shared/i18n';
import { SCENARIOS, scenarioById } from '../../../shared/scenarios/catalog';
import { expectFor } from '../../../shared/scenarios/rules/expect';
import type { MessageSpec } from '../../../shared/scenarios/types';
import { MAX_PUSH_PAYLOAD_BYTES, payloadProblems } from '../../../electron/lab/ios/commands/push';
import { parseSimctlList } from '../../../electron/lab/ios/parsers/simctl-list';
import { simulatorPayload, TARGET_BUNDLE_KEY } from '../../../electron/lab/push/simctl/simulator-payload';
import { deviceTypeName, isListedSimulator, simulatorView } from '../../../electron/lab/ios/simulator-views';
import { fixture } from '../android/fixtures';

const BUNDLE = 'com.pushlab.demo';
const message = (id: string): MessageSpec => {
  const s = scenarioById(id);
  if (!s) throw new Error(id);
  return s.message;
};
const aps = (m: MessageSpec): Record<string, unknown> =>
  simulatorPayload(m, BUNDLE).payload.aps as Record<string, unknown>;

describe('simctl push payloads from scenario messages', () => {
  it('a one-to-one text: the seed line as body, no title (the seeds give none on iOS), default sound, target bundle', () => {
    const built = simulatorPayload(message('background-c2c-text'), BUNDLE);
    expect(built.payload).toEqual({
      [TARGET_BUNDLE_KEY]: BUNDLE,
      aps: { alert: { body: 'Denny:PushLab offline check' }, sound: 'default' },
    });
    expect(built.silentBecause).toBeNull();
    expect(built.bytes).toBe(Buffer.byteLength(built.json));
  });

  it('what is sent matches what the iOS expectation looks for, for every scenario that must show', () => {
    const phone = {
      channel: 'apns' as const,
      rom: 'iOS' as const,
      sdk: null,
      pushServiceReady: true,
      notificationsBlocked: false,
    };
    for (const scenario of SCENARIOS) {
      const expectation = expectFor(scenario, phone, {});
      if (expectation.outcome !== 'shown') continue;
      const alert = aps(scenario.message).alert as { title?: string; body: string };
      if (expectation.text?.match === 'exact') expect(alert.body, scenario.id).toBe(expectation.text.value);
      else
        expect(`${alert.title ?? ''}\n${alert.body}`, scenario.id).toContain(expectation.text?.value ?? '');
      if (expectation.title) expect(alert.title, scenario.id).toContain(expectation.title.value);
    }
  });

  it('title/desc override, a custom sound file and ext top-level (userInfo["ext"])', () => {
    expect(aps(message('background-title-desc')).alert).toEqual({
      title: 'PushLab title',
      body: 'PushLab desc',
    });
    expect(aps(message('background-custom-sound')).sound).toBe('pushlab_ding');
    expect(simulatorPayload(message('background-ext-redirect'), BUNDLE).payload.ext).toBe(
      '{"conversation":"c2c_pushlab_sender"}',
    );
  });

  it('a message Tencent would not push goes out silent, saying why', () => {
    const built = simulatorPayload(message('background-custom-no-desc'), BUNDLE);
    expect(built.payload.aps).toEqual({ 'content-available': 1 });
    expect(built.silentBecause).toContain('without desc');
  });

  it('refuses a payload over 4096 bytes before anything is sent', () => {
    const long: MessageSpec = { ...message('background-c2c-text'), text: 'x'.repeat(MAX_PUSH_PAYLOAD_BYTES) };
    expect(() => simulatorPayload(long, BUNDLE)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('4096') }),
    );
  });

  it('checks real payload files as simctl would: JSON object with aps, at most 4096 bytes', () => {
    for (const name of [
      'apns-payload-1.json',
      'apns-payload-2.json',
      'apns-payload-3.json',
      'apns-payload-watchkit-4.json',
    ]) {
      expect(payloadProblems(fixture('simctl', name)), name).toEqual([]);
    }
    expect(payloadProblems(Buffer.from('{"alert":"no aps"}'))).toEqual(['it has no "aps" dictionary']);
    expect(payloadProblems(Buffer.from('[1]'))).toEqual(['it is not a JSON object']);
    expect(payloadProblems(Buffer.from(JSON.stringify({ aps: {}, pad: 'x'.repeat(4100) })))[0]).toMatch(
      /over the 4096-byte limit/,
    );
  });
});

describe('simulators on the board', () => {
  const list = parseSimctlList(fixture('simctl', 'apple-xcode16-ios18.0-1.json').toString('utf8'));
  const catalog = { runtimes: list.runtimes, deviceTypes: list.deviceTypes };

  it('lists booted available iOS simulators only', () => {
    expect(list.devices.filter(isListedSimulator).map((d) => d.name)).toEqual(['iPad Pro 11-inch (M4)']);
    expect(
      isListedSimulator({ ...list.devices[0]!, platform: 'iOS', state: 'Booted', available: false }),
    ).toBe(false);
    expect(
      isListedSimulator({ ...list.devices[0]!, platform: 'watchOS', state: 'Booted', available: true }),
    ).toBe(false);
  });

  it('a booted simulator is a ready iOS device: device type as model, iOS version, APNs', () => {
    const ipad = list.devices.find((d) => d.state === 'Booted')!;
    const view = simulatorView(ipad, catalog, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:01.000Z');
    expect(view).toMatchObject({
      serial: ipad.udid,
      platform: 'ios',
      state: 'device',
      transport: 'simulator',
      identityStatus: 'ready',
      simulator: { state: 'Booted', runtime: 'com.apple.CoreSimulator.SimRuntime.iOS-18-0' },
    });
    expect(view.identity).toMatchObject({
      manufacturer: 'Apple',
      model: 'iPad Pro 11-inch (M4)',
      marketingName: 'iPad Pro 11-inch (M4)',
      rom: { name: 'iOS', version: '18.0' },
      pushChannel: 'apns',
      sdk: null,
    });
    expect(simulatorView({ ...ipad, state: 'Booting' }, catalog, 'a', 'b').state).toBe('connecting');
    expect(
      deviceTypeName('com.apple.CoreSimulator.SimDeviceType.iPhone-15-Pro', {
        runtimes: [],
        deviceTypes: [],
      }),
    ).toBe('iPhone 15 Pro');
  });

  it('says in one line where iOS stands, in both languages', () => {
    const line = (
      status: Parameters<typeof iosStatusMessage>[0],
      booted: number,
      locale: 'en' | 'zh-CN' = 'en',
    ): string => {
      const m = iosStatusMessage(status, booted);
      return translateDynamic(locale, m.key, m.values) ?? m.key;
    };
    expect(line({ available: false, reason: 'not-macos', detail: null, shutdown: 0 }, 0)).toContain(
      'need a Mac with Xcode',
    );
    expect(line({ available: false, reason: 'no-xcrun', detail: null, shutdown: 0 }, 0)).toContain(
      '`xcrun` was not found',
    );
    expect(line({ available: false, reason: 'no-simctl', detail: null, shutdown: 0 }, 0)).toContain(
      'xcode-select',
    );
    expect(line({ available: false, reason: 'list-failed', detail: 'boom', shutdown: 0 }, 0)).toContain(
      '(boom)',
    );
    expect(line({ available: true, reason: null, detail: null, shutdown: 30 }, 1)).toMatch(
      /^iOS: 1 simulator booted, 30 shut down/,
    );
    expect(line({ available: false, reason: 'not-macos', detail: null, shutdown: 0 }, 0, 'zh-CN')).toContain(
      'Mac',
    );
  });
});
