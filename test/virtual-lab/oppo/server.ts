/**
 * A loopback stand-in for OPPO Push's server API: /server/v1/auth checks app_key, the 13-digit
 * timestamp (±10 min) and sign = sha256(app_key + timestamp + master_secret) and issues 24-hour
 * auth_tokens; /server/v1/message/notification/unicast checks the token, the message JSON (target,
 * title ≤ 50, content ≤ 50 / 128 for long text), channel_id against the channels registered in the
 * console, category and notify_level against the app's grants, the registration ID and its app, and
 * the daily limit of marketing pushes. Answers are OPPO's {code, message, data}. Accepted pushes go
 * to `onPush` listeners (the vendor delivery puts them on virtual phones).
 */
import { randomBytes } from 'node:crypto';
import { oppoSign } from '../../../electron/lab/push/oppo/auth';
import { OPPO_MAX } from '../../../electron/lab/push/oppo/message';
import { OPPO_CATEGORIES, OPPO_SERVICE_CATEGORIES } from '../../../shared/runs/plan-vendor-senders';
import {
  pushHub,
  chinaTime,
  type VendorEmulator,
  type VendorEmulatorOptions,
  emulatorBase,
} from '../vendor-push/types';
import { startLoopbackServer, type LoopbackReply, type LoopbackRequest } from '../http/loopback-server';

export interface OppoServerApp {
  readonly appKey: string;
  readonly masterSecret: string;
  readonly package: string;
  /** Channel IDs registered in the OPPO console; absent: any channel_id is accepted. */
  readonly channels?: readonly string[];
  /** Categories the app was granted (default all). */
  readonly categories?: readonly string[];
  /** notify_level 16 granted (default false). */
  readonly notifyLevel16?: boolean;
}

export interface OppoServerOptions extends VendorEmulatorOptions {
  readonly app: OppoServerApp;
  readonly tokenLifetimeMs?: number;
  /** Marketing (non-service category) pushes the app may send a day (China time); default unlimited. */
  readonly dailyLimit?: number;
}

export interface OppoServer extends VendorEmulator {
  /** Every auth call's code. */
  readonly authCalls: readonly number[];
  /** Every unicast call's code. */
  readonly sends: readonly number[];
  unregister(token: string): void;
  /** Every auth_token issued so far stops working (code 11). */
  revokeTokens(): void;
  /** The next unicast answers this code (e.g. -2 flow control, 33 daily limit). */
  failNext(code: number, message?: string): void;
}

const reply = (code: number, message: string, data?: unknown): LoopbackReply => ({
  status: 200,
  body: { code, message, ...(data === undefined ? {} : { data }) },
});
const TEN_MINUTES = 10 * 60_000;

