/**
 * Comparing, signing off and exporting in Chromium against the REAL core: a small plan runs twice
 * on a Xiaomi and a Pixel; between the runs the Pixel's notifications are turned off through adb
 * (`pm revoke … POST_NOTIFICATIONS`). The Matrix view must mark the Pixel's cells as regressed with
 * the doctor's drift beside them, sign the second run off with a waiver per failed cell (a name
 * made of markup stays text), freeze it, and export an HTML report that opens offline and a CSV.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb, type WebServer } from '../../electron/web/server';
import type { RunComparison, RunMatrix } from '../../shared/matrix/types';
import { openRunLab, type RunLab } from '../support/run-lab';
import { DEMO_PACKAGE } from '../virtual-lab/push-lab';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';

const PHONES = [
  { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', account: 'qa_xiaomi' },
  { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
];
const SCENARIOS = ['background-c2c-text', 'background-image'];
const HOSTILE_NAME = '<b onmouseover="window.__pwned=3">QA lead</b> \u202Egnol';
const WAIVABLE = ['fail', 'blocked', 'device-lost', 'inconclusive'];

let work: string;
let lab: RunLab;
let server: WebServer;
let browser: BrowserSession;
let first = '';
let second = '';

async function runOnce(): Promise<string> {
  const { runId } = await lab.core.services.runs.start(
    lab.world.plan({
      name: 'nightly offline push',
      scenarios: SCENARIOS,
      timeouts: { pushMs: 3000, stepMs: 15000 },
    }),
  );
  expect((await lab.core.services.runs.settled(runId)).status).toBe('completed');
  return runId;
}

async function invoke<T>(
  channel: 'matrix:get' | 'matrix:compare' | 'matrix:sign-off-of',
  args: unknown[],
): Promise<T> {
  const result = await lab.core.invoke(channel, args as never);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-matrix-compare-'));
  lab = await openRunLab({ phones: PHONES, core: { dataDir: join(work, 'data'), capturePollMs: 100 } });
  first = await runOnce();
  const pixel = lab.world.phones.find((p) => p.id === 'pixel')?.serial ?? '';
  await lab.core.services.gateway
    .device(pixel)
    .shell(`pm revoke ${DEMO_PACKAGE} android.permission.POST_NOTIFICATIONS`);
  second = await runOnce();
  server = await serveWeb({ core: lab.core, rendererDir, uploadDir: join(work, 'uploads') });
  browser = await openBrowser({ width: 1360, height: 900 });
  await browser.page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await lab?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const page = () => browser.page;
const serialOf = (id: string): string => lab.world.phones.find((p) => p.id === id)?.serial ?? '';
const cell = (serial: string, scenario: string) =>
  page().locator(`.mx-row[data-serial="${serial}"] [role="gridcell"][data-scenario="${scenario}"]`);

describe('comparing, signing off and exporting on the real core', () => {
  it('marks the regressed cells against the earlier run, with the settings drift beside them', async () => {
    await page().getByRole('tab', { name: 'Matrix' }).click();
    // The newest run opens by itself.
    await expect
      .poll(() => page().locator('.mx-run__meta').getAttribute('data-run-id'), { timeout: 10_000 })
      .toBe(second);
    await page().locator('#mx-compare').selectOption(first);
    const comparison = await invoke<RunComparison>('matrix:compare', [first, second]);
    const regressed = comparison.changes.filter((c) => c.kind === 'regressed');
    expect(regressed.map((c) => c.serial)).toEqual([serialOf('pixel'), serialOf('pixel')]);
    await expect
      .poll(() => page().locator('.mx-compare__item').count(), { timeout: 10_000 })
      .toBe(comparison.changes.length);
    for (const change of comparison.changes) {
      expect(await cell(change.serial, change.scenarioId).getAttribute('data-change')).toBe(change.kind);
      const item = page().locator(
        `.mx-compare__item[data-serial="${change.serial}"][data-scenario="${change.scenarioId}"]`,
      );
      expect(await item.getAttribute('data-change')).toBe(change.kind);
      expect(
        await item
          .locator('.change')
          .evaluateAll((lines) => lines.map((l) => l.getAttribute('data-check-id'))),
      ).toEqual(expect.arrayContaining(['notifications.permission']));
    }
    expect(await cell(serialOf('mi'), SCENARIOS[0] ?? '').getAttribute('data-change')).toBeNull();
    expect(await page().locator('.mx-compare__counts [data-change="regressed"]').textContent()).toContain(
      `Regressed ${regressed.length}`,
    );
    // The open cell says what changed and why it may have.
    await cell(serialOf('pixel'), SCENARIOS[0] ?? '').click();
    expect(await page().locator('.mx-panel .mx-change').getAttribute('data-change')).toBe('regressed');
    expect(
      await page().locator('.mx-panel .mx-change [data-check-id="notifications.permission"]').count(),
    ).toBe(1);
    // Delivery over the plan's runs: both runs, this one last.
    expect(
      await page()
        .locator('[data-chart-table="delivery"] tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run-id'))),
    ).toEqual([first, second]);
    await browser.screenshot('matrix-compare');
    expect(browser.problems).toEqual([]);
  });

  it('signs the run off with a reason per failed cell, and freezes it', async () => {
    const before = await invoke<RunMatrix>('matrix:get', [second]);
    const toWaive = before.cells.filter((c) => WAIVABLE.includes(c.status));
    expect(toWaive.length).toBeGreaterThan(0);
    await page().getByRole('button', { name: 'Sign off…' }).click();
    const dialog = page().locator('dialog.mx-dialog');
    expect(await dialog.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
    expect(await dialog.locator('.mx-dialog__cells li').count()).toBe(toWaive.length);
    await dialog.getByRole('button', { name: 'Sign off', exact: true }).click();
    expect(await dialog.locator('[role="alert"]').allTextContents()).toEqual([
      'Enter your name.',
      `Give a reason for each cell that did not pass (${toWaive.length} missing).`,
    ]);
    await dialog.getByLabel('Your name').fill(HOSTILE_NAME);
    await dialog.getByLabel('Note (optional)').fill('Pixel notifications were turned off on purpose.');
    await dialog
      .getByLabel('Reason for every cell still without one')
      .fill('Permission revoked for this test <script>window.__pwned=4</script>');
    await dialog.getByRole('button', { name: 'Use for empty ones' }).click();
    await dialog.getByRole('button', { name: 'Sign off', exact: true }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);

    const stored = await invoke<{ by: string; waivers: unknown[] }>('matrix:sign-off-of', [second]);
    expect(stored.by).toBe(HOSTILE_NAME.trim());
    expect(stored.waivers).toHaveLength(toWaive.length);
    await expect.poll(() => page().locator('.mx-signed').getAttribute('data-signed-by')).toBe(stored.by);
    // The name's right-to-left override is shown as a marker, so it cannot reverse the date after it.
    expect(await page().locator('.mx-signed__title').textContent()).toMatch(
      /^✓ Signed off by <b onmouseover="window\.__pwned=3">QA lead<\/b> ⟨U\+202E⟩gnol on [A-Z][a-z]{2} \d{1,2}, \d{4}/,
    );
    for (const c of toWaive)
      await expect.poll(() => cell(c.serial, c.scenarioId).getAttribute('data-waived')).toBe('true');
    expect(await page().getByRole('button', { name: 'Sign off…' }).count()).toBe(0);
    // Frozen: the open cell cannot be re-run.
    const rerun = page().locator('.mx-panel').getByRole('button', { name: 'Re-run this cell' });
    expect(await rerun.isDisabled()).toBe(true);
    expect(await page().locator('.mx-panel__waiver').textContent()).toContain(
      'Permission revoked for this test <script>',
    );
    expect(await page().locator('b[onmouseover], script:not([src])').count()).toBe(0);
    expect(await page().evaluate('window.__pwned')).toBeUndefined();
    await browser.screenshot('matrix-signed');
    expect(browser.problems).toEqual([]);
  });

  it('exports an HTML report that opens offline with nothing to run, and the CSV', async () => {
    const [html] = await Promise.all([
      page().waitForEvent('download'),
      page().getByRole('button', { name: 'HTML report' }).click(),
    ]);
    expect(html.suggestedFilename()).toBe(
      `pushlab-nightly-offline-push-${second.replace(/-/g, '').slice(0, 8)}.html`,
    );
    const htmlPath = join(work, html.suggestedFilename());
    await html.saveAs(htmlPath);
    const text = await readFile(htmlPath, 'utf8');
    expect(text).toMatch(/^<!doctype html>/i);
    expect(text).not.toContain(HOSTILE_NAME);
    expect(text).toContain('&lt;b onmouseover=');

    // Offline, in a page of its own: it shows, loads nothing and runs nothing.
    await browser.context.setOffline(true);
    const report = await browser.context.newPage();
    const requests: string[] = [];
    report.on('request', (request) => requests.push(request.url()));
    try {
      await report.goto(pathToFileURL(htmlPath).href);
      expect(await report.locator('body').textContent()).toContain('nightly offline push');
      expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
      expect(await report.evaluate('window.__pwned')).toBeUndefined();
    } finally {
      await report.close();
      await browser.context.setOffline(false);
    }

    const [csv] = await Promise.all([
      page().waitForEvent('download'),
      page().getByRole('button', { name: 'CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvPath = join(work, csv.suggestedFilename());
    await csv.saveAs(csvPath);
    const rows = (await readFile(csvPath, 'utf8')).trim().split(/\r?\n/);
    expect(rows.length).toBe(1 + (await invoke<RunMatrix>('matrix:get', [second])).cells.length);
    expect(browser.problems).toEqual([]);
  });
});
