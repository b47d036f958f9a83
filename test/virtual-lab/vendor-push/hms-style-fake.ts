/**
 * The HMS Push Kit and Honor Push fakes share one shape: an OAuth 2.0 client-credentials token
 * endpoint and a JSON send endpoint that checks the bearer token, the App ID in the path, the body
 * (tokens 1-1000, a notification with title and body or a data message, importance, category,
 * click action), the 4096-byte limit without the token and every token, and answers with 8-digit
 * result codes. Each vendor file gives its paths, field names and answer shapes (`HmsStyle`).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { startLoopbackServer, type LoopbackReply, type LoopbackRequest } from '../http/loopback-server';
import { createOAuthIssuer, type OAuthClient, type OAuthIssuer } from './oauth-issuer';
import {
  extFromIntent,
  pushHub,
  type AcceptedVendorPush,
  type VendorEmulatorOptions,
  type VendorPushFake,
  emulatorBase,
} from './types';

export interface HmsStyleApp extends OAuthClient {
  readonly appId: string;
  readonly package: string;
  /** HMS self-classification right: categories honoured as service messages. */
  readonly grantedCategories?: readonly string[];
  /** May send importance HIGH (HMS asks for a right). */
  readonly highImportance?: boolean;
}

/** The parts of a body both vendors have, whatever they are called. */
export interface HmsStyleFields {
  readonly tokens: unknown;
  readonly data: unknown;
  readonly notification: Readonly<Record<string, unknown>> | undefined;
  readonly channelId: unknown;
  readonly importance: unknown;
  readonly clickAction: unknown;
  readonly category: unknown;
  readonly testMessage: boolean;
}

export interface HmsStyle {
  readonly vendor: 'huawei' | 'honor';
  readonly tokenPath: string;
  /** Captures the App ID. */
  readonly sendPath: RegExp;
  readonly importances: readonly string[];
  readonly categories: readonly string[] | null;
  readonly tokenPrefix: string;
  /** The body without its token(s), as counted against the size limit. */
  withoutTokens(body: Readonly<Record<string, unknown>>): unknown;
  fields(body: Readonly<Record<string, unknown>>): HmsStyleFields;
  headerProblem?(headers: IncomingHttpHeaders, now: number): string | null;
  tokenRefused(why: 'grant' | 'client'): LoopbackReply;
  tokenGranted(token: string, lifetimeS: number): unknown;
  success(requestId: string): LoopbackReply;
  failure(code: string, message: string, status: number): LoopbackReply;
  classify(app: HmsStyleApp, fields: HmsStyleFields): 'high' | 'low';
}

export interface HmsStyleFakeOptions extends VendorEmulatorOptions {
  readonly apps: readonly HmsStyleApp[];
  readonly accessTokenLifetimeS?: number;
}

export type ForcedHmsStyleError = '80300002' | '81000001' | 'HTTP_503';

export interface HmsStyleFake extends VendorPushFake {
  readonly tokenRequests: OAuthIssuer<HmsStyleApp>['requests'];
  /** Every send: the code answered and the HTTP status. */
  readonly sends: readonly { readonly code: string; readonly status: number }[];
  revokeAccessTokens(): void;
  failNext(error: ForcedHmsStyleError): void;
}

export const HMS_STYLE_MAX_BYTES = 4096;
const MAX_TOKENS = 1000;

