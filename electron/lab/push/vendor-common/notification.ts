/**
 * MessageSpec -> what a vendor notification shows, by the same display rules as the Tencent path
 * (shared/scenarios displayText): the title (the message's own, else Android's default: the
 * nickname or sender ID; a group: the group name), the seed's line as the text, `ext` for the tap,
 * the sound and the channel. Pure. A message Tencent would not push (a custom message without desc,
 * or push turned off) has no notification: the direct sender then sends nothing, so the phone shows
 * nothing, as the scenario expects. Vendor notification APIs have no data-only message to use.
 */
import { displayText } from '../../../../shared/scenarios/rules/display';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';

export interface VendorNotice {
  readonly title: string;
  readonly body: string;
  /** offlinePushInfo.ext: what a tap hands to the app (key "ext"); null when the message has none. */
  readonly ext: string | null;
  /** Android sound file name without extension (res/raw); null: the channel's sound. */
  readonly sound: string | null;
  /** The scenario's vendor channel field, else the plan's channel; null: none. */
  readonly channelId: string | null;
}

export type VendorNoticeResult =
  | { readonly kind: 'notice'; readonly notice: VendorNotice }
  | { readonly kind: 'none'; readonly because: { readonly en: string; readonly zh: string } };

const nonEmpty = (value: string | undefined | null): string | null =>
  value !== undefined && value !== null && value !== '' ? value : null;

export function vendorNotice(
  message: MessageSpec,
  options: { readonly vendorChannelId?: string; readonly fallbackChannelId?: string },
): VendorNoticeResult {
  if (message.push?.disabled === true) {
    return {
      kind: 'none',
      because: {
        en: 'The message turns offline push off (disablePush), so nothing is sent and nothing may show.',
        zh: '该消息关闭了离线推送（disablePush），所以不发送，手机上也不应出现通知。',
      },
    };
  }
  const display = displayText(message, { platform: 'android' });
  if (!display.pushed) return { kind: 'none', because: { en: display.reason.en, zh: display.reason.zhCN } };
  // Vendors need a title; Android shows the group's name (or the sender) where the seeds name none.
  const title =
    display.title ?? nonEmpty(message.groupName) ?? nonEmpty(message.sender.nickname) ?? message.sender.id;
  return {
    kind: 'notice',
    notice: {
      title,
      body: display.line,
      ext: nonEmpty(message.push?.ext),
      sound: nonEmpty(message.push?.sound),
      channelId: nonEmpty(options.vendorChannelId) ?? nonEmpty(options.fallbackChannelId),
    },
  };
}

/** A field over the vendor's documented limit: a plan problem, refused before anything is sent. */
export function tooLong(vendor: string, field: string, length: number, max: number, unit: string): LabError {
  return new LabError(
    'INVALID_ARGUMENT',
    `The ${vendor} notification's ${field} would be ${length} ${unit}; ${vendor} accepts at most ${max}.`,
    {
      hint: "Shorten the scenario's title, text, desc or ext (or the sender's nickname, which the line starts with).",
      zh: {
        message: `${vendor} 通知的 ${field} 将有 ${length} 个${unit === 'bytes' ? '字节' : '字符'}；${vendor} 最多接受 ${max}。`,
        hint: '请缩短场景的 title、text、desc 或 ext（或发送者昵称，通知内容以它开头）。',
      },
    },
  );
}
