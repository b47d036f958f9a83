/**
 * Tencent IM REST client for the APIs PushLab needs: the two sending APIs, account import (to set
 * the sender's nickname) and the online-status query. Every request carries the
 * admin identifier and a UserSig signed here (cached until close to expiry); the secret key and
 * the UserSig never reach errors or logs.
 */
import { randomInt } from 'node:crypto';
import { LabError } from '../../errors';
import { systemClock, type Clock } from '../../util/clock';
import { silentLogger, type Logger } from '../../util/logger';
import { explainTencentError } from './error-codes';
import { explainTencentErrorZh } from './error-codes-zh';
import { postJson } from './http';
import { regionBaseUrl, type TencentRegion } from './regions';
import { genUserSig } from './usersig';
import type {
  AccountImportRequest,
  C2CMessage,
  C2CSendResult,
  GroupMessage,
  GroupSendResult,
  OnlineStatusResult,
  QueryOnlineStatusResponse,
  SendC2CResponse,
  SendGroupResponse,
  TencentBaseResponse,
  TencentOnlineStatus,
} from './types';

export const TENCENT_COMMANDS = {
  sendC2C: 'v4/openim/sendmsg',
  sendGroup: 'v4/group_open_http_svc/send_group_msg',
  importAccount: 'v4/im_open_login_svc/account_import',
  queryOnlineStatus: 'v4/openim/query_online_status',
} as const;

/** query_online_status takes at most this many accounts per request. */
export const MAX_STATUS_QUERY = 500;
const ONLINE_STATUSES: readonly string[] = [
  'Online',
  'PushOnline',
  'Offline',
] satisfies readonly TencentOnlineStatus[];

export interface TencentImClientOptions {
  readonly sdkAppId: number;
  readonly secretKey: string;
  readonly adminIdentifier: string;
  /** Where the REST API lives; wins over `region`. Tests point it at the loopback emulator. */
  readonly baseUrl?: string;
  /** Defaults to 'china' when no baseUrl is given. */
  readonly region?: TencentRegion;
  /** Deadline per request; default 10 s. */
  readonly timeoutMs?: number;
  /** Lifetime of each signed UserSig; default 1 day. */
  readonly userSigTtlSeconds?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Source of `random` / MsgRandom values (uint32); defaults to crypto. */
  readonly random?: () => number;
}

export interface TencentImClient {
  /** v4/openim/sendmsg: one-to-one message; resolves with the MsgKey. */
  sendC2C(message: C2CMessage): Promise<C2CSendResult>;
  /** v4/group_open_http_svc/send_group_msg: group message; resolves with the MsgSeq. */
  sendGroup(message: GroupMessage): Promise<GroupSendResult>;
  /** v4/im_open_login_svc/account_import: creates the account (or keeps it) with this nickname. */
  importAccount(account: AccountImportRequest): Promise<void>;
  /** v4/openim/query_online_status: where each account is as Tencent sees it (1-500 accounts). */
  queryOnlineStatus(accounts: readonly string[]): Promise<OnlineStatusResult>;
}

/** A refusal from Tencent IM: the LabError plus the raw ErrorCode, for callers that branch on it. */
export class TencentApiError extends LabError {
  public readonly tencentCode: number;
  public readonly command: string;

  public constructor(command: string, tencentCode: number, errorInfo: string) {
    const why = explainTencentError(tencentCode);
    const whyZh = explainTencentErrorZh(tencentCode);
    super('COMMAND_FAILED', `Tencent IM refused ${command}: ${why.meaning}`, {
      hint: why.fix,
      detail: `ErrorCode ${tencentCode}: ${errorInfo}`,
      zh: { message: `腾讯 IM 拒绝了 ${command}：${whyZh.meaning}`, hint: whyZh.fix },
    });
    this.name = 'TencentApiError';
    this.tencentCode = tencentCode;
    this.command = command;
  }
}

