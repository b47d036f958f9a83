import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGetprop } from '../../../../electron/lab/android/parsers/getprop';
import { listProfiles } from '../../../virtual-lab/android/index';
import { decodeCapture, GETPROP_FIXTURE_DIR, parseCapture } from '../../../virtual-lab/android/props';
import { phone, sh } from './helpers';

const PROFILES = listProfiles();

/** ro.product.model straight from the capture file, by a plain regex (independent of props.ts). */
function fixtureModel(profile: string): string {
  const text = readFileSync(`${GETPROP_FIXTURE_DIR}${profile}.txt`, 'utf8');
  const m = /^\[ro\.product\.model\]: \[([^\]\r\n]*)\]/m.exec(text);
  if (!m?.[1]) throw new Error(`no model in ${profile}`);
  return m[1];
}

describe('every getprop capture is a profile', () => {
  it('offers one profile per capture file, and only those', () => {
    const captures = readdirSync(GETPROP_FIXTURE_DIR).filter((f) => !f.endsWith('.source.md'));
    expect(PROFILES.map((p) => `${p}.txt`)).toEqual(captures.sort());
    expect(PROFILES.length).toBeGreaterThanOrEqual(25);
    expect(() => phone('../../etc/passwd')).toThrow(/Unknown virtual phone profile/);
  });

  it.each(PROFILES)('%s: identity comes from the capture', async (profile) => {
    const p = phone(profile);
    const model = await sh(p, 'getprop ro.product.model');
    expect(model).toEqual({ status: 0, out: `${fixtureModel(profile)}\n`, err: '' });
    const all = await sh(p, 'getprop');
    expect(all.out).not.toContain('\r');
    expect(all.out.endsWith(']\n')).toBe(true);
    // PushLab's own parser reads back exactly the properties the phone holds.
    const parsed = parseGetprop(all.out);
    expect(Object.keys(parsed).length).toBe(p.state.props.size);
    expect(parsed['ro.build.version.sdk']).toBe(String(p.state.sdk));
    expect(p.bannerProps().model).toBe(fixtureModel(profile).replace(/[:;=]/g, '_'));
  });
});

describe('capture artefacts are undone, real multi-line values kept', () => {
  it('repairs the CR artefact, joins the terminal hard-wrap and keeps embedded newlines', async () => {
    const p = phone('oppo-coloros15-android15-1');
    expect((await sh(p, 'getprop ro.oplus.storage.super_size')).out).toBe('11813249024\n');
    const partitions = (await sh(p, 'getprop ro.product.ab_ota_partitions')).out;
    expect(partitions).toMatch(/^apusys,.*,my_engineering,my_heytap,.*,vendor_dlkm\n$/);
    expect(partitions).not.toContain('\n,');
    expect((await sh(p, 'getprop vendor.debug.pq.xml.mode')).out).toBe('15\n\n');
    const history = (await sh(p, 'getprop persist.sys.boot.reason.history')).out;
    expect(history.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('decodes UTF-16 with BOM and CRLF like UTF-8', () => {
    const utf8 = '[a.b]: [1]\r\n[c.d]: [two\r\nlines]\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]);
    expect(parseCapture(decodeCapture(utf16))).toEqual([
      ['a.b', '1'],
      ['c.d', 'two\nlines'],
    ]);
  });

  it('drops prompt lines and keeps the first of duplicate keys', () => {
    expect(parseCapture('C:\\> adb shell getprop\n[k]: [1]\n[k]: [2]\n[cut]: [partial')).toEqual([
      ['k', '1'],
      ['cut', 'partial'],
    ]);
  });

  it('answers a missing key with an empty line, or the default', async () => {
    const p = phone('samsung-android8.1-1');
    expect((await sh(p, 'getprop ro.no.such.key')).out).toBe('\n');
    expect((await sh(p, 'getprop ro.no.such.key fallback')).out).toBe('fallback\n');
  });
});

describe('vendor families and their push services', () => {
  const versionOf = async (profile: string, pkg: string): Promise<number | null> => {
    const out = (await sh(phone(profile), `pm list packages --show-versioncode ${pkg}`)).out;
    const m = new RegExp(`^package:${pkg.replace(/\./g, '\\.')} versionCode:(\\d+)$`, 'm').exec(out);
    return m?.[1] ? Number(m[1]) : null;
  };

  it.each([
    ['xiaomi-hyperos2-android14-2', 'com.xiaomi.xmsf'],
    ['xiaomi-miui12.5-android11-3', 'com.xiaomi.xmsf'],
    ['honor-magicos9-android15-2', 'com.hihonor.android.pushagent'],
    ['oppo-coloros7.1-android10-2', 'com.heytap.mcs'],
    ['realme-realmeui6-android15-1', 'com.heytap.mcs'],
    ['vivo-originos5-android15-1', 'com.vivo.pushservice'],
    ['meizu-flyme12.1-android15-1', 'com.meizu.cloud'],
    ['samsung-oneui6.1-android14-2', 'com.google.android.gms'],
    ['google-pixel-android15-1', 'com.google.android.gms'],
    ['oneplus-oxygenos11-android11-1', 'com.google.android.gms'],
  ])('%s ships %s', async (profile, pkg) => {
    expect(await versionOf(profile, pkg)).toBeGreaterThan(0);
  });

  it('Android 9 refuses --show-versioncode (added in 10) but lists packages', async () => {
    const p = phone('meizu-flyme8.1-android9-2');
    expect(await sh(p, 'pm list packages --show-versioncode')).toEqual({
      status: 255,
      out: 'Error: Unknown option: --show-versioncode\n',
      err: '',
    });
    expect((await sh(p, 'pm list packages meizu.cloud')).out).toBe('package:com.meizu.cloud\n');
  });

  it('HarmonyOS 4 has a current HMS Core (above the 20401300 push minimum)', async () => {
    expect(await versionOf('huawei-harmonyos4.2-android12-2', 'com.huawei.hwid')).toBe(60800300);
    expect(await versionOf('huawei-emui10-android10-1', 'com.huawei.hwid')).toBeGreaterThan(20401300);
  });

  it('China builds carry no usable Google services; Xiaomi has no HMS', async () => {
    expect(await versionOf('xiaomi-hyperos3-android16-5', 'com.google.android.gms')).toBeNull();
    expect(await versionOf('huawei-harmonyos4.2-android12-2', 'com.google.android.gms')).toBeNull();
    expect(await versionOf('xiaomi-hyperos2-android14-2', 'com.huawei.hwid')).toBeNull();
  });

  it('advertises the adbd features of its Android release', () => {
    expect(phone('samsung-android8.1-1').features()).toEqual(['shell_v2', 'cmd', 'stat_v2']);
    expect(phone('huawei-emui10-android10-1').features()).toContain('abb_exec');
    expect(phone('google-pixel-android15-1').features()).not.toContain('delayed_ack');
  });
});
