/**
 * What the zip's entry list alone says about an APK: where the manifest is, whether it is
 * really an app bundle, and which native ABIs it ships.
 */
import type { ZipEntryInfo } from './zip-reader';

export const MANIFEST_ENTRY = 'AndroidManifest.xml';
/** Android App Bundles keep a protobuf manifest here instead. */
const BUNDLE_MANIFEST_ENTRY = 'base/manifest/AndroidManifest.xml';
/** Shown in the UI and stored, so only plain ABI-like names are kept. */
const ABI = /^[A-Za-z0-9_-]{1,32}$/;

/** The manifest entry, or undefined. */
export function findManifest(entries: readonly ZipEntryInfo[]): ZipEntryInfo | undefined {
  return entries.find((e) => e.name === MANIFEST_ENTRY);
}

/** true when the archive looks like an .aab rather than an .apk. */
export function looksLikeAppBundle(entries: readonly ZipEntryInfo[]): boolean {
  return entries.some((e) => e.name === BUNDLE_MANIFEST_ENTRY || e.name === 'BundleConfig.pb');
}

/** Sorted ABIs that have at least one file directly under lib/<abi>/. */
export function nativeAbisOf(entries: readonly ZipEntryInfo[]): string[] {
  const abis = new Set<string>();
  for (const { name } of entries) {
    const parts = name.split('/');
    if (parts.length === 3 && parts[0] === 'lib' && parts[2] !== '' && ABI.test(parts[1] ?? '')) {
      abis.add(parts[1] as string);
    }
  }
  return [...abis].sort();
}
