/**
 * The board side of "one vendor group everywhere": the tricky phones (test/support/tricky-phones.ts,
 * identities from real captures) get their group's badge and sit in their group on the board.
 * test/unit/vendors/tricky-phones.test.ts checks the same phones in devices --json, the matrix and the reports.
 */
import { describe, expect, it } from 'vitest';
import { groupByVendor } from '../../../renderer/src/devices/device-sort';
import { vendorColours, vendorOf } from '../../../renderer/src/devices/vendor';
import { VENDOR_TABLE } from '../../../shared/vendors/vendor-table';
import { phone } from '../../support/sample-devices';
import { TRICKY_PHONES } from '../../support/tricky-phones';

const views = TRICKY_PHONES.map((p) => phone(p.serial, p.identity));

describe('the board puts the tricky phones in their vendor group', () => {
  it('gives each phone its group badge, with the colours of the vendor table', () => {
    for (const [i, p] of TRICKY_PHONES.entries()) {
      const vendor = vendorOf(views[i]?.identity ?? null);
      expect(vendor, p.serial).toBe(p.group);
      expect(vendorColours(vendor)['--vendor-bg'], p.serial).toBe(VENDOR_TABLE[p.group].badge.background);
    }
  });

  it('groups the board by the same groups, in the table order', () => {
    expect(groupByVendor(views).map((g) => [g.vendor, g.devices.map((d) => d.serial).sort()])).toEqual([
      ['xiaomi', ['REDMI']],
      ['honor', ['HONOR-PRE']],
      ['oppo', ['ONEPLUS-GL', 'REALME']],
      ['vivo', ['IQOO']],
    ]);
  });
});
