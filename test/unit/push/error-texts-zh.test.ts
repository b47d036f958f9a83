/**
 * Every refusal the push backends explain in English has its zh-CN twin (issue 9 point 7), and a
 * failed send keeps the zh text through SendError's wrapping and redaction.
 */
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../electron/lab/errors';
import { APNS_REASONS } from '../../../electron/lab/push/apns/reasons';
import { APNS_REASONS_ZH, explainApnsReasonZh } from '../../../electron/lab/push/apns/reasons-zh';
import { FCM_ERRORS, OAUTH_ERRORS } from '../../../electron/lab/push/fcm/errors';
import { FCM_ERRORS_ZH, OAUTH_ERRORS_ZH, explainFcmErrorZh } from '../../../electron/lab/push/fcm/errors-zh';
import { SendError } from '../../../electron/lab/push/send-error';
import { TENCENT_ERRORS } from '../../../electron/lab/push/tencent/error-codes';
import { TENCENT_ERRORS_ZH, explainTencentErrorZh } from '../../../electron/lab/push/tencent/error-codes-zh';
import { HONOR_ERRORS, HONOR_ERRORS_ZH } from '../../../electron/lab/push/honor/errors';
import { HUAWEI_ERRORS, HUAWEI_ERRORS_ZH } from '../../../electron/lab/push/huawei/errors';
import { XIAOMI_ERRORS } from '../../../electron/lab/push/xiaomi/errors';
import { XIAOMI_ERRORS_ZH } from '../../../electron/lab/push/xiaomi/errors-zh';

const HAN = /[\u4e00-\u9fff]/;

function expectSameKeysInChinese(
  en: object,
  zh: Readonly<Record<string, { meaning: string; fix: string }>>,
): void {
  expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  for (const [key, text] of Object.entries(zh)) {
    expect(HAN.test(text.meaning), `${key} meaning`).toBe(true);
    expect(HAN.test(text.fix), `${key} fix`).toBe(true);
  }
}

describe('zh-CN refusal texts', () => {
  it('cover every APNs reason, FCM error, OAuth2 error and Tencent ErrorCode', () => {
    expectSameKeysInChinese(APNS_REASONS, APNS_REASONS_ZH);
    expectSameKeysInChinese(FCM_ERRORS, FCM_ERRORS_ZH);
    expectSameKeysInChinese(OAUTH_ERRORS, OAUTH_ERRORS_ZH);
    expectSameKeysInChinese(TENCENT_ERRORS, TENCENT_ERRORS_ZH);
  });

  it('cover every Mi Push, HMS Push Kit and Honor Push code the direct senders explain', () => {
    expectSameKeysInChinese(XIAOMI_ERRORS, XIAOMI_ERRORS_ZH);
    expectSameKeysInChinese(HUAWEI_ERRORS, HUAWEI_ERRORS_ZH);
    expectSameKeysInChinese(HONOR_ERRORS, HONOR_ERRORS_ZH);
  });

  it('name the unknown reason or code in the fallback sentence', () => {
    expect(explainApnsReasonZh('NewReason', 400).meaning).toContain('NewReason');
    expect(explainApnsReasonZh(null, 502).meaning).toContain('502');
    expect(explainFcmErrorZh('NEW_ERROR', 400).meaning).toContain('NEW_ERROR');
    expect(explainTencentErrorZh(123456).meaning).toContain('123456');
  });
});

describe('SendError zh', () => {
  it('keeps the zh text of the LabError it wraps, and strips secrets from it', () => {
    const refusal = new LabError('COMMAND_FAILED', 'Refused with sig s3cr3t.', {
      hint: 'Check s3cr3t.',
      zh: { message: '被拒绝，签名 s3cr3t。', hint: '检查 s3cr3t。' },
    });
    const wrapped = SendError.from(refusal, {}, null);
    expect(wrapped.code).toBe('SEND_FAILED');
    expect(wrapped.toInfo().zh).toEqual({ message: '被拒绝，签名 s3cr3t。', hint: '检查 s3cr3t。' });
    const clean = wrapped.redacted((text) => text.split('s3cr3t').join('[redacted]'));
    expect(clean.toInfo().zh).toEqual({ message: '被拒绝，签名 [redacted]。', hint: '检查 [redacted]。' });
  });

  it('gives an unexpected failure a zh text too', () => {
    expect(SendError.from(new Error('boom'), {}, null).toInfo().zh?.message).toBe('发送时出现意外错误：boom');
  });
});
