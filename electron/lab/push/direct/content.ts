/**
 * What a direct vendor push carries for a scenario message, by the same display rules as the
 * Tencent path (shared/scenarios/rules/display): the title (the message's own, else the nickname
 * or sender ID; a group's name for groups), the seed's line as the body, the custom sound and the
 * `ext` a tap hands to the app. A message Tencent would not push (push turned off, a custom message
 * without desc) goes as a pass-through (data) message where the vendor has one (Mi, HMS, Honor):
 * the vendor delivers it, nothing shows. OPPO, vivo and Flyme have no data-only message to use, so
 * `vendorNotice` (built on the same content) sends nothing then. Pure.
 */
import { displayText } from '../../../../shared/scenarios/rules/display';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';

export type DirectContent =
  | {
      readonly kind: 'notification';
      readonly title: string | null;
      readonly body: string;
      readonly ext: string | null;
      /** Android raw resource name (no extension); null = the default sound. */
      readonly sound: string | null;
    }
  | {
      readonly kind: 'data';
      readonly because: string;
      readonly becauseZh: string;
      /** Scenario id and ext, as the FCM sender sends them. */
      readonly data: Readonly<Record<string, string>>;
    };

export function directContent(message: MessageSpec, scenarioId: string): DirectContent {
  const display = displayText(message, { platform: 'android' });
  const ext = message.push?.ext;
  if (message.push?.disabled === true || !display.pushed) {
    const [because, becauseZh] =
      message.push?.disabled === true
        ? [
            'The message turns offline push off (disablePush), so nothing may show.',
            '该消息关闭了离线推送（disablePush），所以手机上不应出现通知。',
          ]
        : display.pushed
          ? ['Not pushed.', '不推送。']
          : [display.reason.en, display.reason.zhCN];
    return {
      kind: 'data',
      because,
      becauseZh,
      data: { pushlab_scenario: scenarioId, ...(ext === undefined ? {} : { ext }) },
    };
  }
  const groupTitle =
    message.conversation === 'group' && message.groupName !== undefined && message.groupName !== ''
      ? message.groupName
      : null;
  const sound = message.push?.sound;
  return {
    kind: 'notification',
    title: display.title ?? groupTitle,
    body: display.line,
    ext: ext === undefined || ext === '' ? null : ext,
    sound: sound === undefined || sound === '' ? null : sound,
  };
}

/**
 * The click action that opens the app with `ext`, as an intent URI (Intent.toUri form): the
 * launcher activity of the package, with the string extra "ext" (Tencent's key for it).
 */
export function launchIntentUri(pkg: string, ext: string): string {
  return (
    '#Intent;action=android.intent.action.MAIN;category=android.intent.category.LAUNCHER;' +
    `launchFlags=0x10000000;package=${pkg};S.ext=${encodeURIComponent(ext)};end`
  );
}

/** Refuses a message larger than the vendor takes, before anything is sent. */
export function checkPayloadSize(vendor: string, vendorZh: string, bytes: number, max: number): void {
  if (bytes <= max) return;
  throw new LabError(
    'INVALID_ARGUMENT',
    `The ${vendor} message would be ${bytes} bytes; ${vendor} accepts at most ${max}.`,
    {
      hint: "Shorten the scenario's text, title, desc or ext.",
      zh: {
        message: `${vendorZh}消息将有 ${bytes} 字节；${vendorZh}最多接受 ${max} 字节。`,
        hint: '请缩短场景的 text、title、desc 或 ext。',
      },
    },
  );
}

/** The same value only when it is a non-empty string. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** A vendor notification (OPPO, vivo, Flyme): what `directContent` shows, with a title and a channel. */
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

/** `directContent` for vendors without pass-through messages: what Tencent would not push is not sent. */
export function vendorNotice(
  message: MessageSpec,
  options: { readonly vendorChannelId?: string; readonly fallbackChannelId?: string },
): VendorNoticeResult {
  const content = directContent(message, '');
  if (content.kind === 'data')
    return { kind: 'none', because: { en: content.because, zh: content.becauseZh } };
  return {
    kind: 'notice',
    notice: {
      // Vendors need a title; Android shows the sender where the seeds name none.
      title: content.title ?? nonEmpty(message.sender.nickname) ?? message.sender.id,
      body: content.body,
      ext: content.ext,
      sound: content.sound,
      channelId: nonEmpty(options.vendorChannelId) ?? nonEmpty(options.fallbackChannelId) ?? null,
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
        message:
          `${vendor} 通知的 ${field} 将有 ${length} 个${unit === 'bytes' ? '字节' : '字符'}；` +
          `${vendor} 最多接受 ${max}。`,
        hint: '请缩短场景的 title、text、desc 或 ext（或发送者昵称，通知内容以它开头）。',
      },
    },
  );
}
