import { describe, expect, it } from 'vitest';
import { assertSerial, isAdbSerial, serialProblem } from '../../../electron/lab/adb/serial';
import { parseAdbDevices } from '../../../electron/lab/android/parsers';
import { LabError } from '../../../electron/lab/errors';
import { main } from '../../../electron/cli/main';
import { requestSchemas } from '../../../shared/ipc';
import { fixture, fixtureNames } from '../android/fixtures';

describe('adb serial shapes', () => {
  it('accepts every serial in the real `adb devices` captures', () => {
    const serials = fixtureNames('adb-devices').flatMap((name) =>
      parseAdbDevices(fixture('adb-devices', name)).map((d) => d.serial),
    );
    expect(serials).toEqual(expect.arrayContaining([' GS101200407283', '198.18.3.42:5555', 'emulator-5554']));
    for (const serial of serials) expect(serialProblem(serial), serial).toBeNull();
  });

  it.each([
    '0123456789ABCDEF',
    'R58M123ABC',
    'HT4A1JT00123',
    'ZY22345_6.x-y',
    ' GS101200407283',
    '????????????',
    'usb:1-1.2',
    'usb:17825792X',
    'emulator-5554',
    '192.168.1.20:5555',
    'pixel.lan:5555',
    '[fe80::1%wlan0]:5555',
    '[::1]:37001',
    'adb-R58M123ABC-a1b2c3._adb-tls-connect._tcp',
    'adb-R58M123ABC-a1b2c3._adb-tls-connect._tcp.',
    'adb-R58M123ABC-a1b2c3._adb-tls-pairing._tcp',
    'Pixel-7._adb._tcp',
    '8F3C1D2E-4B5A-4C6D-9E8F-0A1B2C3D4E5F',
  ])('accepts %j', (serial) => {
    expect(isAdbSerial(serial)).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['x'.repeat(256), /longer than 255/],
    ["R58M'; reboot", /not a serial adb prints/],
    ['$(reboot)', /not a serial adb prints/],
    ['a b', /not a serial adb prints/],
    ['abc\n', /not a serial adb prints/],
    ['`id`', /not a serial adb prints/],
    ['host:99999', /outside 1-65535/],
    ['host:0', /outside 1-65535/],
    ['-s', /not a serial adb prints/],
    ['emulator-5554 ', /not a serial adb prints/],
  ])('refuses %j', (serial, problem) => {
    expect(serialProblem(serial)).toMatch(problem);
  });

  it('is a LabError with a hint in the core', () => {
    expect(assertSerial('emulator-5556')).toBe('emulator-5556');
    let caught: unknown;
    try {
      assertSerial('a;b');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LabError);
    expect(caught).toMatchObject({ code: 'INVALID_ARGUMENT', hint: expect.stringContaining('adb devices') });
  });

  it('is checked by the IPC schemas before a request runs', () => {
    expect(requestSchemas['devices:screenshot'].safeParse(['emulator-5554']).success).toBe(true);
    const refused = requestSchemas['devices:screenshot'].safeParse(["x'; reboot"]);
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain('is not a serial adb prints');
  });

  it('is checked on the command line before anything starts', async () => {
    const err: string[] = [];
    const output = { out: (): void => undefined, err: (text: string): void => void err.push(text) };
    const code = await main(['doctor', '--serial', 'a;reboot', '--package', 'com.example.app'], output);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/serial "a;reboot" is not a serial adb prints/);
  });
});
