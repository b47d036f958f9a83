/**
 * Virtual phone profiles: the basenames of the real getprop captures in test/fixtures/getprop.
 * Also a fallback backend (adbd/simple-backend with the capture's identity) for when the Android
 * emulation is not wired in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSimpleBackend, type SimpleBackend } from '../adbd/simple-backend';

/** Where the getprop captures live. */
export const GETPROP_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/getprop/', import.meta.url));

/** One phone per vendor family, from real captures (recent, untruncated ones). */
export const DEMO_PROFILES: readonly string[] = [
  'xiaomi-hyperos2-android14-2',
  'huawei-harmonyos4.2-android12-2',
  'honor-magicos9-android15-2',
  'oppo-coloros15-android15-1',
  'vivo-originos5-android15-1',
  'meizu-flyme12.1-android15-1',
  'samsung-oneui6.1-android14-2',
  'google-pixel-android15-1',
  'oneplus-oxygenos14-android14-3',
];

const PROFILE_NAME = /^[a-z0-9][a-z0-9.-]{0,99}$/;

/** All profile names available (sorted). */
export function listProfiles(): string[] {
  return readdirSync(GETPROP_FIXTURES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -'.txt'.length))
    .sort();
}

/** True when `profile` names a capture (and is a safe file name). */
export function isProfile(profile: string): boolean {
  return PROFILE_NAME.test(profile) && existsSync(`${GETPROP_FIXTURES_DIR}${profile}.txt`);
}

/** Throws a clear error for an unknown profile. */
export function assertProfile(profile: string): void {
  if (!isProfile(profile)) {
    throw new Error(
      `Unknown virtual phone profile "${profile}". Use a basename of test/fixtures/getprop/*.txt, e.g. ${DEMO_PROFILES[0]}.`,
    );
  }
}

/** The capture's single-line properties (a lenient read; the product has the real parser). */
export function loadProfileProps(profile: string): Record<string, string> {
  assertProfile(profile);
  const text = readFileSync(`${GETPROP_FIXTURES_DIR}${profile}.txt`, 'utf8').replace(/^\uFEFF/, '');
  const props: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\[([^\]]+)\]: \[(.*)\]\r?$/.exec(line);
    if (match !== null) props[match[1] as string] = match[2] as string;
  }
  return props;
}

/** Adbd features an Android version's adbd advertises (AOSP adb/transport.cpp at each tag). */
export function featuresForSdk(sdk: number): string[] {
  if (sdk >= 29)
    return [
      'shell_v2',
      'cmd',
      'stat_v2',
      'fixed_push_mkdir',
      'apex',
      'abb',
      'fixed_push_symlink_timestamp',
      'abb_exec',
    ];
  if (sdk >= 26) return ['shell_v2', 'cmd', 'stat_v2'];
  if (sdk >= 24) return ['shell_v2', 'cmd'];
  return [];
}

/** A simple backend wearing the capture's identity (banner, getprop, adbd features). */
export function createProfileSimpleBackend(profile: string): SimpleBackend {
  const props = loadProfileProps(profile);
  return createSimpleBackend({
    props,
    features: featuresForSdk(Number(props['ro.build.version.sdk'] ?? '34')),
  });
}
