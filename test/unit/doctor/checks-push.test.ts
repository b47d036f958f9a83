import { describe, expect, it } from 'vitest';
import type { PushServiceFact } from '../../../electron/lab/doctor/facts-types';
import { parseDumpsysPackage } from '../../../electron/lab/android/parsers/dumpsys-package';
import {
  HUAWEI_EMUI10,
  OPPO_COLOROS15,
  PIXEL_15,
  XIAOMI_HYPEROS,
  byId,
  evaluate,
  healthyFacts,
  identityOf,
} from './helpers';

function service(
  pkg: string,
  name: string,
  minimum: number | null,
  state: { versionCode: number; enabled?: number } | null,
): PushServiceFact {
  const text = state
    ? `Packages:\n  Package [${pkg}] (a1b2c3):\n    userId=10040\n    versionCode=${state.versionCode} minSdk=24 targetSdk=33\n    versionName=6.11.0.300\n` +
      (`    User 0: ceDataInode=5 installed=true hidden=false suspended=false stopped=false ` +
        `notLaunched=false enabled=${state.enabled ?? 0} instant=false virtual=false\n`)
    : `Unable to find package: ${pkg}\n`;
  return { package: pkg, name, minimumVersionCode: minimum, info: parseDumpsysPackage(text, pkg), text };
}

const hms = (state: Parameters<typeof service>[3]) => [
  service('com.huawei.hwid', 'HMS Core', 20401301, state),
];
const withServices = (services: PushServiceFact[] | null) => ({ ...healthyFacts(), pushServices: services });

describe('push service check', () => {
  const huawei = identityOf(HUAWEI_EMUI10);

  it('is ok for HMS Core newer than 20401300, quoting its version and enabled state', () => {
    const check = byId(evaluate(withServices(hms({ versionCode: 61100300 })), huawei), 'push.service');
    expect(check.status).toBe('ok');
    expect(check.evidence).toContain('versionCode=61100300');
    expect(check.evidence).toContain('enabled=0');
  });

  it('fails HMS Core 20401300 itself (Tencent needs newer) and reports the bound', () => {
    const check = byId(evaluate(withServices(hms({ versionCode: 20401300 })), huawei), 'push.service');
    expect(check).toMatchObject({
      status: 'fail',
      advice: { key: 'check.push.service.tooOld', values: { version: '20401300', minimum: '20401300' } },
    });
    expect(byId(evaluate(withServices(hms({ versionCode: 20401301 })), huawei), 'push.service').status).toBe(
      'ok',
    );
  });

  it('fails a disabled or missing service', () => {
    expect(
      byId(evaluate(withServices(hms({ versionCode: 61100300, enabled: 3 })), huawei), 'push.service').advice
        .key,
    ).toBe('check.push.service.disabled');
    const missing = byId(evaluate(withServices(hms(null)), huawei), 'push.service');
    expect(missing).toMatchObject({ status: 'fail', advice: { key: 'check.push.service.missing' } });
  });

  it('names Google Play services for FCM', () => {
    const gms = [service('com.google.android.gms', 'Google Play services', null, null)];
    expect(byId(evaluate(withServices(gms), identityOf(PIXEL_15)), 'push.service').advice.key).toBe(
      'check.push.service.missingGms',
    );
  });

  it('accepts either OPPO push service name', () => {
    const services = [
      service('com.heytap.mcs', 'HeyTap push service', null, null),
      service('com.coloros.mcs', 'ColorOS push service', null, { versionCode: 5000 }),
    ];
    expect(byId(evaluate(withServices(services), identityOf(OPPO_COLOROS15)), 'push.service').status).toBe(
      'ok',
    );
  });

  it('only warns for a missing Honor agent (the SDK can bind to a system proxy)', () => {
    const honor = identityOf('honor-magicos9-android15-2.txt');
    const agent = [service('com.hihonor.android.pushagent', 'Honor Push service', null, null)];
    expect(byId(evaluate(withServices(agent), honor), 'push.service').status).toBe('warn');
  });

  it('is unknown when not read or without identity', () => {
    expect(byId(evaluate(withServices(null), huawei), 'push.service').status).toBe('unknown');
    expect(byId(evaluate(healthyFacts(), null), 'push.service').status).toBe('unknown');
  });
});

describe('message-class and quota hints', () => {
  it("gives the channel's hint as a manual check with the console to look in", () => {
    const check = byId(evaluate(healthyFacts(), identityOf(XIAOMI_HYPEROS)), 'push.quota');
    expect(check).toMatchObject({
      status: 'manual',
      advice: { key: 'check.push.quota.xiaomi' },
      settingsPath: { key: 'vendor.console.xiaomi' },
    });
    expect(check.title).toEqual({ key: 'check.push.quota.title', values: { channel: 'Mi Push' } });
    expect(byId(evaluate(healthyFacts(), identityOf(HUAWEI_EMUI10)), 'push.quota').advice.key).toBe(
      'check.push.quota.huawei',
    );
    expect(
      byId(evaluate(healthyFacts(), identityOf('vivo-originos5-android15-1.txt')), 'push.quota').advice.key,
    ).toBe('check.push.quota.vivo');
    expect(byId(evaluate(healthyFacts(), identityOf(OPPO_COLOROS15)), 'push.quota').advice.key).toBe(
      'check.push.quota.oppo',
    );
    expect(
      byId(evaluate(healthyFacts(), identityOf('meizu-flyme12.1-android15-1.txt')), 'push.quota').advice.key,
    ).toBe('check.push.quota.meizu');
  });

  it('has none where the seeds give none (FCM)', () => {
    expect(evaluate(healthyFacts(), identityOf(PIXEL_15)).find((c) => c.id === 'push.quota')).toBeUndefined();
  });
});
