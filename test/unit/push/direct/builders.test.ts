/**
 * The pure builders of the direct vendor senders: the same MessageSpec gives the same words as the
 * Tencent path (display rules), with the vendor fields Tencent sets (channel, category,
 * importance, sound, click action carrying ext), and refuses what the vendor would refuse.
 */
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import { directContent, launchIntentUri } from '../../../../electron/lab/push/direct/content';
import { buildHonorMessage } from '../../../../electron/lab/push/honor/message';
import { buildHuaweiMessage } from '../../../../electron/lab/push/huawei/message';
import { buildXiaomiMessage } from '../../../../electron/lab/push/xiaomi/message';
import { SCENARIOS, type MessageSpec } from '../../../../shared/scenarios';
import { extFromIntent } from '../../../virtual-lab/vendor-push/types';

const spec = (id: string): MessageSpec => SCENARIOS.find((s) => s.id === id)!.message;
const PKG = 'com.pushlab.demo';
const xiaomi = (id: string, extra: Partial<Parameters<typeof buildXiaomiMessage>[1]> = {}) =>
  buildXiaomiMessage(spec(id), { regId: 'REGID', package: PKG, scenarioId: id, notifyId: 7, ...extra });
const thrown = (fn: () => unknown): LabError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    return error as LabError;
  }
  throw new Error('did not throw');
};

describe('directContent (display rules shared with the Tencent path)', () => {
  it('takes the nickname as title and the seed line as body; title/desc override; ext and sound', () => {
    expect(directContent(spec('background-c2c-text'), 's')).toEqual({
      kind: 'notification',
      title: 'Denny',
      body: 'Denny:PushLab offline check',
      ext: null,
      sound: null,
    });
    expect(directContent(spec('background-title-desc'), 's')).toMatchObject({
      title: 'PushLab title',
      body: 'PushLab desc',
    });
    expect(directContent(spec('background-ext-redirect'), 's')).toMatchObject({
      ext: '{"conversation":"c2c_pushlab_sender"}',
    });
    expect(directContent(spec('background-custom-sound'), 's')).toMatchObject({ sound: 'pushlab_ding' });
  });

  it('a message Tencent would not push becomes a data message carrying the scenario id', () => {
    expect(directContent(spec('background-custom-no-desc'), 'background-custom-no-desc')).toEqual({
      kind: 'data',
      because: expect.stringMatching(/without desc/),
      becauseZh: expect.stringMatching(/desc/),
      data: { pushlab_scenario: 'background-custom-no-desc' },
    });
  });

  it('the click intent opens the launcher activity with ext, and the emulators read ext back', () => {
    const ext = '{"a":"b;c=d"}';
    const intent = launchIntentUri(PKG, ext);
    expect(intent).toMatch(
      /^#Intent;action=android\.intent\.action\.MAIN;.*package=com\.pushlab\.demo;S\.ext=.*;end$/,
    );
    expect(extFromIntent(intent)).toBe(ext);
  });
});

