/**
 * Notification rules of NotificationManagerService as a push lab meets them:
 * - Android 13+: the app-level switch IS the POST_NOTIFICATIONS runtime permission (PreferencesHelper
 *   dumps it as importance=DEFAULT|NONE userSet=...); before 13 it is PackagePreferences.importance.
 * - Android 8+: an app targeting 26+ posts nothing to a channel that does not exist or was
 *   deleted ("No Channel found for pkg=..."), nor to a channel with importance NONE.
 * - The POST_NOTIFICATION app op in a non-allowed mode suppresses the post ("by user request").
 * - Do Not Disturb does not stop a post: the record exists, intercepted (mIntercept=true), unless
 *   the zen mode is "priority" and the channel may bypass DND.
 * - A package may hold 50 records at most (NotificationManagerService.MAX_PACKAGE_NOTIFICATIONS).
 * - Blocking an app or a channel, force-stopping or clearing the app cancels its records.
 */
import {
  channelFromSpec,
  FLAG_USER_FIXED,
  FLAG_USER_SET,
  POST_NOTIFICATIONS,
  type ChannelPatch,
  type ChannelState,
  type NotificationRecordState,
} from './app-settings';
import { OP_POST_NOTIFICATION } from './appops-table';
import {
  CANCEL_REASON,
  logNotificationCancelled,
  logNotificationPosted,
  logNotificationsCancelledAll,
} from './logbuffer';
import type { AppPackage, PhoneState } from './state';

export const MAX_PACKAGE_NOTIFICATIONS = 50;

/** What a post did; `reason` says why nothing was posted. */
export type PostOutcome =
  | { readonly posted: true; readonly key: string; readonly intercepted: boolean }
  | {
      readonly posted: false;
      readonly reason:
        'not-installed' | 'app-blocked' | 'no-channel' | 'channel-blocked' | 'op-ignored' | 'too-many';
    };

export interface PostInput {
  readonly channelId: string;
  readonly title: string;
  readonly text: string;
  /** The push's `ext` (Tencent OfflinePushInfo.Ext): what a tap on the notification opens. */
  readonly ext?: string;
}

/** A posted record with the extras a tap hands to the app. */
export type PostedRecord = NotificationRecordState & { readonly ext?: string };

/** Zen mode from Settings.Global.ZEN_MODE: 0 off, 1 important interruptions, 2 no interruptions, 3 alarms. */
export function zenMode(phone: PhoneState): number {
  const value = Number.parseInt(phone.settings.global.get('zen_mode') ?? '0', 10);
  return value >= 0 && value <= 3 ? value : 0;
}

/** On Android 13+ the POST_NOTIFICATIONS permission decides; system apps keep theirs fixed. */
export function usesNotificationPermission(phone: PhoneState, app: AppPackage): boolean {
  return phone.sdk >= 33 && !app.system && app.requestedPermissions.includes(POST_NOTIFICATIONS);
}

function opAllows(app: AppPackage): boolean {
  const mode = app.settings.ops.get(OP_POST_NOTIFICATION);
  return mode === undefined || mode === 'allow' || mode === 'foreground';
}

/** The app-level switch (not counting channels or the op). */
export function appNotificationsEnabled(phone: PhoneState, app: AppPackage): boolean {
  if (usesNotificationPermission(phone, app)) return app.grantedPermissions.has(POST_NOTIFICATIONS);
  // 13+: an app targeting 33+ that never requested the permission can never be granted it.
  if (phone.sdk >= 33 && !app.system) return false;
  return !app.settings.notificationsOff;
}

/** True when the user set the app-level switch (USER_SET/USER_FIXED on 13+). */
export function appSwitchUserSet(app: AppPackage): boolean {
  return (
    ((app.settings.permissionFlags.get(POST_NOTIFICATIONS) ?? 0) & (FLAG_USER_SET | FLAG_USER_FIXED)) !== 0
  );
}

/**
 * Cancels the app's records (all, or one channel's). With `log`, NMS's events-buffer lines are
 * written as it writes them: notification_cancel_all for a whole package, notification_cancel per
 * record for a channel.
 */
export function cancelNotifications(
  app: AppPackage,
  channelId?: string,
  log?: { readonly phone: PhoneState; readonly reason: number },
): void {
  const records = app.settings.records;
  if (log && channelId === undefined) logNotificationsCancelledAll(log.phone, app, log.reason);
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (record === undefined || (channelId !== undefined && record.channelId !== channelId)) continue;
    records.splice(i, 1);
    if (log && channelId !== undefined) logNotificationCancelled(log.phone, app, record, log.reason);
  }
}

/**
 * The user turns the app's notifications off (or on) in Settings: on Android 13+ that revokes (or
 * grants) POST_NOTIFICATIONS and sets USER_SET|USER_FIXED; before, it sets importance NONE.
 */
