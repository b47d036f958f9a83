import { describe, expect, it } from 'vitest';
import { createReportHandlers } from '../../../electron/lab/reports/report-handlers';
import { LabError } from '../../../electron/lab/errors';
import type { AttemptView, RunDetail } from '../../../shared/domain/run';
import { requestSchemas } from '../../../shared/ipc';
import { checkHtml } from './html-check';
import { cell, column, matrixOf, phone, summaryOf } from './report-fixtures';

const matrix = matrixOf(
  'run-h',
  'Handlers',
  [phone('A', 'honor')],
  [column('bg', 'background', 'text')],
  [cell('A', 'bg', 'pass')],
);
const attempt: AttemptView = {
  id: 1,
  serial: 'A',
  scenarioId: 'bg',
  repeat: 1,
  status: 'done',
  step: 'judge',
  verdict: null,
  startedAt: 1,
  finishedAt: 2,
  latencyMs: null,
};
const detail: RunDetail = {
  summary: summaryOf(matrix),
  phones: [],
  scenarioIds: ['bg'],
  attempts: [attempt],
};

const handlers = createReportHandlers({
  evidenceRoot: '/nonexistent',
  now: () => Date.UTC(2026, 5, 1, 12),
  matrix: {
    matrix: (runId) => {
      if (runId !== 'run-h') throw new LabError('NOT_FOUND', `Run ${runId} does not exist.`);
      return matrix;
    },
  },
  runs: {
    get: () => detail,
    attempt: () => ({ attempt, steps: [], evidence: [] }),
  },
});

describe('reports:* handlers', () => {
  it('returns the HTML report in the asked locale, dated by the core clock', async () => {
    const { html } = await handlers['reports:html']({ runId: 'run-h', locale: 'zh-CN' });
    const doc = checkHtml(html);
    expect(doc.elements[0]?.attrs.lang).toBe('zh-CN');
    expect(doc.text).toContain('荣耀');
    expect(doc.text).toContain('2026年6月1日');
  });

  it('returns the CSV, with attempt rows only when asked', async () => {
    expect(
      (await handlers['reports:csv']('run-h')).csv.split('\r\n').filter((l) => l.includes(',attempt,')),
    ).toHaveLength(0);
    expect(
      (await handlers['reports:csv']('run-h', { attempts: true })).csv
        .split('\r\n')
        .filter((l) => l.includes(',attempt,')),
    ).toHaveLength(1);
  });

  it('passes the matrix service errors on', async () => {
    await expect(handlers['reports:html']({ runId: 'nope', locale: 'en' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('validates its arguments at the IPC boundary', () => {
    expect(requestSchemas['reports:html'].safeParse([{ runId: 'run-h', locale: 'en' }]).success).toBe(true);
    expect(requestSchemas['reports:html'].safeParse([{ runId: 'run-h', locale: 'fr' }]).success).toBe(false);
    expect(requestSchemas['reports:html'].safeParse([{ runId: '../x', locale: 'en' }]).success).toBe(false);
    expect(requestSchemas['reports:csv'].safeParse(['run-h']).success).toBe(true);
    expect(requestSchemas['reports:csv'].safeParse(['run-h', { attempts: true }]).success).toBe(true);
    expect(requestSchemas['reports:csv'].safeParse(['run h']).success).toBe(false);
  });
});
