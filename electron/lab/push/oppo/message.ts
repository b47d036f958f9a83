/**
 * MessageSpec -> the OPPO unicast `message` (JSON in a form field): target_type 2 (registration_id),
 * verify_registration_id, and a notification built by the Tencent path's display rules with the
 * fields Tencent sets for OPPO: channel_id (OPPOChannelID), category (OPPOCategory), notify_level
 * (OPPONotifyLevel) and `ext` as action_parameters {"ext": …} on the tap (click_action_type 0, open
 * the app). OPPO has no sound field: the channel's settings decide. Pure; lengths are checked here.
 *
 * Precedence: category and notify_level are the plan sender's `category` / `notifyLevel` when set
 * (an override, e.g. for an app without the IM grant), else the scenario's oppoCategory /
 * oppoNotifyLevel, else IM and 2 (field by field). channel_id is the scenario's oppoChannelId, else
 * the plan's channelId (the plan's channel is a fallback, as for the other vendors' channels).
 */
import { randomUUID } from 'node:crypto';
import type { OPPO_CATEGORIES } from '../../../../shared/runs/plan-vendor-senders';
import type { MessageSpec, VendorFields } from '../../../../shared/scenarios/types';
import { nonEmpty, tooLong, vendorNotice, type VendorNotice } from '../direct/content';

/** Characters (each Chinese character or emoji counts 1). Style 1 content: 50; style 2 (long text): 128. */
export const OPPO_MAX = { title: 50, content: 50, longContent: 128, actionParameters: 4000 } as const;

export type OppoCategory = (typeof OPPO_CATEGORIES)[number];

export interface OppoNotification {
  readonly app_message_id: string;
  readonly style: 1 | 2;
  readonly title: string;
  readonly content: string;
  readonly click_action_type: 0;
  readonly action_parameters?: string;
  readonly off_line: true;
  readonly channel_id?: string;
  /** OPPO_CATEGORIES; a scenario's unknown value is sent as is, as Tencent would, and OPPO refuses it. */
  readonly category: string;
  readonly notify_level: 1 | 2 | 16;
}

export interface OppoMessage {
  readonly target_type: 2;
  readonly target_value: string;
  readonly verify_registration_id: true;
  readonly notification: OppoNotification;
}

export type BuiltOppoMessage =
  | { readonly kind: 'message'; readonly message: OppoMessage; readonly notice: VendorNotice }
  | { readonly kind: 'none'; readonly because: { readonly en: string; readonly zh: string } };

export interface OppoMessageOptions {
  readonly regId: string;
  /** The plan's channel: used when the scenario names none. */
  readonly channelId?: string;
  /** The plan's category and notify level: override the scenario's. */
  readonly category?: OppoCategory;
  readonly notifyLevel?: 1 | 2 | 16;
  /** Dedupe id (app_message_id); default a random one, so repeats are never folded. */
  readonly messageId?: string;
}

const chars = (text: string): number => [...text].length;

/** category and notify_level by the precedence above. */
export function oppoClass(
  vendor: VendorFields | undefined,
  options: Pick<OppoMessageOptions, 'category' | 'notifyLevel'>,
): { readonly category: string; readonly notify_level: 1 | 2 | 16 } {
  return {
    category: options.category ?? nonEmpty(vendor?.oppoCategory) ?? 'IM',
    notify_level: options.notifyLevel ?? vendor?.oppoNotifyLevel ?? 2,
  };
}

export function buildOppoMessage(message: MessageSpec, options: OppoMessageOptions): BuiltOppoMessage {
  const built = vendorNotice(message, {
    ...(message.push?.vendor?.oppoChannelId === undefined
      ? {}
      : { vendorChannelId: message.push.vendor.oppoChannelId }),
    ...(options.channelId === undefined ? {} : { fallbackChannelId: options.channelId }),
  });
  if (built.kind === 'none') return built;
  const { notice } = built;
  if (chars(notice.title) > OPPO_MAX.title)
    throw tooLong('OPPO', 'title', chars(notice.title), OPPO_MAX.title, 'characters');
  const length = chars(notice.body);
  if (length > OPPO_MAX.longContent)
    throw tooLong('OPPO', 'content', length, OPPO_MAX.longContent, 'characters');
  const actionParameters = notice.ext === null ? undefined : JSON.stringify({ ext: notice.ext });
  if (actionParameters !== undefined && chars(actionParameters) > OPPO_MAX.actionParameters) {
    throw tooLong(
      'OPPO',
      'action_parameters (ext)',
      chars(actionParameters),
      OPPO_MAX.actionParameters,
      'characters',
    );
  }
  const notification: OppoNotification = {
    app_message_id: options.messageId ?? `pushlab-${randomUUID()}`,
    // Long text (style 2) only when the line does not fit the standard style.
    style: length > OPPO_MAX.content ? 2 : 1,
    title: notice.title,
    content: notice.body,
    click_action_type: 0,
    ...(actionParameters === undefined ? {} : { action_parameters: actionParameters }),
    off_line: true,
    ...(notice.channelId === null ? {} : { channel_id: notice.channelId }),
    ...oppoClass(message.push?.vendor, options),
  };
  return {
    kind: 'message',
    notice,
    message: { target_type: 2, target_value: options.regId, verify_registration_id: true, notification },
  };
}
