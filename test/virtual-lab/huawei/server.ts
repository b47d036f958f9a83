/**
 * A loopback stand-in for HMS Push Kit v1: the OAuth 2.0 token endpoint (/oauth2/v3/token,
 * client_credentials) and POST /v1/<clientId>/messages:send with snake_case fields, answering
 * {code, msg, requestId} with the Push Kit result codes (80000000 success; 80200001 / 80200003
 * OAuth; 80300007 invalid tokens; 80300008 too big; 80300011 HIGH without the right; 503 flow
 * control). Category decides the class only when the app holds the self-classification right
 * (HMS message classification); otherwise a message counts as news & marketing.
 */
import { HUAWEI_CATEGORIES } from '../../../shared/runs/plan-vendor-senders';
import {
  startHmsStyleFake,
  type HmsStyle,
  type HmsStyleFake,
  type HmsStyleFakeOptions,
} from '../vendor-push/hms-style-fake';

const HUAWEI_STYLE: HmsStyle = {
  vendor: 'huawei',
  tokenPath: '/oauth2/v3/token',
  sendPath: /^\/v1\/([^/]+)\/messages:send$/,
  importances: ['LOW', 'NORMAL', 'HIGH'],
  categories: [...HUAWEI_CATEGORIES, 'PLAY_VOICE'],
  tokenPrefix: 'DQEBAMhw',
  withoutTokens(body) {
    const message = (body.message ?? {}) as Record<string, unknown>;
    return { ...body, message: { ...message, token: undefined } };
  },
  fields(body) {
    const message = (typeof body.message === 'object' && body.message !== null ? body.message : {}) as Record<
      string,
      unknown
    >;
    const android = (
      typeof message.android === 'object' && message.android !== null ? message.android : {}
    ) as Record<string, unknown>;
    const n = android.notification;
    const notification = typeof n === 'object' && n !== null ? (n as Record<string, unknown>) : undefined;
    return {
      tokens: message.token,
      data: message.data,
      notification,
      channelId: notification?.channel_id,
      importance: notification?.importance,
      clickAction: notification?.click_action,
      category: android.category,
      testMessage: android.target_user_type === 1,
    };
  },
  tokenRefused: (why) => ({
    status: 400,
    body:
      why === 'grant'
        ? { error: 1102, sub_error: 20001, error_description: 'unsupported grant_type' }
        : { error: 1101, sub_error: 20152, error_description: 'invalid client' },
  }),
  tokenGranted: (token, lifetimeS) => ({ access_token: token, expires_in: lifetimeS, token_type: 'Bearer' }),
  success: (requestId) => ({ status: 200, body: { code: '80000000', msg: 'Success', requestId } }),
  failure: (code, msg, status) => ({ status, body: { code, msg, requestId: `${Date.now()}0000` } }),
  classify(app, fields) {
    if (fields.importance === 'LOW') return 'low';
    const category = typeof fields.category === 'string' ? fields.category : null;
    return category !== null && category !== 'MARKETING' && (app.grantedCategories ?? []).includes(category)
      ? 'high'
      : 'low';
  },
};

export type HuaweiServer = HmsStyleFake;

export function startHuaweiServer(options: HmsStyleFakeOptions): Promise<HuaweiServer> {
  return startHmsStyleFake(HUAWEI_STYLE, options);
}

export const huaweiTokenUrl = (server: { url: string }): string => `${server.url}/oauth2/v3/token`;
