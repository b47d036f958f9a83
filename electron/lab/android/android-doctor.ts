/**
 * The doctor on an adb phone: reads everything that decides whether an offline push shows
 * (doctor/facts), judges it (doctor/evaluate) and applies fixes (doctor/fixes) through the phone's
 * adb link. A phone lost mid-check yields a partial report; an app not installed is refused.
 */
import type { DeviceIdentity, DeviceView } from '../../../shared/domain/device';
import type { DoctorReport, DoctorSubject } from '../../../shared/domain/doctor';
import type { AdbGateway } from '../adb/adb-gateway';
import { assertPackageName, quoteShellArg } from '../adb/quote';
import { evaluateChecks } from '../doctor/evaluate';
import { gatherFacts } from '../doctor/facts';
import { FIX_PLANS } from '../doctor/fixes';
import { LabError } from '../errors';
import type { PlatformDoctor } from '../platform/device-platform';
import type { Logger } from '../util/logger';

export interface AndroidDoctorDeps {
  readonly gateway: AdbGateway;
  readonly logger: Logger;
  readonly takenAt: () => string;
}

const LOST = new Set(['DEVICE_LOST', 'DEVICE_OFFLINE', 'DEVICE_NOT_FOUND', 'ADB_UNREACHABLE']);

export function androidDoctor(deps: AndroidDoctorDeps): PlatformDoctor {
  return {
    examine: (subject, view) => examinePhone(deps, subject, view),
    fixRefusal: () => null,
    fix: (subject, fix, identity) =>
      FIX_PLANS[fix].run(deps.gateway.device(subject.serial), subject, identity),
  };
}

async function examinePhone(
  deps: AndroidDoctorDeps,
  subject: DoctorSubject,
  view: DeviceView | undefined,
): Promise<DoctorReport> {
  assertPackageName(subject.package);
  for (const id of subject.channelIds) quoteShellArg(id); // refuses NUL; ids are passed quoted
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
  const { facts, errors } = await gatherFacts(deps.gateway.device(subject.serial), subject, identity);
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
    if (e !== lost) deps.logger.debug('doctor read failed', { source: e.source, code: e.error.code });
  return {
    id: null,
    serial: subject.serial,
    package: subject.package,
    takenAt: deps.takenAt(),
    // Reads that failed on a healthy phone show as 'unknown' checks; only a lost phone makes
    // the report partial.
    complete: !lost,
    incompleteReason: lost ? lost.error : null,
    phone: identity ? phoneSummary(identity) : null,
    checks,
  };
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
