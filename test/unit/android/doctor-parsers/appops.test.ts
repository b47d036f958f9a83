import { describe, expect, it } from 'vitest';
import { parseAppOpsForPackage } from '../../../../electron/lab/android/parsers/appops';
import { decodeDeviceText } from '../../../../electron/lab/android/parsers/decode';
import { fixture, fixtureNames } from '../fixtures';
import { asCrlf, asUtf16, cutAt, timed } from './variants';

const dump = () => fixture('appops', 'xiaomi-hyperos2-android14-1.txt');
const get = (name: string) => fixture('appops-get', name);
const modes = (info: ReturnType<typeof parseAppOpsForPackage>) =>
  Object.fromEntries(Object.entries(info?.ops ?? {}).map(([k, v]) => [k, v.mode]));

describe('parseAppOpsForPackage on the full dumpsys appops (HyperOS 2)', () => {
  it('Mi Push: background running allowed, MIUI autostart (10008) allowed, overlay at default', () => {
    const xmsf = parseAppOpsForPackage(dump(), 'com.xiaomi.xmsf');
    expect(xmsf?.ops).toEqual({
      SYSTEM_ALERT_WINDOW: { mode: 'default', raw: 'SYSTEM_ALERT_WINDOW (default):' },
      RUN_ANY_IN_BACKGROUND: { mode: 'allow', raw: 'RUN_ANY_IN_BACKGROUND (allow):' },
      '10008': { mode: 'allow', raw: 'MIUIOP(10008) (allow):' },
    });
  });

  it("a uid-level mode overrides the package's: com.miui.core gets POST_NOTIFICATION ignore from its uid", () => {
    const core = parseAppOpsForPackage(dump(), 'com.miui.core');
    expect(modes(core)).toEqual({
      POST_NOTIFICATION: 'ignore',
      READ_PHONE_STATE: 'ignore',
      SYSTEM_ALERT_WINDOW: 'allow',
      RUN_ANY_IN_BACKGROUND: 'allow',
      '10008': 'allow',
    });
    expect(core?.ops.POST_NOTIFICATION?.raw).toBe('POST_NOTIFICATION: mode=ignore');
  });

  it('where uid and package disagree, the uid mode is the answer (systemui READ_CONTACTS)', () => {
    const systemui = parseAppOpsForPackage(dump(), 'com.android.systemui');
    expect(systemui?.ops.READ_CONTACTS).toEqual({ mode: 'ignore', raw: 'READ_CONTACTS: mode=ignore' });
    expect(systemui?.ops.READ_CALL_LOG?.mode).toBe('ignore');
  });

  it('reads denials and MIUI\'s own modes: ignore, deny, foreground, and "ask" as unknown', () => {
    expect(modes(parseAppOpsForPackage(dump(), 'com.miui.securitycenter')).RUN_ANY_IN_BACKGROUND).toBe(
      'ignore',
    );
    expect(modes(parseAppOpsForPackage(dump(), 'com.xiaomi.ugd'))).toMatchObject({
      RUN_IN_BACKGROUND: 'deny',
      RUN_ANY_IN_BACKGROUND: 'allow',
    });
    expect(modes(parseAppOpsForPackage(dump(), 'com.android.hotwordenrollment.xgoogle')).MOCK_LOCATION).toBe(
      'foreground',
    );
    const theme = parseAppOpsForPackage(dump(), 'com.android.thememanager');
    expect(theme?.ops['10008']?.mode).toBe('ignore');
    expect(theme?.ops['10001']).toEqual({ mode: 'unknown', raw: 'MIUIOP(10001) (ask):' });
  });

  it('a package listed under two uids is read from the first block only', () => {
    expect(modes(parseAppOpsForPackage(dump(), 'com.android.phone'))).toEqual({
      FINE_LOCATION: 'allow',
      MANAGE_IPSEC_TUNNELS: 'allow',
    });
  });

  it('a package the dump does not list is null', () => {
    expect(parseAppOpsForPackage(dump(), 'com.example.notinstalled')).toBeNull();
    expect(parseAppOpsForPackage(dump(), 'com.xiaomi.xms')).toBeNull();
  });

  it('UTF-16 + BOM and CRLF copies read the same; a cut copy loses packages, not correctness', () => {
    const text = decodeDeviceText(dump());
    const expected = parseAppOpsForPackage(text, 'com.xiaomi.xmsf');
    expect(parseAppOpsForPackage(asUtf16(text), 'com.xiaomi.xmsf')).toEqual(expected);
    expect(parseAppOpsForPackage(asCrlf(text), 'com.xiaomi.xmsf')).toEqual(expected);
    expect(parseAppOpsForPackage(cutAt(dump(), 0.3), 'com.xiaomi.xmsf')).toBeNull();
    const at = dump().indexOf('    Package com.xiaomi.xmsf:');
    // Cut right after RUN_ANY_IN_BACKGROUND's line: the ops below it are simply not there.
    const cut = parseAppOpsForPackage(
      dump().subarray(0, dump().indexOf('MIUIOP(10008)', at)),
      'com.xiaomi.xmsf',
    );
    expect(modes(cut)).toEqual({ SYSTEM_ALERT_WINDOW: 'default', RUN_ANY_IN_BACKGROUND: 'allow' });
  });
});

