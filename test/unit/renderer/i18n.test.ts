import { describe, expect, it } from 'vitest';
import { ADB_STATES, PUSH_CHANNELS } from '../../../shared/domain/device';
import { ERROR_CODES } from '../../../shared/errors';
import {
  en,
  formatBytes,
  formatDateTime,
  formatNumber,
  interpolate,
  isMessageKey,
  matchLocale,
  plural,
  translate,
  translateDynamic,
  zhCN,
} from '../../../shared/i18n';

const placeholders = (template: string) =>
  [...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
const CHANNEL_REASON_KEYS: Record<string, string[]> = {
  'channel.vendor': ['brand', 'channelName', 'rom'],
  'channel.honorPreSplit': ['brand', 'rom'],
  'channel.honorPostSplit': ['brand', 'rom', 'service'],
  'channel.oplusChina': ['brand', 'rom', 'service'],
  'channel.oplusGlobal': ['brand', 'rom'],
  'channel.fcm': ['brand', 'rom'],
  'channel.fcmMissingGms': ['brand', 'rom'],
};

describe('catalogs', () => {
  it('zh-CN has exactly the English keys, each with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('zh-CN is really Chinese: every message with words has CJK characters', () => {
    // Short names that are the same in both languages (brands, SDK terms) are fine.
    const same = new Set([
      'app.title',
      'vendor.oppo',
      'vendor.vivo',
      'pushChannel.fcm',
      'device.romVersion',
      'device.androidVersion',
      'device.androidVersionNoSdk',
      'apk.versionValue',
      'apk.versionCodeOnly',
      'apk.sha256',
      'device.transport.usb',
      'device.transport.tcp',
      'adbState.bootloader.label',
      'simulators.version',
    ]);
    const notChinese = (Object.keys(en) as Array<keyof typeof en>).filter(
      (key) => !same.has(key) && !/[\u4e00-\u9fff]/.test(zhCN[key]),
    );
    expect(notChinese).toEqual([]);
  });

  it('has a label and a help text for every adb state, and a heading for every error code', () => {
    for (const state of ADB_STATES) {
      expect(isMessageKey(`adbState.${state}.label`), state).toBe(true);
      expect(isMessageKey(`adbState.${state}.help`), state).toBe(true);
    }
    for (const code of ERROR_CODES) expect(isMessageKey(`error.${code}`), code).toBe(true);
    for (const channel of PUSH_CHANNELS) expect(isMessageKey(`pushChannel.${channel}`), channel).toBe(true);
  });

  it('has every channel reason the identity classifier emits, with its placeholders', () => {
    for (const [key, names] of Object.entries(CHANNEL_REASON_KEYS)) {
      expect(isMessageKey(key), key).toBe(true);
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(names);
    }
  });

  it('says what to do for the states users meet most', () => {
    expect(translate('en', 'adbState.unauthorized.help')).toMatch(
      /Unlock the phone and tap Allow.*Always allow/,
    );
    expect(translate('en', 'adbState.offline.help')).toContain('adb reconnect');
    expect(translate('en', 'adbState.no-permissions.help')).toContain('udev');
    expect(translate('en', 'adbState.recovery.help')).toMatch(/reboot/i);
  });
});

describe('translate', () => {
  it('fills placeholders in either language', () => {
    const values = { brand: 'Xiaomi', rom: 'HyperOS 2.0', channelName: 'Mi Push' };
    expect(translate('en', 'channel.vendor', values)).toBe(
      'Xiaomi phone on HyperOS 2.0: offline push goes through Mi Push.',
    );
    expect(translate('zh-CN', 'channel.vendor', { ...values, channelName: '小米推送' })).toBe(
      '运行 HyperOS 2.0 的 Xiaomi 手机：离线推送走小米推送通道。',
    );
  });

  it('translates keys that arrive as data, and returns null for unknown ones', () => {
    expect(translateDynamic('en', 'channel.fcm', { brand: 'samsung', rom: 'One UI 6.1' })).toContain(
      'samsung phone on One UI 6.1',
    );
    expect(translateDynamic('en', 'channel.doesNotExist', {})).toBeNull();
    expect(translateDynamic('en', 'toString', {})).toBeNull();
  });

  it('leaves a missing placeholder visible instead of printing "undefined"', () => {
    expect(interpolate('{brand} on {rom}', { brand: 'OPPO' })).toBe('OPPO on {rom}');
  });

  it('does not re-interpret placeholders inside values (device text is untrusted)', () => {
    expect(interpolate('{brand} on {rom}', { brand: '{rom}', rom: 'x' })).toBe('{rom} on x');
  });

  it('picks singular and plural forms', () => {
    expect(plural('en', 'devices.count', 1)).toBe('1 phone');
    expect(plural('en', 'devices.count', 12)).toBe('12 phones');
    expect(plural('en', 'install.start', 1000)).toBe('Install on 1,000 phones');
    expect(plural('zh-CN', 'devices.count', 3)).toBe('3 台手机');
  });
});

describe('formatting', () => {
  it('formats bytes in decimal units', () => {
    expect(formatBytes('en', 512)).toBe('512 B');
    expect(formatBytes('en', 1536)).toBe('1.5 kB');
    expect(formatBytes('en', 20_971_520)).toBe('21 MB');
    expect(formatBytes('en', 2_147_483_648)).toBe('2.1 GB');
    expect(formatBytes('en', -1)).toBe('–');
  });

  it('formats numbers and times per locale', () => {
    expect(formatNumber('en', 20401301)).toBe('20,401,301');
    const when = new Date(2026, 0, 5, 14, 7);
    expect(formatDateTime('zh-CN', when, 'time')).toBe('14:07');
    expect(formatDateTime('en', when, 'time')).toMatch(/^02:07\s?PM$/);
    expect(formatDateTime('en', 'not a date')).toBe('–');
  });

  it('matches browser languages to a supported locale', () => {
    expect(matchLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(matchLocale(['zh-Hans-CN'])).toBe('zh-CN');
    expect(matchLocale(['zh-TW', 'en-GB'])).toBe('en');
    expect(matchLocale(['fr-FR'])).toBe('en');
    expect(matchLocale([])).toBe('en');
  });
});
