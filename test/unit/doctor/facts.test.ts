import { describe, expect, it } from 'vitest';
import { LabError } from '../../../electron/lab/errors';
import { gatherFacts } from '../../../electron/lab/doctor/facts';
import { evaluateChecks } from '../../../electron/lab/doctor/evaluate';
import { FakeDeviceIo, type ShellRule } from '../../support/fake-device-io';
import { PKG, XIAOMI_HYPEROS, byId, fixture, identityOf, packageDumpText, subject } from './helpers';

const text = (kind: string, name: string) => fixture(kind, name).toString('utf8');

/** A HyperOS phone answering every read the doctor makes, from real captures where there are some. */
function xiaomiRules(): ShellRule[] {
  return [
    [
      new RegExp(`^dumpsys package ${PKG.replace(/\./g, '\\.')}$`),
      packageDumpText({ permission: 'granted=false, flags=[ USER_SET|USER_FIXED ]' }),
    ],
    [
      /^dumpsys package com\.xiaomi\.xmsf$/,
      'Packages:\n  Package [com.xiaomi.xmsf] (1):\n    userId=10107\n    versionCode=60110 ' +
        'minSdk=28 targetSdk=34\n    User 0: installed=true stopped=false enabled=0\n',
    ],
    [/^dumpsys notification --noredact$/, text('dumpsys-notification', 'xiaomi-hyperos2-android14-1.txt')],
    [/^appops get /, text('appops-get', 'composed-miui-uid-override-1.txt')],
    [
      /^dumpsys deviceidle whitelist$/,
      text('deviceidle-whitelist', 'composed-xiaomi-hyperos2-android14-1.txt'),
    ],
    [/^am get-standby-bucket /, '40\n'],
    [/^settings get global zen_mode$/, '0\n'],
    [/^settings get global low_power$/, '0\n'],
    [/^settings get secure lock_screen_show_notifications$/, '1\n'],
    [/^settings get secure lock_screen_allow_private_notifications$/, 'null\n'],
    [/^cmd netpolicy get restrict-background$/, text('netpolicy', 'composed-cmd-restrict-background-2.txt')],
    [/^cmd netpolicy list restrict-background-blacklist$/, text('netpolicy', 'composed-cmd-denylist-3.txt')],
    [/^cmd netpolicy list restrict-background-whitelist$/, text('netpolicy', 'composed-cmd-allowlist-4.txt')],
  ];
}

