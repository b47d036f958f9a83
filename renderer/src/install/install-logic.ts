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
import { buildFor } from '../../../shared/platforms/install-builds';
import { sortDevices, type NotSelectableReason } from '../devices/device-sort';
import { tooOldFor } from '../platforms/build-fit';
import { readinessReason } from '../platforms/readiness';

// The version checks live with the per-build table; kept importable from here.
export { compareVersions, iosConflict, sdkConflict } from '../platforms/build-fit';

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
  return readinessReason(device);
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

/** The serials of the devices that take an .app (by their platform), for splitTargets. */
export function appTakers(devices: readonly DeviceView[]): Set<string> {
  return new Set(devices.filter((d) => buildFor(d.platform) === 'app').map((d) => d.serial));
}

/** True when a chosen build is known to be too new for the device (below minSdk / minimum iOS). */
export function tooOldForBuild(
  device: DeviceView,
  apk: ApkInfo | null,
  app: SimulatorAppInfo | null,
): boolean {
  return tooOldFor(device, { apk, app }) !== null;
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
  return ios?.available === true || devices.some((d) => buildFor(d.platform) === 'app');
}
