/**
 * A loopback stand-in for Tencent IM's REST API (sendmsg, send_group_msg, account_import and
 * query_online_status). It checks what the real API checks (query parameters, an admin UserSig for
 * this app that has not expired, body shape, known accounts and groups) and answers with the
 * documented shapes and ErrorCodes. Accepted messages are recorded and handed to `onMessage`
 * listeners (the router delivers them to virtual phones); imported nicknames are kept.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyUserSig } from '../../../electron/lab/push/tencent/usersig';
import type {
  AccountImportRequest,
  C2CMessage,
  GroupMessage,
  TencentOnlineStatus,
} from '../../../electron/lab/push/tencent/types';
import { c2cBodyProblem, groupBodyProblem, importBodyProblem, statusQueryProblem } from './validate-body';

export interface TencentEmulatorOptions {
  readonly sdkAppId: number;
  readonly secretKey: string;
  readonly adminIdentifier: string;
  /** 0 or absent: a free port on 127.0.0.1. */
  readonly port?: number;
  /** Imported user IDs; the admin is always one. Absent: every account exists. */
  readonly accounts?: readonly string[];
  /** Existing groups and their members. */
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  /** Epoch ms; for UserSig expiry and MsgTime. */
  readonly now?: () => number;
  /** What query_online_status answers for an existing account; default 'PushOnline'. */
  readonly presence?: (account: string) => TencentOnlineStatus;
}

export type SentMessage =
  | {
      readonly kind: 'c2c';
      readonly from: string;
      readonly to: string;
      readonly msgKey: string;
      readonly msgTime: number;
      readonly body: C2CMessage;
    }
  | {
      readonly kind: 'group';
      readonly from: string;
      readonly groupId: string;
      readonly msgSeq: number;
      readonly msgTime: number;
      readonly body: GroupMessage;
    };

export interface TencentEmulator {
  /** Base URL to give the client, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly received: SentMessage[];
  /** Every request seen, accepted or not (path and query, for assertions). */
  readonly requests: { readonly path: string; readonly query: Readonly<Record<string, string>> }[];
  onMessage(listener: (message: SentMessage) => void): () => void;
  /** Nicknames set by account_import, by user ID (live: later imports show up). */
  readonly nicknames: ReadonlyMap<string, string>;
  /** Every accepted account_import body, in order. */
  readonly imports: readonly AccountImportRequest[];
  /** Delays every answer (to test client timeouts). */
  setResponseDelay(ms: number): void;
  close(): Promise<void>;
}

interface Answer {
  readonly ErrorCode: number;
  readonly ErrorInfo: string;
  readonly [extra: string]: unknown;
}
const fail = (code: number, info: string): Answer => ({ ErrorCode: code, ErrorInfo: info });

const COMMANDS = {
  '/v4/openim/sendmsg': 'c2c',
  '/v4/group_open_http_svc/send_group_msg': 'group',
  '/v4/im_open_login_svc/account_import': 'import',
  '/v4/openim/query_online_status': 'status',
} as const;
type Kind = (typeof COMMANDS)[keyof typeof COMMANDS];
/** ErrorCodes each API uses for a body that is not JSON / a non-admin caller. */
const NOT_JSON: Record<Kind, number> = { c2c: 90001, group: 10011, import: 60003, status: 60003 };
const NOT_ADMIN: Record<Kind, [number, string]> = {
  c2c: [90009, 'request requires app admin permission'],
  group: [10007, 'no permission: app admin required'],
  import: [70403, 'request requires app admin permission'],
  status: [70403, 'request requires app admin permission'],
};
const MAX_BODY = 64 * 1024;

