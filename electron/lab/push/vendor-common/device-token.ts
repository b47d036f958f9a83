/** The phone's vendor push token from the plan (app.tokens.serials), checked before anything is sent. */
import { maskDeviceToken } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import type { SendRequest } from '../sender-types';

export interface VendorTokenSpec {
  /** "OPPO registration ID", "vivo regId"… */
  readonly name: { readonly en: string; readonly zh: string };
  /** Where the app gets it ("HeytapPushManager.getRegisterID()"). */
  readonly source: string;
  readonly pattern: RegExp;
}

export function checkedVendorToken(request: SendRequest, spec: VendorTokenSpec): string {
  const token = request.deviceToken;
  const where = `app.tokens.serials["${request.serial}"]`;
  if (token === undefined || token === '') {
    throw new LabError('PLAN_INVALID', `The plan gives no ${spec.name.en} for ${request.serial}.`, {
      hint: `Add the ${spec.name.en} the app reported on this phone (${spec.source}) under ${where}.`,
      zh: {
        message: `计划没有给出 ${request.serial} 的${spec.name.zh}。`,
        hint: `把应用在这台手机上报告的${spec.name.zh}（${spec.source}）写到 ${where} 下。`,
      },
    });
  }
  if (!spec.pattern.test(token)) {
    throw new LabError(
      'PLAN_INVALID',
      `The token for ${request.serial} (${maskDeviceToken(token)}) is not a ${spec.name.en}.`,
      {
        hint: `Use the ${spec.name.en} from ${spec.source} on that phone (a token of another channel only works with its own sender).`,
        zh: {
          message: `${request.serial} 的令牌（${maskDeviceToken(token)}）不是${spec.name.zh}。`,
          hint: `请使用那台手机上 ${spec.source} 给出的${spec.name.zh}（其他通道的令牌只能用于对应的发送器）。`,
        },
      },
    );
  }
  return token;
}
