/**
 * MessageSpec -> the FCM HTTP v1 message for one Android phone, by the seeds' display rules (the
 * title: the message's own, else the nickname or sender ID; the text: the seed's line). Pure; the
 * 4096-byte payload limit is checked before anything is sent.
 *
 * Notification or data message: a message Tencent would push goes as a *notification* message
 * (android.notification), because then Google Play services shows it even when the app's process
 * is dead, which is what offline push means (a data-only message needs the app's own code to run
 * and post it). A message Tencent would not push (a custom message without desc, or push turned
 * off) goes *data-only*: FCM still delivers it, the system shows nothing, as the scenario expects.
 */
import { displayText } from '../../../../shared/scenarios/rules/display';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';

/** FCM's limit for a message to a token (notification + data). */
export const FCM_MAX_PAYLOAD_BYTES = 4096;

export interface FcmAndroidNotification {
  readonly title?: string;
  readonly body: string;
  readonly channel_id?: string;
  readonly sound: string;
}

export interface FcmMessage {
  readonly token: string;
  readonly android: { readonly priority: 'HIGH' | 'NORMAL'; readonly notification?: FcmAndroidNotification };
  readonly data?: Readonly<Record<string, string>>;
}

export interface BuiltFcmMessage {
  readonly body: { readonly message: FcmMessage };
  readonly kind: 'notification' | 'data';
  /** Why the message goes data-only; null for a notification message. */
  readonly dataOnlyBecause: string | null;
  /** Size of what counts against the limit (notification + data), in bytes. */
  readonly payloadBytes: number;
}

export interface FcmMessageOptions {
  readonly token: string;
  readonly scenarioId: string;
  readonly priority: 'high' | 'normal';
  /** The plan's channel, used when the scenario names no FCM channel. */
  readonly channelId?: string;
}

export function buildFcmMessage(message: MessageSpec, options: FcmMessageOptions): BuiltFcmMessage {
  const display = displayText(message, { platform: 'android' });
  const ext = message.push?.ext;
  const priority = options.priority === 'high' ? 'HIGH' : 'NORMAL';

  let dataOnlyBecause: string | null = null;
  if (message.push?.disabled === true)
    dataOnlyBecause = 'The message turns offline push off (disablePush), so nothing may show.';
  else if (!display.pushed) dataOnlyBecause = display.reason.en;
  // Tencent hands ext to the tap handler under the key "ext"; data values must be strings. A
  // data-only message always carries the scenario, so it is never empty.
  const data: Record<string, string> | undefined =
    dataOnlyBecause !== null
      ? { pushlab_scenario: options.scenarioId, ...(ext === undefined ? {} : { ext }) }
      : ext === undefined
        ? undefined
        : { ext };

  let notification: FcmAndroidNotification | undefined;
  if (dataOnlyBecause === null && display.pushed) {
    const vendorChannel = message.push?.vendor?.fcmChannelId;
    const channelId = vendorChannel !== undefined && vendorChannel !== '' ? vendorChannel : options.channelId;
    // A group message has no default title in the seeds; Android shows the group's name there.
    const title =
      display.title ??
      (message.conversation === 'group' && message.groupName !== undefined && message.groupName !== ''
        ? message.groupName
        : undefined);
    const sound = message.push?.sound;
    notification = {
      ...(title === undefined ? {} : { title }),
      body: display.line,
      ...(channelId === undefined ? {} : { channel_id: channelId }),
      // Android names a custom sound without extension (res/raw); "default" plays the default.
      sound: sound === undefined || sound === '' ? 'default' : sound,
    };
  }

  const payloadBytes = Buffer.byteLength(
    JSON.stringify({ notification: notification ?? null, data: data ?? null }),
  );
  if (payloadBytes > FCM_MAX_PAYLOAD_BYTES) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `The FCM payload would be ${payloadBytes} bytes; FCM accepts at most ${FCM_MAX_PAYLOAD_BYTES}.`,
      {
        hint: "Shorten the scenario's text, title, desc or ext.",
        zh: {
          message: `FCM 负载将有 ${payloadBytes} 字节；FCM 最多接受 ${FCM_MAX_PAYLOAD_BYTES} 字节。`,
          hint: '请缩短场景的 text、title、desc 或 ext。',
        },
      },
    );
  }
  const fcm: FcmMessage = {
    token: options.token,
    android: { priority, ...(notification === undefined ? {} : { notification }) },
    ...(data === undefined ? {} : { data }),
  };
  return {
    body: { message: fcm },
    kind: notification === undefined ? 'data' : 'notification',
    dataOnlyBecause,
    payloadBytes,
  };
}
