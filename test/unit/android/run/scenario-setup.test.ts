/**
 * A scenario for phones without a push service: not run (with why) on a phone whose service is
 * proven present, blocked where PushLab cannot tell, and set up as-is where it is missing.
 */
import { describe, expect, it } from 'vitest';
import type { AdbDeviceIo } from '../../../../electron/lab/adb/device-io';
import { applyScenarioSetup, setupOutOfReach } from '../../../../electron/lab/android/run/scenario-setup';
import { scenarioById } from '../../../../shared/scenarios';
import type { PhoneContext, Scenario } from '../../../../shared/scenarios/types';

const io = {} as AdbDeviceIo; // never reached: these set-ups run no command
const scenario = (id: string): Scenario => {
  const found = scenarioById(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found;
};
const phone = (pushServiceReady: boolean | null): PhoneContext => ({
  channel: 'fcm',
  rom: 'Android',
  sdk: 35,
  pushServiceReady,
});

describe('push-service-missing on the phones it can and cannot apply to', () => {
  it('is out of reach only where the service is proven present', () => {
    expect(setupOutOfReach(scenario('push-service-missing'), phone(true))?.en).toMatch(
      /present and recent enough/,
    );
    expect(setupOutOfReach(scenario('push-service-missing'), phone(true))?.zhCN).toMatch(/推送服务/);
    expect(setupOutOfReach(scenario('push-service-missing'), phone(null))).toBeNull();
    expect(setupOutOfReach(scenario('push-service-missing'), phone(false))).toBeNull();
    expect(setupOutOfReach(scenario('background-c2c-text'), phone(true))).toBeNull();
  });

  it('blocks with the reason when the service state is unknown, and runs where it is missing', async () => {
    const unknown = await applyScenarioSetup(
      io,
      scenario('push-service-missing'),
      phone(null),
      'com.example.app',
    );
    expect(unknown.blocked).toMatch(/could not tell/);
    const missing = await applyScenarioSetup(
      io,
      scenario('push-service-missing'),
      phone(false),
      'com.example.app',
    );
    expect(missing.blocked).toBeNull();
  });
});
