/**
 * A loopback stand-in for the APNs provider API: HTTP/2, over TLS with a test certificate or as
 * cleartext h2c. It checks what Apple checks (the ES256 provider token's signature, kid, iss and
 * age; one key per connection and renewals at most every 20 minutes; headers; the device token's
 * environment and topic; the payload's size and shape) and answers with Apple's shapes: 200 with
 * apns-id, or {"reason"} (410 adds "timestamp"). Accepted pushes are recorded and handed to
 * `onNotification` listeners (virtual phones, simulators).
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import {
  createSecureServer,
  createServer,
  type Http2Server,
  type Http2Session,
  type IncomingHttpHeaders,
  type ServerHttp2Stream,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { compactVerify, decodeProtectedHeader } from 'jose';
import type { TestCertificate } from './credentials';
import { APNS_STATUS, type ApnsEnvironment, type ApnsRefusal, payloadProblem } from './rules';

export interface ApnsServerKey {
  readonly teamId: string;
  readonly keyId: string;
  readonly publicKey: KeyObject;
  /** Bundle IDs of the team's apps. */
  readonly topics: readonly string[];
  /** Environments the key may be used in; default both. */
  readonly environments?: readonly ApnsEnvironment[];
}

export interface ApnsServerDevice {
  readonly token: string;
  /** The app (bundle ID) that registered the token. */
  readonly topic: string;
  /** sandbox for a Debug build's token, production for Release / TestFlight / App Store. */
  readonly environment: ApnsEnvironment;
}

export interface ApnsServerOptions {
  /** Which APNs host this server plays. */
  readonly environment: ApnsEnvironment;
  readonly keys: readonly ApnsServerKey[];
  readonly devices?: readonly ApnsServerDevice[];
  /** TLS certificate (makeSelfSignedCert); absent: cleartext h2c. */
  readonly tls?: TestCertificate;
  /** Epoch ms, for provider-token age and 410 timestamps. */
  readonly now?: () => number;
}

export interface AcceptedNotification {
  readonly apnsId: string;
  readonly deviceToken: string;
  readonly topic: string;
  readonly pushType: string;
  readonly priority: number;
  readonly expiration: number | null;
  readonly collapseId: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly environment: ApnsEnvironment;
  readonly teamId: string;
  readonly keyId: string;
  readonly receivedAt: number;
}

export interface ApnsRequestRecord {
  readonly path: string;
  /** apns-* headers as received (no authorization). */
  readonly headers: Readonly<Record<string, string>>;
  /** The provider token's kid and iat (epoch s), when it could be read. */
  readonly kid: string | null;
  readonly iat: number | null;
  readonly status: number;
  readonly reason: string | null;
}

export interface ApnsServer {
  /** e.g. http://127.0.0.1:40123 (h2c) or https://127.0.0.1:40123 (TLS). */
  readonly url: string;
  readonly accepted: readonly AcceptedNotification[];
  readonly requests: readonly ApnsRequestRecord[];
  onNotification(listener: (notification: AcceptedNotification) => void): () => void;
  addDevice(device: ApnsServerDevice): void;
  /** The token stops being valid for its topic (410 Unregistered, with the time). */
  unregister(token: string): void;
  /** The next request is answered with this reason (5xx, 429 and the like), whatever it is. */
  failNext(reason: ApnsRefusal): void;
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024;
const PUSH_TYPES = [
  'alert',
  'background',
  'voip',
  'location',
  'complication',
  'fileprovider',
  'mdm',
  'liveactivity',
  'pushtotalk',
  'widgets',
  'controls',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOPIC = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
/** Apple: renew at most every 20 minutes, refuse tokens older than an hour. */
const MIN_RENEW_S = 20 * 60;
const MAX_AGE_S = 60 * 60;

interface ConnectionState {
  kid?: string;
  jwt?: string;
  iat?: number;
}

class Refused extends Error {
  public constructor(public readonly reason: ApnsRefusal) {
    super(reason);
  }
}

export async function startApnsServer(options: ApnsServerOptions): Promise<ApnsServer> {
  const now = options.now ?? Date.now;
  const devices = new Map((options.devices ?? []).map((d) => [d.token.toLowerCase(), d]));
  const unregistered = new Map<string, number>();
  const accepted: AcceptedNotification[] = [];
  const requests: ApnsRequestRecord[] = [];
  const listeners = new Set<(n: AcceptedNotification) => void>();
  const connections = new WeakMap<Http2Session, ConnectionState>();
  const sessions = new Set<Http2Session>();
  let forced: ApnsRefusal | undefined;

  const server: Http2Server = options.tls
    ? createSecureServer({ key: options.tls.key, cert: options.tls.cert })
    : createServer();
  server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });

