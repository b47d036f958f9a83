/**
 * The desktop app through the electron STAND-IN (test/shell/electron-stand-in): the BUILT main
 * bundle runs under Node with the stand-in in place of `electron`; its window is a Debian
 * Chromium page running the built renderer and the built preload, whose IPC reaches main's real
 * handlers. This proves PushLab's shell wiring, not Electron itself.
 *
 * One user's session: start the demo -> the board shows the virtual phones -> doctor with a fix
 * -> store the Tencent key -> a run -> matrix -> sign-off -> HTML export -> close the window,
 * with the security promises checked on the way and a clean shutdown at the end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADB_PORT } from '../../electron/main/launch-options';
import { adbServerListening, stopAdbServer } from './support/adb-probe';
import { contentSecurityPolicy } from '../../electron/main/security-policy';
import { REPO_ROOT } from '../renderer/support/browser';
import { buildStandIn, launchStandInApp, type JournalEntry, type StandInApp } from './support/stand-in-app';

const DEMO_PACKAGE = 'com.pushlab.demo';
const SECRET_NAME = 'tencent.demo';
const SIGNER = 'Stand-in QA';

let work: string;
let register: string;
let standInDir: string;
let home: string;
let app: StandInApp;
let browser: Browser;
let page: Page;

const dataDir = () => path.join(home, '.config', 'pushlab');
const entries = (kind: string): JournalEntry[] => app.journal().filter((e) => e.kind === kind);
const demoKey = () => readFileSync(path.join(dataDir(), 'demo-tencent-secret'), 'utf8').trim();

beforeAll(async () => {
  // As a user arrives: no adb server yet on the demo's port, so the one the app starts is its own.
  if (await adbServerListening('127.0.0.1', DEMO_ADB_PORT)) {
    throw new Error(
      `Something already listens on 127.0.0.1:${DEMO_ADB_PORT} (an adb server?); stop it (adb -P ${DEMO_ADB_PORT} kill-server) and run again.`,
    );
  }
  work = await mkdtemp(path.join(tmpdir(), 'pushlab-shell-'));
  register = await buildStandIn(path.join(work, 'stand-in'));
  standInDir = path.join(work, 'journal');
  home = path.join(work, 'home');
  app = launchStandInApp({ register, standInDir, home, args: ['--demo'] });
  ({ browser, page } = await app.attach());
}, 60_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (app && app.child.exitCode === null) {
    // A failed test leaves nothing behind: SIGTERM lets Playwright close the stand-in's Chromium,
    // SIGKILL if that hangs, and the demo's adb server is stopped too.
    app.child.kill('SIGTERM');
    const stopped = await Promise.race([
      app.exited,
      new Promise((resolve) => setTimeout(() => resolve(null), 5_000)),
    ]);
    if (stopped === null) app.child.kill('SIGKILL');
    await stopAdbServer({ bin: 'adb', port: DEMO_ADB_PORT });
  }
  if (work && !process.env.PUSHLAB_KEEP_SHELL_WORK) await rm(work, { recursive: true, force: true });
  else if (work) console.log(`kept ${work}\n${app?.output().slice(-3000) ?? ''}`);
});

describe('PushLab desktop shell on the electron stand-in', () => {
  it('opens one hardened window: sandboxed, isolated, no Node, the built preload, CSP as header and <meta>', async () => {
    const [window] = entries('BrowserWindow');
    const prefs = (window?.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.preload).toBe(path.join(REPO_ROOT, 'out/preload/index.cjs'));
    expect(entries('app.enableSandbox')).toHaveLength(1);
    expect(entries('preload')[0]?.loaded).toBe(true);
    const [response] = entries('response-headers');
    expect((response?.headers as Record<string, string>)['Content-Security-Policy']).toBe(
      contentSecurityPolicy(),
    );
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe(
      contentSecurityPolicy({ delivery: 'meta' }),
    );
    // The policy holds in the page: an injected inline script does not run.
    expect(
      await page.evaluate(
        `(() => { const s = document.createElement('script'); s.textContent = 'window.__inline ` +
          `= 1'; document.head.append(s); return typeof window.__inline; })()`,
      ),
    ).toBe('undefined');
    // The page sees window.pushlab and nothing of Node or ipcRenderer.
    expect(
      await page.evaluate(
        `[typeof window.pushlab.invoke, typeof require, typeof process, typeof window.ipcRenderer, Object.isFrozen(window.pushlab)]`,
      ),
    ).toEqual(['function', 'undefined', 'undefined', 'undefined', true]);
    // Only the clipboard write the app asks for is granted; camera, location, notifications are not.
    const granted = entries('permission')
      .filter((e) => e.requested && e.checked)
      .map((e) => e.permission);
    expect(granted).toEqual(['clipboard-sanitized-write']);
    // Shown once, on ready-to-show: after the page has loaded, which a loaded machine may finish
    // only after the checks above began.
    await expect.poll(() => entries('window.show').length, { timeout: 15_000 }).toBe(1);
  });

  it('shows the demo phones on the board, live from the core', async () => {
    await expect
      .poll(() => page.locator('article.device-card .channel-tag').count(), { timeout: 45_000 })
      .toBeGreaterThanOrEqual(8);
    expect(await page.locator('[data-adb-state="connected"]').textContent()).toContain(
      `127.0.0.1:${DEMO_ADB_PORT}`,
    );
    expect(await page.locator('article.device-card .vendor-badge').allTextContents()).toEqual(
      expect.arrayContaining(['Xiaomi', 'Huawei', 'OPPO · OnePlus · realme', 'Samsung']),
    );
  });

  it('runs the doctor on a demo phone and applies a fix', async () => {
    const card = page
      .locator('article.device-card', { has: page.locator('.vendor-badge', { hasText: 'Xiaomi' }) })
      .first();
    await card.getByRole('button', { name: 'Check push readiness' }).click();
    const panel = page.locator('.doctor-panel');
    await panel.getByLabel('App package').fill(DEMO_PACKAGE);
    await panel.getByLabel('Notification channel ids (optional)').fill('pushlab_im');
    await panel.getByRole('button', { name: /Run check|Check again/ }).click();
    await expect.poll(() => panel.locator('.report[data-live="true"]').count(), { timeout: 20_000 }).toBe(1);
    const doze = panel.locator('li.check[data-check-id="battery.doze"]');
    expect(await doze.getAttribute('data-status')).toBe('warn');
    await doze.locator('button[data-fix="doze-allowlist"]').click();
    await expect.poll(() => doze.getAttribute('data-status'), { timeout: 20_000 }).toBe('ok');
    expect(await doze.locator('.fix-result[data-fix="doze-allowlist"]').getAttribute('data-fix-ok')).toBe(
      'true',
    );
  });

  it('refuses navigation away from the app and every new window; https links go to the system browser', async () => {
    const appUrl = page.url();
    for (const target of ['https://example.invalid/phish', 'file:///etc/hostname']) {
      await page.evaluate(`location.href = ${JSON.stringify(target)}`);
      await expect.poll(() => entries('will-navigate').find((e) => e.url === target)?.prevented).toBe(true);
      expect(page.url()).toBe(appUrl);
    }
    expect(await page.evaluate(`window.open('https://example.invalid/docs')`)).toBeNull();
    expect(await page.evaluate(`window.open('file:///etc/passwd')`)).toBeNull();
    await expect
      .poll(() => entries('window-open').map((e) => `${String(e.url)} ${String(e.action)}`))
      .toEqual(['https://example.invalid/docs deny', 'file:///etc/passwd deny']);
    expect(entries('shell.openExternal').map((e) => e.url)).toEqual(['https://example.invalid/docs']);
    expect(await page.locator('article.device-card').count()).toBeGreaterThanOrEqual(8);
  });

  it('refuses an IPC call from another frame, even over the real IPC path', async () => {
    await page.evaluate(
      `(() => { const f = document.createElement('iframe'); f.id = 'foreign'; f.srcdoc = '<p>embedded</p>'; document.body.append(f); })()`,
    );
    const frame = await expect
      .poll(() => page.frames().find((f) => f.url() === 'about:srcdoc'))
      .toBeTruthy()
      .then(() => page.frames().find((f) => f.url() === 'about:srcdoc'));
    if (!frame) throw new Error('no iframe');
    // The preload never runs in a subframe; the raw IPC binding is used as a compromised frame would.
    expect(await frame.evaluate('typeof window.pushlab')).toBe('undefined');
    const reply = (await frame.evaluate(
      `window.__pushlabStandInInvoke('pushlab:invoke', ['secrets:names', []])`,
    )) as { ok: boolean; error?: { code: string; message: string } };
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'Request refused: it did not come from the PushLab window.',
      },
    });
    // The same call from the window itself is answered.
    const fromWindow = (await page.evaluate(`window.pushlab.invoke('secrets:names')`)) as { ok: boolean };
    expect(fromWindow.ok).toBe(true);
    await page.evaluate(`document.getElementById('foreign').remove()`);
  });

  it('stores the Tencent key through safeStorage; the window never gets it back', async () => {
    await page.getByRole('tab', { name: 'Runs' }).click();
    await page.getByLabel('Name', { exact: true }).fill(SECRET_NAME);
    await page.getByLabel('Secret key').fill(demoKey());
    await page.getByRole('button', { name: 'Save credential' }).click();
    await expect.poll(() => page.locator(`[data-secret-name="${SECRET_NAME}"]`).count()).toBe(1);
    expect(await page.getByLabel('Secret key').inputValue()).toBe('');
    expect(entries('safeStorage.encryptString')).toHaveLength(1);
    const file = readFileSync(path.join(dataDir(), 'secrets.json'), 'utf8');
    expect(file).toContain(SECRET_NAME);
    expect(file).not.toContain(demoKey());
  });

  it('runs the demo plan with the stored key, live to completed', async () => {
    await page.getByRole('button', { name: 'Use the demo plan' }).click();
    const editor = page.locator('#run-plan');
    await expect.poll(async () => (await editor.inputValue()).includes('"sender"')).toBe(true);
    const plan = JSON.parse(await editor.inputValue()) as {
      phones: { serials: string[] };
      sender: Record<string, unknown>;
    };
    const edited = {
      ...plan,
      phones: { serials: plan.phones.serials.slice(0, 2) },
      scenarios: ['background-c2c-text'],
      timeouts: { pushMs: 4000, stepMs: 15000 },
      sender: { ...plan.sender, secret: { stored: SECRET_NAME } },
    };
    await editor.fill(JSON.stringify(edited, null, 2));
    await page.getByRole('button', { name: 'Start run' }).click();
    const detail = page.locator('.run-detail');
    await expect
      .poll(() => detail.getAttribute('data-run-id'), { timeout: 15_000 })
      .toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    expect(await page.locator('.run-grid button.verdict-chip').count()).toBe(2);
    // The core read the key back through safeStorage to sign the request.
    expect(entries('safeStorage.decryptString').length).toBeGreaterThanOrEqual(1);
  });

  it('shows the run in the matrix, signs it off and exports the HTML report', async () => {
    await page.getByRole('tab', { name: 'Matrix' }).click();
    const runId = await page
      .locator('.run-detail')
      .getAttribute('data-run-id')
      .catch(() => null);
    await expect
      .poll(() => page.locator('.mx-run__meta').getAttribute('data-run-id'), { timeout: 15_000 })
      .toMatch(/^[0-9a-f-]{36}$/);
    if (runId) expect(await page.locator('.mx-run__meta').getAttribute('data-run-id')).toBe(runId);
    expect(await page.locator('.mx-row [role="gridcell"][data-scenario="background-c2c-text"]').count()).toBe(
      2,
    );

    await page.getByRole('button', { name: 'Sign off…' }).click();
    const dialog = page.locator('dialog.mx-dialog');
    await dialog.getByLabel('Your name').fill(SIGNER);
    const waive = dialog.getByLabel('Reason for every cell still without one');
    if ((await waive.count()) > 0) {
      await waive.fill('Stand-in run: accepted as is.');
      await dialog.getByRole('button', { name: 'Use for empty ones' }).click();
    }
    await dialog.getByRole('button', { name: 'Sign off', exact: true }).click();
    await expect
      .poll(() => page.locator('.mx-signed').getAttribute('data-signed-by'), { timeout: 10_000 })
      .toBe(SIGNER);

    await page.getByRole('button', { name: 'HTML report' }).click();
    await expect.poll(() => entries('download').length, { timeout: 15_000 }).toBe(1);
    const report = String(entries('download')[0]?.file);
    expect(path.basename(report)).toMatch(/^pushlab-virtual-lab-[0-9a-f]{8}\.html$/);
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain(SIGNER);
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps one instance: a second launch hands over and exits, the first window comes forward', async () => {
    const focusBefore = entries('window.focus').length;
    const second = launchStandInApp({ register, standInDir, home, args: ['--demo'] });
    expect(await second.exited).toBe(0);
    expect(second.journal().map((e) => e.kind)).not.toContain('BrowserWindow');
    await expect.poll(() => entries('app.second-instance').length).toBe(1);
    await expect.poll(() => entries('window.focus').length).toBe(focusBefore + 1);
  });

  it('never sent the key to the window, and quits cleanly when the window closes', async () => {
    const traffic = readFileSync(path.join(standInDir, 'traffic.jsonl'), 'utf8');
    expect(traffic).toContain('secrets:names');
    expect(traffic).not.toContain(demoKey());
    expect(await page.textContent('body')).not.toContain(demoKey());
    const phonePorts = (
      JSON.parse(readFileSync(path.join(dataDir(), 'demo-plan.json'), 'utf8')) as {
        phones: { serials: string[] };
      }
    ).phones.serials.map((s) => Number(s.split(':')[1]));

    await page.close();
    expect(await app.exited).toBe(0);
    expect(entries('app.exit').map((e) => e.code)).toEqual([0]);
    expect(app.output()).not.toMatch(/shutdown failed/);
    // Nothing left running: the adb server PushLab started, the virtual phones, the Tencent emulator.
    expect(await adbServerListening('127.0.0.1', DEMO_ADB_PORT)).toBe(false);
    for (const port of [...phonePorts, 18090])
      expect(await adbServerListening('127.0.0.1', port), String(port)).toBe(false);
    // The database was closed: WAL checkpointed into the main file, the run and its sign-off inside.
    const files = await readdir(dataDir());
    expect(files).toContain('pushlab.db');
    expect(files.filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);
    const db = new Database(path.join(dataDir(), 'pushlab.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM run_signoffs').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    expect(existsSync(path.join(dataDir(), 'SingletonLock'))).toBe(false);
  });
});
