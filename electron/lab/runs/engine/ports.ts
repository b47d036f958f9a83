/**
 * What the run engine needs from the rest of the core, as narrow interfaces: the composition root
 * passes the real services, tests pass fakes. Evidence and tap are optional ports so a lab
 * without them still runs (the verdict never depends on them).
 */
import type { DeviceView } from '../../../../shared/domain/device';
import type { DoctorResult, DoctorSubject } from '../../../../shared/domain/doctor';
import type { InstallJob, InstallRequest } from '../../../../shared/domain/install';
import type { NotificationRecordInfo } from '../../android/parsers/notification-records';
import type { AdbDeviceIo } from '../../adb/device-io';
import type { OperatorPort, Sender } from '../../push/sender-types';
import type { RunPlan } from '../../../../shared/runs/plan';
import type { RunOwner, RunRepository } from '../../store/run-repository';
import type { Clock } from '../../util/clock';
import type { Logger } from '../../util/logger';
import type { SimulatorPort } from './ios/simulator-port';
import type { SenderQuota } from '../../../../shared/runs/send-budget';

export interface PhoneSource {
  get(serial: string): DeviceView | undefined;
  snapshot(): { readonly devices: readonly DeviceView[] };
}

export interface SavedFile {
  /** Relative to the evidence folder (what the store keeps). */
  readonly path: string;
}

/** Evidence captured around a push; every method may fail, the run goes on. */
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

export interface RunEngineDeps {
  readonly repo: RunRepository;
  readonly phones: PhoneSource;
  readonly device: (serial: string) => AdbDeviceIo;
  readonly doctor?: { run(subject: DoctorSubject): Promise<DoctorResult> };
  readonly installs?: { run(request: InstallRequest): Promise<InstallJob> };
  readonly createSender: (plan: RunPlan, operator: OperatorPort) => Sender;
  /** Checks the sender can work (its secret is readable) before a run is stored. */
  readonly verifySender?: (plan: RunPlan) => Promise<void>;
  readonly evidence?: EvidencePort;
  readonly tap?: TapPort;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Is the process that owns a 'running' run still alive? (default: its PID is alive with the same start token). */
  readonly isOwnerAlive?: (owner: RunOwner) => boolean;
  readonly pid?: number;
  /** This process's start token (default: read from the OS; tests set it). */
  readonly ownerStart?: string | null;
  /** Poll interval of the notification watch (default 150 ms). */
  readonly pollMs?: number;
  /** Quotas the plan's senders declare (default: push/quotas.ts declarations). */
  readonly senderQuotas?: (plan: RunPlan) => Readonly<Record<string, SenderQuota>>;
  /** iOS simulators (simctl); absent in labs without iOS support: simulator attempts are then blocked. */
  readonly simulators?: SimulatorPort;
}
