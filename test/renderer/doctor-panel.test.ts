/**
 * The doctor panel in Chromium over the web bridge, against the fake core's doctor: open it from
 * a phone card, validate inputs, run a check (progress, traffic lights, evidence), apply fixes
 * (before -> after, a refusal with the phone's words), drift, a partial report, hostile
 * evidence, remembered inputs and saved reports after a reload, and Chinese.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LabCore } from '../../electron/lab/api';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { openBrowser, requireBuiltRenderer, type BrowserSession } from './support/browser';
import type { FakeLabCore } from './support/fake-core';
import { nodeFakeCore } from './support/node-fake-core';
import { HUAWEI, OPPO, UNAUTHORIZED, XIAOMI } from '../support/sample-devices';

const PKG = 'com.tencent.qcloud.tim.tuikit';

let rendererDir: string;
let work: string;
let core: FakeLabCore & LabCore;
let server: WebServer;
let browser: BrowserSession;

beforeAll(async () => {
  rendererDir = requireBuiltRenderer();
  work = await mkdtemp(join(tmpdir(), 'pushlab-doctor-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

beforeEach(async () => {
  browser = await openBrowser({ height: 900 });
});

afterEach(async () => {
  await browser.close();
  await server.close();
  await core.close();
});

async function start(): Promise<void> {
  core = nodeFakeCore({ devices: [XIAOMI, HUAWEI, OPPO, UNAUTHORIZED], doctorMs: 300 });
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads') });
  await browser.page.goto(server.url);
}

const page = () => browser.page;
const panel = () => page().locator('.doctor-panel');
const row = (id: string) => panel().locator(`li.check[data-check-id="${id}"]`);
const doctorCalls = (channel: string) => core.calls.filter((c) => c.channel === channel);

/** Opens the doctor from the Xiaomi card and fills the subject. */
async function openXiaomi(channels = 'im_message, tim_push'): Promise<void> {
  const card = page().locator(`article[data-serial="${XIAOMI.serial}"]`);
  await expect.poll(() => card.count()).toBe(1);
  // Only ready phones get the button.
  expect(
    await page()
      .locator('article[data-serial="????????????"]')
      .getByRole('button', { name: 'Check push readiness' })
      .count(),
  ).toBe(0);
  await card.getByRole('button', { name: 'Check push readiness' }).click();
  await expect
    .poll(() => page().getByRole('tab', { name: 'Push readiness' }).getAttribute('aria-selected'))
    .toBe('true');
  expect(await panel().getAttribute('data-serial')).toBe(XIAOMI.serial);
  await expect.poll(() => page().locator(':focus').getAttribute('id')).toBe('doctor-panel-heading');
  await panel().getByLabel('App package').fill(PKG);
  await panel().getByLabel('Notification channel ids (optional)').fill(channels);
}

async function runCheck(): Promise<void> {
  await panel()
    .getByRole('button', { name: /Run check|Check again/ })
    .click();
  await expect.poll(() => panel().locator('.report[data-live="true"]').count()).toBe(1);
  await expect.poll(() => panel().locator('progress').count()).toBe(0);
}

