import { describe, expect, it } from 'vitest';
import { parsePlan, PlanError } from '../../../shared/runs';
import { applyAccountChange, checkPhoneAccounts, presenceOf } from '../../virtual-lab/world/accounts';
import { accountChangeOf, DEMO_PACKAGE } from '../../virtual-lab/world/demo-app';
import {
  highClassChannelIds,
  pushLabPlan,
  pushLabPlanJson,
  type PushLabPlanInput,
} from '../../virtual-lab/world/plan';
import type { RoutedAccount } from '../../virtual-lab/tencent/router';
import { phone, sh, withApp } from './android/helpers';

const INPUT: PushLabPlanInput = {
  phones: [
    { serial: '127.0.0.1:40001', account: 'qa_xiaomi' },
    { serial: '127.0.0.1:40002', account: 'qa_pixel' },
  ],
  sdkAppId: 1400000000,
  adminIdentifier: 'administrator',
  baseUrl: 'http://127.0.0.1:18090',
  apkPath: null,
};
const extras = (user?: string): ReadonlyMap<string, string> =>
  new Map(user === undefined ? [] : [['user', user]]);

describe("the world's plan", () => {
  it('names the high-class channel the catalog uses once', () => {
    expect(highClassChannelIds()).toEqual(['pushlab_im']);
  });

  it('validates, and installs the APK first only when the world did not', () => {
    const preinstalled = pushLabPlan(INPUT);
    expect(preinstalled.build).toBeUndefined();
    expect(preinstalled.app.accounts.serials).toEqual({
      '127.0.0.1:40001': { account: 'qa_xiaomi' },
      '127.0.0.1:40002': { account: 'qa_pixel' },
    });
    expect(preinstalled).toMatchObject({
      scenarios: 'all',
      repeats: 1,
      timeouts: { pushMs: 8000, stepMs: 15000 },
      sender: { groupId: 'lab_team', secret: { env: 'PUSHLAB_TENCENT_SECRET' } },
    });
    expect(pushLabPlan({ ...INPUT, apkPath: '/tmp/w/pushlab-demo.apk' }).build).toEqual({
      apk: '/tmp/w/pushlab-demo.apk',
      install: true,
    });
    expect(parsePlan(JSON.stringify(pushLabPlanJson(INPUT)))).toEqual(preinstalled);
  });

  it('refuses overrides that make it invalid, naming the field', () => {
    expect(pushLabPlan(INPUT, { scenarios: ['background-c2c-text'] }).scenarios).toEqual([
      'background-c2c-text',
    ]);
    expect(() =>
      pushLabPlan(INPUT, {
        sender: {
          kind: 'tencent',
          sdkAppId: 1,
          adminIdentifier: 'a',
          baseUrl: 'http://example.com',
          secret: { env: 'X' },
        },
      }),
    ).toThrow(PlanError);
  });
});

describe("the demo app's hooks", () => {
  it('reads login, logout (percent-encoded user) and kick; ignores other packages, activities and links', () => {
    const activity = (name: string, data: string | null = null, user?: string) =>
      ({
        kind: 'activity',
        package: DEMO_PACKAGE,
        activity: `${DEMO_PACKAGE}.${name}`,
        action: null,
        data,
        extras: extras(user),
      }) as const;
    expect(accountChangeOf(activity('LoginActivity', null, 'qa_1'))).toEqual({
      change: 'login',
      user: 'qa_1',
    });
    expect(accountChangeOf(activity('DeepLinkActivity', 'pushlabdemo://logout?user=qa%40x.y'))).toEqual({
      change: 'logout',
      user: 'qa@x.y',
    });
    expect(
      accountChangeOf({
        kind: 'broadcast',
        package: DEMO_PACKAGE,
        action: `${DEMO_PACKAGE}.KICK`,
        extras: extras('qa_1'),
      }),
    ).toEqual({ change: 'kick', user: 'qa_1' });
    expect(accountChangeOf(activity('LoginActivity'))).toBeNull();
    expect(accountChangeOf(activity('MainActivity', null, 'qa_1'))).toBeNull();
    expect(accountChangeOf(activity('DeepLinkActivity', 'pushlabdemo://login?user=qa_1'))).toBeNull();
    expect(accountChangeOf(activity('DeepLinkActivity', 'pushlabdemo://logout'))).toBeNull();
    expect(
      accountChangeOf({
        kind: 'broadcast',
        package: 'com.other',
        action: `${DEMO_PACKAGE}.KICK`,
        extras: extras('qa_1'),
      }),
    ).toBeNull();
  });

  it('login clears a kick, logout ends the session, kick keeps the login but forces offline', () => {
    const entry: RoutedAccount = { serial: 's', package: DEMO_PACKAGE, loggedIn: false };
    applyAccountChange(entry, 'login');
    expect(entry).toMatchObject({ loggedIn: true, kicked: false });
    applyAccountChange(entry, 'kick');
    expect(entry).toMatchObject({ loggedIn: true, kicked: true });
    applyAccountChange(entry, 'login');
    applyAccountChange(entry, 'logout');
    expect(entry).toMatchObject({ loggedIn: false, kicked: false });
  });

  it('presence: Offline when logged out or kicked, Online in the foreground, PushOnline otherwise', async () => {
    const p = await withApp('xiaomi-hyperos2-android14-2');
    const entry: RoutedAccount = { serial: 's', package: DEMO_PACKAGE, loggedIn: true };
    expect(presenceOf(entry, p)).toBe('Online');
    await sh(p, 'input keyevent KEYCODE_HOME');
    expect(presenceOf(entry, p)).toBe('PushOnline');
    expect(presenceOf({ ...entry, kicked: true }, p)).toBe('Offline');
    expect(presenceOf({ ...entry, loggedIn: false }, p)).toBe('Offline');
    expect(presenceOf(undefined, phone('google-pixel-android15-1'))).toBe('Offline');
  });

  it("refuses accounts a plan would refuse, duplicates and the sender's id", () => {
    expect(() => checkPhoneAccounts(['qa_1', 'qa_2'])).not.toThrow();
    expect(() => checkPhoneAccounts(['qa 1'])).toThrow(/Invalid account/);
    expect(() => checkPhoneAccounts(['qa_1', 'qa_1'])).toThrow(/two phones/);
    expect(() => checkPhoneAccounts(['pushlab_sender'])).toThrow(/sender or admin/);
  });
});
