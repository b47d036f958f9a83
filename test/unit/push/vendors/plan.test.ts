import { describe, expect, it } from 'vitest';
import { PlanError, parsePlan } from '../../../../shared/runs/parse-plan';

const base = {
  name: 'vendor sender checks',
  app: {
    package: 'com.pushlab.demo',
    accounts: { vendors: { oppo: { account: 'qa_oppo' } } },
    login: { kind: 'operator', prompt: 'Log in.' },
    tokens: { serials: { PHONE1: 'CN_0123456789abcdef0123456789abcdef' } },
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

const problems = (sender: Record<string, unknown>, app: Record<string, unknown> = {}): string[] => {
  try {
    parsePlan({ ...base, app: { ...base.app, ...app }, sender });
    return [];
  } catch (error) {
    if (error instanceof PlanError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
};

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
      "app.tokens: is missing: the oppo sender needs each phone's OPPO registration ID under app.tokens.serials",
    ]);
    expect(problems(meizu, { tokens: { serials: { OTHER: 'UU0123456789abcdef' } } })).toEqual([
      'app.tokens.serials: has no Flyme pushId for "PHONE1": add the token the app reported on that phone',
    ]);
  });
});
