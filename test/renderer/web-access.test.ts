/**
 * The browser fallback in Chromium against the real core: the browser that opened the printed URL
 * works; another browser profile, another program, and another local site's page are refused;
 * and a compromised page (valid cookie, direct API call) cannot start a program without the
 * approval this test holds in its hand.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalDecision, ProgramApprovalRequest } from '../../electron/lab/approval/program-approval';
import { createLabCore, type LocalLabCore } from '../../electron/lab/compose';
import { silentLogger } from '../../electron/lab/util/logger';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';

let work: string;
let marker: string;
let core: LocalLabCore;
let server: WebServer;
let browser: BrowserSession;
const asked: ProgramApprovalRequest[] = [];
let answer: ((decision: ApprovalDecision) => void) | null = null;

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-web-access-'));
  marker = join(work, 'pwned');
  core = await createLabCore({
    dataDir: join(work, 'data'),
    adb: { host: '127.0.0.1', port: 1, bin: 'adb', startServer: false },
    shell: 'web',
    logger: silentLogger,
    trackDevices: false,
    // The test is the person at the terminal: it sees each request and answers when it likes.
    approvePrograms: (request) => {
      asked.push(request);
      return new Promise((resolve) => {
        answer = resolve;
      });
    },
  });
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'data', 'uploads') });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  await rm(work, { recursive: true, force: true });
});

const shellPlan = () =>
  JSON.stringify({
    name: 'compromised',
    app: {
      package: 'com.example.app',
      accounts: { vendors: { fcm: { account: 'qa_1' } } },
      login: { kind: 'operator', prompt: 'Log in' },
    },
    phones: { vendors: ['fcm'] },
    scenarios: 'all',
    repeats: 1,
    sender: { kind: 'command', command: '/bin/sh', args: ['-c', `touch ${marker}`] },
  });

/** A direct API call from inside the page: what a compromised renderer (XSS) could send. */
function pageStartsRun(): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return browser.page.evaluate(async (plan) => {
    const response = await fetch('/api/invoke/runs:start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ plan }]),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
  }, shellPlan());
}

describe('web UI access in Chromium', () => {
  it('works in the browser that opened the printed URL, with the key gone from the address and out of reach of scripts', async () => {
    const page = browser.page;
    await page.goto(server.url);
    expect(page.url()).toBe(server.origin);
    await expect.poll(() => page.locator('h1, h2').first().isVisible()).toBe(true);
    expect(await page.evaluate('document.cookie')).toBe('');
    const info = await page.evaluate(async () =>
      (
        await fetch('/api/invoke/app:info', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '[]',
        })
      ).json(),
    );
    expect(info).toMatchObject({ ok: true, value: { shell: 'web' } });
    const event = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const source = new EventSource('/api/events');
          source.addEventListener('lab:changed', (e) => {
            source.close();
            resolve(String((e as MessageEvent).data));
          });
        }),
    );
    expect(JSON.parse(event)).toMatchObject({ running: false });
  });

  it("refuses another browser profile, another program and another local site's page", async () => {
    const stranger = await openBrowser();
    try {
      const reply = await stranger.page.goto(server.origin);
      expect(reply?.status()).toBe(401);
      expect(await stranger.page.textContent('body')).toContain(
        'did not come from the browser that opened PushLab',
      );
    } finally {
      await stranger.close();
    }
    const fromNode = await fetch(`${server.origin}api/invoke/runs:start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ plan: shellPlan() }]),
    });
    expect(fromNode.status).toBe(401);

    // A page on another port of 127.0.0.1 is "same-site", so the browser sends the cookie: the Origin check stops it.
    const evil: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>evil</title>');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      await browser.page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const status = await browser.page.evaluate(
        async ({ target, plan }) => {
          try {
            const response = await fetch(target, {
              method: 'POST',
              credentials: 'include',
              headers: { 'content-type': 'text/plain' },
              body: JSON.stringify([{ plan }]),
            });
            return response.status;
          } catch {
            return -1; // No CORS: the page cannot even read the refusal.
          }
        },
        { target: `${server.origin}api/invoke/runs:start`, plan: shellPlan() },
      );
      expect(status).toBe(-1);
    } finally {
      await browser.page.goto(server.origin);
      evil.closeAllConnections();
      await new Promise<void>((resolve) => evil.close(() => resolve()));
    }
    expect(asked).toEqual([]);
    expect(core.services.runs.list()).toEqual([]);
  });

  it('does not let a compromised page start a program: it waits for the person, who refuses', async () => {
    const result = pageStartsRun();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatchObject({
      planName: 'compromised',
      program: { command: '/bin/sh', args: ['-c', `touch ${marker}`] },
    });
    // Held: nothing stored, nothing run, for as long as nobody answers.
    await new Promise((r) => setTimeout(r, 300));
    expect(core.services.runs.list()).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    answer?.({ approved: false, message: 'Refused at the terminal.', hint: 'Use the CLI.' });
    expect(await result).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_REFUSED', message: 'Refused at the terminal.' },
    });
    expect(core.services.runs.list()).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });

  it('goes on to the engine only after a yes', async () => {
    const result = pageStartsRun();
    await expect.poll(() => asked.length).toBe(2);
    answer?.({ approved: true });
    // No phone is attached here, so the engine itself stops the run: past the approval, not by it.
    const reply = await result;
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).not.toBe('APPROVAL_REFUSED');
  });
});
