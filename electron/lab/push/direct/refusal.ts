/**
 * A vendor push server's refusal as PushLab says it: one plain sentence (what the code means) and
 * the fix, in English and zh-CN, plus what kind of fault it is, so "which link failed" can tell a
 * bad token from a used-up quota without reading vendor codes.
 */
import { LabError } from '../../errors';

export type VendorFault =
  | 'bad-token'
  | 'bad-auth'
  | 'quota'
  | 'rate'
  | 'invalid-channel'
  | 'package-mismatch'
  | 'payload'
  | 'parameter'
  | 'permission'
  | 'server';

export interface VendorErrorText {
  readonly meaning: string;
  readonly fix: string;
}

export interface VendorError extends VendorErrorText {
  readonly fault: VendorFault;
}

export const explanation = (fault: VendorFault, meaning: string, fix: string): VendorError => ({
  fault,
  meaning,
  fix,
});
export const zhText = (meaning: string, fix: string): VendorErrorText => ({ meaning, fix });

/** A known code's texts, or sentences that still name the unknown code. */
export function explainCode<K extends string | number>(
  table: { readonly en: Readonly<Record<K, VendorError>>; readonly zh: Readonly<Record<K, VendorErrorText>> },
  code: string | number,
  vendor: {
    readonly en: string;
    readonly zh: string;
    readonly reference: string;
    readonly referenceZh: string;
  },
): { readonly en: VendorError; readonly zh: VendorErrorText; readonly known: boolean } {
  const key = String(code) as K;
  if (Object.hasOwn(table.en, key)) return { en: table.en[key], zh: table.zh[key], known: true };
  const shown = String(code).slice(0, 40);
  return {
    en: {
      fault: 'parameter',
      meaning: `${vendor.en} refused the message with code ${shown}.`,
      fix: `Look the code up in ${vendor.reference}.`,
    },
    zh: {
      meaning: `${vendor.zh}以错误码 ${shown} 拒绝了消息。`,
      fix: `请在${vendor.referenceZh}中查找该错误码。`,
    },
    known: false,
  };
}

/** The error a refused send throws. */
export function vendorRefusal(
  vendor: { readonly en: string; readonly zh: string },
  label: string,
  explained: { readonly en: VendorErrorText; readonly zh: VendorErrorText },
  detail: string | null,
): LabError {
  return new LabError('SEND_FAILED', `${vendor.en} refused the message (${label}): ${explained.en.meaning}`, {
    hint: explained.en.fix,
    ...(detail === null || detail === '' ? {} : { detail: detail.slice(0, 500) }),
    zh: { message: `${vendor.zh}拒绝了消息（${label}）：${explained.zh.meaning}`, hint: explained.zh.fix },
  });
}
