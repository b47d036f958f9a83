import { describe, expect, it } from 'vitest';
import { REFERENCE_APP, REFERENCE_PHONES, SCENARIOS } from '../../../shared/scenarios/catalog';
import { expectFor } from '../../../shared/scenarios/rules/expect';
import { PLATFORM_RULES, RULES, SEED_RULES, ruleById } from '../../../shared/scenarios/sources';
import {
  APP_STATES,
  MESSAGE_KINDS,
  TARGET_CHANNELS,
  type Expectation,
  type Scenario,
} from '../../../shared/scenarios/types';
import { PUSH_CHANNELS } from '../../../shared/domain/device';

const SEED_FILES = [
  '000_acea73ed56b2c609.txt',
  '001_6e945f9fd8a9b1b7.txt',
  '002_096810a5576f5948.txt',
  '003_ffbfdb7ee73ab8fe.txt',
  '004_f6dea5c0fccc4f87.txt',
];

/** Every (scenario, reference phone) expectation the catalog produces. */
function allExpectations(): { scenario: Scenario; phone: string; e: Expectation }[] {
  return SCENARIOS.flatMap((scenario) =>
    Object.entries(REFERENCE_PHONES).map(([phone, ctx]) => ({
      scenario,
      phone,
      e: expectFor(scenario, ctx, REFERENCE_APP),
    })),
  );
}

describe('rules and their sources', () => {
  it('has unique ids, both languages, and at least one quoted source per rule', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.text.en.length, rule.id).toBeGreaterThan(10);
      expect(rule.text.zhCN.length, rule.id).toBeGreaterThan(3);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      for (const s of rule.sources) expect(s.quote.length, rule.id).toBeGreaterThan(10);
    }
  });

  it('cites only the seed files for seed rules, and a reference or URL for platform rules', () => {
    for (const rule of SEED_RULES) {
      expect(rule.kind).toBe('seed');
      for (const s of rule.sources) expect(SEED_FILES, rule.id).toContain(s.file);
    }
    for (const rule of PLATFORM_RULES) {
      for (const s of rule.sources)
        expect(s.file, rule.id).toMatch(/^(reference\/protocols\.md §\d+|https:\/\/)/);
    }
  });
});

describe('the shipped catalog', () => {
  it('has at least 12 scenarios with unique kebab-case ids and both languages', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const t of [s.title, s.description]) expect(t.en.length * t.zhCN.length, s.id).toBeGreaterThan(0);
    }
  });

  it('covers every app state, message kind and conversation type', () => {
    expect(new Set(SCENARIOS.map((s) => s.state))).toEqual(new Set(APP_STATES));
    expect(new Set(SCENARIOS.map((s) => s.message.kind))).toEqual(new Set(MESSAGE_KINDS));
    expect(new Set(SCENARIOS.map((s) => s.message.conversation))).toEqual(new Set(['c2c', 'group']));
  });

  it('has a reference phone for every Android push channel and APNs', () => {
    expect(new Set(Object.values(REFERENCE_PHONES).map((p) => p.channel))).toEqual(
      new Set([...PUSH_CHANNELS, 'apns']),
    );
    expect(TARGET_CHANNELS).toEqual([...PUSH_CHANNELS, 'apns']);
  });

  it("names only known rules, and each scenario's rules show up in its own expectations", () => {
    const all = allExpectations();
    for (const s of SCENARIOS) {
      const seen = new Set(all.filter((x) => x.scenario === s).flatMap((x) => x.e.rules));
      for (const id of s.sources) {
        expect(ruleById(id), `${s.id}: ${id}`).toBeDefined();
        expect(seen.has(id), `${s.id} claims ${id} but no expectation uses it`).toBe(true);
      }
    }
  });

  it('makes every seed rule an expected outcome somewhere', () => {
    const used = new Set(allExpectations().flatMap((x) => x.e.rules));
    const uncovered = SEED_RULES.map((r) => r.id).filter((id) => !used.has(id));
    expect(uncovered).toEqual([]);
  });

  it('never expects anything without a known source, and never "shown" without a seed or platform rule', () => {
    for (const { scenario, phone, e } of allExpectations()) {
      const where = `${scenario.id} on ${phone}`;
      for (const id of [...e.rules, ...e.caveats.map((c) => c.rule)])
        expect(ruleById(id), `${where}: ${id}`).toBeDefined();
      if (e.outcome === 'not-applicable') continue;
      expect(e.rules.length, where).toBeGreaterThan(0);
      expect(e.reason.en.length * e.reason.zhCN.length, where).toBeGreaterThan(0);
      if (e.outcome === 'shown') {
        // The state part of a "shown" must be backed by a rule that says the push arrives in that state.
        const stateRules = [
          'seed.background',
          'seed.screen-locked',
          'seed.killed',
          'seed.system-level-channel',
          'android.doze-fcm-priority',
        ];
        expect(
          e.rules.some((r) => stateRules.includes(r)),
          where,
        ).toBe(true);
      }
    }
  });

  it('marks every case the sources cannot settle as undecided, so it can never pass', () => {
    const undecided = allExpectations().filter((x) => x.e.outcome === 'undecided');
    expect(undecided.map((x) => `${x.scenario.id}@${x.phone}`).sort()).toEqual([
      'after-reboot-text@fcm-one-ui',
      'swiped-away-text@fcm-one-ui',
    ]);
    for (const { e } of undecided) expect([e.ifMissing, e.title, e.text]).toEqual([null, null, null]);
  });
});
