/**
 * The shapes adb gives a device's serial (issue 10 point 7), checked wherever a serial enters
 * PushLab (IPC requests, plan files, the CLI) before any use:
 * - USB: the device's iSerialNumber, a letter or digit then letters, digits, `.`, `_`, `-` (`0123456789ABCDEF`,
 *   `R58M123ABC`); Rockchip boards report it with a leading space (` GS101200407283`), which adb
 *   keeps and needs back; old adb prints `????????????` for a device it may not open; `adb -s`
 *   also takes the USB path (`usb:1-1.2`, `usb:17825792X` on macOS).
 * - Network (`adb connect`): `host:port`, the host an IPv4 address or DNS name, or `[v6]:port`.
 * - Emulators: `emulator-<console port>`.
 * - Wireless debugging (Android 11+, mDNS): `adb-<serial>-<id>._adb-tls-connect._tcp` (with or
 *   without the final dot), `…._adb-tls-pairing._tcp`, and the older `<name>._adb._tcp`.
 * iOS simulator UDIDs (UUIDs) fit the USB shape. Anything else, including quotes, blanks inside,
 * `$`, `;` or control characters, is refused: adb never prints such a serial.
 */

export const MAX_SERIAL_LENGTH = 255;

// A serial never starts with '-' (it would read as an option where adb is run with -s <serial>).
const USB = /^ *[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const USB_PATH = /^usb:[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const UNREADABLE = /^\?{1,64}$/;
const EMULATOR = /^emulator-\d{1,5}$/;
const HOST = String.raw`[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?`;
const IPV6 = String.raw`\[[0-9A-Fa-f:.]{2,45}(?:%[A-Za-z0-9]{1,16})?\]`;
const HOST_PORT = new RegExp(String.raw`^(${HOST}|${IPV6}):(\d{1,5})$`);
const TLS_NAME = String.raw`adb-[A-Za-z0-9._-]{1,160}\._adb-tls-(?:connect|pairing)`;
const MDNS = new RegExp(String.raw`^(?:${TLS_NAME}|[A-Za-z0-9][A-Za-z0-9._-]{0,159}\._adb)\._tcp\.?$`);
const FIXED_SHAPES = [EMULATOR, USB, USB_PATH, UNREADABLE, MDNS];

/** A phone on another lab host: `<host>/<serial>` (shared/domain/lab-host.ts). */
const ON_HOST = /^[a-z][a-z0-9-]{0,31}\/(.+)$/s;

/**
 * Why `serial` is not an adb serial, as a sentence part; null when it has one of adb's shapes,
 * bare or prefixed with a lab host's name (`lab-b/R58M123ABC`).
 */
export function serialProblem(key: string): string | null {
  const onHost = ON_HOST.exec(key);
  const serial = onHost?.[1] ?? key;
  if (serial.length === 0) return 'is empty';
  if (serial.length > MAX_SERIAL_LENGTH) return `is longer than ${MAX_SERIAL_LENGTH} characters`;
  if (FIXED_SHAPES.some((shape) => shape.test(serial))) return null;
  const network = HOST_PORT.exec(serial);
  if (network) {
    const port = Number(network[2]);
    return port >= 1 && port <= 65535 ? null : `has port ${network[2]}, outside 1-65535`;
  }
  return 'is not a serial adb prints (USB serial, host:port, emulator-NNNN or an mDNS name)';
}

export const isAdbSerial = (serial: string): boolean => serialProblem(serial) === null;
