/**
 * The Lab hosts panel in Chromium over the web bridge, against the fake core (which applies the
 * core's own hosts rules): add a host with inline validation, check it (refused, then answering),
 * save it and see its phone join the board, remove it again; the same in Chinese; read-only in the
 * demo. Host text stays text.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb, type WebServer } from '../../electron/web/server';
import type { LabCore } from '../../electron/lab/api';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';
import type { FakeLabCore, FakeCoreOptions } from './support/fake-core';
import { englishWords } from './support/english-words';
import { FAKE_HOSTS_FILE } from './support/fake-hosts';
import { nodeFakeCore } from './support/node-fake-core';
import { hostStatus, HUAWEI, OLD_SAMSUNG, XIAOMI } from '../support/sample-devices';

const LOCAL = hostStatus('local', { host: '127.0.0.1', port: 5037 });

let rendererDir: string;
let work: string;
let core: FakeLabCore & LabCore;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-renderer-hosts-panel-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

afterEach(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
});

/** The app with one host (as the app starts without hosts.json), and a lab host at 10.0.0.7 with a phone. */
async function open(options: Partial<FakeCoreOptions> = {}): Promise<void> {
  browser = await openBrowser();
  core = nodeFakeCore({
    devices: [XIAOMI, HUAWEI],
    hosts: [LOCAL],
    hostServers: { '10.0.0.7:5037': [OLD_SAMSUNG] },
    ...options,
  });
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  await browser.page.goto(server.url);
  await expect.poll(() => browser.page.locator('article.device-card').count()).toBe(2);
}

const panel = () => browser.page.locator('section.hosts-panel');
const row = (name: string) => panel().locator(`tr[data-host-row="${name}"]`);

