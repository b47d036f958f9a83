import { describe, expect, it } from 'vitest';
import { isValidPackageName, MAX_PACKAGE_NAME_LENGTH } from '../../../electron/lab/apk/package-name';

describe('isValidPackageName', () => {
  it.each(['a.b', 'com.tencent.mm', 'com.Example_1.x9', 'com.xiaomi.xmsf', 'A.B_'])('accepts %s', (name) => {
    expect(isValidPackageName(name)).toBe(true);
  });

  it.each([
    '',
    'a',
    'a.',
    '.a',
    'a..b',
    '1a.b',
    'a.1b',
    '_a.b',
    'a.b-c',
    'a.b c',
    'a.b;c',
    'a/b.c',
    'a.b\n',
    'a.é',
  ])('refuses %j', (name) => expect(isValidPackageName(name)).toBe(false));

  it('enforces the length limit exactly', () => {
    const at = (n: number): string => `a.${'b'.repeat(n - 2)}`;
    expect(isValidPackageName(at(MAX_PACKAGE_NAME_LENGTH))).toBe(true);
    expect(isValidPackageName(at(MAX_PACKAGE_NAME_LENGTH + 1))).toBe(false);
  });
});
