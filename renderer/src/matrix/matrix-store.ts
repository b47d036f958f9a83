/**
 * The matrix view's state: the open run's RunMatrix (kept fresh while it runs: each attempt event
 * is folded in, see progress-fold.ts; the whole matrix is read again only when an event cannot be
 * folded, at most once per REFRESH_MS), filters, the open
 * cell, a comparison with another run, delivery history of the same plan, the doctor history
 * behind a cell, and the sign-off, export and re-run requests. Framework-free zustand store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoctorReport } from '../../../shared/domain/doctor';
import type { AttemptView, RunProgressEvent } from '../../../shared/domain/run';
import type { ErrorInfo } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n';
import type { PushLabBridge } from '../../../shared/ipc';
import { applyAttempt } from '../../../shared/matrix/apply-attempt';
import type { RunComparison, RunMatrix } from '../../../shared/matrix/types';
import { EXPORT_MIME, reportFileName } from './export-file';
import { NO_FILTERS, type MatrixFilters } from './matrix-layout';
import { foldProgress } from './progress-fold';
import { rerunPlan, type RerunTarget } from './rerun-plan';
import type { WaiverRequest } from './sign-off-form';

/** How often a running run's matrix (or its comparison) is re-read at most. */
export const REFRESH_MS = 1500;

export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: ErrorInfo };

export interface HistoryPoint {
  readonly deliveryRate: number | null;
  readonly passRate: number | null;
}

export type RerunState =
  | { readonly status: 'idle' }
  | { readonly status: 'starting'; readonly target: RerunTarget }
  | { readonly status: 'started'; readonly target: RerunTarget; readonly runId: string }
  | { readonly status: 'error'; readonly target: RerunTarget; readonly error: ErrorInfo };

export interface ExportedFile {
  readonly fileName: string;
  readonly text: string;
  readonly mime: string;
}

export interface MatrixState {
  readonly runId: string | null;
  /** The open run's matrix; null while the first read is under way (or failed). */
  readonly matrix: RunMatrix | null;
  readonly error: ErrorInfo | null;
  readonly filters: MatrixFilters;
  readonly openCell: RerunTarget | null;
  readonly compareWith: string | null;
  readonly comparison: RunComparison | null;
  readonly comparing: boolean;
  readonly compareError: ErrorInfo | null;
  /** Totals of earlier runs of the same plan, by run id. */
  readonly history: Readonly<Record<string, Loadable<HistoryPoint>>>;
  /** Each phone's doctor snapshots (for the snapshot an attempt ran under), by serial. */
  readonly doctor: Readonly<Record<string, Loadable<readonly DoctorReport[]>>>;
  readonly signing: boolean;
  readonly signError: ErrorInfo | null;
  readonly exporting: 'html' | 'csv' | null;
  readonly exportError: ErrorInfo | null;
  readonly rerun: RerunState;
}

export interface MatrixActions {
  /** Re-reads the open run's matrix while it runs; returns the unsubscribe. */
  start(): () => void;
  /** Opens a run (null: none); the same run again only refreshes it. */
  load(runId: string | null): Promise<void>;
  refresh(): Promise<void>;
  setFilters(change: Partial<MatrixFilters>): void;
  clearFilters(): void;
  selectCell(target: RerunTarget | null): void;
  compare(otherRunId: string | null): Promise<void>;
  loadHistory(runIds: readonly string[]): Promise<void>;
  loadDoctor(serial: string): Promise<void>;
  signOff(request: { by: string; note: string; waivers: readonly WaiverRequest[] }): Promise<boolean>;
  exportReport(kind: 'html' | 'csv', locale: Locale): Promise<ExportedFile | null>;
  /** Starts the open run's plan for one phone and scenario; the new run's id, or null. */
  rerunCell(target: RerunTarget, nameSuffix: string): Promise<string | null>;
}

export type MatrixStore = StoreApi<MatrixState & MatrixActions>;