export function setAppBlocked(phone: PhoneState, app: AppPackage, blocked: boolean): void {
  if (usesNotificationPermission(phone, app)) {
    if (blocked) app.grantedPermissions.delete(POST_NOTIFICATIONS);
    else app.grantedPermissions.add(POST_NOTIFICATIONS);
    const flags = app.settings.permissionFlags.get(POST_NOTIFICATIONS) ?? 0;
    app.settings.permissionFlags.set(POST_NOTIFICATIONS, flags | FLAG_USER_SET | FLAG_USER_FIXED);
  } else {
    app.settings.notificationsOff = blocked;
  }
  if (blocked) cancelNotifications(app, undefined, { phone, reason: CANCEL_REASON.packageBanned });
}

/** Creates the app's channels the first time it runs (apps call createNotificationChannel on start). */
export function ensureLaunchChannels(phone: PhoneState, app: AppPackage): void {
  if (phone.sdk < 26 || app.system || app.settings.channelsCreated) return;
  const specs = app.settings.launchChannels ?? phone.notifications.defaultLaunchChannels;
  for (const spec of specs) {
    if (!app.settings.channels.has(spec.id)) app.settings.channels.set(spec.id, channelFromSpec(spec));
  }
  app.settings.channelsCreated = true;
}

/** Creates or changes a channel (the user's edits lock the fields, as in Settings). */
export function patchChannel(
  phone: PhoneState,
  app: AppPackage,
  id: string,
  patch: ChannelPatch,
): ChannelState {
  let channel = app.settings.channels.get(id);
  if (!channel) {
    channel = channelFromSpec({ id });
    app.settings.channels.set(id, channel);
  }
  Object.assign(channel, patch);
  if (patch.importance !== undefined) channel.userLockedFields |= 4;
  if (patch.deleted === true && channel.deletedTimeMs < 0) channel.deletedTimeMs = phone.clock();
  if (patch.deleted === false) channel.deletedTimeMs = -1;
  if (channel.importance === 0 || channel.deleted)
    cancelNotifications(app, id, { phone, reason: CANCEL_REASON.channelBanned });
  return channel;
}

/** The channel a post lands in; apps targeting < 26 use the "miscellaneous" channel. */
function targetChannel(phone: PhoneState, app: AppPackage, channelId: string): ChannelState | null {
  if (phone.sdk < 26) return channelFromSpec({ id: channelId });
  if (app.targetSdk < 26) {
    const misc =
      app.settings.channels.get('miscellaneous') ??
      channelFromSpec({ id: 'miscellaneous', name: 'Uncategorized' });
    app.settings.channels.set(misc.id, misc);
    return misc;
  }
  const channel = app.settings.channels.get(channelId);
  return channel && !channel.deleted ? channel : null;
}

/** The app posts a notification (NotificationManager.notify) and NMS decides. */
export function postNotification(
  phone: PhoneState,
  app: AppPackage | undefined,
  input: PostInput,
): PostOutcome {
  if (!app || !app.installed) return { posted: false, reason: 'not-installed' };
  if (!appNotificationsEnabled(phone, app)) return { posted: false, reason: 'app-blocked' };
  const channel = targetChannel(phone, app, input.channelId);
  if (!channel) return { posted: false, reason: 'no-channel' };
  if (channel.importance === 0) return { posted: false, reason: 'channel-blocked' };
  if (!opAllows(app)) return { posted: false, reason: 'op-ignored' };
  if (app.settings.records.length >= MAX_PACKAGE_NOTIFICATIONS) return { posted: false, reason: 'too-many' };
  const zen = zenMode(phone);
  const intercepted = zen !== 0 && !(zen === 1 && channel.bypassDnd);
  const record: PostedRecord = {
    id: phone.notifications.nextId++,
    channelId: channel.id,
    title: input.title,
    text: input.text,
    postedAt: phone.clock(),
    importance: channel.importance,
    intercepted,
    ...(input.ext === undefined ? {} : { ext: input.ext }),
  };
  app.settings.records.push(record);
  logNotificationPosted(phone, app, record);
  return { posted: true, key: recordKey(app, record), intercepted };
}

/** StatusBarNotification key: "<user>|<pkg>|<id>|<tag>|<uid>". */
export function recordKey(app: AppPackage, record: NotificationRecordState): string {
  return `0|${app.name}|${record.id}|null|${app.uid}`;
}

/**
 * `pm clear`: NotificationManagerService drops the app's preferences and records
 * (ACTION_PACKAGE_DATA_CLEARED) and PackageManager resets the user's permission choices.
 */
export function clearAppData(app: AppPackage): void {
  cancelNotifications(app);
  app.settings.channels.clear();
  app.settings.channelsCreated = false;
  app.settings.notificationsOff = false;
  if (app.system) return;
  for (const [perm, flags] of app.settings.permissionFlags) {
    app.grantedPermissions.delete(perm);
    app.settings.permissionFlags.set(perm, flags & ~(FLAG_USER_SET | FLAG_USER_FIXED));
  }
}
