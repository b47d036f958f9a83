import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../../shared/domain/doctor';
import { parsePlan, type RunPlan } from '../../../../shared/runs';
import {
  contextFromDoctor,
  planAttempts,
  resolvePhones,
} from '../../../../electron/lab/runs/engine/resolve-run';
import { phone } from '../../../support/sample-devices';
import { RUN_PLANNING } from '../../../../electron/lab/platform/run-planning';

const base = {
  name: 'unit',
  app: {
    package: 'com.pushlab.demo',
    accounts: { vendors: { fcm: { account: 'qa' }, xiaomi: { account: 'qa_mi' } } },
    login: { kind: 'operator', prompt: 'log in' },
  },
  phones: { vendors: ['fcm'] },
  scenarios: ['notifications-blocked', 'background-c2c-text', 'push-service-missing', 'background-image'],
  repeats: 2,
  sender: { kind: 'manual' },
};
const plan = (overrides: Record<string, unknown> = {}): RunPlan => parsePlan({ ...base, ...overrides });

const pixel = phone('PIXEL01', {});
const mi = phone('MI01', {
  manufacturer: 'Xiaomi',
  pushChannel: 'xiaomi',
  rom: { name: 'HyperOS', version: '2.0' },
  pushServices: [],
});
const offline = phone('OFF01', {}, { state: 'offline', identity: null, identityStatus: 'not-applicable' });

describe('resolvePhones', () => {
  it('takes every ready phone of a named channel, sorted by serial, with what expectations need', () => {
    const resolved = resolvePhones(
      plan({ phones: { vendors: ['fcm', 'xiaomi'] } }),
      [pixel, mi, offline],
      RUN_PLANNING,
    );
    expect(resolved.map((r) => r.phone.serial)).toEqual(['MI01', 'PIXEL01']);
    expect(resolved[1]).toMatchObject({
      phone: { vendor: 'Google', channel: 'fcm' },
      context: { channel: 'fcm', sdk: 35, pushServiceReady: true },
    });
    expect(resolved[0]?.context.pushServiceReady).toBeNull(); // Xiaomi's channel needs no separate service check
  });

  it('refuses a plan naming a phone that is absent, offline or has no phone on a channel, saying which', () => {
    expect(() =>
      resolvePhones(
        plan({ phones: { serials: ['GONE', 'OFF01'], vendors: ['huawei'] } }),
        [pixel, offline],
        RUN_PLANNING,
      ),
    ).toThrow(/GONE is not attached; OFF01 is offline; no attached phone uses the huawei channel/);
  });
});

describe('planAttempts', () => {
  it('runs must-show scenarios first in each repeat, then predicted drops, so a positive control exists before "not shown" is judged', () => {
    const attempts = planAttempts(plan(), resolvePhones(plan(), [pixel], RUN_PLANNING));
    expect(attempts.map((a) => `${a.repeat}:${a.scenarioId}`)).toEqual([
      '1:background-c2c-text',
      '1:background-image',
      '1:push-service-missing',
      '1:notifications-blocked',
      '2:background-c2c-text',
      '2:background-image',
      '2:push-service-missing',
      '2:notifications-blocked',
    ]);
    expect(attempts.map((a) => a.ordinal)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('contextFromDoctor', () => {
  const report = (checks: Array<[string, string]>): DoctorReport =>
    ({
      id: 1,
      serial: 'S',
      package: 'p.q',
      takenAt: 'now',
      complete: true,
      incompleteReason: null,
      phone: null,
      checks: checks.map(([id, status]) => ({ id, status })),
    }) as unknown as DoctorReport;
  const ctx = { channel: 'fcm' as const, rom: 'Android' as const, sdk: 35, pushServiceReady: true };

  it('reads blocked notifications, the push service and autostart from the doctor', () => {
    expect(
      contextFromDoctor(
        ctx,
        report([
          ['notifications.permission', 'fail'],
          ['notifications.app', 'ok'],
          ['push.service', 'fail'],
          ['vendor.autostart', 'ok'],
        ]),
      ),
    ).toMatchObject({
      notificationsBlocked: true,
      pushServiceReady: false,
      autostartAllowed: true,
    });
    expect(
      contextFromDoctor(
        ctx,
        report([
          ['notifications.permission', 'ok'],
          ['notifications.app', 'ok'],
        ]),
      ).notificationsBlocked,
    ).toBe(false);
  });

  it('leaves what the doctor could not read unknown instead of guessing', () => {
    const out = contextFromDoctor(
      ctx,
      report([
        ['notifications.permission', 'unknown'],
        ['push.service', 'warn'],
      ]),
    );
    expect(out.notificationsBlocked).toBeNull();
    expect(out.pushServiceReady).toBe(true);
    expect(out.autostartAllowed).toBeNull();
    expect(contextFromDoctor(ctx, null)).toBe(ctx);
  });
});
