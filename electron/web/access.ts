/**
 * Who may use the web UI: the browser that opened the URL `npm run web` printed. That URL carries
 * a random per-launch token (as Jupyter's does); the first page load trades it for an HttpOnly,
 * SameSite=Strict session cookie and redirects to the same address without the token. Every
 * other request, API or page, needs the cookie. Other local processes never see either secret.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchLocale, translate, type Locale } from '../../shared/i18n';
import { setSecurityHeaders } from './http-guards';
import { sendError } from './json-reply';

export const TOKEN_PARAM = 'token';

/** Equal in constant time, whatever the lengths (both sides are hashed first). */
export function sameSecret(candidate: string, secret: string): boolean {
  const a = createHash('sha256').update(candidate, 'utf8').digest();
  const b = createHash('sha256').update(secret, 'utf8').digest();
  return timingSafeEqual(a, b) && candidate.length === secret.length;
}

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export interface WebAccess {
  /** The one-time-per-launch key in the printed URL. */
  readonly token: string;
  /** Cookies are not scoped by port: the name carries it so two PushLabs on one host do not collide. */
  readonly cookieName: string;
  /** True when the request carries this launch's session cookie. */
  hasSession(request: Pick<IncomingMessage, 'headers'>): boolean;
  /** True when `candidate` is this launch's URL token. */
  tokenMatches(candidate: string): boolean;
  /** The Set-Cookie header value that opens a session. */
  sessionCookie(): string;
}

/** Fresh secrets for one launch of the server on `port`. */
export function createWebAccess(port: number, random: (bytes: number) => Buffer = randomBytes): WebAccess {
  const token = random(24).toString('base64url');
  const session = random(32).toString('base64url');
  const cookieName = `pushlab-session-${port}`;
  return {
    token,
    cookieName,
    hasSession(request) {
      const cookie = request.headers.cookie;
      const value = cookieValue(Array.isArray(cookie) ? cookie.join('; ') : cookie, cookieName);
      return value !== null && sameSecret(value, session);
    },
    tokenMatches: (candidate) => sameSecret(candidate, token),
    sessionCookie: () => `${cookieName}=${session}; Path=/; HttpOnly; SameSite=Strict`,
  };
}

/** The language of the asking browser, for the few texts the server writes itself. */
function requestLocale(request: IncomingMessage): Locale {
  const header = request.headers['accept-language'] ?? '';
  return matchLocale(header.split(',').map((part) => part.split(';')[0]?.trim() ?? ''));
}

/** A page or API request without this launch's cookie (or with a wrong token): 401 and what to do. */
export function denyAccess(
  request: IncomingMessage,
  response: ServerResponse,
  api: boolean,
  badToken: boolean,
): void {
  const locale = requestLocale(request);
  const message = translate(locale, badToken ? 'web.access.badToken' : 'web.access.denied');
  const hint = translate(locale, badToken ? 'web.access.badToken.hint' : 'web.access.denied.hint');
  request.resume();
  if (api) {
    const zh = {
      message: translate('zh-CN', badToken ? 'web.access.badToken' : 'web.access.denied'),
      hint: translate('zh-CN', badToken ? 'web.access.badToken.hint' : 'web.access.denied.hint'),
    };
    return sendError(response, 401, 'ACCESS_DENIED', message, hint, zh, { connection: 'close' });
  }
  response.statusCode = 401;
  setSecurityHeaders(response, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
  });
  response.end(`${message}\n${hint}\n`);
}

/** Trades a valid URL token for the session cookie and sends the browser to the token-less address. */
export function openSession(access: WebAccess, url: URL, response: ServerResponse): void {
  url.searchParams.delete(TOKEN_PARAM);
  response.statusCode = 303;
  setSecurityHeaders(response, {
    'set-cookie': access.sessionCookie(),
    location: `${url.pathname}${url.search}${url.hash}`,
    'cache-control': 'no-store',
    'content-length': '0',
  });
  response.end();
}
