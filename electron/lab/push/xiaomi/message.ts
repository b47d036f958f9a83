/**
 * MessageSpec -> the Mi Push form for one regId (POST /v3/message/regid, x-www-form-urlencoded),
 * by the same display rules as the Tencent path (direct/content.ts) and with the fields Tencent's
 * XiaoMiChannelID, Sound and Ext set: extra.channel_id, extra.sound_uri, payload (ext, opened with
 * the launcher activity: extra.notify_effect 1). Limits (dev.mi.com server API): title < 50 and
 * description < 128 characters; channel_id required since 2024-11-04. Pure.
 */
import type { XIAOMI_REGIONS } from '../../../../shared/runs/plan-vendor-senders';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';
import { checkPayloadSize, directContent, nonEmpty } from '../direct/content';

export type XiaomiRegion = (typeof XIAOMI_REGIONS)[number];

/** Hosts by data region (dev.mi.com pId=1559 CN, pId=1696 global). */
export const XIAOMI_HOSTS: Readonly<Record<XiaomiRegion, string>> = {
  china: 'https://api.xmpush.xiaomi.com',
  global: 'https://api.xmpush.global.xiaomi.com',
  singapore: 'https://sgp-api.xmpush.global.xiaomi.com',
  europe: 'https://fr-api.xmpush.global.xiaomi.com',
  russia: 'https://ru-api.xmpush.global.xiaomi.com',
  india: 'https://idmb-api.xmpush.global.xiaomi.com',
};
export const XIAOMI_SEND_PATH = '/v3/message/regid';
export const XIAOMI_MAX_TITLE_CHARS = 49;
export const XIAOMI_MAX_DESCRIPTION_CHARS = 127;
/** The form's payload (ext or the data message), in bytes. */
export const XIAOMI_MAX_PAYLOAD_BYTES = 4096;

export interface XiaomiMessageOptions {
  readonly regId: string;
  readonly package: string;
  readonly scenarioId: string;
  /** The plan's channel when the scenario names none. */
  readonly channelId?: string;
  /** Same id replaces an earlier notification; unique per send. */
  readonly notifyId: number;
}

export interface BuiltXiaomiMessage {
  readonly form: Readonly<Record<string, string>>;
  readonly kind: 'notification' | 'data';
  readonly dataOnlyBecause: string | null;
  readonly channelId: string | null;
  readonly payloadBytes: number;
}

export function buildXiaomiMessage(message: MessageSpec, options: XiaomiMessageOptions): BuiltXiaomiMessage {
  const content = directContent(message, options.scenarioId);
  const base = {
    registration_id: options.regId,
    restricted_package_name: options.package,
    notify_id: String(options.notifyId),
  };
  if (content.kind === 'data') {
    const payload = encodeURIComponent(JSON.stringify(content.data));
    checkPayloadSize('Mi Push', '小米推送', Buffer.byteLength(payload), XIAOMI_MAX_PAYLOAD_BYTES);
    return {
      form: { ...base, pass_through: '1', payload },
      kind: 'data',
      dataOnlyBecause: content.because,
      channelId: null,
      payloadBytes: Buffer.byteLength(payload),
    };
  }
  const channelId = nonEmpty(message.push?.vendor?.xiaomiChannelId) ?? nonEmpty(options.channelId);
  if (channelId === undefined) {
    throw new LabError(
      'PLAN_INVALID',
      `Scenario ${options.scenarioId} has no Mi Push channel_id to send on.`,
      {
        hint:
          'Mi Push refuses notifications without extra.channel_id since 2024-11-04: set sender.channelId ' +
          'to a channel registered in the Mi Push console (or xiaomiChannelId in the scenario).',
        zh: {
          message: `场景 ${options.scenarioId} 没有可用的小米推送 channel_id。`,
          hint:
            '自 2024-11-04 起小米推送拒绝没有 extra.channel_id 的通知：' +
            '请把 sender.channelId 设为小米推送控制台中登记的通道。',
        },
      },
    );
  }
  const title = [...(content.title ?? message.sender.id)];
  const description = [...content.body];
  if (title.length > XIAOMI_MAX_TITLE_CHARS || description.length > XIAOMI_MAX_DESCRIPTION_CHARS) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `The Mi Push title (${title.length}) or description (${description.length} characters) is too long.`,
      {
        hint: `Mi Push takes a title under 50 and a description under 128 characters: shorten the scenario's text.`,
        zh: {
          message: `小米推送的标题（${title.length}）或描述（${description.length} 个字符）过长。`,
          hint: '小米推送要求标题少于 50 个字符、描述少于 128 个字符：请缩短场景的文字。',
        },
      },
    );
  }
  const payload = content.ext === null ? '' : encodeURIComponent(content.ext);
  checkPayloadSize('Mi Push', '小米推送', Buffer.byteLength(payload), XIAOMI_MAX_PAYLOAD_BYTES);
  return {
    form: {
      ...base,
      pass_through: '0',
      notify_type: '-1',
      title: title.join(''),
      description: description.join(''),
      ...(payload === '' ? {} : { payload }),
      'extra.channel_id': channelId,
      'extra.notify_effect': '1',
      ...(content.sound === null
        ? {}
        : { 'extra.sound_uri': `android.resource://${options.package}/raw/${content.sound}` }),
    },
    kind: 'notification',
    dataOnlyBecause: null,
    channelId,
    payloadBytes: Buffer.byteLength(payload),
  };
}
