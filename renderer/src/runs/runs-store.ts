/**
 * The run view's state: the runs list, the open run (kept live from 'runs:progress'), the open
 * attempt and its evidence, the plan being edited, and questions runs put to the operator.
 * Framework-free zustand store over the bridge.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AttemptDetail,
  OperatorPrompt,
  RunDetail,
  RunProgressEvent,
  RunSummary,
} from '../../../shared/domain/run';
import type { ErrorInfo } from '../../../shared/errors';
import type { PushLabBridge, RunEvidenceContent } from '../../../shared/ipc';
import {
  applyProgress,
  mergeSummaries,
  planProblems,
  upsertSummary,
  type PlanProblemLine,
} from './run-updates';

export type EvidenceEntry =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly content: RunEvidenceContent }
  | { readonly status: 'error'; readonly error: ErrorInfo };

export interface RunsState {
  readonly runs: readonly RunSummary[];
  readonly listError: ErrorInfo | null;
  readonly selectedRunId: string | null;
  /** The open run; null while it loads. */
  readonly detail: RunDetail | null;
  readonly detailError: ErrorInfo | null;
  readonly selectedAttemptId: number | null;
  readonly attempt: AttemptDetail | null;
  readonly attemptError: ErrorInfo | null;
  /** Evidence files of the open attempt, by evidence id. */
  readonly evidence: Readonly<Record<number, EvidenceEntry>>;
  /** The open question of each run that waits for the operator. */
  readonly prompts: Readonly<Record<string, OperatorPrompt>>;
  /** The plan as typed or loaded (sent as text: the core parses and checks it). */
  readonly draft: string;
  readonly starting: boolean;
  readonly startError: ErrorInfo | null;
  readonly problems: readonly PlanProblemLine[] | null;
  /** The virtual lab's plan, when one runs. */
  readonly demoPlan: unknown;
  /** Resume / stop requests in flight, by run id. */
  readonly busy: Readonly<Record<string, 'resuming' | 'stopping'>>;
  readonly actionError: ErrorInfo | null;
}

export interface RunsActions {
  /** Subscribes to progress and loads the list; returns the unsubscribe. */
  start(): () => void;
  loadList(): Promise<void>;
  selectRun(runId: string | null): Promise<void>;
  selectAttempt(attemptId: number | null): Promise<void>;
  loadEvidence(evidenceId: number): Promise<void>;
  setDraft(text: string): void;
  startRun(): Promise<boolean>;
  resume(runId: string): Promise<void>;
  stop(runId: string): Promise<void>;
  answer(promptId: string): Promise<void>;
  loadDemoPlan(): Promise<void>;
  /** Puts the demo plan in the editor. */
  applyDemoPlan(): void;
}

export type RunsStore = StoreApi<RunsState & RunsActions>;

function without<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

