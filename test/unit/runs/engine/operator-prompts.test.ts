import { describe, expect, it } from 'vitest';
import { OperatorPrompts } from '../../../../electron/lab/runs/engine/operator-prompts';

describe('OperatorPrompts', () => {
  it('publishes a question, resolves it when answered, and clears it', async () => {
    const seen: Array<string | null> = [];
    const prompts = new OperatorPrompts((p) => seen.push(p?.text ?? null));
    const waiting = prompts.port().ask({ serial: 'S', text: 'Send it now' });
    const open = prompts.pending();
    expect(open?.text).toBe('Send it now');
    prompts.answer(open!.id);
    await expect(waiting).resolves.toBeUndefined();
    expect(prompts.pending()).toBeNull();
    expect(seen).toEqual(['Send it now', null]);
    expect(() => prompts.answer(open!.id)).toThrow(/already answered/);
  });

  it('rejects a waiting question when the run is cancelled', async () => {
    const prompts = new OperatorPrompts(() => undefined);
    const controller = new AbortController();
    const waiting = prompts.port().ask({ serial: 'S', text: 'Log in' }, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(prompts.pending()).toBeNull();
  });
});
