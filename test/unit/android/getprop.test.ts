import { describe, expect, it } from 'vitest';
import { LabError } from '../../../electron/lab/errors';
import { parseGetprop } from '../../../electron/lab/android/parsers/getprop';
import { fixture, fixtureNames } from './fixtures';

/**
 * Per capture: number of properties (checked by hand: `grep -c '^\[…\]: \['` plus the `]key]: [`
 * CR-artifact lines), SDK and device codename as read in the file.
 */
const EXPECTED: Record<string, { count: number; sdk: string; device: string }> = {
  'google-pixel-android15-1.txt': { count: 923, sdk: '35', device: 'oriole' },
  'honor-emui8-android8-1.txt': { count: 891, sdk: '26', device: 'HWBKL' },
  'honor-magicos9-android15-2.txt': { count: 1781, sdk: '35', device: 'HNBVL' },
  'honor-magicui3.0-android10-3.txt': { count: 998, sdk: '29', device: 'HWOXF' },
  'huawei-emui10-android10-1.txt': { count: 998, sdk: '29', device: 'HWEML' },
  'huawei-harmonyos-next5.1-android12-3.txt': { count: 914, sdk: '31', device: 'HWADL' },
  'huawei-harmonyos4.2-android12-2.txt': { count: 1370, sdk: '31', device: 'HWLIO' },
  'meizu-flyme12.1-android15-1.txt': { count: 978, sdk: '35', device: 'meizu21' },
  'meizu-flyme8.1-android9-2.txt': { count: 652, sdk: '28', device: '16s' },
  'oneplus-coloros16-android16-2.txt': { count: 2078, sdk: '36', device: 'OP60F5L1' },
  'oneplus-oxygenos11-android11-1.txt': { count: 1120, sdk: '30', device: 'OnePlusN10TMO' },
  'oneplus-oxygenos14-android14-3.txt': { count: 1579, sdk: '34', device: 'OP516FL1' },
  'oppo-coloros15-android15-1.txt': { count: 2506, sdk: '35', device: 'OP5A41L1' },
  'oppo-coloros7.1-android10-2.txt': { count: 810, sdk: '29', device: 'PBET00' },
  'realme-realmeui6-android15-1.txt': { count: 1709, sdk: '35', device: 'RE5C37' },
  'samsung-android8.1-1.txt': { count: 736, sdk: '27', device: 'j4corelte' },
  'samsung-oneui6.1-android14-2.txt': { count: 1321, sdk: '34', device: 'e1q' },
  'samsung-oneui8.0-android16-3.txt': { count: 1453, sdk: '36', device: 'q7q' },
  'vivo-funtouchos9-android9-2.txt': { count: 788, sdk: '28', device: 'PD1831' },
  'vivo-originos5-android15-1.txt': { count: 1800, sdk: '35', device: 'PD2429' },
  'xiaomi-hyperos2-android14-2.txt': { count: 1178, sdk: '34', device: 'pipa' },
  'xiaomi-hyperos2-android15-1.txt': { count: 2007, sdk: '35', device: 'citrine' },
  'xiaomi-hyperos3-android16-5.txt': { count: 1807, sdk: '36', device: 'popsicle' },
  'xiaomi-miui12.5-android11-3.txt': { count: 833, sdk: '30', device: 'cepheus' },
  'xiaomi-miui14-android13-4.txt': { count: 1461, sdk: '33', device: 'selene' },
};

const props = (name: string): Record<string, string> => parseGetprop(fixture('getprop', name));

describe('parseGetprop on every real capture', () => {
  it('has an expectation for every capture in test/fixtures/getprop', () => {
    expect(fixtureNames('getprop')).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`reads ${name}`, () => {
      const p = props(name);
      expect(Object.keys(p)).toHaveLength(expected.count);
      expect(p['ro.build.version.sdk']).toBe(expected.sdk);
      expect(p['ro.product.device']).toBe(expected.device);
      for (const [key, value] of Object.entries(p)) {
        expect(key).not.toMatch(/[[\]\r\n]/);
        expect(value).not.toMatch(/\r/);
        expect(value.endsWith('\n')).toBe(false);
      }
    });
  }
});

