/** The pure parts of the vendor senders: message builders, signatures, the token cache and the error tables. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildMeizuMessage } from '../../../../electron/lab/push/meizu/message';
import { MEIZU_ERRORS } from '../../../../electron/lab/push/meizu/errors';
import { meizuSign } from '../../../../electron/lab/push/meizu/sign';
import { codeForPushId } from '../../../../electron/lab/push/meizu/meizu-sender';
import { oppoSign } from '../../../../electron/lab/push/oppo/auth';
import { OPPO, OPPO_ERRORS } from '../../../../electron/lab/push/oppo/errors';
import { buildOppoMessage } from '../../../../electron/lab/push/oppo/message';
import { createTokenCache } from '../../../../electron/lab/push/direct/token-cache';
import { explainCode, refusalFor } from '../../../../electron/lab/push/direct/refusal';
import { vivoSign } from '../../../../electron/lab/push/vivo/auth';
import { vendorSendCap } from '../../../../electron/lab/push/direct/send-cap';
import { VIVO_ERRORS } from '../../../../electron/lab/push/vivo/errors';
import { buildVivoMessage, vivoWidth } from '../../../../electron/lab/push/vivo/message';
import { VENDOR_SEND_LIMITS as LIMITS } from '../../../../electron/lab/push';
import { SCENARIOS } from '../../../../shared/scenarios';
import type { MessageSpec } from '../../../../shared/scenarios/types';

const spec = (id: string): MessageSpec => SCENARIOS.find((s) => s.id === id)!.message;
const HAN = /[\u4e00-\u9fff]/;

describe('signatures', () => {
  it('OPPO: sha256(appKey + timestamp + masterSecret); vivo: md5(appId + appKey + timestamp + appSecret), trimmed', () => {
    expect(oppoSign('key', '1700000000000', 'secret')).toBe(
      createHash('sha256').update('key1700000000000secret').digest('hex'),
    );
    expect(vivoSign(' 10004 ', 'app-key', 1501484120000, 'sec ')).toBe(
      createHash('md5').update('10004app-key1501484120000sec').digest('hex'),
    );
  });

  it('Meizu: sorted key=value pairs without separators, raw values, sign excluded, secret appended', () => {
    const params = { pushIds: 'a,b', appId: '1', messageJson: '{"x":"a b&c"}', sign: 'ignored' };
    expect(meizuSign(params, 'S')).toBe(
      createHash('md5').update('appId=1messageJson={"x":"a b&c"}pushIds=a,bS').digest('hex'),
    );
  });
});

describe('message builders (the Tencent path display rules)', () => {
  it('OPPO: scenario channel wins over the plan; long lines use the long-text style; ext rides on the tap', () => {
    const built = buildOppoMessage(spec('background-ext-redirect'), {
      regId: 'CN_x',
      channelId: 'plan_channel',
      messageId: 'm1',
    });
    expect(built.kind === 'message' && built.message.notification).toEqual({
      app_message_id: 'm1',
      style: 1,
      title: 'Denny',
      content: expect.stringContaining('Denny:'),
      click_action_type: 0,
      action_parameters: JSON.stringify({ ext: '{"conversation":"c2c_pushlab_sender"}' }),
      off_line: true,
      channel_id: 'pushlab_im',
      category: 'IM',
      notify_level: 2,
    });
    const plain = buildOppoMessage(spec('oppo-without-channel-id'), {
      regId: 'CN_x',
      channelId: 'plan_channel',
    });
    expect(plain.kind === 'message' && plain.message.notification.channel_id).toBe('plan_channel');
    const long = buildOppoMessage(
      { ...spec('background-c2c-text'), text: 'y'.repeat(60) },
      { regId: 'CN_x' },
    );
    expect(long.kind === 'message' && long.message.notification.style).toBe(2);
  });

  it('nothing is sent for what Tencent would not push', () => {
    expect(buildOppoMessage(spec('background-custom-no-desc'), { regId: 'CN_x' }).kind).toBe('none');
    const disabled = { ...spec('background-c2c-text'), push: { disabled: true } };
    expect(buildVivoMessage(disabled, { appId: '1', regId: 'r' })).toMatchObject({ kind: 'none' });
    expect(buildMeizuMessage(spec('background-custom-no-desc'), {}).kind).toBe('none');
  });

  it('vivo: classification from the scenario (Tencent default 1), category follows it; widths count Chinese as 2', () => {
    const high = buildVivoMessage(spec('background-c2c-text'), { appId: '105', regId: 'r', requestId: 'q' });
    expect(high).toMatchObject({
      kind: 'message',
      body: { appId: 105, classification: 1, category: 'IM', pushMode: 1 },
    });
    const low = buildVivoMessage(spec('low-class-message'), {
      appId: '105',
      regId: 'r',
      pushMode: 'production',
    });
    expect(low).toMatchObject({ body: { classification: 0, category: 'MARKETING', pushMode: 0 } });
    expect(vivoWidth('ab通知')).toBe(6);
    expect(() =>
      buildVivoMessage({ ...spec('background-c2c-text'), text: '字'.repeat(50) }, { appId: '1', regId: 'r' }),
    ).toThrow(/content would be 1\d\d width units; vivo accepts at most 100/);
  });

  it('Meizu: private message by default, ext as click parameters, validTime within 1-72 h', () => {
    const built = buildMeizuMessage(spec('background-ext-redirect'), { validHours: 500 });
    expect(built).toMatchObject({
      kind: 'message',
      messageJson: {
        noticeBarInfo: { noticeMsgType: 1, title: 'Denny' },
        clickTypeInfo: { clickType: 0, parameters: { ext: '{"conversation":"c2c_pushlab_sender"}' } },
        pushTimeInfo: { offLine: 1, validTime: 72 },
      },
    });
    expect(codeForPushId({ '110002': ['a'], '110003': ['b'] }, 'b')).toBe('110003');
    expect(codeForPushId({ respTarget: { '110003': ['b'] } }, 'b')).toBe('110003');
    expect(codeForPushId({}, 'b')).toBeNull();
  });
});

describe("class fields: the scenario's by default, the plan sender's as an override", () => {
  const im = spec('background-c2c-text');
  const low = spec('low-class-message');
  /** The IM text with only the given vendor fields (nothing else from the catalog's defaults). */
  const withVendor = (vendor: NonNullable<MessageSpec['push']>['vendor']): MessageSpec => ({
    ...im,
    push: { vendor },
  });
  const oppo = (message: MessageSpec, plan: { category?: 'IM' | 'NEWS'; notifyLevel?: 1 | 16 } = {}) => {
    const built = buildOppoMessage(message, { regId: 'CN_x', ...plan });
    if (built.kind !== 'message') throw new Error('expected a message');
    return { category: built.message.notification.category, level: built.message.notification.notify_level };
  };
  const vivo = (message: MessageSpec, plan: { category?: 'IM' | 'NEWS'; classification?: 0 | 1 } = {}) => {
    const built = buildVivoMessage(message, { appId: '1', regId: 'r', ...plan });
    if (built.kind !== 'message') throw new Error('expected a message');
    return { classification: built.body.classification, category: built.body.category };
  };
  const meizu = (message: MessageSpec, noticeMsgType?: 0 | 1) => {
    const built = buildMeizuMessage(message, noticeMsgType === undefined ? {} : { noticeMsgType });
    if (built.kind !== 'message') throw new Error('expected a message');
    return built.messageJson.noticeBarInfo.noticeMsgType;
  };

  it('OPPO: category and notify_level from the scenario, each overridden by the plan', () => {
    expect(oppo(im)).toEqual({ category: 'IM', level: 2 });
    expect(oppo(low)).toEqual({ category: 'MARKETING', level: 2 });
    expect(oppo(withVendor({ oppoCategory: 'ACCOUNT', oppoNotifyLevel: 16 }))).toEqual({
      category: 'ACCOUNT',
      level: 16,
    });
    expect(oppo(withVendor({ oppoCategory: 'ACCOUNT', oppoNotifyLevel: 16 }), { notifyLevel: 1 })).toEqual({
      category: 'ACCOUNT',
      level: 1,
    });
    expect(oppo(low, { category: 'IM' })).toEqual({ category: 'IM', level: 2 });
    expect(oppo(withVendor({}))).toEqual({ category: 'IM', level: 2 });
  });

  it('vivo: classification and category as a pair, from the plan when it names either, else the scenario', () => {
    expect(vivo(im)).toEqual({ classification: 1, category: 'IM' });
    expect(vivo(low)).toEqual({ classification: 0, category: 'MARKETING' });
    expect(vivo(withVendor({ vivoCategory: 'ORDER' }))).toEqual({ classification: 1, category: 'ORDER' });
    expect(vivo(withVendor({ vivoCategory: 'NEWS' }))).toEqual({ classification: 0, category: 'NEWS' });
    expect(vivo(withVendor({ vivoClassification: 0 }))).toEqual({ classification: 0, category: 'MARKETING' });
    // The plan's half decides the other: no 10097 mismatch from mixing the plan's and the scenario's.
    expect(vivo(im, { category: 'NEWS' })).toEqual({ classification: 0, category: 'NEWS' });
    expect(vivo(low, { classification: 1 })).toEqual({ classification: 1, category: 'IM' });
    expect(vivo(low, { category: 'IM', classification: 1 })).toEqual({ classification: 1, category: 'IM' });
    expect(vivo(withVendor({}))).toEqual({ classification: 1, category: 'IM' });
  });

  it('Meizu: noticeMsgType from the scenario, overridden by the plan, else 1 (私信)', () => {
    expect(meizu(im)).toBe(1);
    expect(meizu(low)).toBe(0);
    expect(meizu(low, 1)).toBe(1);
    expect(meizu(im, 0)).toBe(0);
    expect(meizu(withVendor({}))).toBe(1);
  });
});

