/**
 * The phone card's push token in the window (Chromium, the real core through the loopback web
 * bridge, a virtual Pixel whose app logged its token as Tencent's SDK does): nothing read yet, a
 * bad pattern caught in the form, then a read by preset shows the token masked to 8 characters with
 * its app, channel, source and time; the full token is nowhere in the page. In English and Chinese.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretStore, type SecretCipher } from '../../electron/lab/secrets/secret-store';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { maskDeviceToken } from '../../shared/runs/plan';
import { DEMO_PACKAGE } from '../virtual-lab/push-lab';
import { openRunLab, type RunLab } from '../support/run-lab';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';

const cipher: SecretCipher = {
  isAvailable: () => true,
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x21)),
  decrypt: (data) => Buffer.from(data.map((b) => b ^ 0x21)).toString('utf8'),
};

let work: string;
let lab: RunLab;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  const rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-tokens-'));
  lab = await openRunLab({
    phones: [{ profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' }],
    world: { direct: true },
    core: { secrets: createSecretStore({ dir: join(work, 'secrets'), cipher }), runEvidence: null },
  });
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

describe('the push token on the phone card', () => {
  it('reads the token from the phone and shows it masked, never whole', async () => {
    const serial = lab.world.phones[0]!.serial;
    const token = lab.world.direct?.tokens.get(serial) ?? '';
    expect(token.length).toBeGreaterThan(8);
    const page = browser.page;
    const card = page.locator(`article[data-serial="${serial}"]`);
    const tokens = card.locator('.push-tokens');
    await expect.poll(() => tokens.locator('h4').textContent()).toBe('Push token');
    expect(await tokens.locator('p.muted').first().textContent()).toBe('None read yet.');

    await tokens.locator('summary').click();
    await tokens.getByLabel('App package').fill(DEMO_PACKAGE);
    // A pattern without a capture group is caught in the form, in words.
    await tokens.getByLabel('Log line').selectOption('own-pattern');
    await tokens.getByLabel('Pattern (capture group 1 is the token)').fill(String.raw`pushToken = \S+`);
    await tokens.getByRole('button', { name: 'Read token' }).click();
    expect(await tokens.locator('.push-tokens__error').textContent()).toMatch(
      /^The pattern needs a capture group/,
    );
    expect(await tokens.locator('.push-tokens__item').count()).toBe(0);

    await tokens.getByLabel('Log line').selectOption('tencent-offline-push');
    await tokens.getByRole('button', { name: 'Read token' }).click();
    await expect.poll(() => tokens.locator('[role="status"]').textContent()).toBe('Token read.');
    const item = tokens.locator('.push-tokens__item');
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-channel')).toBe('fcm');
    expect(await item.locator('span').first().textContent()).toBe(
      `${maskDeviceToken(token)} for ${DEMO_PACKAGE} on FCM`,
    );
    expect(await item.locator('.push-tokens__meta').textContent()).toMatch(
      /^from logcat, preset tencent-offline-push · read /,
    );
    expect(await page.content()).not.toContain(token);
    await browser.screenshot('push-token-card-en');

    // A reload lists it again from the core (kept in the encrypted store), still masked.
    await page.reload();
    await expect.poll(() => card.locator('.push-tokens__item').count()).toBe(1);
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => card.locator('.push-tokens h4').textContent()).toBe('推送令牌');
    expect(await card.locator('.push-tokens__meta').textContent()).toMatch(
      /^来自 logcat，预设 tencent-offline-push · 读取于 /,
    );
    expect(await page.content()).not.toContain(token);
    expect(browser.problems).toEqual([]);
  }, 120_000);
});
