/**
 * The per-vendor sign-off matrix as data: rows are phones grouped by vendor, columns are
 * scenarios grouped by app state then message kind, each cell the verdicts of one phone x
 * scenario over the repeats. Built by pure functions (shared/matrix) from a stored run; the
 * renderer, the HTML/CSV reports and the CLI all read this one shape.
 */
import type { PushChannel } from '../domain/device';
import { VENDOR_IDS, type VendorId } from '../vendors/vendor-table';
import type { RunStatus } from '../domain/run';
import type { VerdictKind, ReasonKey, VerdictReason } from '../runs/types';
import type { AppProfile, AppState, Bilingual, MessageKind, TargetChannel } from '../scenarios/types';

/** One attempt as the matrix needs it (no evidence, no full verdict). */
export interface MatrixAttempt {
  readonly id: number;
  readonly serial: string;
  readonly scenarioId: string;
  /** 1-based. */
  readonly repeat: number;
  /** Run order within the phone. */
  readonly ordinal: number;
  /** Null while the attempt has no verdict (pending or running). */
  readonly verdict: VerdictKind | null;
  readonly reason: VerdictReason | null;
  /** The verdict's details.delivered. */
  readonly delivered: boolean | null;
  readonly latencyMs: number | null;
}

/**
 * What a running run's matrix was built from, so that applyAttempt (apply-attempt.ts) can fold an
 * attempt event into it without reading the whole run again. Only on running runs: a finished
 * run's matrix does not change, and need not carry its attempts.
 */
export interface MatrixBasis {
  /** The attempts of the run's phones, in the order buildMatrix was given them. */
  readonly attempts: readonly MatrixAttempt[];
  readonly profile: AppProfile;
  readonly dnd: Readonly<Record<string, boolean | null>>;
  /** Waivers given without a sign-off (a sign-off's own waivers are in `signOff`). */
  readonly waivers: readonly CellWaiver[];
}

/** Row groups, in display order: the vendor groups of shared/vendors/vendor-table.ts. */
export const VENDOR_GROUPS = VENDOR_IDS;
export type VendorGroup = VendorId;

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
  /**
   * false: the id is not in this PushLab's catalog (a run from an older version). State, message
   * and title then come from the catalog scenario the id extends ("background-c2c-text~2"), else
   * from the app state the id starts with; the title is the id itself.
   */
  readonly known: boolean;
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
  /**
   * Attempts that should show and provably delivered / provably did not (not-run, undetermined
   * and "nothing may show" attempts aside).
   */
  readonly delivered: number;
  readonly notDelivered: number;
  /** Attempts that passed because nothing showed, as required (kept out of the delivery rate). */
  readonly silentAsRequired: number;
  /** Delivered ÷ (delivered + not delivered); null when no attempt could tell. */
  readonly deliveryRate: number | null;
  readonly latencyP50Ms: number | null;
  /** Only when repeated (2+ latencies). */
  readonly latencyP95Ms: number | null;
  /** The reason of the attempt that decided `status`. */
  readonly reason: {
    readonly key: ReasonKey;
    readonly values: Readonly<Record<string, string | number>>;
  } | null;
  /** Attempt ids, by repeat. */
  readonly attemptIds: readonly number[];
  readonly hint: ThrottleHint | null;
  readonly waiver: CellWaiver | null;
}

export interface Rollup {
  readonly cells: number;
  /** Cells whose status is pass (waived failures counted separately) ÷ judged cells (not pending, not not-run). */
  readonly passRate: number | null;
  /** Over attempts that should show (see MatrixCell.delivered). */
  readonly deliveryRate: number | null;
  /** Attempts that passed because nothing showed, as required. */
  readonly silentAsRequired: number;
  readonly counts: Readonly<Record<CellStatus, number>>;
  /** Cells with a waiver (they still count under their status in `counts`). */
  readonly waived: number;
  /** Cells flagged with a throttling hint (still counted under their status: never a pass). */
  readonly hinted: number;
}

export interface RunMatrix {
  readonly runId: string;
  readonly planName: string;
  /** The app under test (plan app.package); null when the stored plan does not say. */
  readonly package: string | null;
  readonly status: RunStatus;
  /** ISO times of the run. */
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** The run's sign-off when it has one (a signed run is frozen). */
  readonly signOff: SignOff | null;
  /** Phones in row order (group order, then model, then serial). */
  readonly phones: readonly MatrixPhone[];
  /** Columns in order (state order of APP_STATES, then message kind, then catalog order). */
  readonly columns: readonly MatrixColumn[];
  /** Every phone x column with attempts; a missing key means the scenario was not in the run for that phone. */
  readonly cells: readonly MatrixCell[];
  readonly byGroup: Readonly<Partial<Record<VendorGroup, Rollup>>>;
  readonly byColumn: Readonly<Record<string, Rollup>>;
  readonly total: Rollup;
  /** Present while the run is running (see MatrixBasis); absent: an attempt event means a re-read. */
  readonly basis?: MatrixBasis;
}

/** A doctor check that changed on a phone between two runs (statuses; evidence is phone text: untrusted). */
export interface DriftEntry {
  readonly checkId: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly beforeEvidence: string | null;
  readonly afterEvidence: string | null;
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
  readonly drift: readonly DriftEntry[];
}

export interface RunComparison {
  readonly before: string;
  readonly after: string;
  /** Latency change that counts as slower/faster, in ms and as a ratio (both must be exceeded). */
  readonly threshold: { readonly ms: number; readonly ratio: number };
  readonly changes: readonly CellChange[];
  /**
   * Cells only in the larger run when the other covers a subset of its cells (a re-run of some
   * cells): they were not run again, so they are carried over unchanged, never "new" or "gone".
   */
  readonly carried: number;
  /** 'backward' when the baseline (`before`) was created after `after`: compared on purpose only. */
  readonly direction: 'forward' | 'backward';
  /** Drift per phone (serial) between the runs, also for phones without a changed cell. */
  readonly drift: Readonly<Record<string, readonly DriftEntry[]>>;
}

export interface SignOff {
  readonly runId: string;
  readonly by: string;
  readonly at: string;
  readonly note: string;
  readonly waivers: readonly CellWaiver[];
}

/** A run in the history list (per app and build), newest first. */
export interface MatrixRunEntry {
  readonly runId: string;
  readonly planName: string;
  readonly status: RunStatus;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** plan app.package and build.apk (null when the plan named no build). */
  readonly package: string | null;
  readonly build: string | null;
  readonly signedOff: boolean;
}

/** What a lead submits to sign a run off; `by` and `at` of each waiver are the sign-off's. */
export interface SignOffRequest {
  readonly runId: string;
  readonly by: string;
  readonly note: string;
  readonly waivers: readonly {
    readonly serial: string;
    readonly scenarioId: string;
    readonly reason: string;
  }[];
}
