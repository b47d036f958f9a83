import { describe, expect, it } from 'vitest';
import {
  changeCounts,
  compareCandidates,
  defaultCompareTarget,
  driftChangeLines,
  driftFor,
  sortChanges,
} from '../../../renderer/src/matrix/compare-marks';
import { reportFileName } from '../../../renderer/src/matrix/export-file';
import {
  columnSpans,
  filterOptions,
  layoutMatrix,
  NO_FILTERS,
  pickFilter,
} from '../../../renderer/src/matrix/matrix-layout';
import { clampFocus, keyAction, type GridShape } from '../../../renderer/src/matrix/matrix-keyboard';
import {
  cellKey,
  formatLatency,
  formatRate,
  phoneTitle,
  romLabel,
} from '../../../renderer/src/matrix/matrix-labels';
import { rerunPlan } from '../../../renderer/src/matrix/rerun-plan';
import {
  cellsToWaive,
  emptyDraft,
  fillMissingReasons,
  missingReasons,
  signOffProblems,
  signOffRequest,
} from '../../../renderer/src/matrix/sign-off-form';
import type { CellChange, RunComparison } from '../../../shared/matrix/types';
import { parsePlan } from '../../../shared/runs/parse-plan';
import { summary } from './support/sample-runs';
import { att, BG, FG, IMG, LOCK, matrixOf, sampleMatrix } from './support/sample-matrix';

describe('matrix layout', () => {
  it('puts a band per vendor group above its phones, in VENDOR_GROUPS order, and every column', () => {
    const layout = layoutMatrix(sampleMatrix());
    expect(
      layout.rows.map((r) => (r.kind === 'group' ? `[${r.group} ${r.phones}]` : r.phone.serial)),
    ).toEqual(['[xiaomi 1]', 'mi-1', '[huawei 1]', 'hw-1', '[google 1]', 'px-1']);
    expect(layout.columns.map((c) => c.scenarioId)).toEqual([FG, BG, IMG, LOCK]);
    const huawei = layout.rows[2];
    expect(huawei?.kind === 'group' && huawei.rollup?.passRate).toBe(0.75);
    expect(layout.hiddenPhones).toBe(0);
    expect(layout.dimmed(layout.cells.get(cellKey('hw-1', BG)))).toBe(false);
  });

  it('filters by vendor, state and message kind', () => {
    const m = sampleMatrix();
    const huawei = layoutMatrix(m, { ...NO_FILTERS, group: 'huawei' });
    expect(huawei.rows.map((r) => r.kind)).toEqual(['group', 'phone']);
    expect(huawei.hiddenPhones).toBe(2);
    const background = layoutMatrix(m, { ...NO_FILTERS, state: 'background' });
    expect(background.columns.map((c) => c.scenarioId)).toEqual([BG, IMG]);
    const text = layoutMatrix(m, { ...NO_FILTERS, state: 'background', message: 'text' });
    expect(text.columns.map((c) => c.scenarioId)).toEqual([BG]);
    expect(text.hiddenColumns).toBe(3);
  });

  it('keeps the rows and columns with a matching verdict and dims the other cells in them', () => {
    const m = sampleMatrix();
    const failed = layoutMatrix(m, { ...NO_FILTERS, verdict: 'fail' });
    expect(failed.rows.flatMap((r) => (r.kind === 'phone' ? [r.phone.serial] : []))).toEqual(['hw-1']);
    expect(failed.columns.map((c) => c.scenarioId)).toEqual([BG]);
    const open = layoutMatrix(m, { ...NO_FILTERS, verdict: 'open' });
    expect(open.rows.flatMap((r) => (r.kind === 'phone' ? [r.phone.serial] : []))).toEqual(['hw-1', 'px-1']);
    expect(open.columns.map((c) => c.scenarioId)).toEqual([BG, IMG]);
    // The Huawei's image passed: it stays in the kept row and column, dimmed.
    expect(open.dimmed(open.cells.get(cellKey('hw-1', IMG)))).toBe(true);
    expect(open.dimmed(open.cells.get(cellKey('px-1', IMG)))).toBe(false);
    expect(layoutMatrix(m, { ...NO_FILTERS, verdict: 'device-lost' }).rows).toEqual([]);
  });

  it('spans the header over consecutive columns: states, then kinds within a state', () => {
    const { states, messages } = columnSpans(sampleMatrix().columns);
    expect(states).toEqual([
      { value: 'foreground', start: 0, end: 1 },
      { value: 'background', start: 1, end: 3 },
      { value: 'screen-locked', start: 3, end: 4 },
    ]);
    // Two "text" runs in different states stay two spans.
    expect(messages).toEqual([
      { value: 'text', start: 0, end: 1 },
      { value: 'text', start: 1, end: 2 },
      { value: 'image', start: 2, end: 3 },
      { value: 'text', start: 3, end: 4 },
    ]);
  });

  it('offers only values present in the run, and refuses anything else from a select', () => {
    const options = filterOptions(sampleMatrix());
    expect(options.groups).toEqual(['xiaomi', 'huawei', 'google']);
    expect(options.states).toEqual(['foreground', 'background', 'screen-locked']);
    expect(options.messages).toEqual(['text', 'image']);
    expect(options.verdicts).toEqual(['pass', 'fail', 'blocked']);
    expect(pickFilter('huawei', options.groups, 'all')).toBe('huawei');
    expect(pickFilter('samsung', options.groups, 'all')).toBe('all');
    expect(pickFilter('<script>', options.groups, 'all')).toBe('all');
  });
});