describe('auth token cache', () => {
  it('fetches once for parallel callers, renews inside the margin, and fetches again after drop()', async () => {
    let now = 0;
    let n = 0;
    const cache = createTokenCache({
      clock: { now: () => now, iso: () => '' },
      marginMs: 100,
      fetch: () => Promise.resolve({ value: `t${(n += 1)}`, expiresAt: now + 1000 }),
    });
    const [a, b] = await Promise.all([cache.get({ timeoutMs: 1 }), cache.get({ timeoutMs: 1 })]);
    expect([a.value, b.value, cache.fetched]).toEqual(['t1', 't1', 1]);
    now = 899;
    expect((await cache.get({ timeoutMs: 1 })).value).toBe('t1');
    now = 900;
    expect((await cache.get({ timeoutMs: 1 })).value).toBe('t2');
    cache.drop();
    expect((await cache.get({ timeoutMs: 1 })).value).toBe('t3');
  });
});

describe('error tables', () => {
  it('give every documented code a meaning and a fix in English and zh-CN', () => {
    for (const table of [OPPO_ERRORS, VIVO_ERRORS, MEIZU_ERRORS]) {
      const zh: Readonly<Record<string, { meaning: string; fix: string }>> = table.zh;
      for (const [code, en] of Object.entries(table.en)) {
        expect(en.meaning.length, code).toBeGreaterThan(10);
        expect(en.fix.length, code).toBeGreaterThan(10);
        expect(HAN.test(zh[code]?.meaning ?? '') && HAN.test(zh[code]?.fix ?? ''), code).toBe(true);
      }
    }
    for (const code of [
      '-2',
      '-1',
      '11',
      '13',
      '14',
      '15',
      '16',
      '19',
      '28',
      '29',
      '30',
      '33',
      '40',
      '41',
      '55',
      '67',
      '10000',
    ])
      expect(Object.hasOwn(OPPO_ERRORS.en, code), code).toBe(true);
    for (const code of ['10070', '10094', '10096', '10097', 'invalidUser.1', 'invalidUser.4'])
      expect(Object.hasOwn(VIVO_ERRORS.en, code), code).toBe(true);
    for (const code of [
      '1005',
      '1006',
      '110000',
      '110002',
      '110003',
      '110010',
      '110011',
      '110019',
      '110033',
      '520',
    ])
      expect(Object.hasOwn(MEIZU_ERRORS.en, code), code).toBe(true);
  });

  it('name an unknown code, and keep the vendor words as detail', () => {
    expect(explainCode(OPPO_ERRORS, '4242', OPPO).en.meaning).toContain('4242');
    const evidence: Record<string, unknown> = { answer: { code: 33 } };
    const { error, fault } = refusalFor(evidence, OPPO, OPPO_ERRORS, '33', 'daily limit');
    expect([fault, evidence.answer]).toEqual(['quota', { code: 33, fault: 'quota' }]);
    expect(error.detail).toBe('daily limit');
    expect(error.zh?.message).toBe('OPPO 推送拒绝了消息（错误码 33）：应用当天的 OPPO 推送总量已用完。');
  });
});

