/**
 * Builds the sign-off matrix of one run from lean stored rows. Pure: the core's MatrixService
 * feeds it from SQLite, tests feed it by hand. Public API:
 *   buildMatrix(input: MatrixInput): RunMatrix
 *   rollupOf(cells: readonly MatrixCell[]): Rollup   (e.g. for a filtered set of cells)
 *
 * A cell is one phone x scenario over its repeats:
 * - status = the worst of its attempts (order in types.ts); an attempt without a verdict is pending;
 * - delivery rate = delivered / (delivered + not delivered), not-run attempts and those that
 *   could not tell left out (as electron/lab/runs/stats.ts); latency p50 (and p95 from two
 *   latencies on) by nearest rank over the delivered attempts;
 * - reason = that of the first repeat whose verdict is the status;
 * - a waiver is attached only to a waivable cell (fail, blocked, device lost, inconclusive); the
 *   cell keeps its status and roll-ups count it as waived, never as a pass.
 * Phone and device texts pass through untouched (they are untrusted: render them as text).
 */
import { scenarioById } from '../scenarios/catalog';
import type { AppProfile, TargetChannel } from '../scenarios/types';
import type { RunStatus } from '../domain/run';
import type { VerdictKind, VerdictReason } from '../runs/types';
import { countsForDelivery, isSilentPass } from '../runs/delivery';
import { matrixColumns } from './columns';
import { quotaTail, throttleHint } from './hints';
import { cellStatusSeverity, emptyCounts, isWaivable, percentile } from './stats';
import {
  VENDOR_GROUPS,
  type CellStatus,
  type CellWaiver,
  type MatrixCell,
  type MatrixColumn,
  type MatrixPhone,
  type Rollup,
  type RunMatrix,
  type SignOff,
  type VendorGroup,
} from './types';
import { vendorGroupOf } from './vendor-group';

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

/** A run phone with what the engine stored about it (details absent for runs stored without). */
export interface MatrixPhoneInput {
  readonly serial: string;
  readonly vendor: string;
  readonly model: string;
  readonly channel: TargetChannel | null;
  readonly details?: {
    readonly brand?: string | null;
    readonly marketingName?: string | null;
    readonly rom?: { readonly name: string; readonly version: string | null } | null;
    readonly androidVersion?: string | null;
  } | null;
}

export interface MatrixInput {
  readonly runId: string;
  readonly planName: string;
  readonly package?: string | null;
  readonly status: RunStatus;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly phones: readonly MatrixPhoneInput[];
  /** The run's scenario ids; ids only seen in attempts are added. */
  readonly scenarioIds: readonly string[];
  readonly attempts: readonly MatrixAttempt[];
  /** Waivers to show (a stored sign-off's waivers are used when `signOff` is given). */
  readonly waivers?: readonly CellWaiver[];
  readonly signOff?: SignOff | null;
  /** The plan's app profile (message classes for the hints). */
  readonly profile?: AppProfile;
  /** Do Not Disturb per serial, from the run's doctor snapshots (quiet-hours hints). */
  readonly dnd?: Readonly<Record<string, boolean | null>>;
}

const cellKey = (serial: string, scenarioId: string): string => `${serial}\u0000${scenarioId}`;

function toPhone(p: MatrixPhoneInput): MatrixPhone {
  const d = p.details ?? null;
  return {
    serial: p.serial,
    group: vendorGroupOf({
      vendor: p.vendor,
      brand: d?.brand ?? null,
      model: p.model,
      romName: d?.rom?.name ?? null,
      channel: p.channel,
    }),
    vendor: p.vendor,
    model: p.model,
    marketingName: d?.marketingName ?? null,
    rom: d?.rom ? { name: d.rom.name, version: d.rom.version ?? null } : null,
    androidVersion: d?.androidVersion ?? null,
    channel: p.channel,
  };
}

const GROUP_ORDER: ReadonlyMap<VendorGroup, number> = new Map(VENDOR_GROUPS.map((g, i) => [g, i]));
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Group order, then model, then serial (code-unit order: the same everywhere). */
function sortPhones(phones: MatrixPhone[]): MatrixPhone[] {
  return phones.sort(
    (a, b) =>
      (GROUP_ORDER.get(a.group) as number) - (GROUP_ORDER.get(b.group) as number) ||
      byText(a.model, b.model) ||
      byText(a.serial, b.serial),
  );
}

interface CellContext {
  readonly phone: MatrixPhone;
  readonly column: MatrixColumn;
  readonly waiver: CellWaiver | undefined;
  readonly tail: ReadonlySet<number>;
  readonly input: MatrixInput;
}

