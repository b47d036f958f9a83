/**
 * A loopback stand-in for Flyme Push's pushByPushId (notification message): checks appId, the MD5
 * sign over the sorted parameters and the AppSecret (1006), the messageJson (title 1-32, content
 * 1-100 characters, noticeMsgType 0/1: 1005), at most 100 pushIds, the daily limit of public (公信)
 * messages (110011), and each pushId (110003 unknown or another app's, 110002 unsubscribed), which
 * a "200" answer lists under its code in `value`. Answers are Meizu's {code, message, value, msgId}.
 */
import { randomBytes } from 'node:crypto';
import { MEIZU_MAX } from '../../../electron/lab/push/meizu/message';
import { meizuSign } from '../../../electron/lab/push/meizu/sign';
import {
  pushHub,
  chinaTime,
  type VendorEmulator,
  type VendorEmulatorOptions,
  emulatorBase,
} from '../vendor-push/types';
import { startLoopbackServer, type LoopbackReply, type LoopbackRequest } from '../http/loopback-server';

export const MEIZU_PATH = '/garcia/api/server/push/varnished/pushByPushId';

export interface MeizuServerOptions extends VendorEmulatorOptions {
  readonly app: { readonly appId: string; readonly appSecret: string; readonly package: string };
  /** Public (noticeMsgType 0) messages the app may send a day (China time); default unlimited. */
  readonly dailyPublicLimit?: number;
}

export interface MeizuServer extends VendorEmulator {
  /** Every request's code (a refused pushId as "200/<code>"). */
  readonly sends: readonly string[];
  unsubscribe(token: string): void;
  failNext(code: string, message?: string): void;
}

const reply = (code: string, message: string, value: unknown = '', msgId?: string): LoopbackReply => ({
  status: 200,
  body: { code, message, value, redirect: '', ...(msgId === undefined ? {} : { msgId }) },
});

export async function startMeizuServer(options: MeizuServerOptions): Promise<MeizuServer> {
  const now = options.now ?? Date.now;
  const devices = new Map((options.devices ?? []).map((d) => [d.token, d]));
  const unsubscribed = new Set<string>();
  const pushes = pushHub();
  const sends: string[] = [];
  const used = new Map<number, number>();
  let forced: { code: string; message: string } | undefined;

  const push = (form: URLSearchParams): LoopbackReply => {
    const params: Record<string, string> = {};
    for (const [key, value] of form) params[key] = value;
    const { appId, pushIds, messageJson, sign } = params;
    if (!appId || !pushIds || !messageJson || !sign) return reply('110004', '参数不能为空');
    if (appId !== options.app.appId) return reply('110000', 'appId不合法');
    if (sign !== meizuSign(params, options.app.appSecret)) return reply('1006', '签名认证失败');
    if (forced !== undefined) {
      const { code, message } = forced;
      forced = undefined;
      return reply(code, message);
    }
    let message: {
      noticeBarInfo?: Record<string, unknown>;
      clickTypeInfo?: { parameters?: { ext?: unknown } };
    };
    try {
      message = JSON.parse(messageJson) as typeof message;
    } catch {
      return reply('1005', '参数错误：messageJson 不是合法的 JSON');
    }
    const bar = message.noticeBarInfo;
    const title = bar?.title;
    const content = bar?.content;
    if (typeof title !== 'string' || title === '' || [...title].length > MEIZU_MAX.title)
      return reply('1005', `参数错误：title 长度须为 1-${MEIZU_MAX.title}`);
    if (typeof content !== 'string' || content === '' || [...content].length > MEIZU_MAX.content)
      return reply('1005', `参数错误：content 长度须为 1-${MEIZU_MAX.content}`);
    const type = bar?.noticeMsgType ?? 0;
    if (type !== 0 && type !== 1) return reply('1005', '参数错误：noticeMsgType 须为 0 或 1');
    const ids = pushIds.split(',');
    if (ids.length > 100) return reply('1005', '参数错误：pushIds 最多 100 个');
    if (type === 0 && options.dailyPublicLimit !== undefined) {
      const day = chinaTime(now()).day;
      const count = used.get(day) ?? 0;
      if (count >= options.dailyPublicLimit) return reply('110011', '超过当日公信消息推送限制');
      used.set(day, count + 1);
    }
    const refused: Record<string, string[]> = {};
    const msgId = `NS${now()}${randomBytes(4).toString('hex')}`;
    const ext = message.clickTypeInfo?.parameters?.ext;
    for (const id of ids) {
      const device = devices.get(id);
      const code =
        device === undefined || device.package !== options.app.package
          ? '110003'
          : unsubscribed.has(id)
            ? '110002'
            : null;
      if (code !== null) {
        (refused[code] ??= []).push(id);
        continue;
      }
      pushes.emit({
        vendor: 'meizu',
        messageId: msgId,
        token: id,
        package: device!.package,
        title,
        kind: 'notification',
        body: content,
        channelId: null,
        messageClass: type === 1 ? 'high' : 'low',
        testMessage: false,
        ext: typeof ext === 'string' ? ext : null,
        receivedAt: now(),
        raw: { ...message },
      });
    }
    return reply('200', '', refused, msgId);
  };

  const route = (request: LoopbackRequest): LoopbackReply => {
    if (request.method !== 'POST') return reply('1005', 'method not allowed');
    if (request.path !== MEIZU_PATH)
      return { status: 404, body: { code: '500', message: 'not found', value: '' } };
    if (request.tooLarge) return reply('1005', '参数错误：请求过大');
    const answer = push(new URLSearchParams(request.body));
    const json = answer.body as { code: string; value: unknown };
    const refusedCode =
      json.code === '200' && typeof json.value === 'object'
        ? Object.keys(json.value as object)[0]
        : undefined;
    sends.push(refusedCode === undefined ? json.code : `200/${refusedCode}`);
    return answer;
  };

  const server = await startLoopbackServer(route);
  return {
    ...emulatorBase(server, pushes, devices),
    sends,
    unsubscribe: (token) => unsubscribed.add(token),
    failNext: (code, message = 'forced error') => {
      forced = { code, message };
    },
  };
}
