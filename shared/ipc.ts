/**
 * The one IPC contract between renderer and main. Every request channel names its argument
 * schema (validated in main before anything runs) and its result type; every event channel
 * names its payload. Only electron/main/ipc.ts and electron/preload use it to touch ipc; the
 * web bridge (electron/web) serves the same contract over loopback HTTP.
 */
import { z } from 'zod';
import type { Result } from './result';
import type { DeviceSnapshot, DeviceView } from './domain/device';
import type { ApkInfo, InstallJob, InstallProgressEvent } from './domain/install';
import type { VirtualLabStatus } from './domain/lab';
import { FIX_IDS, type DoctorReport, type DoctorResult, type FixOutcome } from './domain/doctor';

/** Serials come from adb: printable, no control characters, bounded. */
export const serialSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[\x20-\x7e]+$/, 'serial must be printable ASCII');

export const filePathSchema = z.string().min(1).max(4096);

export const installOptionsSchema = z.object({
  replace: z.boolean(),
  allowDowngrade: z.boolean(),
  grantPermissions: z.boolean(),
  allowTestOnly: z.boolean(),
});

/** Android package names; validated again in the core before any shell sees them. */
export const packageNameSchema = z
  .string()
  .min(3)
  .max(255)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/, 'not an Android package name');

/** Notification channel ids as apps declare them (no shell metacharacters reach the phone). */
export const channelIdSchema = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'channel id must be printable ASCII without spaces');

export const doctorSubjectSchema = z.object({
  serial: serialSchema,
  package: packageNameSchema,
  channelIds: z.array(channelIdSchema).max(50).readonly(),
});

export const installRequestSchema = z.object({
  apkPath: filePathSchema,
  serials: z.array(serialSchema).min(1).max(200),
  options: installOptionsSchema,
});

export interface AppInfo {
  readonly version: string;
  readonly dataDir: string;
  readonly shell: 'electron' | 'web';
  readonly platform: string;
}

export interface EvidenceFile {
  readonly path: string;
  readonly sizeBytes: number;
  /** data: URL for immediate display; small PNGs only. */
  readonly dataUrl: string | null;
}

/** Request channels: argument schemas. */
export const requestSchemas = {
  'app:info': z.tuple([]),
  'devices:snapshot': z.tuple([]),
  'devices:refreshIdentity': z.tuple([serialSchema]),
  'devices:screenshot': z.tuple([serialSchema]),
  'apk:inspect': z.tuple([filePathSchema]),
  'install:start': z.tuple([installRequestSchema]),
  'install:jobs': z.tuple([]),
  'lab:status': z.tuple([]),
  'lab:start': z.tuple([z.object({ phones: z.number().int().min(1).max(40).optional() }).optional()]),
  'lab:stop': z.tuple([]),
  'lab:plug': z.tuple([z.string().min(1).max(64), z.boolean()]),
  'doctor:run': z.tuple([doctorSubjectSchema]),
  'doctor:fix': z.tuple([doctorSubjectSchema, z.enum(FIX_IDS)]),
  'doctor:history': z.tuple([serialSchema, packageNameSchema]),
} as const;

/** Request channels: result types. */
export interface RequestResults {
  'app:info': AppInfo;
  'devices:snapshot': DeviceSnapshot;
  'devices:refreshIdentity': DeviceView;
  'devices:screenshot': EvidenceFile;
  'apk:inspect': ApkInfo;
  'install:start': InstallJob;
  'install:jobs': readonly InstallJob[];
  'lab:status': VirtualLabStatus;
  'lab:start': VirtualLabStatus;
  'lab:stop': VirtualLabStatus;
  'lab:plug': VirtualLabStatus;
  'doctor:run': DoctorResult;
  'doctor:fix': FixOutcome;
  'doctor:history': readonly DoctorReport[];
}

export type RequestChannel = keyof typeof requestSchemas;
export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestSchemas)[C]>;
export type RequestResult<C extends RequestChannel> = RequestResults[C];

/** Event channels: payloads pushed from main to the renderer. */
export interface EventPayloads {
  'devices:changed': DeviceSnapshot;
  'install:progress': InstallProgressEvent;
  'install:finished': InstallJob;
  'lab:changed': VirtualLabStatus;
}
export type EventChannel = keyof EventPayloads;
export { EVENT_CHANNELS } from './ipc-channels';

/** The API the preload (or the web bridge) puts on `window.pushlab`. */
export interface PushLabBridge {
  invoke<C extends RequestChannel>(channel: C, ...args: RequestArgs<C>): Promise<Result<RequestResult<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  /** Turns a dropped File into a path main can read (Electron: webUtils; web: upload). */
  stageFile(file: File): Promise<Result<string>>;
}

export { IPC_INVOKE, IPC_EVENT_PREFIX } from './ipc-channels';

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, value);
}
