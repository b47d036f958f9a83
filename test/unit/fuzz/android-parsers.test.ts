/**
 * Every Android text parser against seeded mutations of the real captures (issue 10 point 8):
 * a result or a LabError, never another throw, never > 100 ms for one input of <= 64 KB.
 */
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../electron/lab/errors';
import {
  parseAdbDevices,
  parseAppOpsForPackage,
  parseDeviceIdle,
  parseDumpsysPackage,
  parseForegroundActivity,
  parseGetprop,
  parseKeyguard,
  parseNotificationPreferences,
  parseNotificationRecords,
  parsePackageList,
  parsePmInstallOutput,
  parseRestrictBackground,
  parseRuntimePermission,
  parseSettingsValue,
  parseStandbyBucket,
  parseUidList,
  parseWakefulness,
  parseZenMode,
} from '../../../electron/lab/android/parsers';
import { parseLogcat } from '../../../electron/lab/android/parsers/logcat-epoch';
import { parseNotificationEvents } from '../../../electron/lab/android/parsers/notification-events';
import { findNotificationNode, parseUiHierarchy } from '../../../electron/lab/android/parsers/ui-hierarchy';
import { fixture, fixtureNames } from '../android/fixtures';
import { alsoRun, FUZZ_ROUNDS, fuzz, type FuzzTarget } from './fuzz-harness';

const captures = (...kinds: string[]): Buffer[] =>
  kinds.flatMap((kind) => fixtureNames(kind).map((name) => fixture(kind, name)));
const composed = (...texts: string[]): Buffer[] => texts.map((t) => Buffer.from(t));

/** Packages named in the captures, so mutations still reach the per-package sections. */
const PKG = 'com.tencent.mm';
const ROUNDS = FUZZ_ROUNDS;

type Case = Omit<FuzzTarget, 'errors' | 'rounds' | 'seed'> & { readonly mustParse?: boolean };

const CASES: readonly Case[] = [
  { name: 'parseAdbDevices', seeds: captures('adb-devices'), parse: (b) => parseAdbDevices(b) },
  { name: 'parseGetprop', seeds: captures('getprop'), parse: (b) => parseGetprop(b) },
  { name: 'parsePackageList', seeds: captures('pm-list-packages'), parse: (b) => parsePackageList(b) },
  {
    name: 'parseDumpsysPackage + parseRuntimePermission',
    seeds: captures('dumpsys-package', 'dumpsys-package-permissions'),
    parse: (b) => {
      alsoRun([LabError], () => parseDumpsysPackage(b, 'com.android.chrome'));
      return parseRuntimePermission(b, 'android.permission.POST_NOTIFICATIONS');
    },
  },
  {
    name: 'parseNotificationPreferences + parseZenMode + parseNotificationRecords',
    seeds: captures('dumpsys-notification'),
    parse: (b) => {
      alsoRun([LabError], () => parseZenMode(b));
      alsoRun([LabError], () => parseNotificationRecords(b));
      return parseNotificationPreferences(b, PKG);
    },
  },
  {
    name: 'parseAppOpsForPackage',
    seeds: captures('appops', 'appops-get'),
    parse: (b) => parseAppOpsForPackage(b, PKG),
  },
  {
    name: 'parseDeviceIdle',
    seeds: captures('deviceidle', 'deviceidle-whitelist'),
    parse: (b) => parseDeviceIdle(b),
  },
  {
    name: 'parseRestrictBackground + parseUidList',
    seeds: captures('netpolicy'),
    parse: (b) => {
      alsoRun([LabError], () => parseRestrictBackground(b));
      return parseUidList(b);
    },
  },
  {
    name: 'parseSettingsValue',
    seeds: composed(
      '0\n',
      'null\n',
      'com.android.inputmethod/.Ime\r\n',
      'Exception occurred while executing:\njava.lang.IllegalArgumentException: bad',
    ),
    parse: (b) => parseSettingsValue(b),
  },
  {
    name: 'parseStandbyBucket',
    seeds: composed('10\n', 'com.example.app: 40\n', 'STANDBY_BUCKET_RARE'),
    parse: (b) => parseStandbyBucket(b),
  },
  {
    name: 'parsePmInstallOutput',
    seeds: composed(
      'Performing Streamed Install\nSuccess\n',
      'Failure [INSTALL_FAILED_VERSION_DOWNGRADE: Downgrade detected]\n',
      'adb: failed to install x.apk: Failure [INSTALL_FAILED_TEST_ONLY]',
    ),
    parse: (b) => parsePmInstallOutput(b),
  },
  {
    name: 'parseWakefulness + parseKeyguard + parseForegroundActivity',
    seeds: captures('dumpsys-power', 'dumpsys-window', 'dumpsys-activity'),
    parse: (b) => {
      alsoRun([LabError], () => parseWakefulness(b));
      alsoRun([LabError], () => parseKeyguard(b));
      return parseForegroundActivity(b);
    },
  },
  { name: 'parseLogcat', seeds: captures('logcat'), parse: (b) => parseLogcat(b) },
  {
    name: 'parseNotificationEvents',
    seeds: captures('logcat-events'),
    parse: (b) => parseNotificationEvents(b.toString('utf8')),
  },
  {
    name: 'parseUiHierarchy + findNotificationNode',
    seeds: captures('uiautomator-dump'),
    parse: (b) => {
      const tree = parseUiHierarchy(b.toString('utf8'));
      findNotificationNode(tree, { title: 'Title', text: 'hello' });
      return tree;
    },
  },
];

describe('Android text parsers under fuzzing', { timeout: 120_000 }, () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))(
    '%s: a result or a LabError, each input <= 100 ms',
    async (_name, c, i) => {
      expect(c.seeds.length).toBeGreaterThan(0);
      const stats = await fuzz({ ...c, errors: [LabError], rounds: ROUNDS, seed: 0x5eed + i });
      // Mutated captures must still parse now and then: a parser that refuses everything passes nothing.
      expect(stats.parsed).toBeGreaterThan(0);
      expect(stats.parsed + stats.refused).toBe(ROUNDS);
    },
  );
});
