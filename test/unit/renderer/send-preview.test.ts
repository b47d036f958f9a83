/**
 * The Runs view's "pushes this plan will send": the plan in the box, counted on the phones attached
 * now the way the core resolves them; nothing is shown for a draft that is not a valid plan.
 */
import { describe, expect, it } from 'vitest';
import { budgetPhones, planBudget } from '../../../renderer/src/runs/send-preview';
import { parsePlan } from '../../../shared/runs/parse-plan';
import { HUAWEI, OLD_SAMSUNG, UNAUTHORIZED, XIAOMI } from '../../support/sample-devices';

const PLAN = {
  name: 'diagnose',
  app: {
    package: 'com.example.chat',
    accounts: { vendors: { fcm: { account: 'qa_1' }, xiaomi: { account: 'qa_2' } } },
    login: { kind: 'operator', prompt: 'Log in' },
    tokens: { fromLogcat: { preset: 'tencent-offline-push' } },
  },
  phones: { vendors: ['fcm'], serials: [XIAOMI.serial] },
  scenarios: ['background-c2c-text'],
  repeats: 2,
  sender: {
    kind: 'tencent',
    sdkAppId: 1400000000,
    adminIdentifier: 'administrator',
    region: 'china',
    secret: { env: 'K' },
  },
  mode: 'diagnose',
  diagnose: { vendors: [{ kind: 'fcm', projectId: 'pushlab-demo', serviceAccount: { env: 'F' } }] },
  quota: { fcm: 1 },
};

describe('send preview', () => {
  const attached = [XIAOMI, HUAWEI, OLD_SAMSUNG, UNAUTHORIZED];

  it('takes named serials and every attached phone of a listed vendor', () => {
    expect(budgetPhones(parsePlan(PLAN), attached)).toEqual([
      { serial: XIAOMI.serial, channel: 'xiaomi' },
      { serial: OLD_SAMSUNG.serial, channel: 'fcm' },
    ]);
  });

  it('counts per sender and flags the one over quota', () => {
    expect(planBudget(JSON.stringify(PLAN), attached)).toEqual([
      { kind: 'tencent', phones: 2, sends: 6, capped: null, quota: null, quotaSource: null, over: false },
      { kind: 'fcm', phones: 1, sends: 2, capped: null, quota: 1, quotaSource: 'plan', over: true },
    ]);
  });

  it('shows nothing for text that is not a valid plan, or a plan naming no attached phone', () => {
    expect(planBudget('{ "name": ', attached)).toBeNull();
    expect(planBudget(JSON.stringify({ ...PLAN, repeats: 0 }), attached)).toBeNull();
    expect(planBudget(JSON.stringify({ ...PLAN, phones: { vendors: ['vivo'] } }), attached)).toBeNull();
  });
});
