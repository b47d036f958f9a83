/**
 * Routes what the Tencent IM emulator accepts to virtual phones, following the seeds' rules and
 * each vendor's behaviour: logged out or kicked -> nothing; app in the foreground -> in-app only;
 * a custom message without desc -> no push; FCM to a stopped app -> nothing; OPPO on Android 8+
 * without OPPOChannelID -> nothing; the channel's push service missing -> nothing; a vendor's daily
 * quota used up -> dropped; otherwise the phone posts the notification (its own notification rules,
 * blocks and channels then decide). Every decision goes into a ground-truth log that later tests
 * compare PushLab's verdicts against.
 */
import { PUSH_SERVICE_PACKAGES } from '../../../electron/lab/android/identity/push-services';
import type { PushChannel } from '../../../shared/domain/device';
import { displayText, messageClass, type MessageSpec } from '../../../shared/scenarios';
import { visibleSurface } from '../android/actions';
import type { VirtualAndroid } from '../android/index';
import type { SentMessage, TencentEmulator } from './emulator';
import {
  offlinePushSuppressed,
  toMessageSpec,
  vendorChannelId,
  type AccountProfile,
  type GroupProfile,
} from './message-spec';

export type { AccountProfile, GroupProfile } from './message-spec';

/** A virtual phone in the lab and the push channel its offline pushes take. */
export interface RoutedPhone {
  readonly serial: string;
  readonly android: VirtualAndroid;
  readonly channel: PushChannel;
  readonly sdk: number;
  /** The channel's push service runs under this package, one PushLab does not know (a real ROM variant). */
  readonly servicePackage?: string;
}

/** A Tencent account logged in (or not) in the app under test on one phone. Mutable: tests log out. */
export interface RoutedAccount {
  serial: string;
  package: string;
  loggedIn: boolean;
  /** Forced offline by a login elsewhere (counts as not logged in). */
  kicked?: boolean;
  /** The app's default notification channel (used when the vendor field is absent); default pushlab_default. */
  defaultChannelId?: string;
}

/** Why a push was or was not shown. 'posted' is the only reason with shown: true. */
export type RouteReason =
  | 'posted'
  | 'push-disabled'
  | 'online-only'
  | 'unsupported-element'
  | 'phone-absent'
  | 'logged-out'
  | 'kicked-offline'
  | 'custom-no-desc'
  | 'foreground-in-app'
  | 'not-installed'
  | 'push-service-missing'
  | 'fcm-app-stopped'
  | 'oppo-no-channel-id'
  | 'quota-exceeded'
  | 'backend-dropped'
  | 'notification-app-blocked'
  | 'notification-no-channel'
  | 'notification-channel-blocked'
  | 'notification-op-ignored'
  | 'notification-too-many'
  | 'notification-not-installed';

/** One decision: what one account's phone did with one message. */
export interface GroundTruth {
  /** c2c: the MsgKey; group: "<GroupId>#<MsgSeq>". */
  readonly msgKey: string;
  /** MsgRandom (c2c) or Random (group). */
  readonly random: number | null;
  readonly account: string;
  readonly serial: string;
  readonly channel: PushChannel | null;
  readonly shown: boolean;
  readonly reason: RouteReason;
  /** What the notification says (also when dropped after the wording was known); null before that. */
  readonly title: string | null;
  readonly text: string | null;
  readonly channelId: string | null;
  /** Posted while Do Not Disturb intercepts it (the record exists, nothing rings). */
  readonly intercepted: boolean;
  /** The posted record's StatusBarNotification key. */
  readonly notificationKey: string | null;
  readonly at: number;
}

export interface PushRouterOptions {
  /** Its nicknames (set by account_import) stand in for any account `profiles` leaves without one. */
  readonly emulator: Pick<TencentEmulator, 'onMessage'> & Partial<Pick<TencentEmulator, 'nicknames'>>;
  /** The phones plugged in now (asked on every message, so unplugging is seen). */
  readonly phones: () => readonly RoutedPhone[];
  readonly accounts: ReadonlyMap<string, RoutedAccount>;
  /** Nicknames by account (Android's default title and the "Nickname:content" line); win over imported ones. */
  readonly profiles?: ReadonlyMap<string, AccountProfile>;
  /** Group names, members and name cards. A group not listed goes to every account except the sender. */
  readonly groups?: ReadonlyMap<string, GroupProfile>;
  /**
   * Pushes per phone per day (UTC) a vendor delivers before dropping the rest. Only messages not in
   * the vendor's high class count (seed 002: the low class is what vendors cap).
   */
  readonly quotas?: Partial<Readonly<Record<PushChannel, number>>>;
  /** A faulty backend: messages it loses for this phone (decided before anything else). */
  readonly drops?: (spec: MessageSpec, serial: string) => boolean;
  readonly now?: () => number;
}

export interface PushRouter {
  /** Every decision so far, in order. */
  readonly log: readonly GroundTruth[];
  /** Routes one message now (the emulator's listener calls this); returns its decisions. */
  route(message: SentMessage): GroundTruth[];
  /** Stops listening to the emulator. */
  stop(): void;
}

const DEFAULT_CHANNEL_ID = 'pushlab_default';
const ANDROID_O = 26;
const DAY_MS = 86_400_000;

/** True when the channel's push service is installed, enabled and new enough on the phone. */
export function pushServiceReady(android: VirtualAndroid, channel: PushChannel): boolean {
  return PUSH_SERVICE_PACKAGES.some((s) => {
    if (s.channel !== channel) return false;
    const app = android.installedPackage(s.package);
    return (
      app !== undefined &&
      app.enabled &&
      (s.minimumVersionCode === null || app.versionCode >= s.minimumVersionCode)
    );
  });
}

