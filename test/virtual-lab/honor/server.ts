/**
 * A loopback stand-in for Honor Push: the IAM token endpoint (Keycloak-style
 * /auth/realms/developer/protocol/openid-connect/token, client_credentials) and POST
 * /api/v1/<AppID>/sendMessage with camelCase fields and the `timestamp` header, answering
 * {code: 200, message, data{requestId, sendResult}} on success and 8-digit codes like HMS on
 * failure. Honor's own response-code table was not confirmed: the codes follow HMS (assumption).
 * importance NORMAL is a service message, LOW or none news & marketing.
 */
import {
  startHmsStyleFake,
  type HmsStyle,
  type HmsStyleFake,
  type HmsStyleFakeOptions,
} from '../vendor-push/hms-style-fake';

/** How far the timestamp header may be from the server's clock (assumed; Honor's figure not found). */
export const HONOR_TIMESTAMP_SKEW_MS = 10 * 60_000;
export const HONOR_TOKEN_PATH = '/auth/realms/developer/protocol/openid-connect/token';

const HONOR_STYLE: HmsStyle = {
  vendor: 'honor',
  tokenPath: HONOR_TOKEN_PATH,
  sendPath: /^\/api\/v1\/([^/]+)\/sendMessage$/,
  importances: ['NORMAL', 'LOW'],
  categories: null,
  tokenPrefix: 'eyJhbGciOiJSUzI1NiJ9.',
  withoutTokens: (body) => ({ ...body, token: undefined }),
  fields(body) {
    const android = (typeof body.android === 'object' && body.android !== null ? body.android : {}) as Record<
      string,
      unknown
    >;
    const n = android.notification;
    const notification = typeof n === 'object' && n !== null ? (n as Record<string, unknown>) : undefined;
    return {
      tokens: body.token,
      data: body.data,
      notification,
      channelId: undefined,
      importance: notification?.importance,
      clickAction: notification?.clickAction,
      category: undefined,
      testMessage: android.targetUserType === 1,
    };
  },
  headerProblem(headers, now) {
    const value = headers.timestamp;
    if (typeof value !== 'string' || !/^\d{13}$/.test(value)) return 'the timestamp header (ms) is missing';
    return Math.abs(Number(value) - now) > HONOR_TIMESTAMP_SKEW_MS
      ? 'the timestamp header is out of range'
      : null;
  },
  tokenRefused: (why) =>
    why === 'grant'
      ? {
          status: 400,
          body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant_type' },
        }
      : {
          status: 401,
          body: {
            error: 'unauthorized_client',
            error_description: 'Invalid client or Invalid client credentials',
          },
        },
  tokenGranted: (token, lifetimeS) => ({
    access_token: token,
    expires_in: lifetimeS,
    token_type: 'Bearer',
    scope: 'profile email',
  }),
  success: (requestId) => ({
    status: 200,
    body: { code: 200, message: 'success', data: { requestId, sendResult: true } },
  }),
  failure: (code, message, status) => ({ status, body: { code: Number(code), message, data: null } }),
  classify: (_app, fields) => (fields.importance === 'NORMAL' ? 'high' : 'low'),
};

export type HonorServer = HmsStyleFake;

export function startHonorServer(options: HmsStyleFakeOptions): Promise<HonorServer> {
  return startHmsStyleFake(HONOR_STYLE, options);
}

export const honorTokenUrl = (server: { url: string }): string => `${server.url}${HONOR_TOKEN_PATH}`;
