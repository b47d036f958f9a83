/**
 * Discovery: `adb connect` -> phone with full identity in the core. Target: <= 1 s for one phone,
 * <= 3 s for twenty.
 */
import { DEMO_PROFILES } from '../test/virtual-lab';
import { ms, openBenchLab, waitForIdentities } from './lab-fixture';

export interface DiscoveryResult {
  readonly phones: number;
  readonly wallMs: number;
  readonly targetMs: number;
  readonly identified: number;
}

async function discover(count: number, targetMs: number): Promise<DiscoveryResult> {
  const bench = await openBenchLab();
  try {
    const specs = Array.from({ length: count }, (_, i) => ({
      profile: DEMO_PROFILES[i % DEMO_PROFILES.length] ?? 'google-pixel-android15-1',
    }));
    const start = process.hrtime.bigint();
    const phones = await bench.lab.addPhones(specs);
    await waitForIdentities(
      bench.core,
      phones.map((p) => p.serial),
    );
    const wallMs = ms(start);
    const identified = phones.filter(
      (p) => bench.core.services.registry.get(p.serial)?.identityStatus === 'ready',
    ).length;
    return { phones: count, wallMs, targetMs, identified };
  } finally {
    await bench.close();
  }
}

export async function benchDiscovery(): Promise<DiscoveryResult[]> {
  return [await discover(1, 1000), await discover(20, 3000)];
}
