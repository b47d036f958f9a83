/**
 * The synthetic fleet the matrix and report benches share: 50 phones of ten makers, 100
 * scenarios, and a seeded PRNG so every bench run stores and renders the same data.
 */
import type { TargetChannel } from '../shared/scenarios/types';

export const FLEET_PHONES = 50;
export const FLEET_SCENARIOS = 100;
/** Runs (matrix bench) or repeats (report bench): 50 x 100 x 20 = 100,000 results. */
export const FLEET_ROUNDS = 20;
export const FLEET_T0 = Date.UTC(2026, 0, 5, 8, 0, 0);

/** Manufacturer, model and channel, cycled over the phones. */
export const FLEET_MAKERS: readonly [string, string, TargetChannel][] = [
  ['Xiaomi', '23127PN0CC', 'xiaomi'],
  ['HUAWEI', 'ALN-AL00', 'huawei'],
  ['HONOR', 'PGT-AN10', 'honor'],
  ['OPPO', 'PHZ110', 'oppo'],
  ['vivo', 'V2309A', 'vivo'],
  ['Meizu', 'M481Q', 'meizu'],
  ['samsung', 'SM-S9280', 'fcm'],
  ['Google', 'Pixel 8', 'fcm'],
  ['Nothing', 'A065', 'fcm'],
  ['Apple', 'iPhone15,2', 'apns'],
];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
