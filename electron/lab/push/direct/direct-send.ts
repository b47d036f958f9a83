/**
 * The frame every direct vendor sender runs a send in: the evidence record, one deadline for the
 * whole send (auth + push), when the request left, and on failure a SendError with every secret
 * (app secrets, signatures, auth tokens) stripped from its texts before it is logged or kept.
 */
import { maskDeviceToken } from '../../../../shared/runs/plan';
import type { Logger } from '../../util/logger';
import { redactSecrets } from '../tencent/client';
import { SendError } from '../send-error';
import type { SendReceipt, SendRequest, SenderDeps } from '../sender-types';

export interface DirectSendContext {
  readonly evidence: Record<string, unknown>;
  /** Options for the next HTTP call: what is left of the send's deadline, and the run's signal. */
  http(): { timeoutMs: number; signal?: AbortSignal };
  /** Call just before a push request leaves; returns the time recorded as sentAt. */
  markSent(): number;
  readonly strip: (text: string) => string;
}

export interface DirectSendFrame {
  readonly kind: string;
  readonly deps: SenderDeps;
  readonly log: Logger;
  readonly secrets: Set<string>;
}

export function stripper(secrets: Set<string>): (text: string) => string {
  return (text) => redactSecrets(text, [...secrets]);
}

export async function directSend(
  frame: DirectSendFrame,
  request: SendRequest,
  base: Record<string, unknown>,
  work: (context: DirectSendContext) => Promise<{ readonly requestId: string | null }>,
): Promise<SendReceipt> {
  const evidence: Record<string, unknown> = { kind: frame.kind, ...base };
  const token = request.deviceToken;
  const redact = stripper(frame.secrets);
  // Vendors may echo the device token in their messages: it is personal data, shown masked.
  const strip =
    token === undefined || token.length < 9
      ? redact
      : (text: string): string => redact(text).split(token).join(maskDeviceToken(token));
  let sentAt: number | null = null;
  const deadline = Date.now() + request.timeoutMs;
  const context: DirectSendContext = {
    evidence,
    strip,
    http: () => ({
      timeoutMs: Math.max(1, deadline - Date.now()),
      ...(request.signal ? { signal: request.signal } : {}),
    }),
    markSent: () => {
      sentAt = frame.deps.clock.now();
      return sentAt;
    },
  };
  try {
    const receipt = await work(context);
    frame.log.info(receipt.requestId === null ? 'nothing sent' : 'sent', {
      scenarioId: request.scenarioId,
      serial: request.serial,
      ...(request.deviceToken === undefined ? {} : { device: maskDeviceToken(request.deviceToken) }),
      requestId: receipt.requestId,
    });
    return { sentAt: sentAt ?? frame.deps.clock.now(), requestId: receipt.requestId, evidence };
  } catch (error) {
    const clean = SendError.from(error, evidence, sentAt).redacted(strip);
    frame.log.warn('send failed', {
      scenarioId: request.scenarioId,
      serial: request.serial,
      code: clean.code,
      message: clean.message,
    });
    throw clean;
  }
}
