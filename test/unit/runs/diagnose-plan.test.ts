/**
 * Issue 13's plan additions: mode "diagnose" with its vendor senders, tokens read from logcat
 * (presets and user patterns), the send budget and quotas, and the link a diagnosis gives.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanError } from '../../../shared/runs/parse-plan';
import { diagnose, describeDiagnosis, type DiagnosisFacts } from '../../../shared/runs/diagnose';
import {
  DIRECT_SENDER_KINDS,
  SENDER_KINDS,
  directSenderForChannel,
} from '../../../shared/runs/direct-senders';
import { describeBudgetLine, sendBudget } from '../../../shared/runs/send-budget';
import { TOKEN_PRESETS, tokenPatternProblem } from '../../../shared/runs/token-presets';
import { declaredSenderQuotas } from '../../../electron/lab/push/quotas';

const FCM = {
  kind: 'fcm',
  projectId: 'pushlab-demo',
  serviceAccount: { env: 'FCM_KEY' },
};
const TENCENT = {
  kind: 'tencent',
  sdkAppId: 1400000000,
  adminIdentifier: 'administrator',
  region: 'china',
  secret: { env: 'TENCENT_KEY' },
};

function plan(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'which link failed',
    app: {
      package: 'com.example.chat',
      accounts: { vendors: { fcm: { account: 'qa_1' } } },
      login: { kind: 'operator', prompt: 'Log in' },
      tokens: { fromLogcat: { preset: 'tencent-offline-push' } },
    },
    phones: { vendors: ['fcm'] },
    scenarios: ['background-c2c-text', 'background-title-desc'],
    repeats: 3,
    sender: TENCENT,
    mode: 'diagnose',
    diagnose: { vendors: [FCM] },
    ...over,
  };
}

function problems(input: unknown): string[] {
  try {
    parsePlan(input);
    return [];
  } catch (error) {
    if (error instanceof PlanError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
}

describe('diagnose plans', () => {
  it('accepts Tencent plus one direct sender per channel, tokens from logcat', () => {
    const parsed = parsePlan(plan());
    expect(parsed.mode).toBe('diagnose');
    expect(parsed.diagnose?.vendors.map((v) => v.kind)).toEqual(['fcm']);
  });

  it('refuses a diagnose plan without vendors, with another sender, or a channel listed twice', () => {
    expect(problems(plan({ diagnose: undefined })).join('\n')).toMatch(/diagnose: is missing/);
    expect(problems(plan({ sender: { kind: 'manual' } })).join('\n')).toMatch(
      /sender.kind: is "manual".*use "tencent"/,
    );
    expect(problems(plan({ diagnose: { vendors: [FCM, FCM] } })).join('\n')).toMatch(/listed twice/);
    expect(problems(plan({ mode: undefined })).join('\n')).toMatch(/only read in mode "diagnose"/);
    expect(problems(plan({ diagnose: { vendors: [TENCENT] } })).length).toBeGreaterThan(0);
  });

  it('needs a token source for the direct senders', () => {
    const app = { ...(plan().app as object), tokens: undefined };
    expect(problems(plan({ app })).join('\n')).toMatch(/app.tokens: is missing: the fcm sender needs/);
    const bySerial = {
      ...(plan().app as object),
      tokens: { serials: { 'emulator-5554': 'abcdefgh12345678' } },
    };
    expect(
      problems(plan({ app: bySerial, phones: { serials: ['emulator-5554', 'emulator-5556'] } })),
    ).toEqual([
      'app.tokens.serials: has no FCM registration token for "emulator-5556": add the token the app reported on that phone',
    ]);
  });

  it('takes exactly one of preset or pattern, and a pattern must compile and capture the token', () => {
    const withTokens = (fromLogcat: unknown): Record<string, unknown> =>
      plan({ app: { ...(plan().app as object), tokens: { fromLogcat } } });
    expect(problems(withTokens({ pattern: 'regId: ([A-Za-z0-9+/=]+)' }))).toEqual([]);
    expect(problems(withTokens({})).join('\n')).toMatch(/exactly one of "preset"/);
    expect(problems(withTokens({ preset: 'tencent-fcm', pattern: 'x(y)' })).join('\n')).toMatch(
      /exactly one/,
    );
    expect(problems(withTokens({ pattern: 'regId: [' })).join('\n')).toMatch(
      /not a valid regular expression/,
    );
    expect(problems(withTokens({ pattern: 'regId: \\S+' })).join('\n')).toMatch(/capture group/);
    expect(problems(withTokens({ preset: 'nokia' })).length).toBe(1);
  });

  it('every preset compiles with a capture group and matches the line it documents', () => {
    const lines: Record<keyof typeof TOKEN_PRESETS, string> = {
      'tencent-offline-push':
        'TUIOfflinePush-TUIOfflinePushManager: setOfflinePushConfig businessID = 9 pushToken = AAAAbbbb1234',
      'tencent-xiaomi': 'TUIOfflinePush-XiaomiMsgReceiver: regId: 5N7m+abc/DEF=',
      'tencent-huawei': 'TUIOfflinePush-OEMPushSetting: huawei get token:IQAAAACy0kYQ',
      'tencent-honor': 'TIMPush-OEMPushSetting: Honor get pushToken AAHonorToken99',
      'tencent-vivo': 'TUIOfflinePush-OEMPushSetting: vivopush open vivo push success regId = v2_12345678',
      'tencent-fcm': 'TUIOfflinePush-OEMPushSetting: google fcm getToken = dGhpcyBp:APA91bXYZ',
    };
    for (const [id, preset] of Object.entries(TOKEN_PRESETS)) {
      expect(tokenPatternProblem(preset.pattern), id).toBeNull();
      const line = lines[id as keyof typeof TOKEN_PRESETS];
      expect(new RegExp(preset.pattern).exec(line)?.[1], id).toMatch(/^[A-Za-z0-9+/=:_]{8,}$/);
      // A line from another app's tag never matches.
      expect(
        new RegExp(preset.pattern).exec(line.replace(/^(TUIOfflinePush|TIMPush)-/, 'Other-')),
        id,
      ).toBeNull();
    }
  });
});

describe('send budget and quotas', () => {
  const phones = [
    { serial: 'A', channel: 'fcm' },
    { serial: 'B', channel: 'fcm' },
  ];
  it('counts phones x scenarios x repeats per sender, plus one control per phone for the run sender', () => {
    const parsed = parsePlan(plan());
    expect(sendBudget(parsed, phones)).toEqual([
      { kind: 'tencent', phones: 2, sends: 14, capped: null, quota: null, quotaSource: null, over: false },
      { kind: 'fcm', phones: 2, sends: 12, capped: null, quota: null, quotaSource: null, over: false },
    ]);
  });

  it('takes the lower of the plan quota and the sender quota, and flags a count above it', () => {
    const parsed = parsePlan(plan({ quota: { fcm: 20, tencent: 10 } }));
    const lines = sendBudget(parsed, phones, { fcm: { sends: 12, en: 'x', zh: 'x' } });
    expect(lines).toEqual([
      { kind: 'tencent', phones: 2, sends: 14, capped: null, quota: 10, quotaSource: 'plan', over: true },
      { kind: 'fcm', phones: 2, sends: 12, capped: null, quota: 12, quotaSource: 'sender', over: false },
    ]);
    expect(describeBudgetLine(lines[0]!, 'en')).toBe(
      'tencent: up to 14 sends to 2 phone(s) (quota 10 from the plan), OVER QUOTA',
    );
    expect(describeBudgetLine(lines[0]!, 'zh-CN')).toBe(
      'tencent：最多 14 次发送，发往 2 台手机（配额 10，来自计划），超出配额',
    );
  });

  it('verify mode counts only the run sender; a phone without a vendor sender adds none', () => {
    const parsed = parsePlan(plan({ mode: undefined, diagnose: undefined }));
    expect(sendBudget(parsed, phones).map((l) => l.kind)).toEqual(['tencent']);
    expect(sendBudget(parsePlan(plan()), [{ serial: 'X', channel: 'xiaomi' }]).map((l) => l.kind)).toEqual([
      'tencent',
    ]);
  });

  it('senders declare no quota by default; a declaration is read per kind', () => {
    const parsed = parsePlan(plan());
    expect(declaredSenderQuotas(parsed)).toEqual({});
    const declared = declaredSenderQuotas(parsed, { fcm: () => ({ sends: 5, en: 'five', zh: '五' }) });
    expect(declared).toEqual({ fcm: { sends: 5, en: 'five', zh: '五' } });
  });

  const HMS = { kind: 'huawei', clientId: '108000001', clientSecret: { env: 'HMS_SECRET' } };
  const hmsPlan = (over: Record<string, unknown>) =>
    parsePlan(
      plan({
        app: { ...(plan().app as object), accounts: { vendors: { huawei: { account: 'qa_1' } } } },
        phones: { vendors: ['huawei'] },
        ...over,
      }),
    );
  const H = [
    { serial: 'H1', channel: 'huawei' },
    { serial: 'H2', channel: 'huawei' },
  ];

  it("a vendor sender declares its daily cap per phone for the sends of a capped class, from each scenario's class", () => {
    // low-class-message is HMS importance LOW (marketing): 2 a phone a day (VENDOR_SEND_LIMITS).
    const parsed = hmsPlan({
      scenarios: ['background-c2c-text', 'low-class-message'],
      diagnose: { vendors: [HMS] },
    });
    const declared = declaredSenderQuotas(parsed);
    expect(declared.huawei).toMatchObject({
      sends: 2,
      perPhone: true,
      cappedPerPhone: 3,
      controlCapped: false,
    });
    expect(declared.huawei?.en).toContain('LOW importance');
    const line = sendBudget(parsed, H, declared).find((l) => l.kind === 'huawei')!;
    // 2 scenarios x 3 repeats x 2 phones; 3 LOW sends a phone against 2: over.
    expect(line).toMatchObject({
      phones: 2,
      sends: 12,
      capped: 6,
      quota: 4,
      quotaSource: 'sender',
      over: true,
    });
    // The CLI's "Sends:" line and the Runs view say it.
    expect(describeBudgetLine(line, 'en')).toBe(
      'huawei: up to 12 sends, 6 of them in the capped class to 2 phone(s) (quota 4 from the sender), OVER QUOTA',
    );
    expect(describeBudgetLine(line, 'zh-CN')).toContain('其中 6 次属于受限类别');
    // One LOW send a phone fits the cap, however many service sends go with it.
    const fits = hmsPlan({
      scenarios: ['background-c2c-text', 'background-title-desc', 'low-class-message'],
      repeats: 2,
      diagnose: { vendors: [HMS] },
    });
    expect(sendBudget(fits, H, declaredSenderQuotas(fits)).find((l) => l.kind === 'huawei')).toMatchObject({
      sends: 12,
      capped: 4,
      quota: 4,
      over: false,
    });
  });

  it("counts what is really sent: HMS's scenario importance wins, OPPO's plan category wins", () => {
    // The HMS builder sends the scenario's huaweiImportance (NORMAL for IM): the plan's LOW is only
    // a default, so IM scenarios are not capped and nothing is declared.
    const imOnly = hmsPlan({ diagnose: { vendors: [{ ...HMS, importance: 'LOW' }] } });
    expect(declaredSenderQuotas(imOnly)).toEqual({});
    expect(
      declaredSenderQuotas(hmsPlan({ diagnose: { vendors: [{ ...HMS, importance: 'NORMAL' }] } })),
    ).toEqual({});
    // OPPO's plan category overrides every scenario's: all sends, and the control, are marketing.
    const oppo = parsePlan(
      plan({
        app: { ...(plan().app as object), accounts: { vendors: { oppo: { account: 'qa_1' } } } },
        phones: { vendors: ['oppo'] },
        sender: {
          kind: 'oppo',
          appKey: 'oppoKey123',
          masterSecret: { env: 'OPPO_SECRET' },
          category: 'MARKETING',
        },
        mode: undefined,
        diagnose: undefined,
      }),
    );
    expect(declaredSenderQuotas(oppo).oppo).toMatchObject({
      sends: 2,
      cappedPerPhone: 6,
      controlCapped: true,
    });
    expect(
      sendBudget(oppo, [{ serial: 'O1', channel: 'oppo' }], declaredSenderQuotas(oppo))[0],
    ).toMatchObject({ sends: 7, capped: 7, quota: 2, over: true });
  });

  it('diagnose takes the six vendor senders, one per channel', () => {
    const XIAOMI = { kind: 'xiaomi', appSecret: { env: 'MI_SECRET' } };
    const parsed = parsePlan(plan({ diagnose: { vendors: [FCM, XIAOMI] } }));
    expect(parsed.diagnose?.vendors.map((v) => v.kind)).toEqual(['fcm', 'xiaomi']);
    expect(DIRECT_SENDER_KINDS).toEqual([
      'apns',
      'fcm',
      'xiaomi',
      'huawei',
      'honor',
      'oppo',
      'vivo',
      'meizu',
    ]);
  });

  it('one list names the direct senders, and every one is a plan sender kind', () => {
    for (const kind of DIRECT_SENDER_KINDS) expect(SENDER_KINDS).toContain(kind);
    expect(directSenderForChannel('fcm')).toBe('fcm');
    expect(directSenderForChannel(null)).toBeNull();
  });
});

describe('which link failed', () => {
  const facts = (over: Partial<DiagnosisFacts>): DiagnosisFacts => ({
    tencent: { shown: true, requestId: 'k', error: null },
    vendor: { kind: 'fcm', shown: true, requestId: 'm', error: null },
    presence: 'push-online',
    doctorFailing: [],
    ...over,
  });
  const lost = { shown: false, requestId: null, error: null };
  const refused = {
    shown: false,
    requestId: null,
    error: {
      code: 'SEND_FAILED' as const,
      message: 'FCM refused (404 UNREGISTERED)',
      zh: { message: 'FCM 拒绝（404 UNREGISTERED）' },
    },
  };

  it('gives one link per combination of facts', () => {
    expect(diagnose(facts({})).link).toBe('both-shown');
    expect(diagnose(facts({ tencent: lost })).link).toBe('tencent-side');
    expect(diagnose(facts({ tencent: lost, vendor: { kind: 'fcm', ...lost } })).link).toBe('vendor-side');
    expect(
      diagnose(
        facts({ tencent: lost, vendor: { kind: 'fcm', ...lost }, doctorFailing: ['notifications.app'] }),
      ).link,
    ).toBe('phone-side');
    expect(
      diagnose(facts({ tencent: lost, vendor: { kind: 'fcm', ...lost }, doctorFailing: null })).link,
    ).toBe('undecided');
    expect(diagnose(facts({ vendor: { kind: 'fcm', ...refused } })).link).toBe('vendor-side');
    // A vendor refusal is the vendor's side even on a phone the doctor flags.
    expect(
      diagnose(facts({ tencent: lost, vendor: { kind: 'fcm', ...refused }, doctorFailing: ['x'] })).link,
    ).toBe('vendor-side');
    expect(diagnose(facts({ tencent: { shown: null, requestId: null, error: null } })).link).toBe(
      'undecided',
    );
  });

  it('words each link in English and Chinese, with what to check there', () => {
    const tencent = diagnose(facts({ tencent: lost }));
    expect(describeDiagnosis(tencent, 'en')).toMatch(/^Tencent side: .*PushOnline.*business id/);
    expect(describeDiagnosis(tencent, 'zh-CN')).toMatch(/^腾讯侧：.*businessID/);
    expect(describeDiagnosis(diagnose(facts({ tencent: lost, presence: 'offline' })), 'en')).toMatch(
      /token binding/,
    );
    const phone = diagnose(
      facts({ tencent: lost, vendor: { kind: 'fcm', ...lost }, doctorFailing: ['notifications.app'] }),
    );
    expect(describeDiagnosis(phone, 'en')).toBe(
      'phone side: nothing reached the phone, and the doctor flags it: notifications.app.',
    );
    expect(describeDiagnosis(diagnose(facts({ vendor: { kind: 'fcm', ...refused } })), 'zh-CN')).toBe(
      '厂商侧：fcm 拒绝了直连推送：FCM 拒绝（404 UNREGISTERED）',
    );
  });
});
