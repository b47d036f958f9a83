/**
 * What the run engine needs from the iOS side for simulator attempts: simctl (while xcrun
 * answers), the simulator as simctl lists it (its data path on the Mac), a fresh look after a
 * reboot, and screenshots saved as evidence. The composition root builds it from the simulator
 * registry; tests may pass their own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvidenceStore } from '../../evidence/evidence-store';
import { takeSimulatorScreenshot } from '../simulator-screenshot';
import type { SimDevice } from '../parsers/simctl-list';
import type { SimctlRunner } from '../simctl/runner';
import type { SimulatorRegistry } from '../simulator-registry';

export interface SimulatorPort {
  /** simctl, or null while iOS is unavailable (no xcrun, not a Mac). */
  runner(): SimctlRunner | null;
  simulator(udid: string): SimDevice | undefined;
  /** Lists simulators again now (after PushLab booted or shut one down itself). */
  refresh(): Promise<void>;
  /** A screenshot of the simulator's screen, kept as evidence. */
  screenshot?(udid: string): Promise<{ readonly path: string }>;
}

export function simulatorPort(registry: SimulatorRegistry, evidence?: EvidenceStore): SimulatorPort {
  return {
    runner: () => registry.runner(),
    simulator: (udid) => registry.simulator(udid),
    refresh: () => registry.refresh(),
    ...(evidence
      ? {
          async screenshot(udid: string): Promise<{ readonly path: string }> {
            const runner = registry.runner();
            if (!runner) throw new Error('iOS simulators are not available.');
            // simctl writes the file itself: give it a private folder, then keep the bytes as evidence.
            const dir = await mkdtemp(join(tmpdir(), 'pushlab-simshot-'));
            try {
              const png = await takeSimulatorScreenshot(runner, udid, join(dir, 'screen.png'));
              const saved = await evidence.save('screenshot', udid, 'png', png);
              return { path: saved.relativePath };
            } finally {
              await rm(dir, { recursive: true, force: true });
            }
          },
        }
      : {}),
  };
}
