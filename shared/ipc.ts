/**
 * The one IPC contract between renderer and main. Every request channel names its argument
 * schema (validated in main before anything runs) and its result type; every event channel
 * names its payload. Only electron/main/ipc.ts and electron/preload use it to touch ipc; the
 * web bridge (electron/web) serves the same contract over loopback HTTP.
 */
import { z } from 'zod';
import type { Result } from './result';
import type { DeviceSnapshot, DeviceView, SimulatorEntry } from './domain/device';
import type {
  AnyInstallJob,
  ApkInfo,
  InstallJob,
  InstallProgressEvent,
  SimulatorAppInfo,
  SimulatorInstallJob,
} from './domain/install';
import type { VirtualLabStatus } from './domain/lab';
import { labHostSchema, type LabHostCheck, type LabHostsSetting } from './domain/lab-host';
import { serialProblem } from './domain/serial';
import { FIX_IDS, type DoctorReport, type DoctorResult, type FixOutcome } from './domain/doctor';
import type { AttemptDetail, EvidenceKind, RunDetail, RunProgressEvent, RunSummary } from './domain/run';
import type { RunComparison, RunMatrix, SignOff } from './matrix/types';
import type { DevicePushTokens } from './runs/device-tokens';
import { tokenSourceSchema } from './runs/token-source';

/** Serials have one of adb's own shapes (shared/domain/serial.ts), or a simulator UDID. */
export const serialSchema = z.string().superRefine((serial, ctx) => {
  const problem = serialProblem(serial);
  if (problem !== null) {
    ctx.addIssue({ code: 'custom', message: `serial ${JSON.stringify(serial.slice(0, 80))} ${problem}` });
  }
});

/** Simulator UDIDs are UUIDs (they become simctl arguments). */
export const udidSchema = z
  .string()
  .max(36)
  .regex(
    /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/,
    'not a simulator UDID',
  );

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

/** iOS bundle IDs (letters, digits, hyphens, periods), for apps on simulators. */
export const bundleIdSchema = z
  .string()
  .min(3)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$/, 'not an iOS bundle ID');

/** The app under test: an Android package name, or a bundle ID; the core checks which one the device needs. */
export const appIdSchema = z.union([packageNameSchema, bundleIdSchema], {
  error: 'not an Android package name or iOS bundle ID',
});

/** Notification channel ids as apps declare them (no shell metacharacters reach the phone). */
export const channelIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'channel id must be printable ASCII without spaces');

export const doctorSubjectSchema = z.object({
  serial: serialSchema,
  package: appIdSchema,
  channelIds: z.array(channelIdSchema).max(50).readonly(),
});

export const installRequestSchema = z.object({
  apkPath: filePathSchema,
  serials: z.array(serialSchema).min(1).max(200),
  options: installOptionsSchema,
});

/** An .app on simulators (serials are UDIDs; a phone among them is refused in the job, with the reason). */
export const simulatorInstallRequestSchema = z.object({
  appPath: filePathSchema,
  serials: z.array(serialSchema).min(1).max(200),
});

/** Run ids and operator prompt ids are UUIDs made by the core; checked only for shape here. */
export const runIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'not a run id');
export const promptIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'not a prompt id');
export const attemptIdSchema = z
  .int()
  .min(1)
  .max(2 ** 53 - 1);

/** Names in the encrypted secret store (same rule as electron/lab/secrets/secret-store.ts). */
export const secretNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1-128 letters, digits or . _ : - characters');

/** A secret's value: checked for size only; its content is never echoed in an error. */
const secretValueSchema = z
  .string()
  .min(1)
  .max(64 * 1024);

/** One file of an attempt's evidence, read for display. */
export const runEvidenceRefSchema = z.object({
  attemptId: attemptIdSchema,
  evidenceId: z
    .int()
    .min(1)
    .max(2 ** 53 - 1),
});

