/**
 * From the matrix store's lean rows to buildMatrix's input: attempts with their reason, phones
 * with their stored details, the plan's app profile, Do Not Disturb from the run's doctor
 * snapshots, and drift between two snapshots. A damaged stored value reads as unknown (null),
 * never as a failure of the whole matrix.
 */
import type { DoctorReport } from '../../../../shared/domain/doctor';
import type { MatrixAttempt, MatrixInput, MatrixPhoneInput } from '../../../../shared/matrix/build';
import type { DriftEntry, SignOff } from '../../../../shared/matrix/types';
import type { AppProfile } from '../../../../shared/scenarios/types';
import { computeDrift } from '../../doctor/drift';
import type {
  MatrixCellRow,
  MatrixPhoneRow,
  MatrixRepository,
  MatrixRunHead,
} from '../../store/matrix-repository';
import { parseStoredJson } from '../../store/storage-guard';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The reason's values; a damaged value reads as none (the key still says what happened). */
function reasonValues(json: string | null): Readonly<Record<string, string | number>> {
  const value = parseStoredJson<unknown>(json, null);
  if (!isObject(value)) return {};
  // fromEntries defines own keys: a value named "__proto__" stays a value.
  return Object.fromEntries(
    Object.entries(value).filter(
      (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
    ),
  );
}

export function toAttempt(row: MatrixCellRow): MatrixAttempt {
  return {
    id: row.id,
    serial: row.serial,
    scenarioId: row.scenarioId,
    repeat: row.repeat,
    ordinal: row.ordinal,
    verdict: row.verdictKind,
    reason:
      row.verdictKind === null || row.reasonKey === null
        ? null
        : { key: row.reasonKey, values: reasonValues(row.reasonValues) },
    delivered: row.delivered,
    latencyMs: row.latencyMs,
  };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function toPhoneInput(row: MatrixPhoneRow): MatrixPhoneInput {
  const d = parseStoredJson<unknown>(row.detailsJson, null);
  if (!isObject(d))
    return { serial: row.serial, vendor: row.vendor, model: row.model, channel: row.channel, details: null };
  const rom =
    isObject(d.rom) && typeof d.rom.name === 'string'
      ? { name: d.rom.name, version: text(d.rom.version) }
      : null;
  return {
    serial: row.serial,
    vendor: row.vendor,
    model: row.model,
    channel: row.channel,
    details: {
      brand: text(d.brand),
      marketingName: text(d.marketingName),
      rom,
      androidVersion: text(d.androidVersion),
    },
  };
}

/** The plan's app.push as the expectation rules' AppProfile (unknown fields and bad types dropped). */
export function profileOf(pushJson: string | null): AppProfile {
  const push = parseStoredJson<unknown>(pushJson, null);
  if (!isObject(push)) return {};
  const ids = Array.isArray(push.highClassChannelIds)
    ? push.highClassChannelIds.filter((x): x is string => typeof x === 'string')
    : undefined;
  const priority =
    push.fcmPriority === 'high' || push.fcmPriority === 'normal' ? push.fcmPriority : undefined;
  return {
    ...(ids ? { highClassChannelIds: ids } : {}),
    ...(priority ? { fcmPriority: priority } : {}),
    ...(typeof push.postsOwnNotificationInForeground === 'boolean'
      ? { postsOwnNotificationInForeground: push.postsOwnNotificationInForeground }
      : {}),
  };
}

/** The window a run's own doctor snapshots fall in. */
export function runWindow(head: MatrixRunHead): { from: string; to: string } {
  return { from: head.createdAt, to: head.finishedAt ?? head.updatedAt };
}

/** Do Not Disturb on (doctor 'dnd.mode' warns), off (ok), or unknown. */
export function dndOf(report: DoctorReport | null): boolean | null {
  const status = report?.checks.find((c) => c.id === 'dnd.mode')?.status;
  return status === 'warn' ? true : status === 'ok' ? false : null;
}

/** The doctor report of each phone nearest the run (one query per phone). */
export function snapshotsOf(
  repo: MatrixRepository,
  head: MatrixRunHead,
  serials: readonly string[],
): Map<string, DoctorReport | null> {
  const { from, to } = runWindow(head);
  return new Map(
    serials.map((s) => [s, head.package === null ? null : repo.snapshotNear(s, head.package, from, to)]),
  );
}

export function matrixInput(
  head: MatrixRunHead,
  phones: readonly MatrixPhoneRow[],
  rows: readonly MatrixCellRow[],
  signOff: SignOff | null,
  snapshots: ReadonlyMap<string, DoctorReport | null>,
): MatrixInput {
  const scenarioIds = [...new Set(rows.map((r) => r.scenarioId))];
  return {
    runId: head.id,
    planName: head.planName,
    package: head.package,
    status: head.status,
    createdAt: head.createdAt,
    finishedAt: head.finishedAt,
    phones: phones.map(toPhoneInput),
    scenarioIds,
    attempts: rows.map(toAttempt),
    signOff,
    profile: profileOf(head.pushJson),
    dnd: Object.fromEntries(phones.map((p) => [p.serial, dndOf(snapshots.get(p.serial) ?? null)])),
  };
}

/** What changed on one phone between two doctor reports (none when either is missing or they are the same). */
export function driftBetween(before: DoctorReport | null, after: DoctorReport | null): DriftEntry[] {
  if (before === null || after === null || (before.id !== null && before.id === after.id)) return [];
  return computeDrift(before.checks, after.checks).map((d) => ({
    checkId: d.checkId,
    before: d.before?.status ?? null,
    after: d.after?.status ?? null,
    beforeEvidence: d.before?.evidence ?? null,
    afterEvidence: d.after?.evidence ?? null,
  }));
}
