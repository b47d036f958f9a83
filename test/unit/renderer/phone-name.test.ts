import { describe, expect, it } from 'vitest';
import { phoneDisplayName, vendorDisplayName } from '../../../shared/domain/phone-name';

describe('one phone display name', () => {
  it('is the marketing name when the phone has one', () => {
    expect(
      phoneDisplayName({
        vendor: 'Xiaomi',
        brand: 'Redmi',
        model: '23043RP34G',
        marketingName: 'Redmi Note 12',
      }),
    ).toBe('Redmi Note 12');
  });

  it('is brand + model otherwise, in the vendor casing and without repeating the brand', () => {
    expect(phoneDisplayName({ vendor: 'Xiaomi', model: '23043RP34G' })).toBe('Xiaomi 23043RP34G');
    expect(phoneDisplayName({ vendor: 'meizu', model: 'MEIZU 21', marketingName: null })).toBe('MEIZU 21');
    expect(phoneDisplayName({ vendor: 'samsung', model: 'SM-S918B' })).toBe('Samsung SM-S918B');
    expect(phoneDisplayName({ vendor: 'HUAWEI', brand: 'HONOR', model: 'PGT-AN10' })).toBe('HONOR PGT-AN10');
    expect(phoneDisplayName({ vendor: 'Google', model: 'Pixel 8', marketingName: '  ' })).toBe(
      'Google Pixel 8',
    );
  });

  it('is null when nothing is known, so callers show the serial', () => {
    expect(phoneDisplayName({ vendor: '', model: '' })).toBeNull();
    expect(phoneDisplayName({})).toBeNull();
  });

  it('spells vendors as they do', () => {
    expect(
      ['meizu', 'samsung', 'xiaomi', 'oppo', 'VIVO', 'oneplus', 'acme', 'ACME'].map(vendorDisplayName),
    ).toEqual(['Meizu', 'Samsung', 'Xiaomi', 'OPPO', 'vivo', 'OnePlus', 'Acme', 'ACME']);
  });
});
