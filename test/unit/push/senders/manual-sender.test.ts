import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import { createSender } from '../../../../electron/lab/push';
import { SendError } from '../../../../electron/lab/push/send-error';
import type { OperatorPort, SendRequest, SenderDeps } from '../../../../electron/lab/push/sender-types';
import { silentLogger } from '../../../../electron/lab/util/logger';
import { SCENARIOS } from '../../../../shared/scenarios';

const message = SCENARIOS[0]?.message;
if (!message) throw new Error('catalog empty');

function setup(answer: (prompt: { serial: string; text: string }, signal?: AbortSignal) => Promise<void>) {
  let now = 1_000;
  const asked: { serial: string; text: string }[] = [];
  const operator: OperatorPort = {
    ask: async (prompt, signal) => {
      asked.push(prompt);
      now += 42_000; // the operator takes 42 s
      await answer(prompt, signal);
    },
  };
  const deps: SenderDeps = {
    clock: { now: () => now, iso: () => new Date(now).toISOString() },
    logger: silentLogger,
    resolveSecret: () => Promise.reject(new Error('unused')),
    operator,
  };
  return { sender: createSender({ kind: 'manual' }, deps), asked };
}

const request = (extra: Partial<SendRequest> = {}): SendRequest => ({
  serial: 'R58N12345',
  package: 'com.pushlab.demo',
  recipient: { account: 'qa_xiaomi' },
  scenarioId: 'background-c2c-text',
  message,
  expected: { title: 'Denny', text: 'Denny:PushLab offline check', channelId: null },
  channel: 'xiaomi',
  timeoutMs: 30_000,
  ...extra,
});

describe('manual sender', () => {
  it('asks the operator what to send to whom, and takes sentAt from when it asked', async () => {
    const { sender, asked } = setup(() => Promise.resolve());
    expect(sender.kind).toBe('manual');
    expect(sender.presence).toBeUndefined();
    const receipt = await sender.send(request());
    expect(asked).toEqual([
      {
        serial: 'R58N12345',
        text: 'Send "PushLab offline check" to qa_xiaomi on R58N12345 now, then confirm.',
      },
    ]);
    expect(receipt.sentAt).toBe(1_000);
    expect(receipt.requestId).toBeNull();
    expect(receipt.evidence).toMatchObject({ kind: 'manual', askedAt: 1_000, confirmedAt: 43_000 });
    expect(receipt.evidence.note).toMatch(/upper bound/);
  });

  it('names the title and desc override, the element kind, or else what the phone should show', async () => {
    const { sender, asked } = setup(() => Promise.resolve());
    const titled = SCENARIOS.find((s) => s.id === 'background-title-desc')?.message;
    if (!titled) throw new Error('catalog scenario missing');
    await sender.send(request({ message: titled }));
    expect(asked[0]?.text).toBe(
      'Send "PushLab title / PushLab desc" to qa_xiaomi on R58N12345 now, then confirm.',
    );
    await sender.send(request({ message: { kind: 'image', conversation: 'c2c', sender: { id: 'a' } } }));
    expect(asked[1]?.text).toBe('Send "[image]" to qa_xiaomi on R58N12345 now, then confirm.');
    await sender.send(
      request({
        message: { kind: 'custom', conversation: 'c2c', sender: { id: 'a' }, custom: { data: '{}' } },
        expected: { title: null, text: 'typing', channelId: null },
      }),
    );
    expect(asked[2]?.text).toBe('Send "typing" to qa_xiaomi on R58N12345 now, then confirm.');
  });

  it('a cancelled prompt fails the send as a LabError with evidence', async () => {
    const { sender } = setup(() =>
      Promise.reject(new LabError('CANCELLED', 'The run was cancelled.', { hint: 'Resume it.' })),
    );
    const error = await sender.send(request()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).code).toBe('CANCELLED');
    expect((error as SendError).evidence).toMatchObject({ kind: 'manual' });
  });
});