describe('gatherFacts', () => {
  const identity = identityOf(XIAOMI_HYPEROS);

  it('reads everything the checks need, in parallel, from a whole phone', async () => {
    const io = new FakeDeviceIo('S1', xiaomiRules());
    const { facts, errors } = await gatherFacts(io, subject(['im_push']), identity);
    expect(errors).toEqual([]);
    expect(facts.package?.value).toMatchObject({ uid: 10312, postNotifications: { granted: false } });
    expect(facts.notifications?.value.zen.mode).toBe('off');
    expect(facts.appOps?.value?.ops['10008']?.mode).toBe('ignore');
    expect(facts.deviceIdle?.value.user).toContain('com.termux.api');
    expect(facts.standbyBucket?.value).toBe('rare');
    expect(facts.settings['secure/lock_screen_allow_private_notifications']?.value).toBeNull();
    expect(facts.backgroundDataDenylist?.value).toEqual([10140]);
    expect(facts.pushServices?.map((s) => [s.package, s.info?.versionCode])).toEqual([
      ['com.xiaomi.xmsf', 60110],
    ]);
    expect([...io.commands].sort()).toEqual([
      'am get-standby-bucket com.example.pushlab.demo',
      'appops get com.example.pushlab.demo',
      'cmd netpolicy get restrict-background',
      'cmd netpolicy list restrict-background-blacklist',
      'dumpsys deviceidle whitelist',
      'dumpsys notification --noredact',
      'dumpsys package com.example.pushlab.demo',
      'dumpsys package com.xiaomi.xmsf',
      'settings get global low_power',
      'settings get global zen_mode',
      'settings get secure lock_screen_allow_private_notifications',
      'settings get secure lock_screen_show_notifications',
    ]);
    // Judged end to end: the checks the phone's state calls for.
    const checks = evaluateChecks(facts, identity, subject(['im_push']));
    expect(byId(checks, 'notifications.permission').status).toBe('fail');
    expect(byId(checks, 'notifications.permission-flags').status).toBe('warn');
    expect(byId(checks, 'channel:im_push').status).toBe('fail');
    expect(byId(checks, 'vendor.autostart').status).toBe('warn');
    expect(byId(checks, 'battery.standby').status).toBe('warn');
    expect(byId(checks, 'push.service').status).toBe('ok');
  });

  it('reads the Data Saver allow-list only while Data Saver is on', async () => {
    const rules: ShellRule[] = [
      [/^cmd netpolicy get restrict-background$/, 'Restrict background status: enabled\n'],
      ...xiaomiRules(),
    ];
    const io = new FakeDeviceIo('S1', rules);
    const { facts } = await gatherFacts(io, subject(), identity);
    expect(io.commands).toContain('cmd netpolicy list restrict-background-whitelist');
    expect(facts.dataSaverAllowlist?.value).toContain(10153);
    expect(byId(evaluateChecks(facts, identity, subject()), 'battery.data')).toMatchObject({
      status: 'warn',
      advice: { key: 'check.battery.data.saverOn' },
    });
  });

  it('records a failed read and keeps the rest (that check becomes unknown)', async () => {
    const rules: ShellRule[] = [
      [
        /^appops get /,
        () => {
          throw new LabError('TIMEOUT', 'appops get did not answer within 15 s.');
        },
      ],
      [/^cmd netpolicy get/, "cmd: Can't find service: netpolicy\n"],
      ...xiaomiRules(),
    ];
    const { facts, errors } = await gatherFacts(new FakeDeviceIo('S1', rules), subject(), identity);
    expect(errors.map((e) => [e.source, e.error.code]).sort()).toEqual([
      ['appops get', 'TIMEOUT'],
      ['cmd netpolicy get restrict-background', 'COMMAND_FAILED'],
    ]);
    expect(facts.appOps).toBeNull();
    expect(facts.package).not.toBeNull();
    const checks = evaluateChecks(facts, identity, subject());
    expect(byId(checks, 'vendor.autostart')).toMatchObject({
      status: 'unknown',
      evidence: 'appops get did not answer within 15 s.',
    });
    expect(byId(checks, 'battery.data').status).toBe('unknown');
    expect(byId(checks, 'app.installed').status).toBe('ok');
  });

  it("keeps a lost phone's error code for the service to see", async () => {
    const lost: ShellRule = [
      /./,
      () => {
        throw new LabError('DEVICE_LOST', 'Phone S1 went away.');
      },
    ];
    const { facts, errors } = await gatherFacts(new FakeDeviceIo('S1', [lost]), subject(), identity);
    expect(errors.length).toBeGreaterThan(5);
    expect(errors.every((e) => e.error.code === 'DEVICE_LOST')).toBe(true);
    expect(facts.package).toBeNull();
  });

  it('records a parser that finds nothing usable as a failed read, not a crash', async () => {
    const rules: ShellRule[] = [[/^dumpsys notification/, '\u0000\u0001garbage'], ...xiaomiRules()];
    const { facts, errors } = await gatherFacts(new FakeDeviceIo('S1', rules), subject(), identity);
    expect(facts.notifications).toBeNull();
    expect(errors.find((e) => e.source === 'dumpsys notification')?.error.code).toBe('MALFORMED_OUTPUT');
  });

  it('skips the standby bucket before Android 9 and the push service without an identity', async () => {
    const io = new FakeDeviceIo('S1', xiaomiRules());
    const { facts } = await gatherFacts(io, subject(), { ...identity, sdk: 26 });
    expect(io.commands.some((c) => c.startsWith('am get-standby-bucket'))).toBe(false);
    expect(facts.standbyBucket).toBeNull();
    const none = await gatherFacts(new FakeDeviceIo('S1', xiaomiRules()), subject(), null);
    expect(none.facts.pushServices).toBeNull();
    expect(none.facts.unread['dumpsys package (push service)']).toContain('identity');
  });
});
