import { describe, expect, it } from 'vitest';
import { runOutcome } from '../../../renderer/src/runs/run-outcome';

describe('run outcome badge', () => {
  it('is a plain Completed only without lost phones and blocked cells', () => {
    expect(runOutcome('completed', { 'device-lost': 0, blocked: 0 })).toBe('completed');
    expect(runOutcome('completed', { 'device-lost': 8, blocked: 2 })).toBe('completed-lost');
    expect(runOutcome('completed', { 'device-lost': 0, blocked: 3 })).toBe('completed-blocked');
    expect(runOutcome('completed', null)).toBe('completed');
  });

  it('leaves other statuses as they are', () => {
    expect(runOutcome('running', { 'device-lost': 8 })).toBe('running');
    expect(runOutcome('interrupted', { blocked: 1 })).toBe('interrupted');
  });
});
