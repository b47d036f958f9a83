/**
 * What the run engine needs from the rest of the core, as narrow interfaces: the composition root
 * passes the real services, tests pass fakes. Devices are reached only through each platform's
 * runs (electron/lab/platform), never directly.
 */
import type { DeviceView, Platform } from '../../../../shared/domain/device';
import type { DoctorResult, DoctorSubject } from '../../../../shared/domain/doctor';
import type { InstallJob, InstallRequest } from '../../../../shared/domain/install';
import type { PlatformRuns } from '../../platform/device-platform';
import type { OperatorPort, Sender } from '../../push/sender-types';
import type { RunPlan } from '../../../../shared/runs/plan';
import type { RunOwner, RunRepository } from '../../store/run-repository';
import type { Clock } from '../../util/clock';
import type { Logger } from '../../util/logger';
import type { SenderQuota } from '../../../../shared/runs/send-budget';

export interface PhoneSource {
  get(serial: string): DeviceView | undefined;
  snapshot(): { readonly devices: readonly DeviceView[] };
}

export interface RunEngineDeps {
  readonly repo: RunRepository;
  readonly phones: PhoneSource;
  /** Each platform's runs (planning and one device's share of a run): the engine knows no other. */
  readonly platforms: Readonly<Record<Platform, PlatformRuns>>;
  readonly doctor?: { run(subject: DoctorSubject): Promise<DoctorResult> };
  readonly installs?: { run(request: InstallRequest): Promise<InstallJob> };
  readonly createSender: (plan: RunPlan, operator: OperatorPort) => Sender;
  /** Checks the sender can work (its secret is readable) before a run is stored. */
  readonly verifySender?: (plan: RunPlan) => Promise<void>;
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
}