  /** Checks the provider token; returns its key. */
  const authorize = async (
    authorization: string | undefined,
    state: ConnectionState,
    topic: string,
  ): Promise<{ key: ApnsServerKey; kid: string; iat: number }> => {
    if (authorization === undefined || authorization === '') throw new Refused('MissingProviderToken');
    const match = /^bearer (\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new Refused('InvalidProviderToken');
    const jwt = match[1];
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(jwt);
      if (header.alg !== 'ES256') throw new Refused('InvalidProviderToken');
      kid = header.kid;
    } catch {
      throw new Refused('InvalidProviderToken');
    }
    const key = options.keys.find((k) => k.keyId === kid);
    if (kid === undefined || key === undefined) throw new Refused('InvalidProviderToken');
    // Apple ties a connection to the first key used on it.
    if (state.kid !== undefined && state.kid !== kid) throw new Refused('UnrelatedKeyIdInToken');
    let claims: { iss?: unknown; iat?: unknown };
    try {
      const verified = await compactVerify(jwt, key.publicKey, { algorithms: ['ES256'] });
      claims = JSON.parse(new TextDecoder().decode(verified.payload)) as typeof claims;
    } catch {
      throw new Refused('InvalidProviderToken');
    }
    if (claims.iss !== key.teamId || typeof claims.iat !== 'number' || !Number.isInteger(claims.iat))
      throw new Refused('InvalidProviderToken');
    const nowS = Math.floor(now() / 1000);
    if (claims.iat > nowS + 60) throw new Refused('InvalidProviderToken');
    if (nowS - claims.iat > MAX_AGE_S) throw new Refused('ExpiredProviderToken');
    if (key.environments !== undefined && !key.environments.includes(options.environment))
      throw new Refused('BadEnvironmentKeyIdInToken');
    if (!key.topics.includes(topic)) throw new Refused('TopicDisallowed');
    if (
      state.jwt !== undefined &&
      state.jwt !== jwt &&
      state.iat !== undefined &&
      claims.iat - state.iat < MIN_RENEW_S
    )
      throw new Refused('TooManyProviderTokenUpdates');
    state.kid = kid;
    if (state.jwt !== jwt) {
      state.jwt = jwt;
      state.iat = claims.iat;
    }
    return { key, kid, iat: claims.iat };
  };

