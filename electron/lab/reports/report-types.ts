/**
 * What the reports are made from: the run's matrix, its summary and sign-off, and for each
 * failing cell the attempt that decided it (expected vs shown, the reason, a screenshot).
 */
import type { RunSummary } from '../../../shared/domain/run';
import type { Locale } from '../../../shared/i18n';
import type { MatrixCell, RunMatrix, SignOff } from '../../../shared/matrix/types';
import type { CaptureModeView } from '../../../shared/runs/capture-mode';
import type { CaptureSeen } from '../../../shared/runs/delivery';
import type { ReportDiagnosis } from './html-diagnosis';
import type { ObservedRecord, VerdictDetails, VerdictReason } from '../../../shared/runs/types';

/** The shade screenshot of a failing attempt, embedded when small enough. */
export type ReportThumbnail =
  | { readonly kind: 'image'; readonly dataUrl: string; readonly sizeBytes: number }
  /** Kept out: too large, unreadable, or past the report's image budget; `path` is relative to the evidence folder. */
  | {
      readonly kind: 'too-large' | 'unreadable' | 'skipped';
      readonly path: string;
      readonly sizeBytes: number | null;
    }
  | { readonly kind: 'none' };

export interface ReportFailure {
  readonly cell: MatrixCell;
  /** The attempt that decided the cell, when it was found. */
  readonly attempt: { readonly id: number; readonly repeat: number } | null;
  readonly reason: VerdictReason | null;
  readonly expected: VerdictDetails['expected'];
  /** The captured record the verdict is about (null: none kept with the verdict; see `seen`). */
  readonly actual: ObservedRecord | null;
  /** What the capture saw (shared/runs/delivery): only 'nothing' may be worded as "nothing captured". */
  readonly seen: CaptureSeen;
  readonly checks: VerdictDetails['checks'];
  readonly thumbnail: ReportThumbnail;
  /** How the deciding attempt was captured (events log or polling); null/absent when not recorded. */
  readonly capture?: CaptureModeView | null;
}

export interface HtmlReportInput {
  readonly matrix: RunMatrix;
  readonly summary: RunSummary;
  readonly signOff: SignOff | null;
  readonly failures: readonly ReportFailure[];
  readonly locale: Locale;
  /** When the report was made (ISO time or epoch ms). */
  readonly generatedAt: string | number;
  /** Plan mode "diagnose": every diagnosed attempt (absent or empty: no such section). */
  readonly diagnoses?: readonly ReportDiagnosis[];
}

/** Cell statuses listed under "Failures and open questions", worst first. */
export const FAILING_STATUSES = ['fail', 'blocked', 'device-lost', 'inconclusive'] as const;

/** The key of one phone x scenario in lookups. */
export const cellKey = (serial: string, scenarioId: string): string => `${serial}\u0000${scenarioId}`;
