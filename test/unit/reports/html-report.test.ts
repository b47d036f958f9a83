import { describe, expect, it } from 'vitest';
import { COLUMNS_PER_TABLE } from '../../../electron/lab/reports/html-matrix';
import {
  renderHtmlReport,
  type HtmlReportInput,
  type ReportFailure,
} from '../../../electron/lab/reports/html-report';
import { bdi, cleanText, html, safePngDataUrl } from '../../../electron/lab/reports/html-text';
import { eventsMode, pollMode } from '../../../electron/lab/android/capture/capture-mode';
import { readCaptureMode } from '../../../shared/runs/capture-mode';
import { checkHtml } from './html-check';
import {
  cell,
  column,
  HOSTILE,
  hostileMatrix,
  LONG,
  matrixOf,
  phone,
  RTL,
  summaryOf,
} from './report-fixtures';

const PNG_1X1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

function hostileInput(overrides: Partial<HtmlReportInput> = {}): HtmlReportInput {
  const { matrix, signOff } = hostileMatrix();
  const failing = matrix.cells[0];
  if (failing === undefined) throw new Error('fixture');
  const failure: ReportFailure = {
    cell: failing,
    attempt: { id: 7, repeat: 2 },
    reason: failing.reason,
    expected: {
      title: { value: HOSTILE.script, match: 'exact' },
      text: { value: HOSTILE.handler, match: 'contains' },
      channelId: HOSTILE.js,
    },
    actual: {
      title: HOSTILE.img,
      text: `${LONG}${RTL}`,
      channelId: HOSTILE.comment,
      sound: HOSTILE.emoji,
      postTime: 1,
    },
    seen: 'captured',
    checks: { title: 'mismatch', text: 'ok', channel: 'mismatch', sound: 'unknown' },
    thumbnail: { kind: 'image', dataUrl: PNG_1X1, sizeBytes: 70 },
  };
  return {
    matrix,
    summary: summaryOf(matrix),
    signOff,
    failures: [failure],
    locale: 'en',
    generatedAt: '2026-03-04T07:00:00.000Z',
    ...overrides,
  };
}

describe('html-text', () => {
  it('escapes for text and attributes and removes controls and bidi overrides', () => {
    expect(html(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
    expect(cleanText(`a\u0000b\u001bc\u0085d${RTL}\ud800e 😀`)).toBe('abcdabcgnp.exe and isolatede 😀');
    expect(bdi('<b>')).toBe('<bdi>&lt;b&gt;</bdi>');
    expect(safePngDataUrl(PNG_1X1)).toBe(PNG_1X1);
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/png;base64,AAAA" onerror="x',
      'https://example.com/x.png',
    ])
      expect(safePngDataUrl(bad)).toBeNull();
  });
});

describe('the strict HTML check', () => {
  it('can fail: scripts, handlers, foreign tags, URLs, raw brackets and comments are refused', () => {
    const wrap = (body: string): string => `<!DOCTYPE html>\n<html lang="en"><body>${body}</body></html>\n`;
    expect(() => checkHtml(wrap('<p>ok &amp; fine</p>'))).not.toThrow();
    expect(() => checkHtml(wrap('<SCRIPT>x</SCRIPT>'))).toThrow(/script/);
    expect(() => checkHtml(wrap('<img src="x" onerror="alert(1)">'))).toThrow(/onerror/);
    expect(() => checkHtml(wrap('<a href="javascript:x">x</a>'))).toThrow(/<a>/);
    expect(() => checkHtml(wrap('<img src="https://example.com/a.png">'))).toThrow(/PNG data URL/);
    expect(() => checkHtml(wrap('<p>a > b</p>'))).toThrow(/raw/);
    expect(() => checkHtml(wrap('<p>a & b</p>'))).toThrow(/entity/);
    expect(() => checkHtml(wrap('<p><span></p>'))).toThrow(/mismatched/);
    expect(() => checkHtml(wrap('<!-- x -->'))).toThrow(/comment/);
    expect(() => checkHtml(wrap("<p class='x'>y</p>"))).toThrow(/malformed/);
  });
});

