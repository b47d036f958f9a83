/**
 * The web shell's program approver. The page cannot be trusted to ask (any script in it could
 * answer), so the question goes to the terminal that started `npm run web`: the person who typed
 * that command answers there. Without a terminal (stdin not a TTY: a launcher, CI) nobody can
 * answer, so such plans are refused with a pointer to the CLI and the desktop app.
 */
import { createInterface, type Interface } from 'node:readline';
import { matchLocale, translate, type Locale } from '../../shared/i18n';
import {
  approvalLines,
  nobodyToAsk,
  personRefused,
  type ProgramApprover,
} from '../lab/approval/program-approval';

export interface TerminalIo {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
  readonly locale: Locale;
}

export interface TerminalApprover {
  readonly approve: ProgramApprover;
  /** Stops listening to the terminal (pending questions are refused). */
  close(): void;
}

/** The terminal's language from LC_ALL / LC_MESSAGES / LANG ("zh_CN.UTF-8" → zh-CN). */
export function terminalLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  const tags = [env.LC_ALL, env.LC_MESSAGES, env.LANG].flatMap((value) =>
    value ? [value.split('.')[0]?.replace('_', '-') ?? ''] : [],
  );
  return matchLocale(tags);
}

/** "yes" / "y" (any case) allows; anything else, an empty line or a closed terminal refuses. */
export function isYes(answer: string): boolean {
  return /^\s*(y|yes)\s*$/i.test(answer);
}

export function createTerminalApprover(io: TerminalIo): TerminalApprover {
  let rl: Interface | null = null;
  let closed = false;
  // One question at a time: answers must not cross between two runs.
  let queue: Promise<unknown> = Promise.resolve();
  const pending = new Set<(answer: string) => void>();

  const ask = (question: string): Promise<string> =>
    new Promise((resolve) => {
      if (closed) return resolve('');
      rl ??= createInterface({ input: io.input, output: io.output, terminal: false });
      rl.once('close', () => resolve(''));
      pending.add(resolve);
      io.output.write(question);
      rl.once('line', (line) => {
        pending.delete(resolve);
        resolve(line);
      });
    });

  const approve: ProgramApprover = (request) => {
    if (!io.input.isTTY || closed) return Promise.resolve(nobodyToAsk(io.locale, request));
    const turn = queue.then(async () => {
      const lines = [
        translate(io.locale, 'approval.terminal.waiting'),
        translate(io.locale, 'approval.title'),
        ...approvalLines(io.locale, request),
      ];
      const answer = await ask(
        `\n${lines.join('\n')}\n${translate(io.locale, 'approval.terminal.question')}`,
      );
      const yes = isYes(answer);
      io.output.write(
        `${translate(io.locale, yes ? 'approval.terminal.allowed' : 'approval.terminal.refused')}\n`,
      );
      return yes ? ({ approved: true } as const) : personRefused(io.locale, request);
    });
    queue = turn.catch(() => undefined);
    return turn;
  };

  return {
    approve,
    close() {
      closed = true;
      for (const resolve of pending) resolve('');
      pending.clear();
      rl?.close();
      rl = null;
    },
  };
}
