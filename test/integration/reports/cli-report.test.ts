/**
 * `pushlab report` as CI uses it: a small run on the push lab world (one phone with its push
 * channel turned off, so a cell fails with evidence), then the CLI in a child process on that
 * database with no adb server reachable, writing HTML, CSV and JUnit; the HTML opens offline in
 * Chromium with nothing loaded and its screenshot shown.
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_THUMBNAIL_BYTES } from '../../../electron/lab/reports/gather-report';
import { FAILING_STATUSES } from '../../../electron/lab/reports/report-types';
import { resolveEvidencePath } from '../../../electron/lab/runs/evidence-file';
import { captureModeOf } from '../../../shared/runs/capture-mode';
import { openRunLab, type RunLab } from '../../support/run-lab';
import { DEMO_PACKAGE } from '../../virtual-lab/push-lab';
import { DEMO_CHANNELS } from '../../virtual-lab/world/demo-app';
import { checkHtml } from '../../unit/reports/html-check';
import { findAll, parseXml } from '../../unit/runs/xml-check';
import { ARTIFACTS, inspectReport, openReportOffline } from './offline-browser';

const CLI = join(process.cwd(), 'electron/cli/pushlab.mjs');
const SCENARIOS = ['background-c2c-text', 'foreground-text'];
let env: RunLab;
let runId: string;
let deadPort: number;

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function pushlab(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  // No adb anywhere: a port nothing listens on, and no server may be started.
  const child = spawn(
    process.execPath,
    [CLI, ...args, '--data-dir', env.dir, '--adb-port', String(deadPort)],
    {
      env: {
        ...process.env,
        ANDROID_ADB_SERVER_PORT: String(deadPort),
        PUSHLAB_ADB_NO_START: '1',
        PUSHLAB_ADB_BIN: '/nonexistent/adb',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started })),
  );
}

beforeAll(async () => {
  env = await openRunLab({
    phones: [
      { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', account: 'qa_xiaomi' },
      { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
    ],
  });
  deadPort = await closedPort();
  // Every channel of the app off on the Pixel: its pushes arrive but never show.
  const pixel = env.world.phones.find((p) => p.id === 'pixel');
  for (const channel of DEMO_CHANNELS) pixel?.android.setChannel(DEMO_PACKAGE, channel.id, { importance: 0 });
  const runs = env.core.services.runs;
  ({ runId } = await runs.start(
    env.world.plan({
      name: 'Report <b>demo</b> 🚀',
      scenarios: SCENARIOS,
      repeats: 2,
      timeouts: { pushMs: 2500, stepMs: 15000 },
    }),
  ));
  const summary = await runs.settled(runId);
  expect(summary.status).toBe('completed');
}, 180_000);
afterAll(async () => env?.close());

describe('pushlab report', () => {
  it('writes HTML, CSV and JUnit of a stored run with no adb server, and the HTML opens offline', async () => {
    const html = join(env.dir, 'report.html');
    const csv = join(env.dir, 'report.csv');
    const junit = join(env.dir, 'report.xml');
    const result = await pushlab([
      'report',
      '--run',
      runId,
      '--html',
      html,
      '--csv',
      csv,
      '--attempts',
      '--junit',
      junit,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`written to ${html}`);
    expect(result.ms).toBeLessThan(20_000);

    const matrix = env.core.services.matrix.matrix(runId);
    const detail = env.core.services.runs.get(runId);
    const failing = matrix.cells.filter((c) => (FAILING_STATUSES as readonly string[]).includes(c.status));
    const lines = detail.attempts
      .map((a) => `${a.serial} ${a.scenarioId} #${a.repeat} ${a.verdict?.kind} ${a.verdict?.reason.key}`)
      .join('\n');
    expect(failing.length, lines).toBeGreaterThan(0);

    // HTML: strict check, a card per failing cell, the screenshots that are small enough embedded.
    const doc = checkHtml(await readFile(html, 'utf8'));
    expect(doc.text).toContain('Report <b>demo</b> 🚀');
    expect(doc.text).toContain(runId);
    expect(doc.elements.filter((e) => e.name === 'article')).toHaveLength(failing.length);
    let embeddable = 0;
    for (const cell of failing) {
      const attempt = detail.attempts.find(
        (a) =>
          a.serial === cell.serial && a.scenarioId === cell.scenarioId && a.verdict?.kind === cell.status,
      );
      const shot =
        attempt === undefined
          ? undefined
          : env.core.services.runs
              .attempt(attempt.id)
              .evidence.filter((e) => e.kind === 'screenshot')
              .at(-1);
      if (shot?.path == null) continue;
      const size = (await stat(await resolveEvidencePath(join(env.dir, 'evidence'), shot.path, shot))).size;
      if (size <= MAX_THUMBNAIL_BYTES) embeddable += 1;
    }
    expect(embeddable, lines).toBeGreaterThan(0);
    expect(
      doc.elements.filter((e) => e.name === 'img'),
      lines,
    ).toHaveLength(embeddable);

    const report = await openReportOffline(html);
    try {
      const seen = await inspectReport(report.page);
      expect(report.requests).toEqual([]);
      expect(report.dialogs).toEqual([]);
      expect(report.problems).toEqual([]);
      expect(seen.scripts).toBe(0);
      expect(seen.brokenImages).toBe(0);
      await report.page.screenshot({ path: join(ARTIFACTS, 'cli-run-en.png'), fullPage: true });
      await report.page.pdf({
        path: join(ARTIFACTS, 'cli-run-en.pdf'),
        format: 'A4',
        landscape: true,
        printBackground: true,
      });
    } finally {
      await report.close();
    }

    // CSV: BOM, header, one row per cell and per attempt.
    const text = await readFile(csv, 'utf8');
    expect(text.startsWith('\uFEFFRun,Phone serial,')).toBe(true);
    const rows = text
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    expect(rows.filter((r) => r.includes(',cell,'))).toHaveLength(matrix.cells.length);
    expect(rows.filter((r) => r.includes(',attempt,'))).toHaveLength(detail.attempts.length);
    // The last column says how each attempt was captured, as its stored record evidence says.
    const stored = detail.attempts.map(
      (a) => captureModeOf(env.core.services.runs.attempt(a.id).evidence)?.mode ?? '',
    );
    expect(stored.filter((m) => m === 'events').length).toBeGreaterThan(0);
    const captureColumn = rows
      .filter((r) => r.includes(',attempt,'))
      .map((r) => r.slice(r.lastIndexOf(',') + 1));
    expect(captureColumn.sort()).toEqual(stored.sort());

    // JUnit: one case per attempt, failures where cells failed.
    const xml = parseXml(await readFile(junit, 'utf8'));
    expect(findAll(xml, 'testcase')).toHaveLength(detail.attempts.length);
    expect(Number(xml.attrs.failures) + Number(xml.attrs.errors) + Number(xml.attrs.skipped)).toBeGreaterThan(
      0,
    );
  }, 120_000);

  it('writes the HTML in Chinese, and exits 2 for an unknown run or no output', async () => {
    const html = join(env.dir, 'report-zh.html');
    const zh = await pushlab(['report', '--run', runId, '--html', html, '--locale', 'zh-CN']);
    expect(zh.code, zh.stderr).toBe(0);
    const doc = checkHtml(await readFile(html, 'utf8'));
    expect(doc.elements[0]?.attrs.lang).toBe('zh-CN');
    expect(doc.text).toContain('离线推送签发报告');

    const missing = await pushlab(['report', '--run', 'no-such-run', '--csv', join(env.dir, 'x.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-run/);
    const none = await pushlab(['report', '--run', runId]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/at least one output/);
  }, 60_000);
});
