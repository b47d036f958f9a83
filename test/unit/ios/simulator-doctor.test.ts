/**
 * The doctor's iOS checks from simulator facts: only checks a simulator has (no Android ones),
 * statuses for each authorization state and alert / sound / badge setting, the BulletinBoard
 * pushSettings bits as iOS writes them, and messages present in both catalogs with every
 * placeholder filled. Also the IPC schema that lets a bundle ID through to the core.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../../shared/domain/doctor';
import { LOCALES, translateDynamic } from '../../../shared/i18n';
import { doctorIosEn } from '../../../shared/i18n/doctor-ios.en';
import { doctorIosZh } from '../../../shared/i18n/doctor-ios.zh-CN';
import { doctorSubjectSchema } from '../../../shared/ipc';
import { simulatorChecks, type SimulatorFacts } from '../../../electron/lab/ios/doctor/simulator-checks';
import { parseSimctlList } from '../../../electron/lab/ios/parsers/simctl-list';
import { parsePlist } from '../../../electron/lab/ios/plist/plist';
import { notificationSettingsFor } from '../../../electron/lab/ios/parsers/section-info';
import {
  readNotificationPermission,
  type NotificationPermission,
} from '../../../electron/lab/ios/state/notification-settings';
import { writeSectionInfo } from '../../virtual-lab/ios/sim-files.mjs';
import { fixture } from '../android/fixtures';

const list = parseSimctlList(fixture('simctl', 'apple-xcode16-ios18.0-1.json').toString('utf8'));
const booted = list.devices.find((d) => d.state === 'Booted')!;
const BUNDLE = 'com.example.my-app';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-ios-doctor-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const facts = (
  permission: SimulatorFacts['permission'],
  patch: Partial<SimulatorFacts> = {},
): SimulatorFacts => ({
  device: booted,
  iosVersion: '18.0',
  model: 'iPad Pro 11-inch (M4)',
  appContainer:
    '/Users/qa/Library/Developer/CoreSimulator/Devices/X/data/Containers/Bundle/Application/ABC/App.app',
  permission,
  ...patch,
});
const summary = (checks: readonly DoctorCheck[]): string[] => checks.map((c) => `${c.id} ${c.status}`);

/** Writes the BulletinBoard store as iOS does and reads it back like the doctor. */
async function permissionAfter(
  name: string,
  status: 'authorized' | 'denied' | 'provisional' | 'notDetermined',
  settings?: { alertType?: 0 | 1 | 2; pushSettings?: number },
): Promise<NotificationPermission> {
  const data = join(dir, name, 'data');
  await mkdir(data, { recursive: true });
  writeSectionInfo(data, { [BUNDLE]: status }, settings ? { [BUNDLE]: settings } : {});
  return readNotificationPermission(data, BUNDLE);
}