function buildCell(attempts: readonly MatrixAttempt[], ctx: CellContext): MatrixCell {
  const sorted =
    attempts.length === 1 ? attempts : [...attempts].sort((a, b) => a.repeat - b.repeat || a.id - b.id);
  const counts = emptyCounts();
  let delivered = 0;
  let notDelivered = 0;
  let silent = 0;
  let status: CellStatus | null = null;
  let decider: MatrixAttempt | undefined;
  const latencies: number[] = [];
  for (const a of sorted) {
    const s = a.verdict ?? 'pending';
    counts[s] += 1;
    // The first repeat with the worst status decides (and gives the reason).
    if (status === null || cellStatusSeverity(s) > cellStatusSeverity(status)) {
      status = s;
      decider = a;
    }
    if (a.verdict === null || a.verdict === 'not-run') continue;
    // The rate is over pushes that should show; a required silence is counted apart.
    if (a.reason !== null && isSilentPass(a.reason.key)) silent += 1;
    if (a.reason !== null && !countsForDelivery(a.reason.key)) continue;
    if (a.delivered === true) {
      delivered += 1;
      if (a.latencyMs !== null) latencies.push(a.latencyMs);
    } else if (a.delivered === false) {
      notDelivered += 1;
    }
  }
  const reason = decider?.reason ?? null;
  const { phone, column, input } = ctx;
  const hint = throttleHint({
    status: status ?? 'pending',
    reasonKey: reason?.key ?? null,
    column,
    scenario: scenarioById(column.scenarioId),
    channel: phone.channel,
    profile: input.profile ?? {},
    inQuotaTail: sorted.some((a) => ctx.tail.has(a.id)),
    dnd:
      input.dnd !== undefined && Object.hasOwn(input.dnd, phone.serial)
        ? (input.dnd[phone.serial] ?? null)
        : null,
  });
  return {
    serial: phone.serial,
    scenarioId: column.scenarioId,
    status: status ?? 'pending',
    counts,
    attempts: sorted.length,
    delivered,
    notDelivered,
    silentAsRequired: silent,
    deliveryRate: delivered + notDelivered === 0 ? null : delivered / (delivered + notDelivered),
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: latencies.length >= 2 ? percentile(latencies, 95) : null,
    reason: reason === null ? null : { key: reason.key, values: reason.values },
    attemptIds: sorted.map((a) => a.id),
    hint,
    waiver: ctx.waiver !== undefined && status !== null && isWaivable(status) ? ctx.waiver : null,
  };
}

/** Roll-up over any set of cells (a group, a column, a filtered view). */
export function rollupOf(cells: readonly MatrixCell[]): Rollup {
  const counts = emptyCounts();
  let delivered = 0;
  let notDelivered = 0;
  let silentAsRequired = 0;
  let waived = 0;
  let hinted = 0;
  for (const c of cells) {
    counts[c.status] += 1;
    delivered += c.delivered;
    notDelivered += c.notDelivered;
    silentAsRequired += c.silentAsRequired;
    if (c.waiver !== null) waived += 1;
    if (c.hint !== null) hinted += 1;
  }
  const judged = cells.length - counts.pending - counts['not-run'];
  return {
    cells: cells.length,
    passRate: judged === 0 ? null : counts.pass / judged,
    deliveryRate: delivered + notDelivered === 0 ? null : delivered / (delivered + notDelivered),
    silentAsRequired,
    counts,
    waived,
    hinted,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
}

export function buildMatrix(input: MatrixInput): RunMatrix {
  const phones = sortPhones(input.phones.map(toPhone));
  const phoneBySerial = new Map(phones.map((p) => [p.serial, p]));
  const known = input.attempts.filter((a) => phoneBySerial.has(a.serial));
  const columns = matrixColumns([...input.scenarioIds, ...known.map((a) => a.scenarioId)]);
  const waiverList = input.signOff?.waivers ?? input.waivers ?? [];
  const waivers = new Map(waiverList.map((w) => [cellKey(w.serial, w.scenarioId), w]));

  const bySerial = groupBy(known, (a) => a.serial);
  const cells: MatrixCell[] = [];
  // Row order, then column order: the order the grid and the CSV read them.
  for (const phone of phones) {
    const own = bySerial.get(phone.serial) ?? [];
    const tail = quotaTail(own);
    const byScenario = groupBy(own, (a) => a.scenarioId);
    for (const column of columns) {
      const attempts = byScenario.get(column.scenarioId);
      if (attempts === undefined) continue;
      cells.push(
        buildCell(attempts, {
          phone,
          column,
          waiver: waivers.get(cellKey(phone.serial, column.scenarioId)),
          tail,
          input,
        }),
      );
    }
  }

  const groupOf = (serial: string): VendorGroup => (phoneBySerial.get(serial) as MatrixPhone).group;
  const byGroup: Partial<Record<VendorGroup, Rollup>> = {};
  const cellsByGroup = groupBy(cells, (c) => groupOf(c.serial));
  for (const group of VENDOR_GROUPS) {
    const list = cellsByGroup.get(group);
    if (list !== undefined) byGroup[group] = rollupOf(list);
  }
  const cellsByColumn = groupBy(cells, (c) => c.scenarioId);
  // fromEntries defines own keys, so even an id like "__proto__" stays an ordinary key.
  const byColumn: Record<string, Rollup> = Object.fromEntries(
    columns.map((c) => [c.scenarioId, rollupOf(cellsByColumn.get(c.scenarioId) ?? [])]),
  );

  return {
    runId: input.runId,
    planName: input.planName,
    package: input.package ?? null,
    status: input.status,
    createdAt: input.createdAt,
    finishedAt: input.finishedAt,
    signOff: input.signOff ?? null,
    phones,
    columns,
    cells,
    byGroup,
    byColumn,
    total: rollupOf(cells),
  };
}
