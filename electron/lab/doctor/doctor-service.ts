/**
 * Runs the doctor for one app on one phone: reads everything that decides whether an offline
 * push shows, judges it, stores a snapshot with the drift since the last one, and applies fixes
 * that are confirmed by reading again. A phone lost mid-check yields a partial, stored report.
 */
import type { DeviceIdentity, DeviceView } from '../../../shared/domain/device';
import { iosStatusMessage } from '../../../shared/domain/ios-status';
import { translateDynamic } from '../../../shared/i18n';
import type {
  DoctorCheck,
  DoctorReport,
  DoctorResult,
  DoctorSubject,
  FixId,
  FixOutcome,
} from '../../../shared/domain/doctor';
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
import { examineSimulator, type SimulatorDoctorSource } from './ios/simulator-doctor';
import { assertBundleId } from '../ios/commands/args';
import { UDID_PATTERN } from '../ios/parsers/simctl-list';

export interface DoctorServiceDeps {
  readonly registry: DeviceRegistry;
  readonly gateway: AdbGateway;
  readonly repo: DoctorRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Who applies fixes (the OS user, or "cli"): kept in the fix log. */
  readonly user: string;
  /** iOS simulators (the simulator registry); absent where the lab has no iOS side. */
  readonly simulators?: SimulatorDoctorSource;
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
    if (UDID_PATTERN.test(serial)) assertBundleId(pkg);
    else assertPackageName(pkg);
    return this.deps.repo.history(serial, pkg);
  }

  public async fix(subject: DoctorSubject, fix: FixId): Promise<FixOutcome> {
    if (this.deps.registry.get(subject.serial)?.platform === 'ios') {
      throw new LabError(
        'INVALID_ARGUMENT',
        `PushLab has no fixes for simulators: simctl cannot change an app's notification settings.`,
        {
          hint: 'Change them on the simulator (Settings › Notifications), or let the app ask and tap Allow, then check again.',
          zh: {
            message: 'PushLab 无法修复模拟器：simctl 不能更改应用的通知设置。',
            hint: '请在模拟器上更改（设置 › 通知），或让应用请求权限并点按“允许”，然后重新检查。',
          },
        },
      );
    }
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

  /** Reads and judges without storing. */
  private async examine(subject: DoctorSubject): Promise<DoctorReport> {
    const simulator = this.deps.registry.get(subject.serial);
    if (simulator?.platform === 'ios' || (!simulator && UDID_PATTERN.test(subject.serial)))
      return this.examineSimulator(subject, simulator);
    assertPackageName(subject.package);
    for (const id of subject.channelIds) quoteShellArg(id); // refuses NUL; ids are passed quoted
    const view = this.deps.registry.get(subject.serial);
    if (!view) {
      throw new LabError('DEVICE_NOT_FOUND', `No phone ${subject.serial} is connected.`, {
        hint: 'Plug it in and allow USB debugging.',
        zh: { message: `没有连接手机 ${subject.serial}。`, hint: '请插上手机并允许 USB 调试。' },
      });
    }
    if (view.state !== 'device') {
      throw new LabError('DEVICE_NOT_READY', `Phone ${subject.serial} is ${view.state}.`, {
        hint: 'Wait until it shows as ready, then run the check again.',
        zh: {
          message: `手机 ${subject.serial} 处于 ${view.state} 状态。`,
          hint: '请等它显示为就绪，然后重新检查。',
        },
      });
    }
    const identity = view.identity;
    const { facts, errors } = await gatherFacts(this.deps.gateway.device(subject.serial), subject, identity);
    const checks = evaluateChecks(facts, identity, subject);
    const lost = errors.find((e) => LOST.has(e.error.code));
    if (!lost && checks.find((c) => c.id === 'app.installed')?.status === 'fail') {
      throw new LabError('NOT_FOUND', `${subject.package} is not installed on phone ${subject.serial}.`, {
        hint: 'Check the package name (your applicationId), or install the build first.',
        zh: {
          message: `手机 ${subject.serial} 上没有安装 ${subject.package}。`,
          hint: '请检查包名（你的 applicationId），或先安装构建包。',
        },
      });
    }
    for (const e of errors)
      if (e !== lost) this.deps.logger.debug('doctor read failed', { source: e.source, code: e.error.code });
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

  /** The iOS checks; a simulator that is not booted (or not listed) is refused like an unplugged phone. */
  private examineSimulator(subject: DoctorSubject, view: DeviceView | undefined): Promise<DoctorReport> {
    if (!view || !this.deps.simulators) {
      // No xcrun (or not a Mac) says so; otherwise the simulator is simply not booted.
      const status = this.deps.simulators?.status();
      const why = status && !status.available ? iosStatusMessage(status, 0) : null;
      throw new LabError(
        'DEVICE_NOT_FOUND',
        `Simulator ${subject.serial} is not booted here${why ? `: ${translateDynamic('en', why.key, why.values) ?? status?.reason}` : '.'}`,
        {
          hint: why
            ? 'Run the check on the Mac with Xcode where the simulator runs.'
            : 'Boot it (Simulator app, or `xcrun simctl boot <udid>`) on this Mac, then run the check again.',
          zh: {
            message: `模拟器 ${subject.serial} 没有在这里启动${why ? `：${translateDynamic('zh-CN', why.key, why.values) ?? status?.reason}` : '。'}`,
            hint: why
              ? '请在运行模拟器、装有 Xcode 的 Mac 上进行检查。'
              : '请在这台 Mac 上启动它（Simulator 应用，或 `xcrun simctl boot <udid>`），然后重新检查。',
          },
        },
      );
    }
    if (view.state !== 'device') {
      const state = view.simulator?.state ?? view.state;
      throw new LabError('DEVICE_NOT_READY', `Simulator ${subject.serial} is ${state}.`, {
        hint: 'Wait until it has booted, then run the check again.',
        zh: {
          message: `模拟器 ${subject.serial} 处于 ${state} 状态。`,
          hint: '请等它启动完成，然后重新检查。',
        },
      });
    }
    return examineSimulator(this.deps.simulators, view, subject, () => this.deps.clock.iso());
  }

  private identityOf(serial: string): DeviceIdentity | null {
    return this.deps.registry.get(serial)?.identity ?? null;
  }
}

function phoneSummary(identity: DeviceIdentity): DoctorReport['phone'] {
  return {
    manufacturer: identity.manufacturer,
    model: identity.model,
    rom: identity.rom,
    sdk: identity.sdk,
    pushChannel: identity.pushChannel,
  };
}
