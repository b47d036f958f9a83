/**
 * The 'simctl' sender: delivers each scenario's push to an iOS simulator with `xcrun simctl push`,
 * as if APNs had (simulators have no device token for PushLab to address, and no Tencent or APNs
 * account is involved). Only simulator UDIDs can be reached; the receipt keeps the payload.
 */
import { LabError } from '../../errors';
import { SendError } from '../send-error';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';
import { pushToSimulator } from '../../ios/commands/push';
import { assertUdid } from '../../ios/commands/args';
import { SimctlRunner } from '../../ios/simctl/runner';
import { findXcrun, missingXcrunReason } from '../../ios/simctl/xcrun';
import { simulatorPayload } from './simulator-payload';

export function createSimctlSender(deps: Pick<SenderDeps, 'clock' | 'logger' | 'env' | 'simctl'>): Sender {
  const log = deps.logger.child('sender:simctl');
  let runner: SimctlRunner | null = null;

  const runnerOrThrow = (evidence: Record<string, unknown>): SimctlRunner => {
    const xcrun = findXcrun(deps.env ?? process.env);
    if (xcrun === null) {
      const notMac = missingXcrunReason() === 'not-macos';
      throw new SendError(
        'NOT_FOUND',
        notMac
          ? 'The simctl sender needs a Mac with Xcode; this computer is not a Mac.'
          : 'The simctl sender needs Xcode: xcrun was not found.',
        {
          hint: notMac
            ? 'Run iOS simulator plans on a Mac, or use the apns sender for real iPhones.'
            : 'Install Xcode and open it once, then run again.',
          zh: notMac
            ? {
                message: 'simctl 发送器需要装有 Xcode 的 Mac；这台电脑不是 Mac。',
                hint: '请在 Mac 上运行 iOS 模拟器计划，或对真实 iPhone 使用 apns 发送器。',
              }
            : {
                message: 'simctl 发送器需要 Xcode：找不到 xcrun。',
                hint: '请安装 Xcode 并打开一次，然后重新运行。',
              },
          evidence,
          sentAt: null,
        },
      );
    }
    // The lab's one runner (built by the simulator tracker); a runner of its own only outside a lab.
    const shared = deps.simctl?.();
    if (shared) return shared;
    if (runner?.xcrun !== xcrun) runner = new SimctlRunner(xcrun, deps.env ?? process.env, log);
    return runner;
  };

  const send = async (request: SendRequest): Promise<SendReceipt> => {
    const evidence: Record<string, unknown> = {
      kind: 'simctl',
      udid: request.serial,
      bundleId: request.package,
    };
    try {
      assertUdid(request.serial);
    } catch {
      throw new SendError(
        'INVALID_ARGUMENT',
        `${request.serial} is not an iOS simulator: the simctl sender only reaches simulators.`,
        {
          hint: 'Use a Tencent, FCM or command sender for Android phones, or run them in a separate plan.',
          zh: {
            message: `${request.serial} 不是 iOS 模拟器：simctl 发送器只能发往模拟器。`,
            hint: '对 Android 手机请使用腾讯、FCM 或命令发送器，或者把它们放在单独的计划中运行。',
          },
          evidence,
          sentAt: null,
        },
      );
    }
    let sentAt: number | null = null;
    try {
      const built = simulatorPayload(request.message, request.package);
      Object.assign(evidence, {
        payload: built.payload,
        bytes: built.bytes,
        ...(built.silentBecause ? { silentBecause: built.silentBecause } : {}),
      });
      const simctl = runnerOrThrow(evidence);
      sentAt = deps.clock.now();
      const said = await pushToSimulator(
        simctl,
        request.serial,
        request.package,
        Buffer.from(built.json, 'utf8'),
        { timeoutMs: request.timeoutMs, ...(request.signal ? { signal: request.signal } : {}) },
      );
      evidence.output = said.slice(0, 2000);
      log.info('simctl push sent', {
        scenarioId: request.scenarioId,
        udid: request.serial,
        bytes: built.bytes,
      });
      return { sentAt, requestId: null, evidence };
    } catch (error) {
      if (error instanceof LabError && error.code === 'COMMAND_FAILED') {
        throw new SendError('SEND_FAILED', `simctl push to ${request.serial} failed: ${error.message}`, {
          ...(error.hint ? { hint: error.hint } : {}),
          ...(error.detail ? { detail: error.detail } : {}),
          zh: {
            message: `向 ${request.serial} 的 simctl push 失败：${error.zh?.message ?? error.message}`,
            ...(error.hint ? { hint: error.zh?.hint ?? error.hint } : {}),
          },
          cause: error,
          evidence,
          sentAt,
        });
      }
      throw SendError.from(error, evidence, sentAt);
    }
  };

  return { kind: 'simctl', send };
}