describe('renderHtmlReport with hostile phone and plan text', () => {
  const out = renderHtmlReport(hostileInput());
  const checked = checkHtml(out);

  it('passes the strict check: allow-listed tags only, no script, no URL but the PNG data URL', () => {
    // Tag-level checks are checkHtml's; here the raw text, where an escaped "onerror=" is fine.
    expect(/<script/i.test(out)).toBe(false);
    expect(/(?:src|href|action)="(?!data:image\/png;base64,)/i.test(out)).toBe(false);
    const images = checked.elements.filter((e) => e.name === 'img');
    expect(images.map((e) => e.attrs.src)).toEqual([PNG_1X1]);
    expect(
      checked.elements.find((e) => e.name === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy')
        ?.attrs.content,
    ).toMatch(/default-src 'none'/);
  });

  it('shows every hostile string as text, whole', () => {
    for (const s of [
      HOSTILE.script,
      HOSTILE.img,
      HOSTILE.handler,
      HOSTILE.js,
      HOSTILE.style,
      HOSTILE.comment,
      HOSTILE.emoji,
    ])
      expect(checked.text, s).toContain(s);
    expect(checked.text).toContain(LONG);
    expect(checked.text).toContain('abcgnp.exe and isolated');
  });

  it('neutralises bidi overrides and isolates phone text', () => {
    expect(BIDI.test(out)).toBe(false);
    expect(out).toContain('<bdi>abcgnp.exe and isolated</bdi>');
  });

  it('lays out: long strings wrap, the matrix uses fixed layout, print rules exist', () => {
    expect(checked.style).toMatch(/bdi, \.scenario-id \{ overflow-wrap: anywhere; \}/);
    expect(checked.style).toMatch(/table\.matrix \{ table-layout: fixed; \}/);
    expect(checked.style).toMatch(/@media print/);
    expect(checked.style).toMatch(/@page/);
  });
});

describe('renderHtmlReport content', () => {
  const phones = [
    phone('G1', 'google', { marketingName: 'Pixel 8', model: 'GKWS6' }),
    phone('X1', 'xiaomi'),
    phone('X2', 'xiaomi'),
    phone('V1', 'vivo'),
  ];
  const columns = [
    ...Array.from({ length: COLUMNS_PER_TABLE + 2 }, (_, i) =>
      column(`bg-${i}`, 'background', 'text', `Background ${i}`),
    ),
    column('fg-text', 'foreground', 'text', 'Foreground text'),
  ];
  const cells = [
    cell('X1', 'bg-0', 'pass'),
    cell('X1', 'bg-1', 'fail', {
      waiver: {
        serial: 'X1',
        scenarioId: 'bg-1',
        reason: 'known vendor bug',
        by: 'Lead',
        at: '2026-03-04T06:00:00.000Z',
      },
    }),
    cell('X2', 'bg-0', 'blocked'),
    cell('G1', 'bg-0', 'device-lost'),
    cell('G1', 'fg-text', 'inconclusive', {
      hint: {
        kind: 'quiet-hours',
        rules: ['vivo.quiet-hours'],
        text: { en: 'Quiet hours 22-8', zhCN: '免打扰 22-8' },
      },
    }),
    cell('V1', 'bg-0', 'not-run'),
    cell('V1', 'bg-2', 'pending'),
  ];
  const matrix = matrixOf('run-9', 'Nightly', phones, columns, cells);
  const base: HtmlReportInput = {
    matrix,
    summary: summaryOf(matrix),
    signOff: null,
    failures: [],
    locale: 'en',
    generatedAt: Date.UTC(2026, 2, 4, 7),
  };
  const en = checkHtml(renderHtmlReport(base));

  it('names the plan, the run and localised dates', () => {
    expect(en.text).toContain('Offline push sign-off report: ');
    expect(en.text).toContain('Nightly');
    expect(en.text).toContain('run-9');
    expect(en.text).toMatch(/Mar 4, 2026/);
  });

  it('groups rows by vendor in the fixed order and splits a wide app state into parts', () => {
    const xiaomi = en.text.indexOf('Xiaomi');
    const vivo = en.text.indexOf('vivo', xiaomi);
    const google = en.text.indexOf('Google', vivo);
    expect(xiaomi).toBeGreaterThan(-1);
    expect(vivo).toBeGreaterThan(xiaomi);
    expect(google).toBeGreaterThan(vivo);
    expect(en.text).toContain('App state: Background (part 1 of 2)');
    expect(en.text).toContain('App state: Background (part 2 of 2)');
    expect(en.text).toContain('App state: Foreground');
    expect(en.elements.filter((e) => e.name === 'table' && e.attrs.class === 'matrix')).toHaveLength(3);
  });

  it('writes every verdict as an icon and a word, with latency and tags', () => {
    for (const word of ['Pass', 'Fail', 'Blocked', 'Phone lost', 'Inconclusive', 'Not run', 'Pending'])
      expect(en.text).toContain(word);
    expect(en.text).toContain('latency p50 850 ms · p95 2.4 sec');
    expect(en.text).toContain('Waived');
    expect(en.text).toContain('Vendor limit?');
    expect(en.text).toContain('not in run');
    expect(en.elements.filter((e) => e.name === 'td' && e.attrs.class === 'st-fail').length).toBeGreaterThan(
      0,
    );
  });

  it('lists vendor limits and waivers, and says when the run is not signed off', () => {
    expect(en.text).toContain('Quiet hours 22-8');
    expect(en.text).toContain('vivo.quiet-hours');
    expect(en.text).toContain('known vendor bug');
    expect(en.text).toContain('Not signed off.');
    expect(en.text).toContain('No cell failed, was blocked or stayed undecided.');
  });

  it('shows the sign-off when there is one', () => {
    const signed = checkHtml(
      renderHtmlReport({
        ...base,
        signOff: {
          runId: 'run-9',
          by: 'Li Lei',
          at: '2026-03-05T01:00:00.000Z',
          note: 'Ship it',
          waivers: [],
        },
      }),
    );
    expect(signed.text).toContain('Signed off by');
    expect(signed.text).toContain('Li Lei');
    expect(signed.text).toContain('Ship it');
    expect(signed.text).not.toContain('Not signed off.');
  });

  it('is complete in Chinese', () => {
    const zh = checkHtml(renderHtmlReport({ ...base, locale: 'zh-CN' }));
    expect(zh.elements[0]?.attrs.lang).toBe('zh-CN');
    for (const word of [
      '离线推送签发报告',
      '按厂商',
      '小米',
      '谷歌',
      '通过',
      '失败',
      '尚未签发',
      '应用状态：后台（第 1 部分，共 2 部分）',
      '2026年3月4日',
    ])
      expect(zh.text, word).toContain(word);
    expect(zh.text).not.toContain('App state');
  });

  it('shows failures with expected vs shown and notes a screenshot left out', () => {
    const failing = matrix.cells[1];
    if (failing === undefined) throw new Error('fixture');
    const failure: ReportFailure = {
      cell: failing,
      attempt: { id: 12, repeat: 3 },
      reason: { key: 'fail.wrong-channel', values: { actual: 'misc', expected: 'im' } },
      expected: { title: { value: 'Hello', match: 'exact' }, text: null, channelId: 'im' },
      actual: { title: 'Hello', text: 'Hi', channelId: 'misc', postTime: 1 },
      seen: 'captured',
      checks: { title: 'ok', text: 'not-checked', channel: 'mismatch', sound: 'not-checked' },
      thumbnail: { kind: 'too-large', path: 'screenshot/X1-1.png', sizeBytes: 1_500_000 },
    };
    const bad: ReportFailure = {
      ...failure,
      attempt: null,
      actual: null,
      seen: 'nothing',
      expected: null,
      thumbnail: { kind: 'image', dataUrl: 'javascript:alert(1)', sizeBytes: 1 },
    };
    const r = checkHtml(renderHtmlReport({ ...base, failures: [failure, bad] }));
    expect(r.text).toContain('Attempt 12, repeat 3');
    expect(r.text).toContain('Posted on channel "misc", expected "im".');
    expect(r.text).toContain('exactly “');
    expect(r.text).toContain('differs');
    expect(r.text).toMatch(
      /The screenshot \(1,500 kB\) is too large to embed\. It is in the evidence folder: screenshot\/X1-1\.png/,
    );
    expect(r.text).toContain('No notification of the app was captured.');
    expect(r.text).toContain('No screenshot was kept for this attempt.');
    expect(r.elements.filter((e) => e.name === 'img')).toHaveLength(0);
  });

  it('says in the failure card when the capture polled, and why; nothing when it followed the events log', () => {
    const [failing] = hostileInput().failures;
    if (failing === undefined) throw new Error('fixture');
    const asStored = (capture: unknown) => readCaptureMode({ records: [], capture });
    const polled: ReportFailure = {
      ...failing,
      capture: asStored(pollMode('events-refused', HOSTILE.script, { reads: 40, enqueues: 0 })),
    };
    const en = renderHtmlReport(hostileInput({ failures: [polled] }));
    // checkHtml puts a line break between elements; the sentence reads as one line.
    const r = { text: checkHtml(en).text.replace(/\s+/g, ' ') };
    expect(r.text).toContain(
      'Capture polled every 150 ms: The phone refused to show its events buffer, so the notification list was polled.',
    );
    expect(r.text).toContain(`The phone said: ${HOSTILE.script}`);
    expect(en).not.toContain(HOSTILE.script);
    const zh = {
      text: checkHtml(renderHtmlReport(hostileInput({ failures: [polled], locale: 'zh-CN' }))).text.replace(
        /\s*\n\s*/g,
        '',
      ),
    };
    expect(zh.text).toContain(
      '采集方式为每 150 毫秒轮询一次：手机拒绝显示 events 日志缓冲区，因此改为轮询通知列表。',
    );
    expect(zh.text).toContain('手机返回：');
    for (const capture of [asStored(eventsMode({ reads: 1, enqueues: 1 })), null, undefined]) {
      const quiet = checkHtml(renderHtmlReport(hostileInput({ failures: [{ ...failing, capture }] })));
      expect(quiet.text).not.toContain('polled every');
    }
  });

  it('handles a run with no results', () => {
    const empty = matrixOf('run-0', 'Empty', [], [], []);
    const r = checkHtml(
      renderHtmlReport({
        ...base,
        matrix: empty,
        summary: summaryOf(empty, { status: 'running', finishedAt: null }),
      }),
    );
    expect(r.text).toContain('This run has no results yet.');
    expect(r.text).toContain('No phone took part in this run.');
    expect(r.text).toContain('not finished');
  });
});
