/**
 * Opening a run's matrix in the renderer (Chromium, the built app): 50 phones x 100 scenarios
 * (5,000 cells). Measured from the moment the matrix answer has fully arrived in the page (the
 * request's responseEnd) to the first drawn grid cell, median of 5 opens. Target <= 200 ms.
 * Needs the built renderer (`npm run build`, done by `npm test`) and Debian's chromium.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabCore, LabInvoke } from '../electron/lab/api';
import { serveWeb } from '../electron/web/server';
import { ok } from '../shared/result';
import { bigRun } from '../test/renderer/support/big-matrix';
import { openBrowser, RENDERER_DIR } from '../test/renderer/support/browser';
import { nodeFakeCore } from '../test/renderer/support/node-fake-core';

export interface MatrixRenderResult {
  readonly cells: number;
  readonly opens: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

const PROBE = `(() => {
  window.__gridAt = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('.mx-grid [role="gridcell"][data-status]')) { window.__gridAt = performance.now(); observer.disconnect(); }
  }).observe(document.body, { subtree: true, childList: true });
})()`;
const ARRIVED = `(() => {
  const entry = performance.getEntriesByType('resource').filter((e) => e.name.includes('matrix%3Aget') || e.name.includes('matrix:get')).pop();
  return entry ? entry.responseEnd : null;
})()`;

export async function benchMatrixRender(opens = 5): Promise<MatrixRenderResult | { skipped: string }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')))
    return { skipped: 'renderer not built (run `npm run build`)' };
  if (!existsSync('/usr/bin/chromium')) return { skipped: 'chromium not installed' };
  const work = await mkdtemp(join(tmpdir(), 'pushlab-bench-matrix-'));
  const run = bigRun();
  const fake = nodeFakeCore();
  const core: LabCore = {
    // Raw channel and arguments, as a shell passes them (LabInvoke's second form).
    invoke: (async (channel: unknown, args: unknown) => {
      if (channel === 'runs:list') return ok([run.summary]) as never;
      if (channel === 'runs:get') return ok(run.detail) as never;
      if (channel === 'matrix:get') return ok(run.matrix) as never;
      return fake.invoke(channel, args);
    }) as LabInvoke,
    subscribe: (listener) => fake.subscribe(listener),
    close: () => fake.close(),
  };
  const server = await serveWeb({ core, rendererDir: RENDERER_DIR, uploadDir: join(work, 'uploads') });
  const browser = await openBrowser({ width: 1360, height: 900 });
  const times: number[] = [];
  try {
    for (let i = 0; i < opens; i++) {
      await browser.page.goto(server.url);
      await browser.page.evaluate(PROBE);
      await browser.page.getByRole('tab', { name: 'Matrix' }).click();
      await browser.page.waitForFunction('window.__gridAt !== null', undefined, { timeout: 20_000 });
      const gridAt = Number(await browser.page.evaluate('window.__gridAt'));
      const arrived = (await browser.page.evaluate(ARRIVED)) as number | null;
      if (arrived === null) throw new Error('The matrix request was not seen in the page timeline.');
      times.push(gridAt - arrived);
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    cells: run.matrix.cells.length,
    opens,
    medianMs: sorted[Math.floor(sorted.length / 2)] as number,
    maxMs: sorted.at(-1) as number,
  };
}
