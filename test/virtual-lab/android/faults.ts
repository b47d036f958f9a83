/**
 * What a test (or the demo) can set on a virtual phone as a user or the ROM would: the state
 * behind the push-readiness doctor's checks. VirtualAndroid exposes these as methods.
 */
import {
  FLAG_USER_SET,
  PERMISSION_FLAGS,
  POST_NOTIFICATIONS,
  SHELL_PERMISSION_FLAGS,
  type ChannelPatch,
  type ChannelSpec,
  type ChannelState,
  type OpMode,
} from './app-settings';
import { opDefaultMode, parseOp } from './appops-table';
import { parseBucket, setStandbyBucket } from './battery';
import { patchChannel, setAppBlocked } from './notifications';
import type { AppPackage, PhoneState } from './state';

/** The installed package, or a clear error for a test that named the wrong one. */
export function requireApp(phone: PhoneState, pkg: string): AppPackage {
  const app = phone.packages.get(pkg);
  if (!app || !app.installed)
    throw new Error(`No package ${pkg} is installed on virtual phone ${phone.profile}.`);
  return app;
}

export type ZenSetting = 'off' | 'priority' | 'none' | 'alarms' | 0 | 1 | 2 | 3;

/** Settings.Global.ZEN_MODE for a DND setting. */
export function zenValue(mode: ZenSetting): number {
  if (typeof mode === 'number') return mode;
  return { off: 0, priority: 1, none: 2, alarms: 3 }[mode];
}

/** Flag names as dumps print them (USER_SET) or as pm takes them (user-set), or raw bits. */
export function flagBits(flags: readonly string[] | number): number {
  if (typeof flags === 'number') return flags;
  let bits = 0;
  for (const name of flags) {
    const bit = PERMISSION_FLAGS.find(([, n]) => n === name)?.[0] ?? SHELL_PERMISSION_FLAGS.get(name);
    if (bit === undefined) throw new Error(`Unknown permission flag "${name}".`);
    bits |= bit;
  }
  return bits;
}

export interface PostNotificationsState {
  readonly granted: boolean;
  /** Replaces the flags when given (names or bits); otherwise USER_SET is added, as a user's choice. */
  readonly flags?: readonly string[] | number;
}

/** The POST_NOTIFICATIONS grant and flags (Android 13+; on older phones the app-level switch). */
export function setPostNotifications(phone: PhoneState, pkg: string, state: PostNotificationsState): void {
  const app = requireApp(phone, pkg);
  if (phone.sdk < 33 || !app.requestedPermissions.includes(POST_NOTIFICATIONS)) {
    app.settings.notificationsOff = !state.granted;
    return;
  }
  if (state.granted) app.grantedPermissions.add(POST_NOTIFICATIONS);
  else app.grantedPermissions.delete(POST_NOTIFICATIONS);
  const before = app.settings.permissionFlags.get(POST_NOTIFICATIONS) ?? 0;
  app.settings.permissionFlags.set(
    POST_NOTIFICATIONS,
    state.flags === undefined ? before | FLAG_USER_SET : flagBits(state.flags),
  );
}

/** The user turns the app's notifications off (blocked) or on again. */
export function blockApp(phone: PhoneState, pkg: string, blocked: boolean): void {
  setAppBlocked(phone, requireApp(phone, pkg), blocked);
}

/** Creates or changes one of the app's channels. */
export function setChannel(phone: PhoneState, pkg: string, id: string, patch: ChannelPatch): ChannelState {
  return patchChannel(phone, requireApp(phone, pkg), id, patch);
}

/** The app deletes a channel (it stays in the dump with mDeleted=true). */
export function deleteChannel(phone: PhoneState, pkg: string, id: string): void {
  const app = requireApp(phone, pkg);
  if (!app.settings.channels.has(id)) throw new Error(`${pkg} has no channel "${id}".`);
  patchChannel(phone, app, id, { deleted: true });
}

/** The channels the app creates on its first launch (ids, or full specs). */
export function launchChannels(specs: readonly (string | ChannelSpec)[]): ChannelSpec[] {
  return specs.map((s) => (typeof s === 'string' ? { id: s } : s));
}

/** A bucket as `am set-standby-bucket` would set it (names or numbers). */
export function forceStandbyBucket(phone: PhoneState, pkg: string, bucket: string | number): void {
  const value = typeof bucket === 'number' ? bucket : parseBucket(phone, bucket);
  if (value === null) throw new Error(`Unknown standby bucket "${bucket}".`);
  setStandbyBucket(phone, requireApp(phone, pkg), value);
}

/** An app-op mode, package-level (default) or uid-level. */
export function setAppOp(
  phone: PhoneState,
  pkg: string,
  op: string | number,
  mode: OpMode,
  uid = false,
): void {
  const app = requireApp(phone, pkg);
  const parsed = typeof op === 'number' ? { code: op } : parseOp(phone, op);
  if ('error' in parsed) throw new Error(parsed.error);
  const modes = uid ? app.settings.uidOps : app.settings.ops;
  if (mode === opDefaultMode(parsed.code)) modes.delete(parsed.code);
  else modes.set(parsed.code, mode);
}
