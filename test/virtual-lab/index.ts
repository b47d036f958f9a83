/**
 * The virtual lab: Node phones speaking the device side of ADB, registered with a real adb server.
 * Test and demo infrastructure only; the PushLab core never imports it.
 */
export {
  VirtualLab,
  USB2_LINK_BYTES_PER_SECOND,
  defaultBackendFactory,
  simpleBackendFactory,
  type BackendFactory,
  type VirtualLabOptions,
  type VirtualPhoneHandle,
  type VirtualPhoneSpec,
} from './lab';
export { startAdbd, type Adbd, type AdbdOptions } from './adbd/adbd';
export type { DeviceBackend, FileStat, ShellIo, VirtualFs } from './adbd/backend';
export {
  createSimpleBackend,
  ANDROID_10_FEATURES,
  type SimpleBackend,
  type SimpleInstall,
} from './adbd/simple-backend';
export { freePort, isReservedAdbPort } from './harness/free-port';
export {
  startAdbServer,
  DEFAULT_ADB_BIN,
  type AdbServerHandle,
  type AdbServerOptions,
} from './harness/adb-server';
export {
  adbHost,
  parseDevicesLong,
  type AdbHostClient,
  type DeviceTracker,
  type HostDevice,
} from './harness/adb-host';
export { DEMO_PROFILES, listProfiles, isProfile, featuresForSdk } from './harness/profiles';
export { createVirtualAndroid, VirtualAndroid, type VirtualAndroidOptions } from './android';
