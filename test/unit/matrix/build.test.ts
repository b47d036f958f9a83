import { describe, expect, it } from 'vitest';
import { buildMatrix, rollupOf } from '../../../shared/matrix/build';
import { matrixColumns } from '../../../shared/matrix/columns';
import type { MatrixCell } from '../../../shared/matrix/types';
import { vendorGroupOf } from '../../../shared/matrix/vendor-group';
import { att, HUAWEI, input, PIXEL, SAMSUNG, VIVO, XIAOMI } from './fixtures';

const BG = 'background-c2c-text';
const IMG = 'background-image';

const cellOf = (cells: readonly MatrixCell[], serial: string, scenarioId: string): MatrixCell => {
  const cell = cells.find((c) => c.serial === serial && c.scenarioId === scenarioId);
  if (!cell) throw new Error(`no cell ${serial} ${scenarioId}`);
  return cell;
};

describe('vendor groups', () => {
  it('groups by maker first, then by vendor channel, FCM and unknown as other Android, APNs as iOS', () => {
    expect(vendorGroupOf({ vendor: 'Xiaomi', brand: 'Redmi', channel: 'fcm' })).toBe('xiaomi');
    expect(vendorGroupOf({ vendor: 'Unknown', brand: 'POCO', channel: null })).toBe('xiaomi');
    expect(vendorGroupOf({ vendor: 'OnePlus', channel: 'oppo' })).toBe('oppo');
    expect(vendorGroupOf({ vendor: 'realme', channel: 'fcm' })).toBe('oppo');
    expect(vendorGroupOf({ vendor: 'vivo', brand: 'iQOO', channel: 'vivo' })).toBe('vivo');
    expect(vendorGroupOf({ vendor: 'HONOR', channel: 'honor' })).toBe('honor');
    expect(vendorGroupOf({ vendor: 'HUAWEI', channel: 'huawei' })).toBe('huawei');
    expect(vendorGroupOf({ vendor: 'Meizu', channel: 'meizu' })).toBe('meizu');
    expect(vendorGroupOf({ vendor: 'samsung', channel: 'fcm' })).toBe('samsung');
    expect(vendorGroupOf({ vendor: 'Google', channel: 'fcm' })).toBe('google');
    expect(vendorGroupOf({ vendor: 'unknown', model: 'Pixel 9 Pro', channel: 'fcm' })).toBe('google');
    expect(vendorGroupOf({ vendor: 'Nothing', channel: 'fcm' })).toBe('other-android');
    expect(vendorGroupOf({ vendor: 'Foo', channel: 'huawei' })).toBe('huawei');
    expect(vendorGroupOf({ vendor: '', channel: null })).toBe('other-android');
    expect(vendorGroupOf({ vendor: 'Apple', channel: 'apns' })).toBe('ios');
    expect(vendorGroupOf({ vendor: 'Xiaomi', channel: 'apns' })).toBe('ios');
    // Whole words only: "Meizuish" is nobody we know.
    expect(vendorGroupOf({ vendor: 'Meizuish', channel: 'fcm' })).toBe('other-android');
  });

  it('orders rows by group, then model, then serial', () => {
    const phones = [
      PIXEL,
      SAMSUNG,
      VIVO,
      XIAOMI,
      HUAWEI,
      { ...XIAOMI, serial: 'mi-0', model: '24031PN0DC' },
      { ...XIAOMI, serial: 'mi-9', model: '2201123C' },
    ];
    const m = buildMatrix(
      input({ phones, attempts: phones.map((p) => att(p.serial, BG, { verdict: 'pass' })) }),
    );
    expect(m.phones.map((p) => `${p.group}:${p.serial}`)).toEqual([
      'xiaomi:mi-9',
      'xiaomi:mi-0',
      'xiaomi:mi-1',
      'huawei:hw-1',
      'vivo:vv-1',
      'samsung:sm-1',
      'google:px-1',
    ]);
    expect(m.phones[2]).toEqual({
      serial: 'mi-1',
      group: 'xiaomi',
      vendor: 'Xiaomi',
      model: '24031PN0DC',
      marketingName: 'Redmi K70',
      rom: { name: 'HyperOS', version: '2.0.1' },
      androidVersion: '14',
      channel: 'xiaomi',
    });
    expect(m.phones.find((p) => p.serial === 'px-1')).toMatchObject({
      marketingName: null,
      rom: null,
      androidVersion: null,
    });
  });
});

