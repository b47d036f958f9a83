/**
 * ADB transport constants (AOSP system/core adb/adb.h, platform-tools-29.0.6).
 */

/** Packet commands: four ASCII letters read as a little-endian uint32. */
export const A_SYNC = 0x434e5953;
export const A_CNXN = 0x4e584e43;
export const A_AUTH = 0x48545541;
export const A_OPEN = 0x4e45504f;
export const A_OKAY = 0x59414b4f;
export const A_CLSE = 0x45534c43;
export const A_WRTE = 0x45545257;

/** Protocol versions: from SKIP_CHECKSUM on, senders may put 0 in data_check. */
export const A_VERSION_MIN = 0x01000000;
export const A_VERSION_SKIP_CHECKSUM = 0x01000001;
export const A_VERSION = 0x01000001;

/** Largest payload any adb (29.0.6 and later) accepts. */
export const MAX_PAYLOAD = 1024 * 1024;

/** AUTH packet types (arg0). */
export const AUTH_TOKEN = 1;
export const AUTH_SIGNATURE = 2;
export const AUTH_RSAPUBLICKEY = 3;

/** Length of the random token a device asks the host to sign. */
export const AUTH_TOKEN_SIZE = 20;

/** Human name of a command, for errors and traces. */
export function commandName(command: number): string {
  const name = Buffer.alloc(4);
  name.writeUInt32LE(command >>> 0);
  return /^[A-Z]{4}$/.test(name.toString('latin1'))
    ? name.toString('latin1')
    : `0x${(command >>> 0).toString(16)}`;
}
