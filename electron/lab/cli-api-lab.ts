/**
 * The full core's CLI calls (cli-api.ts describes them): the device half plus runs, doctor,
 * installs and simulator control, each a thin call into the service that owns it.
 */
import { createDeviceCliApi, type CliApi, type DeviceCliDeps } from './cli-api';
import type { DoctorService } from './doctor/doctor-service';
import type { InstallService } from './install/install-service';
import type { SimulatorInstallService } from './install/simulator-install-service';
import { listSimulators } from './ios/commands/list-simulators';
import { changeSimulatorState, iosSimulatorEntries, requireSimctl } from './ios/simulator-actions';
import type { RunsApi } from './runs/engine/runs-api';

export interface LabCliDeps extends DeviceCliDeps {
  readonly runs: RunsApi;
  readonly doctor: DoctorService;
  readonly installs: InstallService;
  readonly appInstalls: SimulatorInstallService;
}

export function createLabCliApi(deps: LabCliDeps): CliApi {
  const device = createDeviceCliApi(deps);
  const { runs, doctor, installs, appInstalls, simulators } = deps;
  return {
    ...device,
    simulators: {
      ...device.simulators,
      list: async () => iosSimulatorEntries((await listSimulators(requireSimctl(simulators))).devices),
      change: (udid, action) => changeSimulatorState(simulators, udid, action),
    },
    runs: {
      start: (plan, options) => runs.start(plan, options),
      preflight: (plan) => runs.preflight(plan),
      resume: (runId, options) => runs.resume(runId, options),
      cancel: (runId) => runs.cancel(runId),
      settled: (runId) => runs.settled(runId),
      list: (limit) => runs.list(limit),
      plan: (runId) => runs.plan(runId),
      results: (runId) => runs.results(runId),
      answerPrompt: (promptId) => runs.answerPrompt(promptId),
    },
    doctor: {
      run: (subject) => doctor.run(subject),
      fix: (subject, fix) => doctor.fix(subject, fix),
    },
    installs: {
      inspectApk: (path) => installs.inspect(path),
      inspectApp: (path) => appInstalls.inspect(path),
      installApk: (request, onProgress) => installs.run(request, onProgress),
      installApp: (request, onProgress) => appInstalls.run(request, onProgress),
    },
  };
}
