/**
 * What a shell (Electron main, web bridge, CLI, tests) passes to the composition root.
 */
import type { ProgramApprover } from './approval/program-approval';
import type { SecretStore } from './secrets/secret-store';
import type { EvidencePort, TapPort } from './android/android-platform';
import type { AppiumTapOptions } from './android/tap/appium/appium-tap';
import type { Clock } from './util/clock';
import type { Logger } from './util/logger';
import type { VirtualLabController } from './virtual-lab-port';
import type { AdbConfig } from './adb/adb-config';
import type { LabHost } from '../../shared/domain/lab-host';

export interface LabCoreOptions {
  /** SQLite database and evidence files live here. */
  readonly dataDir: string;
  /** Override the database path (CLI --db); defaults to <dataDir>/pushlab.db. */
  readonly dbPath?: string;
  readonly adb: AdbConfig;
  /**
   * A lab across several hosts (each an adb server); the first is the primary and must match `adb`.
   * Absent or one host: the single server in `adb`.
   */
  readonly hosts?: readonly LabHost[];
  /**
   * The app's hosts list file (`<dataDir>/hosts.json` or PUSHLAB_HOSTS_FILE): the window may edit the
   * list (hosts:save writes it here) and hosts join or leave live. Absent: the hosts are read-only.
   */
  readonly hostsFile?: string;
  readonly shell: 'electron' | 'web' | 'cli' | 'test';
  readonly appVersion?: string;
  readonly virtualLab?: VirtualLabController;
  /** Who is at the keyboard, for the fix log (default: the OS user). */
  readonly user?: string;
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** The app's encrypted secrets (safeStorage); plans may name them as { "stored": NAME }. */
  readonly secrets?: SecretStore;
  /** Where `{ "env": NAME }` secrets are read (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Overrides for the run engine's evidence and tap drivers (tests); default the adb ones. */
  readonly runEvidence?: EvidencePort | null;
  readonly runTap?: TapPort | null;
  /** Tap-to-redirect through Appium (UiAutomator2) instead of uiautomator dump + tap; null = off. */
  readonly appium?: AppiumTapOptions | null;
  /** false: do not watch adb or simulators (commands that only read the database). Default true. */
  readonly trackDevices?: boolean;
  /** Work on an in-memory copy of the database and write nothing to disk (`pushlab runs`, `report`). */
  readonly readOnly?: boolean;
  /** On close, stop the adb server this core started itself (CLI commands); never another's. */
  readonly stopOwnedAdbServer?: boolean;
  /**
   * Asks a person before a plan from the window (runs:start / runs:resume) runs a program, reads a
   * secret file or installs an APK path. Without one such plans are refused. The CLI calls the
   * engine directly and is never asked.
   */
  readonly approvePrograms?: ProgramApprover;
  /** Notification poll interval during runs (default 150 ms). */
  readonly capturePollMs?: number;
}
