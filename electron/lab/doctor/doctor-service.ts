/**
 * Runs the doctor for one app on one device: its platform reads everything that decides whether
 * an offline push shows and judges it; the service stores a snapshot with the drift since the last
 * one, and applies fixes that are confirmed by reading again. A device lost mid-check yields a
 * partial, stored report.
 */
import type { DeviceIdentity, DeviceView, Platform } from '../../../shared/domain/device';
import type {
  DoctorCheck,
  DoctorReport,
  DoctorResult,
  DoctorSubject,
  FixId,
  FixOutcome,
} from '../../../shared/domain/doctor';
import { toErrorInfo } from '../errors';
import { platformFor, type DevicePlatform } from '../platform/device-platform';
import type { DoctorRepository } from '../store/doctor-repository';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { computeDrift } from './drift';
import { FIX_PLANS } from './fixes';

export interface DoctorServiceDeps {
  readonly registry: { get(serial: string): DeviceView | undefined };
  /** How each platform reads, judges and fixes its devices. */
  readonly platforms: Readonly<
    Record<Platform, Pick<DevicePlatform, 'id' | 'serialPattern' | 'assertAppId' | 'doctor'>>
  >;
  readonly repo: DoctorRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Who applies fixes (the OS user, or "cli"): kept in the fix log. */
  readonly user: string;
}

const LOST = new Set(['DEVICE_LOST', 'DEVICE_OFFLINE', 'DEVICE_NOT_FOUND', 'ADB_UNREACHABLE']);

/** True when `check` is one a fix addresses: exact id, or a prefix such as "channel:". */
export function checkMatches(check: DoctorCheck, appliesTo: readonly string[]): boolean {
  return appliesTo.some((p) => check.id === p || (p.endsWith(':') && check.id.startsWith(p)));
}

export class DoctorService {
  public constructor(private readonly deps: DoctorServiceDeps) {}

  public async run(subject: DoctorSubject): Promise<DoctorResult> {
    const previous = this.deps.repo.latest(subject.serial, subject.package);
    const report = this.deps.repo.save(await this.examine(subject));
    return {
      report,
      previousTakenAt: previous?.takenAt ?? null,
      drift: computeDrift(previous?.checks ?? null, report.checks),
    };
  }

  public history(serial: string, pkg: string): readonly DoctorReport[] {
    // Simulators are named by UDID and their apps by bundle ID; phones by serial and package name.
    this.platformOf(serial).assertAppId(pkg);
    return this.deps.repo.history(serial, pkg);
  }

  public async fix(subject: DoctorSubject, fix: FixId): Promise<FixOutcome> {
    const view = this.deps.registry.get(subject.serial);
    const refusal = view ? this.deps.platforms[view.platform].doctor.fixRefusal() : null;
    if (refusal) throw refusal;
    const plan = FIX_PLANS[fix];
    const beforeReport = await this.examine(subject);
    const identity = this.identityOf(subject.serial);
    const before = beforeReport.checks.filter((c) => checkMatches(c, plan.appliesTo));
    const at = this.deps.clock.iso();
    let outcome: FixOutcome;
    try {
      const { detail } = await this.platformOf(subject.serial).doctor.fix(subject, fix, identity);
      const afterReport = this.deps.repo.save(await this.examine(subject));
      const targeted = afterReport.checks.filter((c) => checkMatches(c, plan.appliesTo));
      // Show everything the fix moved, not only its targets (granting a permission also clears flags).
      const changed = new Set(computeDrift(beforeReport.checks, afterReport.checks).map((d) => d.checkId));
      const shown = (c: DoctorCheck): boolean => checkMatches(c, plan.appliesTo) || changed.has(c.id);
      const after = afterReport.checks.filter(shown);
      const beforeShown = beforeReport.checks.filter(shown);
      const humanNeeded = fix.startsWith('open-');
      const confirmed = targeted.length > 0 && targeted.every((c) => c.status === 'ok');
      outcome = {
        fix,
        ok: humanNeeded || confirmed,
        message: {
          key: humanNeeded ? 'fix.openedOnPhone' : confirmed ? 'fix.confirmed' : 'fix.notConfirmed',
          values: {},
        },
        detail,
        before: beforeShown,
        after,
        at,
        by: this.deps.user,
      };
    } catch (error) {
      const info = toErrorInfo(error);
      if (LOST.has(info.code)) throw error;
      outcome = {
        fix,
        ok: false,
        message: { key: 'fix.refused', values: { reason: info.message } },
        detail: info.detail ?? null,
        before,
        after: before,
        at,
        by: this.deps.user,
      };
    }
    this.deps.repo.logFix(subject.serial, subject.package, outcome);
    this.deps.logger.info('doctor fix', { serial: subject.serial, fix, ok: outcome.ok });
    return outcome;
  }

  /** Reads and judges without storing (the device's platform refuses one it cannot check now). */
  private examine(subject: DoctorSubject): Promise<DoctorReport> {
    const view = this.deps.registry.get(subject.serial);
    return this.platformOf(subject.serial, view).doctor.examine(subject, view);
  }

  private platformOf(serial: string, view = this.deps.registry.get(serial)) {
    return platformFor(this.deps.platforms, serial, view);
  }

  private identityOf(serial: string): DeviceIdentity | null {
    return this.deps.registry.get(serial)?.identity ?? null;
  }
}
