/**
 * Runs: what one attempt observed, the verdict on it, and a whole run's results. A run is
 * build x phones x scenarios x repeats; one attempt is one (phone, scenario, repeat).
 */
import type { ErrorInfo } from '../errors';
import type { TargetChannel, TextMatch } from '../scenarios/types';
import type { Diagnosis } from './diagnose';

/** The verdicts. Only 'pass' counts as proof; 'inconclusive' is never a pass. */
export const VERDICT_KINDS = ['pass', 'fail', 'blocked', 'device-lost', 'inconclusive', 'not-run'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** Why a verdict was given: a message key (see reasons.ts) and its values. */
export const REASON_KEYS = [
  'pass.shown',
  'pass.not-shown',
  'pass.shown-despite-prediction',
  'fail.not-shown-in-time',
  'fail.late',
  'fail.wrong-text',
  'fail.wrong-channel',
  'fail.wrong-sound',
  'fail.shown-when-must-not',
  'fail.wrong-redirect',
  'blocked.setup-failed',
  'device-lost.lost',
  'inconclusive.undecided',
  'inconclusive.undecided-shown',
  'inconclusive.missing-may-be-dropped',
  'inconclusive.predicted-drop',
  'inconclusive.capture-error',
  'inconclusive.read-errors',
  'inconclusive.redacted',
  'inconclusive.channel-unknown',
  'inconclusive.no-positive-control',
  'inconclusive.positive-control-missing',
  'inconclusive.before-idle',
  'inconclusive.tap-unverified',
  'not-run.not-applicable',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

export interface VerdictReason {
  readonly key: ReasonKey;
  /** Values for the key's placeholders (phone texts are untrusted: render as text). */
  readonly values: Readonly<Record<string, string | number>>;
}

/** One notification of the app under test, as the capture read it (posted after the send). */
export interface ObservedRecord {
  readonly title: string | null;
  readonly text: string | null;
  readonly channelId: string | null;
  /** 'default', a custom sound's name, or null/absent when the capture cannot tell. */
  readonly sound?: string | null;
  /** Phone epoch ms (NotificationRecord mUpdateTimeMs). */
  readonly postTime: number | null;
  /** The dump hid the texts (no --noredact): title and text are unknown, not empty. */
  readonly redacted?: boolean;
}

/** How the steps before sending went (install, login, putting the app in its state). */
export type SetupOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'failed'; readonly error: ErrorInfo }
  | { readonly kind: 'device-lost'; readonly error?: ErrorInfo };

/** What the capture returned. */
export type CaptureOutcome =
  /** Every record of the package posted after the send within the window (may be empty). */
  | { readonly kind: 'records'; readonly records: readonly ObservedRecord[] }
  /** Nothing of the package showed before the timeout; readErrors = failed reads meanwhile. */
  | { readonly kind: 'timeout'; readonly readErrors: number }
  /** The capture itself failed (DEVICE_LOST here means the phone went away). */
  | { readonly kind: 'capture-error'; readonly error: ErrorInfo };

/** Everything the verdict is judged from. */
export interface Observation {
  readonly setup: SetupOutcome;
  readonly captured: CaptureOutcome;
  /** A push that must show, sent to the same phone in the same run, did show. */
  readonly positiveControlShown?: boolean;
  /** Send-to-shown latency of the captured record (host clock). */
  readonly latencyMs?: number | null;
  /** ± on latencyMs: the clock offset's uncertainty (null/absent = not known). */
  readonly latencyUncertaintyMs?: number | null;
  /** The capture window; with latencyMs, a 'prompt' delivery later than this fails. */
  readonly timeoutMs?: number;
  /** For 'after-idle' deliveries: the phone left Doze and the capture kept watching afterwards. */
  readonly idleLeft?: boolean;
}

/** How each property of the captured record compared with the expectation. */
export type CheckStatus = 'ok' | 'mismatch' | 'unknown' | 'not-checked';

export interface VerdictDetails {
  /** A record of the app arrived (true), provably did not (false), or cannot be said (null). */
  readonly delivered: boolean | null;
  /** Middle of the possible send -> shown interval, never below 0 (shared/runs/latency.ts). */
  readonly latencyMs: number | null;
  /** Its ± (half-width); null or absent (runs stored before it existed) = not known. */
  readonly latencyUncertaintyMs?: number | null;
  /** The record the verdict is about: the match, the closest miss, or the one that must not show. */
  readonly record: ObservedRecord | null;
  readonly expected: {
    readonly title: TextMatch | null;
    readonly text: TextMatch | null;
    readonly channelId: string | null;
  } | null;
  readonly checks: {
    readonly title: CheckStatus;
    readonly text: CheckStatus;
    readonly channel: CheckStatus;
    readonly sound: CheckStatus;
  } | null;
  readonly error: ErrorInfo | null;
}

export interface Verdict {
  readonly kind: VerdictKind;
  readonly reason: VerdictReason;
  readonly details: VerdictDetails;
  /** Plan mode "diagnose": which link failed (Tencent, vendor, phone); absent in verify mode. */
  readonly diagnosis?: Diagnosis;
}

/** A phone in a run, as reports name it. */
export interface RunPhone {
  readonly serial: string;
  /** Manufacturer or brand, e.g. "Xiaomi". */
  readonly vendor: string;
  readonly model: string;
  readonly channel: TargetChannel | null;
  /** ro.product.brand when the run knew it ("Redmi"); for the display name. */
  readonly brand?: string;
  /** The name people know the phone by, when the run knew it. */
  readonly marketingName?: string;
}

/** One (phone, scenario, repeat). */
export interface AttemptResult {
  readonly serial: string;
  readonly scenarioId: string;
  /** 1-based. */
  readonly repeat: number;
  readonly verdict: Verdict;
  /** Host epoch ms. */
  readonly startedAt: number;
  readonly durationMs: number;
}

export interface RunResult {
  readonly planName: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  /** The plan's repeats per cell. */
  readonly repeats: number;
  readonly phones: readonly RunPhone[];
  readonly attempts: readonly AttemptResult[];
}
