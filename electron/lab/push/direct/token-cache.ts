/**
 * One cached authorisation token for a vendor push API (OPPO auth_token, vivo authToken, the HMS and
 * Honor OAuth access token): fetched on first use, shared by parallel sends, renewed `marginMs`
 * before it expires, and dropped when the vendor refuses it so the next send fetches a fresh one.
 */
import type { Clock } from '../../util/clock';

export interface CachedToken {
  readonly value: string;
  /** Epoch ms the vendor says (or documents) it stops working. */
  readonly expiresAt: number;
}

export interface TokenCache {
  /** A token valid for at least the margin (cached, or fetched now). */
  get(options: { timeoutMs: number; signal?: AbortSignal }): Promise<CachedToken>;
  /** Forgets the cached token (after the vendor answered "invalid token"). */
  drop(): void;
  /** How many token requests were made so far, failed ones included (evidence and tests). */
  readonly fetched: number;
}

export function createTokenCache(options: {
  readonly clock: Clock;
  readonly marginMs: number;
  readonly fetch: (o: { timeoutMs: number; signal?: AbortSignal }) => Promise<CachedToken>;
}): TokenCache {
  let cached: CachedToken | undefined;
  let pending: Promise<CachedToken> | undefined;
  let fetched = 0;
  return {
    async get(o) {
      if (cached !== undefined && options.clock.now() < cached.expiresAt - options.marginMs) return cached;
      if (pending === undefined) {
        fetched += 1;
        pending = options.fetch(o).finally(() => {
          pending = undefined;
        });
      }
      cached = await pending;
      return cached;
    },
    drop() {
      cached = undefined;
    },
    get fetched() {
      return fetched;
    },
  };
}