/** A sign-off as the window submits it; names and reasons are checked again by the core. */
export const signOffRequestSchema = z.object({
  runId: runIdSchema,
  by: z.string().min(1).max(200),
  note: z.string().max(8000),
  waivers: z
    .array(
      z.object({
        serial: serialSchema,
        scenarioId: z.string().min(1).max(200),
        reason: z.string().min(1).max(2000),
      }),
    )
    .max(20_000),
});

/** An evidence file as the run view shows it: a screenshot as a data URL, anything else as text. */
export type RunEvidenceContent =
  | {
      readonly kind: EvidenceKind;
      readonly mime: 'image/png';
      readonly dataUrl: string;
      readonly sizeBytes: number;
    }
  | {
      readonly kind: EvidenceKind;
      readonly mime: 'text/plain' | 'application/json';
      readonly text: string;
      readonly sizeBytes: number;
      readonly truncated: boolean;
    };

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
  // The phone's last-read push tokens (masked); with a read request, read from its log first.
  'devices:pushTokens': z.tuple([
    serialSchema,
    z.strictObject({ package: packageNameSchema, from: tokenSourceSchema }).optional(),
  ]),
  'apk:inspect': z.tuple([filePathSchema]),
  'install:start': z.tuple([installRequestSchema]),
  // iOS simulators: read an .app's Info.plist, and install it with simctl.
  'app:inspect': z.tuple([filePathSchema]),
  'install:start-app': z.tuple([simulatorInstallRequestSchema]),
  'install:jobs': z.tuple([]),
  // Every iOS simulator (booted or not), and boot / shut down one (electron/lab/ios/simulator-actions).
  'simulators:list': z.tuple([]),
  'simulators:boot': z.tuple([udidSchema]),
  'simulators:shutdown': z.tuple([udidSchema]),
  'lab:status': z.tuple([]),
  'lab:start': z.tuple([z.object({ phones: z.number().int().min(1).max(40).optional() }).optional()]),
  'lab:stop': z.tuple([]),
  'lab:plug': z.tuple([z.string().min(1).max(64), z.boolean()]),
  'doctor:run': z.tuple([doctorSubjectSchema]),
  'doctor:fix': z.tuple([doctorSubjectSchema, z.enum(FIX_IDS)]),
  'doctor:history': z.tuple([serialSchema, appIdSchema]),
  // The plan is checked by the core (shared/runs parsePlan): JSON text or a parsed value.
  'runs:start': z.tuple([z.object({ plan: z.unknown() })]),
  'runs:list': z.tuple([]),
  'runs:get': z.tuple([runIdSchema]),
  'runs:attempt': z.tuple([attemptIdSchema]),
  'runs:resume': z.tuple([runIdSchema]),
  'runs:cancel': z.tuple([runIdSchema]),
  'runs:answer': z.tuple([promptIdSchema]),
  'runs:evidence': z.tuple([runEvidenceRefSchema]),
  'runs:demo-plan': z.tuple([]),
  'runs:plan': z.tuple([runIdSchema]),
  'matrix:get': z.tuple([runIdSchema]),
  'matrix:compare': z.tuple([runIdSchema, runIdSchema]),
  'matrix:sign-off': z.tuple([signOffRequestSchema]),
  'matrix:sign-off-of': z.tuple([runIdSchema]),
  // Report exports (electron/lab/reports): the self-contained HTML report and the CSV of a run.
  'reports:html': z.tuple([z.object({ runId: runIdSchema, locale: z.enum(['en', 'zh-CN']) })]),
  'reports:csv': z.tuple([runIdSchema, z.object({ attempts: z.boolean() }).optional()]),
  'secrets:names': z.tuple([]),
  'secrets:set': z.tuple([z.object({ name: secretNameSchema, value: secretValueSchema })]),
  'secrets:delete': z.tuple([secretNameSchema]),
  // The app's lab hosts list, applied live (electron/lab/adb/hosts-setting.ts). hosts:save takes the
  // whole list; the core checks every entry (shared/domain/lab-host.ts) and names the one to fix.
  'hosts:list': z.tuple([]),
  'hosts:save': z.tuple([z.array(z.unknown()).max(256)]),
  'hosts:check': z.tuple([
    z.object({ address: labHostSchema.shape.address, port: labHostSchema.shape.port }),
  ]),
} as const;