describe('columns', () => {
  it('orders by app state, then message kind, then catalog order', () => {
    const ids = [
      'doze-text',
      'background-custom-desc',
      'screen-locked-group-text',
      IMG,
      'foreground-text',
      'low-class-message',
      BG,
    ];
    expect(matrixColumns(ids).map((c) => c.scenarioId)).toEqual([
      'foreground-text',
      BG,
      'low-class-message',
      IMG,
      'background-custom-desc',
      'screen-locked-group-text',
      'doze-text',
    ]);
    expect(matrixColumns(ids).every((c) => c.known)).toBe(true);
    expect(matrixColumns([BG])[0]).toMatchObject({
      state: 'background',
      message: 'text',
      title: { en: 'Background, one-to-one text' },
    });
  });

  it('keeps ids the catalog does not know: variants after their scenario, others by their state prefix', () => {
    const cols = matrixColumns([`${BG}~10`, 'doze-legacy', `${BG}~2`, 'legacy thing', BG, 'doze-text']);
    expect(cols.map((c) => c.scenarioId)).toEqual([
      BG,
      `${BG}~2`,
      `${BG}~10`,
      'legacy thing',
      'doze-text',
      'doze-legacy',
    ]);
    expect(cols.map((c) => c.known)).toEqual([true, false, false, false, true, false]);
    expect(cols[1]).toMatchObject({
      state: 'background',
      message: 'text',
      title: { en: `Background, one-to-one text (${BG}~2)` },
    });
    expect(cols[3]).toMatchObject({
      state: 'background',
      message: 'text',
      title: { en: 'legacy thing', zhCN: 'legacy thing' },
    });
    expect(cols[5]).toMatchObject({ state: 'doze', title: { en: 'doze-legacy' } });
  });
});

