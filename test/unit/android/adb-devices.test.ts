import { describe, expect, it } from 'vitest';
import { LabError } from '../../../electron/lab/errors';
import {
  normaliseAdbState,
  parseAdbDevices,
  transportOf,
} from '../../../electron/lab/android/parsers/adb-devices';
import { fixture } from './fixtures';

describe('parseAdbDevices on the real captures', () => {
  it('keeps the leading space of a Rockchip serial and reads the -l attributes', () => {
    expect(parseAdbDevices(fixture('adb-devices', 'rockchip-1.txt'))).toEqual([
      {
        serial: ' GS101200407283',
        state: 'device',
        transport: 'usb',
        attributes: {
          usb: '17825792X',
          product: 'rk3288',
          model: 'rk3288',
          device: 'rk3288',
          transport_id: '15',
        },
      },
    ]);
  });

  it('reads a TCP device listed with -l (no usb: field)', () => {
    expect(parseAdbDevices(fixture('adb-devices', 'rockchip-2.txt'))).toEqual([
      {
        serial: '198.18.3.42:5555',
        state: 'device',
        transport: 'tcp',
        attributes: { product: 'rk3288', model: 'rk3288', device: 'rk3288', transport_id: '1' },
      },
    ]);
  });

  it('reads a Wi-Fi phone and an emulator whose TABs were pasted as spaces', () => {
    const devices = parseAdbDevices(fixture('adb-devices', 'wifi-and-emulator-3.txt'));
    expect(devices.map((d) => [d.serial, d.state, d.transport])).toEqual([
      ['192.168.43.1:5555', 'device', 'tcp'],
      ['emulator-5554', 'device', 'emulator'],
    ]);
    expect(devices.every((d) => Object.keys(d.attributes).length === 0)).toBe(true);
  });
});

describe('parseAdbDevices shapes adb prints', () => {
  it('reads TAB-separated states, including "no permissions" with its explanation', () => {
    const text = [
      '* daemon not running; starting now at tcp:15037',
      '* daemon started successfully',
      'List of devices attached',
      'R58M12ABCDE\tunauthorized',
      '0123456789ABCDEF\toffline',
      '????????????\tno permissions (missing udev rules? user is in the plugdev group); see [http://developer.android.com/tools/device.html]',
      'adb-R5CT123-AbCdEf._adb-tls-connect._tcp\tdevice',
      '[fe80::1%wlan0]:5555\tdevice',
      'emulator-5556\tauthorizing',
      '',
    ].join('\n');
    expect(parseAdbDevices(text).map((d) => [d.serial, d.state, d.transport])).toEqual([
      ['R58M12ABCDE', 'unauthorized', 'usb'],
      ['0123456789ABCDEF', 'offline', 'usb'],
      ['????????????', 'no-permissions', 'usb'],
      ['adb-R5CT123-AbCdEf._adb-tls-connect._tcp', 'device', 'tcp'],
      ['[fe80::1%wlan0]:5555', 'device', 'tcp'],
      ['emulator-5556', 'authorizing', 'emulator'],
    ]);
  });

  it('reads -l lines with "no permissions" and keeps only real attributes', () => {
    const line =
      '????????????           no permissions (user in plugdev group; are your udev rules ' +
      'wrong?); see [http://developer.android.com/tools/device.html] usb:1-1.2 transport_id:3';
    const [entry] = parseAdbDevices(`List of devices attached\n${line}\n`);
    expect(entry?.state).toBe('no-permissions');
    expect(entry?.attributes).toEqual({ usb: '1-1.2', transport_id: '3' });
  });

  it('returns an empty list when no phone is attached', () => {
    expect(parseAdbDevices('List of devices attached\n\n')).toEqual([]);
  });

  it('throws MALFORMED_OUTPUT for text that is not a device list', () => {
    expect(() => parseAdbDevices('adb: unknown command devicez\nsomething odd')).toThrow(LabError);
  });
});

describe('normaliseAdbState', () => {
  it.each([
    ['device', 'device'],
    ['unauthorized', 'unauthorized'],
    ['offline', 'offline'],
    ['no permissions (user in plugdev group; are your udev rules wrong?)', 'no-permissions'],
    ['authorizing', 'authorizing'],
    ['connecting', 'connecting'],
    ['recovery', 'recovery'],
    ['sideload', 'sideload'],
    ['rescue', 'rescue'],
    ['bootloader', 'bootloader'],
    ['host', 'host'],
    [' Device ', 'device'],
    ['something-new', 'unknown'],
  ] as const)('%s -> %s', (raw, state) => {
    expect(normaliseAdbState(raw)).toBe(state);
  });
});

describe('transportOf', () => {
  it.each([
    ['emulator-5554', 'emulator'],
    ['192.168.1.20:5555', 'tcp'],
    ['phone.lan:40123', 'tcp'],
    ['[::1]:5555', 'tcp'],
    ['adb-2A241FDH3001PL-vWgJpq._adb-tls-connect._tcp', 'tcp'],
    ['R58M12ABCDE', 'usb'],
    [' GS101200407283', 'usb'],
    ['emulator-x', 'usb'],
  ] as const)('%s -> %s', (serial, transport) => {
    expect(transportOf(serial)).toBe(transport);
  });
});
