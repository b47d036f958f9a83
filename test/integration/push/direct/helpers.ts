/**
 * Shared by the direct vendor sender tests: a send request for a catalog scenario, sender deps on
 * an adjustable clock with a log sink and secrets in environment variables (the CLI's way), a
 * virtual phone with the demo app and its channels, and a check that nothing secret leaked.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { SendError, type SendRequest, type SenderDeps } from '../../../../electron/lab/push';
import { resolveSecret } from '../../../../electron/lab/secrets/resolve-secret';
import { createLogger } from '../../../../electron/lab/util/logger';
import type { PushChannel } from '../../../../shared/domain/device';
import { SCENARIOS } from '../../../../shared/scenarios';
import type { VirtualAndroid } from '../../../virtual-lab/android/index';
import type { RoutedPhone } from '../../../virtual-lab/tencent/router';
import { APP, phone, pushApk, sh } from '../../../unit/virtual-lab/android/helpers';

export { APP };

export function request(
  id: string,
  deviceToken: string | undefined,
  channel: PushChannel,
  pkg = APP,
): SendRequest {
  return {
    serial: 'PHONE-1',
    package: pkg,
    recipient: { account: 'qa_phone' },
    scenarioId: id,
    message: SCENARIOS.find((s) => s.id === id)!.message,
    expected: { title: null, text: null, channelId: null },
    channel,
    ...(deviceToken === undefined ? {} : { deviceToken }),
    timeoutMs: 5000,
  };
}

export interface TestDeps {
  readonly deps: SenderDeps;
  readonly lines: string[];
  readonly env: Record<string, string>;
  /** How often each secret reference was resolved. */
  readonly resolved: string[];
  advance(ms: number): void;
  now(): number;
}

export function testDeps(env: Record<string, string>, start = 1_760_000_000_000): TestDeps {
  let now = start;
  const lines: string[] = [];
  const resolved: string[] = [];
  return {
    deps: {
      clock: { now: () => now, iso: () => new Date(now).toISOString() },
      logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
      resolveSecret: (ref) => {
        resolved.push(JSON.stringify(ref));
        return resolveSecret(ref, { env });
      },
      operator: { ask: () => Promise.reject(new Error('nobody to ask')) },
    },
    lines,
    env,
    resolved,
    advance: (ms) => {
      now += ms;
    },
    now: () => now,
  };
}

export async function failure(promise: Promise<unknown>): Promise<SendError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

/** Everything a user or a report could see: errors (en + zh), evidence, receipts and the log. */
export function everything(lines: readonly string[], ...things: unknown[]): string {
  const shown = things.map((t) => (t instanceof SendError ? { info: t.toInfo(), evidence: t.evidence } : t));
  return JSON.stringify(shown) + lines.join('\n');
}

/** A phone from a getprop capture with the demo app installed, granted, launched once (creating `channels`), then HOME. */
export async function phoneWithApp(
  profile: string,
  channel: PushChannel,
  channels: readonly string[],
): Promise<{ android: VirtualAndroid; routed: RoutedPhone }> {
  const android = phone(profile);
  const { path } = await pushApk(android, {
    packageName: APP,
    versionCode: 1,
    permissions: ['android.permission.POST_NOTIFICATIONS'],
  });
  await sh(android, `pm install -g ${path}`);
  android.setLaunchChannels(
    APP,
    channels.map((id) => ({ id, name: id, importance: 4 })),
  );
  await sh(android, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
  await sh(android, 'input keyevent KEYCODE_HOME');
  return { android, routed: { serial: 'PHONE-1', android, channel, sdk: android.state.sdk } };
}

/** 2025-11-03 10:00 China time: inside vivo's 07:00-23:00 window (the OPPO/vivo/Meizu tests start here). */
export const START = Date.UTC(2025, 10, 3, 2, 0, 0);

/** testDeps from START with a clock whose `now` a test may move forward (`clock.now += ms`). */
export function labDeps(env: Record<string, string>): {
  deps: SenderDeps;
  lines: string[];
  clock: { now: number };
} {
  const t = testDeps(env, START);
  const clock = {
    get now(): number {
      return t.now();
    },
    set now(value: number) {
      t.advance(value - t.now());
    },
  };
  return { deps: t.deps, lines: t.lines, clock };
}

/** request() on the phone PHONE1 of the given channel, for the OPPO/vivo/Meizu tests. */
export const scenarioRequest = (id: string, channel: PushChannel, deviceToken: string): SendRequest => ({
  ...request(id, deviceToken, channel),
  serial: 'PHONE1',
});

/** everything(), items first. */
export const leftBehind = (items: readonly unknown[], lines: readonly string[]): string =>
  everything(lines, ...items);

export const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