/** Request channels: result types. */
export interface RequestResults {
  'app:info': AppInfo;
  'devices:snapshot': DeviceSnapshot;
  'devices:refreshIdentity': DeviceView;
  'devices:screenshot': EvidenceFile;
  /** Masked only: a full token never crosses to the window. */
  'devices:pushTokens': DevicePushTokens;
  'apk:inspect': ApkInfo;
  'install:start': InstallJob;
  'app:inspect': SimulatorAppInfo;
  'install:start-app': SimulatorInstallJob;
  /** APK jobs (stored) and .app jobs (this session), newest first. */
  'install:jobs': readonly AnyInstallJob[];
  /** Empty where simctl is not available (devices:snapshot's `ios` says why). */
  'simulators:list': readonly SimulatorEntry[];
  /** The simulator after the action, as simctl lists it. */
  'simulators:boot': SimulatorEntry;
  'simulators:shutdown': SimulatorEntry;
  'lab:status': VirtualLabStatus;
  'lab:start': VirtualLabStatus;
  'lab:stop': VirtualLabStatus;
  'lab:plug': VirtualLabStatus;
  'doctor:run': DoctorResult;
  'doctor:fix': FixOutcome;
  'doctor:history': readonly DoctorReport[];
  'runs:start': { readonly runId: string };
  'runs:list': readonly RunSummary[];
  'runs:get': RunDetail;
  'runs:attempt': AttemptDetail;
  'runs:resume': { readonly runId: string };
  'runs:cancel': RunSummary;
  /** null: done (JSON has no undefined, and the web bridge sends JSON). */
  'runs:answer': null;
  'runs:evidence': RunEvidenceContent;
  /** The virtual lab's run plan (JSON), or null when no virtual lab runs. */
  'runs:demo-plan': unknown;
  /** The plan a run was started with, as stored (defaults filled in; secrets only as references). */
  'runs:plan': unknown;
  'matrix:get': RunMatrix;
  /** Cells changed from the first run to the second, with each phone's doctor drift. */
  'matrix:compare': RunComparison;
  'matrix:sign-off': SignOff;
  /** null: the run is not signed off. */
  'matrix:sign-off-of': SignOff | null;
  /** One HTML document: inline CSS, no script, images as data: URLs (save it, or print it to PDF). */
  'reports:html': { readonly html: string };
  /** UTF-8 CSV with a BOM, one row per cell (and with { attempts: true } one per attempt too). */
  'reports:csv': { readonly csv: string };
  /** Names only: a value never crosses IPC back to the window. */
  'secrets:names': readonly string[];
  'secrets:set': null;
  'secrets:delete': boolean;
  /** Every lab host with its adb server's state and phone count, first the primary. */
  'hosts:list': LabHostsSetting;
  /** The list after saving and applying it (hosts join or leave the board without a restart). */
  'hosts:save': LabHostsSetting;
  /** The host's adb server answered; refusal and timeout are typed errors that say what to do. */
  'hosts:check': LabHostCheck;
}

export type RequestChannel = keyof typeof requestSchemas;
export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestSchemas)[C]>;
export type RequestResult<C extends RequestChannel> = RequestResults[C];

/** Event channels: payloads pushed from main to the renderer. */
export interface EventPayloads {
  'devices:changed': DeviceSnapshot;
  'install:progress': InstallProgressEvent;
  'install:finished': AnyInstallJob;
  'lab:changed': VirtualLabStatus;
  'runs:progress': RunProgressEvent;
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
