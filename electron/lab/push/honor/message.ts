/**
 * MessageSpec -> the Honor Push body for one token (camelCase: android.notification.clickAction,
 * importance, targetUserType), by the same display rules as the Tencent path and with the field
 * Tencent's HonorImportance sets (notification.importance: NORMAL service, LOW marketing) and a
 * click action that opens the app with `ext`. Honor has no channel field in Tencent's mapping.
 * Size limit assumed as HMS (4096 bytes without the token; Honor's own figure not confirmed). Pure.
 */
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { checkPayloadSize, directContent, launchIntentUri } from '../direct/content';

export const HONOR_PUSH_HOST = 'https://push-api.cloud.hihonor.com';
export const HONOR_TOKEN_URL =
  'https://iam.developer.hihonor.com/auth/realms/developer/protocol/openid-connect/token';
export const HONOR_MAX_MESSAGE_BYTES = 4096;

export interface HonorMessageOptions {
  readonly token: string;
  readonly package: string;
  readonly scenarioId: string;
  readonly importance?: 'NORMAL' | 'LOW';
  readonly testMessage?: boolean;
}

export interface HonorBody extends Readonly<Record<string, unknown>> {
  readonly token: readonly string[];
}

export interface BuiltHonorMessage {
  readonly body: HonorBody;
  readonly kind: 'notification' | 'data';
  readonly dataOnlyBecause: string | null;
  readonly payloadBytes: number;
}

export function buildHonorMessage(message: MessageSpec, options: HonorMessageOptions): BuiltHonorMessage {
  const content = directContent(message, options.scenarioId);
  const test = options.testMessage === true ? { targetUserType: 1 } : {};
  let withoutToken: Record<string, unknown>;
  if (content.kind === 'data') {
    withoutToken = { data: JSON.stringify(content.data), android: { ...test } };
  } else {
    const importance = message.push?.vendor?.honorImportance ?? options.importance;
    withoutToken = {
      android: {
        ...test,
        notification: {
          title: content.title ?? message.sender.id,
          body: content.body,
          ...(importance === undefined ? {} : { importance }),
          clickAction:
            content.ext === null
              ? { type: 3 }
              : { type: 1, intent: launchIntentUri(options.package, content.ext) },
        },
      },
    };
  }
  const payloadBytes = Buffer.byteLength(JSON.stringify(withoutToken));
  checkPayloadSize('Honor Push', '荣耀推送', payloadBytes, HONOR_MAX_MESSAGE_BYTES);
  return {
    body: { ...withoutToken, token: [options.token] },
    kind: content.kind,
    dataOnlyBecause: content.kind === 'data' ? content.because : null,
    payloadBytes,
  };
}
