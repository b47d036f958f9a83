import { describe, expect, it } from 'vitest';
import { landedOf } from '../../../../electron/lab/android/run/adb-ports';
import type { TapOutcome } from '../../../../electron/lab/android/tap/tap-types';

const outcome = (o: Partial<TapOutcome>): TapOutcome => ({
  method: 'uiautomator',
  tapped: true,
  landed: true,
  foregroundPackage: 'com.x.y',
  extSeen: true,
  detail: '',
  ...o,
});

describe('landedOf', () => {
  it('proves a redirect only when the app came up and logged the ext', () => {
    expect(landedOf(outcome({}))).toBe(true);
  });
  it('disproves it when another app is in front or the app logged no ext', () => {
    expect(landedOf(outcome({ landed: false }))).toBe(false);
    expect(landedOf(outcome({ extSeen: false }))).toBe(false);
  });
  it('cannot tell when nothing was tapped or the ext could not be checked', () => {
    expect(landedOf(outcome({ tapped: false }))).toBeNull();
    expect(landedOf(outcome({ extSeen: null }))).toBeNull();
    expect(landedOf(outcome({ landed: null }))).toBeNull();
  });
});
