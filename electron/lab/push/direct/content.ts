/**
 * What a direct vendor push carries for a scenario message, by the same display rules as the
 * Tencent path (shared/scenarios/rules/display): the title (the message's own, else the nickname
 * or sender ID; a group's name for groups), the seed's line as the body, the custom sound and the
 * `ext` a tap hands to the app. A message Tencent would not push (push turned off, a custom message
 * without desc) goes as a pass-through (data) message: the vendor delivers it, nothing shows. Pure.
 */
import { displayText } from '../../../../shared/scenarios/rules/display';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';

export type DirectContent =
  | {
      readonly kind: 'notification';
      readonly title: string | null;
      readonly body: string;
      readonly ext: string | null;
      /** Android raw resource name (no extension); null = the default sound. */
      readonly sound: string | null;
    }
  | {
      readonly kind: 'data';
      readonly because: string;
      /** Scenario id and ext, as the FCM sender sends them. */
      readonly data: Readonly<Record<string, string>>;
    };

export function directContent(message: MessageSpec, scenarioId: string): DirectContent {
  const display = displayText(message, { platform: 'android' });
  const ext = message.push?.ext;
  let because: string | null = null;
  if (message.push?.disabled === true)
    because = 'The message turns offline push off (disablePush), so nothing may show.';
  else if (!display.pushed) because = display.reason.en;
  if (because !== null || !display.pushed) {
    return {
      kind: 'data',
      because: because ?? 'Not pushed.',
      data: { pushlab_scenario: scenarioId, ...(ext === undefined ? {} : { ext }) },
    };
  }
  const groupTitle =
    message.conversation === 'group' && message.groupName !== undefined && message.groupName !== ''
      ? message.groupName
      : null;
  const sound = message.push?.sound;
  return {
    kind: 'notification',
    title: display.title ?? groupTitle,
    body: display.line,
    ext: ext === undefined || ext === '' ? null : ext,
    sound: sound === undefined || sound === '' ? null : sound,
  };
}

/**
 * The click action that opens the app with `ext`, as an intent URI (Intent.toUri form): the
 * launcher activity of the package, with the string extra "ext" (Tencent's key for it).
 */
export function launchIntentUri(pkg: string, ext: string): string {
  return (
    '#Intent;action=android.intent.action.MAIN;category=android.intent.category.LAUNCHER;' +
    `launchFlags=0x10000000;package=${pkg};S.ext=${encodeURIComponent(ext)};end`
  );
}

/** Refuses a message larger than the vendor takes, before anything is sent. */
export function checkPayloadSize(vendor: string, vendorZh: string, bytes: number, max: number): void {
  if (bytes <= max) return;
  throw new LabError(
    'INVALID_ARGUMENT',
    `The ${vendor} message would be ${bytes} bytes; ${vendor} accepts at most ${max}.`,
    {
      hint: "Shorten the scenario's text, title, desc or ext.",
      zh: {
        message: `${vendorZh}消息将有 ${bytes} 字节；${vendorZh}最多接受 ${max} 字节。`,
        hint: '请缩短场景的 text、title、desc 或 ext。',
      },
    },
  );
}

/** The same value only when it is a non-empty string. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
