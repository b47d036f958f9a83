/**
 * Install builds by kind (BuildKind: an APK for Android, an .app for iOS simulators): which build a
 * platform takes, and an install job handled by its build's own function, chosen by table. Pure.
 */
import type { Platform } from '../domain/device';
import type { AnyInstallJob, InstallJob, SimulatorInstallJob } from '../domain/install';
import { platformFacts, type BuildKind } from './platform-facts';

/** The build a platform's devices install. */
export function buildFor(platform: Platform): BuildKind {
  return platformFacts(platform).install.build;
}

/** The build an install job installs (APK jobs were stored before `kind` existed, so they may lack it). */
export function buildOfJob(job: AnyInstallJob): BuildKind {
  return (job as { kind?: unknown }).kind === 'app' ? 'app' : 'apk';
}

/** One function per build kind, each given the job of its kind. */
export interface PerBuild<T> {
  readonly apk: (job: InstallJob) => T;
  readonly app: (job: SimulatorInstallJob) => T;
}

/** The job handled by the function of its build kind. */
export function byBuild<T>(job: AnyInstallJob, handlers: PerBuild<T>): T {
  // buildOfJob read the job's kind, so it is the job this handler takes.
  const handle = handlers[buildOfJob(job)] as (job: AnyInstallJob) => T;
  return handle(job);
}
