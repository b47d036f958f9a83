import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { LabError } from '../../../electron/lab/errors';
import { openDatabase } from '../../../electron/lab/store/db';
import { DeviceRepository } from '../../../electron/lab/store/device-repository';
import { IDENTITY, reordered } from './fixtures';

let db: Database;
let repo: DeviceRepository;
beforeEach(() => {
  db = openDatabase(':memory:');
  repo = new DeviceRepository(db);
});

const T = (n: number): string => `2025-03-01T00:00:${String(n).padStart(2, '0')}.000Z`;
const usb = { platform: 'android', state: 'device', transport: 'usb' } as const;

describe('DeviceRepository', () => {
  it('creates a phone on first sight and updates it later, keeping first_seen', () => {
    repo.recordSeen('R58N123', { ...usb, state: 'unauthorized' }, T(1));
    expect(repo.get('R58N123')).toEqual({
      serial: 'R58N123',
      platform: 'android',
      firstSeen: T(1),
      lastSeen: T(1),
      lastState: 'unauthorized',
      transport: 'usb',
      identity: null,
    });
    repo.recordSeen('R58N123', usb, T(5));
    expect(repo.get('R58N123')).toMatchObject({ firstSeen: T(1), lastSeen: T(5), lastState: 'device' });
  });

  it('never moves last_seen backwards when events arrive out of order', () => {
    repo.recordSeen('x', usb, T(9));
    repo.recordSeen('x', { ...usb, state: 'offline' }, T(3));
    expect(repo.get('x')).toMatchObject({ firstSeen: T(3), lastSeen: T(9), lastState: 'offline' });
  });

  it('lists phones most recently seen first', () => {
    repo.recordSeen('old', usb, T(1));
    repo.recordSeen('192.168.1.20:5555', { ...usb, transport: 'tcp' }, T(3));
    repo.recordSeen('mid', usb, T(2));
    expect(repo.list().map((d) => d.serial)).toEqual(['192.168.1.20:5555', 'mid', 'old']);
    expect(repo.list()[0]?.transport).toBe('tcp');
  });

  it('returns null for an unknown phone', () => {
    expect(repo.get('nope')).toBeNull();
    expect(repo.identityHistory('nope')).toEqual([]);
  });

  it('adds identity history only when the identity changes', () => {
    repo.recordSeen('R58N123', usb, T(1));
    expect(repo.recordIdentity('R58N123', IDENTITY, T(2))).toEqual({ changed: true, first: true });
    // Same identity, keys built in another order: not a change.
    expect(repo.recordIdentity('R58N123', reordered(IDENTITY), T(3))).toEqual({
      changed: false,
      first: false,
    });
    expect(repo.identityHistory('R58N123')).toHaveLength(1);

    const updated = {
      ...IDENTITY,
      rom: { name: 'HyperOS', version: '2.0.207.0' },
      fingerprint: 'Redmi/vermeer/new',
    } as const;
    expect(repo.recordIdentity('R58N123', updated, T(4))).toEqual({ changed: true, first: false });
    expect(repo.get('R58N123')?.identity).toEqual(updated);

    // Flashing back to the old firmware is a change too.
    expect(repo.recordIdentity('R58N123', IDENTITY, T(5)).changed).toBe(true);
    const history = repo.identityHistory('R58N123');
    expect(history.map((h) => h.observedAt)).toEqual([T(2), T(4), T(5)]);
    expect(history.map((h) => h.identity.rom.version)).toEqual(['1.0.5.0', '2.0.207.0', '1.0.5.0']);
    expect(history[0]?.hash).toBe(history[2]?.hash);
    expect(history[0]?.hash).not.toBe(history[1]?.hash);
  });

  it('keeps each phone’s history separate', () => {
    repo.recordSeen('a', usb, T(1));
    repo.recordSeen('b', usb, T(1));
    repo.recordIdentity('a', IDENTITY, T(2));
    repo.recordIdentity('b', { ...IDENTITY, model: 'other' }, T(2));
    expect(repo.identityHistory('a').map((h) => h.identity.model)).toEqual(['23117RK66C']);
    expect(repo.identityHistory('b').map((h) => h.identity.model)).toEqual(['other']);
  });

  it('refuses an identity for a phone never seen', () => {
    let error: unknown;
    try {
      repo.recordIdentity('ghost', IDENTITY, T(1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('NOT_FOUND');
    expect(db.prepare('SELECT count(*) AS n FROM device_identities').get()).toEqual({ n: 0 });
  });

  it('reads a damaged stored identity as null instead of crashing', () => {
    repo.recordSeen('x', usb, T(1));
    repo.recordIdentity('x', IDENTITY, T(2));
    db.prepare("UPDATE devices SET identity_json = '{broken' WHERE serial = 'x'").run();
    expect(repo.get('x')?.identity).toBeNull();
  });

  it('stores hostile serials verbatim (parameters, never SQL text)', () => {
    const serial = "x'); DROP TABLE devices; --";
    repo.recordSeen(serial, usb, T(1));
    expect(repo.get(serial)?.serial).toBe(serial);
    expect(repo.list()).toHaveLength(1);
  });
});