  const handle = async (
    stream: ServerHttp2Stream,
    headers: IncomingHttpHeaders,
    rawHeaders: readonly string[],
    body: Buffer | null,
  ): Promise<{
    status: number;
    reason: ApnsRefusal | null;
    apnsId: string;
    kid: string | null;
    iat: number | null;
    accepted?: AcceptedNotification;
  }> => {
    const given = headers['apns-id'];
    const apnsId = typeof given === 'string' && UUID.test(given) ? given.toLowerCase() : randomUUID();
    const result = { apnsId, kid: null as string | null, iat: null as number | null };
    try {
      if (forced !== undefined) {
        const reason = forced;
        forced = undefined;
        throw new Refused(reason);
      }
      if (headers[':method'] !== 'POST') throw new Refused('MethodNotAllowed');
      const path = /^\/3\/device\/([^/?]*)$/.exec(String(headers[':path'] ?? ''));
      if (!path) throw new Refused('BadPath');
      const names = rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
      if (names.some((n, i) => n.startsWith('apns-') && names.indexOf(n) !== i))
        throw new Refused('DuplicateHeaders');
      if (typeof given === 'string' && !UUID.test(given)) throw new Refused('BadMessageId');
      const topic = headers['apns-topic'];
      if (typeof topic !== 'string' || topic === '') throw new Refused('MissingTopic');
      if (!TOPIC.test(topic)) throw new Refused('BadTopic');
      const state = connections.get(stream.session as Http2Session) ?? {};
      connections.set(stream.session as Http2Session, state);
      const auth = await authorize(
        typeof headers.authorization === 'string' ? headers.authorization : undefined,
        state,
        topic,
      );
      result.kid = auth.kid;
      result.iat = auth.iat;

      const pushType = typeof headers['apns-push-type'] === 'string' ? headers['apns-push-type'] : 'alert';
      if (!PUSH_TYPES.includes(pushType)) throw new Refused('InvalidPushType');
      if (topic.endsWith('.voip') !== (pushType === 'voip')) throw new Refused('TopicDisallowed');
      const priorityText = typeof headers['apns-priority'] === 'string' ? headers['apns-priority'] : '10';
      if (!['1', '5', '10'].includes(priorityText)) throw new Refused('BadPriority');
      const priority = Number(priorityText);
      if (pushType === 'background' && priority === 10) throw new Refused('BadPriority');
      const expirationText = headers['apns-expiration'];
      if (
        expirationText !== undefined &&
        (typeof expirationText !== 'string' || !/^\d{1,12}$/.test(expirationText))
      )
        throw new Refused('BadExpirationDate');
      const collapseId = typeof headers['apns-collapse-id'] === 'string' ? headers['apns-collapse-id'] : null;
      if (collapseId !== null && Buffer.byteLength(collapseId) > 64) throw new Refused('BadCollapseId');

      const token = (path[1] ?? '').toLowerCase();
      if (token === '') throw new Refused('MissingDeviceToken');
      const device = devices.get(token);
      // A token from the other environment is unknown here: Apple answers BadDeviceToken.
      if (
        !/^[0-9a-f]{16,400}$/.test(token) ||
        device === undefined ||
        device.environment !== options.environment
      )
        throw new Refused('BadDeviceToken');
      if (device.topic !== topic) throw new Refused('DeviceTokenNotForTopic');
      if (unregistered.has(token)) throw new Refused('Unregistered');

      if (body === null) throw new Refused('PayloadTooLarge');
      if (body.length === 0) throw new Refused('PayloadEmpty');
      if (body.length > 4096) throw new Refused('PayloadTooLarge');
      const problem = payloadProblem(body.toString('utf8'), pushType);
      if (problem !== null) throw new Refused(problem);

      const notification: AcceptedNotification = {
        apnsId,
        deviceToken: token,
        topic,
        pushType,
        priority,
        expiration: expirationText === undefined ? null : Number(expirationText),
        collapseId,
        payload: JSON.parse(body.toString('utf8')) as Record<string, unknown>,
        environment: options.environment,
        teamId: auth.key.teamId,
        keyId: auth.kid,
        receivedAt: now(),
      };
      return { status: 200, reason: null, ...result, accepted: notification };
    } catch (error) {
      if (error instanceof Refused)
        return { status: APNS_STATUS[error.reason], reason: error.reason, ...result };
      throw error;
    }
  };

  server.on(
    'stream',
    (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, _flags: number, rawHeaders: string[]) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      stream.on('error', () => {});
      stream.on('end', () => {
        void handle(stream, headers, rawHeaders, size > MAX_BODY ? null : Buffer.concat(chunks)).then(
          (outcome) => {
            const record: ApnsRequestRecord = {
              path: String(headers[':path'] ?? ''),
              headers: Object.fromEntries(
                Object.entries(headers)
                  .filter(([k]) => k.startsWith('apns-'))
                  .map(([k, v]) => [k, String(v)]),
              ),
              kid: outcome.kid,
              iat: outcome.iat,
              status: outcome.status,
              reason: outcome.reason,
            };
            requests.push(record);
            if (stream.destroyed) return;
            if (outcome.status === 200 && outcome.accepted) {
              stream.respond(
                {
                  ':status': 200,
                  'apns-id': outcome.apnsId,
                  ...(options.environment === 'sandbox' ? { 'apns-unique-id': randomUUID() } : {}),
                },
                { endStream: true },
              );
              accepted.push(outcome.accepted);
              for (const listener of listeners) listener(outcome.accepted);
              return;
            }
            const reason = outcome.reason ?? 'InternalServerError';
            const at =
              reason === 'Unregistered'
                ? unregistered.get(String(headers[':path']).split('/').pop()?.toLowerCase() ?? '')
                : undefined;
            stream.respond({
              ':status': outcome.status,
              'apns-id': outcome.apnsId,
              'content-type': 'application/json',
            });
            stream.end(JSON.stringify(at === undefined ? { reason } : { reason, timestamp: at }));
          },
        );
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    accepted,
    requests,
    onNotification(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addDevice(device) {
      devices.set(device.token.toLowerCase(), device);
    },
    unregister(token) {
      unregistered.set(token.toLowerCase(), now());
    },
    failNext(reason) {
      forced = reason;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}
