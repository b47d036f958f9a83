/**
 * The last push token read for each phone, app package and channel. Tokens are device secrets: they
 * are kept in the encrypted secret store (secret-store.ts, safeStorage in the app) under names made
 * of hashes (no serial or package in clear), or, where the shell has no store or the OS no
 * encryption, in memory until the core closes. Never on disk in clear, never logged; what leaves
 * here is masked.
 */
import { createHash } from 'node:crypto';
import type { DevicePushToken, DeviceTokenSource } from '../../../shared/runs/device-tokens';
import { maskDeviceToken } from '../../../shared/runs/plan';
import { TOKEN_PRESET_IDS } from '../../../shared/runs/token-presets';
import type { SecretStore } from './secret-store';

/** Secret names this book owns (secrets:names leaves them out: they are not the user's credentials). */
export const PUSH_TOKEN_SECRET_PREFIX = 'push-token.';

export function isPushTokenSecretName(name: string): boolean {
  return name.startsWith(PUSH_TOKEN_SECRET_PREFIX);
}

export interface PushTokenEntry {
  readonly serial: string;
  readonly package: string;
  readonly channel: string;
  readonly token: string;
  readonly source: DeviceTokenSource;
}

export interface PushTokenBook {
  /**
   * Remembers a token (replacing the one for the same phone, package and channel); true when it
   * went to the encrypted store, false when only memory holds it (no store, or it refused the write).
   */
  record(entry: PushTokenEntry): Promise<boolean>;
  /** The phone's tokens, masked, newest first. */
  list(serial: string): Promise<DevicePushToken[]>;
  /** True while tokens go to the encrypted store (false: memory only). */
  persisted(): boolean;
}

interface Stored extends PushTokenEntry {
  readonly readAt: string;
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);
const phoneKey = (serial: string): string => `${PUSH_TOKEN_SECRET_PREFIX}${hash(serial)}.`;
const nameOf = (e: { serial: string; package: string; channel: string }): string =>
  `${phoneKey(e.serial)}${hash(`${e.package}\n${e.channel}`)}`;

/** A stored value, checked field by field: a damaged or foreign one is skipped, never shown. */
function parseStored(text: string): Stored | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const source = v['source'] as { kind?: unknown; preset?: unknown } | undefined;
  const sourceOk =
    source?.kind === 'plan' ||
    (source?.kind === 'logcat' &&
      (source.preset === null ||
        TOKEN_PRESET_IDS.includes(source.preset as (typeof TOKEN_PRESET_IDS)[number])));
  const strings = ['serial', 'package', 'channel', 'token', 'readAt'].every((k) => typeof v[k] === 'string');
  return sourceOk && strings ? (value as Stored) : null;
}

function view(entry: Stored): DevicePushToken {
  return {
    serial: entry.serial,
    package: entry.package,
    channel: entry.channel,
    masked: maskDeviceToken(entry.token),
    readAt: entry.readAt,
    source: entry.source,
  };
}

export function createPushTokenBook(options: { secrets?: SecretStore; now: () => string }): PushTokenBook {
  const memory = new Map<string, Stored>();
  const store = options.secrets;
  const usable = (): boolean => store !== undefined && store.isAvailable();

  return {
    persisted: usable,
    async record(entry) {
      const stored: Stored = { ...entry, readAt: options.now() };
      const name = nameOf(entry);
      memory.set(name, stored);
      if (!usable()) return false;
      try {
        await store!.set(name, JSON.stringify(stored));
        return true;
      } catch {
        return false; // The store's error names the file, never the value; memory still has it.
      }
    },
    async list(serial) {
      const prefix = phoneKey(serial);
      const found = new Map<string, Stored>();
      if (usable()) {
        for (const name of (await store!.names()).filter((n) => n.startsWith(prefix))) {
          const text = await store!.get(name).catch(() => null);
          const stored = text === null ? null : parseStored(text);
          if (stored !== null && stored.serial === serial) found.set(name, stored);
        }
      }
      // This session's reads win: the store may have refused a write the memory kept.
      for (const [name, stored] of memory) if (name.startsWith(prefix)) found.set(name, stored);
      return [...found.values()].sort((a, b) => b.readAt.localeCompare(a.readAt)).map(view);
    },
  };
}
