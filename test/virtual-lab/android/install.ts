/**
 * PackageManager's install decisions and the exact `Failure [...]` lines `pm install` prints for
 * this phone's Android version. pm prints "Failure [" + EXTRA_STATUS_MESSAGE + "]", the message
 * being "<INSTALL_* code>: <detail>" (PackageManagerShellCommand.doCommitSession,
 * PackageManager.installStatusToString). Details as seen on real phones in public issue threads:
 * - OLDER_SDK, <= Android 11: "Failed parse during installPackageLI: /data/app/vmdl<id>.tmp/base.apk
 *   (at Binary XML file line #7): Requires newer sdk version #29 (current version is #28)";
 *   Android 12+ (lite parse in the session) prints only "Requires newer sdk version #35 (current version is #33)".
 * - NOT_APK: "Failed to parse <path>" (Android 8-10), "+: Failed to load asset path <path>" (11+).
 * - UPDATE_INCOMPATIBLE: "Package X signatures do not match previously installed version; ignoring!"
 *   (API 28/29), "Existing package X signatures do not match newer version; ignoring!" (30+).
 * - VERSION_DOWNGRADE: "Downgrade detected: Update version code 34 is older than current 35".
 * - ALREADY_EXISTS: "Attempt to re-install X without first uninstalling." Replace became the
 *   default with `-R` to opt out in Android 8 (PackageManagerShellCommand.makeInstallParams); up to
 *   Android 10 the default was applied inside the option loop, so a bare `pm install <path>` without
 *   any option still refused to replace.
 * - NO_MATCHING_ABIS: "Failed to extract native libraries, res=-113".
 * - TEST_ONLY: "installPackageLI" (<= 12), "Failed to install test-only apk. Did you forget to add -t?" (13+).
 * - INSUFFICIENT_STORAGE: bare code. MIUI/HyperOS with Install via USB off:
 *   "INSTALL_FAILED_USER_RESTRICTED: Install canceled by user".
 * Check order follows where each check runs: session (storage, MIUI), lite parse (zip, and minSdk
 * from 12), native-lib copy, full parse (minSdk up to 11, testOnly), then the replace checks.
 */
import type { ApkFacts, ApkInspection } from './apk';
import {
  FLAGS_USER_SENSITIVE,
  isRuntimePermission,
  newAppSettings,
  POST_NOTIFICATIONS,
} from './app-settings';
import { javaHashCode, type AppPackage, type PhoneState } from './state';

export interface InstallRequest {
  /** Replace an existing package (default on Android 8+, `-r` before). */
  readonly replace: boolean;
  readonly allowDowngrade: boolean;
  readonly grantPermissions: boolean;
  readonly allowTest: boolean;
  readonly installer: string | null;
}

export type InstallDecision =
  { readonly ok: true; readonly apk: ApkFacts } | { readonly ok: false; readonly failure: string };

function sessionPath(phone: PhoneState, seed: string): string {
  const id =
    1_000_000_000 +
    ((javaHashCode(`${seed}:${phone.nextTaskId}:${phone.packages.size}`) >>> 0) % 1_000_000_000);
  return `/data/app/vmdl${id}.tmp/base.apk`;
}

const fail = (failure: string): InstallDecision => ({ ok: false, failure });

/** Checks done before the APK bytes are parsed (session creation and commit interception). */
export function precheckInstall(phone: PhoneState, sizeBytes: number): string | null {
  if (sizeBytes > phone.freeStorageBytes) return 'INSTALL_FAILED_INSUFFICIENT_STORAGE';
  if (phone.vendor.family === 'xiaomi' && !phone.policy.installViaUsb) {
    return 'INSTALL_FAILED_USER_RESTRICTED: Install canceled by user';
  }
  return null;
}

