/** Harness for tests that need a real adb server: ports, a private server, a host-protocol client. */
export { freePort, isReservedAdbPort } from './free-port';
export { DEFAULT_ADB_BIN, startAdbServer, type AdbServerHandle, type AdbServerOptions } from './adb-server';
export {
  adbHost,
  parseDevicesLong,
  type AdbHostClient,
  type DeviceTracker,
  type HostDevice,
} from './adb-host';
