import { describe, expect, it } from 'vitest';
import {
  assertPackageName,
  assertRemoteTmpPath,
  isValidPackageName,
  quoteShellArg,
  shellCommand,
} from '../../../electron/lab/adb/quote';

describe('quoteShellArg', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(quoteShellArg('com.example.app')).toBe('com.example.app');
    expect(quoteShellArg('a b')).toBe("'a b'");
    expect(quoteShellArg("it's")).toBe("'it'\\''s'");
    expect(quoteShellArg('$(reboot)')).toBe("'$(reboot)'");
    expect(quoteShellArg('a;reboot')).toBe("'a;reboot'");
  });

  it('refuses NUL bytes', () => {
    expect(() => quoteShellArg('a\0b')).toThrow(/NUL/);
  });

  it('joins a command with quoted arguments', () => {
    expect(shellCommand('pm', 'install', '-r', '/data/local/tmp/x y.apk')).toBe(
      "pm install -r '/data/local/tmp/x y.apk'",
    );
  });
});

describe('package names', () => {
  it.each(['com.example.app', 'a.b', 'com.tencent.qcloud.tuikit.TUIOfflinePush_1'])('accepts %s', (name) => {
    expect(isValidPackageName(name)).toBe(true);
  });

  it.each([
    '',
    'single',
    'com.example;reboot',
    'com..app',
    '1com.app',
    "com.x'y",
    'com.x y',
    'com.x\nreboot',
    'a.' + 'b'.repeat(260),
  ])('rejects %j', (name) => {
    expect(isValidPackageName(name)).toBe(false);
    expect(() => assertPackageName(name)).toThrow(/not a valid Android package name/);
  });
});

describe('remote tmp paths', () => {
  it('allows only our own files under /data/local/tmp', () => {
    expect(assertRemoteTmpPath('/data/local/tmp/pushlab-abc.apk')).toBe('/data/local/tmp/pushlab-abc.apk');
    expect(() => assertRemoteTmpPath('/data/local/tmp/../../system/x')).toThrow();
    expect(() => assertRemoteTmpPath('/sdcard/x.apk')).toThrow();
  });
});
