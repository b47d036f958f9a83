/**
 * What the shells (IPC handlers, CLI, web bridge) may ask of the run engine. The engine
 * (run-service.ts) implements it; handlers depend only on this.
 */
import type { AttemptDetail, RunDetail, RunProgressEvent, RunSummary } from '../../../../shared/domain/run';
import type { RunPlan } from '../../../../shared/runs/plan';
import type { RunResult } from '../../../../shared/runs/types';
import type { RunPreflight } from './preflight';

export interface StartRunOptions {
  /** Called for every progress event of this run (in addition to onProgress listeners). */
  readonly onProgress?: (event: RunProgressEvent) => void;
}

export interface RunsApi {
  /**
   * Validates the plan (shared/runs parsePlan), resolves its phones, stores the run with every
   * attempt pending, and starts it in the background. Rejects with a LabError (PLAN_INVALID,
   * NO_PHONES, …) before anything is stored when the plan cannot run.
   */
  start(plan: unknown, options?: StartRunOptions): Promise<{ readonly runId: string }>;
  /**
   * What a start would send per sender kind (phones x scenarios x repeats x senders), without
   * starting: PLAN_INVALID / DEVICE_NOT_FOUND / QUOTA_EXCEEDED as start would refuse.
   */
  preflight(plan: unknown): RunPreflight;
  /** Continues an interrupted or cancelled run: only attempts without a verdict run again. */
  resume(runId: string, options?: StartRunOptions): Promise<{ readonly runId: string }>;
  /** Stops a running run after its current steps; the run shows as cancelled and can resume. */
  cancel(runId: string): Promise<RunSummary>;
  /** Resolves when the run stops (completed, cancelled, failed). */
  settled(runId: string): Promise<RunSummary>;
  list(limit?: number): RunSummary[];
  get(runId: string): RunDetail;
  attempt(attemptId: number): AttemptDetail;
  /** The plan the run was started with (for re-running part of it). */
  plan(runId: string): RunPlan;
  /** The judged attempts as reports read them (JUnit, stats). */
  results(runId: string): RunResult;
  /** The operator did what a prompt asked (sent the push, logged in…). */
  answerPrompt(promptId: string): void;
  onProgress(listener: (event: RunProgressEvent) => void): () => void;
}
