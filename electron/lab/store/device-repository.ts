/**
 * Phones PushLab has seen: connection facts (first/last seen, last adb state, transport) and
 * their identity, with a history row each time the identity actually changes.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { AdbState, DeviceIdentity, Platform, Transport } from '../../../shared/domain/device';
import { LabError } from '../errors';
import { canonicalHash, canonicalJson } from './canonical-json';
import { guarded, parseStoredJson } from './storage-guard';

export interface SeenFacts {
  readonly platform: Platform;
  readonly state: AdbState;
  readonly transport: Transport;
}

/** A phone as stored (not live: `lastState` is what adb said at `lastSeen`). */
export interface StoredDevice {
  readonly serial: string;
  readonly platform: Platform;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly lastState: AdbState;
  readonly transport: Transport;
  readonly identity: DeviceIdentity | null;
}

export interface IdentityRecord {
  readonly identity: DeviceIdentity;
  readonly hash: string;
  readonly observedAt: string;
}

interface DeviceRow {
  serial: string;
  platform: Platform;
  first_seen: string;
  last_seen: string;
  last_state: AdbState;
  transport: Transport;
  identity_json: string | null;
  identity_hash: string | null;
}

const toDevice = (row: DeviceRow): StoredDevice => ({
  serial: row.serial,
  platform: row.platform,
  firstSeen: row.first_seen,
  lastSeen: row.last_seen,
  lastState: row.last_state,
  transport: row.transport,
  identity: parseStoredJson<DeviceIdentity | null>(row.identity_json, null),
});

export class DeviceRepository {
  private readonly upsertSeen: Statement<[string, string, string, string, string, string]>;
  private readonly selectOne: Statement<[string], DeviceRow>;
  private readonly selectAll: Statement<[], DeviceRow>;
  private readonly setIdentity: Statement<[string, string, string]>;
  private readonly insertHistory: Statement<[string, string, string, string]>;
  private readonly selectHistory: Statement<
    [string],
    { identity_json: string; identity_hash: string; observed_at: string }
  >;
  private readonly identityTx: (
    serial: string,
    json: string,
    hash: string,
    at: string,
  ) => { changed: boolean; first: boolean };

  public constructor(db: Database) {
    this.upsertSeen = db.prepare(`
      INSERT INTO devices (serial, platform, first_seen, last_seen, last_state, transport)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (serial) DO UPDATE SET
        platform = excluded.platform,
        last_seen = max(last_seen, excluded.last_seen),
        first_seen = min(first_seen, excluded.first_seen),
        last_state = excluded.last_state,
        transport = excluded.transport`);
    this.selectOne = db.prepare('SELECT * FROM devices WHERE serial = ?');
    this.selectAll = db.prepare('SELECT * FROM devices ORDER BY last_seen DESC, serial');
    this.setIdentity = db.prepare('UPDATE devices SET identity_json = ?, identity_hash = ? WHERE serial = ?');
    this.insertHistory = db.prepare(
      'INSERT INTO device_identities (serial, identity_json, identity_hash, observed_at) VALUES (?, ?, ?, ?)',
    );
    this.selectHistory = db.prepare(
      'SELECT identity_json, identity_hash, observed_at FROM device_identities WHERE serial = ? ORDER BY id',
    );
    this.identityTx = db.transaction((serial: string, json: string, hash: string, at: string) => {
      const row = this.selectOne.get(serial);
      if (!row) {
        throw new LabError(
          'NOT_FOUND',
          `Phone ${serial} is not known yet, so its identity cannot be stored.`,
          {
            hint: 'Record the phone as seen before its identity.',
            zh: {
              message: `还不认识手机 ${serial}，因此无法保存它的身份信息。`,
              hint: '请先记录已发现这台手机，再保存它的身份信息。',
            },
          },
        );
      }
      if (row.identity_hash === hash) return { changed: false, first: false };
      this.setIdentity.run(json, hash, serial);
      this.insertHistory.run(serial, json, hash, at);
      return { changed: true, first: row.identity_hash === null };
    });
  }

  /** Records that adb listed the phone at `at` (ISO time), creating it on first sight. */
  public recordSeen(serial: string, facts: SeenFacts, at: string): void {
    guarded({ en: `store phone ${serial}`, zh: `保存手机 ${serial}` }, () =>
      this.upsertSeen.run(serial, facts.platform, at, at, facts.state, facts.transport),
    );
  }

  /**
   * Stores the phone's identity; adds a history row only when it differs from the last one.
   * `first` is true for the very first identity of the phone (also `changed`).
   */
  public recordIdentity(
    serial: string,
    identity: DeviceIdentity,
    at: string,
  ): { changed: boolean; first: boolean } {
    return guarded({ en: `store the identity of phone ${serial}`, zh: `保存手机 ${serial} 的身份信息` }, () =>
      this.identityTx(serial, canonicalJson(identity), canonicalHash(identity), at),
    );
  }

  public get(serial: string): StoredDevice | null {
    const row = guarded({ en: `read phone ${serial}`, zh: `读取手机 ${serial}` }, () =>
      this.selectOne.get(serial),
    );
    return row ? toDevice(row) : null;
  }

  /** All phones, most recently seen first. */
  public list(): StoredDevice[] {
    return guarded({ en: 'read the phone list', zh: '读取手机列表' }, () => this.selectAll.all()).map(
      toDevice,
    );
  }

  /** Every distinct identity the phone has had, oldest first. */
  public identityHistory(serial: string): IdentityRecord[] {
    return guarded({ en: `read the identity history of ${serial}`, zh: `读取 ${serial} 的身份历史` }, () =>
      this.selectHistory.all(serial),
    ).flatMap((row) => {
      const identity = parseStoredJson<DeviceIdentity | null>(row.identity_json, null);
      return identity ? [{ identity, hash: row.identity_hash, observedAt: row.observed_at }] : [];
    });
  }
}
