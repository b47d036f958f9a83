/**
 * Checks for values that become simctl arguments: no shell is involved, but a value that starts
 * with "-" could still be read as an option, and paths and URLs come from plans and phones.
 */
import { LabError } from '../../errors';
import { BUNDLE_ID_PATTERN } from '../parsers/info-plist';
import { UDID_PATTERN } from '../parsers/simctl-list';

export function assertUdid(udid: string): void {
  if (!UDID_PATTERN.test(udid)) {
    throw new LabError('INVALID_ARGUMENT', `"${udid.slice(0, 80)}" is not a simulator UDID.`, {
      hint: 'Use the UDID `xcrun simctl list devices` shows, e.g. 1B7D0E01-3C65-4FE2-A3D0-A70BBD31C1F4.',
      zh: {
        message: `“${udid.slice(0, 80)}”不是模拟器 UDID。`,
        hint: '请使用 `xcrun simctl list devices` 显示的 UDID，例如 1B7D0E01-3C65-4FE2-A3D0-A70BBD31C1F4。',
      },
    });
  }
}

export function assertBundleId(bundleId: string): void {
  if (!BUNDLE_ID_PATTERN.test(bundleId) || bundleId.length > 255) {
    throw new LabError('INVALID_ARGUMENT', `"${bundleId.slice(0, 80)}" is not a bundle id.`, {
      hint: 'A bundle id is letters, digits, hyphens and periods, such as com.example.app.',
      zh: {
        message: `“${bundleId.slice(0, 80)}”不是 bundle id。`,
        hint: 'bundle id 由字母、数字、连字符和句点组成，例如 com.example.app。',
      },
    });
  }
}

/**
 * `what` names the path in English ("The app path"), `whatZh` in zh-CN ("应用路径"). simctl runs on
 * macOS only, so an absolute host path starts with "/" (what node:path's isAbsolute says there).
 */
export function assertHostPath(path: string, what: string, whatZh: string): void {
  if (!path.startsWith('/') || /[\u0000-\u001f]/.test(path)) {
    throw new LabError('INVALID_ARGUMENT', `${what} must be an absolute path without control characters.`, {
      zh: { message: `${whatZh}必须是不含控制字符的绝对路径。` },
    });
  }
}

export function assertUrl(url: string): void {
  let ok = false;
  try {
    ok =
      /^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) &&
      !/[\u0000-\u0020\u007f]/.test(url) &&
      new URL(url).protocol !== '';
  } catch {
    ok = false;
  }
  if (!ok || url.length > 4096) {
    throw new LabError('INVALID_ARGUMENT', `"${url.slice(0, 80)}" is not a URL simctl can open.`, {
      hint: 'Use a full URL such as myapp://login?user=qa1 (no spaces).',
      zh: {
        message: `“${url.slice(0, 80)}”不是 simctl 能打开的 URL。`,
        hint: '请使用完整的 URL，例如 myapp://login?user=qa1（不含空格）。',
      },
    });
  }
}