/** The request URL Tencent expects: base + command + the five query parameters. */
export function buildRequestUrl(
  baseUrl: string,
  command: string,
  params: { sdkAppId: number; identifier: string; userSig: string; random: number },
): URL {
  const url = new URL(command, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('sdkappid', String(params.sdkAppId));
  url.searchParams.set('identifier', params.identifier);
  url.searchParams.set('usersig', params.userSig);
  url.searchParams.set('random', String(params.random));
  url.searchParams.set('contenttype', 'json');
  return url;
}

/** Replaces every occurrence of the given secrets in `text` (error text may echo a request). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

function checkOptions(o: TencentImClientOptions): void {
  const bad = (what: string, hint: string, whatZh: string, hintZh: string): never => {
    throw new LabError('INVALID_ARGUMENT', `The Tencent IM ${what} is not valid.`, {
      hint,
      zh: { message: `腾讯 IM 的${whatZh}无效。`, hint: hintZh },
    });
  };
  if (!Number.isInteger(o.sdkAppId) || o.sdkAppId <= 0) {
    bad(
      'SDKAppID',
      'Copy the SDKAppID from the Tencent console.',
      ' SDKAppID ',
      '请从腾讯云控制台复制 SDKAppID。',
    );
  }
  if (o.secretKey.trim().length === 0)
    bad('secret key', 'Copy the secret key from the Tencent console.', '密钥', '请从腾讯云控制台复制密钥。');
  if (!/^[\x21-\x7e]{1,32}$/.test(o.adminIdentifier)) {
    bad(
      'admin identifier',
      "Use the App admin account's user ID.",
      '管理员标识',
      '请使用 App 管理员账号的用户 ID。',
    );
  }
  if (o.timeoutMs !== undefined && !(o.timeoutMs > 0))
    bad('timeout', 'Use a timeout above 0 ms.', '超时', '请使用大于 0 毫秒的超时。');
}

/** Creates a client; nothing is sent until a method is called. */
export function createTencentImClient(options: TencentImClientOptions): TencentImClient {
  checkOptions(options);
  const clock = options.clock ?? systemClock;
  const log = (options.logger ?? silentLogger).child('tencent');
  const baseUrl = options.baseUrl ?? regionBaseUrl(options.region ?? 'china');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const ttl = options.userSigTtlSeconds ?? 86_400;
  const nextRandom = options.random ?? (() => randomInt(0, 2 ** 32));
  let cached: { sig: string; renewAt: number } | undefined;

  const userSig = (): string => {
    const now = clock.now();
    if (cached && now < cached.renewAt) return cached.sig;
    const sig = genUserSig({
      sdkAppId: options.sdkAppId,
      secretKey: options.secretKey,
      identifier: options.adminIdentifier,
      expireSeconds: ttl,
      now,
    });
    // Renew with a tenth of the lifetime (at least a minute, at most an hour) to spare, so clock skew never bites.
    const margin = Math.min(3_600_000, Math.max(60_000, ttl * 100));
    cached = { sig, renewAt: Math.floor(now / 1000) * 1000 + ttl * 1000 - margin };
    return sig;
  };

  async function call<R extends TencentBaseResponse>(command: string, body: object): Promise<R> {
    const sig = userSig();
    const random = nextRandom();
    const url = buildRequestUrl(baseUrl, command, {
      sdkAppId: options.sdkAppId,
      identifier: options.adminIdentifier,
      userSig: sig,
      random,
    });
    const secrets = [options.secretKey, sig];
    log.debug('request', { command, sdkAppId: options.sdkAppId, random });
    const answer = await postJson(url, JSON.stringify(body), {
      timeoutMs,
      what: `Tencent IM ${command}`,
      whatZh: `腾讯 IM ${command}`,
    });
    if (answer.status !== 200) {
      log.warn('http status', { command, status: answer.status });
      const serverSide = answer.status >= 500;
      throw new LabError('COMMAND_FAILED', `Tencent IM answered ${command} with HTTP ${answer.status}.`, {
        hint: serverSide
          ? 'Tencent IM is having trouble: send again later.'
          : 'Check the region (base URL) setting.',
        detail: redactSecrets(answer.text.slice(0, 500), secrets),
        zh: {
          message: `腾讯 IM 以 HTTP ${answer.status} 应答了 ${command}。`,
          hint: serverSide ? '腾讯 IM 出现问题：请稍后再发送。' : '请检查地区（基础 URL）设置。',
        },
      });
    }
    const parsed = parseResponse(answer.text);
    if (!parsed) {
      throw new LabError(
        'MALFORMED_OUTPUT',
        `Tencent IM's answer to ${command} is not the documented JSON.`,
        {
          hint: "Check that the base URL points at Tencent IM's REST API.",
          detail: redactSecrets(answer.text.slice(0, 500), secrets),
          zh: { message: `腾讯 IM 对 ${command} 的应答不是文档所述的 JSON。`, hint: REST_API_HINT_ZH },
        },
      );
    }
    if (parsed.ErrorCode !== 0 || parsed.ActionStatus !== 'OK') {
      // A refused signature must not be reused on the next call.
      if (parsed.ErrorCode >= 70000 && parsed.ErrorCode < 70100) cached = undefined;
      log.warn('refused', { command, errorCode: parsed.ErrorCode });
      throw new TencentApiError(command, parsed.ErrorCode, redactSecrets(parsed.ErrorInfo, secrets));
    }
    return parsed as R;
  }

  return {
    async sendC2C(message) {
      const msgRandom = message.MsgRandom ?? nextRandom();
      const res = await call<SendC2CResponse>(TENCENT_COMMANDS.sendC2C, { ...message, MsgRandom: msgRandom });
      if (typeof res.MsgKey !== 'string' || typeof res.MsgTime !== 'number')
        throw missingField(TENCENT_COMMANDS.sendC2C, 'MsgKey/MsgTime');
      return { msgKey: res.MsgKey, msgTime: res.MsgTime, msgRandom };
    },
    async sendGroup(message) {
      const random = message.Random ?? nextRandom();
      const res = await call<SendGroupResponse>(TENCENT_COMMANDS.sendGroup, { ...message, Random: random });
      if (typeof res.MsgSeq !== 'number' || typeof res.MsgTime !== 'number')
        throw missingField(TENCENT_COMMANDS.sendGroup, 'MsgSeq/MsgTime');
      return { msgSeq: res.MsgSeq, msgTime: res.MsgTime, random };
    },
    async importAccount(account) {
      await call<TencentBaseResponse>(TENCENT_COMMANDS.importAccount, account);
    },
    async queryOnlineStatus(accounts) {
      if (accounts.length === 0 || accounts.length > MAX_STATUS_QUERY) {
        throw new LabError(
          'INVALID_ARGUMENT',
          `query_online_status takes 1 to ${MAX_STATUS_QUERY} accounts, not ${accounts.length}.`,
          {
            hint: 'Query the accounts in smaller batches.',
            zh: {
              message: `query_online_status 接受 1 到 ${MAX_STATUS_QUERY} 个账号，而不是 ${accounts.length} 个。`,
              hint: '请分成更小的批次查询账号。',
            },
          },
        );
      }
      const res = await call<QueryOnlineStatusResponse>(TENCENT_COMMANDS.queryOnlineStatus, {
        To_Account: accounts,
      });
      return readOnlineStatus(res);
    },
  };
}

/** The statuses and per-account errors of a query_online_status answer; refuses undocumented shapes. */
function readOnlineStatus(res: QueryOnlineStatusResponse): OnlineStatusResult {
  const statuses = new Map<string, TencentOnlineStatus>();
  const errors = new Map<string, number>();
  const results: unknown = res.QueryResult ?? [];
  const errorList: unknown = res.ErrorList ?? [];
  if (!Array.isArray(results) || !Array.isArray(errorList))
    throw missingField(TENCENT_COMMANDS.queryOnlineStatus, 'QueryResult/ErrorList');
  for (const entry of results as unknown[]) {
    const r = entry as { To_Account?: unknown; Status?: unknown } | null;
    if (
      typeof r?.To_Account !== 'string' ||
      typeof r.Status !== 'string' ||
      !ONLINE_STATUSES.includes(r.Status)
    ) {
      throw missingField(TENCENT_COMMANDS.queryOnlineStatus, 'a valid QueryResult entry');
    }
    statuses.set(r.To_Account, r.Status as TencentOnlineStatus);
  }
  for (const entry of errorList as unknown[]) {
    const r = entry as { To_Account?: unknown; ErrorCode?: unknown } | null;
    if (typeof r?.To_Account !== 'string' || typeof r.ErrorCode !== 'number')
      throw missingField(TENCENT_COMMANDS.queryOnlineStatus, 'a valid ErrorList entry');
    errors.set(r.To_Account, r.ErrorCode);
  }
  return { statuses, errors };
}

function missingField(command: string, field: string): LabError {
  return new LabError('MALFORMED_OUTPUT', `Tencent IM accepted ${command} but its answer lacks ${field}.`, {
    hint: "Check that the base URL points at Tencent IM's REST API.",
    zh: { message: `腾讯 IM 接受了 ${command}，但应答中缺少 ${field}。`, hint: REST_API_HINT_ZH },
  });
}

const REST_API_HINT_ZH = '请检查基础 URL 是否指向腾讯 IM 的 REST API。';

/** The common response fields, or undefined when the text is not a Tencent answer. */
export function parseResponse(text: string): TencentBaseResponse | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if ((r.ActionStatus !== 'OK' && r.ActionStatus !== 'FAIL') || typeof r.ErrorCode !== 'number')
    return undefined;
  return { ...r, ErrorInfo: typeof r.ErrorInfo === 'string' ? r.ErrorInfo : '' } as TencentBaseResponse;
}
