/**
 * One function per request channel. Arguments arrive validated; each handler returns a value or
 * throws a LabError, which the core turns into a Result.
 */
import type { VirtualLabStatus } from '../../shared/domain/lab';
import type { AppInfo, RequestArgs, RequestChannel, RequestResult } from '../../shared/ipc';
import type { AdbGateway } from './adb/adb-gateway';
import type { HostsSetting } from './adb/hosts-setting';
import type { ProgramApprover } from './approval/program-approval';
import type { DeviceRegistry } from './devices/device-registry';
import type { DoctorService } from './doctor/doctor-service';
import { LabError } from './errors';
import type { EvidenceStore } from './evidence/evidence-store';
import type { InstallService } from './install/install-service';
import type { SimulatorInstallService } from './install/simulator-install-service';
import type { PlatformRequests } from './platform/device-platform';
import { createReportHandlers } from './reports/report-handlers';
import { createRunHandlers } from './run-handlers';
import { createMatrixHandlers, type WindowMatrixApi } from './runs/matrix/matrix-handlers';
import type { RunsApi } from './runs/engine/runs-api';
import type { SecretStore } from './secrets/secret-store';
import type { VirtualLabController } from './virtual-lab-port';

export type Handlers = { [C in RequestChannel]: (...args: RequestArgs<C>) => Promise<RequestResult<C>> };

export interface HandlerServices {
  readonly appInfo: AppInfo;
  readonly registry: DeviceRegistry;
  readonly gateway: AdbGateway;
  readonly installs: InstallService;
  readonly appInstalls: SimulatorInstallService;
  /** The device's screen now, from its platform (DevicePlatform.screenshot). */
  readonly screenshot: (serial: string) => Promise<Buffer>;
  /** The channels one platform alone serves (simulators:*), from the platform table (platformRequests). */
  readonly platformRequests: PlatformRequests;
  readonly evidence: EvidenceStore;
  readonly virtualLab: VirtualLabController | undefined;
  readonly doctor: DoctorService;
  readonly runs: RunsApi;
  readonly matrix: WindowMatrixApi;
  /** The app's encrypted secrets; absent in shells without one (secrets:* then say so). */
  readonly secrets: SecretStore | undefined;
  /** The shell's person-in-the-loop for plans that run programs or read files (run-handlers.ts). */
  readonly approver?: ProgramApprover;
  /** The lab hosts list: listed, saved and applied live, one host checked. */
  readonly hosts: HostsSetting;
}

const NO_LAB: VirtualLabStatus = { running: false, phones: [] };

function requireLab(lab: VirtualLabController | undefined): VirtualLabController {
  if (!lab) {
    throw new LabError('NOT_FOUND', 'The virtual lab is not available in this build.', {
      hint: 'Start PushLab with `npm run demo` (or `npm run web -- --demo`) to use virtual phones.',
      zh: {
        message: '此版本没有虚拟实验室。',
        hint: '请用 `npm run demo`（或 `npm run web -- --demo`）启动 PushLab 以使用虚拟手机。',
      },
    });
  }
  return lab;
}

function requireReady(registry: DeviceRegistry, serial: string): void {
  const view = registry.get(serial);
  if (!view) {
    throw new LabError('DEVICE_NOT_FOUND', `No phone ${serial} is connected.`, {
      hint: 'Plug it in and allow USB debugging.',
      zh: { message: `没有连接手机 ${serial}。`, hint: '请插上手机并允许 USB 调试。' },
    });
  }
  if (view.state !== 'device') {
    throw new LabError('DEVICE_NOT_READY', `Phone ${serial} is ${view.state}.`, {
      hint: 'Wait until it shows as ready, then try again.',
      zh: { message: `手机 ${serial} 的状态为 ${view.state}。`, hint: '请等到它显示为就绪后再试。' },
    });
  }
}

export function createHandlers(s: HandlerServices): Handlers {
  return {
    'app:info': async () => s.appInfo,
    'devices:snapshot': async () => s.registry.snapshot(),
    'devices:refreshIdentity': async (serial) => s.registry.refreshIdentity(serial),
    'devices:screenshot': async (serial) => {
      requireReady(s.registry, serial);
      return s.evidence.saveScreenshot(serial, await s.screenshot(serial));
    },
    'apk:inspect': async (path) => s.installs.inspect(path),
    'install:start': async (request) => s.installs.start(request),
    'app:inspect': async (path) => s.appInstalls.inspect(path),
    'install:start-app': async (request) => s.appInstalls.start(request),
    'install:jobs': async () =>
      [...s.installs.recentJobs(), ...s.appInstalls.recentJobs()]
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
        .slice(0, 20),
    ...s.platformRequests,
    'lab:status': async () => s.virtualLab?.status() ?? NO_LAB,
    'lab:start': async (options) => requireLab(s.virtualLab).start(options?.phones),
    'lab:stop': async () => requireLab(s.virtualLab).stop(),
    'lab:plug': async (id, plugged) => requireLab(s.virtualLab).plug(id, plugged),
    'doctor:run': async (subject) => s.doctor.run(subject),
    'doctor:fix': async (subject, fix) => s.doctor.fix(subject, fix),
    'doctor:history': async (serial, pkg) => s.doctor.history(serial, pkg),
    ...createRunHandlers({
      runs: s.runs,
      secrets: s.secrets,
      evidenceRoot: s.evidence.root,
      virtualLab: s.virtualLab,
      ...(s.approver ? { approver: s.approver } : {}),
    }),
    'hosts:list': async () => s.hosts.list(),
    'hosts:save': async (list) => s.hosts.save(list),
    'hosts:check': async (host) => s.hosts.check(host.address, host.port),
    ...createMatrixHandlers(s.matrix),
    ...createReportHandlers({ runs: s.runs, matrix: s.matrix, evidenceRoot: s.evidence.root }),
  };
}