export function createRunsStore(bridge: PushLabBridge): RunsStore {
  return createStore<RunsState & RunsActions>()((set, get) => {
    /** Events for the run being loaded, applied over the loaded detail when it arrives. */
    let buffered: RunProgressEvent[] | null = null;
    let attemptFetch: Promise<void> | null = null;
    let attemptStale = false;

    const fetchAttempt = async (attemptId: number): Promise<void> => {
      const result = await bridge.invoke('runs:attempt', attemptId);
      if (get().selectedAttemptId !== attemptId) return;
      if (result.ok) set({ attempt: result.value, attemptError: null });
      else set({ attemptError: result.error });
    };

    /** Re-reads the open attempt; calls during a read are folded into one more read after it. */
    const refreshAttempt = (): void => {
      const id = get().selectedAttemptId;
      if (id === null) return;
      if (attemptFetch) {
        attemptStale = true;
        return;
      }
      attemptFetch = fetchAttempt(id).finally(() => {
        attemptFetch = null;
        if (attemptStale) {
          attemptStale = false;
          refreshAttempt();
        }
      });
    };

    const onProgress = (event: RunProgressEvent): void => {
      const state = get();
      const prompts = event.prompt
        ? { ...state.prompts, [event.runId]: event.prompt }
        : without(state.prompts, event.runId);
      let detail = state.detail;
      if (event.runId === state.selectedRunId) {
        if (buffered) buffered.push(event);
        else if (detail) detail = applyProgress(detail, event);
      }
      set({ runs: upsertSummary(state.runs, event.summary), prompts, detail });
      if (event.attempt !== null && event.attempt.id === state.selectedAttemptId) refreshAttempt();
    };

    const upsert = (summary: RunSummary): void => set({ runs: upsertSummary(get().runs, summary) });

    return {
      runs: [],
      listError: null,
      selectedRunId: null,
      detail: null,
      detailError: null,
      selectedAttemptId: null,
      attempt: null,
      attemptError: null,
      evidence: {},
      prompts: {},
      draft: '',
      starting: false,
      startError: null,
      problems: null,
      demoPlan: null,
      busy: {},
      actionError: null,

      start() {
        const off = bridge.on('runs:progress', onProgress);
        void get().loadList();
        return off;
      },

      async loadList() {
        const result = await bridge.invoke('runs:list');
        if (!result.ok) return set({ listError: result.error });
        set({ runs: mergeSummaries(get().runs, result.value), listError: null });
      },

      async selectRun(runId) {
        buffered = runId === null ? null : [];
        set({
          selectedRunId: runId,
          detail: null,
          detailError: null,
          selectedAttemptId: null,
          attempt: null,
          attemptError: null,
          evidence: {},
        });
        if (runId === null) return;
        const result = await bridge.invoke('runs:get', runId);
        if (get().selectedRunId !== runId) return;
        const events = buffered ?? [];
        buffered = null;
        if (!result.ok) return set({ detailError: result.error });
        const detail = events.reduce(applyProgress, result.value);
        set({ detail });
        upsert(detail.summary);
      },

      async selectAttempt(attemptId) {
        attemptStale = false;
        set({ selectedAttemptId: attemptId, attempt: null, attemptError: null, evidence: {} });
        if (attemptId !== null) await fetchAttempt(attemptId);
      },

      async loadEvidence(evidenceId) {
        const attemptId = get().selectedAttemptId;
        if (attemptId === null || get().evidence[evidenceId]) return;
        set({ evidence: { ...get().evidence, [evidenceId]: { status: 'loading' } } });
        const result = await bridge.invoke('runs:evidence', { attemptId, evidenceId });
        if (get().selectedAttemptId !== attemptId) return;
        const entry: EvidenceEntry = result.ok
          ? { status: 'ok', content: result.value }
          : { status: 'error', error: result.error };
        set({ evidence: { ...get().evidence, [evidenceId]: entry } });
      },

      setDraft(text) {
        set({ draft: text, problems: null, startError: null });
      },

      async startRun() {
        if (get().starting || get().draft.trim() === '') return false;
        set({ starting: true, startError: null, problems: null });
        const result = await bridge.invoke('runs:start', { plan: get().draft });
        if (!result.ok) {
          const problems = planProblems(result.error);
          set({ starting: false, problems, startError: problems ? null : result.error });
          return false;
        }
        set({ starting: false });
        await get().selectRun(result.value.runId);
        return true;
      },

      async resume(runId) {
        if (get().busy[runId]) return;
        set({ busy: { ...get().busy, [runId]: 'resuming' }, actionError: null });
        const result = await bridge.invoke('runs:resume', runId);
        set({ busy: without(get().busy, runId), actionError: result.ok ? null : result.error });
        if (result.ok) await get().selectRun(runId);
      },

      async stop(runId) {
        if (get().busy[runId]) return;
        set({ busy: { ...get().busy, [runId]: 'stopping' }, actionError: null });
        const result = await bridge.invoke('runs:cancel', runId);
        set({ busy: without(get().busy, runId), actionError: result.ok ? null : result.error });
        if (result.ok) upsert(result.value);
      },

      async answer(promptId) {
        const result = await bridge.invoke('runs:answer', promptId);
        if (!result.ok) return set({ actionError: result.error });
        const prompts = Object.fromEntries(
          Object.entries(get().prompts).filter(([, p]) => p.id !== promptId),
        );
        set({ prompts, actionError: null });
      },

      async loadDemoPlan() {
        const result = await bridge.invoke('runs:demo-plan');
        set({ demoPlan: result.ok ? result.value : null });
      },

      applyDemoPlan() {
        const plan = get().demoPlan;
        if (plan !== null && plan !== undefined) get().setDraft(`${JSON.stringify(plan, null, 2)}\n`);
      },
    };
  });
}