describe('Lab hosts panel (fake core)', () => {
  it('adds a host with inline validation, checks it, saves it live, and removes it', async () => {
    await open();
    const page = browser.page;
    const toggle = page.getByRole('button', { name: 'Lab hosts' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await expect.poll(() => row('local').count()).toBe(1);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await panel().getByRole('heading', { name: 'Lab hosts' }).count()).toBe(1);
    expect(await row('local').locator('td').allTextContents()).toEqual([
      'local',
      '127.0.0.1',
      '5037',
      'connected',
      '2',
      'Check',
    ]);
    // The primary is not editable, and the panel says why.
    expect(await row('local').locator('input').count()).toBe(0);
    expect(await panel().locator('[data-note="primary"]').textContent()).toContain(
      'The first host is the adb server PushLab started with; it cannot be changed here.',
    );
    const save = panel().getByRole('button', { name: 'Save' });
    expect(await save.isDisabled()).toBe(true);

    await panel().getByRole('button', { name: 'Add host' }).click();
    const name = page.getByLabel('Name of host 2');
    const address = page.getByLabel('Address of host 2');
    const port = page.getByLabel('Port of host 2');
    expect(await name.inputValue()).toBe('lab-b');
    expect(await port.inputValue()).toBe('5037');
    // An empty address is not flagged before a save is tried; a bad name is, at once.
    expect(await panel().locator('[data-problem]').count()).toBe(0);
    await name.fill('Lab B');
    await expect
      .poll(() => panel().locator('[data-problem="nameFormat"]').textContent())
      .toBe('Use lower-case letters, digits and -, starting with a letter (at most 32).');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await save.click();
    await expect
      .poll(() => panel().locator('[data-problem="addressRequired"]').textContent())
      .toBe('Give an IP address or a host name.');
    expect(await panel().getByRole('alert').first().textContent()).toBe(
      'Fix the fields marked above, then save again.',
    );
    expect(core.labHosts.saves).toEqual([]);
    await browser.screenshot('hosts-panel-invalid');

    await name.fill('lab-b');
    await address.fill('10.0.0.9');
    await port.fill('70000');
    await expect.poll(() => panel().locator('[data-problem="portRange"]').count()).toBe(1);
    await port.fill('5037');
    await expect.poll(() => panel().locator('[data-problem]').count()).toBe(0);
    // Nothing answers at 10.0.0.9: the check says how to expose adb there.
    await panel().getByRole('button', { name: 'Check host lab-b' }).click();
    const refusal = row('lab-b').locator('.error-notice');
    await expect.poll(() => refusal.textContent()).toContain('No adb server answers at 10.0.0.9:5037.');
    expect(await refusal.textContent()).toContain('adb -a -P 5037 server nodaemon');
    expect(await refusal.textContent()).toContain('ssh -N -L 15038:127.0.0.1:5037 10.0.0.9');
    await address.fill('10.0.0.7');
    expect(await refusal.count()).toBe(0);
    await panel().getByRole('button', { name: 'Check host lab-b' }).click();
    await expect
      .poll(() => row('lab-b').locator('.hosts-panel__check-ok').textContent())
      .toBe('adb answers (protocol 41); phones listed: 1.');
    expect(await row('lab-b').locator('td').nth(3).textContent()).toBe('not saved yet');

    await save.click();
    await expect
      .poll(() => panel().locator('.hosts-panel__saved').textContent())
      .toBe(`Saved to ${FAKE_HOSTS_FILE}; the board follows the new list.`);
    expect(core.labHosts.saves).toEqual([
      [
        { name: 'local', address: '127.0.0.1', port: 5037 },
        { name: 'lab-b', address: '10.0.0.7', port: 5037 },
      ],
    ]);
    // Live: the board now groups by host, and lab-b's phone is on it.
    await expect
      .poll(() => page.locator('section.host-group[data-host="lab-b"] article.device-card').count())
      .toBe(1);
    expect(await page.locator('article.device-card').count()).toBe(3);
    await expect.poll(() => row('lab-b').locator('[data-host-state]').textContent()).toBe('connected');
    expect(await row('lab-b').locator('td').nth(4).textContent()).toBe('1');
    await browser.screenshot('hosts-panel-saved');

    await panel().getByRole('button', { name: 'Remove host lab-b' }).click();
    await save.click();
    await expect.poll(() => page.locator('section.host-group').count()).toBe(0);
    expect(await page.locator('article.device-card').count()).toBe(2);
    expect(core.labHosts.saves.at(-1)).toEqual([{ name: 'local', address: '127.0.0.1', port: 5037 }]);
    expect(browser.problems).toEqual([]);
  });

  it('speaks Chinese: headings, inline errors and the check’s refusal', async () => {
    await open();
    const page = browser.page;
    await page.locator('.language-switcher__button[lang="zh-CN"]').click();
    await page.waitForSelector('html[lang="zh-CN"]');
    await page.getByRole('button', { name: '实验室主机' }).click();
    await expect.poll(() => row('local').count()).toBe(1);
    expect(await panel().locator('thead th').allTextContents()).toEqual([
      '名称',
      '地址',
      '端口',
      '状态',
      '手机',
      '操作',
    ]);
    expect(await panel().locator('[data-note="primary"]').textContent()).toContain(
      '第一台主机是 PushLab 启动时使用的 adb 服务，不能在这里更改。',
    );
    await panel().getByRole('button', { name: '添加主机' }).click();
    await page.getByLabel('主机 2 的端口').fill('0');
    await panel().getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => panel().locator('[data-problem="portRange"]').textContent())
      .toBe('请填写 1 到 65535 之间的端口。');
    expect(await panel().locator('[data-problem="addressRequired"]').textContent()).toBe(
      '请填写 IP 地址或主机名。',
    );
    await page.getByLabel('主机 2 的端口').fill('5037');
    await page.getByLabel('主机 2 的地址').fill('10.0.0.9');
    await panel().getByRole('button', { name: '检查主机 lab-b' }).click();
    const refusal = row('lab-b').locator('.error-notice');
    await expect.poll(() => refusal.textContent()).toContain('10.0.0.9:5037 上没有 adb 服务应答。');
    expect(await refusal.textContent()).toContain('SSH 隧道');
    // No English left in what the panel says (host names and commands in backticks are not prose).
    const shown: string = await panel().evaluate(
      (root) => (root as unknown as { innerText: string }).innerText,
    );
    const prose = shown.replace(/`[^`]*`/g, ' ').replace(/\b(local|lab-b)\b/g, ' ');
    expect(prose.split('\n').flatMap((line: string) => englishWords(line))).toEqual([]);
    await browser.screenshot('hosts-panel-zh');
    expect(browser.problems).toEqual([]);
  });

  it('is read-only in the demo, and keeps host text as text', async () => {
    const evil = hostStatus('lab-x', {
      host: '10.0.0.66',
      port: 5037,
      state: 'unreachable',
      error: { code: 'ADB_UNREACHABLE', message: '<img src=x onerror="alert(1)"> refused' },
    });
    await open({ hostsEditable: false, hosts: [LOCAL, evil] });
    const page = browser.page;
    await page.getByRole('button', { name: 'Lab hosts' }).click();
    await expect.poll(() => row('lab-x').count()).toBe(1);
    expect(await panel().locator('[data-note="read-only"]').textContent()).toContain(
      'start PushLab without --demo to edit the list',
    );
    expect(await panel().getByRole('button', { name: 'Add host' }).count()).toBe(0);
    expect(await panel().getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByLabel('Address of host 2').isDisabled()).toBe(true);
    expect(await row('lab-x').locator('[data-host-state]').textContent()).toBe('unreachable');
    expect(await row('lab-x').textContent()).toContain('<img src=x onerror="alert(1)"> refused');
    expect(await panel().locator('img').count()).toBe(0);
    expect(browser.problems).toEqual([]);
  });
});
