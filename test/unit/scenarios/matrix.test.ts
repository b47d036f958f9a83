import { describe, expect, it } from 'vitest';
import { REFERENCE_APP, REFERENCE_PHONES, SCENARIOS, scenarioById } from '../../../shared/scenarios/catalog';
import { expectFor, expectationKind } from '../../../shared/scenarios/rules/expect';
import type {
  AppState,
  Expectation,
  ExpectationKind,
  PhoneContext,
  Scenario,
} from '../../../shared/scenarios/types';

function scenario(id: string): Scenario {
  const found = scenarioById(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found;
}
function phone(name: string, extra: Partial<PhoneContext> = {}): PhoneContext {
  const base = REFERENCE_PHONES[name];
  if (base === undefined) throw new Error(`no reference phone ${name}`);
  return { ...base, ...extra };
}
const stateScenario: Record<AppState, string> = {
  foreground: 'foreground-text',
  background: 'background-c2c-text',
  'screen-locked': 'screen-locked-group-text',
  'swiped-away': 'swiped-away-text',
  'force-stopped': 'force-stopped-text',
  doze: 'doze-text',
  'after-reboot': 'after-reboot-text',
  'logged-out': 'logged-out-text',
  'kicked-offline': 'kicked-offline-text',
};

// Requirements (S must show, N must not show), P a platform prediction on a must-show push.
const S = 'must-show',
  N = 'must-not-show',
  P = 'predicted',
  U = 'undecided',
  X = 'not-applicable';
const PHONES = ['xiaomi', 'huawei', 'honor', 'oppo', 'vivo', 'meizu', 'fcm', 'fcm-one-ui', 'apns'] as const;
// The vendor x state matrix for the reference app (columns in PHONES order).
const MATRIX: Record<AppState, readonly ExpectationKind[]> = {
  foreground: [N, N, N, N, N, N, N, N, N],
  background: [S, S, S, S, S, S, S, S, S],
  'screen-locked': [S, S, S, S, S, S, S, S, S],
  'swiped-away': [S, S, S, S, S, S, S, U, S],
  'force-stopped': [S, S, S, S, S, S, P, P, X],
  doze: [P, P, P, P, P, P, S, S, X],
  'after-reboot': [S, S, S, S, S, S, S, U, S],
  'logged-out': [N, N, N, N, N, N, N, N, N],
  'kicked-offline': [N, N, N, N, N, N, N, N, N],
};

describe('vendor x state matrix', () => {
  for (const [state, row] of Object.entries(MATRIX) as [AppState, readonly ExpectationKind[]][]) {
    it.each(PHONES.map((p, i) => [p, row[i]] as const))(`${state} on %s -> %s`, (name, kind) => {
      const e = expectFor(scenario(stateScenario[state]), phone(name), REFERENCE_APP);
      expect(expectationKind(e)).toBe(kind);
      if (kind !== X) expect(e.rules.length).toBeGreaterThan(0);
    });
  }

  it('explains force-stop per channel: FCM by the stopped state, vendors by their system-level service', () => {
    const fcm = expectFor(scenario('force-stopped-text'), phone('fcm'), REFERENCE_APP);
    expect(fcm.rules).toEqual(expect.arrayContaining(['seed.killed', 'android.stopped-state']));
    expect(fcm.reason.en).toContain('FLAG_EXCLUDE_STOPPED_PACKAGES');
    expect(fcm.prediction?.fact).toBe('app-stopped');
    expect(fcm.ifMissing).toBe('inconclusive');
    const mi = expectFor(scenario('force-stopped-text'), phone('xiaomi'), REFERENCE_APP);
    expect(mi.rules).toEqual(expect.arrayContaining(['seed.killed', 'seed.system-level-channel']));
    expect(mi.ifMissing).toBe('fail');
  });

  it('treats a force-stop that left the app not stopped as a state not reached', () => {
    expect(expectFor(scenario('force-stopped-text'), phone('xiaomi', { appStopped: false })).outcome).toBe(
      'undecided',
    );
  });

  it('decides FCM after a swipe from the observed stopped state', () => {
    const s = scenario('swiped-away-text');
    expect(expectFor(s, phone('fcm-one-ui', { appStopped: true })).prediction?.fact).toBe(
      'rom-stopped-swiped-app',
    );
    expect(expectationKind(expectFor(s, phone('fcm-one-ui', { appStopped: false })))).toBe('must-show');
    expect(expectationKind(expectFor(s, phone('fcm', { appStopped: true })))).toBe('predicted');
  });

  it('defers Doze judgement unless FCM is high priority', () => {
    const s = scenario('doze-text');
    expect(expectFor(s, phone('fcm'), { fcmPriority: 'high' }).delivery).toBe('prompt');
    expect(expectFor(s, phone('fcm'), { fcmPriority: 'normal' }).delivery).toBe('after-idle');
    expect(expectFor(s, phone('fcm')).delivery).toBe('after-idle');
    expect(expectFor(s, phone('huawei'), REFERENCE_APP).delivery).toBe('after-idle');
  });

  it('decides FCM after a reboot from the stopped state and autostart', () => {
    const s = scenario('after-reboot-text');
    expect(expectFor(s, phone('fcm-one-ui', { autostartAllowed: true })).outcome).toBe('shown');
    expect(expectFor(s, phone('fcm-one-ui', { autostartAllowed: false })).outcome).toBe('undecided');
    expect(expectFor(s, phone('fcm', { appStopped: true })).prediction?.fact).toBe('app-stopped');
  });

  it('foreground is in-app, and undecided when the app posts its own notifications', () => {
    const s = scenario('foreground-text');
    expect(expectFor(s, phone('oppo')).surface).toBe('in-app');
    expect(expectFor(s, phone('oppo'), { postsOwnNotificationInForeground: true }).outcome).toBe('undecided');
  });
});

describe('gates that stop any notification', () => {
  it.each(PHONES)('blocked notifications show nothing on %s', (name) => {
    const e = expectFor(scenario('notifications-blocked'), phone(name), REFERENCE_APP);
    expect(e.outcome).toBe('not-shown');
    expect(e.rules).toContain('seed.notification-settings');
    expect(e.needsPositiveControl).toBe(true);
  });

  it.each(PHONES)('a custom message without desc shows nothing on %s', (name) => {
    const e = expectFor(scenario('background-custom-no-desc'), phone(name), REFERENCE_APP);
    expect(e.outcome).toBe('not-shown');
    expect(e.rules).toEqual(['seed.custom-no-desc']);
  });

  it('OPPO without ChannelID: not shown on Android 8+, shown before, undecided when the version is unknown', () => {
    const s = scenario('oppo-without-channel-id');
    expect(expectFor(s, phone('oppo', { sdk: 26 }), REFERENCE_APP).outcome).toBe('not-shown');
    expect(expectFor(s, phone('oppo', { sdk: 25 }), REFERENCE_APP).outcome).toBe('shown');
    expect(expectFor(s, phone('oppo', { sdk: null }), REFERENCE_APP).outcome).toBe('undecided');
    expect(expectFor(s, phone('xiaomi'), REFERENCE_APP).outcome).toBe('not-applicable');
  });

  it('OPPO with unknown notification switch: a missing push is inconclusive (off by default)', () => {
    const e = expectFor(
      scenario('background-c2c-text'),
      phone('oppo', { notificationsBlocked: null }),
      REFERENCE_APP,
    );
    expect(e.outcome).toBe('shown');
    expect(e.ifMissing).toBe('inconclusive');
    expect(e.rules).toContain('seed.oppo-notifications-off');
  });

  it('APNs environment mismatch is "bad devicetoken"; a matching pair is shown', () => {
    const mismatch = expectFor(scenario('apns-environment-mismatch'), phone('apns'), REFERENCE_APP);
    expect(mismatch.outcome).toBe('not-shown');
    expect(mismatch.rules).toEqual(['seed.apns-bad-devicetoken']);
    const ok = expectFor(scenario('background-c2c-text'), phone('apns'), {
      apns: { build: 'debug', certificate: 'development' },
    });
    expect(ok.outcome).toBe('shown');
  });

  it("a missing push service names the channel's requirement", () => {
    const s = scenario('push-service-missing');
    expect(expectFor(s, phone('fcm')).prediction).toMatchObject({
      fact: 'push-service-missing',
      rule: 'seed.fcm-needs-gms',
    });
    expect(expectFor(s, phone('huawei')).prediction).toMatchObject({
      fact: 'push-service-missing',
      rule: 'seed.hms-min-version',
    });
  });

  it('logout wins over everything else', () => {
    const e = expectFor(
      { ...scenario('logged-out-text'), setup: { notificationsBlocked: true } },
      phone('vivo'),
    );
    expect(e.rules).toEqual(['seed.logged-out']);
  });
});

describe('what a shown push must look like', () => {
  function shownOn(id: string, name: string, profile = REFERENCE_APP): Expectation {
    const e = expectFor(scenario(id), phone(name), profile);
    expect(e.outcome).toBe('shown');
    return e;
  }

  it('APNs must match the seed line exactly; Android must contain the content and the default title', () => {
    const ios = shownOn('background-c2c-text', 'apns');
    expect(ios.text).toEqual({ value: 'Denny:PushLab offline check', match: 'exact' });
    const mi = shownOn('background-c2c-text', 'xiaomi');
    expect(mi.text).toEqual({ value: 'PushLab offline check', match: 'contains' });
    expect(mi.title).toEqual({ value: 'Denny', match: 'exact' });
  });

  it('expects the sent channel id on Android 8+ only', () => {
    expect(shownOn('background-c2c-text', 'oppo').channelId).toBe('pushlab_im');
    expect(
      expectFor(scenario('background-c2c-text'), phone('xiaomi', { sdk: 25 }), REFERENCE_APP).channelId,
    ).toBeNull();
    expect(shownOn('background-c2c-text', 'vivo').channelId).toBeNull();
  });

  it('expects the custom sound where Tencent supports it and does not judge it elsewhere', () => {
    expect(shownOn('background-custom-sound', 'huawei').sound).toEqual({
      kind: 'custom',
      name: 'pushlab_ding',
    });
    expect(shownOn('background-custom-sound', 'apns').sound).toEqual({
      kind: 'custom',
      name: 'pushlab_ding',
    });
    const vivo = shownOn('background-custom-sound', 'vivo');
    expect(vivo.sound).toEqual({ kind: 'not-checked' });
    expect(vivo.caveats.map((c) => c.rule)).toContain('seed.custom-sound');
    expect(shownOn('background-c2c-text', 'vivo').sound).toEqual({ kind: 'default' });
  });

  it('carries ext to the tap handler', () => {
    const e = shownOn('background-ext-redirect', 'honor');
    expect(e.tapExt).toBe('{"conversation":"c2c_pushlab_sender"}');
    expect(e.rules).toContain('seed.ext-tap');
    expect(shownOn('background-c2c-text', 'honor').tapExt).toBeNull();
  });

  it('a title/desc override replaces the body', () => {
    const e = shownOn('background-title-desc', 'fcm');
    expect(e.title).toEqual({ value: 'PushLab title', match: 'exact' });
    expect(e.text).toEqual({ value: 'PushLab desc', match: 'contains' });
  });

  it.each(['huawei', 'honor', 'oppo', 'vivo', 'xiaomi'])(
    'a low class on %s may legitimately be missing',
    (name) => {
      const e = shownOn('low-class-message', name);
      expect(e.ifMissing).toBe('inconclusive');
      expect(e.rules).toContain('seed.vendor-classification');
    },
  );

  it('an unclassified Huawei message is inconclusive when missing; a Meizu push carries the quota caveat', () => {
    const bare = {
      ...scenario('background-c2c-text'),
      message: { ...scenario('background-c2c-text').message, push: {} },
    };
    expect(expectFor(bare, phone('huawei'), REFERENCE_APP).ifMissing).toBe('inconclusive');
    expect(expectFor(bare, phone('vivo'), REFERENCE_APP).ifMissing).toBe('fail');
    const meizu = shownOn('background-c2c-text', 'meizu');
    expect(meizu.ifMissing).toBe('fail');
    expect(meizu.caveats.map((c) => c.rule)).toContain('seed.daily-quota');
  });

  it('every catalog scenario gives a well-formed expectation on every reference phone', () => {
    for (const s of SCENARIOS) {
      for (const name of PHONES) {
        const e = expectFor(s, phone(name), REFERENCE_APP);
        expect(e.ifMissing === null).toBe(e.outcome !== 'shown');
        expect(e.needsPositiveControl).toBe(e.outcome === 'not-shown');
        if (e.outcome === 'shown') expect(e.text?.value.length ?? 0).toBeGreaterThan(0);
        else expect([e.title, e.text, e.tapExt]).toEqual([null, null, null]);
      }
    }
  });
});
