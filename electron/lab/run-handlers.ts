/**
 * The run view's request channels (runs:*) and the app's secret store (secrets:*), one function
 * each, like handlers.ts. Arguments arrive validated. A secret's value goes into the store and
 * never comes back: only names are returned, and no value is logged or put in an error.
 */
import type { RequestArgs, RequestChannel, RequestResult } from '../../shared/ipc';
import { approvePlan, refuseWithoutApprover, type ProgramApprover } from './approval/program-approval';
import { LabError } from './errors';
import { readEvidenceContent } from './runs/evidence-file';
import type { RunsApi } from './runs/engine/runs-api';
import type { SecretStore } from './secrets/secret-store';
import { isPushTokenSecretName } from './secrets/push-token-book';
import type { VirtualLabController } from './virtual-lab-port';

type RunChannel = Extract<RequestChannel, `runs:${string}` | `secrets:${string}`>;
export type RunHandlers = { [C in RunChannel]: (...args: RequestArgs<C>) => Promise<RequestResult<C>> };

/** The part of the run engine the window may reach (`plan` where the engine keeps plans). */
export type WindowRunsApi = Pick<
  RunsApi,
  'start' | 'resume' | 'cancel' | 'list' | 'get' | 'attempt' | 'answerPrompt'
> &
  Partial<Pick<RunsApi, 'plan'>>;

export interface RunHandlerServices {
  readonly runs: WindowRunsApi;
  /** The encrypted store; absent where the shell has none (CLI, plain web UI). */
  readonly secrets: SecretStore | undefined;
  /** The evidence folder; stored evidence paths are relative to it. */
  readonly evidenceRoot: string;
  readonly virtualLab: VirtualLabController | undefined;
  /** Asks a person before a plan from the window runs a program or reads files; absent = refuse such plans. */
  readonly approver?: ProgramApprover;
}

function requireSecrets(store: SecretStore | undefined): SecretStore {
  if (!store) {
    throw new LabError('NOT_FOUND', 'This PushLab has no encrypted secret store.', {
      hint: 'Stored secrets need the PushLab app. Here, point the plan at { "env": "NAME" } or { "file": "PATH" } instead.',
      zh: {
        message: '这个 PushLab 没有加密的密钥存储。',
        hint: '已保存的密钥需要 PushLab 应用。在这里请让计划改用 { "env": "NAME" } 或 { "file": "PATH" }。',
      },
    });
  }
  return store;
}

export function createRunHandlers(s: RunHandlerServices): RunHandlers {
  const approver = s.approver ?? refuseWithoutApprover;
  return {
    // These channels serve the window only (the CLI calls the engine itself): a plan that runs a
    // program or reads files waits for a person's yes, so a compromised page cannot run one silently.
    'runs:start': async ({ plan }) => s.runs.start(await approvePlan(approver, plan, 'start')),
    'runs:list': async () => s.runs.list(),
    'runs:get': async (runId) => s.runs.get(runId),
    'runs:attempt': async (attemptId) => s.runs.attempt(attemptId),
    'runs:resume': async (runId) => {
      // A stored plan runs again: ask as for a new one (where the engine keeps plans).
      if (s.runs.plan) await approvePlan(approver, s.runs.plan(runId), 'resume', runId);
      return s.runs.resume(runId);
    },
    'runs:cancel': async (runId) => s.runs.cancel(runId),
    'runs:answer': async (promptId) => {
      s.runs.answerPrompt(promptId);
      return null;
    },
    'runs:evidence': async ({ attemptId, evidenceId }) => {
      const evidence = s.runs.attempt(attemptId).evidence.find((e) => e.id === evidenceId);
      if (!evidence) {
        throw new LabError('NOT_FOUND', `Attempt ${attemptId} has no evidence ${evidenceId}.`, {
          hint: 'Reopen the attempt to see its evidence.',
          zh: {
            message: `尝试 ${attemptId} 没有证据 ${evidenceId}。`,
            hint: '请重新打开该尝试查看它的证据。',
          },
        });
      }
      return readEvidenceContent(s.evidenceRoot, evidence);
    },
    'runs:demo-plan': async () => s.virtualLab?.demoPlan?.() ?? null,
    'runs:plan': async (runId) => {
      if (!s.runs.plan) {
        throw new LabError('NOT_FOUND', 'This PushLab does not keep run plans.', {
          hint: 'Start the run again from its plan file.',
          zh: { message: '这个 PushLab 不保存运行计划。', hint: '请从计划文件重新开始运行。' },
        });
      }
      return s.runs.plan(runId);
    },
    // The token book's entries (push-token-book.ts) are the lab's, not credentials to pick in a plan.
    'secrets:names': async () =>
      (await requireSecrets(s.secrets).names()).filter((n) => !isPushTokenSecretName(n)),
    'secrets:set': async ({ name, value }) => {
      await requireSecrets(s.secrets).set(name, value);
      return null;
    },
    'secrets:delete': async (name) => requireSecrets(s.secrets).delete(name),
  };
}