function serviceReady(phone: RoutedPhone): boolean {
  if (phone.servicePackage === undefined) return pushServiceReady(phone.android, phone.channel);
  return phone.android.installedPackage(phone.servicePackage)?.enabled === true;
}

function recipients(
  message: SentMessage,
  accounts: ReadonlyMap<string, RoutedAccount>,
  groups: ReadonlyMap<string, GroupProfile> | undefined,
): string[] {
  if (message.kind === 'c2c') return [message.to];
  const members = groups?.get(message.groupId)?.members ?? [...accounts.keys()];
  // Tencent does not push a group message to the member who sent it.
  return members.filter((m) => m !== message.from);
}

/** `profiles`, with the emulator's imported nickname for every account that has none there. */
function mergedProfiles(options: PushRouterOptions): ReadonlyMap<string, AccountProfile> | undefined {
  const imported = options.emulator.nicknames;
  if (imported === undefined || imported.size === 0) return options.profiles;
  const merged = new Map<string, AccountProfile>();
  for (const [account, nickname] of imported) merged.set(account, { nickname });
  for (const [account, profile] of options.profiles ?? []) {
    merged.set(account, profile.nickname === undefined ? { ...profile, ...merged.get(account) } : profile);
  }
  return merged;
}

/** Starts routing the emulator's accepted messages to the phones. */
export function createPushRouter(options: PushRouterOptions): PushRouter {
  const now = options.now ?? Date.now;
  const log: GroundTruth[] = [];
  const used = new Map<string, number>();

  const route = (message: SentMessage): GroundTruth[] => {
    const msgKey = message.kind === 'c2c' ? message.msgKey : `${message.groupId}#${message.msgSeq}`;
    const random = (message.kind === 'c2c' ? message.body.MsgRandom : message.body.Random) ?? null;
    const suppressed = offlinePushSuppressed(message);
    const profiles = mergedProfiles(options);
    const spec = toMessageSpec(message, {
      ...(profiles ? { profiles } : {}),
      ...(options.groups ? { groups: options.groups } : {}),
    });
    const decisions: GroundTruth[] = [];

    for (const account of recipients(message, options.accounts, options.groups)) {
      const entry = options.accounts.get(account);
      // An account with no phone in the lab is someone else's: nothing to record.
      if (entry === undefined) continue;
      const phone = options.phones().find((p) => p.serial === entry.serial);
      const base = {
        msgKey,
        random,
        account,
        serial: entry.serial,
        channel: phone?.channel ?? null,
        intercepted: false,
        notificationKey: null,
      };
      const decide = (
        reason: RouteReason,
        words: { title: string | null; text: string | null; channelId: string | null } = {
          title: null,
          text: null,
          channelId: null,
        },
      ): void => {
        decisions.push({ ...base, ...words, shown: false, reason, at: now() });
      };

      if (suppressed !== null) {
        decide(suppressed);
        continue;
      }
      if (!spec.ok) {
        decide('unsupported-element');
        continue;
      }
      if (phone === undefined) {
        decide('phone-absent');
        continue;
      }
      if (entry.kicked === true) {
        decide('kicked-offline');
        continue;
      }
      if (!entry.loggedIn) {
        decide('logged-out');
        continue;
      }
      const display = displayText(spec.spec, { platform: 'android' });
      if (!display.pushed) {
        decide('custom-no-desc');
        continue;
      }

      const { android, channel } = phone;
      const title =
        display.title ??
        (message.kind === 'group'
          ? (options.groups?.get(message.groupId)?.name ?? message.groupId)
          : message.from);
      const channelId = vendorChannelId(message, channel) ?? entry.defaultChannelId ?? DEFAULT_CHANNEL_ID;
      const words = { title, text: display.line, channelId };

      // Online in the foreground: the SDK hands the message to the app; offline push stays silent.
      if (visibleSurface(android.state) === entry.package) {
        decide('foreground-in-app', words);
        continue;
      }
      const app = android.installedPackage(entry.package);
      if (app === undefined) {
        decide('not-installed', words);
        continue;
      }
      if (!serviceReady(phone)) {
        decide('push-service-missing', words);
        continue;
      }
      if (options.drops?.(spec.spec, phone.serial) === true) {
        decide('backend-dropped', words);
        continue;
      }
      // FCM is delivered to the app itself; Android excludes stopped packages from the broadcast.
      if (channel === 'fcm' && app.stopped) {
        decide('fcm-app-stopped', words);
        continue;
      }
      if (channel === 'oppo' && phone.sdk >= ANDROID_O && vendorChannelId(message, 'oppo') === null) {
        decide('oppo-no-channel-id', words);
        continue;
      }

      const limit = options.quotas?.[channel];
      if (limit !== undefined && messageClass(spec.spec, channel) !== 'high') {
        const key = `${entry.serial}|${channel}|${Math.floor(now() / DAY_MS)}`;
        const count = used.get(key) ?? 0;
        if (count >= limit) {
          decide('quota-exceeded', words);
          continue;
        }
        used.set(key, count + 1);
      }

      const outcome = android.postNotification(entry.package, {
        channelId,
        title,
        text: display.line,
        ...(spec.spec.push?.ext === undefined ? {} : { ext: spec.spec.push.ext }),
      });
      if (!outcome.posted) {
        decide(`notification-${outcome.reason}`, words);
        continue;
      }
      decisions.push({
        ...base,
        ...words,
        shown: true,
        reason: 'posted',
        intercepted: outcome.intercepted,
        notificationKey: outcome.key,
        at: now(),
      });
    }
    log.push(...decisions);
    return decisions;
  };

  const off = options.emulator.onMessage((m) => {
    route(m);
  });
  return { log, route, stop: off };
}
