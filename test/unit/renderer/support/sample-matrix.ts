/**
 * Matrices for the matrix view's unit tests, built by the real shared/matrix builder from
 * attempts given by hand: a Xiaomi, a Huawei and a Pixel over four scenarios in three states.
 */
import {
  buildMatrix,
  type MatrixAttempt,
  type MatrixInput,
  type MatrixPhoneInput,
} from '../../../../shared/matrix/build';
import type { RunMatrix } from '../../../../shared/matrix/types';
import type { VerdictKind } from '../../../../shared/runs/types';

export const RUN = '0b6f5a8e-3c1d-4a8e-9b1f-2f6f3d1c9a10';
export const EARLIER = '7d1e2f30-1111-4a8e-9b1f-2f6f3d1c9a10';

export const MI: MatrixPhoneInput = {
  serial: 'mi-1',
  vendor: 'Xiaomi',
  model: '24031PN0DC',
  channel: 'xiaomi',
  details: { marketingName: 'Redmi K70', rom: { name: 'HyperOS', version: '2.0.1' }, androidVersion: '14' },
};
export const HW: MatrixPhoneInput = {
  serial: 'hw-1',
  vendor: 'HUAWEI',
  model: 'ALN-AL00',
  channel: 'huawei',
  details: { rom: { name: 'HarmonyOS', version: '4.2' }, androidVersion: '12' },
};
export const PX: MatrixPhoneInput = { serial: 'px-1', vendor: 'Google', model: 'Pixel 8', channel: 'fcm' };

/** In matrix column order: foreground text, background text, background image, screen-locked group text. */
export const FG = 'foreground-text';
export const BG = 'background-c2c-text';
export const IMG = 'background-image';
export const LOCK = 'screen-locked-group-text';

let nextId = 1;

/** One attempt; pass/fail set delivered and a latency like the engine does. */
export function att(
  serial: string,
  scenarioId: string,
  verdict: VerdictKind | null,
  change: Partial<MatrixAttempt> = {},
): MatrixAttempt {
  const id = nextId++;
  const delivered = verdict === 'pass' ? true : verdict === 'fail' ? false : null;
  return {
    id,
    serial,
    scenarioId,
    repeat: 1,
    ordinal: id,
    verdict,
    reason:
      verdict === 'fail'
        ? { key: 'fail.not-shown-in-time', values: { within: '8 s' } }
        : verdict === 'pass'
          ? { key: 'pass.shown', values: { latency: '1.2 s' } }
          : null,
    delivered,
    latencyMs: delivered ? 1200 : null,
    ...change,
  };
}

export function matrixOf(attempts: readonly MatrixAttempt[], change: Partial<MatrixInput> = {}): RunMatrix {
  return buildMatrix({
    runId: RUN,
    planName: 'nightly offline push',
    package: 'com.pushlab.demo',
    status: 'completed',
    createdAt: '2026-01-05T10:00:00.000Z',
    finishedAt: '2026-01-05T10:20:00.000Z',
    phones: [PX, HW, MI],
    scenarioIds: [LOCK, IMG, BG, FG],
    attempts,
    ...change,
  });
}

/** Every phone x scenario: the Huawei fails background text, the Pixel's image is blocked, the rest pass. */
export function sampleMatrix(change: Partial<MatrixInput> = {}): RunMatrix {
  const attempts: MatrixAttempt[] = [];
  for (const phone of [MI, HW, PX]) {
    for (const scenario of [FG, BG, IMG, LOCK]) {
      const verdict: VerdictKind =
        phone === HW && scenario === BG ? 'fail' : phone === PX && scenario === IMG ? 'blocked' : 'pass';
      attempts.push(att(phone.serial, scenario, verdict));
    }
  }
  return matrixOf(attempts, change);
}
