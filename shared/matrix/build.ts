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
import { countsForDelivery, isSilentPass } from '../runs/delivery';
import { matrixColumns } from './columns';
import { quotaTail, throttleHint } from './hints';
import { cellStatusSeverity, emptyCounts, isWaivable, percentile } from './stats';
import {
  VENDOR_GROUPS,
  type CellStatus,
  type CellWaiver,
  type MatrixAttempt,
  type MatrixBasis,
  type MatrixCell,
  type MatrixColumn,
  type MatrixPhone,
  type Rollup,
  type RunMatrix,
  type SignOff,
  type VendorGroup,
} from './types';
import { vendorGroupOf } from './vendor-group';

export type { MatrixAttempt } from './types';

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

/** Waivers by cell. */
export function waiverMap(list: readonly CellWaiver[]): ReadonlyMap<string, CellWaiver> {
  return new Map(list.map((w) => [cellKey(w.serial, w.scenarioId), w]));
}

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
  readonly profile: AppProfile;
  readonly dnd: boolean | null;
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
  const { phone, column } = ctx;
  const hint = throttleHint({
    status: status ?? 'pending',
    reasonKey: reason?.key ?? null,
    column,
    scenario: scenarioById(column.scenarioId),
    channel: phone.channel,
    profile: ctx.profile,
    inQuotaTail: sorted.some((a) => ctx.tail.has(a.id)),
    dnd: ctx.dnd,
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

/** What one phone's cells are built with besides its attempts. */
export interface PhoneCellsContext {
  readonly columns: readonly MatrixColumn[];
  readonly waivers: ReadonlyMap<string, CellWaiver>;
  readonly profile: AppProfile;
  readonly dnd: Readonly<Record<string, boolean | null>>;
}

/**
 * One phone's cells, in column order, from all its attempts: the quota tail is the phone's, so a
 * verdict on one cell can change another cell's hint (applyAttempt rebuilds a phone's row with it).
 */
export function phoneCells(
  phone: MatrixPhone,
  own: readonly MatrixAttempt[],
  ctx: PhoneCellsContext,
): MatrixCell[] {
  const tail = quotaTail(own);
  const byScenario = groupBy(own, (a) => a.scenarioId);
  const dnd = Object.hasOwn(ctx.dnd, phone.serial) ? (ctx.dnd[phone.serial] ?? null) : null;
  const cells: MatrixCell[] = [];
  for (const column of ctx.columns) {
    const attempts = byScenario.get(column.scenarioId);
    if (attempts === undefined) continue;
    const waiver = ctx.waivers.get(cellKey(phone.serial, column.scenarioId));
    cells.push(buildCell(attempts, { phone, column, waiver, tail, profile: ctx.profile, dnd }));
  }
  return cells;
}

/** The roll-ups of a matrix's cells: by vendor group, by column, in total. */
export function matrixRollups(
  phones: readonly MatrixPhone[],
  columns: readonly MatrixColumn[],
  cells: readonly MatrixCell[],
): Pick<RunMatrix, 'byGroup' | 'byColumn' | 'total'> {
  const groupOfSerial = new Map(phones.map((p) => [p.serial, p.group]));
  const byGroup: Partial<Record<VendorGroup, Rollup>> = {};
  const cellsByGroup = groupBy(cells, (c) => groupOfSerial.get(c.serial) as VendorGroup);
  for (const group of VENDOR_GROUPS) {
    const list = cellsByGroup.get(group);
    if (list !== undefined) byGroup[group] = rollupOf(list);
  }
  const cellsByColumn = groupBy(cells, (c) => c.scenarioId);
  // fromEntries defines own keys, so even an id like "__proto__" stays an ordinary key.
  const byColumn: Record<string, Rollup> = Object.fromEntries(
    columns.map((c) => [c.scenarioId, rollupOf(cellsByColumn.get(c.scenarioId) ?? [])]),
  );
  return { byGroup, byColumn, total: rollupOf(cells) };
}

export function buildMatrix(input: MatrixInput): RunMatrix {
  const phones = sortPhones(input.phones.map(toPhone));
  const phoneBySerial = new Map(phones.map((p) => [p.serial, p]));
  const known = input.attempts.filter((a) => phoneBySerial.has(a.serial));
  const columns = matrixColumns([...input.scenarioIds, ...known.map((a) => a.scenarioId)]);
  const waiverList = input.signOff?.waivers ?? input.waivers ?? [];
  const ctx: PhoneCellsContext = {
    columns,
    waivers: waiverMap(waiverList),
    profile: input.profile ?? {},
    dnd: input.dnd ?? {},
  };

  const bySerial = groupBy(known, (a) => a.serial);
  // Row order, then column order: the order the grid and the CSV read them.
  const cells = phones.flatMap((phone) => phoneCells(phone, bySerial.get(phone.serial) ?? [], ctx));
  const basis: MatrixBasis = {
    attempts: known,
    profile: ctx.profile,
    dnd: ctx.dnd,
    waivers: input.signOff ? [] : waiverList,
  };

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
    ...matrixRollups(phones, columns, cells),
    ...(input.status === 'running' ? { basis } : {}),
  };
}
