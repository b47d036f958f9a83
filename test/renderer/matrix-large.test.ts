/**
 * A large matrix in Chromium: 50 phones x 100 scenarios (5,000 cells) built by the real
 * shared/matrix builder and served by the fake core through the web bridge. The grid must draw
 * only what is on screen (rows and columns virtualised), become usable quickly after the data
 * arrives, keep its headers in place while scrolling, and reach the far corner by keyboard.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabCore, LabInvoke } from '../../electron/lab/api';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { ok } from '../../shared/result';
import { bigRun } from './support/big-matrix';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';
import { nodeFakeCore } from './support/node-fake-core';

let work: string;
let server: WebServer;
let browser: BrowserSession;
const served: { matrixAt: number | null } = { matrixAt: null };
/** Column ids in the matrix's order (state, then message kind: not the order they were listed in). */
let columns: string[] = [];
/** Phone serials in row order (vendor group, then model). */
let rows: string[] = [];

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-matrix-large-'));
  const run = bigRun();
  columns = run.matrix.columns.map((c) => c.scenarioId);
  rows = run.matrix.phones.map((p) => p.serial);
  const fake = nodeFakeCore();
  // The fake core has no runs or matrix: this run is answered here, everything else by the fake.
  const core: LabCore = {
    // Raw channel and arguments, as a shell passes them (LabInvoke's second form).
    invoke: (async (channel: unknown, args: unknown) => {
      if (channel === 'runs:list') return ok([run.summary]) as never;
      if (channel === 'runs:get') return ok(run.detail) as never;
      if (channel === 'matrix:get') {
        served.matrixAt = Date.now();
        return ok(run.matrix) as never;
      }
      return fake.invoke(channel, args);
    }) as LabInvoke,
    subscribe: (listener) => fake.subscribe(listener),
    close: () => fake.close(),
  };
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  browser = await openBrowser({ width: 1360, height: 900 });
  await browser.page.goto(server.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const page = () => browser.page;

describe('a 50 x 100 matrix', () => {
  it('draws only the visible part, soon after the data arrives', async () => {
    await page().evaluate(`(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.mx-grid [role="gridcell"][data-status]')) { window.__gridAt = Date.now(); observer.disconnect(); }
      }).observe(document.body, { subtree: true, childList: true });
    })()`);
    await page().getByRole('tab', { name: 'Matrix' }).click();
    await expect.poll(() => page().evaluate('window.__gridAt ?? null'), { timeout: 15_000 }).not.toBeNull();
    const interactiveMs = Number(await page().evaluate('window.__gridAt')) - (served.matrixAt ?? 0);
    // Includes the HTTP transfer and JSON parse of ~5,000 cells. Printed only: speed is the bench's
    // (npm run bench -- matrix), never a timed test's; this test asserts what is drawn.
    console.info(`matrix 50x100: grid drawn ${interactiveMs} ms after the core answered`);
    expect(await page().locator('.mx-grid').getAttribute('aria-rowcount')).toBe(String(4 + 50 + 10));
    expect(await page().locator('.mx-grid').getAttribute('aria-colcount')).toBe('101');
    expect(columns).toHaveLength(100);
    const drawn = await page().locator('.mx-grid [role="gridcell"][data-status]').count();
    expect(drawn).toBeGreaterThan(20);
    expect(drawn).toBeLessThan(600);
    await browser.screenshot('matrix-large');
    expect(browser.problems).toEqual([]);
  });

  it('keeps the header and phone column in place while scrolling, and reaches the last cell by keyboard', async () => {
    const grid = page().locator('.mx-grid');
    const headBefore = await page().locator('.mx-head').boundingBox();
    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight, left: el.scrollWidth }));
    await expect.poll(() => page().locator(`.mx-row[data-serial="${rows[49]}"]`).count()).toBe(1);
    await expect
      .poll(() => page().locator(`.mx-head__scenario[data-scenario="${columns[99]}"]`).count())
      .toBe(1);
    await expect
      .poll(() =>
        page()
          .locator(`.mx-row[data-serial="${rows[49]}"] [role="gridcell"][data-scenario="${columns[99]}"]`)
          .count(),
      )
      .toBe(1);
    // Far from the start, the early columns are no longer drawn (only the focused one stays, for focus).
    expect(
      await page()
        .locator(`.mx-row[data-serial="${rows[49]}"] [role="gridcell"][data-scenario="${columns[10]}"]`)
        .count(),
    ).toBe(0);
    expect((await page().locator('.mx-head').boundingBox())?.y).toBeCloseTo(headBefore?.y ?? 0, 0);
    const gridBox = await grid.boundingBox();
    expect(
      (await page().locator(`.mx-row[data-serial="${rows[49]}"] .mx-phone`).boundingBox())?.x,
    ).toBeCloseTo(gridBox?.x ?? 0, -1);

    const focused =
      `(() => { const el = document.activeElement; return el?.closest('.mx-row')?.getAttribute('data-serial') ` +
      `+ ' ' + el?.getAttribute('data-scenario'); })()`;
    // A cell focused without the keyboard (here by script) stays drawn and focused while scrolled away.
    await grid.evaluate((el) => el.scrollTo({ top: 0, left: 0 }));
    await page().locator(`.mx-row[data-serial="${rows[1]}"] [role="gridcell"]`).nth(2).focus();
    const first = String(await page().evaluate(focused));
    expect(first).toBe(`${rows[1]} ${columns[2]}`);
    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight, left: el.scrollWidth }));
    await expect.poll(() => page().locator(`.mx-row[data-serial="${rows[49]}"]`).count()).toBe(1);
    expect(await page().evaluate(focused)).toBe(first);

    await page().keyboard.press('Control+End');
    await expect.poll(() => page().evaluate(focused), { timeout: 10_000 }).toBe(`${rows[49]} ${columns[99]}`);
    await page().keyboard.press('Control+Home');
    // Each move draws the target cell before it takes focus: give a loaded machine time for that.
    await expect.poll(() => page().evaluate(focused), { timeout: 10_000 }).toBe(`${rows[0]} ${columns[0]}`);
    await page().keyboard.press('PageDown');
    await expect
      .poll(() => page().evaluate(focused), { timeout: 10_000 })
      .not.toBe(`${rows[0]} ${columns[0]}`);
    expect(browser.problems).toEqual([]);
  });
});
