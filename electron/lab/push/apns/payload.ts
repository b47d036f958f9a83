/**
 * MessageSpec -> the APNs notification (payload, push type, priority) by the iOS display rules of
 * the seeds: the alert body is the seed's line ("Nickname:content", "Name (Group Name):content"),
 * the title only when the message sets one, `ext` top-level where didReceiveRemoteNotification
 * reads it (userInfo["ext"]). Pure; the size limit is checked before anything is sent.
 */
import { displayText } from '../../../../shared/scenarios/rules/display';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';

/** Apple's limit for every push type PushLab sends (VoIP would allow 5120). */
export const APNS_MAX_PAYLOAD_BYTES = 4096;

export type ApnsPushType = 'alert' | 'background';

export interface ApnsNotification {
  readonly pushType: ApnsPushType;
  readonly priority: 10 | 5;
  readonly payload: Readonly<Record<string, unknown>>;
  /** The payload as sent. */
  readonly json: string;
  readonly bytes: number;
  /** Why an alert plan sends this one silently (nothing to show); null when sent as planned. */
  readonly silentBecause: string | null;
}

export interface ApnsNotificationOptions {
  readonly pushType: ApnsPushType;
  /** Default: 10 for alerts, 5 for background pushes (which must use 5). */
  readonly priority?: 10 | 5;
}

/**
 * The notification for one scenario message. A message Tencent would not push (a custom message
 * without desc, or push disabled) goes out as a background push: the channel is still exercised,
 * and the phone shows nothing, as the scenario's "not shown" expectation says.
 */
export function buildApnsNotification(
  message: MessageSpec,
  options: ApnsNotificationOptions,
): ApnsNotification {
  const display = displayText(message, { platform: 'ios' });
  const ext = message.push?.ext;
  const custom = ext === undefined ? {} : { ext };
  let silentBecause: string | null = null;
  if (options.pushType === 'alert') {
    if (message.push?.disabled === true)
      silentBecause = 'The message turns offline push off (disablePush), so nothing may show.';
    else if (!display.pushed) silentBecause = display.reason.en;
  }
  const pushType: ApnsPushType =
    options.pushType === 'alert' && silentBecause === null ? 'alert' : 'background';

  let payload: Record<string, unknown>;
  if (pushType === 'alert' && display.pushed) {
    const title = display.title;
    const sound = message.push?.sound;
    payload = {
      aps: {
        alert: title === null ? { body: display.line } : { title, body: display.line },
        // iOS names a custom sound with its extension; without one the default sound plays.
        sound: sound === undefined || sound === '' ? 'default' : sound,
      },
      ...custom,
    };
  } else {
    payload = { aps: { 'content-available': 1 }, ...custom };
  }
  const json = JSON.stringify(payload);
  const bytes = Buffer.byteLength(json);
  if (bytes > APNS_MAX_PAYLOAD_BYTES) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `The APNs payload would be ${bytes} bytes; APNs accepts at most ${APNS_MAX_PAYLOAD_BYTES}.`,
      {
        hint: "Shorten the scenario's text, title, desc or ext.",
        zh: {
          message: `APNs 负载将有 ${bytes} 字节；APNs 最多接受 ${APNS_MAX_PAYLOAD_BYTES} 字节。`,
          hint: '请缩短场景的 text、title、desc 或 ext。',
        },
      },
    );
  }
  // Background pushes must use priority 5; Apple refuses 10 for them.
  const priority = pushType === 'background' ? 5 : (options.priority ?? 10);
  return { pushType, priority, payload, json, bytes, silentBecause };
}
