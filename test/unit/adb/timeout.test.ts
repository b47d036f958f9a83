import { describe, expect, it, vi } from 'vitest';
import { withTimeout } from '../../../electron/lab/util/timeout';
import { LabError } from '../../../electron/lab/errors';

describe('withTimeout', () => {
  it('passes a value through', async () => {
    await expect(withTimeout(Promise.resolve(42), 100, 'x')).resolves.toBe(42);
  });

  it('rejects with TIMEOUT and runs the cleanup when the deadline passes', async () => {
    const cleanup = vi.fn();
    const error = await withTimeout(new Promise(() => {}), 20, 'getprop on X', cleanup).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('TIMEOUT');
    expect((error as LabError).message).toMatch(/getprop on X did not answer/);
    expect(cleanup).toHaveBeenCalledOnce();
  });

  it('keeps the original error', async () => {
    await expect(withTimeout(Promise.reject(new Error('boom')), 100, 'x')).rejects.toThrow('boom');
  });
});
