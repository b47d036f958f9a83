import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../../shared/matrix/build';
import { matrixColumns } from '../../../shared/matrix/columns';
import { quotaTail, throttleHint, type HintInput } from '../../../shared/matrix/hints';
import type { MatrixCell, ThrottleHint } from '../../../shared/matrix/types';
import { REFERENCE_APP, scenarioById } from '../../../shared/scenarios/catalog';
import { ruleById } from '../../../shared/scenarios/sources';
import type { TargetChannel } from '../../../shared/scenarios/types';
import { att, HUAWEI, input, PIXEL, VIVO, XIAOMI } from './fixtures';

function hintFor(
  scenarioId: string,
  channel: TargetChannel,
  over: Partial<HintInput> = {},
): ThrottleHint | null {
  const column = matrixColumns([scenarioId])[0];
  if (!column) throw new Error('no column');
  return throttleHint({
    status: 'inconclusive',
    reasonKey: 'inconclusive.missing-may-be-dropped',
    column,
    scenario: scenarioById(scenarioId),
    channel,
    profile: REFERENCE_APP,
    inQuotaTail: false,
    dnd: null,
    ...over,
  });
}

function expectSourced(hint: ThrottleHint | null): void {
  expect(hint).not.toBeNull();
  for (const id of hint?.rules ?? []) expect(ruleById(id), id).toBeDefined();
  expect(hint?.text.en.length).toBeGreaterThan(20);
  expect(hint?.text.zhCN.length).toBeGreaterThan(10);
}

describe('throttling hints', () => {
  it('flags a missing low-class message: daily quota on a quota channel, message class elsewhere', () => {
    const mi = hintFor('low-class-message', 'xiaomi', {
      status: 'fail',
      reasonKey: 'fail.not-shown-in-time',
    });
    expect(mi).toMatchObject({
      kind: 'daily-quota',
      rules: ['seed.vendor-classification', 'seed.daily-quota'],
    });
    expectSourced(mi);
    expect(hintFor('low-class-message', 'vivo')).toMatchObject({ kind: 'daily-quota' });
    expect(hintFor('low-class-message', 'huawei')).toMatchObject({
      kind: 'message-class',
      rules: ['seed.vendor-classification'],
    });
    expect(hintFor('low-class-message', 'honor', { status: 'fail', reasonKey: 'fail.late' })).toMatchObject({
      kind: 'message-class',
    });
    // OPPO: the marketing category (OPPOCategory MARKETING) is OPPO's capped class, whatever the channel.
    expect(hintFor('low-class-message', 'oppo')).toMatchObject({ kind: 'daily-quota' });
  });

  it('says nothing about a high-class message, a product-shaped failure, a pass or a block', () => {
    expect(
      hintFor('background-c2c-text', 'xiaomi', { status: 'fail', reasonKey: 'fail.not-shown-in-time' }),
    ).toBeNull();
    expect(
      hintFor('low-class-message', 'xiaomi', { status: 'fail', reasonKey: 'fail.wrong-text' }),
    ).toBeNull();
    expect(hintFor('low-class-message', 'xiaomi', { status: 'pass', reasonKey: 'pass.shown' })).toBeNull();
    expect(
      hintFor('low-class-message', 'xiaomi', { status: 'blocked', reasonKey: 'blocked.setup-failed' }),
    ).toBeNull();
    expect(hintFor('low-class-message', 'fcm')).toBeNull();
    expect(
      hintFor('background-c2c-text', 'xiaomi', {
        status: 'fail',
        reasonKey: 'fail.not-shown-in-time',
        column: { ...matrixColumns(['x~1'])[0]!, known: false },
        scenario: undefined,
      }),
    ).toBeNull();
  });

  it('flags Doze deliveries that did not come, and Do Not Disturb', () => {
    const doze = hintFor('doze-text', 'fcm', { reasonKey: 'inconclusive.before-idle' });
    expect(doze).toMatchObject({ kind: 'doze', rules: ['android.doze-fcm-priority'] });
    expectSourced(doze);
    expect(hintFor('doze-text', 'fcm', { reasonKey: 'inconclusive.capture-error' })).toBeNull();

    const quiet = hintFor('background-c2c-text', 'fcm', {
      status: 'fail',
      reasonKey: 'fail.not-shown-in-time',
      dnd: true,
    });
    expect(quiet).toMatchObject({ kind: 'quiet-hours', rules: ['seed.notification-settings'] });
    expectSourced(quiet);
    expect(
      hintFor('background-c2c-text', 'fcm', { status: 'fail', reasonKey: 'fail.wrong-sound', dnd: true }),
    ).toMatchObject({ kind: 'quiet-hours' });
    expect(
      hintFor('background-c2c-text', 'fcm', { status: 'fail', reasonKey: 'fail.wrong-text', dnd: true }),
    ).toBeNull();
    expect(
      hintFor('background-c2c-text', 'fcm', {
        status: 'fail',
        reasonKey: 'fail.not-shown-in-time',
        dnd: false,
      }),
    ).toBeNull();
  });

  it('flags a missing push in the quota tail on a quota channel only', () => {
    const inTail = { status: 'fail', reasonKey: 'fail.not-shown-in-time', inQuotaTail: true } as const;
    const tail = hintFor('background-c2c-text', 'meizu', inTail);
    expect(tail).toMatchObject({ kind: 'daily-quota', rules: ['seed.daily-quota'] });
    expect(tail?.text.en).toMatch(/Meizu/);
    expectSourced(tail);
    expect(hintFor('background-c2c-text', 'fcm', inTail)).toBeNull();
    expect(hintFor('background-c2c-text', 'huawei', inTail)).toBeNull();
  });
});

