/**
 * A vendor push server's refusal as PushLab says it: one plain sentence (what the code means) and
 * the fix, in English and zh-CN, plus what kind of fault it is, so "which link failed" can tell a
 * bad token from a used-up quota without reading vendor codes. One table shape and one refusal for
 * all six direct vendor senders.
 */
import { LabError } from '../../errors';

export type VendorFault =
  | 'bad-token'
  | 'bad-auth'
  | 'quota'
  | 'rate'
  | 'invalid-channel'
  /** A classification / category value the vendor refuses or the app has no right to. */
  | 'category'
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

/** A vendor's codes: the English entry (with the fault) and the zh-CN texts, by code. */
export interface VendorErrorTable<K extends string = string> {
  readonly en: Readonly<Record<K, VendorError>>;
  readonly zh: Readonly<Record<K, VendorErrorText>>;
}

/** How errors name the vendor, and where its codes are documented. */
export interface VendorName {
  readonly en: string;
  readonly zh: string;
  readonly reference: string;
  readonly referenceZh: string;
}

export const explanation = (fault: VendorFault, meaning: string, fix: string): VendorError => ({
  fault,
  meaning,
  fix,
});
export const zhText = (meaning: string, fix: string): VendorErrorText => ({ meaning, fix });

/** One code written with both languages side by side; `vendorErrorTable` splits them. */
export interface BilingualVendorError {
  readonly en: VendorError;
  readonly zh: VendorErrorText;
}
export const vendorError = (
  fault: VendorFault,
  en: [meaning: string, fix: string],
  zh: [meaning: string, fix: string],
): BilingualVendorError => ({ en: explanation(fault, en[0], en[1]), zh: zhText(zh[0], zh[1]) });

export function vendorErrorTable<K extends string>(
  entries: Readonly<Record<K, BilingualVendorError>>,
): VendorErrorTable<K> {
  const pairs = Object.entries(entries) as [K, BilingualVendorError][];
  return {
    en: Object.fromEntries(pairs.map(([code, v]) => [code, v.en])) as Record<K, VendorError>,
    zh: Object.fromEntries(pairs.map(([code, v]) => [code, v.zh])) as Record<K, VendorErrorText>,
  };
}

/** A known code's texts, or sentences that still name the unknown code. */
export function explainCode<K extends string>(
  table: VendorErrorTable<K>,
  code: string | number,
  vendor: VendorName,
): { readonly en: VendorError; readonly zh: VendorErrorText; readonly known: boolean } {
  const key = String(code) as K;
  if (Object.hasOwn(table.en, key)) return { en: table.en[key], zh: table.zh[key], known: true };
  const shown = String(code).slice(0, 40);
  return {
    en: {
      fault: 'parameter',
      meaning: `${vendor.en} refused the message with code ${shown}, which PushLab does not know.`,
      fix: `Look the code up in ${vendor.reference}; the vendor's own words are in the details.`,
    },
    zh: {
      meaning: `${vendor.zh}以 PushLab 不认识的错误码 ${shown} 拒绝了消息。`,
      fix: `请在${vendor.referenceZh}中查找该错误码；厂商的原话见详情。`,
    },
    known: false,
  };
}

/** The error a refused send throws; `label` is "code 33" or "HTTP 503", `detail` the vendor's own words. */
export function vendorRefusal(
  vendor: Pick<VendorName, 'en' | 'zh'>,
  label: string,
  explained: { readonly en: VendorErrorText; readonly zh: VendorErrorText },
  detail: string | null,
): LabError {
  const labelZh = label.replace(/^code /, '错误码 ');
  return new LabError('SEND_FAILED', `${vendor.en} refused the message (${label}): ${explained.en.meaning}`, {
    hint: explained.en.fix,
    ...(detail === null || detail === '' ? {} : { detail: detail.slice(0, 500) }),
    zh: { message: `${vendor.zh}拒绝了消息（${labelZh}）：${explained.zh.meaning}`, hint: explained.zh.fix },
  });
}

/**
 * A refused code as every direct sender reports it: the fault goes into the evidence
 * (`evidence.answer.fault`, next to the vendor's code) and the returned error is what to throw.
 */
export function refusalFor<K extends string>(
  evidence: Record<string, unknown>,
  vendor: VendorName,
  table: VendorErrorTable<K>,
  code: string | number,
  detail: string | null,
  label = `code ${code}`,
): { readonly error: LabError; readonly fault: VendorFault } {
  const explained = explainCode(table, code, vendor);
  const answer = typeof evidence.answer === 'object' && evidence.answer !== null ? evidence.answer : {};
  evidence.answer = { ...answer, fault: explained.en.fault };
  return { error: vendorRefusal(vendor, label, explained, detail), fault: explained.en.fault };
}

/** The answer was not the vendor's documented JSON (wrong URL, a proxy page…). */
export function notVendorJson(vendor: Pick<VendorName, 'en' | 'zh'>, status: number): LabError {
  return new LabError(
    'MALFORMED_OUTPUT',
    `${vendor.en}'s answer (HTTP ${status}) is not the documented JSON.`,
    {
      hint: `Check that the sender's baseUrl points at the ${vendor.en} push API.`,
      zh: {
        message: `${vendor.zh}的应答（HTTP ${status}）不是文档所述的 JSON。`,
        hint: `请检查发送器的 baseUrl 是否指向${vendor.zh}推送接口。`,
      },
    },
  );
}
