/**
 * The phone's vendor push token from the send request, checked before anything leaves: missing, or
 * clearly the token of another channel (an APNs hex token, an FCM registration token), is a plan
 * error that says where the right token comes from. Logs and evidence show only 8 characters.
 */
import { maskDeviceToken } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import type { SendRequest } from '../sender-types';

export interface VendorTokenSpec {
  /** "Mi Push regId", "HMS push token". */
  readonly name: string;
  readonly nameZh: string;
  /** Where the app gets it ("MiPushClient.getRegId()"). */
  readonly source: string;
  readonly pattern: RegExp;
}

const APNS_LIKE = /^[0-9A-Fa-f]{64}$/;
const FCM_LIKE = /^[A-Za-z0-9_-]{8,}:APA91b[A-Za-z0-9_-]+$/;

export function checkedVendorToken(request: SendRequest, spec: VendorTokenSpec): string {
  const token = request.deviceToken;
  if (token === undefined || token === '') {
    throw new LabError('PLAN_INVALID', `The plan gives no ${spec.name} for ${request.serial}.`, {
      hint: `Add the ${spec.name} the app reported on this phone (${spec.source}) under app.tokens.serials["${request.serial}"].`,
      zh: {
        message: `计划没有给出 ${request.serial} 的${spec.nameZh}。`,
        hint: `把应用在这台手机上报告的${spec.nameZh}（${spec.source}）写到 app.tokens.serials["${request.serial}"] 下。`,
      },
    });
  }
  const other = APNS_LIKE.test(token) ? 'an APNs device token' : FCM_LIKE.test(token) ? 'an FCM token' : null;
  if (other !== null || !spec.pattern.test(token)) {
    const why = other === null ? `is not a ${spec.name}` : `looks like ${other}`;
    const whyZh =
      other === null
        ? `不是${spec.nameZh}`
        : `看起来是${other === 'an FCM token' ? ' FCM 令牌' : ' APNs 设备令牌'}`;
    throw new LabError(
      'PLAN_INVALID',
      `The token for ${request.serial} (${maskDeviceToken(token)}) ${why}.`,
      {
        hint: `Use the ${spec.name} from ${spec.source} on that phone.`,
        zh: {
          message: `${request.serial} 的令牌（${maskDeviceToken(token)}）${whyZh}。`,
          hint: `请使用那台手机上 ${spec.source} 给出的${spec.nameZh}。`,
        },
      },
    );
  }
  return token;
}
