import { describe, expect, it } from 'vitest';
import {
  declareComponents,
  onDeliveredIntent,
  type DeliveredIntent,
} from '../../../virtual-lab/android/app-components';
import type { VirtualAndroid } from '../../../virtual-lab/android/index';
import { APP, phone, sh, withApp } from './helpers';

const COMPONENTS = {
  activities: ['.LoginActivity', `${APP}.LinkActivity`],
  deepLinks: [{ scheme: 'pushlabdemo', activity: '.LinkActivity' }],
  receivers: [`${APP}.KICK`],
};

function listen(p: VirtualAndroid): DeliveredIntent[] {
  const seen: DeliveredIntent[] = [];
  onDeliveredIntent(p.state, (intent) => seen.push(intent));
  return seen;
}

describe('declared activities', () => {
  it('am start -n opens a declared activity, with its extras, and brings the app to the front', async () => {
    const p = await withApp('xiaomi-hyperos2-android14-2', { launch: false });
    declareComponents(p.state, APP, COMPONENTS);
    const seen = listen(p);
    const r = await sh(p, `am start -n ${APP}/.LoginActivity --es user 'qa 1' --ei n 2`);
    expect(r).toEqual({
      status: 0,
      out: `Starting: Intent { cmp=${APP}/.LoginActivity (has extras) }\n`,
      err: '',
    });
    expect(p.state.foreground).toMatchObject({ package: APP, activity: `${APP}.LoginActivity` });
    expect(p.installedPackage(APP)).toMatchObject({ stopped: false });
    expect(seen).toEqual([
      {
        kind: 'activity',
        package: APP,
        activity: `${APP}.LoginActivity`,
        action: null,
        data: null,
        extras: new Map([
          ['user', 'qa 1'],
          ['n', '2'],
        ]),
      },
    ]);
  });

  it('an undeclared activity, or a declared one of an app that is not installed, does not exist', async () => {
    const p = await withApp('google-pixel-android15-1');
    declareComponents(p.state, APP, COMPONENTS);
    declareComponents(p.state, 'com.not.there', { activities: ['.LoginActivity'] });
    const seen = listen(p);
    expect(await sh(p, `am start -n ${APP}/.SignupActivity`)).toMatchObject({
      status: 1,
      err: `Error type 3\nError: Activity class {${APP}/${APP}.SignupActivity} does not exist.\n`,
    });
    expect(await sh(p, 'am start -n com.not.there/.LoginActivity')).toMatchObject({ status: 1 });
    await sh(p, `pm uninstall ${APP}`);
    expect(await sh(p, `am start -n ${APP}/.LoginActivity`)).toMatchObject({
      status: 1,
      err: `Error type 3\nError: Activity class {${APP}/${APP}.LoginActivity} does not exist.\n`,
    });
    expect(seen).toEqual([]);
  });
});

describe('deep links', () => {
  it('a VIEW intent with a declared scheme opens the link activity; another scheme cannot be resolved', async () => {
    const p = await withApp('oppo-coloros15-android15-1');
    declareComponents(p.state, APP, COMPONENTS);
    const seen = listen(p);
    const r = await sh(p, "am start -a android.intent.action.VIEW -d 'pushlabdemo://logout?user=qa%201'");
    expect(r).toEqual({
      status: 0,
      out: 'Starting: Intent { act=android.intent.action.VIEW dat=pushlabdemo://logout?user=qa%201 }\n',
      err: '',
    });
    expect(seen).toEqual([
      expect.objectContaining({
        kind: 'activity',
        activity: `${APP}.LinkActivity`,
        data: 'pushlabdemo://logout?user=qa%201',
      }),
    ]);
    expect(p.state.foreground.package).toBe(APP);
    const other = await sh(p, 'am start -a android.intent.action.VIEW -d otherapp://x');
    expect(other).toMatchObject({
      status: 1,
      err: 'Error: Activity not started, unable to resolve Intent { act=android.intent.action.VIEW dat=otherapp://x flg=0x10000000 }\n',
    });
    expect(
      await sh(p, 'am start -a android.intent.action.VIEW -d pushlabdemo://x -p com.other.app'),
    ).toMatchObject({ status: 1 });
    expect(seen).toHaveLength(1);
  });
});

describe('broadcasts', () => {
  it('an implicit broadcast reaches a running app; a force-stopped app gets nothing, even by package', async () => {
    const p = await withApp('vivo-originos5-android15-1');
    declareComponents(p.state, APP, COMPONENTS);
    const seen = listen(p);
    const r = await sh(p, `am broadcast -a ${APP}.KICK --es user qa_vivo`);
    expect(r.out).toBe(
      `Broadcasting: Intent { act=${APP}.KICK (has extras) }\nBroadcast completed: result=0\n`,
    );
    expect(seen).toEqual([
      { kind: 'broadcast', package: APP, action: `${APP}.KICK`, extras: new Map([['user', 'qa_vivo']]) },
    ]);

    await sh(p, `am broadcast -a ${APP}.OTHER --es user qa_vivo`);
    await sh(p, `am force-stop ${APP}`);
    await sh(p, `am broadcast -a ${APP}.KICK --es user qa_vivo`);
    await sh(p, `am broadcast -a ${APP}.KICK -p ${APP} --es user qa_vivo`);
    expect(seen).toHaveLength(1);
  });

  it('an explicit broadcast reaches the manifest receiver of an app that is not running but not stopped', async () => {
    const p = await withApp('honor-magicos9-android15-2');
    declareComponents(p.state, APP, COMPONENTS);
    await sh(p, 'input keyevent KEYCODE_HOME');
    expect(await sh(p, `am kill ${APP}`)).toMatchObject({ status: 0 });
    const seen = listen(p);
    await sh(p, `am broadcast -a ${APP}.KICK`);
    expect(seen).toEqual([]);
    await sh(p, `am broadcast -a ${APP}.KICK -p ${APP}`);
    expect(seen).toEqual([expect.objectContaining({ kind: 'broadcast', package: APP })]);
  });

  it('a phone without declarations answers broadcasts as before and delivers nothing', async () => {
    const p = phone('meizu-flyme12.1-android15-1');
    const seen = listen(p);
    expect((await sh(p, 'am broadcast -a x.Y')).out).toBe(
      'Broadcasting: Intent { act=x.Y }\nBroadcast completed: result=0\n',
    );
    expect(seen).toEqual([]);
  });
});
