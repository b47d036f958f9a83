/**
 * Finds English left in Chinese text: Latin-letter words that are not names or code. Used on the
 * zh-CN catalogs (test/unit/i18n) and on what a zh-CN screen shows (test/renderer/zh-cn-screens).
 * What may stay Latin is small and explicit: brand and product names, tool and platform terms,
 * acronyms, and code-like tokens (identifiers with dots, digits, camelCase, placeholders).
 */

/** Names and terms that are the same in Chinese text (lower case). Keep this list short. */
export const LATIN_ALLOWED: ReadonlySet<string> = new Set([
  // Brands, phones and their systems
  'pushlab',
  'xiaomi',
  'redmi',
  'poco',
  'huawei',
  'honor',
  'oppo',
  'oneplus',
  'realme',
  'vivo',
  'iqoo',
  'meizu',
  'samsung',
  'google',
  'pixel',
  'apple',
  'tencent',
  'android',
  'ios',
  'ipados',
  'hyperos',
  'miui',
  'harmonyos',
  'emui',
  'magicos',
  'coloros',
  'originos',
  'funtouch',
  'flyme',
  'one',
  'ui',
  'heytap',
  'mate',
  'pad',
  'play',
  'xcode',
  'simulator',
  'chromium',
  // Tools and formats named as they are typed
  'adb',
  'logcat',
  'dexopt',
  'apksigner',
  'jarsigner',
  'zipalign',
  'bundletool',
  'gradle',
  'aapt2',
  'simctl',
  'xcrun',
  'junit',
  'sqlite',
  'stderr',
  'id',
  'splits',
  'badging',
  'dump',
  'install',
  'multiple',
  'exported',
  'sdk',
  'api',
  'ms',
  'kb',
  'mb',
  'gb',
  // Proper names of platform features and keys, as the phone or the Mac shows them
  'doze',
  'active',
  'wi',
  'fi',
  'connect',
  'mac',
  'app',
  'store',
  'clip',
  'bundle',
  'esc',
  'dex',
  'linux',
  'udev',
  'bootloader',
  'fastboot',
  'recovery',
  'sideload',
  'deviceidle',
  'debug',
  // Tencent IM message fields the scenarios are about
  'title',
  'desc',
  'ext',
  // Language names are shown in their own language; language codes as typed (--locale en)
  'english',
  'en',
  'zh',
]);

/** Words in `text` that read as English (in order, once each). `extra` adds allowed words (device text). */
export function englishWords(text: string, extra: Iterable<string> = []): string[] {
  const allowed = new Set([...LATIN_ALLOWED, ...[...extra].map((w) => w.toLowerCase())]);
  const found = new Set<string>();
  // Placeholders, `code`, <args>, quoted JSON, URLs and names quoted in Chinese quotes (a setting,
  // menu path or section as it is spelled where the user finds it) are not prose.
  const prose = text
    .replace(/\{[A-Za-z0-9_]+\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\{[^{}]*"[^{}]*\}/g, ' ')
    .replace(/\b[a-z]+:\/\/\S+/gi, ' ')
    .replace(/“[\x20-\x7e›]*”/g, ' ')
    // What the user types: `pushlab <command>`, "yes", a usage line's command and [options].
    .replace(/(?<![\w.])pushlab(\s+[a-z-]+)?/gi, ' ')
    .replace(/"[\x20-\x7e]*"/g, ' ')
    .replace(/^\s+[a-z-]+(?=\s)/gm, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[\u4e00-\u9fff]/g, ' ');
  for (const raw of prose.split(/[\s\u3000-\u303f\uff00-\uffef，。、：；！？“”‘’（）《》【】·…–—›]+/)) {
    // ".json", "--serial": a file type or a flag.
    if (/^(\.|--?)[A-Za-z]/.test(raw)) continue;
    const token = raw.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
    if (!/[A-Za-z]/.test(token) || isCodeLike(token)) continue;
    for (const word of token.split(/[-']/)) {
      if (word.length <= 1 || isCodeLike(word) || allowed.has(word.toLowerCase())) continue;
      found.add(word);
    }
  }
  return [...found];
}

/** Identifiers, versions, serials, acronyms: INSTALL_FAILED_X, com.example, minSdk, arm64-v8a, APK. */
function isCodeLike(token: string): boolean {
  return (
    /[._/:\\=@#<>$[\]{}()"+*]/.test(token) ||
    /\d/.test(token) ||
    /[a-z][A-Z]/.test(token) ||
    /^[A-Z]{2,8}s?$/.test(token) ||
    // a sub-command or option value: force-idle, force-stop
    /^[a-z]+(-[a-z]+)+$/.test(token)
  );
}
