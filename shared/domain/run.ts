/**
 * Runs as the store keeps them and the renderer shows them: a run, its phones, its attempts
 * (one phone x scenario x repeat), each attempt's steps and evidence. Values only, no behaviour.
 */
import type { ErrorInfo } from '../errors';
import type { RunPhone, Verdict, VerdictKind } from '../runs/types';

/**
 * running: a process is working on it. interrupted: the process died or was killed while it ran
 * (found on the next start); it can be resumed. completed: every attempt has a verdict.
 * cancelled: stopped by the user; it can be resumed too. failed: the run could not start at all.
 */
export const RUN_STATUSES = ['running', 'interrupted', 'completed', 'cancelled', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const ATTEMPT_STATUSES = ['pending', 'running', 'done'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** The steps of one attempt, in the order they run. */
export const STEP_NAMES = [
  'prepare',
  'positive-control',
  'enter-state',
  'send',
  'capture',
  'evidence',
  'tap',
  'judge',
  'leave-state',
  'interrupted',
] as const;
export type StepName = (typeof STEP_NAMES)[number];
export type StepStatus = 'started' | 'ok' | 'failed' | 'skipped';

/** Evidence kinds kept per attempt. Files live under the evidence folder; `path` is relative to it. */
export const EVIDENCE_KINDS = ['record', 'screenshot', 'logcat', 'doctor', 'send', 'tap', 'state'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Counts by verdict, plus attempts still to run. */
export type RunTotalsByKind = Readonly<Record<VerdictKind | 'pending' | 'running', number>>;

export interface RunSummary {
  readonly id: string;
  readonly planName: string;
  readonly status: RunStatus;
  /** ISO times. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
  readonly phones: number;
  readonly scenarios: number;
  readonly repeats: number;
  readonly attempts: number;
  readonly totals: RunTotalsByKind;
  /** Why the run failed or stopped, when it did. */
  readonly error: ErrorInfo | null;
}

export interface AttemptView {
  readonly id: number;
  readonly serial: string;
  readonly scenarioId: string;
  /** 1-based. */
  readonly repeat: number;
  readonly status: AttemptStatus;
  /** The step running now (status running), else the last one. */
  readonly step: StepName | null;
  readonly verdict: Verdict | null;
  /** Host epoch ms. */
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly latencyMs: number | null;
}

export interface StepView {
  readonly seq: number;
  readonly name: StepName;
  readonly status: StepStatus;
  /** Host epoch ms. */
  readonly at: number;
  /** Plain-language detail (phone text inside is untrusted: render as text). */
  readonly detail: string | null;
}

export interface EvidenceView {
  readonly id: number;
  readonly kind: EvidenceKind;
  /** Relative to the evidence folder; null when the evidence is inline `data`. */
  readonly path: string | null;
  /** Small JSON evidence (the record, the send receipt with secrets stripped, the state report). */
  readonly data: unknown;
  readonly at: number;
}

export interface RunDetail {
  readonly summary: RunSummary;
  readonly phones: readonly RunPhone[];
  readonly scenarioIds: readonly string[];
  readonly attempts: readonly AttemptView[];
}

export interface AttemptDetail {
  readonly attempt: AttemptView;
  readonly steps: readonly StepView[];
  readonly evidence: readonly EvidenceView[];
}

/** Pushed while a run goes: the run's summary and the attempt that changed (if one did). */
export interface RunProgressEvent {
  readonly runId: string;
  readonly summary: RunSummary;
  readonly attempt: AttemptView | null;
  /** A question for the operator (manual sender, operator login prompt); null when none waits. */
  readonly prompt: OperatorPrompt | null;
}

/** The run waits for a person: send the push by hand, log in on the phone… */
export interface OperatorPrompt {
  readonly id: string;
  readonly serial: string;
  /** Plain text (may quote the plan author's words: render as text). */
  readonly text: string;
}
