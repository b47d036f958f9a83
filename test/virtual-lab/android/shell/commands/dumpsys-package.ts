/**
 * `dumpsys package <pkg>`: the "Packages:" section as Settings.dumpPackageLPr prints it.
 * Layout by release (AOSP frameworks/base services/core/java/com/android/server/pm/Settings.java):
 * - Android 14+ (read at a current fork, Neoteric-OS): extractNativeLibs, cpuAbiOverride,
 *   minExtensionVersions, usesNonSdkApi, packageSource; firstInstallTime moved under "User 0:"
 *   next to installReason/uninstallReason.
 * - Android 11-13 (real capture in tekartik/android_utils.dart tests): package-level
 *   timeStamp/firstInstallTime/lastUpdateTime, forceQueryable, queriesPackages.
 * - Android 8-10: no forceQueryable; "distractionFlags=" only from 10.
 * Unknown packages get only the dexopt/compiler sections ("Unable to find package: X").
 * Permissions: "install permissions:" (always granted) at package level; under "User 0:" the
 * "runtime permissions:" with "<perm>: granted=<bool>[, flags=[ USER_SET|USER_FIXED]]" as
 * Settings.dumpRuntimePermissionsLPr / permissionFlagsToString print them (real capture:
 * test/fixtures/dumpsys-package/android14-wear-updated-system-app-4.txt, "flags=[ GRANTED_BY_DEFAULT]").
 */
import { isFuturePermission, isRuntimePermission, PERMISSION_FLAGS } from '../../app-settings';
import { identityHash, type AppPackage, type PhoneState } from '../../state';
import { formatDeviceDate } from '../../format';

function flags(app: AppPackage): string {
  const f = app.system ? ['SYSTEM'] : [];
  f.push('HAS_CODE', 'ALLOW_CLEAR_USER_DATA');
  if (app.system && app.apkPath.startsWith('/data/')) f.push('UPDATED_SYSTEM_APP');
  if (app.testOnly) f.push('TEST_ONLY');
  f.push('ALLOW_BACKUP');
  return `[ ${f.join(' ')} ]`;
}

function userLine(phone: PhoneState, app: AppPackage): string {
  const distraction = phone.sdk >= 29 ? ' distractionFlags=0' : '';
  return (
    `    User 0: ceDataInode=${2000 + (app.uid % 5000)} installed=${app.installed} hidden=false suspended=false${distraction}` +
    ` stopped=${app.stopped} notLaunched=${app.notLaunched} enabled=${app.enabled ? 0 : 3} instant=false virtual=false\n`
  );
}

function requestedPermissions(app: AppPackage): string {
  if (app.requestedPermissions.length === 0) return '';
  let text = '    requested permissions:\n';
  for (const p of app.requestedPermissions) text += `      ${p}\n`;
  return text;
}

function installPermissions(phone: PhoneState, app: AppPackage): string {
  // A permission the release does not define (POST_NOTIFICATIONS before 13) is granted to nobody.
  const install = app.requestedPermissions.filter(
    (p) => !isRuntimePermission(p, phone.sdk) && !isFuturePermission(p, phone.sdk),
  );
  if (install.length === 0) return '';
  return `    install permissions:\n${install.map((p) => `      ${p}: granted=true\n`).join('')}`;
}

/** Settings.permissionFlagsToString: ", flags=[ A|B]" in bit order, nothing when no flag is set. */
export function permissionFlagsText(flags: number): string {
  const names = PERMISSION_FLAGS.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
  return names.length === 0 ? '' : `, flags=[ ${names.join('|')}]`;
}

function runtimePermissions(phone: PhoneState, app: AppPackage): string {
  if (phone.sdk < 23) return '';
  let text = '      runtime permissions:\n';
  for (const p of app.requestedPermissions) {
    if (!isRuntimePermission(p, phone.sdk)) continue;
    text += `        ${p}: granted=${app.grantedPermissions.has(p)}${permissionFlagsText(app.settings.permissionFlags.get(p) ?? 0)}\n`;
  }
  return text;
}

