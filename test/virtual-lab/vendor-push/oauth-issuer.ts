/**
 * The client-credentials half of the HMS and Honor fakes: checks grant_type, client_id and
 * client_secret (form body), issues opaque access tokens with an expiry, and tells a send whether
 * its bearer token is valid, unknown, expired or revoked. Token requests are recorded.
 */
import { randomBytes } from 'node:crypto';

export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

export type BearerCheck<C> =
  | { readonly ok: true; readonly client: C }
  | { readonly ok: false; readonly why: 'missing' | 'unknown' | 'expired' };

export interface OAuthIssuer<C extends OAuthClient> {
  readonly requests: { readonly clientId: string | null; readonly outcome: 'ok' | 'refused' }[];
  /** The client of a valid token request, or why it is refused. */
  grant(
    form: URLSearchParams,
  ): { ok: true; token: string; lifetimeS: number } | { ok: false; why: 'grant' | 'client' };
  check(authorization: string | undefined): BearerCheck<C>;
  /** Every token issued so far stops working (as if revoked or expired early). */
  revokeAll(): void;
}

export function createOAuthIssuer<C extends OAuthClient>(
  clients: readonly C[],
  options: { readonly now: () => number; readonly lifetimeS: number; readonly prefix: string },
): OAuthIssuer<C> {
  const issued = new Map<string, { client: C; expiresAt: number }>();
  const revoked = new Set<string>();
  const requests: { clientId: string | null; outcome: 'ok' | 'refused' }[] = [];
  return {
    requests,
    grant(form) {
      const clientId = form.get('client_id');
      const record = { clientId, outcome: 'refused' as 'ok' | 'refused' };
      requests.push(record);
      if (form.get('grant_type') !== 'client_credentials') return { ok: false, why: 'grant' };
      const client = clients.find(
        (c) => c.clientId === clientId && c.clientSecret === form.get('client_secret'),
      );
      if (client === undefined) return { ok: false, why: 'client' };
      const token = `${options.prefix}${randomBytes(36).toString('base64')}`;
      issued.set(token, { client, expiresAt: options.now() + options.lifetimeS * 1000 });
      record.outcome = 'ok';
      return { ok: true, token, lifetimeS: options.lifetimeS };
    },
    check(authorization) {
      const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
      if (bearer === undefined) return { ok: false, why: 'missing' };
      const entry = issued.get(bearer);
      if (entry === undefined) return { ok: false, why: 'unknown' };
      if (revoked.has(bearer) || entry.expiresAt <= options.now()) return { ok: false, why: 'expired' };
      return { ok: true, client: entry.client };
    },
    revokeAll() {
      for (const token of issued.keys()) revoked.add(token);
    },
  };
}
