import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csvReportFor,
  gatherFailures,
  htmlReportFor,
  MAX_THUMBNAIL_BYTES,
  type ReportSources,
} from '../../../electron/lab/reports/gather-report';
import type { AttemptDetail, AttemptView, EvidenceView, RunDetail } from '../../../shared/domain/run';
import type { Verdict, VerdictKind } from '../../../shared/runs/types';
import { eventsMode, pollMode } from '../../../electron/lab/android/capture/capture-mode';
import { checkHtml } from './html-check';
import { cell, column, matrixOf, phone, summaryOf } from './report-fixtures';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
let root: string;
let outside: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pushlab-report-evidence-'));
  outside = await mkdtemp(join(tmpdir(), 'pushlab-report-outside-'));
  await mkdir(join(root, 'screenshot'), { recursive: true });
  await writeFile(join(root, 'screenshot', 'small.png'), PNG);
  await writeFile(
    join(root, 'screenshot', 'big.png'),
    Buffer.concat([PNG, Buffer.alloc(MAX_THUMBNAIL_BYTES)]),
  );
  await writeFile(join(root, 'screenshot', 'not-png.png'), '<script>alert(1)</script>');
  await writeFile(join(outside, 'secret.png'), PNG);
  await symlink(join(outside, 'secret.png'), join(root, 'screenshot', 'link.png'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

function verdict(kind: VerdictKind, title: string): Verdict {
  return {
    kind,
    reason:
      kind === 'fail'
        ? {
            key: 'fail.wrong-text',
            values: { field: 'title', match: 'exact', expected: 'Hello', actual: title },
          }
        : { key: 'pass.shown', values: { latency: '1 s' } },
    details: {
      delivered: true,
      latencyMs: 1000,
      record: { title, text: 'body', channelId: 'im', postTime: 1 },
      expected: { title: { value: 'Hello', match: 'exact' }, text: null, channelId: 'im' },
      checks: {
        title: kind === 'fail' ? 'mismatch' : 'ok',
        text: 'not-checked',
        channel: 'ok',
        sound: 'not-checked',
      },
      error: null,
    },
  };
}

const scenarios = ['s-small', 's-big', 's-bad', 's-link', 's-escape', 's-none'];
const shots: Record<string, string | null> = {
  's-small': 'screenshot/small.png',
  's-big': 'screenshot/big.png',
  's-bad': 'screenshot/not-png.png',
  's-link': 'screenshot/link.png',
  's-escape': '../secret.png',
  's-none': null,
};
const attempts: AttemptView[] = scenarios.flatMap((s, i) => [
  {
    id: i * 10 + 1,
    serial: 'A',
    scenarioId: s,
    repeat: 1,
    status: 'done' as const,
    step: 'judge' as const,
    verdict: verdict('pass', 'Hello'),
    startedAt: 1,
    finishedAt: 2,
    latencyMs: 1000,
  },
  {
    id: i * 10 + 2,
    serial: 'A',
    scenarioId: s,
    repeat: 2,
    status: 'done' as const,
    step: 'judge' as const,
    verdict: verdict('fail', `Bye ${s}`),
    startedAt: 1,
    finishedAt: 2,
    latencyMs: 1000,
  },
]);
const matrix = matrixOf(
  'run-g',
  'Gather',
  [phone('A', 'xiaomi'), phone('B', 'vivo')],
  scenarios.map((s) => column(s, 'background', 'text')),
  [
    ...scenarios.map((s) =>
      cell('A', s, 'fail', {
        reason: {
          key: 'fail.wrong-text',
          values: { field: 'title', match: 'exact', expected: 'Hello', actual: `Bye ${s}` },
        },
      }),
    ),
    cell('B', 's-small', 'pass'),
  ],
);

function sources(list: readonly AttemptView[] = attempts): ReportSources & { opened: number[] } {
  const opened: number[] = [];
  const detail: RunDetail = {
    summary: summaryOf(matrix),
    phones: [],
    scenarioIds: scenarios,
    attempts: list,
  };
  return {
    opened,
    evidenceRoot: root,
    matrix: { matrix: async () => matrix },
    runs: {
      get: () => detail,
      attempt: (id): AttemptDetail => {
        opened.push(id);
        const a = list.find((x) => x.id === id) as AttemptView;
        const path = shots[a.scenarioId] ?? null;
        const evidence: EvidenceView[] =
          path === null ? [] : [{ id: id * 100, kind: 'screenshot', path, data: null, at: 1 }];
        // As storeCapture keeps it: repeat 1 followed the events log, repeat 2 polled; s-none kept no record.
        const capture =
          a.repeat === 1
            ? eventsMode({ reads: 1, enqueues: 1 })
            : pollMode('no-stream', null, { reads: 9, enqueues: 0 });
        if (a.scenarioId !== 's-none')
          evidence.unshift({
            id: id * 100 + 1,
            kind: 'record',
            path: null,
            data: { records: [], capture },
            at: 1,
          });
        return { attempt: a, steps: [], evidence };
      },
    },
  };
}

describe('gatherFailures', () => {
  it('picks the deciding attempt of each failing cell and its expected vs shown', async () => {
    const src = sources();
    const failures = await gatherFailures(src, matrix, src.runs.get('run-g'));
    expect(failures.map((f) => f.cell.scenarioId)).toEqual(scenarios);
    expect(failures.every((f) => f.attempt?.repeat === 2)).toBe(true);
    expect(src.opened).toEqual(scenarios.map((_, i) => i * 10 + 2));
    expect(failures[0]?.actual?.title).toBe('Bye s-small');
    expect(failures[0]?.expected?.title).toEqual({ value: 'Hello', match: 'exact' });
    expect(failures.map((f) => f.capture?.reason ?? null)).toEqual([
      ...scenarios.slice(0, -1).map(() => 'no-stream'),
      null,
    ]);
  });

  it('embeds small PNGs only, and never reads outside the evidence folder', async () => {
    const src = sources();
    const thumbs = Object.fromEntries(
      (await gatherFailures(src, matrix, src.runs.get('run-g'))).map((f) => [f.cell.scenarioId, f.thumbnail]),
    );
    expect(thumbs['s-small']).toEqual({
      kind: 'image',
      dataUrl: `data:image/png;base64,${PNG.toString('base64')}`,
      sizeBytes: PNG.length,
    });
    expect(thumbs['s-big']).toEqual({
      kind: 'too-large',
      path: 'screenshot/big.png',
      sizeBytes: PNG.length + MAX_THUMBNAIL_BYTES,
    });
    expect(thumbs['s-bad']).toMatchObject({ kind: 'unreadable' });
    expect(thumbs['s-link']).toMatchObject({ kind: 'unreadable' });
    expect(thumbs['s-escape']).toMatchObject({ kind: 'unreadable' });
    expect(thumbs['s-none']).toEqual({ kind: 'none' });
  });

  it('stops embedding past the image budget and says where the file is', async () => {
    const src = sources([...attempts, { ...(attempts[1] as AttemptView), id: 99, serial: 'B' }]);
    const twice = { ...matrix, cells: [...matrix.cells, cell('B', 's-small', 'fail')] };
    const failures = await gatherFailures(src, twice, src.runs.get('run-g'), { maxThumbnails: 1 });
    expect(failures.map((f) => f.thumbnail.kind)).toEqual([
      'image',
      'too-large',
      'skipped',
      'unreadable',
      'unreadable',
      'none',
      'skipped',
    ]);
    expect(failures.at(-1)?.thumbnail).toEqual({
      kind: 'skipped',
      path: 'screenshot/small.png',
      sizeBytes: PNG.length,
    });
  });
});

describe('htmlReportFor and csvReportFor', () => {
  it('make a checked HTML report with the one embedded screenshot, and a CSV with attempts', async () => {
    const src = sources();
    const doc = checkHtml(
      await htmlReportFor(src, 'run-g', { locale: 'zh-CN', generatedAt: '2026-03-04T08:00:00Z' }),
    );
    expect(doc.elements.filter((e) => e.name === 'img')).toHaveLength(1);
    expect(doc.text).toContain('截图（');
    expect(doc.text).toContain('Bye s-big');
    // checkHtml puts a line break between elements; the sentence reads as one line.
    expect(doc.text.replace(/\s*\n\s*/g, '')).toContain(
      '采集方式为每 150 毫秒轮询一次：此连接无法持续读取手机日志，因此改为轮询通知列表。',
    );
    const csv = await csvReportFor(src, 'run-g', { attempts: true });
    const attemptRows = csv.split('\r\n').filter((l) => l.includes(',attempt,'));
    expect(attemptRows).toHaveLength(attempts.length);
    // The last column is how the attempt was captured (empty where no record was kept).
    expect(attemptRows.map((l) => l.slice(l.lastIndexOf(',') + 1))).toEqual(
      attempts.map((a) => (a.scenarioId === 's-none' ? '' : a.repeat === 1 ? 'events' : 'poll')),
    );
    expect(
      (await csvReportFor(src, 'run-g')).split('\r\n').filter((l) => l.includes(',attempt,')),
    ).toHaveLength(0);
  });
});
