/**
 * The built renderer in Chromium against the REAL core with the fake xcrun (Xcode 16 capture) and no
 * adb server: the Phones view lists the shut-down iPhone 16 Pro and an unusable simulator with its
 * reason; Boot on the board boots it (button disabled while it runs) and the row turns Booted; Shut
 * down brings it back; a boot or shutdown outside PushLab shows up too. Screenshots go to test-results/renderer/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XCODE16 } from '../virtual-lab/ios/fake-xcrun';
import { openSimulatorLab, type SimulatorLab } from './support/simulator-lab';

const SHUT_DOWN = XCODE16.iphone16Pro;
const UNUSABLE = 'E1A75B48-12AA-42A0-AD58-5AAEF4DBAEA5';

let lab: SimulatorLab;

beforeAll(async () => {
  lab = await openSimulatorLab('simboard', { height: 1400 });
}, 60_000);

afterAll(async () => {
  await lab?.close();
});

const page = () => lab.browser.page;
const row = (udid: string) => page().locator(`.simulator-list li[data-udid="${udid}"]`);

describe('simulators on the board', () => {
  it('lists a shut-down simulator and an unusable one with its reason', async () => {
    await expect
      .poll(
        () =>
          row(SHUT_DOWN)
            .getAttribute('data-state')
            .catch(() => null),
        { timeout: 15_000 },
      )
      .toBe('Shutdown');
    expect(await row(SHUT_DOWN).textContent()).toContain('Shut down');
    expect(await row(XCODE16.bootedIpad).getAttribute('data-state')).toBe('Booted');
    expect(await row(UNUSABLE).getAttribute('data-usable')).toBe('false');
    expect(await row(UNUSABLE).textContent()).toContain('Unusable: runtime profile not found');
    expect(await row(UNUSABLE).getByRole('button').count()).toBe(0);
  }, 60_000);

  it("takes a booted simulator's screenshot from its card, like a phone's", async () => {
    const card = page().locator(`article.device-card[data-serial="${XCODE16.bootedIpad}"]`);
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    await card.getByRole('button', { name: 'Screenshot' }).click();
    const dialog = page().getByRole('dialog', { name: /^Screenshot of / });
    await expect.poll(() => dialog.locator('img').count(), { timeout: 15_000 }).toBe(1);
    expect(await dialog.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await dialog.textContent()).toMatch(/Saved to .+\.png \(/);
    await page().keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('boots it from the board and sees it become booted, then shuts it down', async () => {
    const boot = row(SHUT_DOWN).getByRole('button', { name: 'Boot' });
    await boot.click();
    await expect.poll(() => row(SHUT_DOWN).getAttribute('data-state'), { timeout: 15_000 }).toBe('Booted');
    // Booted: it is a device on the board too, and offers Shut down instead of Boot.
    await expect
      .poll(() => page().locator(`[data-serial="${SHUT_DOWN}"]`).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await row(SHUT_DOWN).getByRole('button', { name: 'Boot' }).count()).toBe(0);
    await lab.browser.screenshot('simulator-board-booted');

    await row(SHUT_DOWN).getByRole('button', { name: 'Shut down' }).click();
    await expect.poll(() => row(SHUT_DOWN).getAttribute('data-state'), { timeout: 15_000 }).toBe('Shutdown');
    expect(
      (await lab.fake.log())
        .filter((e) => e.udid === SHUT_DOWN && (e.op === 'boot' || e.op === 'shutdown'))
        .map((e) => e.op),
    ).toEqual(['boot', 'shutdown']);
    expect(lab.browser.problems.filter((p) => !/adb|Failed to load resource/i.test(p))).toEqual([]);
  }, 60_000);

  it('follows a boot and a shutdown done outside PushLab, live', async () => {
    await lab.fake.simctl(['boot', SHUT_DOWN]);
    await expect.poll(() => row(SHUT_DOWN).getAttribute('data-state'), { timeout: 15_000 }).toBe('Booted');
    await lab.fake.simctl(['shutdown', SHUT_DOWN]);
    await expect.poll(() => row(SHUT_DOWN).getAttribute('data-state'), { timeout: 15_000 }).toBe('Shutdown');
    expect(await row(SHUT_DOWN).getByRole('button', { name: 'Boot' }).isEnabled()).toBe(true);
  }, 60_000);
});