describe('matrix keyboard model', () => {
  // Rows: band, phone, band, phone, phone; 3 columns.
  const shape: GridShape = { focusable: [false, true, false, true, true], columns: 3, page: 2 };

  it('starts on the first cell and keeps a position valid after the grid shrinks', () => {
    expect(clampFocus(null, shape)).toEqual({ row: 1, col: 0 });
    expect(clampFocus({ row: 2, col: 7 }, shape)).toEqual({ row: 3, col: 2 });
    expect(clampFocus({ row: 9, col: 0 }, shape)).toEqual({ row: 4, col: 0 });
    expect(clampFocus({ row: 1, col: 0 }, { ...shape, columns: 0 })).toBeNull();
    expect(clampFocus(null, { focusable: [false], columns: 3, page: 1 })).toBeNull();
  });

  it('moves with the arrows, skipping vendor bands and stopping at the edges', () => {
    const at = { row: 1, col: 1 };
    expect(keyAction(at, { key: 'ArrowDown' }, shape)).toEqual({ kind: 'move', focus: { row: 3, col: 1 } });
    expect(keyAction({ row: 3, col: 1 }, { key: 'ArrowUp' }, shape)).toEqual({
      kind: 'move',
      focus: { row: 1, col: 1 },
    });
    expect(keyAction(at, { key: 'ArrowUp' }, shape)).toEqual({ kind: 'move', focus: { row: 1, col: 1 } });
    expect(keyAction(at, { key: 'ArrowRight' }, shape)).toEqual({ kind: 'move', focus: { row: 1, col: 2 } });
    expect(keyAction({ row: 1, col: 2 }, { key: 'ArrowRight' }, shape)).toEqual({
      kind: 'move',
      focus: { row: 1, col: 2 },
    });
    expect(keyAction({ row: 1, col: 0 }, { key: 'ArrowLeft' }, shape)).toEqual({
      kind: 'move',
      focus: { row: 1, col: 0 },
    });
    expect(keyAction({ row: 4, col: 0 }, { key: 'ArrowDown' }, shape)).toEqual({
      kind: 'move',
      focus: { row: 4, col: 0 },
    });
  });

  it('jumps with Home/End (Ctrl: whole grid) and PageUp/PageDown, and opens with Enter or Space', () => {
    const at = { row: 3, col: 1 };
    expect(keyAction(at, { key: 'Home' }, shape)).toEqual({ kind: 'move', focus: { row: 3, col: 0 } });
    expect(keyAction(at, { key: 'End' }, shape)).toEqual({ kind: 'move', focus: { row: 3, col: 2 } });
    expect(keyAction(at, { key: 'Home', ctrlKey: true }, shape)).toEqual({
      kind: 'move',
      focus: { row: 1, col: 0 },
    });
    expect(keyAction(at, { key: 'End', metaKey: true }, shape)).toEqual({
      kind: 'move',
      focus: { row: 4, col: 2 },
    });
    expect(keyAction({ row: 1, col: 0 }, { key: 'PageDown' }, shape)).toEqual({
      kind: 'move',
      focus: { row: 4, col: 0 },
    });
    expect(keyAction({ row: 4, col: 0 }, { key: 'PageUp' }, shape)).toEqual({
      kind: 'move',
      focus: { row: 1, col: 0 },
    });
    expect(keyAction(at, { key: 'Enter' }, shape)).toEqual({ kind: 'open' });
    expect(keyAction(at, { key: ' ' }, shape)).toEqual({ kind: 'open' });
    expect(keyAction(at, { key: 'a' }, shape)).toEqual({ kind: 'none' });
    expect(keyAction(at, { key: 'Enter' }, { ...shape, columns: 0 })).toEqual({ kind: 'none' });
  });
});

