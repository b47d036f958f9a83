/**
 * Sends scenario messages straight to Mi Push (POST /v3/message/regid with
 * `Authorization: key=<AppSecret>`), to tell whether Tencent or Xiaomi's channel is at fault. The
 * AppSecret is resolved on the first send and never leaves the header: receipts, errors and logs
 * carry neither it nor a whole regId (8 characters at most). The message id (data.id) is the
 * receipt's request id; day_quota / day_acked are kept as evidence.
 */
import { maskDeviceToken, type XiaomiPlanSender } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import { checkedVendorToken } from '../direct/device-token';
import { directSend } from '../direct/direct-send';
import { refusalFor } from '../direct/refusal';
import { post } from '../net/http-post';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';
import { XIAOMI_ERRORS, XIAOMI_VENDOR } from './errors';
import { XIAOMI_ERRORS_ZH } from './errors-zh';
import { buildXiaomiMessage, XIAOMI_HOSTS, XIAOMI_SEND_PATH } from './message';

/** regIds are base64 (letters, digits, + / =), about 44-160 characters. */
export const XIAOMI_REGID = /^[A-Za-z0-9+/=_-]{20,512}$/;
const TABLE = { en: XIAOMI_ERRORS, zh: XIAOMI_ERRORS_ZH };

interface XiaomiAnswer {
  result?: unknown;
  code?: unknown;
  reason?: unknown;
  description?: unknown;
  trace_id?: unknown;
  data?: { id?: unknown; day_quota?: unknown; day_acked?: unknown };
}

export function createXiaomiSender(config: XiaomiPlanSender, deps: SenderDeps): Sender {
  const log = deps.logger.child('sender:xiaomi');
  const endpoint = new URL(XIAOMI_SEND_PATH, config.baseUrl ?? XIAOMI_HOSTS[config.region ?? 'china']);
  const secrets = new Set<string>();
  let appSecret: string | undefined;
  let sends = 0;

  const frame = { kind: 'xiaomi', deps, log, secrets };

  const send = (request: SendRequest): Promise<SendReceipt> =>
    directSend(frame, request, { endpoint: endpoint.href, package: request.package }, async (context) => {
      const { evidence, strip } = context;
      const regId = checkedVendorToken(
        request,
        {
          vendor: 'xiaomi',
          source: 'MiPushClient.getRegId()',
          pattern: XIAOMI_REGID,
        },
        evidence,
      );
      sends += 1;
      const built = buildXiaomiMessage(request.message, {
        regId,
        package: request.package,
        scenarioId: request.scenarioId,
        ...(config.channelId === undefined ? {} : { channelId: config.channelId }),
        notifyId: (Math.floor(deps.clock.now() / 1000) % 1_000_000) * 100 + (sends % 100),
      });
      evidence.messageKind = built.kind;
      if (built.dataOnlyBecause !== null) evidence.dataOnlyBecause = built.dataOnlyBecause;
      evidence.form = { ...built.form, registration_id: maskDeviceToken(regId) };
      evidence.payloadBytes = built.payloadBytes;

      if (appSecret === undefined) {
        const value = (await deps.resolveSecret(config.appSecret)).trim();
        secrets.add(value);
        appSecret = value;
      }
      context.markSent();
      const answer = await post(endpoint, new URLSearchParams(built.form).toString(), {
        headers: {
          authorization: `key=${appSecret}`,
          'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
        },
        ...context.http(),
        what: 'Mi Push',
        whatZh: '小米推送',
      });
      const body = parse(answer.text);
      const code = typeof body.code === 'number' || typeof body.code === 'string' ? String(body.code) : null;
      const id = typeof body.data?.id === 'string' && body.data.id !== '' ? body.data.id.slice(0, 200) : null;
      const traceId = typeof body.trace_id === 'string' ? body.trace_id.slice(0, 200) : null;
      const reason = typeof body.reason === 'string' ? strip(body.reason.slice(0, 300)) : null;
      evidence.answer = {
        status: answer.status,
        result: typeof body.result === 'string' ? body.result : null,
        code,
        reason,
        traceId,
        id,
        dayQuota: body.data?.day_quota ?? null,
        dayAcked: body.data?.day_acked ?? null,
      };
      if (answer.status === 200 && code === '0' && body.result === 'ok') return { requestId: id ?? traceId };
      if (code === null) {
        throw new LabError('SEND_FAILED', `Mi Push answered HTTP ${answer.status} without a result code.`, {
          hint: "Check the sender's region or base URL: it should point at Mi Push.",
          zh: {
            message: `小米推送以 HTTP ${answer.status} 应答，没有给出结果码。`,
            hint: '请检查发送器的区域或基础 URL：它应指向小米推送。',
          },
        });
      }
      const refused = refusalFor(evidence, XIAOMI_VENDOR, TABLE, code, reason);
      // A fixed secret file or variable is read again on the next send.
      if (refused.fault === 'bad-auth') appSecret = undefined;
      throw refused.error;
    });

  return { kind: 'xiaomi', send };
}

function parse(text: string): XiaomiAnswer {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as XiaomiAnswer) : {};
  } catch {
    return {};
  }
}
