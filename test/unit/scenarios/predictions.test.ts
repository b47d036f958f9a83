/**
 * Requirements vs predictions: only a requirement (a seed rule on the product) may fail a push that
 * showed; a platform prediction turns a shown push into a pass with a note and a missing one into
 * an inconclusive naming the fact. Each prediction is checked both ways, on real catalog cells.
 */
import { describe, expect, it } from 'vitest';
import { judge } from '../../../electron/lab/runs/verdict';
import { pushServiceFact } from '../../../electron/lab/android/identity/push-service-fact';
import { describeReason } from '../../../shared/runs/reasons';
import { REFERENCE_APP, REFERENCE_PHONES, SCENARIOS, scenarioById } from '../../../shared/scenarios/catalog';
import { expectFor, expectationKind } from '../../../shared/scenarios/rules/expect';
import { ruleById } from '../../../shared/scenarios/sources';
import type { AppProfile, Expectation, PhoneContext, PredictionFact } from '../../../shared/scenarios/types';
import { record, seen, timedOut } from '../runs/verdict-helpers';

function cell(
  id: string,
  phoneName: string,
  extra: Partial<PhoneContext> = {},
  profile: AppProfile = REFERENCE_APP,
): Expectation {
  const scenario = scenarioById(id);
  const phone = REFERENCE_PHONES[phoneName];
  if (scenario === undefined || phone === undefined) throw new Error(`no ${id} / ${phoneName}`);
  return expectFor(scenario, { ...phone, ...extra }, profile);
}

/** A record that matches the expectation exactly (title and channel as expected, text contained). */
function faithful(e: Expectation): ReturnType<typeof record> {
  return record({ title: e.title?.value ?? 'x', text: e.text?.value ?? 'x', channelId: e.channelId });
}

const PREDICTED: ReadonlyArray<{
  readonly fact: PredictionFact;
  readonly e: () => Expectation;
  readonly words: RegExp;
}> = [
  {
    fact: 'push-service-missing',
    e: () => cell('background-c2c-text', 'fcm', { pushServiceReady: false, pushServiceProblem: 'missing' }),
    words: /Google Play services was not found/,
  },
  {
    fact: 'push-service-old',
    e: () =>
      cell('background-c2c-text', 'huawei', { pushServiceReady: false, pushServiceProblem: 'too-old' }),
    words: /HMS Core is older/,
  },
  {
    fact: 'push-service-missing',
    e: () => cell('push-service-missing', 'huawei'),
    words: /HMS Core is missing or too old/,
  },
  { fact: 'app-stopped', e: () => cell('force-stopped-text', 'fcm'), words: /stopped state/ },
  {
    fact: 'rom-stopped-swiped-app',
    e: () => cell('swiped-away-text', 'fcm-one-ui', { appStopped: true }),
    words: /stopped the app when it was swiped/,
  },
  {
    fact: 'app-stopped',
    e: () => cell('after-reboot-text', 'fcm', { appStopped: true }),
    words: /stopped state/,
  },
  { fact: 'low-class', e: () => cell('low-class-message', 'vivo'), words: /low vivo class/ },
  { fact: 'low-class', e: () => cell('low-class-message', 'xiaomi'), words: /daily quota/ },
];