export async function startOppoServer(options: OppoServerOptions): Promise<OppoServer> {
  const now = options.now ?? Date.now;
  const devices = new Map((options.devices ?? []).map((d) => [d.token, d]));
  const tokens = new Map<string, number>();
  const pushes = pushHub();
  const authCalls: number[] = [];
  const sends: number[] = [];
  const used = new Map<number, number>();
  let forced: { code: number; message: string } | undefined;
  let seq = 0;

  const auth = (form: URLSearchParams): LoopbackReply => {
    const appKey = form.get('app_key') ?? '';
    const timestamp = form.get('timestamp') ?? '';
    const sign = form.get('sign') ?? '';
    const answer = ((): LoopbackReply => {
      if (appKey !== options.app.appKey) return reply(14, 'Invalid AppKey');
      if (!/^\d{13}$/.test(timestamp) || Math.abs(Number(timestamp) - now()) > TEN_MINUTES)
        return reply(19, 'Invalid Timestamp');
      if (sign !== oppoSign(appKey, timestamp, options.app.masterSecret))
        return reply(16, 'Invalid Signature');
      const token = `oppo_${randomBytes(24).toString('hex')}`;
      tokens.set(token, now() + (options.tokenLifetimeMs ?? 24 * 3_600_000));
      return reply(0, 'Success', { auth_token: token, create_time: now() });
    })();
    authCalls.push((answer.body as { code: number }).code);
    return answer;
  };

  const unicast = (form: URLSearchParams, header: string | undefined): LoopbackReply => {
    const token = form.get('auth_token') ?? header;
    if (token === undefined || token === null || token === '') return reply(29, 'Auth Token Is Null');
    const expiry = tokens.get(token);
    if (expiry === undefined || expiry <= now()) return reply(11, 'Invalid AuthToken');
    if (forced !== undefined) {
      const { code, message } = forced;
      forced = undefined;
      return reply(code, message);
    }
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(form.get('message') ?? '') as Record<string, unknown>;
    } catch {
      return reply(40, 'Missing Required Argument: message');
    }
    if (typeof message !== 'object' || message === null)
      return reply(40, 'Missing Required Argument: message');
    const target = message.target_value;
    if (typeof target !== 'string' || target === '')
      return reply(40, 'Missing Required Argument: target_value');
    if (message.target_type !== 2)
      return reply(41, 'Invalid Argument: target_type must be 2 (registration_id)');
    const n = message.notification as Record<string, unknown> | undefined;
    if (typeof n !== 'object' || n === null) return reply(40, 'Missing Required Argument: notification');
    const { title, content } = n;
    if (typeof title !== 'string' || title === '' || typeof content !== 'string' || content === '')
      return reply(40, 'Missing Required Argument: title or content');
    const maxContent = n.style === 2 ? OPPO_MAX.longContent : OPPO_MAX.content;
    if ([...title].length > OPPO_MAX.title)
      return reply(41, `Invalid Argument: title longer than ${OPPO_MAX.title}`);
    if ([...content].length > maxContent)
      return reply(41, `Invalid Argument: content longer than ${maxContent}`);
    const channelId = typeof n.channel_id === 'string' && n.channel_id !== '' ? n.channel_id : null;
    if (channelId !== null && options.app.channels !== undefined && !options.app.channels.includes(channelId))
      return reply(41, `Invalid Argument: channel_id ${channelId} is not registered`);
    const category = typeof n.category === 'string' ? n.category : null;
    if (category !== null && !(OPPO_CATEGORIES as readonly string[]).includes(category))
      return reply(41, `Invalid Argument: category ${category}`);
    if (
      category !== null &&
      options.app.categories !== undefined &&
      !options.app.categories.includes(category)
    )
      return reply(67, `Category ${category} Not Allowed`);
    if (n.notify_level !== undefined) {
      if (category === null) return reply(67, 'notify_level requires category');
      if (![1, 2, 16].includes(n.notify_level as number)) return reply(41, 'Invalid Argument: notify_level');
      if (n.notify_level === 16 && options.app.notifyLevel16 !== true)
        return reply(67, 'notify_level 16 Not Allowed');
    }
    const device = devices.get(target);
    if (device === undefined || device.package !== options.app.package)
      return reply(10000, 'Invalid RegistrationId');
    const highClass = category !== null && (OPPO_SERVICE_CATEGORIES as readonly string[]).includes(category);
    if (!highClass && options.dailyLimit !== undefined) {
      const day = chinaTime(now()).day;
      const count = used.get(day) ?? 0;
      if (count >= options.dailyLimit) return reply(33, 'The Number Of Messages Exceeds The Daily Limit');
      used.set(day, count + 1);
    }
    seq += 1;
    const messageId = `${now()}-${seq}`;
    pushes.emit({
      vendor: 'oppo',
      messageId,
      token: target,
      package: device.package,
      title,
      kind: 'notification',
      body: content,
      channelId,
      messageClass: highClass ? 'high' : 'low',
      testMessage: false,
      ext: extOf(n.action_parameters),
      receivedAt: now(),
      raw: message,
    });
    return reply(0, 'Success', { messageId });
  };

  const route = (request: LoopbackRequest): LoopbackReply => {
    if (request.method !== 'POST') return { status: 405, body: { code: 41, message: 'Method Not Allowed' } };
    if (request.tooLarge) return reply(41, 'Invalid Argument: request too large');
    const form = new URLSearchParams(request.body);
    if (request.path === '/server/v1/auth') return auth(form);
    if (request.path === '/server/v1/message/notification/unicast') {
      const header = request.headers.auth_token;
      const answer = unicast(form, typeof header === 'string' ? header : undefined);
      sends.push((answer.body as { code: number }).code);
      return answer;
    }
    return { status: 404, body: { code: 41, message: 'Not Found' } };
  };

  const server = await startLoopbackServer(route);
  return {
    ...emulatorBase(server, pushes, devices),
    authCalls,
    sends,
    unregister: (token) => devices.delete(token),
    revokeTokens: () => tokens.clear(),
    failNext: (code, message = 'Forced Error') => {
      forced = { code, message };
    },
  };
}

/** The `ext` a tap hands to the app: action_parameters {"ext": …}. */
function extOf(parameters: unknown): string | null {
  if (typeof parameters !== 'string') return null;
  try {
    const ext = (JSON.parse(parameters) as { ext?: unknown }).ext;
    return typeof ext === 'string' ? ext : null;
  } catch {
    return null;
  }
}
