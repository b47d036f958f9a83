/**
 * MessageSpec -> the APNs payload `simctl push` hands to a simulator, by the iOS display rules of
 * the seeds (shared/scenarios/rules/display.ts): alert body = the seed's line ("Nickname:content"),
 * title only when the message sets one, sound "default" unless the message names one (iOS wants
 * the file name with its extension), `ext` top-level (userInfo["ext"] on tap), plus the
 * "Simulator Target Bundle" key. A message Tencent would not push goes out silent
 * (content-available), so the simulator shows nothing, as the expectation says. Pure.
 */
import { displayText } from '../../../../shared/scenarios/rules/display';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';
import { MAX_PUSH_PAYLOAD_BYTES } from '../../ios/commands/push';

export interface SimulatorPayload {
  readonly payload: Readonly<Record<string, unknown>>;
  readonly json: string;
  readonly bytes: number;
  /** Why nothing is meant to show (a silent push); null for an alert. */
  readonly silentBecause: string | null;
}

export const TARGET_BUNDLE_KEY = 'Simulator Target Bundle';

export function simulatorPayload(message: MessageSpec, bundleId: string): SimulatorPayload {
  const display = displayText(message, { platform: 'ios' });
  const ext = message.push?.ext;
  const custom = ext === undefined ? {} : { ext };
  let silentBecause: string | null = null;
  if (message.push?.disabled === true)
    silentBecause = 'The message turns offline push off (disablePush), so nothing may show.';
  else if (!display.pushed) silentBecause = display.reason.en;
  let aps: Record<string, unknown>;
  if (silentBecause === null && display.pushed) {
    const sound = message.push?.sound;
    aps = {
      alert: display.title === null ? { body: display.line } : { title: display.title, body: display.line },
      sound: sound === undefined || sound === '' ? 'default' : sound,
    };
  } else {
    aps = { 'content-available': 1 };
  }
  const payload = { [TARGET_BUNDLE_KEY]: bundleId, aps, ...custom };
  const json = JSON.stringify(payload);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_PUSH_PAYLOAD_BYTES) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `The push payload would be ${bytes} bytes; simctl and APNs accept at most ${MAX_PUSH_PAYLOAD_BYTES}.`,
      {
        hint: "Shorten the scenario's text, title, desc or ext.",
        zh: {
          message: `推送负载将有 ${bytes} 字节；simctl 和 APNs 最多接受 ${MAX_PUSH_PAYLOAD_BYTES} 字节。`,
          hint: '请缩短场景的 text、title、desc 或 ext。',
        },
      },
    );
  }
  return { payload, json, bytes, silentBecause };
}
