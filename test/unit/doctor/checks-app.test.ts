import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../electron/lab/doctor/facts-types';
import { PIXEL_15, byId, evaluate, healthyFacts, identityOf, packageDumpText, withPackage } from './helpers';

const pixel = identityOf(PIXEL_15);

describe('app checks', () => {
  it("reports the installed version with the phone's lines as evidence", () => {
    const check = byId(evaluate(healthyFacts(), pixel), 'app.installed');
    expect(check.status).toBe('ok');
    expect(check.advice).toEqual({ key: 'check.app.installed.ok', values: { version: '4.1.2 (412)' } });
    expect(check.evidence).toContain('versionCode=412 minSdk=24 targetSdk=34');
    expect(check.evidence).toContain('versionName=4.1.2');
  });

  it('fails when the package is not in the dump', () => {
    const facts = withPackage(emptyFacts(), 'Unable to find package: com.example.pushlab.demo\n');
    const checks = evaluate(facts, pixel);
    expect(byId(checks, 'app.installed').status).toBe('fail');
    expect(byId(checks, 'app.installed').advice.key).toBe('check.app.installed.missing');
  });

  it('is unknown, never guessed, when the dump could not be read', () => {
    const facts = { ...emptyFacts(), unread: { 'dumpsys package': 'Phone S1 did not answer within 20 s.' } };
    const checks = evaluate(facts, pixel);
    for (const id of ['app.installed', 'app.enabled', 'app.stopped']) {
      expect(byId(checks, id).status).toBe('unknown');
      expect(byId(checks, id).evidence).toContain('did not answer');
    }
  });

  it('fails a stopped app, telling never-launched from force-stopped, and offers launch-app', () => {
    const never = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ stopped: true, notLaunched: true })), pixel),
      'app.stopped',
    );
    expect(never).toMatchObject({
      status: 'fail',
      fixes: ['launch-app'],
      advice: { key: 'check.app.stopped.neverLaunched' },
    });
    expect(never.evidence).toBe('User 0: stopped=true notLaunched=true');
    const forced = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ stopped: true })), pixel),
      'app.stopped',
    );
    expect(forced).toMatchObject({ status: 'fail', advice: { key: 'check.app.stopped.forceStopped' } });
    expect(byId(evaluate(healthyFacts(), pixel), 'app.stopped')).toMatchObject({ status: 'ok', fixes: [] });
  });

  it('only warns about a force-stopped app on a system-level vendor channel, which still shows offline pushes', () => {
    const xiaomi = { ...pixel, manufacturer: 'Xiaomi', pushChannel: 'xiaomi' as const };
    const forced = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ stopped: true })), xiaomi),
      'app.stopped',
    );
    expect(forced).toMatchObject({
      status: 'warn',
      fixes: ['launch-app'],
      advice: { key: 'check.app.stopped.forceStoppedVendor' },
    });
    // Never launched: no token was ever registered, so even a vendor channel has nowhere to deliver.
    const never = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ stopped: true, notLaunched: true })), xiaomi),
      'app.stopped',
    );
    expect(never.status).toBe('fail');
  });

  it('fails a disabled or suspended app', () => {
    const disabled = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ enabled: 3 })), pixel),
      'app.enabled',
    );
    expect(disabled).toMatchObject({ status: 'fail', advice: { key: 'check.app.enabled.disabled' } });
    const suspended = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ suspended: true })), pixel),
      'app.enabled',
    );
    expect(suspended).toMatchObject({ status: 'fail', advice: { key: 'check.app.enabled.suspended' } });
    expect(suspended.evidence).toContain('suspended=true');
  });

  it('says in words what the component state number in the evidence means', () => {
    const byDefault = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ enabled: 0 })), pixel),
      'app.enabled',
    );
    expect(byDefault).toMatchObject({ status: 'ok', advice: { key: 'check.app.enabled.okDefault' } });
    expect(byDefault.evidence).toContain('enabled=0');
    const explicit = byId(
      evaluate(withPackage(emptyFacts(), packageDumpText({ enabled: 1 })), pixel),
      'app.enabled',
    );
    expect(explicit).toMatchObject({ status: 'ok', advice: { key: 'check.app.enabled.okExplicit' } });
  });

  it('keeps evidence free of the inode, so an unchanged app does not drift', () => {
    const a = byId(evaluate(withPackage(emptyFacts(), packageDumpText()), pixel), 'app.enabled').evidence;
    const b = byId(
      evaluate(
        withPackage(emptyFacts(), packageDumpText().replace('ceDataInode=1643854', 'ceDataInode=99')),
        pixel,
      ),
      'app.enabled',
    ).evidence;
    expect(a).toBe(b);
    expect(a).not.toContain('ceDataInode');
  });
});
