/**
 * A loopback stand-in for Mi Push's regId send API (POST /v3/message/regid and /v2/…, form body,
 * `Authorization: key=<AppSecret>`). It checks what the server API documents (dev.mi.com pId=1559):
 * the AppSecret, restricted_package_name of that app, required fields, title < 50 and description
 * < 128 characters, extra.channel_id present and registered for the app, the payload size and the
 * regId; and answers like Mi Push ({result, code, reason, description, trace_id, data{id, day_quota,
 * day_acked}}) with the codes of its error table (pId=1560). Accepted pushes go to `onPush`.
 */
import { randomBytes } from 'node:crypto';
import { startLoopbackServer, type LoopbackReply, type LoopbackRequest } from '../http/loopback-server';
import {
  pushHub,
  type AcceptedVendorPush,
  type VendorPushFake,
  type VendorEmulatorOptions,
  emulatorBase,
} from '../vendor-push/types';

export interface XiaomiChannel {
  readonly id: string;
  /** private (私信): high class, no quota; public (公信): low class, counted against the day quota. */
  readonly kind: 'private' | 'public';
}

export interface XiaomiApp {
  readonly appSecret: string;
  readonly package: string;
  readonly channels: readonly XiaomiChannel[];
  /** Public-channel sends per day the app may make (day_quota); default unlimited. */
  readonly dayQuota?: number;
}

export interface XiaomiServerOptions extends VendorEmulatorOptions {
  readonly apps: readonly XiaomiApp[];
}

export interface XiaomiServer extends VendorPushFake {
  /** Every send: the code answered (0 = accepted). */
  readonly sends: readonly { readonly code: number; readonly reason: string }[];
  /** The next send answers this Mi Push error code (e.g. 10034, 10027). */
  failNext(code: number, reason?: string): void;
}

export const XIAOMI_MAX_PAYLOAD_BYTES = 4096;
const DAY_MS = 86_400_000;

/** Descriptions of the codes the fake answers (dev.mi.com 服务端错误码参考). */
const DESCRIPTIONS: Readonly<Record<number, string>> = {
  10016: '缺失必选参数',
  10017: '参数值非法',
  10034: '应用当日发送消息数量过多',
  20301: '发送消息失败',
  21301: '认证失败',
  22022: '应用程序package name不合法',
  27001: 'channel相关信息不匹配',
  65009: '消息内容太长',
};

export async function startXiaomiServer(options: XiaomiServerOptions): Promise<XiaomiServer> {
  const now = options.now ?? Date.now;
  const devices = new Map((options.devices ?? []).map((d) => [d.token, d]));
  const unregistered = new Set<string>();
  const used = new Map<string, number>();
  const sends: { code: number; reason: string }[] = [];
  const hub = pushHub();
  let forced: { code: number; reason: string } | undefined;

  const fail = (code: number, reason: string): LoopbackReply => {
    sends.push({ code, reason });
    return {
      status: 200,
      body: {
        result: 'error',
        code,
        reason,
        description: DESCRIPTIONS[code] ?? '',
        trace_id: traceId(),
      },
    };
  };

  const handle = (request: LoopbackRequest): LoopbackReply => {
    if (request.method !== 'POST' || !/^\/v[23]\/message\/regid$/.test(request.path))
      return { status: 404, body: { result: 'error', code: 10019, reason: 'api not found' } };
    const secret = /^key=(.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const app = options.apps.find((a) => a.appSecret === secret);
    if (app === undefined) return fail(21301, 'Authentication failed');
    if (request.tooLarge) return fail(65009, 'message too long');
    const form = new URLSearchParams(request.body);
    const regId = form.get('registration_id');
    const pkg = form.get('restricted_package_name');
    const passThrough = form.get('pass_through') ?? '0';
    if (!regId) return fail(10016, 'registration_id is required');
    if (pkg !== null && pkg !== app.package) return fail(22022, `Invalid package name: ${pkg.slice(0, 100)}`);
    if (passThrough !== '0' && passThrough !== '1') return fail(10017, 'pass_through must be 0 or 1');
    const payload = form.get('payload') ?? '';
    if (Buffer.byteLength(payload) > XIAOMI_MAX_PAYLOAD_BYTES) return fail(65009, 'payload is too long');
    let channel: XiaomiChannel | undefined;
    if (passThrough === '0') {
      const title = form.get('title');
      const description = form.get('description');
      if (!title?.trim() || !description?.trim()) return fail(10016, 'title and description are required');
      if ([...title].length >= 50 || [...description].length >= 128)
        return fail(10017, 'title must be shorter than 50 and description than 128 characters');
      const channelId = form.get('extra.channel_id');
      if (!channelId) return fail(10016, 'extra.channel_id is required');
      channel = app.channels.find((c) => c.id === channelId);
      if (channel === undefined) return fail(27001, `channel_id ${channelId.slice(0, 100)} not found`);
    }
    if (forced !== undefined) {
      const { code, reason } = forced;
      forced = undefined;
      return fail(code, reason);
    }
    const device = devices.get(regId);
    if (device === undefined || device.package !== app.package || unregistered.has(regId))
      return fail(20301, 'No valid targets!');
    const day = Math.floor(now() / DAY_MS);
    const key = `${app.appSecret}|${day}`;
    const count = used.get(key) ?? 0;
    if (channel?.kind === 'public' && app.dayQuota !== undefined) {
      if (count >= app.dayQuota) return fail(10034, 'Exceed the quota of messages today');
      used.set(key, count + 1);
    }
    const id = `sdm${randomBytes(10).toString('hex')}`;
    const push: AcceptedVendorPush = {
      vendor: 'xiaomi',
      messageId: id,
      token: regId,
      package: app.package,
      kind: passThrough === '1' ? 'data' : 'notification',
      title: form.get('title'),
      body: form.get('description'),
      channelId: channel?.id ?? null,
      messageClass: channel?.kind === 'private' ? 'high' : 'low',
      ext: payload === '' || passThrough === '1' ? null : decodeURIComponent(payload),
      testMessage: false,
      receivedAt: now(),
    };
    sends.push({ code: 0, reason: '' });
    hub.emit(push);
    return {
      status: 200,
      body: {
        result: 'ok',
        code: 0,
        description: '成功',
        info: 'Received push messages for 1 REGID',
        trace_id: traceId(),
        data: {
          id,
          ...(app.dayQuota === undefined
            ? {}
            : { day_quota: String(app.dayQuota), day_acked: String(used.get(key) ?? 0) }),
        },
      },
    };
  };

  const server = await startLoopbackServer(handle, { maxBodyBytes: 64 * 1024 });
  return {
    ...emulatorBase(server, hub, devices),
    sends,
    unregister(token) {
      unregistered.add(token);
    },
    failNext(code, reason = DESCRIPTIONS[code] ?? 'forced') {
      forced = { code, reason };
    },
  };
}

const traceId = (): string => `Xcm${randomBytes(12).toString('hex')}`;
