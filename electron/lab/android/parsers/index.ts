/** Pure parsers for Android command output: text in, typed values out. */
export { decodeDeviceText, splitLines } from './decode';
export { parseGetprop } from './getprop';
export { parseAdbDevices, normaliseAdbState, transportOf, type AdbDeviceEntry } from './adb-devices';
export { parsePackageList, type PackageListEntry } from './package-list';
export { parseDumpsysPackage, type DumpsysPackageInfo } from './dumpsys-package';
export {
  parseWakefulness,
  parseKeyguard,
  parseForegroundActivity,
  type Wakefulness,
  type KeyguardState,
  type ForegroundActivity,
} from './device-state';
export { parsePmInstallOutput, PM_INSTALL_REASONS, type PmInstallOutcome } from './pm-install';
export {
  parseNotificationPreferences,
  parseZenMode,
  parseNotificationRecords,
  type ChannelInfo,
  type AppNotificationSettings,
  type ZenInfo,
  type NotificationRecordInfo,
} from './notification-dump';
export { parseAppOpsForPackage, type AppOpMode, type AppOpsInfo } from './appops';
export { parseDeviceIdle, allowlistKind, type DeviceIdleInfo } from './deviceidle';
export { parseStandbyBucket, type StandbyBucket } from './standby-bucket';
export { parseRuntimePermission, type PermissionState } from './runtime-permission';
export { parseSettingsValue } from './settings-value';
export { parseRestrictBackground, parseUidList } from './netpolicy';
