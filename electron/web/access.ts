/**
 * Who may use the web UI: the browser that opened the URL `npm run web` printed. That URL carries
 * a random per-launch token (as Jupyter's does); the first page load trades it for an HttpOnly,
 * SameSite=Strict session cookie and redirects to the same address without the token. Every
 * other request, API or page, needs the cookie. Other local processes never see either secret.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

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
