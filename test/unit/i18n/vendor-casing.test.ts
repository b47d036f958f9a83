/**
 * Reasons name the vendor as it spells itself: a Meizu or Samsung phone reports brand "meizu" /
 * "samsung", and the board's reason reads "Meizu phone on Flyme…", not "meizu phone".
 */
import { describe, expect, it } from 'vitest';
import { classifyIdentity } from '../../../electron/lab/android/identity';
import { parseGetprop } from '../../../electron/lab/android/parsers/getprop';
import { translate } from '../../../shared/i18n';
import { fixture } from '../android/fixtures';

const reasonOf = (name: string) =>
  classifyIdentity({ props: parseGetprop(fixture('getprop', name)), packages: null }).pushChannelReason;

describe('vendor casing in channel reasons', () => {
  it('capitalises the brand the way the vendor does', () => {
    const meizu = reasonOf('meizu-flyme12.1-android15-1.txt');
    expect(meizu.values.brand).toBe('Meizu');
    const samsung = reasonOf('samsung-oneui6.1-android14-2.txt');
    expect(samsung.values.brand).toBe('Samsung');
    expect(
      translate('en', 'channel.fcm', {
        brand: String(samsung.values.brand),
        rom: String(samsung.values.rom),
      }),
    ).toMatch(/^Samsung phone on One UI/);
  });
});
