/**
 * Pure install helpers: merging jobs (APK and simulator .app) and progress events that may arrive
 * out of order, progress bar values, per-job counts, the minSdk / minimum-iOS checks, and which
 * device gets which build. No React, no DOM.
 */
import type { DeviceView } from '../../../shared/domain/device';
import type {
  AnyInstallJob,
  ApkInfo,
  InstallItem,
  InstallPhase,
  InstallProgressEvent,
  SimulatorAppInfo,
} from '../../../shared/domain/install';
import { notSelectableReason, sortDevices, type NotSelectableReason } from '../devices/device-sort';

const PHASE_RANK: Readonly<Record<InstallPhase, number>> = {
  queued: 0,
  pushing: 1,
  installing: 2,
  done: 3,
  failed: 3,
};

/** True when the phase is final. */
export function isFinished(phase: InstallPhase): boolean {
  return phase === 'done' || phase === 'failed';
}

/**
 * Keeps the item that is further along: an event may overtake the job snapshot the
 * install:start reply carries, and a late snapshot must not roll progress back.
 */
export function mergeItem(current: InstallItem, incoming: InstallItem): InstallItem {
  const a = PHASE_RANK[current.phase];
  const b = PHASE_RANK[incoming.phase];
  if (b !== a) return b > a ? incoming : current;
  if (isFinished(current.phase)) return incoming.finishedAt && !current.finishedAt ? incoming : current;
  return incoming.bytesPushed >= current.bytesPushed ? incoming : current;
}

function mergeItems(current: readonly InstallItem[], incoming: readonly InstallItem[]): InstallItem[] {
  const bySerial = new Map(current.map((item) => [item.serial, item]));
  const merged = incoming.map((item) => {
    const existing = bySerial.get(item.serial);
    return existing ? mergeItem(existing, item) : item;
  });
  for (const item of current) if (!incoming.some((i) => i.serial === item.serial)) merged.push(item);
  return merged;
}

