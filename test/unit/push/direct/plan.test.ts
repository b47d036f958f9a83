/**
 * Plan schema for the direct vendor senders: credentials named as the consoles name them and only
 * by reference, local-only endpoint overrides, vendor enums, and a push token per listed phone.
 */
import { describe, expect, it } from 'vitest';
import { PlanError, parsePlan } from '../../../../shared/runs/parse-plan';

const REGID = 'd//igwEhgBGCI2TG6lWqlK+DbfK7Vbm7tKi9ujLkBZ1=';
const base = {
  name: 'direct vendor checks',
  app: {
    package: 'com.pushlab.demo',
    accounts: { vendors: { xiaomi: { account: 'qa_xiaomi' } } },
    login: { kind: 'operator', prompt: 'Log in.' },
    tokens: { serials: { MI14: REGID } },
  },
  phones: { serials: ['MI14'] },
  scenarios: ['background-c2c-text'],
  repeats: 1,
};
const xiaomi = { kind: 'xiaomi', appSecret: { env: 'MI_APP_SECRET' }, channelId: 'pushlab_im' };
const huawei = { kind: 'huawei', clientId: '108765432', clientSecret: { stored: 'huawei.clientSecret' } };
const honor = {
  kind: 'honor',
  appId: '104400000',
  clientId: '1234567890',
  clientSecret: { file: './honor.secret' },
};

const problems = (sender: Record<string, unknown>, app: Record<string, unknown> = {}): string[] => {
  try {
    parsePlan({ ...base, app: { ...base.app, ...app }, sender });
    return [];
  } catch (error) {
    if (error instanceof PlanError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
};

describe('plan: xiaomi, huawei and honor senders', () => {
  it('accepts complete senders and a Mi regId with / + =', () => {
    expect(problems(xiaomi)).toEqual([]);
    expect(problems({ ...xiaomi, region: 'europe' })).toEqual([]);
    expect(
      problems({ ...huawei, category: 'IM', importance: 'NORMAL', testMessage: true, channelId: 'im' }),
    ).toEqual([]);
    expect(problems({ ...honor, importance: 'LOW' })).toEqual([]);
    expect(parsePlan({ ...base, sender: huawei }).sender).toMatchObject({
      kind: 'huawei',
      clientId: '108765432',
    });
  });

  it('takes secrets only by reference', () => {
    expect(problems({ ...xiaomi, appSecret: 'abcdefABCDEF==' })).toEqual([
      expect.stringMatching(/^sender\.appSecret: must be a reference/),
    ]);
    expect(problems({ ...huawei, clientSecret: 'f'.repeat(64) })).toEqual([
      expect.stringMatching(/^sender\.clientSecret: must be a reference/),
    ]);
    expect(problems({ ...honor, clientSecret: undefined })).toHaveLength(1);
  });

  it('replaces endpoints only with local test servers', () => {
    expect(
      problems({
        ...huawei,
        baseUrl: 'http://127.0.0.1:4000',
        authUrl: 'http://127.0.0.1:4000/oauth2/v3/token',
      }),
    ).toEqual([]);
    expect(problems({ ...xiaomi, baseUrl: 'https://api.xmpush.example.com' })).toEqual([
      'sender.baseUrl: must be http(s):// on 127.0.0.1 or localhost: only local test servers replace the vendor endpoint',
    ]);
    expect(problems({ ...honor, authUrl: 'http://10.0.0.2/token' })).toHaveLength(1);
  });

  it('refuses unknown regions, categories, importances, IDs and fields', () => {
    expect(problems({ ...xiaomi, region: 'mars' })).toEqual([expect.stringMatching(/^sender\.region: /)]);
    expect(problems({ ...huawei, category: 'CHAT' })).toEqual([expect.stringMatching(/^sender\.category: /)]);
    expect(problems({ ...honor, importance: 'HIGH' })).toEqual([
      expect.stringMatching(/^sender\.importance: /),
    ]);
    expect(problems({ ...huawei, clientId: 'has spaces' })).toEqual([
      'sender.clientId: must be the OAuth 2.0 Client ID from AppGallery Connect (Project settings > General information)',
    ]);
    expect(problems({ ...xiaomi, appKey: '123' })).toEqual([expect.stringMatching(/^sender\.appKey: /)]);
    expect(problems({ ...honor, appSecret: { env: 'X' } })).toEqual([
      expect.stringMatching(/^sender\.appSecret: /),
    ]);
  });

  it("needs each phone's push token, named as the vendor names it", () => {
    expect(problems(xiaomi, { tokens: undefined })).toEqual([
      "app.tokens: is missing: the xiaomi sender needs each phone's Mi Push regId under app.tokens.serials",
    ]);
    expect(problems(huawei, { tokens: { serials: { other: REGID } } })).toEqual([
      'app.tokens.serials: has no HMS push token for "MI14": add the token the app reported on that phone',
    ]);
    expect(problems(honor, { tokens: { serials: { MI14: 'has spaces' } } })).toEqual([
      expect.stringMatching(/^app\.tokens\.serials\.MI14: must be the push token the app reported/),
    ]);
  });
});
