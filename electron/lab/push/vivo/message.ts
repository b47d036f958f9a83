/**
 * MessageSpec -> the vivo /message/send body, by the Tencent path's display rules with the fields
 * Tencent sets for vivo: classification (VIVOClassification, default 1 = system), category
 * (VIVOCategory; default IM for system, MARKETING for operational) and `ext` in clientCustomMap
 * {"ext": …} for the tap (skipType 1, open the app). vivo has no sound file field: notifyType 4
 * rings and vibrates with the system sound. Pure; vivo counts a Chinese character as 2.
 *
 * Precedence: classification and category go as a pair, because vivo refuses a category of the
 * other class (10097). When the plan sender sets either (`classification` / `category`, an override),
 * the pair comes from the plan; else from the scenario's vivoClassification / vivoCategory. The
 * missing half follows the other (a system category -> 1, an operational one -> 0; 1 -> IM,
 * 0 -> MARKETING); with neither, 1 and IM (Tencent's default class).
 */
import { randomUUID } from 'node:crypto';
import { VIVO_SYSTEM_CATEGORIES, type VIVO_CATEGORIES } from '../../../../shared/runs/plan-vendor-senders';
import type { MessageSpec, VendorFields } from '../../../../shared/scenarios/types';
import { nonEmpty, tooLong, vendorNotice, type VendorNotice } from '../direct/content';
import { vivoAppId } from './auth';

export type VivoCategory = (typeof VIVO_CATEGORIES)[number];
/** Widths (ASCII 1, other characters 2) and the clientCustomMap total (characters). */
export const VIVO_MAX = { title: 40, content: 100, customMap: 1024 } as const;

export interface VivoSendBody {
  readonly appId: number | string;
  readonly regId: string;
  readonly notifyType: 4;
  readonly title: string;
  readonly content: string;
  readonly skipType: 1;
  readonly classification: 0 | 1;
  /** VIVO_CATEGORIES; a scenario's unknown value is sent as is, as Tencent would, and vivo refuses it. */
  readonly category: string;
  readonly requestId: string;
  readonly pushMode: 0 | 1;
  readonly clientCustomMap?: { readonly ext: string };
}

export type BuiltVivoMessage =
  | { readonly kind: 'message'; readonly body: VivoSendBody; readonly notice: VendorNotice }
  | { readonly kind: 'none'; readonly because: { readonly en: string; readonly zh: string } };

export interface VivoMessageOptions {
  readonly appId: string;
  readonly regId: string;
  /** The plan's class: overrides the scenario's (see the precedence above). */
  readonly category?: VivoCategory;
  readonly classification?: 0 | 1;
  readonly pushMode?: 'test' | 'production';
  readonly requestId?: string;
}

/** vivo's length rule: an ASCII character counts 1, any other (Chinese, emoji) 2. */
export const vivoWidth = (text: string): number =>
  [...text].reduce((n, c) => n + (c.charCodeAt(0) < 128 ? 1 : 2), 0);

/** classification and category by the precedence above. */
export function vivoClass(
  vendor: VendorFields | undefined,
  options: Pick<VivoMessageOptions, 'category' | 'classification'>,
): { readonly classification: 0 | 1; readonly category: string } {
  const fromPlan = options.category !== undefined || options.classification !== undefined;
  const category = fromPlan ? options.category : nonEmpty(vendor?.vivoCategory);
  const stated = fromPlan ? options.classification : vendor?.vivoClassification;
  const classification =
    stated ??
    (category === undefined ? 1 : (VIVO_SYSTEM_CATEGORIES as readonly string[]).includes(category) ? 1 : 0);
  return { classification, category: category ?? (classification === 1 ? 'IM' : 'MARKETING') };
}

export function buildVivoMessage(message: MessageSpec, options: VivoMessageOptions): BuiltVivoMessage {
  const built = vendorNotice(message, {});
  if (built.kind === 'none') return built;
  const { notice } = built;
  if (vivoWidth(notice.title) > VIVO_MAX.title)
    throw tooLong('vivo', 'title', vivoWidth(notice.title), VIVO_MAX.title, 'width units');
  if (vivoWidth(notice.body) > VIVO_MAX.content)
    throw tooLong('vivo', 'content', vivoWidth(notice.body), VIVO_MAX.content, 'width units');
  if (notice.ext !== null && notice.ext.length + 3 > VIVO_MAX.customMap) {
    throw tooLong('vivo', 'clientCustomMap (ext)', notice.ext.length + 3, VIVO_MAX.customMap, 'characters');
  }
  const { classification, category } = vivoClass(message.push?.vendor, options);
  return {
    kind: 'message',
    notice,
    body: {
      appId: vivoAppId(options.appId),
      regId: options.regId,
      notifyType: 4,
      title: notice.title,
      content: notice.body,
      skipType: 1,
      classification,
      category,
      requestId: options.requestId ?? `pushlab-${randomUUID()}`,
      pushMode: (options.pushMode ?? 'test') === 'test' ? 1 : 0,
      ...(notice.ext === null ? {} : { clientCustomMap: { ext: notice.ext } }),
    },
  };
}
