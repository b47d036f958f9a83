/**
 * The sender contract the run engine drives: one push per SendRequest, whoever sends it (Tencent
 * IM REST, APNs or FCM directly, the team's own command, or a person). Receipts keep what was
 * sent as evidence, with secrets stripped; a failed send throws a LabError (a SendError, which
 * also carries evidence).
 */
import type { SimctlRunner } from '../ios/simctl/runner';
import type { PlanSender, SecretRef } from '../../../shared/runs/plan';
import type { MessageSpec, TargetChannel } from '../../../shared/scenarios/types';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';

export interface SendRequest {
  readonly serial: string;
  readonly package: string;
  readonly recipient: { readonly account: string; readonly nickname?: string };
  readonly scenarioId: string;
  readonly message: MessageSpec;
  /** What the phone should show (from the expectation), for command env vars; null = not known. */
  readonly expected: {
    readonly title: string | null;
    readonly text: string | null;
    readonly channelId: string | null;
  };
  readonly channel: TargetChannel;
  /** The phone's APNs device token / FCM registration token (plan app.tokens), for the direct senders. */
  readonly deviceToken?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface SendReceipt {
  /** Host epoch ms taken just before the request left (manual: when the operator was asked). */
  readonly sentAt: number;
  /** c2c MsgKey, "<GroupId>#<MsgSeq>", the apns-id, the FCM message name, or the command's PUSHLAB_REQUEST_ID=… line; null if none. */
  readonly requestId: string | null;
  /** Kept as the attempt's 'send' evidence: request body / command, answer, exit code, output. Secrets stripped. */
  readonly evidence: Readonly<Record<string, unknown>>;
}

export type AccountPresence = 'online' | 'push-online' | 'offline' | 'unknown';

export interface OperatorPort {
  ask(prompt: { serial: string; text: string }, signal?: AbortSignal): Promise<void>;
}

export interface Sender {
  readonly kind: PlanSender['kind'];
  send(request: SendRequest): Promise<SendReceipt>;
  /** Where the account is as the push backend sees it (Tencent query_online_status); absent = cannot tell. */
  presence?(account: string): Promise<AccountPresence>;
  /** Releases connections (APNs keeps an HTTP/2 session); called when the run stops. */
  close?(): Promise<void> | void;
}

export interface SenderDeps {
  clock: Clock;
  logger: Logger;
  resolveSecret: (ref: SecretRef) => Promise<string>;
  operator: OperatorPort;
  env?: NodeJS.ProcessEnv;
  /** Folder a relative `command` runs from (the plan's folder); default the working directory. */
  cwd?: string;
  /** The lab's simctl runner (null while xcrun does not answer), so simctl is built in one place. */
  simctl?: () => SimctlRunner | null;
}

export type { PlanSender, SecretRef };