describe('comparison marks', () => {
  const change = (
    kind: CellChange['kind'],
    serial: string,
    scenarioId: string,
    drift: CellChange['drift'] = [],
  ): CellChange => ({
    serial,
    scenarioId,
    kind,
    before: 'pass',
    after: 'fail',
    latencyBeforeMs: null,
    latencyAfterMs: null,
    drift,
  });

  it('lists regressions first and counts each kind', () => {
    const changes = [
      change('recovered', 'a', BG),
      change('faster', 'a', FG),
      change('regressed', 'b', BG),
      change('slower', 'a', IMG),
      change('regressed', 'a', BG),
    ];
    expect(sortChanges(changes).map((c) => `${c.kind}:${c.serial}`)).toEqual([
      'regressed:a',
      'regressed:b',
      'slower:a',
      'faster:a',
      'recovered:a',
    ]);
    expect(changeCounts(changes)).toEqual([
      { kind: 'regressed', count: 2 },
      { kind: 'slower', count: 1 },
      { kind: 'faster', count: 1 },
      { kind: 'recovered', count: 1 },
    ]);
  });

  it('compares with the latest earlier settled run of the same plan by default', () => {
    const at = (id: string, planName: string, day: number, status: 'completed' | 'running' = 'completed') =>
      summary({ id, planName, createdAt: `2026-01-0${day}T10:00:00.000Z` }, status);
    const runs = [
      at('e', 'nightly', 6),
      at('d', 'nightly', 5, 'running'),
      at('c', 'nightly', 4),
      at('x', 'other', 3),
      at('a', 'nightly', 1),
    ];
    const current = at('e', 'nightly', 6);
    expect(defaultCompareTarget(runs, current)).toBe('c');
    expect(compareCandidates(runs, current).map((r) => r.id)).toEqual(['c', 'a', 'x']);
    expect(defaultCompareTarget([current], current)).toBeNull();
  });

  it('shows the change’s own drift, else the phone’s, as doctor change lines', () => {
    const entry = {
      checkId: 'notifications.permission',
      before: 'ok',
      after: 'fail',
      beforeEvidence: 'areNotificationsEnabled=true',
      afterEvidence: 'areNotificationsEnabled=false',
    };
    const comparison: RunComparison = {
      before: 'r1',
      after: 'r2',
      threshold: { ms: 500, ratio: 1.5 },
      changes: [],
      carried: 0,
      direction: 'forward',
      drift: { a: [entry] },
    };
    expect(driftFor(comparison, change('regressed', 'a', BG))).toEqual([entry]);
    expect(driftFor(comparison, change('regressed', 'b', BG))).toEqual([]);
    const own = { ...entry, checkId: 'battery.whitelist' };
    expect(driftFor(comparison, change('regressed', 'a', BG, [own]))).toEqual([own]);
    // Status changes first; an evidence-only change after them; a check new in the later run is "added".
    const lines = driftChangeLines([
      { ...entry, checkId: 'x', before: 'ok', after: 'ok' },
      entry,
      { ...entry, checkId: 'new', before: null, after: 'fail' },
    ]);
    expect(lines.map((l) => `${l.checkId}:${l.kind}:${String(l.statusChanged)}`)).toEqual([
      'notifications.permission:changed:true',
      'new:added:true',
      'x:changed:false',
    ]);
    expect(lines[0]?.title).toEqual({ key: 'check.notifications.permission.title', values: {} });
    // A check without a translated title is named by its id.
    expect(lines[2]?.title).toBeNull();
  });
});

