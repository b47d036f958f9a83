/**
 * The readers above the plist layer on real and composed files: XML plists, NSKeyedArchiver
 * archives, an app's notification permission (BulletinBoard) and its delivered notifications,
 * Info.plist facts. Composed files were written by Python's plistlib (see their notes); files
 * the fake xcrun writes are read the same way.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppBundle } from '../../../electron/lab/ios/app-bundle';
import { parseDeliveredNotifications } from '../../../electron/lab/ios/parsers/delivered-notifications';
import { parseInfoPlist } from '../../../electron/lab/ios/parsers/info-plist';
import { notificationSettingsFor } from '../../../electron/lab/ios/parsers/section-info';
import { unarchive } from '../../../electron/lab/ios/plist/keyed-archive';
import {
  parsePlist,
  PlistFormatError,
  PlistUid,
  type PlistValue,
} from '../../../electron/lab/ios/plist/plist';
import { parseXmlPlist } from '../../../electron/lab/ios/plist/xml-plist';
import { readDeliveredNotifications } from '../../../electron/lab/ios/state/delivered';
import { readNotificationPermission } from '../../../electron/lab/ios/state/notification-settings';
import { keyedArchive, writeBinaryPlist } from '../../virtual-lab/ios/plist-io.mjs';
import { writeDelivered, writeSectionInfo } from '../../virtual-lab/ios/sim-files.mjs';
import { fixture } from '../android/fixtures';

const plist = (name: string): Buffer => fixture('plist', name);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-plists-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('XML plists', () => {
  it('reads a real Terminal profile: data, real, integer and string values', () => {
    const value = parseXmlPlist(plist('terminal-apple-classic.xml.plist')) as Record<string, PlistValue>;
    expect(Object.keys(value)).toHaveLength(26);
    expect(value).toMatchObject({
      name: 'Apple Classic',
      ProfileCurrentVersion: 2.04,
      columnCount: 90,
      rowCount: 50,
      type: 'Window Settings',
    });
    expect((value.BackgroundColor as Uint8Array).subarray(0, 8)).toEqual(
      new Uint8Array(Buffer.from('bplist00')),
    );
  });

  it('decodes entities, CDATA, empty and boolean elements', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE plist><plist version="1.0"><dict><key>a&amp;b</key><string>&lt;x&gt; ' +
      ('&#x4F60;</string><key>c</key><string><![CDATA[<raw>]]></string><key>e</key><string/>' +
        '<key>t</key><true/><key>f</key><false/><key>l</key><array/><key>big</key><integer>' +
        '18446744073709551615</integer><key>d</key><date>2025-03-04T05:06:07Z</date></dict></plist>');
    const value = parseXmlPlist(xml) as Record<string, PlistValue>;
    expect(value).toMatchObject({
      'a&b': '<x> 你',
      c: '<raw>',
      e: '',
      t: true,
      f: false,
      l: [],
      big: 18446744073709551615n,
    });
    expect((value.d as Date).toISOString()).toBe('2025-03-04T05:06:07.000Z');
  });

  it('refuses broken XML with a typed error', () => {
    for (const bad of [
      '<plist><dict><key>a</key></dict></plist>',
      '<plist><integer>1x</integer></plist>',
      '<plist><dict><key>a</key><string>b</string>',
      '<html></html>',
      '<plist><data>!!</data></plist>',
    ]) {
      expect(() => parseXmlPlist(bad), bad).toThrow(PlistFormatError);
    }
  });
});

describe('NSKeyedArchiver archives', () => {
  it('unarchives the real applesimutils section into BBSectionInfo with its settings', () => {
    const section = unarchive(parsePlist(plist('bbsectioninfo-applesimutils.bplist'))) as Record<
      string,
      PlistValue
    >;
    expect(section.$class).toBe('BBSectionInfo');
    expect(section.sectionID).toBe('com.LeoNatan.LNPopupControllerExample-');
    expect(section.displayName).toBe('LNPopup');
    expect(section.icon).toBeNull();
    expect(section.sectionInfoSettings).toMatchObject({
      $class: 'BBSectionInfoSettings',
      allowsNotifications: true,
      alertType: 1,
    });
  });

  it('refuses archives whose objects contain themselves or point outside $objects', () => {
    const nsArray = { $classname: 'NSArray', $classes: ['NSArray', 'NSObject'] };
    const archive = (objects: PlistValue[]): PlistValue => ({
      $version: 100000,
      $archiver: 'NSKeyedArchiver',
      $top: { root: new PlistUid(1) },
      $objects: objects,
    });
    expect(() =>
      unarchive(archive(['$null', { 'NS.objects': [new PlistUid(1)], $class: new PlistUid(2) }, nsArray])),
    ).toThrow(expect.objectContaining({ kind: 'cyclic' }));
    expect(() =>
      unarchive(archive(['$null', { 'NS.objects': [new PlistUid(9)], $class: new PlistUid(2) }, nsArray])),
    ).toThrow(expect.objectContaining({ kind: 'malformed' }));
    expect(() => unarchive({ not: 'an archive' })).toThrow(expect.objectContaining({ kind: 'not-a-plist' }));
  });
});

describe('notification permission (BulletinBoard)', () => {
  const store = (): PlistValue => parsePlist(plist('versioned-section-info-composed.bplist'));

  it('reads authorizationStatus per app from a VersionedSectionInfo store', () => {
    expect(notificationSettingsFor(store(), 'com.pushlab.demo')).toEqual({
      authorization: 'authorized',
      statusCode: 2,
      allowed: true,
      alertStyle: 'banner',
      lockScreen: true,
      notificationCenter: true,
      sound: true,
      badge: true,
    });
    expect(notificationSettingsFor(store(), 'com.example.denied')).toMatchObject({
      authorization: 'denied',
      allowed: false,
    });
    expect(notificationSettingsFor(store(), 'com.example.quiet')).toMatchObject({
      authorization: 'provisional',
      allowed: true,
    });
    expect(notificationSettingsFor(store(), 'com.example.undecided')).toMatchObject({
      authorization: 'notDetermined',
      allowed: false,
    });
  });

  it('reads the older allowsNotifications settings (the real applesimutils section) and knows a missing app never asked', () => {
    expect(notificationSettingsFor(store(), 'com.LeoNatan.LNPopupControllerExample')).toMatchObject({
      authorization: 'authorized',
      statusCode: null,
      allowed: true,
      lockScreen: true,
    });
    expect(notificationSettingsFor(store(), 'com.example.absent')).toBeNull();
  });

  it('reads from a simulator data folder: no store, an app that never asked, and what the fake xcrun wrote', async () => {
    const data = join(dir, 'sim-a', 'data');
    await mkdir(data, { recursive: true });
    expect(await readNotificationPermission(data, 'com.pushlab.demo')).toEqual({ state: 'no-store' });
    writeSectionInfo(data, { 'com.pushlab.demo': 'denied' });
    expect(await readNotificationPermission(data, 'com.other.app')).toEqual({ state: 'not-asked' });
    expect(await readNotificationPermission(data, 'com.pushlab.demo')).toMatchObject({
      state: 'read',
      settings: { authorization: 'denied', allowed: false },
    });
    await writeFile(
      join(data, 'Library/BulletinBoard/VersionedSectionInfo.plist'),
      Buffer.from('bplist00garbage'),
    );
    await expect(readNotificationPermission(data, 'com.pushlab.demo')).rejects.toMatchObject({
      code: 'MALFORMED_OUTPUT',
    });
  });
});

describe('delivered notifications', () => {
  it('reads title, body, date, userInfo, sound and badge from a composed store', () => {
    const records = parseDeliveredNotifications(parsePlist(plist('delivered-notifications-composed.bplist')));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      identifier: '6F1C6A2E-2D0B-4E57-9E58-4D7B6C1F0A11',
      title: null,
      body: 'Denny:PushLab offline check',
      sound: 'default',
      deliveredAt: Date.parse('2025-03-04T05:06:07.250Z'),
    });
    expect(records[1]).toMatchObject({
      title: 'PushLab 标题 🔔',
      body: '群聊 (Lab Team):你好',
      sound: 'pushlab_ding.caf',
      badge: 3,
      threadId: 'c2c_pushlab_sender',
    });
    expect(records[1]?.userInfo?.ext).toBe('{"conversation":"c2c_pushlab_sender"}');
  });

  it('an empty store (null root) is no notifications', () => {
    expect(
      parseDeliveredNotifications(parsePlist(plist('delivered-notifications-empty-composed.bplist'))),
    ).toEqual([]);
  });

  it('finds the store by bundle id, or by the UUID folder Library.plist names', async () => {
    const record = {
      AppNotificationIdentifier: 'A',
      AppNotificationCreationDate: Date.parse('2025-01-01T00:00:00Z'),
      AppNotificationMessage: 'hi',
      UNNotificationUserInfo: { aps: {} },
    };
    const byBundle = join(dir, 'sim-b', 'data');
    writeDelivered(byBundle, 'com.pushlab.demo', [record], 'bundle');
    expect((await readDeliveredNotifications(byBundle, 'com.pushlab.demo')).map((r) => r.body)).toEqual([
      'hi',
    ]);
    const byUuid = join(dir, 'sim-c', 'data');
    writeDelivered(byUuid, 'com.pushlab.demo', [record], 'uuid');
    expect((await readDeliveredNotifications(byUuid, 'com.pushlab.demo')).map((r) => r.body)).toEqual(['hi']);
    expect(await readDeliveredNotifications(byUuid, 'com.other.app')).toEqual([]);
  });

  it('a damaged store is a MALFORMED_OUTPUT error, not a crash', async () => {
    const data = join(dir, 'sim-d', 'data');
    await mkdir(join(data, 'Library/UserNotifications/com.pushlab.demo'), { recursive: true });
    await writeFile(
      join(data, 'Library/UserNotifications/com.pushlab.demo/DeliveredNotifications.plist'),
      keyedArchive([1]).subarray(0, 40),
    );
    await expect(readDeliveredNotifications(data, 'com.pushlab.demo')).rejects.toMatchObject({
      code: 'MALFORMED_OUTPUT',
    });
  });
});

describe('Info.plist', () => {
  it('reads the facts of real Xcode-built Info.plists', () => {
    expect(parseInfoPlist(plist('info-CalSmoke-cal.bplist'), 'CalSmoke-cal.app/Info.plist')).toMatchObject({
      bundleId: 'sh.calaba.CalSmoke-cal',
      version: '0.21.3',
      build: '1534510189',
      name: 'CalSmoke-cal',
      platforms: ['iPhoneSimulator'],
      minimumOsVersion: '8.0',
    });
    expect(parseInfoPlist(plist('info-CachedSimApp.bplist'), 'CachedSimApp.app/Info.plist')).toMatchObject({
      bundleId: 'com.apple.test.AppStub',
      version: null,
      build: '1531294585',
      platforms: [],
    });
  });

  it('refuses a bundle id that is not one, naming the file', () => {
    expect(() =>
      parseInfoPlist(writeBinaryPlist({ CFBundleIdentifier: '-rf x' }), 'Evil.app/Info.plist'),
    ).toThrow(
      expect.objectContaining({
        code: 'MALFORMED_OUTPUT',
        message: expect.stringContaining('Evil.app/Info.plist'),
      }),
    );
  });

  it('reads an .app folder before installing, and refuses a device build', async () => {
    const sim = join(dir, 'Sim.app');
    await mkdir(sim, { recursive: true });
    await writeFile(join(sim, 'Info.plist'), plist('info-CalSmoke-cal.bplist'));
    expect((await readAppBundle(sim)).bundleId).toBe('sh.calaba.CalSmoke-cal');
    const device = join(dir, 'Device.app');
    await mkdir(device, { recursive: true });
    await writeFile(
      join(device, 'Info.plist'),
      writeBinaryPlist({ CFBundleIdentifier: 'com.example.app', CFBundleSupportedPlatforms: ['iPhoneOS'] }),
    );
    await expect(readAppBundle(device)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('iPhoneOS'),
    });
    await expect(readAppBundle(join(dir, 'missing.ipa'))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
