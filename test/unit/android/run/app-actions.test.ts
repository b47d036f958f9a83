import { describe, expect, it } from 'vitest';
import { actionCommand, runAppAction } from '../../../../electron/lab/android/run/app-actions';
import { LabError } from '../../../../electron/lab/errors';
import { FakeDeviceIo } from '../../../support/fake-device-io';

const values = { package: 'com.pushlab.demo', account: "qa'; reboot; echo '", serial: '127.0.0.1:7001' };
const never = { ask: () => Promise.reject(new Error('not asked')) };

describe('account actions', () => {
  it('quotes every value in a shell template, so a hostile account stays one argument', () => {
    const command = actionCommand(
      { kind: 'shell', template: 'am start -n {package}/.LoginActivity --es user {account}' },
      values,
    );
    expect(command).toBe(
      `am start -n com.pushlab.demo/.LoginActivity --es user 'qa'\\''; reboot; echo '\\'''`,
    );
  });

  it('percent-encodes deep link values and quotes the whole link', () => {
    const command = actionCommand(
      { kind: 'deeplink', uri: 'pushlabdemo://logout?user={account}' },
      { ...values, account: 'a b&c' },
    );
    expect(command).toBe("am start -a android.intent.action.VIEW -d 'pushlabdemo://logout?user=a%20b%26c'");
  });

  it('refuses a template that slipped past plan validation', () => {
    expect(() =>
      actionCommand({ kind: 'shell', template: "am start --es user '{account}'" }, values),
    ).toThrow(/inside quotes/);
  });

  it('refuses a template that would hand a value to a second shell, with a typed error saying what to write', () => {
    for (const template of [
      'sh -c {account}',
      'am start --es user {account}; reboot',
      'echo {account} | xargs am start --es user',
    ]) {
      let caught: unknown;
      try {
        actionCommand({ kind: 'shell', template }, values);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(LabError);
      expect(caught).toMatchObject({
        code: 'PLAN_INVALID',
        message: expect.stringContaining('am start -n {package}/.LoginActivity --es user {account}'),
      });
    }
  });

  it('validates each value before it is quoted: package name, adb serial, one-line account', () => {
    const shell = {
      kind: 'shell',
      template: 'am start -n {package}/.Login --es user {account} --es s {serial}',
    } as const;
    expect(actionCommand(shell, { ...values, account: 'qa_1' })).toBe(
      'am start -n com.pushlab.demo/.Login --es user qa_1 --es s 127.0.0.1:7001',
    );
    expect(() => actionCommand(shell, { ...values, serial: "S'; reboot" })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => actionCommand(shell, { ...values, package: 'com.x;reboot' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => actionCommand(shell, { ...values, account: 'qa\nreboot' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it("fails with the phone's words when am could not start the activity", async () => {
    const io = new FakeDeviceIo('S', [
      [
        /^am start/,
        'Starting: Intent { cmp=com.pushlab.demo/.Nope }\nError type 3\nError: Activity class {com.pushlab.demo/com.pushlab.demo.Nope} does not exist.\n',
      ],
    ]);
    await expect(
      runAppAction('login', { kind: 'shell', template: 'am start -n {package}/.Nope' }, values, io, never, {
        timeoutMs: 1000,
      }),
    ).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: expect.stringContaining('does not exist'),
    });
  });

  it('asks the operator for an operator action and goes on when answered', async () => {
    const asked: string[] = [];
    const io = new FakeDeviceIo('S');
    await runAppAction(
      'kick',
      { kind: 'operator', prompt: 'Sign in elsewhere' },
      values,
      io,
      { ask: async (p) => void asked.push(p.text) },
      { timeoutMs: 1000 },
    );
    expect(asked[0]).toContain('Sign in elsewhere');
    expect(io.commands).toEqual([]);
  });
});
