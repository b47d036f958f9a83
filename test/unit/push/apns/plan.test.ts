import { describe, expect, it } from 'vitest';
import { PlanError, parsePlan } from '../../../../shared/runs/parse-plan';
import { deviceTokenFor, maskDeviceToken } from '../../../../shared/runs/plan';

const TOKEN = 'a1b2c3d4'.repeat(8);
const base = {
  name: 'apns checks',
  app: {
    package: 'com.pushlab.demo',
    accounts: { serials: { 'SIM-1': { account: 'qa_ios' } } },
    login: { kind: 'operator', prompt: 'Log in.' },
    tokens: { serials: { 'SIM-1': TOKEN } },
  },
  phones: { serials: ['SIM-1'] },
  scenarios: ['background-c2c-text'],
  repeats: 1,
};
const apns = {
  kind: 'apns',
  teamId: 'TEAM123456',
  keyId: 'KEY1234567',
  key: { file: 'AuthKey_KEY1234567.p8' },
  topic: 'com.pushlab.demo',
  environment: 'sandbox',
};

const problems = (plan: Record<string, unknown>): string[] => {
  try {
    parsePlan(plan);
    return [];
  } catch (error) {
    if (error instanceof PlanError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
};
const withSender = (sender: Record<string, unknown>, app: Record<string, unknown> = {}) =>
  problems({ ...base, app: { ...base.app, ...app }, sender });

describe('plan: apns sender', () => {
  it('accepts a complete sender and fills pushType alert', () => {
    expect(withSender(apns)).toEqual([]);
    const plan = parsePlan({
      ...base,
      sender: {
        ...apns,
        priority: 5,
        expiration: 3600,
        collapseId: 'chat-1',
        baseUrl: 'http://127.0.0.1:9000',
      },
    });
    expect(plan.sender).toMatchObject({
      kind: 'apns',
      pushType: 'alert',
      priority: 5,
      expiration: 3600,
      collapseId: 'chat-1',
    });
    expect(deviceTokenFor(plan, 'SIM-1')).toBe(TOKEN);
    expect(deviceTokenFor(plan, 'other')).toBeNull();
    expect(deviceTokenFor(plan, 'constructor')).toBeNull();
  });

  it('takes the key only as a secret reference', () => {
    expect(withSender({ ...apns, key: '-----BEGIN PRIVATE KEY-----' })).toEqual([
      expect.stringMatching(/^sender\.key: must be a reference.*never written in the plan/),
    ]);
    expect(withSender({ ...apns, key: { stored: 'apns.key' } })).toEqual([]);
  });

  it('checks ids, topic, environment, priority, expiration, collapse id and base URL', () => {
    expect(withSender({ ...apns, teamId: 'team' })).toEqual([
      expect.stringMatching(/^sender\.teamId: must be the 10-character Team ID/),
    ]);
    expect(withSender({ ...apns, keyId: 'KEY' })).toEqual([expect.stringMatching(/^sender\.keyId: /)]);
    expect(withSender({ ...apns, topic: 'demo' })).toEqual([
      expect.stringMatching(/^sender\.topic: must be the app's bundle ID/),
    ]);
    expect(withSender({ ...apns, environment: 'development' })).toEqual([
      expect.stringMatching(/^sender\.environment: must be one of "sandbox", "production"/),
    ]);
    expect(withSender({ ...apns, priority: 1 })).toHaveLength(1);
    expect(withSender({ ...apns, pushType: 'background', priority: 10 })).toEqual([
      'sender.priority: a background push must use priority 5 (Apple refuses priority 10 for it)',
    ]);
    expect(withSender({ ...apns, pushType: 'background', priority: 5 })).toEqual([]);
    expect(withSender({ ...apns, expiration: -1 })).toHaveLength(1);
    expect(withSender({ ...apns, collapseId: 'é'.repeat(33) })).toEqual([
      'sender.collapseId: must be at most 64 bytes',
    ]);
    expect(withSender({ ...apns, collapseId: 'é'.repeat(32) })).toEqual([]);
    expect(withSender({ ...apns, baseUrl: 'http://apns.example.com' })).toEqual([
      expect.stringMatching(/^sender\.baseUrl: must be an https:\/\/ URL/),
    ]);
    expect(withSender({ ...apns, baseUrl: 'https://api.development.push.apple.com' })).toEqual([]);
    expect(withSender({ ...apns, region: 'china' })).toEqual([
      expect.stringMatching(/^sender\.region: is not a plan field/),
    ]);
  });

  it('needs a token for every listed phone', () => {
    expect(withSender(apns, { tokens: undefined })).toEqual([
      "app.tokens: is missing: the apns sender needs each phone's APNs device token under app.tokens.serials (or app.tokens.fromLogcat)",
    ]);
    expect(withSender(apns, { tokens: { serials: { other: TOKEN } } })).toEqual([
      'app.tokens.serials: has no APNs device token for "SIM-1": add the token the app reported on that phone',
    ]);
    expect(withSender(apns, { tokens: { serials: { 'SIM-1': 'has spaces in it' } } })).toEqual([
      expect.stringMatching(/^app\.tokens\.serials\["SIM-1"\]: must be the push token the app reported/),
    ]);
    // Other senders do not need tokens, but may carry them.
    expect(withSender({ kind: 'manual' }, { tokens: undefined })).toEqual([]);
  });

  it('refuses a sender environment that disagrees with app.push.apns', () => {
    expect(withSender(apns, { push: { apns: { build: 'debug', certificate: 'development' } } })).toEqual([]);
    expect(withSender(apns, { push: { apns: { build: 'release', certificate: 'production' } } })).toEqual([
      'sender.environment: is "sandbox" but app.push.apns.certificate is "production" (= production): make them agree',
    ]);
  });

  it('masks tokens to their first 8 characters', () => {
    expect(maskDeviceToken(TOKEN)).toBe('a1b2c3d4…');
    expect(maskDeviceToken('a1b2c3d4')).toBe('a1b2c3d4');
  });
});
