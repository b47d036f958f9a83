/**
 * A loopback stand-in for Google's OAuth2 token endpoint and FCM HTTP v1 messages:send. The token
 * endpoint verifies the service account's RS256 assertion (signature, iss, aud, scope, iat/exp) and
 * answers like Google ({access_token, expires_in} or {error, error_description}); the send endpoint
 * checks the bearer token, the project, the body and the registration token, and answers
 * {"name"} or Google's error envelope with the FcmError errorCode. Accepted messages are recorded
 * and handed to `onMessage` listeners (virtual phones).
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { startLoopbackServer, type LoopbackRequest } from '../http/loopback-server';
import { messageProblem } from './validate-message';

export interface FcmServerAccount {
  readonly clientEmail: string;
  readonly publicKey: KeyObject;
  /** Projects the account may send for. */
  readonly projectIds: readonly string[];
}

export interface FcmServerDevice {
  readonly token: string;
  /** The Firebase project the app that registered the token belongs to. */
  readonly projectId: string;
}

export interface FcmServerOptions {
  readonly accounts: readonly FcmServerAccount[];
  readonly devices?: readonly FcmServerDevice[];
  /** Epoch ms, for assertion times and access-token expiry. */
  readonly now?: () => number;
  /** Seconds an access token lives (Google: 3599). */
  readonly accessTokenLifetimeS?: number;
  /** Loopback port; default a free one. */
  readonly port?: number;
}

export interface AcceptedFcmMessage {
  readonly name: string;
  readonly projectId: string;
  readonly clientEmail: string;
  readonly message: Readonly<Record<string, unknown>>;
  readonly receivedAt: number;
}

/** Errors a test can force on the next send. */
export type ForcedFcmError = 'QUOTA_EXCEEDED' | 'UNAVAILABLE' | 'INTERNAL' | 'THIRD_PARTY_AUTH_ERROR';