describe('each prediction, both ways', () => {
  it.each(PREDICTED.map((p, i) => [`${p.fact} #${i}`, p] as const))(
    '%s: shown = pass with a note, missing = inconclusive with the fact',
    (_, p) => {
      const e = p.e();
      expect(expectationKind(e)).toBe('predicted');
      expect(e.prediction?.fact).toBe(p.fact);

      const shown = judge(e, seen([faithful(e)]));
      expect(shown.kind).toBe('pass');
      expect(shown.reason.key).toBe('pass.shown-despite-prediction');
      expect(describeReason(shown.reason)).toMatch(/although/);
      expect(describeReason(shown.reason)).toMatch(p.words);
      expect(describeReason(shown.reason, 'zh-CN')).toMatch(/尽管/);

      const missing = judge(e, timedOut());
      expect(missing.kind).toBe('inconclusive');
      expect(missing.reason.key).toBe('inconclusive.predicted-drop');
      expect(describeReason(missing.reason)).toMatch(p.words);
      expect(describeReason(missing.reason, 'zh-CN')).not.toMatch(/[A-Za-z]{6,} [a-z]{3,}/); // the fact is in Chinese too
    },
  );

  it('Doze holds a push back: missing before Doze is left is inconclusive, missing after it fails, shown passes without a note', () => {
    const e = cell('doze-text', 'honor');
    expect(e.prediction).toMatchObject({ fact: 'doze', effect: 'delay' });
    expect(judge(e, timedOut()).reason.key).toBe('inconclusive.before-idle');
    expect(judge(e, timedOut(0, { idleLeft: true })).reason.key).toBe('fail.not-shown-in-time');
    expect(judge(e, seen([faithful(e)])).reason.key).toBe('pass.shown');
  });

  it('a prediction never excuses a wrong push: shown with the wrong title still fails', () => {
    const e = cell('background-c2c-text', 'fcm', { pushServiceReady: false, pushServiceProblem: 'missing' });
    expect(
      judge(e, seen([record({ title: 'someone else', text: e.text?.value ?? '', channelId: e.channelId })]))
        .reason.key,
    ).toBe('fail.wrong-text');
  });
});

describe('requirements stay requirements', () => {
  it('a requirement to show nothing wins over a prediction: shown is a fail', () => {
    const e = cell('notifications-blocked', 'fcm', {
      pushServiceReady: false,
      pushServiceProblem: 'missing',
    });
    expect(expectationKind(e)).toBe('must-not-show');
    expect(judge(e, seen([record()])).reason.key).toBe('fail.shown-when-must-not');
  });

  it('an unknown push service (null) leaves the requirement alone: shown passes plainly, missing fails', () => {
    const e = cell('background-c2c-text', 'honor', { pushServiceReady: null });
    expect(expectationKind(e)).toBe('must-show');
    expect(judge(e, seen([faithful(e)])).reason.key).toBe('pass.shown');
    expect(judge(e, timedOut()).reason.key).toBe('fail.not-shown-in-time');
  });

  it('every must-not-show cell of the catalog rests on a seed rule, and every cell has a kind', () => {
    const kinds = new Map<string, number>();
    for (const scenario of SCENARIOS) {
      for (const [name, phone] of Object.entries(REFERENCE_PHONES)) {
        const e = expectFor(scenario, phone, REFERENCE_APP);
        const kind = expectationKind(e);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        if (kind === 'must-not-show') {
          expect(
            e.rules.some((r) => ruleById(r)?.kind === 'seed'),
            `${scenario.id} on ${name}: ${e.rules.join(', ')}`,
          ).toBe(true);
        }
        if (kind === 'predicted') expect(ruleById(e.prediction?.rule ?? '')).toBeDefined();
        else expect(e.prediction).toBeNull();
      }
    }
    expect([...kinds.keys()].sort()).toEqual([
      'must-not-show',
      'must-show',
      'not-applicable',
      'predicted',
      'undecided',
    ]);
  });
});

describe('what the identity proves about the push service', () => {
  const service = (channel: 'fcm' | 'huawei' | 'honor', meetsMinimum: boolean | null) =>
    [{ package: 'p', channel, name: 'n', minimumVersionCode: null, versionCode: 1, meetsMinimum }] as const;

  it('GMS and HMS Core absent are facts; an absent Honor agent is unknown', () => {
    expect(pushServiceFact('fcm', [])).toEqual({ pushServiceReady: false, pushServiceProblem: 'missing' });
    expect(pushServiceFact('huawei', [])).toEqual({ pushServiceReady: false, pushServiceProblem: 'missing' });
    expect(pushServiceFact('honor', [])).toEqual({ pushServiceReady: null, pushServiceProblem: null });
    expect(pushServiceFact('xiaomi', [])).toEqual({ pushServiceReady: null, pushServiceProblem: null });
  });

  it('an installed service is ready unless it is known to be too old', () => {
    expect(pushServiceFact('huawei', service('huawei', false))).toEqual({
      pushServiceReady: false,
      pushServiceProblem: 'too-old',
    });
    expect(pushServiceFact('huawei', service('huawei', null))).toEqual({
      pushServiceReady: true,
      pushServiceProblem: null,
    });
    expect(pushServiceFact('honor', service('honor', true))).toEqual({
      pushServiceReady: true,
      pushServiceProblem: null,
    });
  });
});
