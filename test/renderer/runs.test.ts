/**
 * The run view in Chromium against the REAL core: the push lab world (two virtual phones with the
 * demo app, the Tencent emulator), createLabCore with a test-cipher secret store, and the loopback
 * web bridge. Runs start from the UI, progress arrives over 'runs:progress', and what the page
 * shows is checked against what the core stored. Screenshots go to test-results/renderer/.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceStore } from '../../electron/lab/evidence/evidence-store';
import { captureLogcatSlice } from '../../electron/lab/android/capture/evidence/logcat-slice';
import { captureShadeScreenshot } from '../../electron/lab/android/capture/evidence/shade-screenshot';
import type { EvidencePort } from '../../electron/lab/android/run/adb-ports';
import { createSecretStore, type SecretCipher } from '../../electron/lab/secrets/secret-store';
import { systemClock } from '../../electron/lab/util/clock';
import type { VirtualLabController } from '../../electron/lab/virtual-lab-port';
import { serveWeb, type WebServer } from '../../electron/web/server';
import type { RunDetail } from '../../shared/domain/run';
import { captureModeOf } from '../../shared/runs/capture-mode';
import { describeReason } from '../../shared/runs/reasons';
import { openRunLab, type RunLab } from '../support/run-lab';
import { DEMO_PACKAGE, type PushLab } from '../virtual-lab/push-lab';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';

const PHONES = [
  { profile: 'xiaomi-hyperos2-android14-2', id: 'mi', account: 'qa_xiaomi' },
  { profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' },
];
const SCENARIOS = ['background-c2c-text', 'background-custom-no-desc', 'notifications-blocked'];
/** Device text that would run script if it were ever treated as HTML. */
const HOSTILE_MODEL = '<img src=x onerror="window.__pwned=1">';
const HOSTILE_TEXT = '<img src=x onerror=window.__pwned=2>';
const SECRET_NAME = 'tencent.lab';

/** Not encryption, but never the plain text: shows the key does not reach the file as typed. */
const testCipher: SecretCipher = {
  isAvailable: () => true,
  encrypt: (text) => Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ 0x5a)),
  decrypt: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString('utf8'),
};

let work: string;
let lab: RunLab;
let world: PushLab | null = null;
let server: WebServer;
let browser: BrowserSession;

/** The world as the core's virtual lab seam sees it: already running; its plan is the demo plan. */
const controller: VirtualLabController = {
  status: () => world?.lab.status() ?? { running: false, phones: [] },
  start: async () => controller.status(),
  stop: async () => controller.status(),
  plug: async () => controller.status(),
  onChange: () => () => undefined,
  demoPlan: () => world?.plan() ?? null,
};

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-runs-'));
  const dataDir = join(work, 'data');
  const evidence = new EvidenceStore(join(dataDir, 'evidence'), systemClock);
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
    core: {
      dataDir,
      virtualLab: controller,
      secrets: createSecretStore({ dir: dataDir, cipher: testCipher }),
      runEvidence,
      capturePollMs: 100,
    },
  });
  world = lab.world;
  // The Pixel reports a model that is markup: the core reads it like any identity.
  const pixel = lab.world.phones[1];
  if (!pixel) throw new Error('no Pixel in the world');
  pixel.android.state.props.set('ro.product.model', HOSTILE_MODEL);
  const refreshed = await lab.core.invoke('devices:refreshIdentity', [pixel.serial]);
  expect(refreshed.ok && refreshed.value.identity?.model).toBe(HOSTILE_MODEL);
  // The Pixel's shell may not read the events buffer: its capture has to poll, and says so.
  pixel.android.setEventsLog('refused');

  server = await serveWeb({ core: lab.core, rendererDir, uploadDir: join(work, 'uploads') });
  browser = await openBrowser({ height: 900 });
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
const runDetail = () => page().locator('.run-detail');
const chip = (serial: string, scenario: string) =>
  page().locator(`.run-grid tr[data-serial="${serial}"] td[data-scenario="${scenario}"] button.verdict-chip`);

