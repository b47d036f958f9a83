import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, renderCsvReport } from '../../../electron/lab/reports/csv-report';
import type { AttemptView } from '../../../shared/domain/run';
import { cell, column, HOSTILE, LONG, matrixOf, phone, RTL } from './report-fixtures';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on a stray quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (/["\r\n]/.test(field))
        throw new Error(`unquoted field with a quote or line break: ${field.slice(0, 40)}`);
      i = end < 0 ? text.length : i + end;
    }
    row.push(field);
    if (text.startsWith(',', i)) {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`garbage after a field at ${i}`);
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

const matrix = matrixOf(
  'run-7',
  'Nightly',
  [
    phone('X1', 'xiaomi', {
      vendor: 'Xiaomi',
      model: '=HYPERLINK("http://evil","x")',
      marketingName: 'Redmi, "Note" 13\nPro',
    }),
    phone('P1', 'google', { vendor: `@SUM(1)${RTL}`, rom: null, androidVersion: null }),
  ],
  [column('bg-text', 'background', 'text'), column('doze-image', 'doze', 'image')],
  [
    cell('X1', 'bg-text', 'pass', {
      counts: { pass: 2, fail: 1, blocked: 0, 'device-lost': 0, inconclusive: 0, 'not-run': 0, pending: 0 },
      deliveryRate: 2 / 3,
    }),
    cell('X1', 'doze-image', 'fail', {
      reason: {
        key: 'fail.wrong-text',
        values: { field: 'title', match: 'exact', expected: 'Hi', actual: `+cmd|' /C calc'!A0` },
      },
      waiver: {
        serial: 'X1',
        scenarioId: 'doze-image',
        reason: '-known, "vendor" bug',
        by: 'Lead',
        at: '2026-03-04T06:00:00.000Z',
      },
    }),
    cell('P1', 'bg-text', 'inconclusive', {
      hint: { kind: 'doze', rules: ['r1'], text: { en: 'Doze defers it', zhCN: '低电耗延迟' } },
    }),
  ],
);

describe('csvField', () => {
  it('quotes per RFC 4180 and guards formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvField(`${lead}1+1`).startsWith(lead === '\r' ? `"'` : `'`), JSON.stringify(lead)).toBe(true);
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(`x${RTL}\u0007`)).toBe('xabcgnp.exe and isolated');
  });
});

describe('renderCsvReport', () => {
  const text = renderCsvReport({ matrix });

  it('starts with a BOM, ends with CRLF, and parses back with one row per cell', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes the cell figures and words', () => {
    const rows = parseCsv(text.slice(1)).slice(1);
    const byName = (row: string[]): Record<string, string> =>
      Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i] ?? '']));
    const [pass, fail, inconclusive] = rows.map(byName);
    expect(pass).toMatchObject({
      Run: 'run-7',
      'Phone serial': 'X1',
      'Vendor group': 'xiaomi',
      Vendor: 'Xiaomi',
      ROM: 'ROM 1.0',
      Android: '14',
      Scenario: 'bg-text',
      State: 'background',
      Message: 'text',
      Level: 'cell',
      Repeat: '',
      Status: 'pass',
      Counts: 'pass:2 fail:1',
      'Delivery rate': '0.667',
      'p50 (ms)': '850',
      'p95 (ms)': '2400',
      Reason: 'Shown after 850 ms as expected.',
    });
    expect(pass?.Model).toBe(`Redmi, "Note" 13\nPro (=HYPERLINK("http://evil","x"))`);
    expect(fail?.Reason).toBe(`Wrong title: expected exact "Hi", shown "+cmd|' /C calc'!A0".`);
    expect(fail?.Waiver).toBe(`'-known, "vendor" bug (by Lead, 2026-03-04T06:00:00.000Z)`);
    expect(inconclusive).toMatchObject({
      Vendor: "'@SUM(1)abcgnp.exe and isolated",
      ROM: '',
      Android: '',
      Hint: 'doze: Doze defers it',
      'Delivery rate': '',
    });
  });

  it('guards every field that would start a formula', () => {
    const fields = parseCsv(text.slice(1)).flat();
    expect(fields.filter((f) => /^[=+\-@\t\r]/.test(f))).toEqual([]);
  });

  it('adds one row per attempt after its cell with --attempts', () => {
    const attempt = (
      id: number,
      repeat: number,
      kind: 'pass' | 'fail',
      latencyMs: number | null,
    ): AttemptView => ({
      id,
      serial: 'X1',
      scenarioId: 'bg-text',
      repeat,
      status: 'done',
      step: 'judge',
      startedAt: 1,
      finishedAt: 2,
      latencyMs,
      verdict: {
        kind,
        reason:
          kind === 'pass'
            ? { key: 'pass.shown', values: { latency: `${latencyMs} ms` } }
            : { key: 'fail.not-shown-in-time', values: { within: '60 s' } },
        details: {
          delivered: kind === 'pass',
          latencyMs,
          record: null,
          expected: null,
          checks: null,
          error: null,
        },
      },
    });
    const pending: AttemptView = {
      id: 9,
      serial: 'P1',
      scenarioId: 'bg-text',
      repeat: 1,
      status: 'pending',
      step: null,
      verdict: null,
      startedAt: null,
      finishedAt: null,
      latencyMs: null,
    };
    const rows = parseCsv(
      renderCsvReport({
        matrix,
        attempts: [attempt(2, 2, 'fail', null), attempt(1, 1, 'pass', 1234.4), pending],
        captures: new Map([
          [1, 'events'],
          [2, 'poll'],
        ]),
      }).slice(1),
    );
    const level = CSV_COLUMNS.indexOf('Level');
    expect(rows.map((r) => `${r[1]}/${r[7]}/${r[level]}/${r[level + 1]}/${r[level + 2]}`)).toEqual([
      'Phone serial/Scenario/Level/Repeat/Status',
      'X1/bg-text/cell//pass',
      'X1/bg-text/attempt/1/pass',
      'X1/bg-text/attempt/2/fail',
      'X1/doze-image/cell//fail',
      'P1/bg-text/cell//inconclusive',
      'P1/bg-text/attempt/1/pending',
    ]);
    expect(rows[2]?.[CSV_COLUMNS.indexOf('p50 (ms)')]).toBe('1234');
    expect(rows[3]?.[CSV_COLUMNS.indexOf('Delivery rate')]).toBe('0');
    // How each attempt was captured; cells, and attempts without a recorded mode, leave it empty.
    expect(rows.map((r) => r[CSV_COLUMNS.indexOf('Capture')])).toEqual([
      'Capture',
      '',
      'events',
      'poll',
      '',
      '',
      '',
    ]);
  });

  it('keeps long and emoji text whole', () => {
    const m = matrixOf(
      'r',
      'p',
      [phone('L', 'other-android', { model: `${LONG}${HOSTILE.emoji}` })],
      [column('s', 'foreground', 'text')],
      [cell('L', 's', 'pass')],
    );
    const rows = parseCsv(renderCsvReport({ matrix: m }).slice(1));
    expect(rows[1]?.[4]).toBe(`${LONG}${HOSTILE.emoji}`);
  });
});
