import { describe, expect, it } from 'vitest';
import { createVirtualAndroid } from '../../../virtual-lab/android/index';
import { APP, phone, POST, pushApk, READ_PHONES, sh, withApp } from './helpers';

describe('test-settable faults show up in what adb reads', () => {
  it('setPostNotifications sets the grant and the flags (names or bits); before 13 it is the app switch', async () => {
    const p = await withApp(READ_PHONES.pixel);
    p.setPostNotifications(APP, { granted: false, flags: ['USER_SET', 'user-fixed'] });
    expect((await sh(p, `dumpsys package ${APP}`)).out).toContain(
      `${POST}: granted=false, flags=[ USER_SET|USER_FIXED]\n`,
    );
    p.setPostNotifications(APP, { granted: true });
    expect((await sh(p, `dumpsys package ${APP}`)).out).toContain(
      `${POST}: granted=true, flags=[ USER_SET|USER_FIXED]\n`,
    );
    expect(() => p.setPostNotifications(APP, { granted: true, flags: ['NOT_A_FLAG'] })).toThrow(
      'Unknown permission flag "NOT_A_FLAG"',
    );
    const pie = await withApp(READ_PHONES.android9);
    pie.setPostNotifications(APP, { granted: false });
    expect((await sh(pie, `dumpsys notification p ${APP}`)).out).toContain(
      `AppSettings: ${APP} (${pie.installedPackage(APP)?.uid}) importance=NONE\n`,
    );
  });

  it('setAppOp at package or uid level, by name or number', async () => {
    const p = await withApp(READ_PHONES.xiaomi);
    p.setAppOp(APP, 10008, 'allow');
    p.setAppOp(APP, 'RUN_IN_BACKGROUND', 'ignore', { uid: true });
    expect((await sh(p, `appops get ${APP}`)).out).toBe(
      'Uid mode: POST_NOTIFICATION: ignore\nRUN_IN_BACKGROUND: ignore\nMIUIOP(10008): allow\n',
    );
    expect(() => p.setAppOp(APP, 'NOT_AN_OP', 'allow')).toThrow('Unknown operation string: NOT_AN_OP');
  });

  it('a phone-wide default channel list, and per-app lists before the first launch', async () => {
    const p = createVirtualAndroid(READ_PHONES.oppo, {
      realisticTiming: false,
      launchChannels: ['heytap_push', { id: 'calls', importance: 4, bypassDnd: true }],
    });
    const { path } = await pushApk(p, { packageName: APP, versionCode: 1 });
    await sh(p, `pm install ${path}`);
    await sh(p, `am start -n ${APP}/.MainActivity`);
    const out = (await sh(p, 'dumpsys notification --noredact')).out;
    expect(out).toContain(
      "mId='heytap_push', mName=heytap_push, mDescription=, mImportance=3, mBypassDnd=false",
    );
    expect(out).toContain("mId='calls', mName=calls, mDescription=, mImportance=4, mBypassDnd=true");
    expect(out).not.toContain("mId='pushlab_default'");
  });

  it('fault methods name the phone when the package is not installed', () => {
    const p = phone(READ_PHONES.pixel);
    expect(() => p.blockApp('com.not.there')).toThrow(
      `No package com.not.there is installed on virtual phone ${READ_PHONES.pixel}.`,
    );
    expect(() => p.setStandbyBucket('com.not.there', 'rare')).toThrow('No package com.not.there');
  });
});