describe('sign-off form', () => {
  const matrix = sampleMatrix();

  it('asks for a reason for every cell that did not pass, in grid order', () => {
    expect(cellsToWaive(matrix).map((c) => `${c.serial}:${c.scenarioId}:${c.status}`)).toEqual([
      `hw-1:${BG}:fail`,
      `px-1:${IMG}:blocked`,
    ]);
  });

  it('says what is missing, fills empty reasons at once, and builds the request', () => {
    const cells = cellsToWaive(matrix);
    const draft = emptyDraft();
    expect(signOffProblems(draft, cells, true)).toEqual([
      'matrix.signOff.nameMissing',
      'matrix.signOff.reasonsMissing',
    ]);
    expect(signOffProblems(draft, cells, false)).toContain('matrix.signOff.notSettled');
    const one = {
      ...draft,
      by: '  Lena\u0007 Wu ',
      reasons: { [cellKey('hw-1', BG)]: 'Known EMUI issue, ticket PUSH-12' },
    };
    expect(missingReasons(one, cells)).toBe(1);
    const all = fillMissingReasons(one, cells, 'Vendor outage');
    expect(all.reasons[cellKey('hw-1', BG)]).toBe('Known EMUI issue, ticket PUSH-12');
    expect(all.reasons[cellKey('px-1', IMG)]).toBe('Vendor outage');
    expect(signOffProblems(all, cells, true)).toEqual([]);
    expect(signOffProblems({ ...all, by: 'x'.repeat(101) }, cells, true)).toEqual([
      'matrix.signOff.nameTooLong',
    ]);
    expect(signOffRequest('run-1', { ...all, note: ' line 1\nline 2 ' }, cells)).toEqual({
      runId: 'run-1',
      by: 'Lena  Wu',
      note: 'line 1\nline 2',
      waivers: [
        { serial: 'hw-1', scenarioId: BG, reason: 'Known EMUI issue, ticket PUSH-12' },
        { serial: 'px-1', scenarioId: IMG, reason: 'Vendor outage' },
      ],
    });
  });

  it('needs nothing waived when everything passed', () => {
    const passed = matrixOf([att('mi-1', BG, 'pass')]);
    expect(cellsToWaive(passed)).toEqual([]);
    expect(signOffProblems({ ...emptyDraft(), by: 'Lena' }, [], true)).toEqual([]);
  });
});

