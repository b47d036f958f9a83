/**
 * Named log-line patterns that carry a phone's push token (plan `app.tokens.fromLogcat.preset`).
 * Source: ../shared/reference/vendor-push-apis.md §7, read from Tencent's TUIOfflinePush source
 * (TencentCloud/TIMSDK, Android/TUIKit/TUIOfflinePush): it logs through IMLog with the tag prefix
 * "TUIOfflinePush-" + class name. Unconfirmed: whether IMLog prints to logcat in release builds
 * (Tencent documents logLevel for the file log), the TIMPush plugin's exact lines (same words
 * assumed under the "TIMPush-" prefix), and any line of the vendors' own SDKs (Huawei's HMSSDK
 * logs errors only; Xiaomi logs only through an app-installed LoggerInterface; OPPO, vivo and
 * Meizu lines not found). A missing line does not mean the phone has no token.
 * Each pattern is evaluated in Node against logcat lines, never on the phone; group 1 is the token.
 */

export interface TokenPreset {
  /** JavaScript regular expression source; capture group 1 is the token. */
  readonly pattern: string;
  readonly en: string;
  readonly zh: string;
}

const TAG = String.raw`(?:TUIOfflinePush|TIMPush)-\w+`;
const TOKEN = String.raw`([A-Za-z0-9_:.=+/-]{8,4096})`;

export const TOKEN_PRESETS = {
  /** After the token went to Tencent: every vendor (TUIOfflinePushManager.setOfflinePushConfig). */
  'tencent-offline-push': {
    pattern: String.raw`${TAG}.*businessID = \d+ pushToken = ${TOKEN}`,
    en: 'TUIOfflinePush / TIMPush "setOfflinePushConfig businessID = … pushToken = …" (any vendor)',
    zh: 'TUIOfflinePush / TIMPush 的 “setOfflinePushConfig businessID = … pushToken = …”（任意厂商）',
  },
  'tencent-xiaomi': {
    pattern: String.raw`${TAG}.*regId: ${TOKEN}`,
    en: 'TUIOfflinePush XiaomiMsgReceiver "regId: …"',
    zh: 'TUIOfflinePush XiaomiMsgReceiver 的 “regId: …”',
  },
  'tencent-huawei': {
    pattern: String.raw`${TAG}.*huawei get token:\s?${TOKEN}`,
    en: 'TUIOfflinePush OEMPushSetting "huawei get token:…"',
    zh: 'TUIOfflinePush OEMPushSetting 的 “huawei get token:…”',
  },
  'tencent-honor': {
    pattern: String.raw`${TAG}.*Honor get pushToken ${TOKEN}`,
    en: 'TUIOfflinePush OEMPushSetting "Honor get pushToken …"',
    zh: 'TUIOfflinePush OEMPushSetting 的 “Honor get pushToken …”',
  },
  'tencent-vivo': {
    pattern: String.raw`${TAG}.*vivo push success regId = ${TOKEN}`,
    en: 'TUIOfflinePush OEMPushSetting "vivopush open vivo push success regId = …"',
    zh: 'TUIOfflinePush OEMPushSetting 的 “vivopush open vivo push success regId = …”',
  },
  'tencent-fcm': {
    pattern: String.raw`${TAG}.*google fcm getToken = ${TOKEN}`,
    en: 'TUIOfflinePush OEMPushSetting "google fcm getToken = …"',
    zh: 'TUIOfflinePush OEMPushSetting 的 “google fcm getToken = …”',
  },
} as const satisfies Record<string, TokenPreset>;

export type TokenPresetId = keyof typeof TOKEN_PRESETS;
export const TOKEN_PRESET_IDS = Object.keys(TOKEN_PRESETS) as [TokenPresetId, ...TokenPresetId[]];

/** Why a user pattern cannot be used (en + zh), or null when it compiles and captures group 1. */
export function tokenPatternProblem(source: string): { en: string; zh: string } | null {
  let re: RegExp;
  try {
    re = new RegExp(source);
  } catch {
    return { en: 'is not a valid regular expression', zh: '不是有效的正则表达式' };
  }
  // A pattern with no capture group cannot say which part of the line is the token.
  if (new RegExp(`${re.source}|`).exec('')!.length < 2)
    return {
      en: 'needs a capture group around the token, e.g. "pushToken = ([A-Za-z0-9:_-]+)"',
      zh: '需要用一个捕获组把令牌括起来，例如 "pushToken = ([A-Za-z0-9:_-]+)"',
    };
  if (backtracksBadly(source))
    return {
      en: 'repeats a group that itself repeats, or refers back to a group (\\1, \\k<…>): it could take minutes on one log line',
      zh: '重复了一个本身就会重复的组，或引用了前面的组（\\1、\\k<…>）：在一行日志上就可能耗时数分钟',
    };
  return null;
}

/** "+", "*" or "{n}", "{n,}", "{n,m}" at i ("?" repeats at most once: harmless). */
function isQuantifier(source: string, i: number): boolean {
  const ch = source[i];
  return ch === '+' || ch === '*' || (ch === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i)));
}

/**
 * True for the shapes that make a backtracking engine slow on long lines: a quantified group
 * whose body has a quantifier ("(a+)+", "(\\w*x)*") and backreferences. The pattern runs in the core
 * over up to 20 000 log lines, so a user pattern of that shape is refused, not timed out.
 */
function backtracksBadly(source: string): boolean {
  if (/\\(?:[1-9]|k<)/.test(source)) return true;
  const groups: boolean[] = [];
  let repeatedInside = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch === '[') {
      // A class: quantifier characters in it are literal, and so is a "]" first in it.
      let j = source[i + 1] === '^' ? i + 2 : i + 1;
      if (source[j] === ']') j += 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (ch === '(') {
      groups.push(repeatedInside);
      repeatedInside = false;
      if (source[i + 1] === '?') i += 1; // (?: (?= (?<name> … : the ? is not a quantifier
      continue;
    }
    if (ch === ')') {
      const inner: boolean = repeatedInside;
      repeatedInside = groups.pop() ?? false;
      const repeated = isQuantifier(source, i + 1);
      if (repeated && inner) return true;
      repeatedInside ||= inner || repeated;
      continue;
    }
    if (isQuantifier(source, i)) repeatedInside = true;
  }
  return false;
}

/** The pattern a fromLogcat setting means: the user's own, or the preset's. */
export function tokenPatternSource(fromLogcat: { pattern?: string; preset?: TokenPresetId }): string {
  if (fromLogcat.pattern !== undefined) return fromLogcat.pattern;
  return TOKEN_PRESETS[fromLogcat.preset ?? 'tencent-offline-push'].pattern;
}
