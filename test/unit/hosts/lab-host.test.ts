import { describe, expect, it } from 'vitest';
import {
  deviceKey,
  hostNameFor,
  labHostsSchema,
  LOCAL_HOST,
  splitDeviceKey,
} from '../../../shared/domain/lab-host';
import { serialProblem } from '../../../shared/domain/serial';

describe('device keys', () => {
  it('keep bare serials on the primary host and prefix the others', () => {
    expect(deviceKey('local', 'R58M123ABC', 'local')).toBe('R58M123ABC');
    expect(deviceKey('lab-b', 'R58M123ABC', 'local')).toBe('lab-b/R58M123ABC');
    expect(splitDeviceKey('lab-b/R58M123ABC')).toEqual({ host: 'lab-b', serial: 'R58M123ABC' });
    expect(splitDeviceKey('R58M123ABC')).toEqual({ host: null, serial: 'R58M123ABC' });
    expect(splitDeviceKey('lab-b/192.168.1.20:5555')).toEqual({ host: 'lab-b', serial: '192.168.1.20:5555' });
  });

  it('make the same serial on two hosts two phones', () => {
    const a = deviceKey('local', 'SAME01', 'local');
    const b = deviceKey('lab-b', 'SAME01', 'local');
    expect(a).not.toBe(b);
  });

  it('are accepted where serials are checked, and a bad serial behind a host is still refused', () => {
    expect(serialProblem('lab-b/R58M123ABC')).toBeNull();
    expect(serialProblem('lab-b/10.0.0.7:5555')).toBeNull();
    expect(serialProblem('lab-b/$(reboot)')).toMatch(/not a serial/);
    expect(serialProblem('Lab-B/R58M123ABC')).toMatch(/not a serial/);
    expect(serialProblem('lab-b/')).toMatch(/not a serial|empty/);
    expect(serialProblem('../etc/passwd')).toMatch(/not a serial/);
  });
});

describe('host lists', () => {
  it('accept names, addresses and ports, and refuse a name used twice', () => {
    const ok = labHostsSchema.safeParse([
      { name: 'local', address: '127.0.0.1', port: 5037 },
      { name: 'lab-b', address: 'lab-b.example.internal', port: 5037 },
    ]);
    expect(ok.success).toBe(true);
    const twice = labHostsSchema.safeParse([
      { name: 'a', address: '10.0.0.1', port: 5037 },
      { name: 'a', address: '10.0.0.2', port: 5037 },
    ]);
    expect(twice.success).toBe(false);
    expect(labHostsSchema.safeParse([{ name: 'A B', address: 'x', port: 5037 }]).success).toBe(false);
    expect(labHostsSchema.safeParse([{ name: 'a', address: 'x;rm', port: 5037 }]).success).toBe(false);
    expect(labHostsSchema.safeParse([{ name: 'a', address: 'x', port: 70000 }]).success).toBe(false);
  });

  it('name a host given by address only', () => {
    expect(hostNameFor('127.0.0.1', 5037, 0)).toBe(LOCAL_HOST);
    expect(hostNameFor('10.0.0.7', 5037, 1)).toBe('host-10-0-0-7-5037');
    expect(hostNameFor('::1', 15038, 2)).toBe('host-1-15038');
  });
});