const PER_RUN = {
  matrix: null,
  error: null,
  openCell: null,
  compareWith: null,
  comparison: null,
  comparing: false,
  compareError: null,
  doctor: {},
  signing: false,
  signError: null,
  exportError: null,
  rerun: { status: 'idle' },
} as const satisfies Partial<MatrixState>;

function pointOf(matrix: RunMatrix): HistoryPoint {
  return { deliveryRate: matrix.total.deliveryRate, passRate: matrix.total.passRate };
}

export function createMatrixStore(bridge: PushLabBridge): MatrixStore {
  return createStore<MatrixState & MatrixActions>()((set, get) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    // The timer re-reads the whole matrix, or only the comparison (made in the core, with doctor drift).
    let wholeMatrix = false;
    let reading: Promise<void> | null = null;
    // Attempts seen while a read is under way: folded again onto its answer, which may predate them.
    const seenDuringRead = new Set<Map<number, AttemptView>>();

    const later = (whole: boolean): void => {
      wholeMatrix ||= whole;
      if (timer !== null) return;
      // Many events come close together: one read per REFRESH_MS is enough for the eye.
      timer = setTimeout(() => {
        timer = null;
        const other = get().compareWith;
        if (wholeMatrix) void get().refresh();
        else if (other !== null) void get().compare(other);
        wholeMatrix = false;
      }, REFRESH_MS);
    };

    const show = (runId: string, matrix: RunMatrix, change: Partial<MatrixState> = {}): void => {
      set({
        ...change,
        matrix,
        history: { ...get().history, [runId]: { status: 'ok', value: pointOf(matrix) } },
      });
    };

    const read = async (runId: string): Promise<void> => {
      const seen = new Map<number, AttemptView>();
      seenDuringRead.add(seen);
      const result = await bridge.invoke('matrix:get', runId).finally(() => seenDuringRead.delete(seen));
      if (get().runId !== runId) return;
      if (!result.ok) return set({ error: result.error });
      // A verdict is never undone, so folding an attempt the answer already has changes nothing.
      let matrix = result.value;
      for (const attempt of seen.values()) matrix = applyAttempt(matrix, attempt) ?? matrix;
      show(runId, matrix, { error: null });
    };

    const onProgress = (event: RunProgressEvent): void => {
      const runId = get().runId;
      if (event.runId !== runId) return;
      if (event.attempt !== null)
        for (const seen of seenDuringRead) seen.set(event.attempt.id, event.attempt);
      const matrix = get().matrix;
      const folded = matrix === null ? null : foldProgress(matrix, event);
      if (folded === null) return later(true);
      if (folded === matrix) return;
      show(runId, folded);
      if (get().compareWith !== null) later(false);
    };

    return {
      runId: null,
      matrix: null,
      error: null,
      filters: NO_FILTERS,
      openCell: null,
      compareWith: null,
      comparison: null,
      comparing: false,
      compareError: null,
      history: {},
      doctor: {},
      signing: false,
      signError: null,
      exporting: null,
      exportError: null,
      rerun: { status: 'idle' },

      start() {
        const off = bridge.on('runs:progress', onProgress);
        return () => {
          off();
          if (timer !== null) clearTimeout(timer);
          timer = null;
        };
      },

      async load(runId) {
        if (runId === get().runId) return get().refresh();
        set({ runId, ...PER_RUN });
        if (runId !== null) await read(runId);
      },

      async refresh() {
        const runId = get().runId;
        if (runId === null) return;
        if (reading) return reading;
        reading = read(runId).finally(() => {
          reading = null;
        });
        await reading;
        const other = get().compareWith;
        if (other !== null && get().runId === runId) await get().compare(other);
      },

      setFilters(change) {
        set({ filters: { ...get().filters, ...change } });
      },

      clearFilters() {
        set({ filters: NO_FILTERS });
      },

      selectCell(target) {
        set({ openCell: target });
      },

      async compare(otherRunId) {
        const runId = get().runId;
        if (runId === null || otherRunId === null || otherRunId === runId)
          return set({ compareWith: null, comparison: null, compareError: null, comparing: false });
        const keep = get().compareWith === otherRunId ? get().comparison : null;
        set({ compareWith: otherRunId, comparison: keep, comparing: true, compareError: null });
        const result = await bridge.invoke('matrix:compare', otherRunId, runId);
        if (get().runId !== runId || get().compareWith !== otherRunId) return;
        set(
          result.ok
            ? { comparison: result.value, comparing: false }
            : { comparison: null, comparing: false, compareError: result.error },
        );
      },

      async loadHistory(runIds) {
        const wanted = runIds.filter((id) => get().history[id] === undefined);
        if (wanted.length === 0) return;
        set({
          history: {
            ...get().history,
            ...Object.fromEntries(wanted.map((id) => [id, { status: 'loading' } as const])),
          },
        });
        await Promise.all(
          wanted.map(async (id) => {
            const result = await bridge.invoke('matrix:get', id);
            const entry: Loadable<HistoryPoint> = result.ok
              ? { status: 'ok', value: pointOf(result.value) }
              : { status: 'error', error: result.error };
            set({ history: { ...get().history, [id]: entry } });
          }),
        );
      },

      async loadDoctor(serial) {
        const runId = get().runId;
        const pkg = get().matrix?.package ?? null;
        if (runId === null || pkg === null || get().doctor[serial]) return;
        set({ doctor: { ...get().doctor, [serial]: { status: 'loading' } } });
        const result = await bridge.invoke('doctor:history', serial, pkg);
        if (get().runId !== runId) return;
        const entry: Loadable<readonly DoctorReport[]> = result.ok
          ? { status: 'ok', value: result.value }
          : { status: 'error', error: result.error };
        set({ doctor: { ...get().doctor, [serial]: entry } });
      },

      async signOff(request) {
        const runId = get().runId;
        if (runId === null || get().signing) return false;
        set({ signing: true, signError: null });
        const result = await bridge.invoke('matrix:sign-off', {
          runId,
          by: request.by,
          note: request.note,
          waivers: [...request.waivers],
        });
        if (get().runId !== runId) return false;
        set({ signing: false, signError: result.ok ? null : result.error });
        if (result.ok) await get().refresh();
        return result.ok;
      },

      async exportReport(kind, locale) {
        const runId = get().runId;
        const matrix = get().matrix;
        if (runId === null || matrix === null || get().exporting !== null) return null;
        set({ exporting: kind, exportError: null });
        const result =
          kind === 'html'
            ? await bridge.invoke('reports:html', { runId, locale })
            : await bridge.invoke('reports:csv', runId);
        set({ exporting: null, exportError: result.ok ? null : result.error });
        if (!result.ok) return null;
        const text = 'html' in result.value ? result.value.html : result.value.csv;
        return { fileName: reportFileName(matrix.planName, runId, kind), text, mime: EXPORT_MIME[kind] };
      },

      async rerunCell(target, nameSuffix) {
        const runId = get().runId;
        if (runId === null || get().rerun.status === 'starting' || get().matrix?.signOff) return null;
        set({ rerun: { status: 'starting', target } });
        const fail = (error: ErrorInfo): null => {
          if (get().runId === runId) set({ rerun: { status: 'error', target, error } });
          return null;
        };
        const stored = await bridge.invoke('runs:plan', runId);
        if (!stored.ok) return fail(stored.error);
        const plan = rerunPlan(stored.value, target, nameSuffix);
        if (!plan)
          return fail({
            code: 'INTERNAL',
            message: 'The stored plan of this run could not be read.',
            hint: 'Start the run again from its plan file.',
          });
        const started = await bridge.invoke('runs:start', { plan });
        if (!started.ok) return fail(started.error);
        if (get().runId === runId) set({ rerun: { status: 'started', target, runId: started.value.runId } });
        return started.value.runId;
      },
    };
  });
}
