/** Builders for expectations and observations in the verdict tests. */
import type { ErrorInfo } from '../../../shared/errors';
import type { ObservedRecord, Observation } from '../../../shared/runs/types';
import type { Expectation } from '../../../shared/scenarios/types';

const reason = { en: 'because of the rules', zhCN: '规则如此' };

/** A 'shown' expectation: title exact "Denny", text contains "hello", channel "im". */
export function shownExpectation(overrides: Partial<Expectation> = {}): Expectation {
  return {
    outcome: 'shown',
    prediction: null,
    ifMissing: 'fail',
    needsPositiveControl: false,
    delivery: 'prompt',
    surface: 'notification',
    title: { value: 'Denny', match: 'exact' },
    text: { value: 'hello', match: 'contains' },
    channelId: 'im',
    sound: { kind: 'default' },
    tapExt: null,
    reason,
    rules: ['seed.text'],
    caveats: [],
    ...overrides,
  };
}

/** An expectation without a notification ('not-shown', 'undecided' or 'not-applicable'). */
export function quietExpectation(outcome: 'not-shown' | 'undecided' | 'not-applicable'): Expectation {
  return {
    ...shownExpectation(),
    outcome,
    ifMissing: null,
    needsPositiveControl: outcome === 'not-shown',
    delivery: null,
    surface: 'none',
    title: null,
    text: null,
    channelId: null,
    sound: { kind: 'not-checked' },
  };
}

export function record(overrides: Partial<ObservedRecord> = {}): ObservedRecord {
  return { title: 'Denny', text: 'Denny:hello', channelId: 'im', postTime: 1_700_000_000_000, ...overrides };
}

export const OK_SETUP: Observation['setup'] = { kind: 'ok' };

export function seen(records: readonly ObservedRecord[], extra: Partial<Observation> = {}): Observation {
  return {
    setup: OK_SETUP,
    captured: { kind: 'records', records },
    latencyMs: 1200,
    timeoutMs: 60_000,
    ...extra,
  };
}

export function timedOut(readErrors = 0, extra: Partial<Observation> = {}): Observation {
  return { setup: OK_SETUP, captured: { kind: 'timeout', readErrors }, timeoutMs: 60_000, ...extra };
}

export const anError = (code: ErrorInfo['code'] = 'COMMAND_FAILED'): ErrorInfo => ({
  code,
  message: `it broke (${code})`,
  hint: 'try again',
});
