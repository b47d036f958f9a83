/**
 * The sign-off matrix in Chromium against the REAL core (push lab world: a Xiaomi and a Pixel with
 * the demo app, the Tencent emulator), through the loopback web bridge. A small plan runs from the
 * Runs view; the Matrix view must show what the core's 'matrix:get' says, filter it, move by
 * keyboard, open a cell's evidence, chart it, re-run one cell, and keep a hostile phone name as
 * text. Screenshots: test-results/renderer/matrix-*.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogcatSlice } from '../../electron/lab/android/capture/evidence/logcat-slice';
import { captureShadeScreenshot } from '../../electron/lab/android/capture/evidence/shade-screenshot';
import { EvidenceStore } from '../../electron/lab/evidence/evidence-store';
import type { EvidencePort } from '../../electron/lab/android/run/adb-ports';
import { systemClock } from '../../electron/lab/util/clock';
import type { VirtualLabController } from '../../electron/lab/virtual-lab-port';
import { serveWeb, type WebServer } from '../../electron/web/server';
import type { RunMatrix } from '../../shared/matrix/types';
import { describeReason } from '../../shared/runs/reasons';
import { openRunLab, type RunLab } from '../support/run-lab';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';

const PHONES = [
  { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', account: 'qa_xiaomi' },
  { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
];
const BG = 'background-c2c-text';
const IMG = 'background-image';
/** Markup, a right-to-left override, emoji and length: shown as text, and the row keeps its width. */
const HOSTILE_MODEL = `<img src=x onerror="window.__pwned=1">\u202Eevil🙂${'W'.repeat(120)}`;

let work: string;
let lab: RunLab;
let server: WebServer;
let browser: BrowserSession;
let runId = '';

const controller: VirtualLabController = {
  status: () => lab?.world.lab.status() ?? { running: false, phones: [] },
  start: async () => controller.status(),
  stop: async () => controller.status(),
  plug: async () => controller.status(),
  onChange: () => () => undefined,
  demoPlan: () => lab?.world.plan() ?? null,
};

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-matrix-'));
  const evidence = new EvidenceStore(join(work, 'data', 'evidence'), systemClock);
  const runEvidence: EvidencePort = {
    shadeScreenshot: async (io, serial) => ({
      path: (await captureShadeScreenshot(io, evidence, serial, { settleMs: 0 })).relativePath,
    }),
    logcatSlice: async (io, serial, w) => {
      const slice = await captureLogcatSlice(io, evidence, {
        serial,
        fromPhoneMs: w.fromPhoneMs,
        toPhoneMs: w.toPhoneMs,
        package: w.package,
      });
      return { path: slice.relativePath, lines: slice.lines };
    },
  };
  lab = await openRunLab({
    phones: PHONES,
    core: { dataDir: join(work, 'data'), virtualLab: controller, runEvidence, capturePollMs: 100 },
  });
  const pixel = lab.world.phones[1];
  if (!pixel) throw new Error('no Pixel in the world');
  pixel.android.state.props.set('ro.product.model', HOSTILE_MODEL);
  const refreshed = await lab.core.invoke('devices:refreshIdentity', [pixel.serial]);
  expect(refreshed.ok && refreshed.value.identity?.model).toBe(HOSTILE_MODEL);
  server = await serveWeb({ core: lab.core, rendererDir, uploadDir: join(work, 'uploads') });
  browser = await openBrowser({ width: 1360, height: 900 });
  await browser.page.goto(server.url);
}, 90_000);

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
const panel = () => page().locator('.mx-panel');