describe('doctor checks on a simulator', () => {
  it('an authorized app with banners, sounds and badges is all ok, and no Android check appears', async () => {
    const checks = simulatorChecks(facts(await permissionAfter('ok', 'authorized')), BUNDLE);
    expect(summary(checks)).toEqual([
      'simulator.booted ok',
      'simulator.runtime ok',
      'app.installed ok',
      'notifications.authorization ok',
      'notifications.alert-style ok',
      'notifications.sound ok',
      'notifications.badge ok',
    ]);
    expect(checks.every((c) => c.fixes.length === 0 && c.settingsPath === null)).toBe(true);
    expect(checks.find((c) => c.id === 'app.installed')?.evidence).toBe('get_app_container: …/ABC/App.app');
  });

  it('alert style None, sounds off and badges off are warnings that say where to turn them on', async () => {
    const checks = simulatorChecks(
      facts(await permissionAfter('quiet', 'authorized', { alertType: 0, pushSettings: 0 })),
      BUNDLE,
    );
    expect(summary(checks).slice(4)).toEqual([
      'notifications.alert-style warn',
      'notifications.sound warn',
      'notifications.badge warn',
    ]);
    expect(translateDynamic('en', checks[5]!.advice.key, checks[5]!.advice.values)).toContain(
      `Settings › Notifications for ${BUNDLE}`,
    );
  });

  it('reads sounds and badges from the pushSettings bits iOS writes (8 badges, 16 sounds)', async () => {
    const only = async (name: string, bits: number) => {
      const p = await permissionAfter(name, 'authorized', { pushSettings: bits });
      return p.state === 'read' ? { sound: p.settings.sound, badge: p.settings.badge } : null;
    };
    expect(await only('badges', 8)).toEqual({ sound: false, badge: true });
    expect(await only('sounds', 16)).toEqual({ sound: true, badge: false });
    // The old header values (1 badges, 2 sounds) are not what iOS uses.
    expect(await only('old-bits', 3)).toEqual({ sound: false, badge: false });
    // The real applesimutils section (pushSettings 63): everything on.
    const real = parsePlist(fixture('plist', 'bbsectioninfo-applesimutils.bplist'));
    expect(notificationSettingsFor({ 'com.example.real': real }, 'com.example.real')).toMatchObject({
      sound: true,
      badge: true,
      alertStyle: 'banner',
    });
  });

  it('says plainly when the app has not asked (no store, no section, or notDetermined), and when it was denied', async () => {
    const advice = (c: DoctorCheck) => translateDynamic('en', c.advice.key, c.advice.values) ?? '';
    const noStore = simulatorChecks(facts({ state: 'no-store' }), BUNDLE);
    expect(summary(noStore)).toEqual([
      'simulator.booted ok',
      'simulator.runtime ok',
      'app.installed ok',
      'notifications.authorization fail',
    ]);
    expect(advice(noStore[3]!)).toMatch(/not used notifications yet.*tap Allow/);
    const notAsked = simulatorChecks(facts({ state: 'not-asked' }), BUNDLE);
    expect(notAsked[3]).toMatchObject({
      status: 'fail',
      evidence: `BulletinBoard: no section for ${BUNDLE}`,
    });
    expect(
      simulatorChecks(facts(await permissionAfter('undecided', 'notDetermined')), BUNDLE)[3],
    ).toMatchObject({ status: 'fail', advice: { key: 'check.ios.authorization.notAsked' } });
    const denied = simulatorChecks(facts(await permissionAfter('denied', 'denied')), BUNDLE);
    expect(summary(denied).at(-1)).toBe('notifications.authorization fail');
    expect(advice(denied.at(-1)!)).toContain('Allow Notifications');
    const provisional = simulatorChecks(facts(await permissionAfter('provisional', 'provisional')), BUNDLE);
    expect(provisional[3]?.status).toBe('warn');
  });

  it('an unreadable store is unknown, an app not installed stops at that check, a shut-down simulator fails the first', () => {
    expect(simulatorChecks(facts({ state: 'error', message: 'bplist00 broken' }), BUNDLE)[3]).toMatchObject({
      status: 'unknown',
      evidence: 'bplist00 broken',
    });
    expect(summary(simulatorChecks(facts({ state: 'no-store' }, { appContainer: null }), BUNDLE))).toEqual([
      'simulator.booted ok',
      'simulator.runtime ok',
      'app.installed fail',
    ]);
    const shut = simulatorChecks(
      facts({ state: 'no-store' }, { device: { ...booted, state: 'Shutdown' }, iosVersion: null }),
      BUNDLE,
    );
    expect(summary(shut).slice(0, 2)).toEqual(['simulator.booted fail', 'simulator.runtime unknown']);
  });

  it('every message is in both catalogs with its placeholders filled', async () => {
    const samples: DoctorCheck[] = [
      ...simulatorChecks(facts(await permissionAfter('m1', 'authorized')), BUNDLE),
      ...simulatorChecks(
        facts(await permissionAfter('m2', 'authorized', { alertType: 2, pushSettings: 0 })),
        BUNDLE,
      ),
      ...simulatorChecks(facts(await permissionAfter('m3', 'authorized', { alertType: 0 })), BUNDLE),
      ...simulatorChecks(facts(await permissionAfter('m4', 'denied')), BUNDLE),
      ...simulatorChecks(facts(await permissionAfter('m5', 'provisional')), BUNDLE),
      ...simulatorChecks(
        facts(
          { state: 'no-store' },
          { device: { ...booted, state: 'Shutdown' }, iosVersion: null, appContainer: null },
        ),
        BUNDLE,
      ),
      ...simulatorChecks(facts({ state: 'not-asked' }), BUNDLE),
      ...simulatorChecks(facts({ state: 'error', message: 'x' }), BUNDLE),
    ];
    const used = new Set<string>();
    for (const c of samples) {
      for (const m of [c.title, c.advice]) {
        used.add(m.key);
        for (const locale of LOCALES)
          expect(translateDynamic(locale, m.key, m.values), `${locale} ${m.key}`).not.toMatch(
            /\{[A-Za-z0-9_]+\}|^$/,
          );
      }
    }
    expect(Object.keys(doctorIosZh).sort()).toEqual(Object.keys(doctorIosEn).sort());
    for (const [key, text] of Object.entries(doctorIosZh)) expect(text, key).toMatch(/[\u4e00-\u9fff]/);
    expect(used.size).toBeGreaterThan(20);
  });
});

describe('the doctor subject over IPC', () => {
  it('lets Android package names and bundle IDs through; the core decides which the device needs', () => {
    const subject = (pkg: string) =>
      doctorSubjectSchema.safeParse({ serial: booted.udid, package: pkg, channelIds: [] }).success;
    expect(subject('com.example.chat')).toBe(true);
    expect(subject('com.example.my-app')).toBe(true);
    expect(subject('com.4chat.ios')).toBe(true);
    for (const bad of ['com.example app', 'com.example.app;reboot', 'single', '-com.app', "com.example.app'"])
      expect(subject(bad), bad).toBe(false);
  });
});
