/**
 * Honor Push result codes. Honor's own table (developer.honor.com "下行消息响应码") could not be
 * read; its guide says the codes follow the push-kit family, so PushLab explains the HMS-style
 * 8-digit codes (direct/hms-style-errors.ts) and names any other code as it came.
 */
import { hmsStyleErrors, hmsStyleErrorsZh, type HmsStyleVendor } from '../direct/hms-style-errors';

const HONOR: HmsStyleVendor = {
  name: 'Honor Push',
  nameZh: '荣耀推送',
  console: 'the Honor developer console (app > push service)',
  consoleZh: '荣耀开发者平台（应用 > 推送服务）',
  tokenSource: 'HonorPushClient / HonorInstanceId getPushToken()',
};

export const HONOR_VENDOR = {
  en: 'Honor Push',
  zh: '荣耀推送',
  reference: "Honor Push's downlink response codes (developer.honor.com)",
  referenceZh: '荣耀开发者平台的“下行消息响应码”文档',
} as const;

export const HONOR_ERRORS = hmsStyleErrors(HONOR);
export const HONOR_ERRORS_ZH = hmsStyleErrorsZh(HONOR);