/** Starts the emulator on 127.0.0.1. */
export async function startTencentEmulator(options: TencentEmulatorOptions): Promise<TencentEmulator> {
  const now = options.now ?? Date.now;
  const accounts = options.accounts ? new Set([...options.accounts, options.adminIdentifier]) : undefined;
  const groups = new Map(Object.entries(options.groups ?? {}).map(([id, members]) => [id, new Set(members)]));
  const received: SentMessage[] = [];
  const nicknames = new Map<string, string>();
  const imports: AccountImportRequest[] = [];
  const requests: TencentEmulator['requests'] = [];
  const listeners = new Set<(m: SentMessage) => void>();
  const groupSeq = new Map<string, number>();
  let c2cSeq = 0;
  let delayMs = 0;
  const exists = (id: string): boolean => !accounts || accounts.has(id);

  const authProblem = (q: URLSearchParams, kind: Kind): Answer | undefined => {
    if (q.get('contenttype') !== 'json') return fail(60002, 'contenttype must be json');
    const random = q.get('random');
    if (random === null || !/^\d{1,10}$/.test(random) || Number(random) > 0xffffffff)
      return fail(60002, 'random must be a 32-bit unsigned integer');
    const appId = q.get('sdkappid');
    const identifier = q.get('identifier');
    if (!appId || !identifier) return fail(60012, 'sdkappid and identifier are required');
    if (appId !== String(options.sdkAppId)) return fail(70020, `sdkappid ${appId} not found`);
    const sig = q.get('usersig');
    if (!sig) return fail(70002, 'usersig is empty');
    const verdict = verifyUserSig(sig, {
      sdkAppId: options.sdkAppId,
      secretKey: options.secretKey,
      now: now(),
    });
    if (!verdict.ok) {
      if (verdict.reason === 'expired') return fail(70001, 'usersig expired');
      if (verdict.reason === 'wrong-app')
        return fail(70014, 'sdkappid in usersig does not match the request');
      return fail(70003, 'usersig invalid');
    }
    if (verdict.identifier !== identifier) return fail(70013, 'identifier does not match usersig');
    if (identifier !== options.adminIdentifier) return fail(...NOT_ADMIN[kind]);
    return undefined;
  };

  const handleC2C = (body: Record<string, unknown>): Answer => {
    const problem = c2cBodyProblem(body);
    if (problem) return fail(problem.code, problem.info);
    const msg = body as unknown as C2CMessage;
    const from = msg.From_Account ?? options.adminIdentifier;
    if (!exists(from)) return fail(90008, `From_Account ${from} does not exist`);
    if (!exists(msg.To_Account))
      return fail(20003, `To_Account ${msg.To_Account} is invalid or does not exist`);
    const msgTime = Math.floor(now() / 1000);
    c2cSeq += 1;
    const msgKey = `${msg.MsgRandom ?? 0}_${c2cSeq}_${msgTime}`;
    emit({ kind: 'c2c', from, to: msg.To_Account, msgKey, msgTime, body: msg });
    return { ErrorCode: 0, ErrorInfo: '', MsgTime: msgTime, MsgKey: msgKey };
  };

  const handleGroup = (body: Record<string, unknown>): Answer => {
    const problem = groupBodyProblem(body);
    if (problem) return fail(problem.code, problem.info);
    const msg = body as unknown as GroupMessage;
    const members = groups.get(msg.GroupId);
    if (!members) return fail(10010, `group ${msg.GroupId} does not exist or has been disbanded`);
    const from = msg.From_Account ?? options.adminIdentifier;
    if (!exists(from)) return fail(10019, `From_Account ${from} does not exist`);
    if (from !== options.adminIdentifier && !members.has(from))
      return fail(10007, `${from} is not a member of the group`);
    const msgSeq = (groupSeq.get(msg.GroupId) ?? 0) + 1;
    groupSeq.set(msg.GroupId, msgSeq);
    const msgTime = Math.floor(now() / 1000);
    emit({ kind: 'group', from, groupId: msg.GroupId, msgSeq, msgTime, body: msg });
    return { ErrorCode: 0, ErrorInfo: '', MsgTime: msgTime, MsgSeq: msgSeq };
  };

  const handleImport = (body: Record<string, unknown>): Answer => {
    const problem = importBodyProblem(body);
    if (problem) return fail(problem.code, problem.info);
    const request = body as unknown as AccountImportRequest;
    accounts?.add(request.UserID);
    // Importing again keeps the one account; a Nick given replaces the old one ("" clears it).
    if (request.Nick !== undefined) {
      if (request.Nick === '') nicknames.delete(request.UserID);
      else nicknames.set(request.UserID, request.Nick);
    }
    imports.push(request);
    return { ErrorCode: 0, ErrorInfo: '' };
  };

  const handleStatus = (body: Record<string, unknown>): Answer => {
    const problem = statusQueryProblem(body);
    if (problem) return fail(problem.code, problem.info);
    const ids = body.To_Account as string[];
    const QueryResult = ids
      .filter(exists)
      .map((id) => ({ To_Account: id, Status: options.presence?.(id) ?? 'PushOnline' }));
    const ErrorList = ids.filter((id) => !exists(id)).map((id) => ({ To_Account: id, ErrorCode: 70107 }));
    return { ErrorCode: 0, ErrorInfo: '', QueryResult, ErrorList };
  };

  const handlers: Record<Kind, (body: Record<string, unknown>) => Answer> = {
    c2c: handleC2C,
    group: handleGroup,
    import: handleImport,
    status: handleStatus,
  };

  const emit = (message: SentMessage): void => {
    received.push(message);
    for (const listener of listeners) listener(message);
  };

  const route = (req: IncomingMessage, raw: string | undefined): { status: number; answer?: Answer } => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
    const kind = (COMMANDS as Record<string, Kind | undefined>)[url.pathname];
    if (!kind) return { status: 404 };
    if (req.method !== 'POST') return { status: 200, answer: fail(60002, 'method must be POST') };
    const auth = authProblem(url.searchParams, kind);
    if (auth) return { status: 200, answer: auth };
    if (raw === undefined)
      return {
        status: 200,
        answer: fail(kind === 'c2c' ? 80002 : kind === 'group' ? 10004 : 70402, 'request body too large'),
      };
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { status: 200, answer: fail(NOT_JSON[kind], 'json parse error') };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { status: 200, answer: fail(NOT_JSON[kind], 'body must be a JSON object') };
    }
    return { status: 200, answer: handlers[kind](body as Record<string, unknown>) };
  };

  const reply = (res: ServerResponse, status: number, answer: Answer | undefined): void => {
    if (res.destroyed) return;
    if (!answer) {
      res.writeHead(status, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const full = { ActionStatus: answer.ErrorCode === 0 ? 'OK' : 'FAIL', ...answer };
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(full));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const { status, answer } = route(req, tooLarge ? undefined : Buffer.concat(chunks).toString('utf8'));
      if (delayMs > 0) setTimeout(() => reply(res, status, answer), delayMs).unref();
      else reply(res, status, answer);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    requests,
    nicknames,
    imports,
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setResponseDelay(ms) {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