describe('re-running a cell', () => {
  const plan = parsePlan(
    JSON.stringify({
      name: 'nightly',
      app: {
        package: 'com.pushlab.demo',
        accounts: { vendors: { xiaomi: { account: 'qa_mi' } } },
        login: { kind: 'operator', prompt: 'Log in' },
      },
      phones: { vendors: ['xiaomi', 'fcm'] },
      scenarios: 'all',
      repeats: 3,
      sender: { kind: 'manual' },
    }),
  );

  it('narrows the stored plan to one phone and one scenario, and it is still a valid plan', () => {
    const narrowed = rerunPlan(plan, { serial: 'mi-1', scenarioId: BG }, 're-run');
    expect(narrowed).toMatchObject({
      name: 'nightly · re-run',
      phones: { serials: ['mi-1'] },
      scenarios: [BG],
      repeats: 3,
    });
    const parsed = parsePlan(JSON.stringify(narrowed));
    expect(parsed.phones).toEqual({ serials: ['mi-1'] });
    expect(parsed.scenarios).toEqual([BG]);
    expect(parsed.app.package).toBe('com.pushlab.demo');
  });

  it('keeps one suffix on a re-run of a re-run and the name within 200 characters', () => {
    const again = rerunPlan(
      { ...plan, name: 'nightly · re-run' },
      { serial: 'mi-1', scenarioId: BG },
      're-run',
    );
    expect(again?.name).toBe('nightly · re-run');
    const long = rerunPlan({ ...plan, name: 'n'.repeat(200) }, { serial: 'mi-1', scenarioId: BG }, 're-run');
    expect(String(long?.name)).toHaveLength(200);
    expect(rerunPlan(null, { serial: 'mi-1', scenarioId: BG }, 're-run')).toBeNull();
    expect(rerunPlan(['x'], { serial: 'mi-1', scenarioId: BG }, 're-run')).toBeNull();
  });
});

describe('matrix labels', () => {
  it('names a phone by marketing name, else brand + model, with ROM and Android version', () => {
    const m = sampleMatrix();
    const [mi, hw, px] = m.phones;
    if (!mi || !hw || !px) throw new Error('phones missing');
    expect(phoneTitle(mi)).toBe('Redmi K70');
    expect(romLabel(mi)).toBe('HyperOS 2.0.1');
    expect(phoneTitle(hw)).toBe('HUAWEI ALN-AL00');
    expect(phoneTitle(px)).toBe('Google Pixel 8');
    expect(phoneTitle({ ...px, marketingName: null, vendor: 'meizu', model: 'MEIZU 21' })).toBe('MEIZU 21');
    expect(romLabel(px)).toBeNull();
    // Stock Android: the ROM only repeats the Android version.
    expect(romLabel({ ...px, rom: { name: 'Android', version: '15' }, androidVersion: '15' })).toBeNull();
    expect(romLabel({ ...px, rom: { name: 'One UI', version: '6.1' }, androidVersion: '14' })).toBe(
      'One UI 6.1',
    );
    expect(phoneTitle({ ...px, vendor: '', model: '' })).toBe('px-1');
    expect(phoneTitle({ ...px, vendor: 'Google', marketingName: 'Google Pixel 8 Pro' })).toBe(
      'Google Pixel 8 Pro',
    );
  });

  it('formats latencies and rates in the UI locale', () => {
    expect(formatLatency('en', 850)).toBe('850 ms');
    expect(formatLatency('en', 1234)).toBe('1.2 sec');
    expect(formatLatency('zh-CN', 1234)).toBe('1.2秒');
    expect(formatLatency('en', null)).toBe('–');
    expect(formatRate('en', 0.755)).toBe('76%');
    expect(formatRate('en', 0.05)).toBe('5%');
    expect(formatRate('en', null)).toBe('–');
  });

  it('names export files after the plan and run, safe for any file system', () => {
    expect(reportFileName('Nightly offline push', '0b6f5a8e-3c1d-4a8e', 'html')).toBe(
      'pushlab-nightly-offline-push-0b6f5a8e.html',
    );
    expect(reportFileName('../../etc/passwd', 'abc', 'csv')).toBe('pushlab-etc-passwd-abc.csv');
    // The prefix is said once, whatever the plan is called.
    expect(reportFileName('PushLab demo', '0b6f5a8e-3c1d', 'html')).toBe('pushlab-demo-0b6f5a8e.html');
    expect(reportFileName('pushlab', '0b6f5a8e-3c1d', 'html')).toBe('pushlab-run-0b6f5a8e.html');
    expect(reportFileName('pushlabs nightly', 'abc', 'html')).toBe('pushlab-pushlabs-nightly-abc.html');
    expect(reportFileName('夜间推送', 'abc', 'html')).toBe('pushlab-run-abc.html');
  });
});
