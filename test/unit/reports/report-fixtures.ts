/**
 * RunMatrix values for the report tests, built by hand (the matrix builder is tested on its own):
 * phones of several vendor groups, columns over app states, cells of every status, and hostile
 * phone strings where a report could be tricked.
 */
import type { RunSummary } from '../../../shared/domain/run';
import { rollupOf } from '../../../shared/matrix/build';
import type {
  CellStatus,
  MatrixCell,
  MatrixColumn,
  MatrixPhone,
  Rollup,
  RunMatrix,
  SignOff,
} from '../../../shared/matrix/types';
import type { ReasonKey } from '../../../shared/runs/types';
import type { AppState, MessageKind } from '../../../shared/scenarios/types';

export const LONG = 'W'.repeat(10_000);
export const RTL = 'abc\u202Egnp.exe\u202C and \u2066isolated\u2069';
export const HOSTILE = {
  script: '<script>alert("x")</script>',
  img: '"><img src=x onerror=alert(1)>',
  handler: "' onmouseover='alert(2)' x='",
  js: 'javascript:alert(3)',
  style: '<style>body{display:none}</style>',
  comment: '<!-- x --> ]]> &amp; &lt;',
  emoji: '推送 🚀👍🏽 ok',
} as const;

const STATUSES: readonly CellStatus[] = [
  'pass',
  'fail',
  'blocked',
  'device-lost',
  'inconclusive',
  'not-run',
  'pending',
];

export function counts(partial: Partial<Record<CellStatus, number>> = {}): Record<CellStatus, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, partial[s] ?? 0])) as Record<CellStatus, number>;
}

export function phone(
  serial: string,
  group: MatrixPhone['group'],
  extra: Partial<MatrixPhone> = {},
): MatrixPhone {
  return {
    serial,
    group,
    vendor: group,
    model: `${group}-model`,
    marketingName: null,
    rom: { name: 'ROM', version: '1.0' },
    androidVersion: '14',
    channel: null,
    ...extra,
  };
}

export function column(
  scenarioId: string,
  state: AppState,
  message: MessageKind,
  title = scenarioId,
): MatrixColumn {
  return {
    scenarioId,
    state,
    message,
    title: { en: `${title} (en)`, zhCN: `${title}（中文）` },
    known: true,
  };
}

const REASONS: Readonly<Record<CellStatus, ReasonKey | null>> = {
  pass: 'pass.shown',
  fail: 'fail.wrong-text',
  blocked: 'blocked.setup-failed',
  'device-lost': 'device-lost.lost',
  inconclusive: 'inconclusive.capture-error',
  'not-run': 'not-run.not-applicable',
  pending: null,
};

export function cell(
  serial: string,
  scenarioId: string,
  status: CellStatus,
  extra: Partial<MatrixCell> = {},
): MatrixCell {
  const key = REASONS[status];
  return {
    serial,
    scenarioId,
    status,
    counts: counts({ [status]: 3 }),
    attempts: 3,
    delivered: status === 'pass' ? 3 : 0,
    notDelivered: status === 'fail' ? 3 : 0,
    silentAsRequired: 0,
    deliveryRate: status === 'pass' ? 1 : status === 'fail' ? 0 : null,
    latencyP50Ms: status === 'pass' ? 850 : null,
    latencyP95Ms: status === 'pass' ? 2400 : null,
    reason:
      key === null
        ? null
        : {
            key,
            values: {
              latency: '850 ms',
              field: 'title',
              match: 'exact',
              expected: 'Hello',
              actual: 'Bye',
              message: 'adb failed',
              why: 'n/a',
            },
          },
    attemptIds: [1, 2, 3],
    hint: null,
    waiver: null,
    ...extra,
  };
}

export function matrixOf(
  runId: string,
  planName: string,
  phones: MatrixPhone[],
  columns: MatrixColumn[],
  cells: MatrixCell[],
  signOff: SignOff | null = null,
): RunMatrix {
  const groups: Partial<Record<MatrixPhone['group'], Rollup>> = {};
  for (const g of new Set(phones.map((p) => p.group))) {
    const serials = new Set(phones.filter((p) => p.group === g).map((p) => p.serial));
    groups[g] = rollupOf(cells.filter((c) => serials.has(c.serial)));
  }
  const byColumn = Object.fromEntries(
    columns.map((c) => [c.scenarioId, rollupOf(cells.filter((x) => x.scenarioId === c.scenarioId))]),
  );
  return {
    runId,
    planName,
    package: 'com.example.chat',
    status: 'completed',
    createdAt: '2026-03-04T05:06:07.000Z',
    finishedAt: '2026-03-04T05:36:07.000Z',
    signOff,
    phones,
    columns,
    cells,
    byGroup: groups,
    byColumn,
    total: rollupOf(cells),
  };
}

export function summaryOf(matrix: RunMatrix, extra: Partial<RunSummary> = {}): RunSummary {
  const totals = {
    pass: 0,
    fail: 0,
    blocked: 0,
    'device-lost': 0,
    inconclusive: 0,
    'not-run': 0,
    pending: 0,
    running: 0,
  };
  for (const c of matrix.cells) for (const s of STATUSES) totals[s] += c.counts[s];
  return {
    id: matrix.runId,
    planName: matrix.planName,
    status: 'completed',
    createdAt: '2026-03-04T05:06:07.000Z',
    updatedAt: '2026-03-04T05:36:07.000Z',
    finishedAt: '2026-03-04T05:36:07.000Z',
    phones: matrix.phones.length,
    scenarios: matrix.columns.length,
    repeats: 3,
    attempts: matrix.cells.reduce((n, c) => n + c.attempts, 0),
    totals,
    error: null,
    ...extra,
  };
}

/** A matrix where every phone and plan string a report shows is hostile. */
export function hostileMatrix(): { matrix: RunMatrix; signOff: SignOff } {
  const phones = [
    phone('mi-1', 'xiaomi', {
      vendor: HOSTILE.script,
      model: HOSTILE.img,
      marketingName: RTL,
      rom: { name: HOSTILE.handler, version: HOSTILE.emoji },
      androidVersion: HOSTILE.js,
    }),
    phone(`serial-${HOSTILE.comment}`, 'google', { model: LONG }),
  ];
  const columns = [
    column('background-c2c-text', 'background', 'text', HOSTILE.style),
    column('doze-image', 'doze', 'image', HOSTILE.img),
  ];
  const waiver = {
    serial: 'mi-1',
    scenarioId: 'doze-image',
    reason: HOSTILE.script,
    by: RTL,
    at: '2026-03-04T06:00:00.000Z',
  };
  const cells = [
    cell('mi-1', 'background-c2c-text', 'fail', {
      reason: {
        key: 'fail.wrong-text',
        values: { field: 'title', match: 'exact', expected: HOSTILE.script, actual: HOSTILE.img },
      },
    }),
    cell('mi-1', 'doze-image', 'inconclusive', {
      hint: { kind: 'doze', rules: [HOSTILE.js], text: { en: HOSTILE.handler, zhCN: HOSTILE.handler } },
      waiver,
    }),
    cell(`serial-${HOSTILE.comment}`, 'background-c2c-text', 'pass'),
  ];
  const signOff: SignOff = {
    runId: 'run-1',
    by: HOSTILE.img,
    at: '2026-03-04T06:00:00.000Z',
    note: `${LONG} ${HOSTILE.emoji}`,
    waivers: [waiver],
  };
  return { matrix: matrixOf('run-1', `${HOSTILE.script}${RTL}`, phones, columns, cells, signOff), signOff };
}
