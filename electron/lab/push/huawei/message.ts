/**
 * MessageSpec -> the HMS Push Kit v1 body for one token, by the same display rules as the Tencent
 * path and with the fields Tencent's HuaWeiChannelID, HuaWeiCategory, HuaWeiImportance, Sound and
 * Ext set: android.notification.channel_id, android.category, android.notification.importance,
 * sound, and a click action that opens the app with `ext` (type 1, intent) or just opens it
 * (type 3). A message Tencent would not push goes as a data (pass-through) message. The body
 * without the token may be 4096 bytes at most (HMS send API). Pure.
 */
import type { HUAWEI_CATEGORIES } from '../../../../shared/runs/plan-vendor-senders';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { checkPayloadSize, directContent, launchIntentUri, nonEmpty } from '../direct/content';

export const HUAWEI_PUSH_HOST = 'https://push-api.cloud.huawei.com';
export const HUAWEI_TOKEN_URL = 'https://oauth-login.cloud.huawei.com/oauth2/v3/token';
export const HUAWEI_MAX_MESSAGE_BYTES = 4096;

export interface HuaweiMessageOptions {
  readonly token: string;
  readonly package: string;
  readonly scenarioId: string;
  /** Plan defaults, used when the scenario's vendor fields name none. */
  readonly channelId?: string;
  readonly category?: (typeof HUAWEI_CATEGORIES)[number];
  readonly importance?: 'NORMAL' | 'LOW';
  readonly testMessage?: boolean;
}

export interface HuaweiBody {
  readonly validate_only: false;
  readonly message: Readonly<Record<string, unknown>> & { readonly token: readonly string[] };
}

export interface BuiltHuaweiMessage {
  readonly body: HuaweiBody;
  readonly kind: 'notification' | 'data';
  readonly dataOnlyBecause: string | null;
  readonly payloadBytes: number;
}

export function buildHuaweiMessage(message: MessageSpec, options: HuaweiMessageOptions): BuiltHuaweiMessage {
  const content = directContent(message, options.scenarioId);
  const test = options.testMessage === true ? { target_user_type: 1 } : {};
  let withoutToken: Record<string, unknown>;
  if (content.kind === 'data') {
    withoutToken = { data: JSON.stringify(content.data), android: { ...test } };
  } else {
    const vendor = message.push?.vendor;
    const channelId = nonEmpty(vendor?.huaweiChannelId) ?? nonEmpty(options.channelId);
    const category = nonEmpty(vendor?.huaweiCategory) ?? options.category;
    const importance = vendor?.huaweiImportance ?? options.importance;
    withoutToken = {
      android: {
        ...(category === undefined ? {} : { category }),
        ...test,
        notification: {
          title: content.title ?? message.sender.id,
          body: content.body,
          ...(channelId === undefined ? {} : { channel_id: channelId }),
          ...(importance === undefined ? {} : { importance }),
          ...(content.sound === null
            ? { default_sound: true }
            : { sound: `/raw/${content.sound}`, default_sound: false }),
          click_action:
            content.ext === null
              ? { type: 3 }
              : { type: 1, intent: launchIntentUri(options.package, content.ext) },
        },
      },
    };
  }
  const payloadBytes = Buffer.byteLength(JSON.stringify(withoutToken));
  checkPayloadSize('HMS Push Kit', '华为推送', payloadBytes, HUAWEI_MAX_MESSAGE_BYTES);
  return {
    body: { validate_only: false, message: { ...withoutToken, token: [options.token] } },
    kind: content.kind,
    dataOnlyBecause: content.kind === 'data' ? content.because : null,
    payloadBytes,
  };
}