describe('cells', () => {
  it('takes the worst verdict over the repeats and counts each', () => {
    const m = buildMatrix(
      input({
        phones: [XIAOMI],
        attempts: [
          att('mi-1', 's1', { verdict: 'pass', repeat: 1 }),
          att('mi-1', 's1', { verdict: 'inconclusive', repeat: 2 }),
          att('mi-1', 's1', { verdict: 'fail', repeat: 3, values: { within: '60 s' } }),
          att('mi-1', 's1', { verdict: 'fail', repeat: 4, values: { within: 'second' } }),
          att('mi-1', 's2', { verdict: 'pass', repeat: 1 }),
          att('mi-1', 's2', { verdict: null, repeat: 2 }),
          att('mi-1', 's3', { verdict: 'pass' }),
          att('mi-1', 's3', { verdict: 'not-run', repeat: 2 }),
          att('mi-1', 's4', { verdict: 'device-lost' }),
          att('mi-1', 's4', { verdict: 'blocked', repeat: 2 }),
          att('mi-1', 's5', { verdict: 'not-run' }),
          att('mi-1', 's6', { verdict: 'device-lost' }),
          att('mi-1', 's6', { verdict: 'inconclusive', repeat: 2 }),
        ],
      }),
    );
    const status = (id: string): string => cellOf(m.cells, 'mi-1', id).status;
    expect(['s1', 's2', 's3', 's4', 's5', 's6'].map(status)).toEqual([
      'fail',
      'pending',
      'pass',
      'blocked',
      'not-run',
      'device-lost',
    ]);
    const s1 = cellOf(m.cells, 'mi-1', 's1');
    expect(s1.counts).toEqual({
      fail: 2,
      blocked: 0,
      'device-lost': 0,
      inconclusive: 1,
      pending: 0,
      pass: 1,
      'not-run': 0,
    });
    expect(s1.attempts).toBe(4);
    // The reason is the first repeat that has the worst verdict.
    expect(s1.reason).toEqual({ key: 'fail.not-shown-in-time', values: { within: '60 s' } });
    expect(cellOf(m.cells, 'mi-1', 's2').reason).toBeNull();
    expect(cellOf(m.cells, 'mi-1', 's2').counts.pending).toBe(1);
  });

  it('computes the delivery rate without not-run or undetermined attempts, and p50/p95 by nearest rank', () => {
    const m = buildMatrix(
      input({
        phones: [XIAOMI],
        attempts: [
          att('mi-1', BG, { verdict: 'pass', repeat: 1, latencyMs: 1200 }),
          att('mi-1', BG, { verdict: 'pass', repeat: 2, latencyMs: 900 }),
          att('mi-1', BG, { verdict: 'fail', repeat: 3 }),
          att('mi-1', BG, { verdict: 'inconclusive', repeat: 4, delivered: null }),
          att('mi-1', BG, { verdict: 'not-run', repeat: 5, delivered: false }),
          att('mi-1', IMG, { verdict: 'pass', latencyMs: 700 }),
          att('mi-1', 'x', { verdict: 'blocked' }),
        ],
      }),
    );
    const bg = cellOf(m.cells, 'mi-1', BG);
    expect([bg.delivered, bg.notDelivered, bg.deliveryRate]).toEqual([2, 1, 2 / 3]);
    expect([bg.latencyP50Ms, bg.latencyP95Ms]).toEqual([900, 1200]);
    const img = cellOf(m.cells, 'mi-1', IMG);
    expect([img.deliveryRate, img.latencyP50Ms, img.latencyP95Ms]).toEqual([1, 700, null]);
    expect(cellOf(m.cells, 'mi-1', 'x')).toMatchObject({
      deliveryRate: null,
      latencyP50Ms: null,
      latencyP95Ms: null,
    });
    expect(bg.attemptIds).toHaveLength(5);
  });

  it('lists cells in row then column order and leaves out phone x scenario pairs the run did not have', () => {
    const m = buildMatrix(
      input({
        phones: [PIXEL, XIAOMI],
        attempts: [
          att('px-1', IMG, { verdict: 'pass' }),
          att('mi-1', IMG, { verdict: 'pass' }),
          att('mi-1', BG, { verdict: 'fail' }),
          att('ghost', BG, { verdict: 'fail' }),
        ],
      }),
    );
    expect(m.cells.map((c) => `${c.serial}/${c.scenarioId}`)).toEqual([
      `mi-1/${BG}`,
      `mi-1/${IMG}`,
      `px-1/${IMG}`,
    ]);
    expect(m.columns.map((c) => c.scenarioId)).toEqual([BG, IMG]);
  });
});

