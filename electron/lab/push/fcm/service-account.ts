/**
 * The Google service-account JSON key (the file Firebase console > Service accounts > "Generate new
 * private key" gives). Only the fields the OAuth2 flow needs are kept; errors name the field that
 * is wrong and never quote the file (JSON.parse's own message can echo part of it).
 */
import { LabError } from '../../errors';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export interface ServiceAccount {
  readonly clientEmail: string;
  /** PKCS#8 PEM. A secret: never logged or kept as evidence. */
  readonly privateKey: string;
  readonly privateKeyId: string | null;
  readonly tokenUri: string;
  readonly projectId: string | null;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

const KEY_FILE_HINT =
  'Point sender.serviceAccount at the JSON key file as downloaded (Firebase console > Project settings > Service accounts > Generate new private key).';
const KEY_FILE_HINT_ZH =
  '让 sender.serviceAccount 指向下载得到的 JSON 密钥文件（Firebase 控制台 > 项目设置 > 服务账号 > 生成新的私钥）。';

/** `why` finishes "The FCM service account …"; `whyZh` finishes "FCM 服务账号…". */
const invalid = (why: string, whyZh: string, hint = KEY_FILE_HINT, hintZh = KEY_FILE_HINT_ZH): LabError =>
  new LabError('SECRET_UNAVAILABLE', `The FCM service account ${why}.`, {
    hint,
    zh: { message: `FCM 服务账号${whyZh}。`, hint: hintZh },
  });

export function parseServiceAccount(text: string): ServiceAccount {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid('is not JSON', '不是 JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw invalid('is not a JSON object', '不是 JSON 对象');
  const field = (name: string): string | null => {
    const value = (data as Record<string, unknown>)[name];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  const type = field('type');
  if (type !== null && type !== 'service_account') {
    throw invalid(
      `file is of type "${type.slice(0, 40)}", not "service_account"`,
      `文件的类型是 "${type.slice(0, 40)}"，而不是 "service_account"`,
      'Use a service-account key, not an OAuth client or user credential file.',
      '请使用服务账号密钥，而不是 OAuth 客户端或用户凭据文件。',
    );
  }
  const clientEmail = field('client_email');
  if (clientEmail === null || !/^[^\s@]+@[^\s@]+$/.test(clientEmail))
    throw invalid('has no client_email', '没有 client_email');
  const privateKey = field('private_key');
  if (privateKey === null || !privateKey.includes('PRIVATE KEY'))
    throw invalid('has no private_key', '没有 private_key');
  const tokenUri = field('token_uri') ?? GOOGLE_TOKEN_URL;
  if (!allowedTokenUrl(tokenUri)) {
    throw invalid(
      'has a token_uri that is not https',
      '的 token_uri 不是 https',
      'Use the JSON key as Google made it (token_uri https://oauth2.googleapis.com/token).',
      '请原样使用 Google 生成的 JSON 密钥（token_uri 为 https://oauth2.googleapis.com/token）。',
    );
  }
  return {
    clientEmail,
    privateKey,
    privateKeyId: field('private_key_id'),
    tokenUri,
    projectId: field('project_id'),
  };
}

/** https anywhere, http only on loopback (a local test server). */
export function allowedTokenUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname));
  } catch {
    return false;
  }
}