/** Inserts or updates a job, newest first. */
export function mergeJob<J extends AnyInstallJob>(jobs: readonly J[], job: J): J[] {
  const existing = jobs.find((j) => j.id === job.id);
  const next: J = existing
    ? {
        ...job,
        items: mergeItems(existing.items, job.items),
        finishedAt: job.finishedAt ?? existing.finishedAt,
      }
    : job;
  const rest = jobs.filter((j) => j.id !== job.id);
  return [next, ...rest].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Merges a whole list (e.g. install:jobs) into what we already hold. */
export function mergeJobs<J extends AnyInstallJob>(jobs: readonly J[], incoming: readonly J[]): J[] {
  return incoming.reduce<J[]>((acc, job) => mergeJob(acc, job), [...jobs]);
}

/** Applies one progress event; `applied` is false when the job is not known yet. */
export function applyProgress<J extends AnyInstallJob>(
  jobs: readonly J[],
  event: InstallProgressEvent,
): { jobs: J[]; applied: boolean } {
  const job = jobs.find((j) => j.id === event.jobId);
  if (!job) return { jobs: [...jobs], applied: false };
  const items = mergeItems(job.items, [event.item]);
  // Keep the job's phone order stable: mergeItems puts updated items first.
  const ordered = job.items.map((item) => items.find((i) => i.serial === item.serial) ?? item);
  if (!job.items.some((i) => i.serial === event.item.serial)) ordered.push(event.item);
  return { jobs: jobs.map((j) => (j.id === job.id ? { ...job, items: ordered } : j)), applied: true };
}

/** Values for a <progress>: `value` undefined means indeterminate (the phone is installing). */
export function progressValue(item: InstallItem): { value: number | undefined; max: number } {
  const max = item.totalBytes > 0 ? item.totalBytes : 1;
  switch (item.phase) {
    case 'queued':
      return { value: 0, max };
    case 'pushing':
      return { value: Math.min(item.bytesPushed, max), max };
    case 'installing':
      return { value: undefined, max };
    case 'done':
      return { value: max, max };
    case 'failed':
      return { value: Math.min(item.bytesPushed, max), max };
  }
}

/** How far a job is: counts per outcome. */
export function jobCounts(job: AnyInstallJob): {
  total: number;
  done: number;
  failed: number;
  running: number;
} {
  let done = 0;
  let failed = 0;
  for (const item of job.items) {
    if (item.phase === 'done') done += 1;
    else if (item.phase === 'failed') failed += 1;
  }
  return { total: job.items.length, done, failed, running: job.items.length - done - failed };
}

/** The phone's SDK and the build's minSdk when the phone is too old for the build; else null. */
export function sdkConflict(apk: ApkInfo, device: DeviceView): { sdk: number; minSdk: number } | null {
  const sdk = device.identity?.sdk ?? null;
  if (apk.minSdk === null || sdk === null) return null;
  return sdk < apk.minSdk ? { sdk, minSdk: apk.minSdk } : null;
}

/** The selected serials that can still take an install, in the board's order. */
export function effectiveSelection(selected: readonly string[], selectable: readonly string[]): string[] {
  const chosen = new Set(selected);
  return selectable.filter((serial) => chosen.has(serial));
}

/** First characters of a hash, enough to tell builds apart at a glance. */
export function shortHash(sha256: string, length = 12): string {
  return sha256.slice(0, length);
}

/** Why a device cannot take a build now; booted, identified simulators can (they take a .app). */
export function installBlockReason(device: DeviceView): NotSelectableReason | null {
  if (device.platform !== 'ios') return notSelectableReason(device);
  if (device.state !== 'device') return 'state';
  return device.identity === null ? 'identityPending' : null;
}

/** Devices an install can target: ready Android phones and booted simulators, in the board's order. */
export function installTargets(devices: readonly DeviceView[]): DeviceView[] {
  return sortDevices(devices).filter((device) => installBlockReason(device) === null);
}

/**
 * Which serials get the APK and which the .app: by platform when both are chosen; with one build,
 * every device goes to it, and the core refuses (with the reason) a device it does not fit.
 */
export function splitTargets(
  serials: readonly string[],
  simulators: ReadonlySet<string>,
  builds: { apk: boolean; app: boolean },
): { apk: string[]; app: string[] } {
  if (!builds.app) return { apk: builds.apk ? [...serials] : [], app: [] };
  if (!builds.apk) return { apk: [], app: [...serials] };
  return { apk: serials.filter((s) => !simulators.has(s)), app: serials.filter((s) => simulators.has(s)) };
}

/** -1, 0 or 1 for dotted versions ("17.0.1" vs "17"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The simulator's iOS and the build's minimum when the simulator is too old for the .app; else null. */
export function iosConflict(
  app: SimulatorAppInfo,
  device: DeviceView,
): { ios: string; minimum: string } | null {
  const ios = device.platform === 'ios' ? (device.identity?.rom.version ?? null) : null;
  if (app.minimumOsVersion === null || ios === null) return null;
  return compareVersions(ios, app.minimumOsVersion) < 0 ? { ios, minimum: app.minimumOsVersion } : null;
}

/** True when a chosen build is known to be too new for the device (below minSdk / minimum iOS). */
export function tooOldForBuild(
  device: DeviceView,
  apk: ApkInfo | null,
  app: SimulatorAppInfo | null,
): boolean {
  if (device.platform === 'ios') return app !== null && iosConflict(app, device) !== null;
  return apk !== null && sdkConflict(apk, device) !== null;
}

/**
 * Devices "Select all ready phones" picks and an install may go to: the install targets minus
 * those a chosen build cannot install on (checked before selection; the checklist says why).
 */
export function selectableTargets(
  devices: readonly DeviceView[],
  apk: ApkInfo | null,
  app: SimulatorAppInfo | null,
): DeviceView[] {
  return installTargets(devices).filter((device) => !tooOldForBuild(device, apk, app));
}

/**
 * Whether the Install view offers the iOS simulator .app: only where the core reports simulators
 * available (a Mac with Xcode) or lists one; elsewhere there is nothing to install it on.
 */
export function offersSimulatorBuilds(
  ios: { readonly available: boolean } | null,
  devices: readonly DeviceView[],
): boolean {
  return ios?.available === true || devices.some((d) => d.platform === 'ios');
}
