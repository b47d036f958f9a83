/**
 * One adb phone's share of a run, driven by the engine's device loop: prepare once (install the
 * build, log the test account in, doctor snapshot, clock offset), then every pending attempt in
 * order. A lost phone stops there and its open attempts become 'device lost'; the others go on.
 */
import { DEFAULT_INSTALL_OPTIONS } from '../../../../shared/domain/install';
import { installFailureText } from '../../../../shared/i18n/install-failure-text';
import { accountFor } from '../../../../shared/runs/parse-plan';
import { deviceTokenFor } from '../../../../shared/runs/plan';
import { tokenFromLogcat } from './token-from-logcat';
import { UNKNOWN_CLOCK_OFFSET, measureClockOffset } from '../capture/clock-offset';
import { closeEventsStream, eventsStreamFor } from '../capture/events-stream';
import { LabError, toErrorInfo } from '../../errors';
import { runAppAction } from './app-actions';
import { runAttempt } from './attempt-runner';
import { contextFromDoctor, type ResolvedPhone } from '../../runs/engine/resolve-run';
import type { DeviceLoop } from '../../runs/engine/device-loop';
import type { RunContext } from '../../runs/engine/session';
import type { AdbDeviceIo } from '../../adb/device-io';
import type { EvidencePort, TapPort } from './adb-ports';
import type { PhoneSession } from './phone-session';
import { phoneGone } from './state-context';
import type { PushTokenBook } from '../../secrets/push-token-book';

/** What an adb phone's run needs from the lab: its link, and the evidence and tap drivers. */
export interface PhoneRunPorts {
  readonly device: (serial: string) => AdbDeviceIo;
  readonly evidence?: EvidencePort;
  readonly tap?: TapPort;
  readonly tokens?: PushTokenBook;
}

/** An adb phone's share of a run, as the engine's device loop drives it. */
export function openPhoneRun(
  run: RunContext,
  resolved: ResolvedPhone,
  controlShown: boolean | null,
  ports: PhoneRunPorts,
): DeviceLoop {
  const session: PhoneSession = {
    run,
    phone: resolved.phone,
    io: ports.device(resolved.phone.serial),
    ports: {
      ...(ports.evidence ? { evidence: ports.evidence } : {}),
      ...(ports.tap ? { tap: ports.tap } : {}),
      ...(ports.tokens ? { tokens: ports.tokens } : {}),
    },
    account: accountFor(
      run.plan,
      resolved.phone.serial,
      resolved.phone.channel === 'apns' ? null : resolved.phone.channel,
    ),
    token: deviceTokenFor(run.plan, resolved.phone.serial),
    context: resolved.context,
    offset: UNKNOWN_CLOCK_OFFSET,
    offsetAt: null,
    doctor: null,
    controlShown,
    controlTried: false,
    lastAccountAction: null,
    dirty: true,
    lost: false,
  };
  const serial = session.phone.serial;
  return {
    run: session.run,
    phone: session.phone,
    isLost: () => session.lost,
    prepare: async () => {
      const notes = await prepare(session);
      // The phone's events stream, held until the loop ends, starts now: attempts arm on it.
      const events = eventsStreamFor(session.io);
      events.hold();
      if (session.io.streamShell) void events.ready();
      return notes;
    },
    attempt: (attempt) => runAttempt(session, attempt),
    gone: (error) => phoneGone(session, error),
    // The phone's events stream followed the buffer across attempts: closed with the loop.
    close: () => closeEventsStream(session.io),
    lost: {
      preparing: `${serial} went away while it was being prepared.`,
      during: `${serial} was unplugged or stopped answering during the run.`,
      hint: 'Plug the phone back in, then resume the run.',
      zh: {
        preparing: `${serial} 在准备过程中断开了。`,
        during: `${serial} 在运行期间被拔出或不再响应。`,
        hint: '请重新插上手机，然后继续运行。',
      },
    },
  };
}

