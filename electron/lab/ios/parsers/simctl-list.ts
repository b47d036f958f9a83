/**
 * `xcrun simctl list -j [devices]` in every shape Xcode has printed: devices keyed by runtime
 * identifier ("com.apple.CoreSimulator.SimRuntime.iOS-18-0") or by name ("iOS 9.3", Xcode <= 10),
 * availability as `isAvailable` (bool, or "YES"/"NO" in Xcode 10.0/10.1) or as the older
 * `availability` string ("(available)", " (unavailable, runtime profile not found)"), an
 * `availabilityError` (empty when available), escaped slashes, and CoreSimulator log lines
 * printed before the JSON. Pure: text in, typed lists out.
 */
import { LabError } from '../../errors';

export interface SimDevice {
  readonly udid: string;
  readonly name: string;
  /** simctl's word: Booted, Shutdown, Booting, Shutting Down, Creating… */
  readonly state: string;
  /** The key the device is listed under. */
  readonly runtime: string;
  /** iOS, tvOS, watchOS, xrOS… from the runtime key. */
  readonly platform: string;
  /** "18.0" from "…SimRuntime.iOS-18-0" or "iOS 9.3"; null when the key says no version. */
  readonly runtimeVersion: string | null;
  readonly available: boolean;
  /** Why it is unavailable ("runtime profile not found"); null when available. */
  readonly availabilityError: string | null;
  readonly deviceType: string | null;
  /** The host folder with the simulator's file system (absent before Xcode 9). */
  readonly dataPath: string | null;
  readonly lastBootedAt: string | null;
}

export interface SimRuntime {
  readonly identifier: string;
  readonly name: string;
  readonly version: string | null;
  readonly platform: string;
  readonly available: boolean;
}

export interface SimDeviceType {
  readonly identifier: string;
  readonly name: string;
  readonly productFamily: string | null;
}

export interface SimctlList {
  readonly devices: readonly SimDevice[];
  readonly runtimes: readonly SimRuntime[];
  readonly deviceTypes: readonly SimDeviceType[];
  /** Entries skipped because they lacked a udid, name or state, or had a udid that is not a UUID. */
  readonly skipped: number;
}

/** Simulator UDIDs are UUIDs; anything else is refused (they become serials and command arguments). */
export const UDID_PATTERN = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Platform and version from a runtime key or runtime name. */
export function runtimeOf(key: string): { platform: string; version: string | null } {
  const modern = /^com\.apple\.CoreSimulator\.SimRuntime\.([A-Za-z]+)-(\d+(?:-\d+)*)$/.exec(key);
  if (modern?.[1] && modern[2]) return { platform: modern[1], version: modern[2].replace(/-/g, '.') };
  const legacy = /^([A-Za-z]+)\s+(\d+(?:\.\d+)*)$/.exec(key.trim());
  if (legacy?.[1] && legacy[2]) return { platform: legacy[1], version: legacy[2] };
  const bare = /^com\.apple\.CoreSimulator\.SimRuntime\.([A-Za-z]+)/.exec(key);
  return { platform: bare?.[1] ?? key.split(/[\s.-]/)[0] ?? key, version: null };
}

/** "(unavailable, <reason>)" -> reason; sliced, not matched, so a long value cannot backtrack. */
function unavailableReason(legacy: string): string | null {
  const prefix = '(unavailable,';
  return legacy.startsWith(prefix) && legacy.endsWith(')') ? legacy.slice(prefix.length, -1).trim() : null;
}

/** Availability from whichever fields this Xcode printed. */
function availabilityOf(entry: Json): { available: boolean; error: string | null } {
  const flag = entry.isAvailable;
  const error = str(entry.availabilityError);
  const legacy = typeof entry.availability === 'string' ? entry.availability.trim() : null;
  const legacyError = legacy !== null ? unavailableReason(legacy) : null;
  let available: boolean;
  if (typeof flag === 'boolean') available = flag;
  else if (flag === 'YES' || flag === 'NO') available = flag === 'YES';
  else if (legacy !== null) available = legacy === '(available)';
  else available = error === null;
  return { available, error: available ? null : (error ?? legacyError ?? 'unavailable') };
}

