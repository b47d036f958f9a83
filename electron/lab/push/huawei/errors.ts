/**
 * HMS Push Kit v1 result codes (HMS "Sending Downlink Messages" result codes, the HMS serverdemo,
 * and the HMS "common server error codes" FAQ) in plain words with the fix, en and zh-CN.
 */
import { hmsStyleErrors, hmsStyleErrorsZh, type HmsStyleVendor } from '../direct/hms-style-errors';
import { explanation as e, zhText as t } from '../direct/refusal';

const HUAWEI: HmsStyleVendor = {
  name: 'HMS Push Kit',
  nameZh: '华为推送服务',
  console: 'AppGallery Connect (Project settings > General information)',
  consoleZh: ' AppGallery Connect（项目设置 > 常规）',
  tokenSource: 'HmsInstanceId.getToken()',
};

export const HUAWEI_VENDOR = {
  en: 'HMS Push Kit',
  zh: '华为推送服务',
  reference: "Huawei's Push Kit result codes (HMS Core references, Sending Downlink Messages)",
  referenceZh: '华为推送服务的“下行消息”结果码文档',
} as const;

export const HUAWEI_ERRORS = {
  ...hmsStyleErrors(HUAWEI),
  '80100016': e(
    'payload',
    "The message contains words Huawei's content review refuses.",
    "Change the scenario's text (Huawei publishes no word list).",
  ),
  '80300011': e(
    'permission',
    'The app has no permission to send high-importance messages.',
    'Use importance NORMAL, or apply for the right in AppGallery Connect.',
  ),
  '80600003': e('server', "Huawei's OAuth server failed.", 'Wait a moment and run again.'),
};

export const HUAWEI_ERRORS_ZH: Readonly<
  Record<keyof typeof HUAWEI_ERRORS, { meaning: string; fix: string }>
> = {
  ...hmsStyleErrorsZh(HUAWEI),
  '80100016': t('消息中含有华为内容审核拒绝的词语。', '请修改场景的文字（华为不公布敏感词库）。'),
  '80300011': t(
    '该应用无权发送高优先级消息。',
    '请使用 importance NORMAL，或在 AppGallery Connect 中申请该权益。',
  ),
  '80600003': t('华为的 OAuth 服务出错。', '稍等片刻后重新运行。'),
};
