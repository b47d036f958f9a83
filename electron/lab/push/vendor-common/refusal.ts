/**
 * A vendor's documented error codes as plain sentences with the fix, in English and zh-CN, and
 * the refusal (a LabError) a sender throws for one. `kind` groups codes by the link that failed
 * (auth, the device token, a quota, the channel…), for the evidence and the diagnose mode.
 */
import { LabError } from '../../errors';

export type VendorErrorKind =
  | 'auth'
  | 'token'
  | 'quota'
  | 'rate'
  | 'channel'
  | 'category'
  | 'package'
  | 'payload'
  | 'argument'
  | 'app'
  | 'server';

export interface VendorErrorText {
  readonly kind: VendorErrorKind;
  readonly en: { readonly meaning: string; readonly fix: string };
  readonly zh: { readonly meaning: string; readonly fix: string };
}

export type VendorErrorTable = Readonly<Record<string, VendorErrorText>>;

export const vendorError = (
  kind: VendorErrorKind,
  en: [meaning: string, fix: string],
  zh: [meaning: string, fix: string],
): VendorErrorText => ({ kind, en: { meaning: en[0], fix: en[1] }, zh: { meaning: zh[0], fix: zh[1] } });

export interface VendorName {
  readonly en: string;
  readonly zh: string;
}

/** The table's entry for a code, or a sentence that names the unknown code. */
export function explainVendorError(
  vendor: VendorName,
  table: VendorErrorTable,
  code: string,
): VendorErrorText {
  const known = Object.hasOwn(table, code) ? table[code] : undefined;
  return (
    known ??
    vendorError(
      'server',
      [
        `${vendor.en} answered with code ${code}, which PushLab does not know.`,
        `Look the code up in the ${vendor.en} push documentation; the vendor's own words are in the details.`,
      ],
      [
        `${vendor.zh}返回了 PushLab 不认识的错误码 ${code}。`,
        `请在${vendor.zh}推送文档中查找此错误码；厂商的原话见详情。`,
      ],
    )
  );
}

/** The LabError for a refused request; `said` is the vendor's own message (secrets already stripped). */
export function vendorRefusal(
  vendor: VendorName,
  table: VendorErrorTable,
  code: string,
  said: string | null,
): LabError {
  const text = explainVendorError(vendor, table, code);
  return new LabError('SEND_FAILED', `${vendor.en} refused the message (code ${code}): ${text.en.meaning}`, {
    hint: text.en.fix,
    ...(said === null || said === '' ? {} : { detail: said.slice(0, 500) }),
    zh: { message: `${vendor.zh}拒绝了消息（错误码 ${code}）：${text.zh.meaning}`, hint: text.zh.fix },
  });
}

/** The answer was not the vendor's documented JSON (wrong URL, a proxy page…). */
export function notVendorJson(vendor: VendorName, status: number): LabError {
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