async function coreMatrix(id: string): Promise<RunMatrix> {
  const result = await lab.core.invoke('matrix:get', [id]);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the sign-off matrix on the real core', () => {
  it('shows a run started from the Runs view, cell by cell as the core built it', async () => {
    await page().getByRole('tab', { name: 'Runs' }).click();
    await page().getByRole('button', { name: 'Use the demo plan' }).click();
    await expect
      .poll(async () => (await page().locator('#run-plan').inputValue()).includes('"sender"'))
      .toBe(true);
    const plan = JSON.parse(await page().locator('#run-plan').inputValue()) as Record<string, unknown>;
    await page()
      .locator('#run-plan')
      .fill(
        JSON.stringify({
          ...plan,
          name: 'matrix check',
          scenarios: [BG, IMG],
          repeats: 2,
          timeouts: { pushMs: 3000, stepMs: 15000 },
        }),
      );
    await page().getByRole('button', { name: 'Start run' }).click();
    await expect
      .poll(() => page().locator('.run-detail').getAttribute('data-run-id'), { timeout: 15_000 })
      .toMatch(/^[0-9a-f-]{36}$/);
    runId = (await page().locator('.run-detail').getAttribute('data-run-id')) ?? '';
    await expect
      .poll(() => page().locator('.run-detail').getAttribute('data-status'), { timeout: 90_000 })
      .toBe('completed');

    await page().getByRole('tab', { name: 'Matrix' }).click();
    const matrix = await coreMatrix(runId);
    await expect.poll(() => page().locator('.mx-run__meta').getAttribute('data-run-id')).toBe(runId);
    await expect.poll(() => page().locator('.mx-run__meta').getAttribute('data-status')).toBe('completed');
    expect(
      await page()
        .locator('.mx-row--group')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group'))),
    ).toEqual(['xiaomi', 'google']);
    expect(await page().locator('.mx-band__name').allTextContents()).toEqual(['Xiaomi', 'Google']);
    for (const c of matrix.cells) {
      await expect
        .poll(() => cell(c.serial, c.scenarioId).getAttribute('data-status'), {
          message: `${c.serial} ${c.scenarioId}`,
        })
        .toBe(c.status);
    }
    expect(matrix.cells).toHaveLength(4);
    expect(
      await page()
        .locator('.mx-head__scenario')
        .evaluateAll((hs) => hs.map((h) => h.getAttribute('data-scenario'))),
    ).toEqual(matrix.columns.map((c) => c.scenarioId));
    expect(await page().locator('.mx-head__row--state .mx-head__group').allTextContents()).toEqual([
      'Background',
    ]);
    expect(await page().locator('[role="grid"]').getAttribute('aria-rowcount')).toBe(String(4 + 4));
    // Two repeats: p50 and p95 both shown for a passing cell.
    const mi = serialOf('mi');
    expect(await cell(mi, BG).locator('.mx-cell__latency').textContent()).toMatch(/^p50 .+ · p95 .+$/);
    await browser.screenshot('matrix-en');
    expect(browser.problems).toEqual([]);
  });

  it('filters by vendor and verdict, and says when nothing is left', async () => {
    await page().locator('#mx-filter-group').selectOption('google');
    expect(
      await page()
        .locator('.mx-row[data-serial]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-serial'))),
    ).toEqual([serialOf('pixel')]);
    expect(await page().locator('.mx-filters__shown').textContent()).toBe(
      'Showing 1 of 2 phones and 2 of 2 scenarios.',
    );
    await page().locator('#mx-filter-group').selectOption('all');
    await page().locator('#mx-filter-message').selectOption('image');
    expect(
      await page()
        .locator('.mx-head__scenario')
        .evaluateAll((hs) => hs.map((h) => h.getAttribute('data-scenario'))),
    ).toEqual([IMG]);
    const matrix = await coreMatrix(runId);
    const open = matrix.cells.filter(
      (c) => c.scenarioId === IMG && ['fail', 'blocked', 'device-lost', 'inconclusive'].includes(c.status),
    );
    await page().locator('#mx-filter-verdict').selectOption('open');
    if (open.length === 0)
      expect(await page().locator('.mx-empty').textContent()).toBe(
        'No phone or scenario matches these filters.',
      );
    else
      expect(await page().locator('.mx-row[data-serial]').count()).toBe(
        new Set(open.map((c) => c.serial)).size,
      );
    await page().getByRole('button', { name: 'Clear filters' }).click();
    expect(await page().locator('.mx-row[data-serial]').count()).toBe(2);
    expect(browser.problems).toEqual([]);
  });

  it('moves the focused cell with the arrow keys, opens it with Enter and closes it with Escape', async () => {
    const [mi, pixel] = [serialOf('mi'), serialOf('pixel')];
    await cell(mi, BG).click();
    await expect.poll(() => panel().getAttribute('data-serial')).toBe(mi);
    await page().keyboard.press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
    const focused = () =>
      page().evaluate(
        `(() => { const el = document.activeElement; return el ? el.closest('.mx-row')?.getAttribute('data-serial') ` +
          `+ ' ' + el.getAttribute('data-scenario') : null; })()`,
      );
    expect(await focused()).toBe(`${mi} ${BG}`);
    await page().keyboard.press('ArrowRight');
    expect(await focused()).toBe(`${mi} ${IMG}`);
    await page().keyboard.press('ArrowDown');
    expect(await focused()).toBe(`${pixel} ${IMG}`);
    await page().keyboard.press('ArrowDown');
    expect(await focused()).toBe(`${pixel} ${IMG}`);
    await page().keyboard.press('Home');
    expect(await focused()).toBe(`${pixel} ${BG}`);
    await page().keyboard.press('Enter');
    await expect.poll(() => panel().getAttribute('data-serial')).toBe(pixel);
    expect(await panel().getAttribute('data-scenario')).toBe(BG);
    expect(await cell(pixel, BG).getAttribute('aria-selected')).toBe('true');
    await page().keyboard.press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
    expect(await focused()).toBe(`${pixel} ${BG}`);
    expect(browser.problems).toEqual([]);
  });

  it('opens a cell: the reason, expected vs shown, the request id, the doctor snapshot and the evidence', async () => {
    const mi = serialOf('mi');
    const stored = (await coreMatrix(runId)).cells.find((c) => c.serial === mi && c.scenarioId === BG);
    if (!stored?.reason) throw new Error('no reason stored');
    await cell(mi, BG).click();
    expect(await panel().locator('.mx-panel__reason').textContent()).toBe(
      describeReason(stored.reason, 'en'),
    );
    const attemptId = Number(
      await page().locator('.mx-panel__repeats [aria-pressed="true"]').getAttribute('data-attempt-id'),
    );
    expect(stored.attemptIds).toContain(attemptId);
    expect(stored.status).toBe('pass');
    await expect
      .poll(() => panel().locator('.mx-facts tr[data-field="title"]').getAttribute('data-check'), {
        timeout: 10_000,
      })
      .toBe('ok');
    const attempt = await lab.core.invoke('runs:attempt', [attemptId]);
    if (!attempt.ok) throw new Error(attempt.error.message);
    const record = attempt.value.attempt.verdict?.details.record;
    expect(await panel().locator('.mx-facts tr[data-field="title"] .mx-facts__actual').textContent()).toBe(
      record?.title ?? '',
    );
    const send = attempt.value.evidence.find((e) => e.kind === 'send')?.data as
      { requestId?: string } | undefined;
    expect(send?.requestId).toBeTruthy();
    expect(await panel().locator('[data-request-id]').textContent()).toBe(send?.requestId);
    expect(await panel().locator('#mx-doctor-heading').textContent()).toMatch(/^Doctor snapshot of /);
    await expect
      .poll(() => panel().locator('[data-evidence-kind="screenshot"] img').getAttribute('src'), {
        timeout: 10_000,
      })
      .toMatch(/^data:image\/png;base64,/);
    expect(await panel().locator('[data-evidence-kind="record"] pre').textContent()).toContain('"records"');
    expect(await panel().locator('[data-evidence-kind="logcat"]').count()).toBe(1);
    // The other repeat opens with its own attempt.
    await panel().locator('.mx-panel__repeats [aria-pressed="false"]').click();
    await expect
      .poll(() => panel().locator('.mx-attempt').getAttribute('data-attempt-id'))
      .not.toBe(String(attemptId));
    await browser.screenshot('matrix-cell');
    expect(browser.problems).toEqual([]);
  });

  it('charts latency per vendor over every repeat and the delivery rate of this plan', async () => {
    const detail = await lab.core.invoke('runs:get', [runId]);
    if (!detail.ok) throw new Error(detail.error.message);
    const withLatency = (serial: string) =>
      String(detail.value.attempts.filter((a) => a.serial === serial && a.latencyMs !== null).length);
    const rows = page().locator('[data-chart-table="latency"] tbody tr');
    expect(
      await rows.evaluateAll((trs) =>
        trs.map((tr) => `${tr.getAttribute('data-group')}:${tr.querySelector('td')?.textContent}`),
      ),
    ).toEqual([`xiaomi:${withLatency(serialOf('mi'))}`, `google:${withLatency(serialOf('pixel'))}`]);
    expect(await page().locator('[data-chart="latency"] circle.mx-chart__dot').count()).toBe(
      detail.value.attempts.filter((a) => a.latencyMs !== null).length,
    );
    const delivery = page().locator(`[data-chart-table="delivery"] tr[data-run-id="${runId}"] td`).first();
    const total = (await coreMatrix(runId)).total.deliveryRate;
    await expect
      .poll(() => delivery.textContent())
      .toBe(total === null ? '–' : `${Math.round(total * 100)}%`);
  });

  it('renders a phone name made of markup, bidi overrides and emoji as text, without stretching the row', async () => {
    const pixel = serialOf('pixel');
    const phone = (await coreMatrix(runId)).phones.find((p) => p.serial === pixel);
    if (!phone) throw new Error('no Pixel in the matrix');
    expect(phone.model).toBe(HOSTILE_MODEL);
    expect(phone.marketingName).toBeNull();
    const name = page().locator(`.mx-row[data-serial="${pixel}"] .mx-phone__name`);
    // Markup stays text; the right-to-left override is shown as a marker, not obeyed.
    expect(await name.textContent()).toBe(`Google ${HOSTILE_MODEL.replace('\u202E', '⟨U+202E⟩')}`);
    expect(
      (await page().locator(`.mx-row[data-serial="${pixel}"] .mx-phone`).boundingBox())?.width,
    ).toBeLessThanOrEqual(261);
    expect(await page().locator('img[src="x"]').count()).toBe(0);
    expect(await page().evaluate('window.__pwned')).toBeUndefined();
    expect(browser.problems).toEqual([]);
  });

  it('re-runs one cell as a new run of that phone and scenario only', async () => {
    const mi = serialOf('mi');
    await cell(mi, IMG).click();
    await panel().getByRole('button', { name: 'Re-run this cell' }).click();
    await expect.poll(() => panel().locator('.mx-panel__rerun-started').count(), { timeout: 15_000 }).toBe(1);
    const rerun = lab.core.services.runs.list().find((r) => r.planName === 'matrix check · re-run');
    if (!rerun) throw new Error('no re-run stored');
    await lab.core.services.runs.settled(rerun.id);
    const detail = lab.core.services.runs.get(rerun.id);
    expect(detail.attempts.map((a) => `${a.serial} ${a.scenarioId} #${a.repeat}`)).toEqual([
      `${mi} ${IMG} #1`,
      `${mi} ${IMG} #2`,
    ]);
    const stored = await lab.core.invoke('runs:plan', [rerun.id]);
    expect(stored.ok && stored.value).toMatchObject({ phones: { serials: [mi] }, scenarios: [IMG] });
    await panel().getByRole('button', { name: 'Open it' }).click();
    await expect.poll(() => page().locator('.mx-run__meta').getAttribute('data-run-id')).toBe(rerun.id);
    expect(await page().locator('.mx-row[data-serial]').count()).toBe(1);
    expect(browser.problems).toEqual([]);
  });

  it('switches to 中文: tab, vendor bands, verdicts and header in Chinese', async () => {
    await page().locator('#mx-run').selectOption(runId);
    await expect.poll(() => page().locator('.mx-run__meta').getAttribute('data-run-id')).toBe(runId);
    await page().getByRole('button', { name: '中文' }).click();
    await expect
      .poll(() => page().getByRole('tab', { name: '验收矩阵' }).getAttribute('aria-selected'))
      .toBe('true');
    expect(await page().locator('.mx-band__name').allTextContents()).toEqual(['小米', '谷歌']);
    expect(await page().locator('.mx-head__row--state .mx-head__group').allTextContents()).toEqual(['后台']);
    const status = await cell(serialOf('mi'), BG).getAttribute('data-status');
    expect(await cell(serialOf('mi'), BG).locator('.mx-cell__verdict').textContent()).toContain(
      status === 'pass' ? '通过' : '',
    );
    await browser.screenshot('matrix-zh');
    await page().getByRole('button', { name: 'English' }).click();
    expect(browser.problems).toEqual([]);
  });
});
