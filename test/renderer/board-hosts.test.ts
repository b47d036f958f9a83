/**
 * The built renderer in Chromium over the web bridge, against a fake core listing two lab hosts:
 * the board groups phones by host, filters by host, and a dead host gets its own banner while the
 * primary keeps the adb banner; host text and `<host>/<serial>` keys stay text.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';
import type { FakeLabCore } from './support/fake-core';
import { nodeFakeCore } from './support/node-fake-core';
import type { LabCore } from '../../electron/lab/api';
import type { ErrorInfo } from '../../shared/errors';
import { hostStatus, HUAWEI, OLD_SAMSUNG, onHost, XIAOMI } from '../support/sample-devices';

const LOCAL = hostStatus('local', { host: '127.0.0.1', port: 5037 });
const LAB_B = hostStatus('lab-b', { host: '10.0.0.7', port: 5037 });
const SAMSUNG_B = onHost('lab-b', OLD_SAMSUNG);
// The same serial as XIAOMI on the primary host: two phones.
const XIAOMI_B = onHost('lab-b', XIAOMI);
const DEVICES = [XIAOMI, HUAWEI, SAMSUNG_B, XIAOMI_B];

let rendererDir: string;
let work: string;
let core: FakeLabCore & LabCore;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-hosts-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

beforeEach(async () => {
  browser = await openBrowser();
  core = nodeFakeCore({ devices: DEVICES, hosts: [LOCAL, LAB_B] });
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  await browser.page.goto(server.url);
});

afterEach(async () => {
  await browser.close();
  await server.close();
  await core.close();
});

const group = (name: string) => browser.page.locator(`section.host-group[data-host="${name}"]`);
const cardsIn = (name: string) => group(name).locator('article.device-card');

describe('device board across lab hosts (fake core)', () => {
  it('groups phones by host with each host header, filters by host, and shows a dead host banner', async () => {
    const page = browser.page;
    await expect.poll(() => page.locator('article.device-card').count()).toBe(4);
    expect(await page.locator('section.host-group').count()).toBe(2);

    const local = group('local');
    expect(await local.locator('.host-group__name').textContent()).toBe('local');
    expect(await local.locator('.host-group__address').textContent()).toBe('127.0.0.1:5037');
    expect(await local.locator('[data-host-state]').textContent()).toBe('connected');
    expect(await local.locator('.host-group__count').textContent()).toBe('2 phones');
    expect(
      await cardsIn('local').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-serial'))),
    ).toEqual([XIAOMI.serial, HUAWEI.serial]);
    const labB = group('lab-b');
    expect(await labB.locator('.host-group__address').textContent()).toBe('10.0.0.7:5037');
    expect(await cardsIn('lab-b').count()).toBe(2);

    // The key `<host>/<serial>` is shown whole, and the card names its host.
    const samsung = page.locator(`article[data-serial="${SAMSUNG_B.serial}"]`);
    expect(await samsung.locator('code.serial').textContent()).toBe('lab-b/R58M1234567');
    expect(await samsung.getAttribute('data-host')).toBe('lab-b');
    expect(await samsung.locator('.facts--serial').textContent()).toContain('Hostlab-b');
    // The primary's adb banner is today's.
    await expect
      .poll(() => page.locator('[data-adb-state="connected"]').textContent())
      .toContain('127.0.0.1:5037');

    const filter = page.getByLabel('Host', { exact: true });
    expect(await filter.locator('option').allTextContents()).toEqual([
      'All hosts (4)',
      'local (2)',
      'lab-b (2)',
    ]);
    await filter.selectOption('lab-b');
    await expect.poll(() => page.locator('section.host-group').count()).toBe(1);
    expect(await page.locator('article.device-card').count()).toBe(2);
    expect(await group('lab-b').count()).toBe(1);
    await browser.screenshot('fake-board-hosts-filtered');
    await filter.selectOption('*');
    await expect.poll(() => page.locator('article.device-card').count()).toBe(4);

    // lab-b dies: its phones go, its own banner says so, the primary and its phones stay.
    core.setHosts(
      [
        LOCAL,
        hostStatus('lab-b', {
          host: '10.0.0.7',
          port: 5037,
          state: 'unreachable',
          error: {
            code: 'ADB_UNREACHABLE',
            message: 'Nothing answers on 10.0.0.7:5037.',
            hint: 'Start adb there.',
          },
        }),
      ],
      [XIAOMI, HUAWEI],
    );
    const banner = page.locator('[data-host-banner="lab-b"]');
    await expect
      .poll(() => banner.textContent())
      .toContain(
        'Host lab-b (10.0.0.7:5037) is unreachable: its phones are not shown; the other hosts work.',
      );
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toContain('Nothing answers on 10.0.0.7:5037.');
    expect(await page.locator('[data-adb-state="connected"]').count()).toBe(1);
    expect(await cardsIn('local').count()).toBe(2);
    expect(await group('lab-b').locator('[data-host-state]').textContent()).toBe('unreachable');
    expect(await group('lab-b').textContent()).toContain(
      'This host is unreachable: its phones are not shown.',
    );
    await browser.screenshot('fake-board-hosts-dead');

    // lab-b is back: a dismissible note, per host, like the adb banner's.
    core.setHosts(
      [
        LOCAL,
        hostStatus('lab-b', {
          host: '10.0.0.7',
          port: 5037,
          lastOutage: {
            startedAt: '2026-01-05T09:31:00.000Z',
            endedAt: '2026-01-05T09:32:00.000Z',
            reason: 'gone',
          },
        }),
      ],
      DEVICES,
    );
    await expect
      .poll(() => banner.textContent())
      .toMatch(/Host lab-b \(10\.0\.0\.7:5037\) answered again at .+/);
    await expect.poll(() => cardsIn('lab-b').count()).toBe(2);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(browser.problems).toEqual([]);
  });

  it('keeps a `<host>/<serial>` key whole in the install checklist and the push readiness list', async () => {
    const page = browser.page;
    await expect.poll(() => page.locator('article.device-card').count()).toBe(4);

    await page.getByRole('tab', { name: 'Install' }).click();
    // The same serial on two hosts: two boxes, each labelled with its own key.
    const local = page.getByRole('checkbox', { name: new RegExp(`${XIAOMI.serial}$`) });
    const remote = page.getByRole('checkbox', { name: /lab-b\/3c1a9f2e$/ });
    await expect.poll(() => remote.count()).toBe(1);
    expect(await local.count()).toBe(2);
    expect(await remote.getAttribute('id')).toBe('pick-lab-b%2F3c1a9f2e');
    expect(await page.locator('li[data-serial="lab-b/3c1a9f2e"] code').textContent()).toBe('lab-b/3c1a9f2e');

    await page.getByRole('tab', { name: 'Push readiness' }).click();
    const remoteDoctor = page.locator('button.doctor-phones__item[data-serial="lab-b/3c1a9f2e"]');
    await expect.poll(() => remoteDoctor.locator('.doctor-phones__host').textContent()).toBe('on lab-b');
    expect(
      await page
        .locator(`button.doctor-phones__item[data-serial="${XIAOMI.serial}"] .doctor-phones__host`)
        .count(),
    ).toBe(0);
    await remoteDoctor.click();
    await expect
      .poll(() => page.locator('.doctor-panel code.serial').first().textContent())
      .toBe('lab-b/3c1a9f2e');
    await browser.screenshot('fake-doctor-hosts');
    expect(browser.problems).toEqual([]);
  });

  it('shows hosts in Chinese and keeps host text as text', async () => {
    const page = browser.page;
    await expect.poll(() => page.locator('article.device-card').count()).toBe(4);
    await page.locator('.language-switcher__button[lang="zh-CN"]').click();
    await page.waitForSelector('html[lang="zh-CN"]');
    // The adb client's words about the host are untrusted: shown as text, never as markup.
    const error: ErrorInfo = { code: 'ADB_UNREACHABLE', message: '<img src=x onerror="alert(1)"> refused' };
    core.setHosts(
      [LOCAL, hostStatus('lab-b', { host: '10.0.0.7', port: 5037, state: 'unreachable', error })],
      [XIAOMI],
    );
    const banner = page.locator('[data-host-banner="lab-b"]');
    await expect
      .poll(() => banner.textContent())
      .toContain('主机 lab-b（10.0.0.7:5037）无法连接：它的手机未显示；其他主机正常工作。');
    expect(await page.getByLabel('主机', { exact: true }).locator('option').first().textContent()).toBe(
      '全部主机（1 台手机）',
    );
    expect(await group('lab-b').locator('[data-host-state]').textContent()).toBe('无法连接');
    expect(await banner.textContent()).toContain('<img src=x onerror="alert(1)"> refused');
    expect(await banner.locator('img').count()).toBe(0);
    await browser.screenshot('fake-board-hosts-zh');
    expect(browser.problems).toEqual([]);
  });
});