describe('limits as data', () => {
  it('state per-device caps, quiet hours and sources for each vendor', () => {
    expect(LIMITS.oppo.perDevicePerDay.low.count).toBe(2);
    expect(LIMITS.vivo.quietHours).toMatchObject({ fromHour: 23, toHour: 7, holds: 'low' });
    expect(LIMITS.vivo.testMessagesPerDay).toEqual({ count: null, confirmed: true });
    expect(LIMITS.meizu.perDevicePerDay.low.count).toBe(3);
    for (const limits of Object.values(LIMITS)) {
      expect(limits.perDevicePerDay.high.count).toBeNull();
      expect(limits.sources.length).toBeGreaterThan(0);
      expect(HAN.test(limits.highClassHow.zhCN)).toBe(true);
    }
  });
});

describe('send caps for the preflight', () => {
  it('cap only the classes the vendors cap per device', () => {
    const secret = { env: 'X' };
    expect(vendorSendCap({ kind: 'oppo', appKey: 'k', masterSecret: secret })).toBeNull();
    expect(vendorSendCap({ kind: 'xiaomi', appSecret: secret })).toBeNull();
    const huawei = { kind: 'huawei', clientId: '1', clientSecret: secret } as const;
    expect(vendorSendCap(huawei)).toBeNull();
    expect(vendorSendCap({ ...huawei, importance: 'LOW' })).toMatchObject({
      vendor: 'huawei',
      perDevicePerDay: 2,
    });
    expect(vendorSendCap({ ...huawei, importance: 'LOW', testMessage: true })).toBeNull();
    const honor = {
      kind: 'honor',
      appId: '1',
      clientId: '1',
      clientSecret: secret,
      importance: 'LOW',
    } as const;
    expect(vendorSendCap(honor)?.zh).toMatch(/荣耀.*每台手机每天 2 条/);
    expect(
      vendorSendCap({ kind: 'oppo', appKey: 'k', masterSecret: secret, category: 'MARKETING' }),
    ).toMatchObject({
      vendor: 'oppo',
      perDevicePerDay: 2,
    });
    const vivo = { kind: 'vivo', appId: '1', appKey: 'k', appSecret: secret } as const;
    expect(vendorSendCap(vivo)).toBeNull();
    expect(vendorSendCap({ ...vivo, pushMode: 'production', classification: 0 })).toMatchObject({
      perDevicePerDay: 2,
    });
    // An operational category alone sends classification 0 (the builder derives it), so it is capped.
    expect(vendorSendCap({ ...vivo, pushMode: 'production', category: 'NEWS' })).toMatchObject({
      perDevicePerDay: 2,
    });
    expect(vendorSendCap({ ...vivo, pushMode: 'production', category: 'IM' })).toBeNull();
    expect(vendorSendCap({ kind: 'meizu', appId: '1', appSecret: secret, noticeMsgType: 0 })).toMatchObject({
      perDevicePerDay: 3,
      zh: expect.stringContaining('每台手机每天 3 条'),
    });
  });
});
