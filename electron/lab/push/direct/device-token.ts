/**
 * The phone's vendor push token from the send request, checked before anything leaves: missing, or
 * clearly the token of another channel (an APNs hex token, an FCM registration token), is a plan
 * error that says where the right token comes from. Logs and evidence show only 8 characters.
 * What each vendor calls its token comes from the plan's DEVICE_TOKEN_NAMES (one table).
 */
import type { LimitedVendor } from '../../../../shared/push/vendor-limits';
import { maskDeviceToken } from '../../../../shared/runs/plan';
import { DEVICE_TOKEN_NAMES } from '../../../../shared/runs/plan-vendor-senders';
import { LabError } from '../../errors';
import type { SendRequest } from '../sender-types';

export interface VendorTokenSpec {
  readonly vendor: LimitedVendor;
  /** Where the app gets it ("MiPushClient.getRegId()"). */
  readonly source: string;
  readonly pattern: RegExp;
}

const APNS_LIKE = /^[0-9A-Fa-f]{64}$/;
const FCM_LIKE = /^[A-Za-z0-9_-]{8,}:APA91b[A-Za-z0-9_-]+$/;

/** The checked token; the send's evidence records it masked (`deviceToken`, 8 characters). */
export function checkedVendorToken(
  request: SendRequest,
  spec: VendorTokenSpec,
  evidence: Record<string, unknown>,
): string {
  const token = request.deviceToken;
  const name = DEVICE_TOKEN_NAMES[spec.vendor];
  const where = `app.tokens.serials["${request.serial}"]`;
  if (token === undefined || token === '') {
    throw new LabError('PLAN_INVALID', `The plan gives no ${name.en} for ${request.serial}.`, {
      hint: `Add the ${name.en} the app reported on this phone (${spec.source}) under ${where}.`,
      zh: {
        message: `计划没有给出 ${request.serial} 的${name.zh}。`,
        hint: `把应用在这台手机上报告的${name.zh}（${spec.source}）写到 ${where} 下。`,
      },
    });
  }
  const other = APNS_LIKE.test(token) ? 'an APNs device token' : FCM_LIKE.test(token) ? 'an FCM token' : null;
  if (other !== null || !spec.pattern.test(token)) {
    const why = other === null ? `is not a ${name.en}` : `looks like ${other}`;
    const whyZh =
      other === null
        ? `不是${name.zh}`
        : `看起来是${other === 'an FCM token' ? ' FCM 令牌' : ' APNs 设备令牌'}`;
    throw new LabError(
      'PLAN_INVALID',
      `The token for ${request.serial} (${maskDeviceToken(token)}) ${why}.`,
      {
        hint:
          `Use the ${name.en} from ${spec.source} on that phone ` +
          '(a token of another channel only works with its own sender).',
        zh: {
          message: `${request.serial} 的令牌（${maskDeviceToken(token)}）${whyZh}。`,
          hint: `请使用那台手机上 ${spec.source} 给出的${name.zh}（其他通道的令牌只能用于对应的发送器）。`,
        },
      },
    );
  }
  evidence.deviceToken = maskDeviceToken(token);
  return token;
}
