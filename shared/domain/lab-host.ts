/**
 * Lab hosts: the adb servers PushLab reaches, each serving the phones plugged into one computer.
 * A phone is known by host and serial together. The first host (the primary, `local` unless
 * named) keeps bare serials, so one-computer labs and their stored history look as before; a
 * phone on another host is `<host>/<serial>` everywhere (board, runs, reports, the database), so
 * the same serial on two hosts is two phones.
 */
import { z } from 'zod';
import type { ErrorInfo } from '../errors';
import type { AdbConnectionState, HostStatus } from './device';
// The rules as plain values live apart from zod, so the renderer can check fields without bundling it.
import { HOST_ADDRESS, HOST_NAME, LOCAL_HOST, MAX_HOSTS } from './lab-host-rules';

export type { HostStatus };
export { HOST_ADDRESS, HOST_NAME, LOCAL_HOST, MAX_HOSTS };

export interface LabHost {
  readonly name: string;
  /** IP address or DNS name of the computer whose adb server serves the phones. */
  readonly address: string;
  readonly port: number;
}

export const labHostSchema = z.strictObject({
  name: z.string().regex(HOST_NAME, 'must be lower-case letters, digits and -, starting with a letter'),
  address: z.string().regex(HOST_ADDRESS, 'must be an IP address or a host name'),
  port: z.number().int().min(1).max(65535),
});

export const labHostsSchema = z
  .array(labHostSchema)
  .min(1)
  .max(MAX_HOSTS)
  .superRefine((hosts, ctx) => {
    const seen = new Set<string>();
    hosts.forEach((host, i) => {
      if (seen.has(host.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'is used twice' });
      seen.add(host.name);
    });
  });

/** One lab host as the app's hosts setting shows it: the entry as listed, and its adb server now. */
export interface LabHostEntry extends LabHost {
  /** The first host: this launch's adb server (kept as it is; only the others are edited live). */
  readonly primary: boolean;
  readonly state: AdbConnectionState;
  /** Phones its adb server lists now (any adb state); 0 while it does not answer. */
  readonly phones: number;
  /** Why it does not answer, when it does not (its adb client's words are untrusted text). */
  readonly error: ErrorInfo | null;
}

/** The app's hosts list (hosts:list, hosts:save). */
export interface LabHostsSetting {
  readonly hosts: readonly LabHostEntry[];
  /**
   * False when this session's hosts cannot be changed here (the demo's own adb server, or a core
   * without a hosts file); the list is then shown read-only.
   */
  readonly editable: boolean;
  /** The file the list is saved in (`<dataDir>/hosts.json` or PUSHLAB_HOSTS_FILE); null when not editable. */
  readonly file: string | null;
}

/** A host's adb server answered a check (hosts:check). */
export interface LabHostCheck {
  readonly address: string;
  readonly port: number;
  /** adb's protocol version (`host:version`). */
  readonly serverVersion: number;
  /** Phones it lists now. */
  readonly phones: number;
}

/** The key a phone is known by: its bare serial on the primary host, `<host>/<serial>` elsewhere. */
export function deviceKey(host: string, serial: string, primary: string): string {
  return host === primary ? serial : `${host}/${serial}`;
}

/** The host a device key names (null: the primary host, for a bare serial) and the serial. */
export function splitDeviceKey(key: string): { readonly host: string | null; readonly serial: string } {
  const slash = key.indexOf('/');
  if (slash > 0 && HOST_NAME.test(key.slice(0, slash))) {
    return { host: key.slice(0, slash), serial: key.slice(slash + 1) };
  }
  return { host: null, serial: key };
}

/** A name for a host given only by address: `local` for the first, else the address made safe. */
export function hostNameFor(address: string, port: number, index: number): string {
  if (index === 0) return LOCAL_HOST;
  const safe = `${address}-${port}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `host-${safe}`.slice(0, 32).replace(/-+$/, '');
}