/**
 * Offset of the first line that starts (after blanks) with "{", or -1. A scan, not /^\s*\{/m:
 * that regex is quadratic on many blank lines (the fuzzer found 2.7 s on 27 KB).
 */
function firstJsonLine(text: string): number {
  for (let offset = 0; offset < text.length;) {
    const end = text.indexOf('\n', offset);
    const lineEnd = end < 0 ? text.length : end;
    if (text.slice(offset, lineEnd).trimStart().startsWith('{')) return offset;
    offset = lineEnd + 1;
  }
  return -1;
}

/** The JSON object in simctl's output, skipping log lines CoreSimulator may print before it. */
function jsonOf(text: string): Json {
  const start = firstJsonLine(text);
  if (start < 0) {
    throw new LabError('MALFORMED_OUTPUT', '`xcrun simctl list -j` printed no JSON.', {
      hint: 'Run it in a terminal; Xcode may need to finish installing components.',
      detail: text.slice(0, 2000),
      zh: {
        message: '`xcrun simctl list -j` 没有输出 JSON。',
        hint: '请在终端中运行它；Xcode 可能需要先装完组件。',
      },
    });
  }
  try {
    const value: unknown = JSON.parse(text.slice(start));
    if (!isObject(value)) throw new Error('not an object');
    return value;
  } catch (error) {
    throw new LabError('MALFORMED_OUTPUT', '`xcrun simctl list -j` printed JSON PushLab cannot read.', {
      hint: 'Run `xcrun simctl list -j devices` in a terminal to see what it says.',
      zh: {
        message: '`xcrun simctl list -j` 输出的 JSON PushLab 无法读取。',
        hint: '请在终端中运行 `xcrun simctl list -j devices`，看看它输出了什么。',
      },
      detail: `${error instanceof Error ? error.message : String(error)}\n${text.slice(0, 2000)}`,
    });
  }
}

export function parseSimctlList(text: string): SimctlList {
  const json = jsonOf(text);
  const devices: SimDevice[] = [];
  let skipped = 0;
  const byRuntime = isObject(json.devices) ? json.devices : {};
  for (const [runtime, list] of Object.entries(byRuntime)) {
    if (!Array.isArray(list)) continue;
    const { platform, version } = runtimeOf(runtime);
    for (const entry of list as unknown[]) {
      if (!isObject(entry)) {
        skipped++;
        continue;
      }
      const udid = str(entry.udid);
      const name = str(entry.name);
      const state = str(entry.state);
      if (!udid || !name || !state || !UDID_PATTERN.test(udid)) {
        skipped++;
        continue;
      }
      const { available, error } = availabilityOf(entry);
      devices.push({
        udid: udid.toUpperCase(),
        name,
        state,
        runtime,
        platform,
        runtimeVersion: version,
        available,
        availabilityError: error,
        deviceType: str(entry.deviceTypeIdentifier),
        dataPath: str(entry.dataPath),
        lastBootedAt: str(entry.lastBootedAt),
      });
    }
  }
  const runtimes: SimRuntime[] = [];
  for (const entry of Array.isArray(json.runtimes) ? (json.runtimes as unknown[]) : []) {
    if (!isObject(entry)) continue;
    const identifier = str(entry.identifier);
    const name = str(entry.name);
    if (!identifier || !name) continue;
    const fromKey = runtimeOf(identifier);
    runtimes.push({
      identifier,
      name,
      version: str(entry.version) ?? fromKey.version,
      platform: str(entry.platform) ?? runtimeOf(name).platform,
      available: availabilityOf(entry).available,
    });
  }
  const deviceTypes: SimDeviceType[] = [];
  for (const entry of Array.isArray(json.devicetypes) ? (json.devicetypes as unknown[]) : []) {
    if (!isObject(entry)) continue;
    const identifier = str(entry.identifier);
    const name = str(entry.name);
    if (identifier && name) deviceTypes.push({ identifier, name, productFamily: str(entry.productFamily) });
  }
  return { devices, runtimes, deviceTypes, skipped };
}
