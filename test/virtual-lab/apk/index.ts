/**
 * Test APK tooling: real-looking APKs, broken ones, and the signer certificate bytes.
 */
export {
  buildManifest,
  buildTestApk,
  DEFAULT_SIGNER,
  manifestTree,
  testApkEntries,
  writeTestApk,
} from './build-apk';
export type { TestApkSpec } from './build-apk';
export { buildCorruptApk, CORRUPT_APK_KINDS, NOT_AN_APK_SAMPLE, writeCorruptApk } from './corrupt-apk';
export type { CorruptApkKind } from './corrupt-apk';
export { signerCertificate } from './signer';
export { encodeAxml, ANDROID_NS } from './axml-writer';
export type { AxmlAttribute, AxmlElement, AxmlValue } from './axml-writer';
