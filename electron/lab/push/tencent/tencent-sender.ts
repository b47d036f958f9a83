/**
 * Sends scenario messages through Tencent IM's REST API: before a sender ID's first message it is
 * imported with its nickname (account_import: Tencent's way to set the name Android shows as the
 * title), then sendmsg or send_group_msg. The secret key is resolved on the first send and stays
 * out of receipts, errors and logs.
 */
import { LabError } from '../../errors';
import {
  createTencentImClient,
  redactSecrets,
  TencentApiError,
  type TencentImClient,
  type TencentImClientOptions,
} from './client';
import type { AccountImportRequest, TencentOnlineStatus } from './types';
import { SendError } from '../send-error';
import { buildTencentMessage } from './tencent-message';
import type {
  AccountPresence,
  PlanSender,
  SendReceipt,
  SendRequest,
  Sender,
  SenderDeps,
} from '../sender-types';

export type TencentPlanSender = Extract<PlanSender, { kind: 'tencent' }>;

/** Builds the REST client once the secret is known (tests inject one that talks to the emulator). */
export type TencentClientFactory = (options: TencentImClientOptions) => TencentImClient;

const PRESENCE: Readonly<Record<TencentOnlineStatus, AccountPresence>> = {
  Online: 'online',
  PushOnline: 'push-online',
  Offline: 'offline',
};

/**
 * Resolves like `work`, or rejects with TIMEOUT after `waitMs` (the rest of the send's `totalMs`) or
 * CANCELLED on abort; the HTTP call itself then ends on the client's own deadline.
 */
function withDeadline<T>(
  work: Promise<T>,
  waitMs: number,
  totalMs: number,
  signal: AbortSignal | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      cleanup();
      reject(
        new LabError('CANCELLED', 'The send was stopped because the run was cancelled.', {
          hint: 'Resume the run to send again.',
          zh: { message: '运行已取消，发送已停止。', hint: '继续运行即可再次发送。' },
        }),
      );
    };
    const timer = setTimeout(() => {
      cleanup();
      const seconds = Math.round(totalMs / 100) / 10;
      reject(
        new LabError('TIMEOUT', `Tencent IM did not answer within ${seconds} s.`, {
          hint: 'Check the network and the region setting, then run again.',
          zh: {
            message: `腾讯 IM 在 ${seconds} 秒内没有应答。`,
            hint: '请检查网络和地区设置，然后重新运行。',
          },
        }),
      );
    }, waitMs);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

export function createTencentSender(
  config: TencentPlanSender,
  deps: SenderDeps,
  factory: TencentClientFactory = createTencentImClient,
): Sender {
  const log = deps.logger.child('sender:tencent');
  const where =
    config.baseUrl === undefined ? { region: config.region ?? 'china' } : { baseUrl: config.baseUrl };
  let secretKey: string | undefined;
  const clients = new Map<number, TencentImClient>();
  /** Nickname last imported per sender ID ('' = none), so each ID is imported once unless it changes. */
  const imported = new Map<string, string>();

  const strip = (text: string): string => (secretKey === undefined ? text : redactSecrets(text, [secretKey]));

  /** One client per deadline (the UserSig cache lives in the client; runs use one or two deadlines). */
  const clientFor = async (timeoutMs: number): Promise<TencentImClient> => {
    // Not cached on failure: a secret fixed between attempts is picked up by the next one.
    secretKey ??= await deps.resolveSecret(config.secret);
    let client = clients.get(timeoutMs);
    if (client === undefined) {
      client = factory({
        sdkAppId: config.sdkAppId,
        adminIdentifier: config.adminIdentifier,
        secretKey,
        ...where,
        timeoutMs,
        clock: deps.clock,
        logger: deps.logger,
      });
      clients.set(timeoutMs, client);
    }
    return client;
  };

  const send = async (request: SendRequest): Promise<SendReceipt> => {
    const evidence: Record<string, unknown> = {
      kind: 'tencent',
      sdkAppId: config.sdkAppId,
      adminIdentifier: config.adminIdentifier,
      ...where,
    };
    let sentAt: number | null = null;
    const fail = (error: unknown): SendError => {
      const wrapped = SendError.from(error, evidence, sentAt);
      // The client already strips its secrets; this also covers errors raised on the way (belt and braces).
      if (secretKey === undefined || !JSON.stringify(wrapped.toInfo()).includes(secretKey)) return wrapped;
      // Keep Tencent's ErrorCode for callers that branch on it, minus the secret.
      const original = wrapped.cause;
      const cause =
        original instanceof TencentApiError
          ? new TencentApiError(
              original.command,
              original.tencentCode,
              strip((original.detail ?? '').replace(/^ErrorCode -?\d+: /, '')),
            )
          : undefined;
      return wrapped.redacted(strip, cause ?? null);
    };
    // One deadline for the whole send (secret, account import, message), as the engine allots it.
    const deadline = Date.now() + request.timeoutMs;
    const remaining = (): number => Math.max(1, deadline - Date.now());
    try {
      const built = buildTencentMessage(request.message, {
        to: request.recipient.account,
        scenarioId: request.scenarioId,
        ...(config.groupId === undefined ? {} : { groupId: config.groupId }),
      });
      evidence.command = built.kind === 'c2c' ? 'v4/openim/sendmsg' : 'v4/group_open_http_svc/send_group_msg';
      evidence.body = built.body;
      const client = await clientFor(request.timeoutMs);

      const senderId = request.message.sender.id;
      const nickname = request.message.sender.nickname ?? '';
      if (imported.get(senderId) !== nickname) {
        // Nick "" clears a nickname left from an earlier scenario, so "no nickname" really has none.
        const account: AccountImportRequest = { UserID: senderId, Nick: nickname };
        evidence.accountImport = account;
        await withDeadline(client.importAccount(account), remaining(), request.timeoutMs, request.signal);
        imported.set(senderId, nickname);
        log.info('sender account imported', { senderId, nickname: nickname === '' ? null : nickname });
      }

      sentAt = deps.clock.now();
      if (built.kind === 'c2c') {
        const result = await withDeadline(
          client.sendC2C(built.body),
          remaining(),
          request.timeoutMs,
          request.signal,
        );
        evidence.answer = result;
        log.info('sent c2c', {
          scenarioId: request.scenarioId,
          serial: request.serial,
          requestId: result.msgKey,
        });
        return { sentAt, requestId: result.msgKey, evidence };
      }
      const result = await withDeadline(
        client.sendGroup(built.body),
        remaining(),
        request.timeoutMs,
        request.signal,
      );
      evidence.answer = result;
      // Tencent pushes a group message to every member; the recipient is one of them.
      evidence.recipient = request.recipient.account;
      const requestId = `${built.body.GroupId}#${result.msgSeq}`;
      log.info('sent group message', { scenarioId: request.scenarioId, serial: request.serial, requestId });
      return { sentAt, requestId, evidence };
    } catch (error) {
      const wrapped = fail(error);
      log.warn('send failed', {
        scenarioId: request.scenarioId,
        serial: request.serial,
        code: wrapped.code,
        message: wrapped.message,
      });
      throw wrapped;
    }
  };

  return {
    kind: 'tencent',
    send,
    async presence(account) {
      const client = await clientFor(10_000);
      const { statuses, errors } = await client.queryOnlineStatus([account]);
      const status = statuses.get(account);
      if (status !== undefined) return PRESENCE[status];
      // 70107 and the like: Tencent cannot tell (the account may not exist); the send will say why.
      log.warn('presence unknown', { account, errorCode: errors.get(account) ?? null });
      return 'unknown';
    },
  };
}
