/**
 * Runs the doctor for one app on one phone: reads everything that decides whether an offline
 * push shows, judges it, stores a snapshot with the drift since the last one, and applies fixes
 * that are confirmed by reading again. A phone lost mid-check yields a partial, stored report.
 */
import type { DeviceIdentity } from '../../../shared/domain/device';
import type { DoctorCheck, DoctorReport, DoctorResult, DoctorSubject, FixId, FixOutcome } from '../../../shared/domain/doctor';
import type { AdbGateway } from '../adb/adb-gateway';
import { assertPackageName, quoteShellArg } from '../adb/quote';
import type { DeviceRegistry } from '../devices/device-registry';
import { LabError, toErrorInfo } from '../errors';
import type { DoctorRepository } from '../store/doctor-repository';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { computeDrift } from './drift';
import { evaluateChecks } from './evaluate';
import { gatherFacts } from './facts';
import { FIX_PLANS } from './fixes';

export interface DoctorServiceDeps {
  readonly registry: DeviceRegistry;
  readonly gateway: AdbGateway;
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
    assertPackageName(pkg);
    return this.deps.repo.history(serial, pkg);
  }

  public async fix(subject: DoctorSubject, fix: FixId): Promise<FixOutcome> {
    const plan = FIX_PLANS[fix];
    const beforeReport = await this.examine(subject);
    const identity = this.identityOf(subject.serial);
    const before = beforeReport.checks.filter((c) => checkMatches(c, plan.appliesTo));
    const at = this.deps.clock.iso();
    let outcome: FixOutcome;
    try {
      const { detail } = await plan.run(this.deps.gateway.device(subject.serial), subject, identity);
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
        message: { key: humanNeeded ? 'fix.openedOnPhone' : confirmed ? 'fix.confirmed' : 'fix.notConfirmed', values: {} },
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

  /** Reads and judges without storing. */
  private async examine(subject: DoctorSubject): Promise<DoctorReport> {
    assertPackageName(subject.package);
    for (const id of subject.channelIds) quoteShellArg(id); // refuses NUL; ids are passed quoted
    const view = this.deps.registry.get(subject.serial);
    if (!view) throw new LabError('DEVICE_NOT_FOUND', `No phone ${subject.serial} is connected.`, { hint: 'Plug it in and allow USB debugging.' });
    if (view.state !== 'device') {
      throw new LabError('DEVICE_NOT_READY', `Phone ${subject.serial} is ${view.state}.`, { hint: 'Wait until it shows as ready, then run the check again.' });
    }
    const identity = view.identity;
    const { facts, errors } = await gatherFacts(this.deps.gateway.device(subject.serial), subject, identity);
    const checks = evaluateChecks(facts, identity, subject);
    const lost = errors.find((e) => LOST.has(e.error.code));
    if (!lost && checks.find((c) => c.id === 'app.installed')?.status === 'fail') {
      throw new LabError('NOT_FOUND', `${subject.package} is not installed on phone ${subject.serial}.`, {
        hint: 'Check the package name (your applicationId), or install the build first.',
      });
    }
    for (const e of errors) if (e !== lost) this.deps.logger.debug('doctor read failed', { source: e.source, code: e.error.code });
    return {
      id: null,
      serial: subject.serial,
      package: subject.package,
      takenAt: this.deps.clock.iso(),
      // Reads that failed on a healthy phone show as 'unknown' checks; only a lost phone makes
      // the report partial.
      complete: !lost,
      incompleteReason: lost ? lost.error : null,
      phone: identity ? phoneSummary(identity) : null,
      checks,
    };
  }

  private identityOf(serial: string): DeviceIdentity | null {
    return this.deps.registry.get(serial)?.identity ?? null;
  }
}

function phoneSummary(identity: DeviceIdentity): DoctorReport['phone'] {
  return { manufacturer: identity.manufacturer, model: identity.model, rom: identity.rom, sdk: identity.sdk, pushChannel: identity.pushChannel };
}
