/**
 * The platform table (shared/platforms) and the renderer's per-platform pieces chosen from it:
 * each platform's facts, a serial's and a channel's platform, the build each device takes, install
 * jobs handled by their build's function, and the readiness rules (board, install, doctor).
 */
import { describe, expect, it } from 'vitest';
import { PUSH_CHANNELS, type DeviceView } from '../../../shared/domain/device';
import type { AnyInstallJob, ApkInfo } from '../../../shared/domain/install';
import { bundleIdSchema, packageNameSchema } from '../../../shared/ipc';
import {
  PLATFORM_IDS,
  PLATFORMS,
  buildFor,
  buildOfJob,
  byBuild,
  platformOfChannel,
  platformOfSerial,
  platformsTaking,
  simulatedPlatforms,
} from '../../../shared/platforms';
import { displayText } from '../../../shared/scenarios/rules/display';
import { hasBuildFor, tooOldFor } from '../../../renderer/src/platforms/build-fit';
import { boardReason, readinessReason } from '../../../renderer/src/platforms/readiness';
import { phone, XIAOMI } from '../../support/sample-devices';

const UDID = 'BA519339-BEC4-4E69-B98B-BE2EFDA190F0';
const SIM: DeviceView = phone(
  UDID,
  {
    manufacturer: 'Apple',
    brand: 'Apple',
    model: 'iPhone 15',
    androidVersion: '',
    sdk: null,
    rom: { name: 'iOS', version: '17.0' },
    pushChannel: 'apns',
    pushServices: [],
  },
  { platform: 'ios', transport: 'simulator', simulator: { state: 'Booted', runtime: 'r', deviceType: null } },
);

describe('the platform table', () => {
  it('states every fact for every platform, with a label in both languages', () => {
    expect(PLATFORM_IDS).toEqual(['android', 'ios']);
    for (const id of PLATFORM_IDS) {
      expect(PLATFORMS[id].label.en.length, id).toBeGreaterThan(0);
      expect(PLATFORMS[id].label.zhCN.length, id).toBeGreaterThan(0);
    }
  });

  it('knows a serial’s platform by its shape: simulator UDIDs are iOS, adb serials Android', () => {
    expect(platformOfSerial(UDID)).toBe('ios');
    expect(platformOfSerial(UDID.toLowerCase())).toBe('ios');
    for (const serial of ['R58M123ABC', 'emulator-5554', '127.0.0.1:40001', `${UDID}x`])
      expect(platformOfSerial(serial), serial).toBe('android');
  });

  it('maps APNs to iOS and every Android push channel to Android', () => {
    expect(platformOfChannel('apns')).toBe('ios');
    for (const channel of PUSH_CHANNELS) expect(platformOfChannel(channel), channel).toBe('android');
  });

  it('names the app the way the IPC schemas validate it', () => {
    for (const name of ['com.example.chat', 'com.example.my-app', '1abc.app', 'com.a_b'])
      for (const [platform, schema] of [
        ['android', packageNameSchema],
        ['ios', bundleIdSchema],
      ] as const)
        expect(PLATFORMS[platform].app.pattern.test(name), `${platform} ${name}`).toBe(
          schema.safeParse(name).success,
        );
  });

  it('gives the default one-to-one title on Android only (seed 004)', () => {
    const message = {
      kind: 'text',
      conversation: 'c2c',
      sender: { id: 'u1', nickname: 'Denny' },
      text: 'hi',
    } as const;
    const title = (platform: 'android' | 'ios') => {
      const d = displayText(message, { platform });
      return d.pushed ? d.title : 'not pushed';
    };
    expect(title('android')).toBe('Denny');
    expect(title('ios')).toBeNull();
  });
});

describe('builds by platform', () => {
  const apk = { minSdk: 35 } as ApkInfo;
  const apkJob = { id: 'j1', apk: { label: 'Chat' }, items: [] } as unknown as AnyInstallJob;
  const appJob = { id: 'j2', kind: 'app', app: { name: 'Chat' }, items: [] } as unknown as AnyInstallJob;

  it('gives each platform its build and each job its build’s handler', () => {
    expect(buildFor('android')).toBe('apk');
    expect(buildFor('ios')).toBe('app');
    expect(platformsTaking('app')).toEqual(['ios']);
    expect(simulatedPlatforms()).toEqual(['ios']);
    expect([buildOfJob(apkJob), buildOfJob(appJob)]).toEqual(['apk', 'app']);
    const handlers = {
      apk: (j: { apk: { label: string | null } }) => `apk ${j.apk.label}`,
      app: () => 'app',
    };
    expect([byBuild(apkJob, handlers), byBuild(appJob, handlers)]).toEqual(['apk Chat', 'app']);
  });

  it('checks only the build a device takes', () => {
    const app = { minimumOsVersion: '18.0' } as Parameters<typeof tooOldFor>[1]['app'];
    expect(tooOldFor(XIAOMI, { apk, app })).toMatchObject({ build: 'apk', minSdk: 35 });
    expect(tooOldFor(SIM, { apk, app })).toEqual({ build: 'app', ios: '17.0', minimum: '18.0' });
    expect(tooOldFor(SIM, { apk, app: null })).toBeNull();
    expect(hasBuildFor(SIM, { apk, app: null })).toBe(false);
    expect(hasBuildFor(XIAOMI, { apk, app: null })).toBe(true);
  });
});

describe('readiness by platform', () => {
  it('takes a booted, listed simulator for install and doctor, but not from the board', () => {
    expect(readinessReason(SIM)).toBeNull();
    expect(boardReason(SIM)).toBe('platform');
    expect(readinessReason({ ...SIM, state: 'connecting' })).toBe('state');
    expect(readinessReason({ ...SIM, identity: null })).toBe('identityPending');
  });

  it('keeps the board’s rule for Android phones', () => {
    expect(readinessReason(XIAOMI)).toBeNull();
    expect(boardReason(XIAOMI)).toBeNull();
    expect(readinessReason({ ...XIAOMI, identityStatus: 'failed' })).toBe('identityFailed');
    expect(readinessReason({ ...XIAOMI, identityStatus: 'pending', identity: null })).toBe('identityPending');
  });
});
