import { describe, expect, it } from 'vitest';
import { PlanError, parsePlan } from '../../../shared/runs/parse-plan';

const base = {
  name: 'sender checks',
  app: {
    package: 'com.pushlab.demo',
    accounts: { vendors: { xiaomi: { account: 'qa_xiaomi' } } },
    login: { kind: 'operator', prompt: 'Log in.' },
  },
  phones: { vendors: ['xiaomi'] },
  scenarios: ['screen-locked-group-text'],
  repeats: 1,
};
const tencent = {
  kind: 'tencent',
  sdkAppId: 1400000000,
  adminIdentifier: 'administrator',
  region: 'singapore',
  secret: { env: 'PUSHLAB_TENCENT_SECRET' },
};

const problems = (sender: unknown): string[] => {
  try {
    parsePlan({ ...base, sender });
    return [];
  } catch (error) {
    if (error instanceof PlanError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
};

describe('plan sender: groupId and stored secrets', () => {
  it("accepts a groupId like Tencent's (custom or @TGS#…), up to 48 characters", () => {
    expect(problems({ ...tencent, groupId: 'lab-team' })).toEqual([]);
    expect(problems({ ...tencent, groupId: '@TGS#2J4SZEAEL' })).toEqual([]);
    expect(problems({ ...tencent, groupId: 'g'.repeat(48) })).toEqual([]);
    expect(problems({ ...tencent, groupId: 'g'.repeat(49) })).toEqual([
      expect.stringMatching(/^sender\.groupId: must be a Tencent group ID/),
    ]);
    expect(problems({ ...tencent, groupId: 'two words' })).toEqual([
      expect.stringMatching(/^sender\.groupId: /),
    ]);
    expect(problems({ ...tencent, groupId: '' })).toHaveLength(1);
    expect(parsePlan({ ...base, sender: { ...tencent, groupId: 'lab-team' } }).sender).toMatchObject({
      groupId: 'lab-team',
    });
  });

  it('accepts { stored: NAME } with a store name, and still refuses an inline secret', () => {
    expect(problems({ ...tencent, secret: { stored: 'tencent.secretKey' } })).toEqual([]);
    expect(problems({ ...tencent, secret: { stored: '../etc/passwd' } })).toHaveLength(1);
    expect(problems({ ...tencent, secret: { stored: 'a', env: 'B' } })).toHaveLength(1);
    expect(problems({ ...tencent, secret: 'sk-abc' })).toEqual([
      expect.stringMatching(/^sender\.secret: .*\{ "stored": "NAME" \}.*never written in the plan/),
    ]);
  });

  it('keeps groupId to the tencent sender', () => {
    expect(problems({ kind: 'command', command: './send.sh', groupId: 'x' })).toEqual([
      expect.stringMatching(/^sender\.groupId: is not a plan field/),
    ]);
  });
});
