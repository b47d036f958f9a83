/**
 * MessageSpec -> the Flyme pushByPushId messageJson, by the Tencent path's display rules with the
 * field Tencent sets for Meizu: noticeBarInfo.noticeMsgType (MeiZuNoticeMsgType, 1 私信 by default),
 * and `ext` as clickTypeInfo.parameters {"ext": …} on the tap (clickType 0, open the app). Flyme
 * has no sound file field: advanceInfo.notificationType turns the default sound on. Pure.
 *
 * Precedence: noticeMsgType is the plan sender's `noticeMsgType` when set (an override), else the
 * scenario's meizuNoticeMsgType, else 1.
 */
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { tooLong, vendorNotice, type VendorNotice } from '../direct/content';

export const MEIZU_MAX = { title: 32, content: 100 } as const;

export interface MeizuMessageJson {
  readonly noticeBarInfo: {
    readonly noticeMsgType: 0 | 1;
    readonly noticeBarType: 0;
    readonly title: string;
    readonly content: string;
  };
  readonly noticeExpandInfo: { readonly noticeExpandType: 0 };
  readonly clickTypeInfo: { readonly clickType: 0; readonly parameters?: { readonly ext: string } };
  readonly pushTimeInfo: { readonly offLine: 1; readonly validTime: number };
  readonly advanceInfo: {
    readonly suspend: 1;
    readonly clearNoticeBar: 1;
    readonly notificationType: { readonly vibrate: 1; readonly lights: 1; readonly sound: 1 };
  };
}

export type BuiltMeizuMessage =
  | { readonly kind: 'message'; readonly messageJson: MeizuMessageJson; readonly notice: VendorNotice }
  | { readonly kind: 'none'; readonly because: { readonly en: string; readonly zh: string } };

const chars = (text: string): number => [...text].length;

export function buildMeizuMessage(
  message: MessageSpec,
  /** noticeMsgType: the plan's, overriding the scenario's. */
  options: { readonly noticeMsgType?: 0 | 1; readonly validHours?: number },
): BuiltMeizuMessage {
  const built = vendorNotice(message, {});
  if (built.kind === 'none') return built;
  const { notice } = built;
  if (chars(notice.title) > MEIZU_MAX.title)
    throw tooLong('Flyme', 'title', chars(notice.title), MEIZU_MAX.title, 'characters');
  if (chars(notice.body) > MEIZU_MAX.content)
    throw tooLong('Flyme', 'content', chars(notice.body), MEIZU_MAX.content, 'characters');
  return {
    kind: 'message',
    notice,
    messageJson: {
      noticeBarInfo: {
        noticeMsgType: options.noticeMsgType ?? message.push?.vendor?.meizuNoticeMsgType ?? 1,
        noticeBarType: 0,
        title: notice.title,
        content: notice.body,
      },
      noticeExpandInfo: { noticeExpandType: 0 },
      clickTypeInfo: { clickType: 0, ...(notice.ext === null ? {} : { parameters: { ext: notice.ext } }) },
      pushTimeInfo: { offLine: 1, validTime: Math.min(72, Math.max(1, options.validHours ?? 24)) },
      advanceInfo: { suspend: 1, clearNoticeBar: 1, notificationType: { vibrate: 1, lights: 1, sound: 1 } },
    },
  };
}