describe('quota tail', () => {
  const a = (
    id: number,
    verdict: 'pass' | 'fail' | 'inconclusive' | 'not-run' | null,
    delivered: boolean | null,
    key: string | null = null,
  ) => {
    const k =
      key ??
      (verdict === 'fail'
        ? 'fail.not-shown-in-time'
        : verdict === 'pass'
          ? delivered
            ? 'pass.shown'
            : 'pass.not-shown'
          : null);
    return { id, ordinal: id, verdict, delivered, reason: k === null ? null : { key: k as never } };
  };

  it('is the missing pushes after the last one that showed, from three on', () => {
    expect([
      ...quotaTail([
        a(1, 'pass', true),
        a(2, 'pass', true),
        a(3, 'fail', false),
        a(4, 'fail', false),
        a(5, 'fail', false),
      ]),
    ]).toEqual([3, 4, 5]);
    // Order comes from the ordinal, not the array.
    expect([
      ...quotaTail([a(5, 'fail', false), a(3, 'fail', false), a(1, 'pass', true), a(4, 'fail', false)]),
    ]).toEqual([3, 4, 5]);
    // Neutral attempts (a pass that must not show, not run, pending) neither count nor break it.
    expect([
      ...quotaTail([
        a(1, 'pass', true),
        a(2, 'fail', false),
        a(3, 'pass', false),
        a(4, 'not-run', null),
        a(5, null, null),
        a(6, 'fail', false),
        a(7, 'inconclusive', false, 'inconclusive.missing-may-be-dropped'),
      ]),
    ]).toEqual([2, 6, 7]);
  });

  it('is empty for two misses, for a phone where nothing showed, and when a push shows again', () => {
    expect(quotaTail([a(1, 'pass', true), a(2, 'fail', false), a(3, 'fail', false)]).size).toBe(0);
    expect(
      quotaTail([a(1, 'fail', false), a(2, 'fail', false), a(3, 'fail', false), a(4, 'fail', false)]).size,
    ).toBe(0);
    expect(
      quotaTail([
        a(1, 'pass', true),
        a(2, 'fail', false),
        a(3, 'fail', false),
        a(4, 'fail', false),
        a(5, 'pass', true),
      ]).size,
    ).toBe(0);
    expect(
      quotaTail([
        a(1, 'pass', true),
        a(2, 'fail', false, 'fail.wrong-text'),
        a(3, 'fail', false, 'fail.wrong-text'),
        a(4, 'fail', false, 'fail.wrong-text'),
      ]).size,
    ).toBe(0);
  });
});

describe('hints in the matrix', () => {
  const cell = (cells: readonly MatrixCell[], serial: string, id: string): MatrixCell =>
    cells.find((c) => c.serial === serial && c.scenarioId === id) as MatrixCell;

  it('flags cells but never turns them into a pass; roll-ups count them as hinted', () => {
    const m = buildMatrix(
      input({
        phones: [XIAOMI, HUAWEI, VIVO, PIXEL],
        profile: REFERENCE_APP,
        dnd: { 'px-1': true },
        attempts: [
          att('mi-1', 'low-class-message', {
            verdict: 'inconclusive',
            key: 'inconclusive.missing-may-be-dropped',
            delivered: false,
          }),
          att('hw-1', 'low-class-message', { verdict: 'pass' }),
          att('px-1', 'background-c2c-text', { verdict: 'fail' }),
          // vivo: three shown, then four missing to the end of its run.
          ...['background-c2c-text', 'background-image', 'background-audio'].map((id, i) =>
            att('vv-1', id, { verdict: 'pass', ordinal: i }),
          ),
          ...['background-file', 'screen-locked-group-text', 'swiped-away-text', 'after-reboot-text'].map(
            (id, i) => att('vv-1', id, { verdict: 'fail', ordinal: 3 + i }),
          ),
        ],
      }),
    );
    expect(cell(m.cells, 'mi-1', 'low-class-message')).toMatchObject({
      status: 'inconclusive',
      hint: { kind: 'daily-quota' },
    });
    expect(cell(m.cells, 'hw-1', 'low-class-message')).toMatchObject({ status: 'pass', hint: null });
    expect(cell(m.cells, 'px-1', 'background-c2c-text')).toMatchObject({
      status: 'fail',
      hint: { kind: 'quiet-hours' },
    });
    for (const id of [
      'background-file',
      'screen-locked-group-text',
      'swiped-away-text',
      'after-reboot-text',
    ]) {
      expect(cell(m.cells, 'vv-1', id), id).toMatchObject({
        status: 'fail',
        hint: { kind: 'daily-quota', rules: ['seed.daily-quota'] },
      });
    }
    expect(cell(m.cells, 'vv-1', 'background-image').hint).toBeNull();
    expect(m.total).toMatchObject({ hinted: 6, passRate: 4 / 10 });
    expect(m.total.counts.fail).toBe(5);
  });
});
