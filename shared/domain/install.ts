/**
 * Installing a build under test on one or many phones.
 */
import type { ErrorInfo } from '../errors';

export interface ApkInfo {
  readonly path: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly packageName: string;
  readonly versionCode: number;
  readonly versionName: string | null;
  readonly minSdk: number | null;
  readonly targetSdk: number | null;
  readonly label: string | null;
  readonly testOnly: boolean;
  /** ABIs of bundled native code (lib/<abi>/); empty when the APK has none. */
  readonly nativeAbis: readonly string[];
}

export interface InstallOptions {
  /** -r: replace an existing install, keeping its data. */
  readonly replace: boolean;
  /** -d: allow a lower versionCode than installed. */
  readonly allowDowngrade: boolean;
  /** -g: grant all runtime permissions from the manifest. */
  readonly grantPermissions: boolean;
  /** -t: allow android:testOnly builds. */
  readonly allowTestOnly: boolean;
}

export const DEFAULT_INSTALL_OPTIONS: InstallOptions = {
  replace: true,
  allowDowngrade: false,
  grantPermissions: false,
  allowTestOnly: true,
};

export type InstallPhase = 'queued' | 'pushing' | 'installing' | 'done' | 'failed';

export interface InstallFailure {
  /** INSTALL_FAILED_* / INSTALL_PARSE_FAILED_* from the phone, or a PushLab code. */
  readonly reason: string;
  /** What went wrong, in a plain sentence. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** What the phone said, verbatim (untrusted). */
  readonly raw: string;
  /** The message and fix in zh-CN, for failures PushLab raised itself (not an INSTALL_* reason). */
  readonly zh?: { readonly message: string; readonly fix: string };
}

export interface InstallItem {
  readonly serial: string;
  readonly phase: InstallPhase;
  readonly bytesPushed: number;
  readonly totalBytes: number;
  readonly failure: InstallFailure | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface InstallJob {
  readonly id: string;
  readonly apk: ApkInfo;
  readonly options: InstallOptions;
  readonly items: readonly InstallItem[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export interface InstallRequest {
  readonly apkPath: string;
  readonly serials: readonly string[];
  readonly options: InstallOptions;
}

export interface InstallProgressEvent {
  readonly jobId: string;
  readonly item: InstallItem;
}

export type InstallError = ErrorInfo;

/** An iOS simulator build (an .app folder), read from its Info.plist before any simulator is touched. */
export interface SimulatorAppInfo {
  readonly path: string;
  /** "PushLabDemo.app". */
  readonly fileName: string;
  readonly bundleId: string;
  /** CFBundleShortVersionString ("2.5.0"). */
  readonly version: string | null;
  /** CFBundleVersion ("250"). */
  readonly build: string | null;
  readonly name: string | null;
  /** MinimumOSVersion ("15.0"). */
  readonly minimumOsVersion: string | null;
}

/** An .app installed on simulators with `simctl install`: no bytes to push, so items go queued → installing → done/failed. */
export interface SimulatorInstallJob {
  readonly id: string;
  readonly kind: 'app';
  readonly app: SimulatorAppInfo;
  readonly items: readonly InstallItem[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/** Any install job: an APK on Android phones, or an .app on simulators. */
export type AnyInstallJob = InstallJob | SimulatorInstallJob;

export interface SimulatorInstallRequest {
  readonly appPath: string;
  readonly serials: readonly string[];
}
