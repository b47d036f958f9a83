/**
 * The per-vendor sign-off matrix as data: rows are phones grouped by vendor, columns are
 * scenarios grouped by app state then message kind, each cell the verdicts of one phone x
 * scenario over the repeats. Built by pure functions (shared/matrix) from a stored run; the
 * renderer, the HTML/CSV reports and the CLI all read this one shape.
 */
import type { PushChannel } from '../domain/device';
import type { VerdictKind, ReasonKey } from '../runs/types';
import type { AppState, Bilingual, MessageKind, TargetChannel } from '../scenarios/types';

/** Row groups, in display order. */
export const VENDOR_GROUPS = ['xiaomi', 'huawei', 'honor', 'oppo', 'vivo', 'meizu', 'samsung', 'google', 'other-android', 'ios'] as const;
export type VendorGroup = (typeof VENDOR_GROUPS)[number];

/** What a cell shows: a verdict, or that attempts are still to run. */
export type CellStatus = VerdictKind | 'pending';

export interface MatrixPhone {
  readonly serial: string;
  readonly group: VendorGroup;
  /** Manufacturer as the phone says it (untrusted text). */
  readonly vendor: string;
  readonly model: string;
  readonly marketingName: string | null;
  readonly rom: { readonly name: string; readonly version: string | null } | null;
  readonly androidVersion: string | null;
  readonly channel: PushChannel | TargetChannel | null;
}

export interface MatrixColumn {
  readonly scenarioId: string;
  readonly state: AppState;
  readonly message: MessageKind;
  readonly title: Bilingual;
}

/** A waived failure: a lead accepted it for this sign-off, with a reason. */
export interface CellWaiver {
  readonly serial: string;
  readonly scenarioId: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** Why a result is probably the vendor's limit rather than the product's bug. */
export interface ThrottleHint {
  readonly kind: 'daily-quota' | 'quiet-hours' | 'message-class' | 'doze';
  /** Rule ids (shared/scenarios sources) behind the hint. */
  readonly rules: readonly string[];
  readonly text: Bilingual;
}

export interface MatrixCell {
  readonly serial: string;
  readonly scenarioId: string;
  /** Worst verdict over the repeats: fail > blocked > device-lost > inconclusive > pending > pass > not-run. */
  readonly status: CellStatus;
  readonly counts: Readonly<Record<CellStatus, number>>;
  readonly attempts: number;
  /** Delivered ÷ (delivered + not delivered); null when no attempt could tell. */
  readonly deliveryRate: number | null;
  readonly latencyP50Ms: number | null;
  /** Only when repeated (2+ latencies). */
  readonly latencyP95Ms: number | null;
  /** The reason of the attempt that decided `status`. */
  readonly reason: { readonly key: ReasonKey; readonly values: Readonly<Record<string, string | number>> } | null;
  /** Attempt ids, by repeat. */
  readonly attemptIds: readonly number[];
  readonly hint: ThrottleHint | null;
  readonly waiver: CellWaiver | null;
}

export interface Rollup {
  readonly cells: number;
  /** Cells whose status is pass (waived failures counted separately) ÷ judged cells (not pending, not not-run). */
  readonly passRate: number | null;
  readonly deliveryRate: number | null;
  readonly counts: Readonly<Record<CellStatus, number>>;
  readonly waived: number;
}

export interface RunMatrix {
  readonly runId: string;
  readonly planName: string;
  /** Phones in row order (group order, then model, then serial). */
  readonly phones: readonly MatrixPhone[];
  /** Columns in order (state order of APP_STATES, then message kind, then catalog order). */
  readonly columns: readonly MatrixColumn[];
  /** Every phone x column with attempts; a missing key means the scenario was not in the run for that phone. */
  readonly cells: readonly MatrixCell[];
  readonly byGroup: Readonly<Partial<Record<VendorGroup, Rollup>>>;
  readonly byColumn: Readonly<Record<string, Rollup>>;
  readonly total: Rollup;
}

/** One cell compared between two runs. */
export interface CellChange {
  readonly serial: string;
  readonly scenarioId: string;
  readonly kind: 'regressed' | 'recovered' | 'slower' | 'faster' | 'changed' | 'new' | 'gone';
  readonly before: CellStatus | null;
  readonly after: CellStatus | null;
  readonly latencyBeforeMs: number | null;
  readonly latencyAfterMs: number | null;
  /** Doctor checks that changed on that phone between the runs (may explain the change). */
  readonly drift: readonly { readonly checkId: string; readonly before: string | null; readonly after: string | null }[];
}

export interface RunComparison {
  readonly before: string;
  readonly after: string;
  /** Latency change that counts as slower/faster, in ms and as a ratio (both must be exceeded). */
  readonly threshold: { readonly ms: number; readonly ratio: number };
  readonly changes: readonly CellChange[];
}

export interface SignOff {
  readonly runId: string;
  readonly by: string;
  readonly at: string;
  readonly note: string;
  readonly waivers: readonly CellWaiver[];
}