describe('parseAppOpsForPackage on `appops get <pkg>` output', () => {
  it('covers every sample in appops-get', () => {
    expect(fixtureNames('appops-get')).toHaveLength(4);
  });

  it('the uid line wins over the package line; MIUI numbered ops keyed by number', () => {
    const info = parseAppOpsForPackage(get('composed-miui-uid-override-1.txt'), 'com.example.pushlab.demo');
    expect(modes(info)).toEqual({
      POST_NOTIFICATION: 'ignore',
      READ_CLIPBOARD: 'allow',
      RUN_IN_BACKGROUND: 'allow',
      RUN_ANY_IN_BACKGROUND: 'ignore',
      WAKE_LOCK: 'allow',
      START_FOREGROUND: 'allow',
      '10008': 'ignore',
      '10017': 'unknown',
      '10020': 'allow',
      '10021': 'allow',
    });
    expect(info?.ops.POST_NOTIFICATION?.raw).toBe('Uid mode: POST_NOTIFICATION: ignore');
    expect(info?.ops.RUN_ANY_IN_BACKGROUND?.raw).toBe(
      'RUN_ANY_IN_BACKGROUND: ignore; time=+2d3h4m5s120ms ago; rejectTime=+1h2m ago',
    );
  });

  it('"No operations." is a package with nothing set; "No UID for" is a missing package', () => {
    expect(parseAppOpsForPackage(get('composed-no-operations-2.txt'), 'a.b')).toEqual({ ops: {} });
    expect(parseAppOpsForPackage(get('composed-no-operations-one-op-3.txt'), 'a.b')).toEqual({ ops: {} });
    expect(parseAppOpsForPackage(get('composed-unknown-package-4.txt'), 'com.example.missing')).toBeNull();
  });

  it('old numeric modes and both spellings of a denial', () => {
    expect(
      modes(parseAppOpsForPackage('WAKE_LOCK: 1\nCAMERA: deny\nVIBRATE: errored\nGPS: 4\nX: 9\n', 'a.b')),
    ).toEqual({
      WAKE_LOCK: 'ignore',
      CAMERA: 'deny',
      VIBRATE: 'errored',
      GPS: 'foreground',
      X: 'unknown',
    });
  });

  it('errors and garbage are refused, not read as ops', () => {
    for (const junk of [
      '',
      'Error: Unknown operation string: FOO',
      'java.lang.SecurityException: boom',
      Buffer.from([1, 2, 3]),
    ]) {
      expect(() => parseAppOpsForPackage(junk, 'a.b')).toThrow(
        expect.objectContaining({ code: 'MALFORMED_OUTPUT' }),
      );
    }
  });

  it('an op printed as __proto__ stays an ordinary key', () => {
    const info = parseAppOpsForPackage('__proto__: allow\nconstructor: ignore\n', 'a.b');
    expect(Object.getPrototypeOf(info?.ops)).toBe(Object.prototype);
    expect(Object.keys(info?.ops ?? {})).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).mode).toBeUndefined();
  });

  it('hostile floods finish fast', () => {
    const flood = `${'Uid u0a1:\n'.repeat(50_000)}${' '.repeat(500_000)}`;
    expect(timed(() => parseAppOpsForPackage(flood, 'a.b'))).toBeLessThan(1500);
  });
});