export interface FcmServer {
  /** Base URL for sender.baseUrl, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** The token endpoint, for the service account's token_uri or sender.tokenUrl. */
  readonly tokenUrl: string;
  readonly accepted: readonly AcceptedFcmMessage[];
  /** Every token request and its answer (error code or 'ok'). */
  readonly tokenRequests: readonly {
    readonly iss: string | null;
    readonly iat: number | null;
    readonly outcome: string;
  }[];
  /** Every send and its HTTP status. */
  readonly sends: readonly {
    readonly projectId: string;
    readonly status: number;
    readonly errorCode: string | null;
  }[];
  onMessage(listener: (message: AcceptedFcmMessage) => void): () => void;
  /** A service account made after start (its token_uri needs this server's URL). */
  addAccount(account: FcmServerAccount): void;
  addDevice(device: FcmServerDevice): void;
  unregister(token: string): void;
  /** Every access token issued so far stops working (401 UNAUTHENTICATED). */
  revokeAccessTokens(): void;
  failNext(error: ForcedFcmError): void;
  close(): Promise<void>;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const SCOPES = [
  'https://www.googleapis.com/auth/firebase.messaging',
  'https://www.googleapis.com/auth/cloud-platform',
];
const FCM_ERROR_TYPE = 'type.googleapis.com/google.firebase.fcm.v1.FcmError';
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{8,}:[A-Za-z0-9_-]{20,}$/;
const FORCED: Record<ForcedFcmError, [number, string, string]> = {
  QUOTA_EXCEEDED: [429, 'RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Send requests'."],
  UNAVAILABLE: [503, 'UNAVAILABLE', 'The service is currently unavailable.'],
  INTERNAL: [500, 'INTERNAL', 'Internal error encountered.'],
  THIRD_PARTY_AUTH_ERROR: [401, 'UNAUTHENTICATED', 'Auth error from APNS or Web Push Service'],
};

interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/** Google's error envelope; `errorCode` adds the FcmError detail. */
const googleError = (
  code: number,
  status: string,
  message: string,
  errorCode?: string,
  field?: string,
): Reply => {
  const details: unknown[] = [];
  if (errorCode !== undefined) details.push({ '@type': FCM_ERROR_TYPE, errorCode });
  if (field !== undefined)
    details.push({
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      fieldViolations: [{ field, description: message }],
    });
  return {
    status: code,
    body: { error: { code, message, status, ...(details.length === 0 ? {} : { details }) } },
  };
};
const oauthError = (error: string, description: string): Reply => ({
  status: 400,
  body: { error, error_description: description },
});
const UNAUTHENTICATED = googleError(
  401,
  'UNAUTHENTICATED',
  'Request had invalid authentication credentials. Expected OAuth 2 access token, ' +
    'login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
);

export async function startFcmServer(options: FcmServerOptions): Promise<FcmServer> {
  const now = options.now ?? Date.now;
  const accounts = [...options.accounts];
  const devices = new Map((options.devices ?? []).map((d) => [d.token, d]));
  const unregistered = new Set<string>();
  const issued = new Map<string, { account: FcmServerAccount; expiresAt: number }>();
  const accepted: AcceptedFcmMessage[] = [];
  const tokenRequests: { iss: string | null; iat: number | null; outcome: string }[] = [];
  const sends: { projectId: string; status: number; errorCode: string | null }[] = [];
  const listeners = new Set<(m: AcceptedFcmMessage) => void>();
  let forced: ForcedFcmError | undefined;
  let tokenUrl = '';

  const grant = async (form: URLSearchParams): Promise<Reply> => {
    const record = { iss: null as string | null, iat: null as number | null, outcome: 'ok' };
    tokenRequests.push(record);
    const refuse = (reply: Reply): Reply => {
      record.outcome = (reply.body as { error: string }).error;
      return reply;
    };
    const grantType = form.get('grant_type');
    if (grantType !== JWT_BEARER)
      return refuse(oauthError('unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`));
    const assertion = form.get('assertion');
    if (!assertion) return refuse(oauthError('invalid_request', 'Missing required parameter: assertion'));
    let claims: Record<string, unknown>;
    try {
      if (decodeProtectedHeader(assertion).alg !== 'RS256')
        return refuse(oauthError('invalid_grant', 'Invalid JWT Signature.'));
      claims = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
    } catch {
      return refuse(oauthError('invalid_grant', 'Invalid JWT: malformed'));
    }
    record.iss = typeof claims.iss === 'string' ? claims.iss : null;
    record.iat = typeof claims.iat === 'number' ? claims.iat : null;
    const account = accounts.find((a) => a.clientEmail === claims.iss);
    if (!account) return refuse(oauthError('invalid_grant', 'Invalid grant: account not found'));
    try {
      await compactVerify(assertion, account.publicKey, { algorithms: ['RS256'] });
    } catch {
      return refuse(oauthError('invalid_grant', 'Invalid JWT Signature.'));
    }
    if (claims.aud !== tokenUrl)
      return refuse(
        oauthError('invalid_grant', `Invalid JWT: Failed audience check. The expected value is ${tokenUrl}`),
      );
    const nowS = Math.floor(now() / 1000);
    const { iat, exp } = claims;
    if (
      typeof iat !== 'number' ||
      typeof exp !== 'number' ||
      exp - iat > 3600 ||
      exp < nowS ||
      iat > nowS + 300
    ) {
      return refuse(
        oauthError(
          'invalid_grant',
          'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
        ),
      );
    }
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.some((s) => SCOPES.includes(s)))
      return refuse(oauthError('invalid_scope', 'Invalid OAuth scope or ID token audience provided.'));
    const lifetime = options.accessTokenLifetimeS ?? 3599;
    const value = `ya29.c.${randomBytes(48).toString('base64url')}`;
    issued.set(value, { account, expiresAt: now() + lifetime * 1000 });
    return { status: 200, body: { access_token: value, expires_in: lifetime, token_type: 'Bearer' } };
  };

  const send = (projectId: string, authorization: string | undefined, raw: string): Reply => {
    const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const access = bearer === undefined ? undefined : issued.get(bearer);
    if (access === undefined || access.expiresAt <= now()) return UNAUTHENTICATED;
    if (!access.account.projectIds.includes(projectId)) {
      return googleError(
        403,
        'PERMISSION_DENIED',
        `Permission 'cloudmessaging.messages.create' denied on resource '//cloudresourcemanager.googleapis.com/projects/${projectId}' (or it may not exist).`,
      );
    }
    if (forced !== undefined) {
      const [code, status, message] = FORCED[forced];
      const errorCode = forced;
      forced = undefined;
      return googleError(code, status, message, errorCode);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unexpected token.');
    }
    const problem = messageProblem(body);
    if (problem)
      return googleError(400, 'INVALID_ARGUMENT', problem.message, 'INVALID_ARGUMENT', problem.field);
    const message = (body as { message: Record<string, unknown> }).message;
    const token = message.token;
    if (typeof token === 'string') {
      const device = devices.get(token);
      if (!TOKEN_FORMAT.test(token) || device === undefined) {
        return googleError(
          400,
          'INVALID_ARGUMENT',
          'The registration token is not a valid FCM registration token',
          'INVALID_ARGUMENT',
          'message.token',
        );
      }
      if (device.projectId !== projectId)
        return googleError(403, 'PERMISSION_DENIED', 'SenderId mismatch', 'SENDER_ID_MISMATCH');
      if (unregistered.has(token))
        return googleError(404, 'NOT_FOUND', 'Requested entity was not found.', 'UNREGISTERED');
    }
    const name = `projects/${projectId}/messages/0:${now()}%${randomBytes(8).toString('hex')}`;
    const record: AcceptedFcmMessage = {
      name,
      projectId,
      clientEmail: access.account.clientEmail,
      message,
      receivedAt: now(),
    };
    if ((body as { validate_only?: unknown }).validate_only !== true) {
      accepted.push(record);
      for (const listener of listeners) listener(record);
    }
    return { status: 200, body: { name } };
  };

  const route = async (req: LoopbackRequest): Promise<Reply> => {
    const raw = req.body;
    if (req.method !== 'POST') return googleError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed.');
    if (req.path === '/token') return grant(new URLSearchParams(raw));
    const match = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(req.path);
    if (!match?.[1]) return googleError(404, 'NOT_FOUND', 'The requested URL was not found on this server.');
    const projectId = decodeURIComponent(match[1]);
    const reply = send(projectId, req.headers.authorization, raw);
    const errorCode = (reply.body as { error?: { details?: { errorCode?: string }[]; status?: string } })
      .error;
    sends.push({
      projectId,
      status: reply.status,
      errorCode: errorCode?.details?.find((d) => d.errorCode)?.errorCode ?? errorCode?.status ?? null,
    });
    return reply;
  };

  const server = await startLoopbackServer(route, options.port === undefined ? {} : { port: options.port });
  const url = server.url;
  tokenUrl = `${url}/token`;

  return {
    url,
    tokenUrl,
    accepted,
    tokenRequests,
    sends,
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addAccount(account) {
      accounts.push(account);
    },
    addDevice(device) {
      devices.set(device.token, device);
    },
    unregister(token) {
      unregistered.add(token);
    },
    revokeAccessTokens() {
      issued.clear();
    },
    failNext(error) {
      forced = error;
    },
    close: server.close,
  };
}