async function prepare(session: PhoneSession): Promise<string[]> {
  const { plan, deps, operator, signal } = session.run;
  const serial = session.phone.serial;
  const notes: string[] = [];
  if (plan.build && plan.build.install !== false) {
    if (!deps.installs)
      throw new LabError('INTERNAL', 'This lab cannot install builds.', {
        zh: { message: '这个实验室无法安装构建。' },
      });
    const job = await deps.installs.run({
      apkPath: plan.build.apk,
      serials: [serial],
      options: { ...DEFAULT_INSTALL_OPTIONS, grantPermissions: true },
    });
    const item = job.items[0];
    if (!item || item.phase !== 'done') {
      const failure = item?.failure;
      const [messageZh, fixZh] = failure ? installFailureText('zh-CN', failure.reason, failure.raw) : [];
      throw new LabError(
        'INSTALL_FAILED',
        failure ? `${failure.message} (${failure.reason})` : `The build could not be installed on ${serial}.`,
        {
          ...(failure ? { hint: failure.fix, detail: failure.raw } : {}),
          zh: failure
            ? { message: `${messageZh} (${failure.reason})`, hint: fixZh }
            : { message: `无法在 ${serial} 上安装该构建。` },
        },
      );
    }
    if (job.apk.packageName !== plan.app.package) {
      throw new LabError(
        'PLAN_INVALID',
        `The build is ${job.apk.packageName}, but the plan tests ${plan.app.package}.`,
        {
          hint: 'Point "build.apk" at the right APK or fix "app.package".',
          zh: {
            message: `构建是 ${job.apk.packageName}，但计划测试的是 ${plan.app.package}。`,
            hint: '请让 "build.apk" 指向正确的 APK，或修改 "app.package"。',
          },
        },
      );
    }
    notes.push(`installed ${job.apk.packageName} ${job.apk.versionName ?? ''}`.trim());
  }
  if (session.account === null) {
    throw new LabError('PLAN_INVALID', `The plan gives no test account for ${serial}.`, {
      hint: 'Add it under app.accounts.serials or app.accounts.vendors.',
      zh: {
        message: `计划没有为 ${serial} 提供测试账号。`,
        hint: '请在 app.accounts.serials 或 app.accounts.vendors 下添加。',
      },
    });
  }
  await runAppAction(
    'login',
    plan.app.login,
    { package: plan.app.package, account: session.account.account, serial },
    session.io,
    operator,
    { timeoutMs: plan.timeouts.stepMs, signal },
  );
  session.lastAccountAction = 'login';
  notes.push(`logged in as ${session.account.account}`);
  // After the login the app has registered with its push channel: its token line is in the log.
  const tokenNote = await tokenFromLogcat(session);
  if (tokenNote !== null) notes.push(tokenNote);
  if (deps.doctor) {
    try {
      const channelIds = plan.app.push?.highClassChannelIds ?? [];
      const { report } = await deps.doctor.run({ serial, package: plan.app.package, channelIds });
      session.context = contextFromDoctor(session.context, report);
      session.doctor = {
        id: report.id,
        takenAt: report.takenAt,
        failing: report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
      };
      notes.push(
        `doctor: ${session.doctor.failing.length === 0 ? 'no failing check' : `failing ${session.doctor.failing.join(', ')}`}`,
      );
    } catch (error) {
      notes.push(`doctor snapshot failed: ${toErrorInfo(error).message}`);
    }
  }
  try {
    session.offsetAt = deps.clock.now();
    session.offset = await measureClockOffset(session.io, () => deps.clock.now());
    notes.push(
      `clock offset ${Math.round(session.offset.offsetMs)} ± ${Math.round(session.offset.uncertaintyMs)} ms`,
    );
  } catch (error) {
    notes.push(`clock offset unknown: ${toErrorInfo(error).message}`);
  }
  return notes;
}