function parseFailure(phone: PhoneState, inspection: Exclude<ApkInspection, ApkFacts>, path: string): string {
  switch (inspection.kind) {
    case 'not-zip':
      return phone.sdk >= 30
        ? `INSTALL_PARSE_FAILED_NOT_APK: Failed to parse ${path}: Failed to load asset path ${path}`
        : `INSTALL_PARSE_FAILED_NOT_APK: Failed to parse ${path}`;
    case 'no-manifest':
      // PackageParser's exception text is the missing entry's name.
      return `INSTALL_PARSE_FAILED_UNEXPECTED_EXCEPTION: Failed to parse ${path}: AndroidManifest.xml`;
    case 'bad-manifest':
      return phone.sdk >= 30
        ? `INSTALL_PARSE_FAILED_BAD_MANIFEST: Failed to parse ${path}: Failed to parse AndroidManifest.xml`
        : `INSTALL_PARSE_FAILED_UNEXPECTED_EXCEPTION: Failed to parse ${path}: AndroidManifest.xml`;
  }
}

function olderSdk(phone: PhoneState, apk: ApkFacts, path: string): string {
  const tail = `Requires newer sdk version #${apk.minSdk} (current version is #${phone.sdk})`;
  return phone.sdk >= 31
    ? `INSTALL_FAILED_OLDER_SDK: ${tail}`
    : `INSTALL_FAILED_OLDER_SDK: Failed parse during installPackageLI: ${path} (at Binary XML file line #7): ${tail}`;
}

/** Decides an install from the inspected APK; returns the failure text pm would print. */
export function decideInstall(
  phone: PhoneState,
  inspection: ApkInspection,
  request: InstallRequest,
): InstallDecision {
  const path = sessionPath(phone, inspection.kind === 'apk' ? inspection.packageName : inspection.kind);
  if (inspection.kind !== 'apk') return fail(parseFailure(phone, inspection, path));
  const apk = inspection;
  const liteParseChecksSdk = phone.sdk >= 31;
  if (liteParseChecksSdk && apk.minSdk > phone.sdk) return fail(olderSdk(phone, apk, path));
  if (apk.nativeAbis.length > 0 && !apk.nativeAbis.some((abi) => phone.abis.includes(abi))) {
    return fail('INSTALL_FAILED_NO_MATCHING_ABIS: Failed to extract native libraries, res=-113');
  }
  if (!liteParseChecksSdk && apk.minSdk > phone.sdk) return fail(olderSdk(phone, apk, path));
  if (apk.testOnly && !request.allowTest) {
    return fail(
      phone.sdk >= 33
        ? 'INSTALL_FAILED_TEST_ONLY: Failed to install test-only apk. Did you forget to add -t?'
        : 'INSTALL_FAILED_TEST_ONLY: installPackageLI',
    );
  }
  if (!apk.signer) {
    return fail(
      phone.sdk >= 30
        ? `INSTALL_PARSE_FAILED_NO_CERTIFICATES: Scanning Failed.: No signature found in package of version 2 or newer for package ${apk.packageName}`
        : `INSTALL_PARSE_FAILED_NO_CERTIFICATES: Failed to collect certificates from ${path}: Attempt to get length of null array`,
    );
  }
  const existing = phone.packages.get(apk.packageName);
  if (existing && existing.installed) {
    if (!request.replace) {
      return fail(
        `INSTALL_FAILED_ALREADY_EXISTS: Attempt to re-install ${apk.packageName} without first uninstalling.`,
      );
    }
    if (apk.versionCode < existing.versionCode && !request.allowDowngrade) {
      return fail(
        `INSTALL_FAILED_VERSION_DOWNGRADE: Downgrade detected: Update version code ${apk.versionCode} is older than current ${existing.versionCode}`,
      );
    }
    if (apk.signer !== existing.signer) {
      return fail(
        phone.sdk >= 30
          ? `INSTALL_FAILED_UPDATE_INCOMPATIBLE: Existing package ${apk.packageName} signatures do not match newer version; ignoring!`
          : `INSTALL_FAILED_UPDATE_INCOMPATIBLE: Package ${apk.packageName} signatures do not match previously installed version; ignoring!`,
      );
    }
  }
  return { ok: true, apk };
}

/** Base64url-ish random-looking segment, stable per package and time. */
function pathToken(seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let h = javaHashCode(seed) >>> 0;
  let out = '';
  for (let i = 0; i < 22; i++) {
    h = (Math.imul(h ^ (h >>> 15), 2246822507) + i) >>> 0;
    out += alphabet[h % 64];
  }
  return `${out}==`;
}