describe('parseGetprop quirks seen in the captures', () => {
  it('keeps multi-line values (boot reason history) with their inner line breaks', () => {
    const history = props('google-pixel-android15-1.txt')['persist.sys.boot.reason.history'] ?? '';
    const lines = history.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toBe('reboot,factory_reset,1754377100');
  });

  it('recovers the CR artifact line "]key]: [value" (OPPO and OnePlus terminal copies)', () => {
    expect(props('oppo-coloros15-android15-1.txt')['ro.oplus.storage.super_size']).toBe('11813249024');
    expect(props('oneplus-coloros16-android16-2.txt')['ro.oplus.storage.super_size']).toBe('12171845632');
  });

  it('drops the newline MTK builds put at the end of a value', () => {
    expect(props('oppo-coloros15-android15-1.txt')['vendor.debug.pq.xml.mode']).toBe('15');
    expect(props('xiaomi-hyperos2-android15-1.txt')['persist.vendor.sys.pq.picmode']).toBe('1');
    expect(props('xiaomi-miui14-android13-4.txt')['persist.vendor.sys.pq.picmode']).toBe('0');
  });

  it('reads a value ending in a stray CR (realme) without the CR', () => {
    expect(props('realme-realmeui6-android15-1.txt')['ro.oplus.storage.super_size']).toBe('11380396032');
  });

  it('joins a hard-wrapped long value instead of losing its tail', () => {
    const partitions = props('oppo-coloros15-android15-1.txt')['ro.product.ab_ota_partitions'] ?? '';
    expect(partitions.startsWith('apusys,audio_dsp,')).toBe(true);
    expect(partitions.endsWith(',vendor_boot,vendor_dlkm')).toBe(true);
  });

  it('reads CRLF captures (HarmonyOS 4.2, ColorOS 7.1) like LF ones', () => {
    expect(props('huawei-harmonyos4.2-android12-2.txt')['hw_sc.build.platform.version']).toBe('4.2.0');
    expect(props('oppo-coloros7.1-android10-2.txt')['ro.build.version.opporom']).toBe('V7.1');
  });

  it('reads keys that are not dotted lowercase names', () => {
    expect(props('xiaomi-hyperos2-android15-1.txt')['Build.BRAND']).toBe('MTK');
    expect(props('meizu-flyme12.1-android15-1.txt')['ril.gsm.imei']).toContain(',');
  });

  it('reads the same properties from a UTF-16LE copy with BOM and CRLF', () => {
    const utf8 = fixture('getprop', 'vivo-originos5-android15-1.txt');
    const wide = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(utf8.toString('utf8').replace(/\n/g, '\r\n'), 'utf16le'),
    ]);
    expect(parseGetprop(wide)).toEqual(parseGetprop(utf8));
  });
});

describe('parseGetprop edge cases', () => {
  it('drops a value cut off by truncation but keeps everything before it', () => {
    const p = parseGetprop('[ro.product.brand]: [Xiaomi]\n[ro.product.model]: [2312DRA5');
    expect(p).toEqual({ 'ro.product.brand': 'Xiaomi' });
  });

  it('skips prompts, blank lines and vendor noise', () => {
    const p = parseGetprop(
      'C:\\Users\\Admin>adb shell getprop\n\n[ro.a]: [1]\nWARNING: linker: noise\n[ro.b]: []\n',
    );
    expect(p).toEqual({ 'ro.a': '1', 'ro.b': '' });
  });

  it('keeps a value whose closing bracket was lost when the next property starts', () => {
    expect(parseGetprop('[ro.a]: [abc\n[ro.b]: [2]\n')).toEqual({ 'ro.a': 'abc', 'ro.b': '2' });
  });

  it('keeps brackets inside values and takes the first of two duplicate keys', () => {
    expect(parseGetprop('[ro.a]: [[x]]\n[ro.a]: [second]\n')).toEqual({ 'ro.a': '[x]' });
  });

  it('throws MALFORMED_OUTPUT when nothing can be read', () => {
    expect(() => parseGetprop('')).toThrow(LabError);
    try {
      parseGetprop('error: device offline');
    } catch (error) {
      expect((error as LabError).code).toBe('MALFORMED_OUTPUT');
      expect((error as LabError).hint).toBeTruthy();
    }
    expect.assertions(3);
  });
});
