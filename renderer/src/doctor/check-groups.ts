/**
 * How the doctor panel orders and sums up checks: areas from the check id's prefix, status
 * counts, the worst status for the headline. Pure: no React, no DOM.
 */
import type { CheckStatus, DoctorCheck } from '../../../shared/domain/doctor';

/** Panel sections, in the order a push travels: (simulator,) app, permission, channels, interruptions, battery, vendor, push service. */
export const CHECK_AREAS = [
  'simulator',
  'app',
  'notifications',
  'channels',
  'dnd',
  'battery',
  'vendor',
  'push',
  'other',
] as const;
export type CheckArea = (typeof CHECK_AREAS)[number];

/** Worst first: the order of the summary and of the headline's choice. */
export const STATUS_SEVERITY: readonly CheckStatus[] = ['fail', 'warn', 'unknown', 'manual', 'ok'];

// Check ids are 'area.detail' or 'channel:<id>'; several spellings lead to one section.
const PREFIX_AREA: Readonly<Record<string, CheckArea>> = {
  simulator: 'simulator',
  app: 'app',
  notifications: 'notifications',
  notification: 'notifications',
  permission: 'notifications',
  channel: 'channels',
  channels: 'channels',
  dnd: 'dnd',
  zen: 'dnd',
  lockscreen: 'dnd',
  battery: 'battery',
  background: 'battery',
  doze: 'battery',
  standby: 'battery',
  data: 'battery',
  vendor: 'vendor',
  miui: 'vendor',
  autostart: 'vendor',
  push: 'push',
  pushService: 'push',
  classification: 'push',
};

/** The panel section a check belongs to. */
export function areaOf(checkId: string): CheckArea {
  const prefix = /^[^.:]+/.exec(checkId)?.[0] ?? '';
  return Object.prototype.hasOwnProperty.call(PREFIX_AREA, prefix)
    ? (PREFIX_AREA[prefix] ?? 'other')
    : 'other';
}

export interface CheckGroup {
  readonly area: CheckArea;
  readonly checks: readonly DoctorCheck[];
}

/** Checks grouped by area, areas in CHECK_AREAS order, checks in the report's order; empty areas left out. */
export function groupChecks(checks: readonly DoctorCheck[]): CheckGroup[] {
  const byArea = new Map<CheckArea, DoctorCheck[]>();
  for (const check of checks) {
    const area = areaOf(check.id);
    byArea.set(area, [...(byArea.get(area) ?? []), check]);
  }
  return CHECK_AREAS.filter((area) => byArea.has(area)).map((area) => ({
    area,
    checks: byArea.get(area) ?? [],
  }));
}

export type StatusCounts = Readonly<Record<CheckStatus, number>>;

/** How many checks have each status. */
export function countStatuses(checks: readonly DoctorCheck[]): StatusCounts {
  const counts: Record<CheckStatus, number> = { ok: 0, warn: 0, fail: 0, unknown: 0, manual: 0 };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}

/** The worst status present, or null for no checks at all. */
export function worstStatus(checks: readonly DoctorCheck[]): CheckStatus | null {
  const counts = countStatuses(checks);
  return STATUS_SEVERITY.find((status) => counts[status] > 0) ?? null;
}

/** Negative when `a` is worse than `b` (for sorting problems first). */
export function compareSeverity(a: CheckStatus, b: CheckStatus): number {
  return STATUS_SEVERITY.indexOf(a) - STATUS_SEVERITY.indexOf(b);
}
