/**
 * Who may talk to the loopback web server: only pages it served itself. The Host check stops
 * DNS rebinding (evil.example resolving to 127.0.0.1), the Origin / Sec-Fetch-Site checks stop
 * other sites' pages from posting to it. There is no CORS: cross-origin callers get nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../../shared/csp';

/** The Electron window's policy (shared/csp.ts), sent as a header. */
export const WEB_CSP = contentSecurityPolicy();

/** Headers on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': WEB_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

/** The Host header values that name this server: loopback by IP or by `localhost`, our port. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Why a request must be refused, or null when it may proceed. */
export function refusal(request: Pick<IncomingMessage, 'headers'>, port: number): string | null {
  const hosts = allowedHosts(port);
  const host = request.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return 'Host header is not this loopback server';
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      const url = new URL(origin);
      originHost = url.protocol === 'http:' ? url.host.toLowerCase() : null;
    } catch {
      originHost = null;
    }
    if (originHost === null || !hosts.has(originHost)) return 'Origin is not this loopback server';
  }
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return 'cross-site request';
  return null;
}

/** Writes the security headers (and any extra ones) onto a response. */
export function setSecurityHeaders(
  response: ServerResponse,
  extra: Readonly<Record<string, string>> = {},
): void {
  for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...extra }))
    response.setHeader(name, value);
}
