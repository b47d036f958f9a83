import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../../electron/lab/doctor/evaluate';
import { emptyFacts, type DoctorFacts } from '../../../electron/lab/doctor/facts-types';
import {
  PIXEL_15,
  PKG,
  byId,
  evaluate,
  fixture,
  healthyFacts,
  identityOf,
  packageDumpText,
  withAppOps,
  withDeviceIdle,
  withPackage,
  withSetting,
  withStandby,
} from './helpers';

const pixel = identityOf(PIXEL_15);

describe('Doze allow-list', () => {
  it('is ok when the app is user allow-listed, quoting the CSV line', () => {
    expect(byId(evaluate(healthyFacts(), pixel), 'battery.doze')).toMatchObject({
      status: 'ok',
      evidence: `user,${PKG},10312`,
      advice: { values: { kind: 'user' } },
    });
  });

  it('warns and offers doze-allowlist when it is not', () => {
    const facts = withDeviceIdle(
      emptyFacts(),
      fixture('deviceidle-whitelist', 'composed-xiaomi-hyperos2-android14-1.txt').toString('utf8'),
    );
    expect(byId(evaluate(facts, pixel), 'battery.doze')).toMatchObject({
      status: 'warn',
      fixes: ['doze-allowlist'],
    });
  });

  it('reads the full dump too (the real HyperOS capture lists com.xiaomi.xmsf as a user app)', () => {
    const facts = withDeviceIdle(
      emptyFacts(),
      fixture('deviceidle', 'xiaomi-hyperos2-android14-1.txt').toString('utf8'),
    );
    expect(byId(evaluate(facts, pixel), 'battery.doze').status).toBe('warn');
    const xmsf = evaluateFor(facts, 'com.xiaomi.xmsf');
    expect(byId(xmsf, 'battery.doze')).toMatchObject({
      status: 'ok',
      evidence: 'Whitelist user apps: com.xiaomi.xmsf',
    });
  });

  it('is unknown when not read', () => {
    expect(byId(evaluate(emptyFacts(), pixel), 'battery.doze')).toMatchObject({
      status: 'unknown',
      fixes: ['doze-allowlist'],
    });
  });
});

describe('background app ops', () => {
  it('warns on an ignored RUN_ANY_IN_BACKGROUND, without the access times', () => {
    const facts = withAppOps(
      emptyFacts(),
      fixture('appops-get', 'composed-miui-uid-override-1.txt').toString('utf8'),
    );
    const check = byId(evaluate(facts, pixel), 'battery.run-any-in-background');
    expect(check).toMatchObject({
      status: 'warn',
      fixes: ['allow-run-any-in-background'],
      advice: { values: { op: 'RUN_ANY_IN_BACKGROUND', mode: 'ignore' } },
    });
    expect(check.evidence).toBe('RUN_ANY_IN_BACKGROUND: ignore');
    expect(byId(evaluate(facts, pixel), 'battery.run-in-background').status).toBe('ok');
  });

  it('treats an op that is not listed as the default (allowed)', () => {
    const facts = withAppOps(
      emptyFacts(),
      fixture('appops-get', 'composed-no-operations-2.txt').toString('utf8'),
    );
    expect(byId(evaluate(facts, pixel), 'battery.run-any-in-background')).toMatchObject({
      status: 'ok',
      advice: { key: 'check.battery.appOp.default' },
    });
  });

  it('has no RUN_ANY_IN_BACKGROUND check before Android 9, nor RUN_IN_BACKGROUND before 8', () => {
    const ids = (sdk: number) => evaluate(healthyFacts(), { ...pixel, sdk }).map((c) => c.id);
    expect(ids(27)).not.toContain('battery.run-any-in-background');
    expect(ids(27)).toContain('battery.run-in-background');
    expect(ids(25)).not.toContain('battery.run-in-background');
    expect(ids(25)).not.toContain('battery.standby');
  });
});

describe('standby bucket', () => {
  it('is ok for active-like buckets and warns for rare and restricted', () => {
    const bucket = (raw: string) => byId(evaluate(withStandby(emptyFacts(), raw), pixel), 'battery.standby');
    expect(bucket('10').status).toBe('ok');
    expect(bucket('30').status).toBe('ok');
    expect(bucket('40')).toMatchObject({
      status: 'warn',
      fixes: ['standby-bucket-active'],
      advice: { key: 'check.battery.standby.rare' },
    });
    expect(bucket('45')).toMatchObject({
      status: 'warn',
      advice: { key: 'check.battery.standby.restricted' },
    });
    expect(bucket('40').evidence).toBe(`am get-standby-bucket ${PKG}: 40`);
    expect(bucket('what').status).toBe('unknown');
  });
});

describe('battery saver and data', () => {
  it('warns while Battery Saver is on', () => {
    expect(
      byId(evaluate(withSetting(emptyFacts(), 'global/low_power', '1'), pixel), 'battery.saver').status,
    ).toBe('warn');
    expect(byId(evaluate(healthyFacts(), pixel), 'battery.saver').status).toBe('ok');
  });

  it('warns when background data is off for the app uid, or Data Saver is on and the app is not exempt', () => {
    const base = healthyFacts();
    expect(byId(evaluate(base, pixel), 'battery.data').status).toBe('ok');
    const denied: DoctorFacts = {
      ...base,
      backgroundDataDenylist: { text: 'Restrict background blacklisted UIDs: 10312', value: [10312] },
    };
    expect(byId(evaluate(denied, pixel), 'battery.data')).toMatchObject({
      status: 'warn',
      advice: { key: 'check.battery.data.backgroundOff' },
      // Only what concerns this app: other apps' uids would read as drift.
      evidence: 'Restrict background status: disabled\nRestrict background blacklisted UIDs: 10312 listed',
    });
    const saver: DoctorFacts = {
      ...base,
      dataSaver: { text: 'Restrict background status: enabled', value: true },
    };
    expect(byId(evaluate(saver, pixel), 'battery.data')).toMatchObject({
      status: 'warn',
      advice: { key: 'check.battery.data.saverOn' },
    });
    const exempt: DoctorFacts = {
      ...saver,
      dataSaverAllowlist: { text: 'Restrict background whitelisted UIDs: 10312', value: [10312] },
    };
    expect(byId(evaluate(exempt, pixel), 'battery.data').status).toBe('ok');
  });

  it('is unknown without the app uid or the lists', () => {
    const noUid = withPackage(healthyFacts(), packageDumpText().replace('appId=10312', 'appId=x'));
    expect(byId(evaluate(noUid, pixel), 'battery.data').status).toBe('unknown');
    expect(
      byId(evaluate({ ...healthyFacts(), backgroundDataDenylist: null }, pixel), 'battery.data').status,
    ).toBe('unknown');
  });
});

function evaluateFor(facts: DoctorFacts, pkg: string) {
  return evaluateChecks(facts, pixel, { serial: 'S1', package: pkg, channelIds: [] });
}
