/**
 * Diagnose attribution on the virtual lab: Tencent's push misses its window and arrives only while
 * the vendor path's capture watches, right when the direct push reaches the phone. It must be
 * credited to Tencent (late), never to the vendor: with the vendor losing its push the link is the
 * vendor side; with the vendor's push shown too, the direct path is shown and Tencent's side is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PACKAGE } from '../../../virtual-lab/push-lab';
import { openRunLab, type RunLab } from '../../../support/run-lab';
import { describeDiagnosis } from '../../../../shared/runs/diagnose';

const PIXEL = 'google-pixel-android15-1';
/** lateonly: the vendor loses the direct push; lateboth (FCM) and latemi (Mi Push's emulator): the vendor shows it. */
const PHONES = [
  { profile: PIXEL, id: 'lateonly' },
  { profile: PIXEL, id: 'lateboth' },
  { profile: 'xiaomi-hyperos2-android14-2', id: 'latemi' },
] as const;
const IDS = PHONES.map((p) => p.id);
let env: RunLab;
const serialOf = (id: string): string => env.world.phones.find((p) => p.id === id)?.serial ?? '';
const lateDone = new Set<string>();

/** Posts Tencent's held push on the phone now, with the words Tencent's router gave it. */
function tencentArrivesNow(serial: string): void {
  if (lateDone.has(serial)) return;
  const held = env.world
    .groundTruth()
    .filter((t) => t.serial === serial && t.reason === 'backend-dropped')
    .at(-1);
  const phone = env.world.phones.find((p) => p.serial === serial);
  if (held === undefined || phone === undefined || held.text === null) return;
  lateDone.add(serial);
  phone.android.postNotification(DEMO_PACKAGE, {
    channelId: held.channelId ?? 'pushlab_default',
    title: held.title ?? '',
    text: held.text,
  });
}

beforeAll(async () => {
  env = await openRunLab({
    phones: PHONES.map((p) => ({ ...p, account: `qa_${p.id}` })),
    world: {
      direct: true,
      // Tencent holds both phones' pushes past the window...
      drops: () => true,
      // ...and they arrive as the direct push reaches the phone (the vendor's delivery asks here first).
      vendorDrops: (_channel, serial) => {
        tencentArrivesNow(serial);
        return serial === serialOf('lateonly');
      },
    },
  });
}, 120_000);
afterAll(async () => env?.close());

describe('a Tencent push arriving after the direct send', () => {
  it('is counted for Tencent, never for the vendor path', async () => {
    const runs = env.core.services.runs;
    const plan = env.world.diagnosePlan({
      phones: { serials: IDS.map(serialOf) },
      scenarios: ['background-c2c-text'],
      timeouts: { pushMs: 2500, stepMs: 15000 },
    });
    const { runId } = await runs.start(plan);
    expect((await runs.settled(runId)).status).toBe('completed');
    const attempts = runs.get(runId).attempts;
    const diagnosisOf = (id: string) => attempts.find((a) => a.serial === serialOf(id))?.verdict?.diagnosis;
    const table = attempts
      .map((a) => `${a.serial} ${a.verdict?.diagnosis ? describeDiagnosis(a.verdict.diagnosis, 'en') : '-'}`)
      .join('\n');
    expect(lateDone.size, table).toBe(3);

    // The vendor lost its push; the late Tencent one does not make the vendor path "shown".
    const lost = diagnosisOf('lateonly');
    expect(lost?.vendor.shown, table).toBe(false);
    expect(lost?.tencent).toMatchObject({ shown: false, arrivedLate: true });
    expect(lost?.link, table).toBe('vendor-side');
    expect(describeDiagnosis(lost!, 'en')).toContain('arrived late');

    // The vendor's push really showed (it carries the marker): the vendor path is shown.
    const both = diagnosisOf('lateboth');
    expect(both?.vendor.shown, table).toBe(true);
    expect(both?.tencent).toMatchObject({ shown: false, arrivedLate: true });
    expect(both?.link, table).toBe('tencent-side');
    const mi = diagnosisOf('latemi');
    expect(mi?.vendor, table).toMatchObject({ kind: 'xiaomi', shown: true });
    expect(mi?.tencent).toMatchObject({ shown: false, arrivedLate: true });
    expect(mi?.link, table).toBe('tencent-side');
  }, 180_000);
});
