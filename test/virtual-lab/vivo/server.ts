/**
 * A loopback stand-in for vivo Push's server API: /message/auth checks appId, appKey, the ms
 * timestamp (±10 min) and sign = md5(appId + appKey + timestamp + appSecret) and issues authTokens;
 * /message/send checks the authToken header, the body's appId against the token's app (10094),
 * the target, title/content widths (a Chinese character counts 2), category and its agreement with
 * classification (10096/10097), the regId (invalidUser 1 unknown or another app's, 2 uninstalled or
 * notifications off, 4 not a test device for pushMode 1) and the daily total (10070; test pushes are
 * not counted). Answers are vivo's {result, desc, taskId, invalidUser}. Codes 10000, 10050, 10055
 * and 10205 are not confirmed against vivo's table (see electron/lab/push/vivo/errors.ts).
 */
import { randomBytes } from 'node:crypto';
import { vivoSign } from '../../../electron/lab/push/vivo/auth';
import { VIVO_MAX, vivoWidth } from '../../../electron/lab/push/vivo/message';
import { VIVO_CATEGORIES, VIVO_SYSTEM_CATEGORIES } from '../../../shared/runs/plan-vendor-senders';
import {
  pushHub,
  chinaTime,
  type VendorEmulator,
  type VendorEmulatorOptions,
  emulatorBase,
} from '../vendor-push/types';
import { startLoopbackServer, type LoopbackReply, type LoopbackRequest } from '../http/loopback-server';

export interface VivoServerApp {
  readonly appId: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly package: string;
}

export interface VivoServerOptions extends VendorEmulatorOptions {
  readonly app: VivoServerApp;
  /** regIds registered as test devices in the console (pushMode 1 reaches only these). */
  readonly testDevices?: readonly string[];
  readonly tokenLifetimeMs?: number;
  /** Production pushes the app may send a day (China time); default unlimited. */
  readonly dailyLimit?: number;
}

export interface VivoServer extends VendorEmulator {
  readonly authCalls: readonly number[];
  /** Every send's result (invalidUser answers as "invalidUser.<status>"). */
  readonly sends: readonly string[];
  /** The app was uninstalled or its notifications turned off (invalidUser status 2). */
  unsubscribe(token: string): void;
  revokeTokens(): void;
  failNext(result: number, desc?: string): void;
}

const reply = (result: number, desc: string, extra: Record<string, unknown> = {}): LoopbackReply => ({
  status: 200,
  body: { result, desc, ...extra },
});
const TEN_MINUTES = 10 * 60_000;

