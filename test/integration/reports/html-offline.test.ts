/**
 * The HTML report in a real browser, offline: hostile phone text must not run, load anything or
 * break the layout; the page prints to PDF (kept in test-results/reports/). A control page with
 * the same strings unescaped proves the harness notices dialogs and requests.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  renderHtmlReport,
  type HtmlReportInput,
  type ReportFailure,
} from '../../../electron/lab/reports/html-report';
import { HOSTILE, hostileMatrix, LONG, RTL, summaryOf } from '../../unit/reports/report-fixtures';
import { ARTIFACTS, inspectReport, openReportOffline } from './offline-browser';

const PNG_1X1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const LOADERS =
  '<img src="http://127.0.0.1:9/pixel.png"><link rel="stylesheet" href="http://127.0.0.1:9/x.css"><iframe src="http://127.0.0.1:9/"></iframe>';
let dir: string;

function input(locale: 'en' | 'zh-CN'): HtmlReportInput {
  const { matrix, signOff } = hostileMatrix();
  const failing = matrix.cells[0];
  if (failing === undefined) throw new Error('fixture');
  const failure: ReportFailure = {
    cell: failing,
    attempt: { id: 3, repeat: 1 },
    reason: failing.reason,
    expected: {
      title: { value: HOSTILE.script, match: 'exact' },
      text: { value: LOADERS, match: 'contains' },
      channelId: HOSTILE.js,
    },
    actual: {
      title: `${HOSTILE.img}${LOADERS}`,
      text: `${LONG}${RTL}`,
      channelId: HOSTILE.comment,
      sound: HOSTILE.emoji,
      postTime: 1,
    },
    seen: 'captured',
    checks: { title: 'mismatch', text: 'mismatch', channel: 'mismatch', sound: 'unknown' },
    thumbnail: { kind: 'image', dataUrl: PNG_1X1, sizeBytes: 70 },
  };
  return {
    matrix,
    summary: summaryOf(matrix),
    signOff,
    failures: [failure],
    locale,
    generatedAt: '2026-03-04T07:00:00.000Z',
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-report-html-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('the HTML report offline in Chromium', () => {
  it('notices what it must (control page: the same strings unescaped)', async () => {
    const file = join(dir, 'control.html');
    await writeFile(file, `<!DOCTYPE html><html><body>${HOSTILE.img}${LOADERS}</body></html>`);
    const report = await openReportOffline(file);
    try {
      await report.page.waitForTimeout(300);
      expect(report.dialogs.length).toBeGreaterThan(0);
      expect(report.requests.some((r) => r.startsWith('http://127.0.0.1:9/'))).toBe(true);
    } finally {
      await report.close();
    }
  }, 60_000);

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`${locale}: runs nothing, loads nothing, keeps its layout, and prints to PDF`, async () => {
      const file = join(dir, `hostile-${locale}.html`);
      await writeFile(file, renderHtmlReport(input(locale)));
      const report = await openReportOffline(file, { locale: locale === 'en' ? 'en-US' : 'zh-CN' });
      try {
        await report.page.waitForTimeout(300);
        const seen = await inspectReport(report.page);
        expect(report.requests).toEqual([]);
        expect(report.dialogs).toEqual([]);
        expect(report.problems).toEqual([]);
        expect(seen.scripts).toBe(0);
        expect(seen.images).toBe(1);
        expect(seen.brokenImages).toBe(0);
        expect(seen.overflowX).toBeLessThanOrEqual(0);
        for (const s of [HOSTILE.script, HOSTILE.img, LOADERS, HOSTILE.emoji]) expect(seen.text).toContain(s);
        await report.page.screenshot({ path: join(ARTIFACTS, `hostile-${locale}.png`), fullPage: true });
        const pdf = join(ARTIFACTS, `hostile-${locale}.pdf`);
        await report.page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true });
        expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect((await stat(pdf)).size).toBeGreaterThan(10_000);
        expect(report.requests).toEqual([]);
      } finally {
        await report.close();
      }
    }, 60_000);
  }
});
