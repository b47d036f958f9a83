import { describe, expect, it } from 'vitest';
import { allowlistKind, parseDeviceIdle } from '../../../../electron/lab/android/parsers/deviceidle';
import { decodeDeviceText } from '../../../../electron/lab/android/parsers/decode';
import { fixture, fixtureNames } from '../fixtures';
import { asCrlf, asUtf16, timed } from './variants';

const full = () => fixture('deviceidle', 'xiaomi-hyperos2-android14-1.txt');
const csv = () => fixture('deviceidle-whitelist', 'composed-xiaomi-hyperos2-android14-1.txt');

describe('parseDeviceIdle', () => {
  it('covers every sample of both kinds', () => {
    expect(fixtureNames('deviceidle')).toHaveLength(1);
    expect(fixtureNames('deviceidle-whitelist')).toHaveLength(1);
  });

  it('full dump (HyperOS 2): 18 except-idle, 13 system, 34 user entries and the deep state', () => {
    const info = parseDeviceIdle(full());
    expect([info.exceptIdle.length, info.system.length, info.user.length]).toEqual([18, 13, 34]);
    expect(info.state).toBe('ACTIVE');
    expect(info.user).toContain('com.whatsapp');
    expect(info.system[0]).toBe('com.android.providers.calendar');
    // The numeric app-id lists that follow are not package names.
    expect([...info.system, ...info.user, ...info.exceptIdle].some((p) => /^\d+$/.test(p))).toBe(false);
  });

  it('Mi Push is user-allow-listed; GMS system; Play Store only except-idle; Telegram nowhere', () => {
    const info = parseDeviceIdle(full());
    expect(allowlistKind(info, 'com.xiaomi.xmsf')).toBe('user');
    expect(allowlistKind(info, 'com.google.android.gms')).toBe('system');
    expect(allowlistKind(info, 'com.android.deskclock')).toBe('system');
    expect(allowlistKind(info, 'com.android.vending')).toBe('except-idle');
    expect(allowlistKind(info, 'org.telegram.messenger')).toBeNull();
    expect(allowlistKind(info, 'com.xiaomi')).toBeNull();
  });

  it('the whitelist CSV of the same phone gives the same lists (no state)', () => {
    const fromCsv = parseDeviceIdle(csv());
    const fromDump = parseDeviceIdle(full());
    expect(fromCsv).toEqual({ ...fromDump, state: null });
    expect(allowlistKind(fromCsv, 'com.xiaomi.xmsf')).toBe('user');
  });

  it('UTF-16 + BOM and CRLF copies read the same', () => {
    const text = decodeDeviceText(full());
    expect(parseDeviceIdle(asUtf16(text))).toEqual(parseDeviceIdle(text));
    expect(parseDeviceIdle(asCrlf(decodeDeviceText(csv())))).toEqual(parseDeviceIdle(csv()));
  });

  it('a copy cut inside a list keeps the whole names before the cut and drops the half name', () => {
    const bytes = full();
    const cut = bytes.indexOf('com.xiaomi.xmsf') + 'com.xiaomi.xm'.length;
    const info = parseDeviceIdle(bytes.subarray(0, cut));
    expect(info.user.at(-1)).toBe('com.xiaomi.aicr');
    expect(allowlistKind(info, 'com.xiaomi.xmsf')).toBeNull();
    expect(info.user).not.toContain('com.xiaomi.xm');
    expect(info.state).toBeNull();
  });

  it('"Allowlist" spellings are read too', () => {
    const info = parseDeviceIdle(
      '  Allowlist system apps:\n    com.a\n  Allowlist user apps:\n    com.b\n  mState=IDLE mLightState=OVERRIDE\n',
    );
    expect(info).toEqual({ system: ['com.a'], user: ['com.b'], exceptIdle: [], state: 'IDLE' });
  });

  it('garbage is refused: an empty list must never read as "not allow-listed"', () => {
    for (const junk of [
      '',
      "Permission Denial: can't dump DeviceIdleController",
      Buffer.from([0, 0, 0, 1]),
      'user,,\nsystem,com.x',
    ]) {
      expect(() => parseDeviceIdle(junk)).toThrow(expect.objectContaining({ code: 'MALFORMED_OUTPUT' }));
    }
  });

  it('hostile floods finish fast', () => {
    const flood = `  Whitelist user apps:\n${'    a.b\n'.repeat(100_000)}${' '.repeat(1_000_000)}`;
    expect(timed(() => parseDeviceIdle(flood))).toBeLessThan(1500);
  });
});
