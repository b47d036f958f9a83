/**
 * The simctl list parser, the plist readers and what reads their values (Info.plist, delivered
 * notifications, BulletinBoard sections), and the zip and AXML readers of an APK, under seeded
 * mutations of real files (issue 10 point 8): a result or a typed error, each input <= 100 ms.
 */
import { describe, expect, it } from 'vitest';
import { ApkFormatError } from '../../../electron/lab/apk/apk-format-error';
import { parseManifest } from '../../../electron/lab/apk/manifest';
import { readZipDirectory, readZipEntry } from '../../../electron/lab/apk/zip-reader';
import { LabError } from '../../../electron/lab/errors';
import { parseDeliveredNotifications } from '../../../electron/lab/ios/parsers/delivered-notifications';
import { parseInfoPlist } from '../../../electron/lab/ios/parsers/info-plist';
import { notificationSettingsFor } from '../../../electron/lab/ios/parsers/section-info';
import { parseSimctlList } from '../../../electron/lab/ios/parsers/simctl-list';
import { isKeyedArchive, unarchive } from '../../../electron/lab/ios/plist/keyed-archive';
import { parsePlist, PlistFormatError } from '../../../electron/lab/ios/plist/plist';
import { buildManifest, buildTestApk } from '../../virtual-lab/apk';
import { memoryFile } from '../apk/zip-listing';
import { fixture, fixtureNames } from '../android/fixtures';
import { alsoRun, FUZZ_ROUNDS, fuzz } from './fuzz-harness';

const ROUNDS = FUZZ_ROUNDS;
const captures = (kind: string, ext: string): Buffer[] =>
  fixtureNames(kind)
    .filter((name) => name.endsWith(ext))
    .map((name) => fixture(kind, name));

describe('iOS parsers and file readers under fuzzing', { timeout: 120_000 }, () => {
  it('parseSimctlList: a result or a LabError, each input <= 100 ms', async () => {
    const seeds = [...captures('simctl', '.json'), ...captures('simctl', '.txt')];
    const stats = await fuzz({
      name: 'parseSimctlList',
      seeds,
      parse: (b) => parseSimctlList(b.toString('utf8')),
      errors: [LabError],
      rounds: ROUNDS,
      seed: 101,
    });
    expect(stats.parsed).toBeGreaterThan(0);
  });

  it('parsePlist and its readers: a value or a typed error, each input <= 100 ms', async () => {
    const typed = [PlistFormatError, LabError];
    // parsePlist decides parsed/refused; each reader of its value runs on every value it returns.
    const parse = (b: Buffer): unknown => {
      alsoRun(typed, () => parseInfoPlist(b, 'Info.plist'));
      const value = parsePlist(b);
      alsoRun(typed, () => isKeyedArchive(value) && unarchive(value));
      alsoRun(typed, () => notificationSettingsFor(value, 'com.pushlab.demo'));
      alsoRun(typed, () => parseDeliveredNotifications(value));
      return value;
    };
    const seeds = captures('plist', 'plist');
    expect(seeds.length).toBeGreaterThan(5);
    const stats = await fuzz({
      name: 'plist readers',
      seeds,
      parse,
      errors: typed,
      rounds: ROUNDS,
      seed: 202,
    });
    expect(stats.parsed).toBeGreaterThan(0);
    expect(stats.refused).toBeGreaterThan(0);
  });

  it('the zip reader: entries or an ApkFormatError, each input <= 100 ms', async () => {
    const apk = await buildTestApk({
      packageName: 'com.pushlab.fuzz',
      versionCode: 3,
      versionName: '3',
      label: 'Fuzz',
    });
    const parse = async (b: Buffer): Promise<unknown> => {
      const file = memoryFile(b);
      const entries = await readZipDirectory(file, b.length);
      for (const entry of entries.slice(0, 8)) await readZipEntry(file, b.length, entry, 1024 * 1024);
      return entries;
    };
    const stats = await fuzz({
      name: 'zip reader',
      seeds: [apk],
      parse,
      errors: [ApkFormatError],
      rounds: ROUNDS,
      seed: 303,
    });
    expect(stats.parsed).toBeGreaterThan(0);
    expect(stats.refused).toBeGreaterThan(0);
  });

  it('the AXML manifest reader: fields or an ApkFormatError, each input <= 100 ms', async () => {
    const seeds = [
      buildManifest({
        packageName: 'com.pushlab.m',
        versionCode: 7,
        versionName: '7',
        label: 'M',
        permissions: ['android.permission.INTERNET'],
      }),
    ];
    const stats = await fuzz({
      name: 'parseManifest',
      seeds,
      parse: (b) => parseManifest(b),
      errors: [ApkFormatError],
      rounds: ROUNDS,
      seed: 404,
    });
    expect(stats.parsed).toBeGreaterThan(0);
    expect(stats.refused).toBeGreaterThan(0);
  });
});