describe('doctor panel (fake core)', () => {
  it('validates the inputs, runs a check with progress and shows statuses, evidence and advice by area', async () => {
    await start();
    await openXiaomi();
    const pkgInput = panel().getByLabel('App package');

    await pkgInput.fill('com.example;reboot');
    await panel().getByRole('button', { name: 'Run check' }).click();
    expect(await panel().locator('[data-field="package"]').textContent()).toContain(
      'not an Android package name',
    );
    expect(await pkgInput.getAttribute('aria-invalid')).toBe('true');
    await panel().getByLabel('Notification channel ids (optional)').fill('im_message, bad id');
    expect(await panel().locator('[data-field="channels"]').textContent()).toBe(
      'Channel id “bad id” contains spaces or characters other than printable ASCII.',
    );
    expect(doctorCalls('doctor:run')).toEqual([]);

    await pkgInput.fill(PKG);
    await panel().getByLabel('Notification channel ids (optional)').fill('im_message, tim_push');
    await panel().getByRole('button', { name: 'Run check' }).click();
    await expect.poll(() => panel().getByRole('button', { name: 'Checking…' }).count()).toBe(1);
    expect(await panel().getByRole('button', { name: 'Checking…' }).isDisabled()).toBe(true);
    expect(await panel().locator('[role="status"]').first().textContent()).toContain(
      `Reading the settings of ${PKG} from the phone…`,
    );
    await expect.poll(() => panel().locator('.report[data-live="true"]').count()).toBe(1);
    expect(doctorCalls('doctor:run').map((c) => c.args)).toEqual([
      [{ serial: XIAOMI.serial, package: PKG, channelIds: ['im_message', 'tim_push'] }],
    ]);

    // The headline and the traffic lights: icon + word, never colour alone.
    expect(await panel().locator('.report-summary').getAttribute('data-worst')).toBe('fail');
    expect(await panel().locator('.report-summary__verdict').textContent()).toBe(
      'Offline pushes will not show until the problems below are fixed.',
    );
    const permission = row('notifications.permission');
    expect(await permission.getAttribute('data-status')).toBe('fail');
    expect(await permission.locator('.status-badge').first().textContent()).toBe('✕Problem');
    expect(await permission.locator('.evidence__text').textContent()).toBe(
      'android.permission.POST_NOTIFICATIONS: granted=false, flags=[ USER_SET|USER_FIXED ]',
    );
    expect(await row('notifications.permission-flags').getAttribute('data-status')).toBe('warn');
    expect(await row('vendor.autostart').getAttribute('data-status')).toBe('warn');
    expect(await row('vendor.autostart').locator('.evidence__text').textContent()).toBe(
      'MIUIOP(10008): ignore',
    );
    expect(await row('channel:tim_push').getAttribute('data-status')).toBe('fail');
    expect(await row('channel:tim_push').locator('.evidence__text').textContent()).toBe(
      `AppSettings: ${PKG} (10234); channels: none`,
    );
    expect(await row('dnd.mode').getAttribute('data-status')).toBe('warn');
    expect(await row('dnd.mode').locator('.evidence__text').textContent()).toBe(
      'zen_mode=1 (IMPORTANT_INTERRUPTIONS)',
    );
    // Titles and advice come from the core as message keys, translated here.
    expect(await row('app.installed').locator('.check__title').textContent()).toBe('App installed');
    expect(await row('channel:tim_push').locator('.check__title').textContent()).toBe('Channel "tim_push"');
    expect(await row('channel:tim_push').locator('.check__advice').textContent()).toMatch(
      /^The app has not created channel "tim_push"\./,
    );
    // A check only a human can make says where to look.
    expect(await row('vendor.notifications').getAttribute('data-status')).toBe('manual');
    expect(await row('vendor.notifications').locator('.check__path').textContent()).toBe(
      'Where to look: Settings › Notifications & status bar › App notifications › the app',
    );

    const areas = await panel()
      .locator('.check-group')
      .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-area')));
    expect(areas).toEqual(['app', 'notifications', 'channels', 'dnd', 'battery', 'vendor', 'push']);
    expect(await panel().locator('.check-group[data-area="channels"] h4').textContent()).toContain(
      'Notification channels',
    );
    expect(await panel().locator('.drift').textContent()).toBe(
      'First check of this app on this phone: nothing to compare with yet.',
    );
    const counts = await panel()
      .locator('.report-summary__counts li')
      .evaluateAll((items) => items.map((i) => [i.getAttribute('data-status'), i.textContent]));
    expect(counts.map(([status]) => status)).toEqual(['fail', 'warn', 'manual', 'ok']);

    await browser.screenshot('doctor-xiaomi-result');
    expect(browser.problems).toEqual([]);
  });

  it('applies fixes: before -> after when the phone confirms, failed with the phone’s words when it refuses', async () => {
    await start();
    await openXiaomi();
    await runCheck();

    const permission = row('notifications.permission');
    const grant = permission.locator('button[data-fix="grant-post-notifications"]');
    expect(await grant.textContent()).toBe('Allow notifications');
    await grant.click();
    await expect.poll(() => grant.textContent()).toBe('Applying…');
    expect(await grant.isDisabled()).toBe(true);
    const done = permission.locator('.fix-result[data-fix="grant-post-notifications"]');
    await expect.poll(() => done.count()).toBe(1);
    expect(await done.getAttribute('data-fix-ok')).toBe('true');
    expect(await done.locator('.fix-result__head').textContent()).toBe('✓Done: Allow notifications');
    const change = done.locator('.change[data-check-id="notifications.permission"]');
    expect(await change.locator('[data-role="before"]').getAttribute('data-status')).toBe('fail');
    expect(await change.locator('[data-role="after"]').getAttribute('data-status')).toBe('ok');
    expect(await change.textContent()).toContain('granted=true');
    // The re-read replaces the verdict on screen, including the flags check the grant changed too.
    await expect.poll(() => permission.getAttribute('data-status')).toBe('ok');
    expect(await row('notifications.permission-flags').getAttribute('data-status')).toBe('ok');

    const autostart = row('vendor.autostart');
    await autostart.locator('button[data-fix="allow-miui-autostart"]').click();
    const refused = autostart.locator('.fix-result[data-fix="allow-miui-autostart"]');
    await expect.poll(() => refused.count()).toBe(1);
    expect(await refused.getAttribute('data-fix-ok')).toBe('false');
    expect(await refused.locator('.fix-result__head').textContent()).toBe('✕Fix failed: Allow autostart');
    expect(await refused.locator('.fix-result__message').textContent()).toBe(
      'The phone refused the change: java.lang.SecurityException: uid 2000 does not have android.permission.MANAGE_APP_OPS_MODES.',
    );
    expect(await refused.locator('.evidence__text').textContent()).toContain(
      "Exception occurred while executing 'set':\njava.lang.SecurityException",
    );
    expect(await autostart.getAttribute('data-status')).toBe('warn');

    // Launching the app leaves the stopped state and creates its channel: both re-read as ok.
    await row('app.stopped').locator('button[data-fix="launch-app"]').click();
    await expect.poll(() => row('app.stopped').getAttribute('data-status')).toBe('ok');
    expect(await row('channel:im_message').getAttribute('data-status')).toBe('ok');
    expect(await row('channel:tim_push').getAttribute('data-status')).toBe('fail');

    const log = panel().locator('.fix-log .fix-result');
    expect(
      await log.evaluateAll((items) =>
        items.map((i) => [i.getAttribute('data-fix'), i.getAttribute('data-fix-ok')]),
      ),
    ).toEqual([
      ['launch-app', 'true'],
      ['allow-miui-autostart', 'false'],
      ['grant-post-notifications', 'true'],
    ]);
    expect(doctorCalls('doctor:fix').map((c) => (c.args as unknown[])[1])).toEqual([
      'grant-post-notifications',
      'allow-miui-autostart',
      'launch-app',
    ]);
    await browser.screenshot('doctor-fixes');

    // Unplugged: the results stay, named from the report; nothing can run or be fixed until it is back.
    core.setDevices([HUAWEI, OPPO, UNAUTHORIZED]);
    await expect
      .poll(() => panel().locator('.warning').textContent())
      .toBe('This phone is not connected now. Its last results stay here; plug it in again to check or fix.');
    expect(await panel().locator('h3').textContent()).toBe(XIAOMI.identity?.model);
    expect(await panel().getByRole('button', { name: 'Check again' }).isDisabled()).toBe(true);
    expect(await row('battery.doze').locator('button[data-fix="doze-allowlist"]').isDisabled()).toBe(true);
    expect(
      await page().locator(`.doctor-phones__item[data-serial="${XIAOMI.serial}"]`).textContent(),
    ).toContain('not connected');
    core.setDevices([XIAOMI, HUAWEI, OPPO, UNAUTHORIZED]);
    await expect
      .poll(() => row('battery.doze').locator('button[data-fix="doze-allowlist"]').isDisabled())
      .toBe(false);
    expect(browser.problems).toEqual([]);
  });

  it('shows drift since the previous snapshot and a partial report when the phone goes away', async () => {
    await start();
    await openXiaomi();
    await runCheck();
    const firstTime = await panel().locator('.report-summary__time').textContent();

    const phone = core.doctor.phone(XIAOMI.serial, PKG);
    phone.settings.zenMode = 0; // the tester turned Do Not Disturb off
    phone.settings.standbyBucket = 45; // and the ROM put the app in the restricted bucket
    await runCheck();
    const drift = panel().locator('section.drift');
    await expect.poll(() => drift.count()).toBe(1);
    expect(await drift.locator('h4').textContent()).toMatch(/^Changed since .+/);
    const lines = await drift
      .locator('.change')
      .evaluateAll((items) =>
        items.map((i) => [
          i.getAttribute('data-check-id'),
          i.querySelector('[data-role="before"]')?.getAttribute('data-status'),
          i.querySelector('[data-role="after"]')?.getAttribute('data-status'),
        ]),
      );
    expect(lines).toEqual([
      ['dnd.mode', 'warn', 'ok'],
      ['battery.standby', 'warn', 'fail'],
    ]);
    expect(await drift.locator('.change[data-check-id="battery.standby"]').textContent()).toContain(
      '45 (restricted)',
    );
    expect(await panel().locator('.history__item').count()).toBe(1);
    expect(firstTime).toMatch(/^Checked /);
    await browser.screenshot('doctor-drift');

    phone.stopAfter = 4;
    await runCheck();
    const partial = panel().locator('[data-partial="true"]');
    await expect.poll(() => partial.count()).toBe(1);
    expect(await partial.textContent()).toContain('Partial result');
    expect(await partial.textContent()).toContain(
      `${XIAOMI.serial} disconnected while its settings were read.`,
    );
    expect(await partial.textContent()).toContain('What to do: Reconnect the phone and run the check again.');
    expect(await panel().locator('li.check').count()).toBe(4);
    // Checks the partial read did not reach are not reported as gone.
    expect(await panel().locator('.change[data-kind="removed"]').count()).toBe(0);
    expect(await panel().locator('.drift--none').textContent()).toMatch(
      /^Nothing changed since the previous check \(.+\)\.$/,
    );
    await browser.screenshot('doctor-partial');
    expect(browser.problems).toEqual([]);
  });

  it('renders hostile evidence as text: markup stays text, bidi overrides are shown, long lines wrap', async () => {
    await start();
    const phone = () => core.doctor.phone(XIAOMI.serial, PKG);
    await openXiaomi('im_message');
    phone().evidence['app.installed'] = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>';
    phone().evidence['dnd.mode'] = 'zen_mode=1 \u202Efdp.exe\u202C tail';
    // A check from a newer core: unknown id and keys still show (under Other checks, keys as text).
    phone().extraChecks.push({
      id: 'future.check',
      status: 'unknown',
      title: { key: 'check.future.title', values: {} },
      evidence: '',
      advice: { key: 'check.future.advice', values: { x: '1' } },
      fixes: [],
      settingsPath: null,
    });
    phone().evidence['battery.doze'] = `deviceidle: ${'x'.repeat(600)}`;
    await runCheck();

    expect(await row('app.installed').locator('.evidence__text').textContent()).toBe(
      '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>',
    );
    expect(await panel().locator('img').count()).toBe(0);
    expect(await panel().locator('.evidence b').count()).toBe(0);
    expect(await page().title()).toBe('PushLab');
    const zen = row('dnd.mode');
    expect(await zen.locator('.evidence__text').textContent()).toBe(
      'zen_mode=1 ⟨U+202E⟩fdp.exe⟨U+202C⟩ tail',
    );
    expect(await zen.locator('.evidence__note').textContent()).toBe(
      'Invisible characters in the phone’s text are shown as ⟨U+…⟩.',
    );
    const overflow = await row('battery.doze')
      .locator('.evidence__text')
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const future = row('future.check');
    expect(await future.locator('.check__title').textContent()).toBe('check.future.title');
    expect(await future.locator('.check__advice').textContent()).toBe('check.future.advice');
    expect(await future.locator('.evidence__text').textContent()).toBe('(nothing)');
    expect(await panel().locator('.check-group[data-area="other"] li.check').count()).toBe(1);
    await browser.screenshot('doctor-hostile');
    expect(browser.problems).toEqual([]);
  });

  it('remembers the inputs per phone, shows the saved report after a reload, and speaks Chinese', async () => {
    await start();
    await openXiaomi();
    await runCheck();
    await page().reload();
    await page().getByRole('tab', { name: 'Push readiness' }).click();
    // The first ready phone is Xiaomi; its inputs and its last report come back.
    expect(await panel().getByLabel('App package').inputValue()).toBe(PKG);
    expect(await panel().getByLabel('Notification channel ids (optional)').inputValue()).toBe(
      'im_message, tim_push',
    );
    await expect.poll(() => panel().locator('.report[data-live="false"]').count()).toBe(1);
    expect(await panel().locator('.report-summary__time').textContent()).toMatch(
      /^Last checked .+ Run the check again/,
    );
    expect(await panel().locator('button[data-fix]').count()).toBe(0);

    // Another phone opens with the same app (issue 9: the package is kept across phones) and
    // keeps its own inputs from then on.
    await page().locator(`.doctor-phones__item[data-serial="${HUAWEI.serial}"]`).click();
    await expect.poll(() => panel().getAttribute('data-serial')).toBe(HUAWEI.serial);
    expect(await panel().getByLabel('App package').inputValue()).toBe(PKG);
    await panel().getByLabel('App package').fill('');
    await panel().getByRole('button', { name: 'Run check' }).click();
    expect(await panel().locator('[data-field="package"]').textContent()).toBe(
      'Enter the app’s package name.',
    );

    await page().locator(`.doctor-phones__item[data-serial="${XIAOMI.serial}"]`).click();
    await runCheck();
    await page().getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page().getByRole('tab', { name: '推送就绪检查' }).count()).toBe(1);
    expect(await panel().locator('.report-summary__verdict').textContent()).toBe(
      '在修复下列问题之前，离线推送不会显示。',
    );
    expect(await row('notifications.permission').locator('.status-badge').first().textContent()).toBe(
      '✕有问题',
    );
    expect(
      await row('notifications.permission')
        .locator('button[data-fix="grant-post-notifications"]')
        .textContent(),
    ).toBe('允许通知');
    expect(await row('app.installed').locator('.check__title').textContent()).toBe('应用已安装');
    expect(await panel().getByLabel('应用包名').inputValue()).toBe(PKG);
    expect(await panel().locator('.check-group[data-area="battery"] h4').textContent()).toContain(
      '电池与后台',
    );
    await browser.screenshot('doctor-zh');
    expect(browser.problems).toEqual([]);
  });
});
