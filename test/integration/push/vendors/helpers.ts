/** What the vendor sender tests share: a request for a catalog scenario, deps on a pinned clock, failures. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { SendError, type SendRequest, type SenderDeps } from '../../../../electron/lab/push';
import { resolveSecret } from '../../../../electron/lab/secrets/resolve-secret';
import { createLogger } from '../../../../electron/lab/util/logger';
import type { TargetChannel } from '../../../../shared/scenarios/types';
import { SCENARIOS } from '../../../../shared/scenarios';

/** 2025-11-03 10:00 China time: inside vivo's 07:00-23:00 window. */
export const START = Date.UTC(2025, 10, 3, 2, 0, 0);

export function labDeps(env: Record<string, string>): {
  deps: SenderDeps;
  lines: string[];
  clock: { now: number };
} {
  const clock = { now: START };
  const lines: string[] = [];
  const deps: SenderDeps = {
    clock: { now: () => clock.now, iso: () => new Date(clock.now).toISOString() },
    logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
    // The CLI's way: the plan names an environment variable holding the secret.
    resolveSecret: (ref) => resolveSecret(ref, { env }),
    operator: { ask: () => Promise.reject(new Error('nobody to ask')) },
  };
  return { deps, lines, clock };
}

export function scenarioRequest(id: string, channel: TargetChannel, deviceToken: string): SendRequest {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  return {
    serial: 'PHONE1',
    package: 'com.pushlab.demo',
    recipient: { account: 'qa_phone' },
    scenarioId: id,
    message: scenario.message,
    expected: { title: null, text: null, channelId: null },
    channel,
    deviceToken,
    timeoutMs: 5000,
  };
}

export async function failure(promise: Promise<unknown>): Promise<SendError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

/** Everything a send leaves behind that a person or a report could read. */
export function leftBehind(items: readonly unknown[], lines: readonly string[]): string {
  const texts = items.map((item) =>
    item instanceof SendError
      ? JSON.stringify([item.toInfo(), item.evidence, item.message, item.hint])
      : JSON.stringify(item),
  );
  return texts.join('\n') + lines.join('\n');
}

export const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
