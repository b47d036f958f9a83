import { describe, expect, it } from 'vitest';
import { parseRestrictBackground, parseUidList } from '../../../../electron/lab/android/parsers/netpolicy';
import { parseSettingsValue } from '../../../../electron/lab/android/parsers/settings-value';
import { parseStandbyBucket } from '../../../../electron/lab/android/parsers/standby-bucket';
import { fixture, fixtureNames } from '../fixtures';
import { asUtf16, timed } from './variants';

const net = (name: string) => fixture('netpolicy', name);

describe('parseStandbyBucket (`am get-standby-bucket <pkg>`)', () => {
  it('reads every bucket number UsageStatsManager defines', () => {
    const pairs: Array<[string, string]> = [
      ['5', 'exempted'],
      ['10', 'active'],
      ['20', 'working_set'],
      ['30', 'frequent'],
      ['40', 'rare'],
      ['45', 'restricted'],
      ['50', 'never'],
    ];
    for (const [text, bucket] of pairs)
      expect(parseStandbyBucket(`${text}\n`)).toEqual({ bucket, raw: text });
  });

  it('names, a `pkg: bucket` line, UTF-16 and CRLF', () => {
    expect(parseStandbyBucket('RESTRICTED\r\n').bucket).toBe('restricted');
    expect(parseStandbyBucket('working_set').bucket).toBe('working_set');
    expect(parseStandbyBucket('STANDBY_BUCKET_RARE').bucket).toBe('rare');
    expect(parseStandbyBucket('com.example.app: 40\n')).toEqual({
      bucket: 'rare',
      raw: 'com.example.app: 40',
    });
    expect(parseStandbyBucket(asUtf16('45\n')).bucket).toBe('restricted');
  });

  it("anything else is null with the phone's words kept", () => {
    expect(parseStandbyBucket('15\n')).toEqual({ bucket: null, raw: '15' });
    expect(parseStandbyBucket('')).toEqual({ bucket: null, raw: '' });
    expect(parseStandbyBucket('java.lang.SecurityException: No permission')).toEqual({
      bucket: null,
      raw: 'java.lang.SecurityException: No permission',
    });
    expect(parseStandbyBucket('10\n40\n').bucket).toBeNull();
  });
});

describe('parseSettingsValue (`settings get <ns> <key>`)', () => {
  it('values as printed, "null" as not set', () => {
    expect(parseSettingsValue('0\n')).toBe('0');
    expect(parseSettingsValue('null\n')).toBeNull();
    expect(parseSettingsValue('com.android.inputmethod/.Ime\r\n')).toBe('com.android.inputmethod/.Ime');
    expect(parseSettingsValue(asUtf16('1\n'))).toBe('1');
    expect(parseSettingsValue('')).toBe('');
  });

  it('a shell error is refused, never returned as the value', () => {
    for (const junk of [
      "Invalid namespace 'globl'",
      'java.lang.SecurityException: Permission denial',
      "Exception occurred while executing 'get':",
    ]) {
      expect(() => parseSettingsValue(junk)).toThrow(expect.objectContaining({ code: 'MALFORMED_OUTPUT' }));
    }
  });
});

describe('netpolicy', () => {
  it('covers every sample in netpolicy', () => {
    expect(fixtureNames('netpolicy')).toHaveLength(4);
  });

  it('Data Saver: from `cmd netpolicy get restrict-background` and from the full dumpsys (HyperOS 2: off)', () => {
    expect(parseRestrictBackground(net('composed-cmd-restrict-background-2.txt'))).toBe(false);
    expect(parseRestrictBackground(net('xiaomi-hyperos2-android14-dumpsys-1.txt'))).toBe(false);
    expect(parseRestrictBackground('Restrict background status: enabled\r\n')).toBe(true);
    expect(parseRestrictBackground(asUtf16('System ready: true\nRestrict background: true\n'))).toBe(true);
    expect(parseRestrictBackground("cmd: Can't find service: netpolicy")).toBeNull();
    expect(parseRestrictBackground('')).toBeNull();
  });

  it('uid lists: one denied uid, 21 allowed uids, and "none"', () => {
    expect(parseUidList(net('composed-cmd-denylist-3.txt'))).toEqual([10140]);
    const allowed = parseUidList(net('composed-cmd-allowlist-4.txt'));
    expect(allowed).toHaveLength(21);
    expect(allowed.slice(0, 3)).toEqual([10153, 10279, 10287]);
    expect(parseUidList('Restrict background whitelisted UIDs: none\n')).toEqual([]);
    expect(parseUidList('Restrict background denylisted UIDs: 10001 10002\r\n')).toEqual([10001, 10002]);
  });

  it('anything but a uid list is refused: an error must not read as "nothing restricted"', () => {
    for (const junk of [
      '',
      "Error: unknown list type 'foo'",
      'Restrict background blacklisted UIDs: 10a 3',
      net('xiaomi-hyperos2-android14-dumpsys-1.txt'),
    ]) {
      expect(() => parseUidList(junk)).toThrow(expect.objectContaining({ code: 'MALFORMED_OUTPUT' }));
    }
  });

  it('hostile floods finish fast', () => {
    const flood = `${'\n'.repeat(500_000)}${' '.repeat(500_000)}`;
    expect(timed(() => parseRestrictBackground(flood))).toBeLessThan(1500);
    expect(timed(() => expect(() => parseUidList(flood)).toThrow())).toBeLessThan(1500);
  });
});