export async function startVivoServer(options: VivoServerOptions): Promise<VivoServer> {
  const now = options.now ?? Date.now;
  const devices = new Map((options.devices ?? []).map((d) => [d.token, d]));
  const unsubscribed = new Set<string>();
  const tokens = new Map<string, { appId: string; expiresAt: number }>();
  const pushes = pushHub();
  const authCalls: number[] = [];
  const sends: string[] = [];
  const used = new Map<number, number>();
  let forced: { result: number; desc: string } | undefined;
  let seq = 0;

  const auth = (body: Record<string, unknown>): LoopbackReply => {
    const appId = body.appId === undefined || body.appId === null ? '' : String(body.appId);
    const appKey = typeof body.appKey === 'string' ? body.appKey : '';
    if (appId === '') return reply(10200, 'appId 不能为空');
    if (appKey === '') return reply(10201, 'appKey 不能为空');
    const timestamp = body.timestamp;
    const valid =
      appId === options.app.appId &&
      appKey === options.app.appKey &&
      typeof timestamp === 'number' &&
      Math.abs(timestamp - now()) <= TEN_MINUTES &&
      body.sign === vivoSign(appId, appKey, timestamp, options.app.appSecret);
    if (!valid) return reply(10205, 'sign 不合法');
    const token = randomBytes(20).toString('hex');
    tokens.set(token, { appId, expiresAt: now() + (options.tokenLifetimeMs ?? 24 * 3_600_000) });
    return reply(0, '请求成功', { authToken: token });
  };

  const send = (body: Record<string, unknown>, header: string | undefined): LoopbackReply => {
    const token = header === undefined ? undefined : tokens.get(header);
    if (token === undefined || token.expiresAt <= now()) return reply(10000, '权限认证失败');
    if (forced !== undefined) {
      const { result, desc } = forced;
      forced = undefined;
      return reply(result, desc);
    }
    if (String(body.appId ?? '') !== token.appId) return reply(10094, 'appId 与鉴权信息不一致');
    const regId = body.regId;
    if (typeof regId !== 'string' || regId === '') return reply(10050, 'alias和regId 不能都为空');
    const { title, content } = body;
    if (typeof title !== 'string' || title === '' || typeof content !== 'string' || content === '')
      return reply(10055, 'title 或 content 不能为空');
    if (vivoWidth(title) > VIVO_MAX.title || vivoWidth(content) > VIVO_MAX.content)
      return reply(10055, 'title 或 content 长度超出限制');
    const classification = body.classification ?? 0;
    const category = body.category;
    if (category !== undefined && !(VIVO_CATEGORIES as readonly unknown[]).includes(category))
      return reply(10096, `category ${String(category)} 不合法`);
    const system =
      category !== undefined && (VIVO_SYSTEM_CATEGORIES as readonly unknown[]).includes(category);
    if (category !== undefined && (classification === 1) !== system)
      return reply(10097, 'category 与 classification 不匹配');
    seq += 1;
    const taskId = String(now() * 1000 + seq);
    const device = devices.get(regId);
    const test = body.pushMode === 1;
    const invalid =
      device === undefined || device.package !== options.app.package
        ? 1
        : unsubscribed.has(regId)
          ? 2
          : test && !(options.testDevices ?? []).includes(regId)
            ? 4
            : null;
    if (invalid !== null)
      return reply(0, '请求成功', { taskId, invalidUser: { userid: regId, status: invalid } });
    if (!test && options.dailyLimit !== undefined) {
      const day = chinaTime(now()).day;
      const count = used.get(day) ?? 0;
      if (count >= options.dailyLimit) return reply(10070, '发送总量超出限制');
      used.set(day, count + 1);
    }
    const custom = body.clientCustomMap as { ext?: unknown } | undefined;
    pushes.emit({
      vendor: 'vivo',
      messageId: taskId,
      token: regId,
      package: device!.package,
      title,
      kind: 'notification',
      body: content,
      channelId: null,
      messageClass: classification === 1 ? 'high' : 'low',
      testMessage: test,
      ext: typeof custom?.ext === 'string' ? custom.ext : null,
      receivedAt: now(),
      raw: body,
    });
    return reply(0, '请求成功', { taskId });
  };

  const route = (request: LoopbackRequest): LoopbackReply => {
    if (request.method !== 'POST') return { status: 405, body: { result: 1, desc: 'method not allowed' } };
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.tooLarge ? '' : request.body) as Record<string, unknown>;
      if (typeof body !== 'object' || body === null) throw new Error('not an object');
    } catch {
      return reply(10055, '请求体不是合法的 JSON 或过大');
    }
    if (request.path === '/message/auth') {
      const answer = auth(body);
      authCalls.push((answer.body as { result: number }).result);
      return answer;
    }
    if (request.path === '/message/send') {
      const header = request.headers.authtoken;
      const answer = send(body, typeof header === 'string' ? header : undefined);
      const json = answer.body as { result: number; invalidUser?: { status: number } };
      sends.push(
        json.invalidUser === undefined ? String(json.result) : `invalidUser.${json.invalidUser.status}`,
      );
      return answer;
    }
    return { status: 404, body: { result: 1, desc: 'not found' } };
  };

  const server = await startLoopbackServer(route);
  return {
    ...emulatorBase(server, pushes, devices),
    authCalls,
    sends,
    unsubscribe: (token) => unsubscribed.add(token),
    revokeTokens: () => tokens.clear(),
    failNext: (result, desc = 'forced error') => {
      forced = { result, desc };
    },
  };
}