async function coreDetail(runId: string): Promise<RunDetail> {
  const result = await lab.core.invoke('runs:get', [runId]);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The plan in the editor, changed by `edit`, written back. */
async function editPlan(edit: (plan: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const editor = page().locator('#run-plan');
  await editor.fill(
    JSON.stringify(edit(JSON.parse(await editor.inputValue()) as Record<string, unknown>), null, 2),
  );
}

/** Posts a notification as the demo app while the Xiaomi's custom-no-desc attempt captures. */
function injectHostileNotification(): () => void {
  const mi = lab.world.phones[0];
  let posted = false;
  return lab.core.services.runs.onProgress((event) => {
    const a = event.attempt;
    if (
      posted ||
      !mi ||
      !a ||
      a.serial !== mi.serial ||
      a.scenarioId !== 'background-custom-no-desc' ||
      a.status !== 'running' ||
      a.step !== 'capture'
    )
      return;
    posted = true;
    mi.android.postNotification(DEMO_PACKAGE, {
      channelId: 'pushlab_im',
      title: HOSTILE_TEXT,
      text: HOSTILE_TEXT,
    });
  });
}

describe('the run view on the real core', () => {
  let runId = '';

  it('stores the Tencent key under a name, encrypted, and never shows it again', async () => {
    await page().getByRole('tab', { name: 'Runs' }).click();
    await page().getByLabel('Name', { exact: true }).fill(SECRET_NAME);
    await page().getByLabel('Secret key').fill(lab.world.tencent.secretKey);
    await page().getByRole('button', { name: 'Save credential' }).click();
    await expect
      .poll(() => page().locator('.run-secrets__saved').textContent())
      .toBe(`Saved. Use it in the plan as { "stored": "${SECRET_NAME}" }.`);
    await expect.poll(() => page().getByLabel('Secret key').inputValue()).toBe('');
    expect(await page().locator(`[data-secret-name="${SECRET_NAME}"]`).count()).toBe(1);
    const file = await readFile(join(work, 'data', 'secrets.json'), 'utf8');
    expect(file).toContain(SECRET_NAME);
    expect(file).not.toContain(lab.world.tencent.secretKey);
    expect(await page().textContent('body')).not.toContain(lab.world.tencent.secretKey);
  });

  it('starts the demo plan (2 phones x 3 scenarios) with the stored key and follows it live to completed', async () => {
    await page().getByRole('button', { name: 'Use the demo plan' }).click();
    await expect
      .poll(async () => (await page().locator('#run-plan').inputValue()).includes('"sender"'))
      .toBe(true);
    await editPlan((plan) => ({
      ...plan,
      scenarios: SCENARIOS,
      timeouts: { pushMs: 3000, stepMs: 15000 },
      sender: { ...(plan.sender as object), secret: { stored: SECRET_NAME } },
    }));
    // Every verdict state a chip passes through (a string script: this file has no DOM types).
    await page().evaluate(`(() => {
      const seen = (window.__chipStates = []);
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.run-grid button.verdict-chip')) if (!seen.includes(el.dataset.verdict)) seen.push(el.dataset.verdict);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
    })()`);
    const stopInjecting = injectHostileNotification();
    try {
      await page().getByRole('button', { name: 'Start run' }).click();
      await expect
        .poll(() => runDetail().getAttribute('data-run-id'), { timeout: 15_000 })
        .toMatch(/^[0-9a-f-]{36}$/);
      runId = (await runDetail().getAttribute('data-run-id')) ?? '';
      expect(await page().locator('.run-grid button.verdict-chip').count()).toBe(6);
      await expect.poll(() => runDetail().getAttribute('data-status'), { timeout: 90_000 }).toBe('completed');
    } finally {
      stopInjecting();
    }
    const seen = (await page().evaluate('window.__chipStates')) as string[];
    expect(seen, seen.join(' > ')).toContain('running');

    // Every chip shows the verdict the core stored for its attempt; the totals add up.
    const stored = await coreDetail(runId);
    for (const attempt of stored.attempts) {
      expect(
        await page().locator(`button[data-attempt-id="${attempt.id}"]`).getAttribute('data-verdict'),
        `${attempt.serial} ${attempt.scenarioId}`,
      ).toBe(attempt.verdict?.kind);
    }
    expect(await page().locator('.run-totals__all').textContent()).toBe('Attempts: 6');
    const passes = stored.attempts.filter((a) => a.verdict?.kind === 'pass').length;
    expect(await page().locator('.run-totals [data-verdict="pass"] .verdict-chip__count').textContent()).toBe(
      String(passes),
    );
    expect(await page().locator(`.run-item[data-run-id="${runId}"]`).getAttribute('data-status')).toBe(
      'completed',
    );
    expect(await page().locator(`.run-item[data-run-id="${runId}"]`).textContent()).toContain(
      '6 of 6 attempts done',
    );
    await browser.screenshot('runs-completed');
    expect(browser.problems).toEqual([]);
  });

  it('opens an attempt with its verdict reason, steps and evidence', async () => {
    const mi = serialOf('mi');
    await chip(mi, 'background-c2c-text').click();
    const panel = page().locator('.attempt');
    await expect
      .poll(() => panel.locator('.attempt-steps__item').count(), { timeout: 10_000 })
      .toBeGreaterThan(3);
    const stored = (await coreDetail(runId)).attempts.find(
      (a) => a.serial === mi && a.scenarioId === 'background-c2c-text',
    );
    const verdict = stored?.verdict;
    if (!stored || !verdict) throw new Error('no verdict stored');
    expect(await panel.locator('.attempt-verdict__reason').textContent()).toBe(
      describeReason(verdict.reason, 'en'),
    );
    const steps = await panel
      .locator('.attempt-steps__item')
      .evaluateAll((items) =>
        items.map((el) => `${el.getAttribute('data-step')}:${el.getAttribute('data-step-status')}`),
      );
    expect(steps).toEqual(expect.arrayContaining(['send:ok', 'capture:ok', 'judge:ok']));
    // The shade screenshot is read from the evidence folder; records and the send receipt are JSON text.
    const image = panel.locator('[data-evidence-kind="screenshot"] img');
    await expect.poll(() => image.count(), { timeout: 10_000 }).toBe(1);
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await panel.locator('[data-evidence-kind="record"] pre').textContent()).toContain('"records"');
    expect(await panel.locator('[data-evidence-kind="send"] pre').count()).toBe(1);
    // How it was captured, as the stored record says: the virtual phones write the events buffer.
    const attemptDetail = await lab.core.invoke('runs:attempt', [stored.id]);
    if (!attemptDetail.ok) throw new Error(attemptDetail.error.message);
    const capture = captureModeOf(attemptDetail.value.evidence);
    expect(capture?.mode).toBe('events');
    const line = panel.locator('[data-evidence-kind="record"] .evidence-item__capture');
    expect(await line.getAttribute('data-capture-mode')).toBe('events');
    expect(await line.textContent()).toBe(
      `Captured from the events log (${capture?.reads} reads for ${capture?.enqueues} enqueues)`,
    );
    expect(await page().textContent('body')).not.toContain(lab.world.tencent.secretKey);
    await browser.screenshot('runs-attempt');
    expect(browser.problems).toEqual([]);
  });

  it('says an attempt was polled, and why, where the phone hides its events buffer', async () => {
    const pixel = serialOf('pixel');
    await chip(pixel, 'background-c2c-text').click();
    const line = page().locator('.attempt [data-evidence-kind="record"] .evidence-item__capture');
    await expect.poll(() => line.getAttribute('data-capture-mode'), { timeout: 10_000 }).toBe('poll');
    const stored = (await coreDetail(runId)).attempts.find(
      (a) => a.serial === pixel && a.scenarioId === 'background-c2c-text',
    );
    if (!stored) throw new Error('no attempt stored');
    const detail = await lab.core.invoke('runs:attempt', [stored.id]);
    if (!detail.ok) throw new Error(detail.error.message);
    const capture = captureModeOf(detail.value.evidence);
    expect(capture).toMatchObject({ mode: 'poll', reason: 'events-refused', pollMs: 100 });
    expect(capture?.detail).toContain('Permission denied');
    // The phone's words stay text, apart from the line that says why.
    expect(await line.textContent()).toBe(
      `Polled every 100 ms: ${capture?.message} The phone said: ${capture?.detail}`,
    );
    await browser.screenshot('runs-attempt-polled');
    expect(browser.problems).toEqual([]);
  });

  it('renders a phone name and a notification text made of markup as text', async () => {
    const pixelRow = page().locator(`.run-grid tr[data-serial="${serialOf('pixel')}"] th .run-grid__phone`);
    expect(await pixelRow.textContent()).toBe(`Google ${HOSTILE_MODEL}`);
    await chip(serialOf('mi'), 'background-custom-no-desc').click();
    const reason = page().locator('.attempt-verdict__reason');
    await expect
      .poll(() => reason.getAttribute('data-reason-key'), { timeout: 10_000 })
      .toBe('fail.shown-when-must-not');
    expect(await reason.textContent()).toBe(
      `A notification showed ("${HOSTILE_TEXT}" / "${HOSTILE_TEXT}") but none may show here.`,
    );
    await expect
      .poll(() => page().locator('.attempt [data-evidence-kind="record"] pre').textContent())
      .toContain('<img src=x onerror=window.__pwned=2>');
    expect(await page().locator('img[src="x"]').count()).toBe(0);
    expect(await page().evaluate('window.__pwned')).toBeUndefined();
    await browser.screenshot('runs-hostile');
    expect(browser.problems).toEqual([]);
  });

  it('lists every problem of an invalid plan and stores nothing', async () => {
    const before = lab.core.services.runs.list().length;
    const broken = JSON.stringify({
      name: 'broken',
      repeats: 0,
      phones: {},
      scenarios: ['no-such-scenario'],
      sender: { kind: 'manual' },
    });
    // Loaded from a file, as a user would pick it.
    const file = join(work, 'broken-plan.json');
    await writeFile(file, broken);
    await page().locator('#run-plan-file').setInputFiles(file);
    await expect.poll(() => page().locator('#run-plan').inputValue()).toBe(broken);
    await page().getByRole('button', { name: 'Start run' }).click();
    const problems = page().locator('.plan-problems li');
    await expect.poll(() => problems.count(), { timeout: 10_000 }).toBeGreaterThan(2);
    const direct = await lab.core.invoke('runs:start', [{ plan: broken }]);
    expect(direct.ok).toBe(false);
    const lines = direct.ok ? [] : direct.error.message.split('\n').filter((l) => l.startsWith('- '));
    expect(await problems.count()).toBe(lines.length);
    const paths = await page().locator('.plan-problems__path').allTextContents();
    expect(paths).toEqual(expect.arrayContaining(['repeats', 'app', 'scenarios[0]']));
    await browser.screenshot('runs-invalid-plan');

    await page().locator('#run-plan').fill('{"name": ');
    await page().getByRole('button', { name: 'Start run' }).click();
    await expect
      .poll(() => page().locator('.plan-problems__path').allTextContents())
      .toEqual(['the whole plan']);
    expect(lab.core.services.runs.list()).toHaveLength(before);
    expect(browser.problems).toEqual([]);
  });

  it('shows an operator prompt with Done, and stops and resumes a run', async () => {
    const mi = serialOf('mi');
    await page().getByRole('button', { name: 'Use the demo plan' }).click();
    await editPlan((plan) => ({
      ...plan,
      name: 'manual send',
      phones: { serials: [mi] },
      scenarios: ['background-c2c-text'],
      sender: { kind: 'manual' },
      timeouts: { pushMs: 1000, stepMs: 15000 },
    }));
    await page().getByRole('button', { name: 'Start run' }).click();
    const banner = page().locator('.run-prompt');
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(1);
    expect(await banner.textContent()).toContain(
      `Send "PushLab offline check" to qa_xiaomi on ${mi} now, then confirm.`,
    );
    const manualId = (await runDetail().getAttribute('data-run-id')) ?? '';

    // Stop while it waits: the run is cancelled, the question goes away, Resume brings it back.
    const item = page().locator(`.run-item[data-run-id="${manualId}"]`);
    await item.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 30_000 }).toBe('cancelled');
    await expect.poll(() => banner.count()).toBe(0);
    await item.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(1);
    await browser.screenshot('runs-operator-prompt');
    await banner.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 30_000 }).toBe('completed');
    // Nothing was really sent, so nothing showed: a verdict, not a hang.
    const stored = await coreDetail(manualId);
    expect(stored.attempts.map((a) => a.verdict?.kind)).toEqual(['fail']);
    expect(browser.problems).toEqual([]);
  });

  it('switches to 中文: run status, verdicts and the reason in Chinese', async () => {
    await page().locator(`.run-item[data-run-id="${runId}"] .run-item__open`).click();
    await expect.poll(() => runDetail().getAttribute('data-run-id')).toBe(runId);
    await page().getByRole('button', { name: '中文' }).click();
    await expect
      .poll(() => page().getByRole('tab', { name: '测试运行' }).getAttribute('aria-selected'))
      .toBe('true');
    expect(await runDetail().locator('.run-detail__header [data-run-status]').textContent()).toContain(
      '已完成',
    );
    const mi = serialOf('mi');
    const pass = chip(mi, 'background-c2c-text');
    expect(await pass.textContent()).toContain('通过');
    await pass.click();
    const stored = (await coreDetail(runId)).attempts.find(
      (a) => a.serial === mi && a.scenarioId === 'background-c2c-text',
    );
    if (!stored?.verdict) throw new Error('no verdict stored');
    await expect
      .poll(() => page().locator('.attempt-verdict__reason').textContent(), { timeout: 10_000 })
      .toBe(describeReason(stored.verdict.reason, 'zh-CN'));
    expect(
      await page().locator('.attempt-steps__item[data-step="send"] .attempt-steps__name').textContent(),
    ).toBe('发送推送');
    expect(await page().locator('#run-start-heading').textContent()).toBe('开始运行');
    await browser.screenshot('runs-zh');
    await page().getByRole('button', { name: 'English' }).click();
    expect(browser.problems).toEqual([]);
  });
});