describe('roll-ups and waivers', () => {
  const phones = [XIAOMI, HUAWEI, PIXEL];
  const attempts = [
    att('mi-1', BG, { verdict: 'pass' }),
    att('mi-1', IMG, { verdict: 'fail' }),
    att('hw-1', BG, { verdict: 'pass' }),
    att('hw-1', IMG, { verdict: 'inconclusive', delivered: null }),
    att('px-1', BG, { verdict: 'not-run' }),
    att('px-1', IMG, { verdict: null }),
  ];

  it('rolls up per group, per column and in total; pending and not-run cells are not judged', () => {
    const m = buildMatrix(input({ phones, attempts }));
    expect(Object.keys(m.byGroup)).toEqual(['xiaomi', 'huawei', 'google']);
    expect(m.byGroup.xiaomi).toMatchObject({ cells: 2, passRate: 0.5, deliveryRate: 0.5, waived: 0 });
    expect(m.byGroup.huawei).toMatchObject({ cells: 2, passRate: 0.5, deliveryRate: 1 });
    expect(m.byGroup.google).toMatchObject({ cells: 2, passRate: null, deliveryRate: null });
    expect(m.byColumn[BG]).toMatchObject({ cells: 3, passRate: 1, deliveryRate: 1 });
    expect(m.byColumn[IMG]).toMatchObject({ cells: 3, passRate: 0, deliveryRate: 0 });
    expect(m.total).toMatchObject({ cells: 6, passRate: 0.5, deliveryRate: 2 / 3 });
    expect(m.total.counts).toEqual({
      fail: 1,
      blocked: 0,
      'device-lost': 0,
      inconclusive: 1,
      pending: 1,
      pass: 2,
      'not-run': 1,
    });
    expect(rollupOf([])).toMatchObject({ cells: 0, passRate: null, deliveryRate: null });
  });

  it('a waived fail stays a fail and counts as waived, never as a pass; a waiver on a pass is ignored', () => {
    const waiver = {
      serial: 'mi-1',
      scenarioId: IMG,
      reason: 'Known MIUI issue, fixed in 2.1',
      by: 'Lead',
      at: '2026-03-02T08:00:00.000Z',
    };
    const onPass = { ...waiver, scenarioId: BG };
    const m = buildMatrix(input({ phones, attempts, waivers: [waiver, onPass] }));
    const cell = cellOf(m.cells, 'mi-1', IMG);
    expect(cell.status).toBe('fail');
    expect(cell.waiver).toEqual(waiver);
    expect(cellOf(m.cells, 'mi-1', BG).waiver).toBeNull();
    expect(m.byGroup.xiaomi).toMatchObject({ passRate: 0.5, waived: 1 });
    expect(m.total).toMatchObject({ passRate: 0.5, waived: 1 });
    expect(m.total.counts.fail).toBe(1);
    // A stored sign-off's waivers win over loose ones.
    const signed = buildMatrix(
      input({
        phones,
        attempts,
        waivers: [],
        signOff: { runId: 'run-1', by: 'Lead', at: waiver.at, note: '', waivers: [waiver] },
      }),
    );
    expect(cellOf(signed.cells, 'mi-1', IMG).waiver).toEqual(waiver);
    expect(signed.signOff?.by).toBe('Lead');
  });
});

describe('hostile device text', () => {
  it('passes vendor, model, ROM and reason texts through untouched', () => {
    const evil = {
      vendor: '<script>alert(1)</script>',
      model: '\u202Egnp.exe" onerror="alert(1)',
      marketing: '😀'.repeat(50) + 'x'.repeat(10_000),
      rom: '<img src=x onerror=alert(2)>',
    };
    const phone = {
      serial: 'evil-1',
      vendor: evil.vendor,
      model: evil.model,
      channel: null,
      details: {
        brand: '"><svg/onload=1>',
        marketingName: evil.marketing,
        rom: { name: evil.rom, version: '&amp;' },
        androidVersion: '\u0000',
      },
    };
    const hostileValues = JSON.parse(
      '{"actual":"<b>bold</b>\\u202e","expected":"{{constructor}}","__proto__":"polluted"}',
    ) as Record<string, string>;
    const m = buildMatrix(
      input({
        phones: [phone],
        attempts: [att('evil-1', BG, { verdict: 'fail', key: 'fail.wrong-text', values: hostileValues })],
      }),
    );
    expect(m.phones[0]).toMatchObject({
      group: 'other-android',
      vendor: evil.vendor,
      model: evil.model,
      marketingName: evil.marketing,
      rom: { name: evil.rom, version: '&amp;' },
      androidVersion: '\u0000',
    });
    expect(m.cells[0]?.reason?.values).toEqual(hostileValues);
    expect(Object.prototype.hasOwnProperty.call(m.cells[0]?.reason?.values, '__proto__')).toBe(true);
  });

  it('keeps a hostile scenario id as an ordinary column and roll-up key', () => {
    const m = buildMatrix(
      input({
        phones: [XIAOMI],
        attempts: [
          att('mi-1', '__proto__', { verdict: 'pass' }),
          att('mi-1', '<i>x</i>', { verdict: 'fail' }),
        ],
      }),
    );
    expect(m.columns.map((c) => [c.scenarioId, c.known])).toEqual([
      ['<i>x</i>', false],
      ['__proto__', false],
    ]);
    expect(Object.prototype.hasOwnProperty.call(m.byColumn, '__proto__')).toBe(true);
    expect(m.byColumn['__proto__']?.passRate).toBe(1);
    expect(Object.getPrototypeOf(m.byColumn)).toBe(Object.prototype);
  });
});
