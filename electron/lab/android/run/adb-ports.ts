/**
 * The run engine's evidence and tap ports over adb: shade screenshot and logcat slice into the
 * evidence folder, and tap-to-redirect by Appium (when configured) or uiautomator. A tap counts as
 * landed only when the app came to the front AND its log shows the ext it was sent.
 */
import { captureLogcatSlice } from '../capture/evidence/logcat-slice';
import { captureShadeScreenshot } from '../capture/evidence/shade-screenshot';
import type { EvidenceStore } from '../../evidence/evidence-store';
import type { AppiumTapOptions } from '../tap/appium/appium-tap';
import { tapNotification } from '../tap/tap-notification';
import type { TapOutcome } from '../tap/tap-types';
import type { AdbDeviceIo } from '../../adb/device-io';
import type { NotificationRecordInfo } from '../parsers/notification-records';

export interface SavedFile {
  /** Relative to the evidence folder (what the store keeps). */
  readonly path: string;
}

/** Evidence captured around a push on a phone; every method may fail, the run goes on. */
export interface EvidencePort {
  shadeScreenshot(io: AdbDeviceIo, serial: string): Promise<SavedFile>;
  logcatSlice(
    io: AdbDeviceIo,
    serial: string,
    window: { fromPhoneMs: number; toPhoneMs: number; package: string },
  ): Promise<SavedFile & { readonly lines: number }>;
}

export interface TapResult {
  readonly method: string;
  readonly tapped: boolean;
  /** The app came to the foreground (and, when checkable, opened what ext says). null = could not tell. */
  readonly landed: boolean | null;
  readonly detail: string;
  readonly [extra: string]: unknown;
}

export interface TapPort {
  tap(
    io: AdbDeviceIo,
    record: NotificationRecordInfo,
    options: { package: string; ext: string; serial: string },
  ): Promise<TapResult>;
}

export function adbEvidencePort(store: EvidenceStore): EvidencePort {
  return {
    async shadeScreenshot(io, serial) {
      const saved = await captureShadeScreenshot(io, store, serial);
      return { path: saved.relativePath };
    },
    async logcatSlice(io, serial, window) {
      const slice = await captureLogcatSlice(io, store, { serial, ...window });
      return { path: slice.relativePath, lines: slice.lines };
    },
  };
}

/** Where the ext check leaves the redirect: proven, disproven, or not checkable. */
export function landedOf(outcome: TapOutcome): boolean | null {
  if (!outcome.tapped) return null;
  if (outcome.landed === false || outcome.extSeen === false) return false;
  return outcome.landed === true && outcome.extSeen === true ? true : null;
}

export function adbTapPort(appium: AppiumTapOptions | null): TapPort {
  return {
    async tap(io, record, options): Promise<TapResult> {
      const outcome = await tapNotification(
        io,
        { title: record.title, text: record.text },
        { package: options.package, ext: options.ext, appium },
      );
      return { ...outcome, landed: landedOf(outcome) };
    },
  };
}