export async function startHmsStyleFake(
  style: HmsStyle,
  options: HmsStyleFakeOptions,
): Promise<HmsStyleFake> {
  const now = options.now ?? Date.now;
  const issuer = createOAuthIssuer(options.apps, {
    now,
    lifetimeS: options.accessTokenLifetimeS ?? 3600,
    prefix: style.tokenPrefix,
  });
  const devices = new Map((options.devices ?? []).map((d) => [d.token, d]));
  const unregistered = new Set<string>();
  const sends: { code: string; status: number }[] = [];
  const hub = pushHub();
  let forced: ForcedHmsStyleError | undefined;

  const fail = (code: string, message: string, status = 400): LoopbackReply => {
    sends.push({ code, status });
    return code === 'HTTP_503' ? { status: 503, body: { message } } : style.failure(code, message, status);
  };

  const send = (appId: string, request: LoopbackRequest): LoopbackReply => {
    const auth = issuer.check(request.headers.authorization);
    if (!auth.ok) {
      return auth.why === 'expired'
        ? fail('80200003', 'Oauth token expired', 401)
        : fail('80200001', 'Oauth authentication error', 401);
    }
    const app = auth.client;
    if (app.appId !== appId) return fail('80200001', 'Oauth authentication error: token of another app', 401);
    const headerProblem = style.headerProblem?.(request.headers, now());
    if (headerProblem) return fail('80100001', headerProblem);
    if (request.tooLarge) return fail('80300008', 'Illegal payload, the message body size exceeds the limit');
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return fail('80100003', 'Illegal payload, the body is not JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return fail('80100003', 'Illegal payload, the body is not an object');
    const fields = style.fields(body as Record<string, unknown>);
    const tokens = fields.tokens;
    if (
      !Array.isArray(tokens) ||
      tokens.length === 0 ||
      tokens.length > MAX_TOKENS ||
      !tokens.every((t) => typeof t === 'string')
    )
      return fail('80300010', 'The number of tokens in the message body exceeds the default value');
    const problem = messageProblem(style, fields);
    if (problem) return fail('80100003', `Illegal payload, ${problem}`);
    if (fields.importance === 'HIGH' && app.highImportance !== true)
      return fail('80300011', 'No permission to send high-level notification messages');
    const size = Buffer.byteLength(JSON.stringify(style.withoutTokens(body as Record<string, unknown>)));
    if (size > HMS_STYLE_MAX_BYTES)
      return fail('80300008', `Illegal payload, the message body size ${size} exceeds 4096`);
    if (forced !== undefined) {
      const error = forced;
      forced = undefined;
      return fail(error, error === 'HTTP_503' ? 'flow control' : 'forced', error === '81000001' ? 500 : 400);
    }
    const invalid = (tokens as string[]).filter(
      (t) => devices.get(t)?.package !== app.package || unregistered.has(t),
    );
    if (invalid.length > 0) {
      const illegal = JSON.stringify({
        success: tokens.length - invalid.length,
        failure: invalid.length,
        illegal_tokens: invalid,
      });
      return fail(invalid.length === tokens.length ? '80300007' : '80100000', illegal);
    }
    const requestId = `${now()}${randomBytes(6).toString('hex')}`;
    const notification = fields.notification;
    for (const token of tokens as string[]) {
      const push: AcceptedVendorPush = {
        vendor: style.vendor,
        messageId: requestId,
        token,
        package: app.package,
        kind: notification === undefined ? 'data' : 'notification',
        title: typeof notification?.title === 'string' ? notification.title : null,
        body: typeof notification?.body === 'string' ? notification.body : null,
        channelId: typeof fields.channelId === 'string' ? fields.channelId : null,
        messageClass: style.classify(app, fields),
        ext: extOf(fields.clickAction),
        testMessage: fields.testMessage,
        receivedAt: now(),
      };
      hub.emit(push);
    }
    sends.push({ code: '80000000', status: 200 });
    return style.success(requestId);
  };

  const handle = (request: LoopbackRequest): LoopbackReply => {
    if (request.method === 'POST' && request.path === style.tokenPath) {
      const granted = issuer.grant(new URLSearchParams(request.body));
      return granted.ok
        ? { status: 200, body: style.tokenGranted(granted.token, granted.lifetimeS) }
        : style.tokenRefused(granted.why);
    }
    const match = style.sendPath.exec(request.path);
    if (request.method !== 'POST' || match?.[1] === undefined)
      return { status: 404, body: { message: 'not found' } };
    return send(decodeURIComponent(match[1]), request);
  };

  const server = await startLoopbackServer(handle, { maxBodyBytes: 64 * 1024 });
  return {
    ...emulatorBase(server, hub, devices),
    tokenRequests: issuer.requests,
    sends,
    unregister(token) {
      unregistered.add(token);
    },
    revokeAccessTokens: issuer.revokeAll,
    failNext(error) {
      forced = error;
    },
  };
}

function messageProblem(style: HmsStyle, fields: HmsStyleFields): string | null {
  const n = fields.notification;
  if (n === undefined) {
    return typeof fields.data === 'string' && fields.data !== ''
      ? null
      : 'a message needs a notification or data';
  }
  if (fields.data !== undefined) return 'a notification message may not carry data';
  if (typeof n.title !== 'string' || n.title === '' || typeof n.body !== 'string' || n.body === '')
    return 'notification title and body are mandatory';
  if (fields.importance !== undefined && !style.importances.includes(String(fields.importance)))
    return `importance must be one of ${style.importances.join(', ')}`;
  if (
    fields.category !== undefined &&
    style.categories !== null &&
    !style.categories.includes(String(fields.category))
  )
    return 'category is not a supported value';
  if (fields.channelId !== undefined && (typeof fields.channelId !== 'string' || fields.channelId === ''))
    return 'channel_id must be a non-empty string';
  const click = fields.clickAction;
  if (typeof click !== 'object' || click === null) return 'click action is mandatory';
  const { type, intent, action, url } = click as Record<string, unknown>;
  if (type === 1 && typeof intent !== 'string' && typeof action !== 'string')
    return 'click action type 1 needs an intent or action';
  if (type === 2 && typeof url !== 'string') return 'click action type 2 needs a url';
  if (type !== 1 && type !== 2 && type !== 3) return 'click action type must be 1, 2 or 3';
  return null;
}

function extOf(click: unknown): string | null {
  return extFromIntent(
    typeof click === 'object' && click !== null ? (click as { intent?: unknown }).intent : undefined,
  );
}
