/**
 * Typed access to @devicefarmer/adbkit-apkreader (which ships no types), used as an
 * independent third-party check of the APKs the test builder produces.
 */
import { createRequire } from 'node:module';

export interface ThirdPartyManifest {
  readonly package?: string;
  readonly versionCode?: number;
  readonly versionName?: string;
  readonly usesSdk: { readonly minSdkVersion?: number; readonly targetSdkVersion?: number } | null;
  readonly usesPermissions: ReadonlyArray<{ readonly name?: string }>;
  readonly application: {
    readonly label?: string;
    readonly testOnly?: boolean;
    readonly launcherActivities?: ReadonlyArray<{ readonly name?: string }>;
  };
}

interface ApkReaderInstance {
  readManifest(): Promise<ThirdPartyManifest>;
  readContent(path: string): Promise<Buffer>;
}

interface ApkReaderStatic {
  open(apk: Buffer | string): Promise<ApkReaderInstance>;
}

const require = createRequire(import.meta.url);
const ApkReader = require('@devicefarmer/adbkit-apkreader') as ApkReaderStatic;

/** Parses an APK's manifest with adbkit-apkreader. */
export async function thirdPartyManifest(apk: Buffer | string): Promise<ThirdPartyManifest> {
  return (await ApkReader.open(apk)).readManifest();
}

/** Reads one entry with adbkit-apkreader. */
export async function thirdPartyEntry(apk: Buffer | string, path: string): Promise<Buffer> {
  return (await ApkReader.open(apk)).readContent(path);
}