/** The code path a fresh install gets on this Android version. */
export function installCodePath(phone: PhoneState, pkg: string, now: number): string {
  const leaf = `${pkg}-${pathToken(`${pkg}:${now}:leaf`)}`;
  return phone.sdk >= 30 ? `/data/app/~~${pathToken(`${pkg}:${now}:top`)}/${leaf}` : `/data/app/${leaf}`;
}

/** Applies a successful install: new package (stopped, never launched) or an in-place update. */
export function applyInstall(
  phone: PhoneState,
  apk: ApkFacts,
  request: InstallRequest,
  now: number,
): AppPackage {
  const existing = phone.packages.get(apk.packageName);
  const codePath = installCodePath(phone, apk.packageName, now);
  const abi = apk.nativeAbis.length > 0 ? (phone.abis.find((a) => apk.nativeAbis.includes(a)) ?? null) : null;
  const launcher = apk.launcherActivity
    ? apk.launcherActivity.startsWith('.')
      ? `${apk.packageName}${apk.launcherActivity}`
      : apk.launcherActivity
    : null;
  // Android 13 adds POST_NOTIFICATIONS to every app that targets an older SDK (an implicit permission).
  const permissions =
    phone.sdk >= 33 && apk.targetSdk < 33 && !apk.permissions.includes(POST_NOTIFICATIONS)
      ? [...apk.permissions, POST_NOTIFICATIONS]
      : [...apk.permissions];
  const runtimeGrants = request.grantPermissions ? permissions : [];
  phone.freeStorageBytes = Math.max(
    0,
    phone.freeStorageBytes - (apk.sizeBytes - (existing?.installed ? existing.sizeBytes : 0)),
  );
  if (existing) {
    // An update kills the running app but keeps its stopped state and first-install time.
    phone.processes.delete(apk.packageName);
    Object.assign(existing, {
      versionCode: apk.versionCode,
      versionName: apk.versionName,
      minSdk: apk.minSdk,
      targetSdk: apk.targetSdk,
      lastUpdateTime: now,
      apkPath: `${codePath}/base.apk`,
      codePath,
      launcherActivity: launcher,
      primaryCpuAbi: abi,
      requestedPermissions: permissions,
      testOnly: apk.testOnly,
      sizeBytes: apk.sizeBytes,
      installed: true,
      ...(existing.installed ? {} : { stopped: true, notLaunched: true, firstInstallTime: now }),
    });
    for (const p of runtimeGrants) existing.grantedPermissions.add(p);
    // A permission new in this version starts with the flags a fresh install would give it.
    for (const p of permissions) {
      if (
        isRuntimePermission(p, phone.sdk) &&
        !existing.settings.permissionFlags.has(p) &&
        !existing.system
      ) {
        existing.settings.permissionFlags.set(p, phone.sdk >= 29 ? FLAGS_USER_SENSITIVE : 0);
      }
    }
    return existing;
  }
  const app: AppPackage = {
    name: apk.packageName,
    versionCode: apk.versionCode,
    versionName: apk.versionName,
    minSdk: apk.minSdk,
    targetSdk: apk.targetSdk,
    signer: apk.signer ?? 'unsigned',
    installer: request.installer ?? (phone.sdk >= 30 ? 'com.android.shell' : null),
    firstInstallTime: now,
    lastUpdateTime: now,
    stopped: true,
    notLaunched: true,
    enabled: true,
    installed: true,
    system: false,
    apkPath: `${codePath}/base.apk`,
    codePath,
    launcherActivity: launcher,
    primaryCpuAbi: abi,
    uid: phone.nextUid++,
    requestedPermissions: permissions,
    grantedPermissions: new Set(runtimeGrants),
    testOnly: apk.testOnly,
    sizeBytes: apk.sizeBytes,
    settings: newAppSettings({
      sdk: phone.sdk,
      family: phone.vendor.family,
      system: false,
      requestedPermissions: permissions,
    }),
  };
  phone.packages.set(app.name, app);
  return app;
}

/** Realistic install duration: fixed cost plus dexopt/copy at ~400 MB/s. */
export function installDurationMs(sizeBytes: number): number {
  return 30 + Math.round(sizeBytes / ((400 * 1024 * 1024) / 1000));
}
