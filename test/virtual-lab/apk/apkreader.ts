/**
 * Typed access to @devicefarmer/adbkit-apkreader (which ships no types): the independent,
 * third-party reader the virtual phone installs with and the APK tests check against. Fields are
 * `unknown`: a hostile or odd manifest can put anything there.
 */
import { createRequire } from 'node:module';

export interface ThirdPartyManifest {
  readonly package?: unknown;
  readonly versionCode?: unknown;
  readonly versionCodeMajor?: unknown;
  readonly versionName?: unknown;
  readonly usesSdk: { readonly minSdkVersion?: unknown; readonly targetSdkVersion?: unknown } | null;
  readonly usesPermissions: ReadonlyArray<{ readonly name?: unknown }>;
  readonly application: {
    readonly label?: unknown;
    readonly testOnly?: unknown;
    readonly launcherActivities?: ReadonlyArray<{ readonly name?: unknown }>;
  };
}

export interface ApkReaderInstance {
  readManifest(): Promise<ThirdPartyManifest>;
  readContent(path: string): Promise<Buffer>;
}

interface ApkReaderStatic {
  open(apk: Buffer | string): Promise<ApkReaderInstance>;
}

const require = createRequire(import.meta.url);
const ApkReader = require('@devicefarmer/adbkit-apkreader') as ApkReaderStatic;

/** Opens an APK (path or bytes) with adbkit-apkreader. */
export function openApkReader(apk: Buffer | string): Promise<ApkReaderInstance> {
  return ApkReader.open(apk);
}

/** Parses an APK's manifest with adbkit-apkreader. */
export async function thirdPartyManifest(apk: Buffer | string): Promise<ThirdPartyManifest> {
  return (await openApkReader(apk)).readManifest();
}

/** Reads one entry with adbkit-apkreader. */
export async function thirdPartyEntry(apk: Buffer | string, path: string): Promise<Buffer> {
  return (await openApkReader(apk)).readContent(path);
}
