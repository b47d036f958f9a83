/**
 * Questions a run puts to a person (send the push by hand, log in on the phone). Each waits until
 * answered or the run is cancelled; the open ones travel with progress events.
 */
import { randomUUID } from 'node:crypto';
import type { OperatorPrompt } from '../../../../shared/domain/run';
import { LabError } from '../../errors';
import type { OperatorPort } from '../../push/sender-types';

export class OperatorPrompts {
  private readonly open = new Map<string, { prompt: OperatorPrompt; answer: () => void }>();

  public constructor(private readonly changed: (prompt: OperatorPrompt | null) => void) {}

  /** The port one run's sender and account actions use. */
  public port(): OperatorPort {
    return {
      ask: (prompt, signal) =>
        new Promise<void>((resolve, reject) => {
          const id = randomUUID();
          const view: OperatorPrompt = { id, serial: prompt.serial, text: prompt.text };
          const settle = (): void => {
            this.open.delete(id);
            signal?.removeEventListener('abort', onAbort);
            this.changed(null);
          };
          const onAbort = (): void => {
            settle();
            reject(
              new LabError('CANCELLED', 'The run was stopped while it waited for you.', {
                zh: { message: '运行在等待你时被停止了。' },
              }),
            );
          };
          if (signal?.aborted) return onAbort();
          signal?.addEventListener('abort', onAbort, { once: true });
          this.open.set(id, { prompt: view, answer: () => (settle(), resolve()) });
          this.changed(view);
        }),
    };
  }

  public answer(id: string): void {
    const entry = this.open.get(id);
    if (!entry) {
      throw new LabError('NOT_FOUND', 'That question was already answered or the run stopped.', {
        hint: 'Refresh the run view.',
        zh: { message: '该问题已被回答，或运行已停止。', hint: '请刷新运行视图。' },
      });
    }
    entry.answer();
  }

  public pending(): OperatorPrompt | null {
    const first = this.open.values().next();
    return first.done ? null : first.value.prompt;
  }
}
