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

/** The plan problems (path: message) of `base` with this sender and app fields. */
const problemsOf =
  (plan: typeof base) =>
  (sender: Record<string, unknown>, app: Record<string, unknown> = {}): string[] => {
    try {
      parsePlan({ ...plan, app: { ...plan.app, ...app }, sender });
      return [];
    } catch (error) {
      if (error instanceof PlanError) return error.problems.map((p) => `${p.path}: ${p.message}`);
      throw error;
    }
  };
const problems = problemsOf(base);

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
      "app.tokens: is missing: the xiaomi sender needs each phone's Mi Push regId under app.tokens.serials (or app.tokens.fromLogcat)",
    ]);
    expect(problems(huawei, { tokens: { serials: { other: REGID } } })).toEqual([
      'app.tokens.serials: has no HMS push token for "MI14": add the token the app reported on that phone',
    ]);
    expect(problems(honor, { tokens: { serials: { MI14: 'has spaces' } } })).toEqual([
      expect.stringMatching(/^app\.tokens\.serials\.MI14: must be the push token the app reported/),
    ]);
    // Or read from the phone's log (Tencent's SDK preset): no token per serial needed then.
    expect(problems(xiaomi, { tokens: { fromLogcat: { preset: 'tencent-offline-push' } } })).toEqual([]);
  });
});

const oppoVivoMeizuBase = {
  name: 'vendor sender checks',
  app: {
    package: 'com.pushlab.demo',
    accounts: { vendors: { oppo: { account: 'qa_oppo' } } },
    login: { kind: 'operator', prompt: 'Log in.' },
    tokens: { serials: { PHONE1: 'CN_0123456789abcdef0123456789abcdef' } as Record<string, string> },
  },
  phones: { serials: ['PHONE1'] },
  scenarios: ['background-c2c-text'],
  repeats: 1,
};
const oppo = { kind: 'oppo', appKey: 'a1b2c3d4e5f60718', masterSecret: { env: 'OPPO_MASTER_SECRET' } };
const vivo = {
  kind: 'vivo',
  appId: '105123456',
  appKey: 'b7d0e1a2-3c4d',
  appSecret: { file: './vivo.secret' },
};
const meizu = { kind: 'meizu', appId: '123456', appSecret: { stored: 'meizu.appSecret' } };

{
  const problems = problemsOf(oppoVivoMeizuBase as unknown as typeof base);
  describe('plan: oppo, vivo and meizu senders', () => {
    it('accept console-named credentials with the secret only by reference', () => {
      expect(problems(oppo)).toEqual([]);
      expect(problems(vivo)).toEqual([]);
      expect(problems(meizu)).toEqual([]);
      expect(problems({ ...oppo, masterSecret: 'plain-secret' })).toEqual([
        expect.stringMatching(/^sender\.masterSecret: must be a reference/),
      ]);
      expect(problems({ ...vivo, appSecret: 'plain' })).toEqual([
        expect.stringMatching(/^sender\.appSecret: must be a reference/),
      ]);
      expect(problems({ ...meizu, appSecret: undefined })).toHaveLength(1);
      expect(
        parsePlan({ ...base, sender: { ...oppo, channelId: 'pushlab_im', category: 'IM', notifyLevel: 16 } })
          .sender,
      ).toMatchObject({
        kind: 'oppo',
        notifyLevel: 16,
      });
    });

    it('check ids, categories, levels and modes', () => {
      expect(problems({ ...oppo, appKey: 'has space' })).toEqual([
        'sender.appKey: must be the AppKey from the OPPO push console (letters and digits)',
      ]);
      expect(problems({ ...oppo, category: 'CHAT' })).toHaveLength(1);
      expect(problems({ ...oppo, notifyLevel: 3 })).toHaveLength(1);
      expect(problems({ ...vivo, appId: 'abc' })).toEqual([
        'sender.appId: must be the AppID from the vivo push console (digits)',
      ]);
      expect(problems({ ...vivo, classification: 2 })).toHaveLength(1);
      expect(problems({ ...vivo, pushMode: 'sandbox' })).toHaveLength(1);
      expect(problems({ ...meizu, noticeMsgType: 2 })).toHaveLength(1);
      expect(problems({ ...meizu, appKey: 'x' })).toHaveLength(1);
    });

    it('allow http only on this computer for baseUrl and authUrl', () => {
      expect(
        problems({ ...oppo, baseUrl: 'http://127.0.0.1:4000', authUrl: 'http://localhost:4001/auth' }),
      ).toEqual([]);
      expect(problems({ ...oppo, baseUrl: 'https://api-intl.push.oppomobile.com' })).toEqual([]);
      expect(problems({ ...vivo, authUrl: 'http://example.com/message/auth' })).toEqual([
        'sender.authUrl: must be an https:// URL (http:// only on 127.0.0.1 or localhost)',
      ]);
      expect(problems({ ...meizu, baseUrl: 'http://server-api-push.meizu.com' })).toHaveLength(1);
      expect(problems({ ...meizu, authUrl: 'http://127.0.0.1:1' })).toHaveLength(1);
    });

    it("need each phone's vendor token under app.tokens.serials", () => {
      expect(problems(oppo, { tokens: undefined })).toEqual([
        "app.tokens: is missing: the oppo sender needs each phone's OPPO registration ID under app.tokens.serials (or app.tokens.fromLogcat)",
      ]);
      expect(problems(meizu, { tokens: { serials: { OTHER: 'UU0123456789abcdef' } } })).toEqual([
        'app.tokens.serials: has no Flyme pushId for "PHONE1": add the token the app reported on that phone',
      ]);
    });
  });
}
