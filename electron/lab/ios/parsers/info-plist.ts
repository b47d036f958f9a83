/**
 * What PushLab needs from an app's Info.plist (binary as Xcode compiles it, or XML): bundle id,
 * version and build, name, supported platforms and URL schemes. Pure: plist bytes in, facts out.
 */
import { LabError } from '../../errors';
import {
  PlistFormatError,
  isArray,
  isDict,
  parsePlist,
  type PlistDict,
  type PlistValue,
} from '../plist/plist';

export interface AppBundleInfo {
  readonly bundleId: string;
  /** CFBundleShortVersionString, e.g. "2.5.0". */
  readonly version: string | null;
  /** CFBundleVersion, e.g. "250". */
  readonly build: string | null;
  readonly name: string | null;
  readonly executable: string | null;
  /** CFBundleSupportedPlatforms, e.g. ["iPhoneSimulator"]; empty when not stated. */
  readonly platforms: readonly string[];
  readonly minimumOsVersion: string | null;
  readonly urlSchemes: readonly string[];
}

/** Bundle identifiers: letters, digits, hyphens and periods (Apple's rule). */
export const BUNDLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$/;

const text = (v: PlistValue | undefined): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;
const strings = (v: PlistValue | undefined): string[] =>
  isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function urlSchemes(dict: PlistDict): string[] {
  const types = dict.CFBundleURLTypes;
  if (!isArray(types)) return [];
  return [...new Set(types.flatMap((t) => (isDict(t) ? strings(t.CFBundleURLSchemes) : [])))];
}

/** Reads the facts from an already decoded Info.plist; `source` names it in errors. */
export function appInfoFromPlist(value: PlistValue, source: string): AppBundleInfo {
  if (!isDict(value)) {
    throw new LabError('MALFORMED_OUTPUT', `${source} is not a dictionary.`, {
      hint: 'Point PushLab at the .app folder Xcode built for the simulator.',
      zh: { message: `${source} 不是字典。`, hint: '请让 PushLab 指向 Xcode 为模拟器构建的 .app 文件夹。' },
    });
  }
  const bundleId = text(value.CFBundleIdentifier);
  if (bundleId === null || !BUNDLE_ID_PATTERN.test(bundleId)) {
    throw new LabError(
      'MALFORMED_OUTPUT',
      `${source} has no valid CFBundleIdentifier${bundleId ? ` ("${bundleId.slice(0, 80)}")` : ''}.`,
      {
        hint: 'Build the app again: a bundle id is letters, digits, hyphens and periods, such as com.example.app.',
        zh: {
          message: `${source} 没有有效的 CFBundleIdentifier${bundleId ? `（"${bundleId.slice(0, 80)}"）` : ''}。`,
          hint: '请重新构建应用：bundle id 由字母、数字、连字符和句点组成，例如 com.example.app。',
        },
      },
    );
  }
  return {
    bundleId,
    version: text(value.CFBundleShortVersionString),
    build: text(value.CFBundleVersion),
    name: text(value.CFBundleDisplayName) ?? text(value.CFBundleName),
    executable: text(value.CFBundleExecutable),
    platforms: strings(value.CFBundleSupportedPlatforms),
    minimumOsVersion: text(value.MinimumOSVersion),
    urlSchemes: urlSchemes(value),
  };
}

/** Decodes Info.plist bytes (binary or XML) and reads its facts. */
export function parseInfoPlist(bytes: Uint8Array, source: string): AppBundleInfo {
  try {
    return appInfoFromPlist(parsePlist(bytes), source);
  } catch (error) {
    if (error instanceof PlistFormatError) {
      throw new LabError('MALFORMED_OUTPUT', `${source} cannot be read: ${error.message}`, {
        hint: 'Rebuild the app; the file may be damaged or not an Info.plist.',
        zh: {
          message: `无法读取 ${source}：${error.message}`,
          hint: '请重新构建应用；该文件可能已损坏，或不是 Info.plist。',
        },
      });
    }
    throw error;
  }
}