describe('Mi Push form', () => {
  it('sets channel_id, payload (ext), sound_uri and opens the launcher activity', () => {
    expect(xiaomi('background-c2c-text').form).toEqual({
      registration_id: 'REGID',
      restricted_package_name: PKG,
      notify_id: '7',
      pass_through: '0',
      notify_type: '-1',
      title: 'Denny',
      description: 'Denny:PushLab offline check',
      'extra.channel_id': 'pushlab_im',
      'extra.notify_effect': '1',
    });
    expect(xiaomi('background-ext-redirect').form.payload).toBe(
      encodeURIComponent('{"conversation":"c2c_pushlab_sender"}'),
    );
    expect(xiaomi('background-custom-sound').form['extra.sound_uri']).toBe(
      `android.resource://${PKG}/raw/pushlab_ding`,
    );
  });

  it("uses the plan's channel only when the scenario names none, and refuses to send without one", () => {
    expect(xiaomi('low-class-message', { channelId: 'pushlab_public' }).channelId).toBe('pushlab_public');
    expect(xiaomi('background-c2c-text', { channelId: 'other' }).channelId).toBe('pushlab_im');
    const error = thrown(() => xiaomi('low-class-message'));
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.hint).toMatch(/channel_id since 2024-11-04/);
    expect(error.toInfo().zh?.message).toMatch(/channel_id/);
  });

  it('goes pass-through for a message Tencent would not push; refuses long titles and big payloads', () => {
    const data = xiaomi('background-custom-no-desc');
    expect(data.kind).toBe('data');
    expect(data.form.pass_through).toBe('1');
    expect(decodeURIComponent(data.form.payload ?? '')).toBe(
      '{"pushlab_scenario":"background-custom-no-desc"}',
    );
    const long = {
      ...spec('background-title-desc'),
      push: { ...spec('background-title-desc').push, title: 'x'.repeat(50) },
    };
    expect(
      thrown(() => buildXiaomiMessage(long, { regId: 'R', package: PKG, scenarioId: 's', notifyId: 1 }))
        .message,
    ).toMatch(/title \(50\)/);
    const big = {
      ...spec('background-ext-redirect'),
      push: { ...spec('background-ext-redirect').push, ext: 'é'.repeat(1400) },
    };
    expect(
      thrown(() => buildXiaomiMessage(big, { regId: 'R', package: PKG, scenarioId: 's', notifyId: 1 }))
        .message,
    ).toMatch(/accepts at most 4096/);
  });
});

describe('HMS Push Kit body', () => {
  it('carries the Tencent vendor fields, and the plan defaults only where the scenario names none', () => {
    const built = buildHuaweiMessage(spec('background-ext-redirect'), {
      token: 'TOKEN',
      package: PKG,
      scenarioId: 's',
      channelId: 'plan_channel',
      testMessage: true,
    });
    expect(built.body).toEqual({
      validate_only: false,
      message: {
        android: {
          category: 'IM',
          target_user_type: 1,
          notification: {
            title: 'Denny',
            body: 'Denny:Tap me',
            channel_id: 'plan_channel',
            importance: 'NORMAL',
            default_sound: true,
            click_action: { type: 1, intent: launchIntentUri(PKG, '{"conversation":"c2c_pushlab_sender"}') },
          },
        },
        token: ['TOKEN'],
      },
    });
    const low = buildHuaweiMessage(spec('low-class-message'), {
      token: 'T',
      package: PKG,
      scenarioId: 's',
      category: 'IM',
    });
    expect(low.body.message.android).toMatchObject({
      category: 'IM',
      notification: { importance: 'LOW', click_action: { type: 3 } },
    });
    const sound = buildHuaweiMessage(spec('background-custom-sound'), {
      token: 'T',
      package: PKG,
      scenarioId: 's',
    });
    expect(sound.body.message.android).toMatchObject({
      notification: { sound: '/raw/pushlab_ding', default_sound: false },
    });
  });

  it('a data message for what Tencent would not push; 4096 bytes without the token at most', () => {
    const data = buildHuaweiMessage(spec('background-custom-no-desc'), {
      token: 'T',
      package: PKG,
      scenarioId: 'x',
    });
    expect(data.body.message).toEqual({ data: '{"pushlab_scenario":"x"}', android: {}, token: ['T'] });
    const big = { ...spec('background-c2c-text'), text: 'y'.repeat(4100) };
    expect(
      thrown(() => buildHuaweiMessage(big, { token: 'T', package: PKG, scenarioId: 's' })).message,
    ).toMatch(/HMS Push Kit message would be \d+ bytes; HMS Push Kit accepts at most 4096/);
  });
});

describe('Honor Push body', () => {
  it('camelCase, HonorImportance as notification.importance, targetUserType for test messages', () => {
    const built = buildHonorMessage(spec('background-c2c-text'), {
      token: 'T',
      package: PKG,
      scenarioId: 's',
      testMessage: true,
    });
    expect(built.body).toEqual({
      android: {
        targetUserType: 1,
        notification: {
          title: 'Denny',
          body: 'Denny:PushLab offline check',
          importance: 'NORMAL',
          clickAction: { type: 3 },
        },
      },
      token: ['T'],
    });
    expect(
      buildHonorMessage(spec('low-class-message'), { token: 'T', package: PKG, scenarioId: 's' }).body
        .android,
    ).toMatchObject({
      notification: { importance: 'LOW' },
    });
  });
});
