/**
 * Pure install helpers: merging jobs and progress events that may arrive out of order,
 * progress bar values, per-job counts and the minSdk check. No React, no DOM.
 */
import type { DeviceView } from '../../../shared/domain/device';
import type { ApkInfo, InstallItem, InstallJob, InstallPhase, InstallProgressEvent } from '../../../shared/domain/install';

const PHASE_RANK: Readonly<Record<InstallPhase, number>> = { queued: 0, pushing: 1, installing: 2, done: 3, failed: 3 };

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
export function mergeJob(jobs: readonly InstallJob[], job: InstallJob): InstallJob[] {
  const existing = jobs.find((j) => j.id === job.id);
  const next: InstallJob = existing
    ? { ...job, items: mergeItems(existing.items, job.items), finishedAt: job.finishedAt ?? existing.finishedAt }
    : job;
  const rest = jobs.filter((j) => j.id !== job.id);
  return [next, ...rest].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Merges a whole list (e.g. install:jobs) into what we already hold. */
export function mergeJobs(jobs: readonly InstallJob[], incoming: readonly InstallJob[]): InstallJob[] {
  return incoming.reduce<InstallJob[]>((acc, job) => mergeJob(acc, job), [...jobs]);
}

/** Applies one progress event; `applied` is false when the job is not known yet. */
export function applyProgress(
  jobs: readonly InstallJob[],
  event: InstallProgressEvent,
): { jobs: InstallJob[]; applied: boolean } {
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
export function jobCounts(job: InstallJob): { total: number; done: number; failed: number; running: number } {
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
