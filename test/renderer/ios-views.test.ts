/**
 * The built renderer in Chromium against the REAL core with the fake xcrun and no adb server: the
 * Install view reads a simulator .app from its path and installs it on the booted simulator with
 * progress; the Push readiness view lists the simulator, takes a bundle ID (no channel field) and
 * shows only the iOS checks. Screenshots go to test-results/renderer/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XCODE16 } from '../virtual-lab/ios/fake-xcrun';
import { openSimulatorLab, type SimulatorLab } from './support/simulator-lab';

const UDID = XCODE16.bootedIpad;
const BUNDLE = 'com.pushlab.demo-ios';

let lab: SimulatorLab;
let appPath: string;

beforeAll(async () => {
  lab = await openSimulatorLab('ios', { height: 1000 });
  appPath = await lab.fake.buildApp({
    bundleId: BUNDLE,
    name: 'PushLabDemo',
    version: '3.1.0',
    build: '310',
  });
}, 60_000);

afterAll(async () => {
  await lab?.close();
});

const page = () => lab.browser.page;

describe('simulators in the Install and Push readiness views', () => {
  it('installs a simulator .app read from its path, with progress to done', async () => {
    await page().getByRole('tab', { name: 'Install' }).click();
    const checkbox = page().locator(`li[data-serial="${UDID}"] input[type="checkbox"]`);
    await expect.poll(() => checkbox.isEnabled().catch(() => false), { timeout: 15_000 }).toBe(true);

    // A path that is no .app: the reason, and nothing sent.
    await page().getByLabel('Path of the .app on this Mac').fill(join(lab.work, 'data'));
    await page().getByRole('button', { name: 'Read .app' }).click();
    await expect
      .poll(() => page().locator('.app-picker [data-error-code="INVALID_ARGUMENT"]').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await page().locator('.app-picker').textContent()).toContain('is not an .app folder');

    await page().getByLabel('Path of the .app on this Mac').fill(appPath);
    await page().getByRole('button', { name: 'Read .app' }).click();
    const summary = page().locator(`.app-summary[data-bundle="${BUNDLE}"]`);
    await expect.poll(() => summary.count(), { timeout: 10_000 }).toBe(1);
    expect(await summary.textContent()).toContain('3.1.0 (build 310)');

    await checkbox.check();
    await page().getByRole('button', { name: 'Install on 1 phone' }).click();
    const row = page().locator(`.install__active .job[data-build="app"] .job-item[data-serial="${UDID}"]`);
    await expect
      .poll(() => row.getAttribute('data-phase').catch(() => null), { timeout: 15_000 })
      .toBe('done');
    expect(await page().locator('.install__active .job__summary').textContent()).toContain(
      '1 of 1 installed, 0 failed',
    );
    expect((await lab.fake.log()).filter((e) => e.op === 'install').map((e) => [e.udid, e.bundle])).toEqual([
      [UDID, BUNDLE],
    ]);
    await lab.browser.screenshot('ios-install-done');
  }, 60_000);

  it('checks push readiness on the simulator with its bundle ID and shows only the iOS checks', async () => {
    await page().getByRole('tab', { name: 'Push readiness' }).click();
    await page().locator(`.doctor-phones__item[data-serial="${UDID}"]`).click();
    const panel = page().locator('.doctor-panel');
    await expect.poll(() => panel.getByLabel('App bundle ID').count()).toBe(1);
    expect(await panel.getByLabel('Notification channel ids (optional)').count()).toBe(0);
    await panel.getByLabel('App bundle ID').fill(BUNDLE);
    await panel.getByRole('button', { name: 'Run check' }).click();
    const checks = panel.locator('li.check');
    await expect.poll(() => checks.count(), { timeout: 15_000 }).toBe(4);
    const ids = await checks.evaluateAll((items) =>
      items.map((i) => `${i.getAttribute('data-check-id')} ${i.getAttribute('data-status')}`),
    );
    expect(ids).toEqual([
      'simulator.booted ok',
      'simulator.runtime ok',
      'app.installed ok',
      'notifications.authorization fail',
    ]);
    expect(
      await panel.locator('li.check[data-check-id="notifications.authorization"]').textContent(),
    ).toContain('tap Allow');
    expect(await panel.textContent()).toContain('Simulator');
    await lab.browser.screenshot('ios-doctor');
    expect(lab.browser.problems.filter((p) => !/adb|Failed to load resource/i.test(p))).toEqual([]);
  }, 60_000);
});
