import { describe, expect, it } from 'vitest';
import { LabError } from '../../../electron/lab/errors';
import { parsePackageList } from '../../../electron/lab/android/parsers/package-list';
import { fixture } from './fixtures';

describe('parsePackageList on the real captures', () => {
  it('reads `pm list packages -f` (Xiaomi Pad 6), splitting path and name on the last "="', () => {
    const list = parsePackageList(fixture('pm-list-packages', 'xiaomi-hyperos2-android14-1.txt'));
    expect(list).toHaveLength(322);
    expect(list.every((p) => p.path !== null && p.versionCode === null && p.uid === null)).toBe(true);
    expect(list.find((p) => p.package === 'com.xiaomi.xmsf')?.path).toBe(
      '/product/app/XiaomiServiceFrameworkGlobal/XiaomiServiceFrameworkGlobal.apk',
    );
    expect(list.find((p) => p.package === 'com.google.android.gms')?.path).toBe(
      '/data/app/~~X4yfMW2cupabl2fSrUlMVQ==/com.google.android.gms-L6p01kjAwGkF07gk39m3eg==/base.apk',
    );
  });

  it('reads `pm list packages -u` (Redmi Note 14) in install order', () => {
    const list = parsePackageList(fixture('pm-list-packages', 'xiaomi-hyperos2-android15-2.txt'));
    expect(list).toHaveLength(384);
    expect(list[0]).toEqual({ package: 'com.android.camera', versionCode: null, path: null, uid: null });
    expect(list.map((p) => p.package)).toEqual(
      expect.arrayContaining(['com.xiaomi.xmsf', 'com.xiaomi.xmsfkeeper']),
    );
  });
});

describe('parsePackageList options and noise', () => {
  it('reads --show-versioncode, -U and -i fields', () => {
    const text = [
      'package:/data/app/~~Ab==/com.example.app-Cd==/base.apk=com.example.app versionCode:1024 installer=com.android.vending uid:10234',
      'package:com.huawei.hwid versionCode:60800300 uid:10062,10063',
      '',
    ].join('\r\n');
    expect(parsePackageList(text)).toEqual([
      {
        package: 'com.example.app',
        versionCode: 1024,
        path: '/data/app/~~Ab==/com.example.app-Cd==/base.apk',
        uid: 10234,
      },
      { package: 'com.huawei.hwid', versionCode: 60800300, path: null, uid: 10062 },
    ]);
  });

  it('skips prompts and junk, and lists a package once even if -u repeats it', () => {
    const text =
      'citrine:/ $ pm list packages -u\npackage:com.a\npackage:com.a\npackage:not a name\npackage:com.b\n';
    expect(parsePackageList(text).map((p) => p.package)).toEqual(['com.a', 'com.b']);
  });

  it('returns [] for empty output and throws MALFORMED_OUTPUT for an error message', () => {
    expect(parsePackageList('')).toEqual([]);
    expect(() => parsePackageList("cmd: Can't find service: package")).toThrow(LabError);
  });
});
