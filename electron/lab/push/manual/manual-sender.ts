/**
 * The operator sends the push by hand (their own console, a second phone…) and confirms; PushLab
 * then captures. Its sentAt is when the operator was asked, so latencies are upper bounds.
 */
import { SendError } from '../send-error';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';

/**
 * What to send, in the operator's words: the message's own title and text (what they type into
 * their console), else what the phone should show, else the element kind ("[image]").
 */
export function describeForOperator(request: Pick<SendRequest, 'expected' | 'message'>): string {
  const { message } = request;
  const body =
    message.push?.desc ??
    (message.kind === 'text'
      ? message.text
      : message.kind === 'custom'
        ? message.custom?.desc
        : `[${message.kind}]`);
  const title = message.push?.title;
  const own = title !== undefined && title !== '' ? `${title} / ${body ?? ''}` : (body ?? '');
  if (own.trim() !== '') return own;
  return request.expected.text ?? request.expected.title ?? `[${message.kind}]`;
}

/** The prompt the operator sees. */
export function manualPrompt(request: SendRequest): string {
  return `Send "${describeForOperator(request)}" to ${request.recipient.account} on ${request.serial} now, then confirm.`;
}

export function createManualSender(deps: SenderDeps): Sender {
  const log = deps.logger.child('sender:manual');
  return {
    kind: 'manual',
    async send(request) {
      const prompt = manualPrompt(request);
      const sentAt = deps.clock.now();
      const evidence: Record<string, unknown> = {
        kind: 'manual',
        prompt,
        askedAt: sentAt,
        note: 'sentAt is when the operator was asked, not when the push left: the latency is an upper bound.',
      };
      log.info('asking operator to send', { scenarioId: request.scenarioId, serial: request.serial });
      try {
        await deps.operator.ask({ serial: request.serial, text: prompt }, request.signal);
      } catch (error) {
        throw SendError.from(error, evidence, null);
      }
      if (request.signal?.aborted) {
        throw new SendError('CANCELLED', 'The run was cancelled while waiting for the operator to send.', {
          hint: 'Resume the run to send again.',
          zh: { message: '等待操作员发送时运行被取消。', hint: '继续运行即可再次发送。' },
          evidence,
          sentAt: null,
        });
      }
      evidence.confirmedAt = deps.clock.now();
      return { sentAt, requestId: null, evidence } satisfies SendReceipt;
    },
  };
}