/** The Packages: block for one installed package. */
function packageBlock(phone: PhoneState, app: AppPackage): string {
  const sdk = phone.sdk;
  const date = (ms: number): string => formatDeviceDate(phone, ms);
  const hash = identityHash(app.name);
  let t = `  Package [${app.name}] (${hash}):\n`;
  t += `    userId=${app.uid}\n`;
  t += `    pkg=Package{${identityHash(`pkg:${app.name}`)} ${app.name}}\n`;
  t += `    codePath=${app.codePath}\n`;
  t += `    resourcePath=${app.codePath}\n`;
  t += `    legacyNativeLibraryDir=${app.codePath}/lib\n`;
  if (sdk >= 34) t += '    extractNativeLibs=false\n';
  t += `    primaryCpuAbi=${app.primaryCpuAbi ?? 'null'}\n`;
  t += '    secondaryCpuAbi=null\n';
  if (sdk >= 34) t += '    cpuAbiOverride=null\n';
  t += `    versionCode=${app.versionCode} minSdk=${app.minSdk} targetSdk=${app.targetSdk}\n`;
  if (sdk >= 34) t += '    minExtensionVersions=[]\n';
  t += `    versionName=${app.versionName ?? 'null'}\n`;
  if (sdk >= 34) t += '    usesNonSdkApi=false\n';
  t += '    splits=[base]\n';
  t += `    apkSigningVersion=${sdk >= 28 ? 2 : 1}\n`;
  if (sdk < 34) t += `    applicationInfo=ApplicationInfo{${identityHash(`ai:${app.name}`)} ${app.name}}\n`;
  t += `    flags=${flags(app)}\n`;
  if (sdk >= 29)
    t +=
      '    privateFlags=[ PRIVATE_FLAG_ACTIVITIES_RESIZE_MODE_RESIZEABLE_VIA_SDK_VERSION ' +
      'ALLOW_AUDIO_PLAYBACK_CAPTURE PRIVATE_FLAG_ALLOW_NATIVE_HEAP_POINTER_TAGGING ]\n';
  if (sdk >= 30) t += '    forceQueryable=false\n';
  if (sdk >= 30 && sdk < 34) t += '    queriesPackages=[]\n';
  t += `    dataDir=/data/user/0/${app.name}\n`;
  t += '    supportsScreens=[small, medium, large, xlarge, resizeable, anyDensity]\n';
  t += `    timeStamp=${date(app.lastUpdateTime)}\n`;
  if (sdk < 34) t += `    firstInstallTime=${date(app.firstInstallTime)}\n`;
  t += `    lastUpdateTime=${date(app.lastUpdateTime)}\n`;
  if (app.installer) t += `    installerPackageName=${app.installer}\n`;
  if (sdk >= 34) t += '    packageSource=0\n';
  const sig = identityHash(`sig:${app.signer}`).slice(0, 7);
  t += `    signatures=PackageSignatures{${identityHash(`ps:${app.name}`)} version:${sdk >= 28 ? 2 : 1}, signatures:[${sig}], past signatures:[]}\n`;
  t += '    installPermissionsFixed=true\n';
  t += `    pkgFlags=${flags(app)}\n`;
  t += requestedPermissions(app);
  t += installPermissions(phone, app);
  t += userLine(phone, app);
  if (sdk >= 34) {
    t += '      installReason=0\n';
    t += `      firstInstallTime=${date(app.firstInstallTime)}\n`;
    t += '      uninstallReason=0\n';
  }
  t += runtimePermissions(phone, app);
  return t;
}

/** Full `dumpsys package <pkg>` text (the sections PushLab and similar tools read). */
export function dumpPackage(phone: PhoneState, pkg: string): string {
  const app = phone.packages.get(pkg);
  if (!app) {
    return `\nDexopt state:\n  Unable to find package: ${pkg}\n\n\nCompiler stats:\n  Unable to find package: ${pkg}\n`;
  }
  let t = '';
  if (app.launcherActivity) {
    const short = app.launcherActivity.startsWith(`${app.name}.`)
      ? app.launcherActivity.slice(app.name.length)
      : app.launcherActivity;
    t += 'Activity Resolver Table:\n  Non-Data Actions:\n      android.intent.action.MAIN:\n';
    t += `        ${identityHash(`ar:${app.name}`)} ${app.name}/${short} filter ${identityHash(`f:${app.name}`)}\n`;
    t +=
      '          Action: "android.intent.action.MAIN"\n          Category: "android.intent.category.LAUNCHER"\n\n';
  }
  t += `Key Set Manager:\n  [${app.name}]\n      Signing KeySets: ${app.uid % 100}\n\n`;
  t += `Packages:\n${packageBlock(phone, app)}\n`;
  if (!app.system || app.installed) {
    t +=
      `Dexopt state:\n  [${app.name}]\n    path: ${app.apkPath}\n      ${app.primaryCpuAbi === 'armeabi-v7a' ? 'arm' : 'arm64'}: ` +
      `[status=${app.system ? 'speed-profile' : 'verify'}] [reason=${app.system ? 'install-dm' : 'install'}]\n\n\n`;
    t += `Compiler stats:\n  [${app.name}]\n     base.apk - ${1000 + (app.uid % 9000)}\n`;
  }
  return t;
}
