/** The HTML report names a phone with the one display name the app uses (shared/domain/phone-name). */
import { describe, expect, it } from 'vitest';
import { phoneLabel } from '../../../electron/lab/reports/html-matrix';
import type { MatrixPhone } from '../../../shared/matrix/types';

describe('the HTML report names phones the same way', () => {
  const phone = (p: Partial<MatrixPhone>): MatrixPhone => ({
    serial: 's1',
    group: 'meizu',
    vendor: 'meizu',
    model: 'MEIZU 21',
    marketingName: null,
    rom: { name: 'Flyme', version: '11' },
    androidVersion: '14',
    channel: 'meizu',
    ...p,
  });

  it('uses the one display name, and does not repeat it in the details', () => {
    expect(phoneLabel(phone({}))).toEqual({ name: 'MEIZU 21', details: 'Flyme 11 · Android 14 · s1' });
    expect(
      phoneLabel(
        phone({ group: 'xiaomi', vendor: 'Xiaomi', model: '23043RP34G', marketingName: 'Redmi Note 12' }),
      ).name,
    ).toBe('Redmi Note 12');
    expect(phoneLabel(phone({ group: 'samsung', vendor: 'samsung', model: 'SM-S911B' })).name).toBe(
      'Samsung SM-S911B',
    );
  });
});
