import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import { buildFcmMessage, FCM_MAX_PAYLOAD_BYTES } from '../../../../electron/lab/push/fcm/message';
import { SCENARIOS } from '../../../../shared/scenarios';
import { expectFor } from '../../../../shared/scenarios/rules/expect';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { messageProblem } from '../../../virtual-lab/fcm/validate-message';

const TOKEN = 'cXyZ1234abcdefghijkl12:APA91bTestTokenTail';
const message = (id: string): MessageSpec => {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found.message;
};
const build = (id: string, extra: { priority?: 'high' | 'normal'; channelId?: string } = {}) =>
  buildFcmMessage(message(id), {
    token: TOKEN,
    scenarioId: id,
    priority: extra.priority ?? 'high',
    ...(extra.channelId === undefined ? {} : { channelId: extra.channelId }),
  });

describe('FCM message from a scenario message', () => {
  it('a pushed message is a notification message: title (nickname), "Nickname:content", channel, default sound, priority', () => {
    const built = build('background-c2c-text', { channelId: 'pushlab_im' });
    expect(built.kind).toBe('notification');
    expect(built.dataOnlyBecause).toBeNull();
    expect(built.body).toEqual({
      message: {
        token: TOKEN,
        android: {
          priority: 'HIGH',
          notification: {
            title: 'Denny',
            body: 'Denny:PushLab offline check',
            channel_id: 'pushlab_im',
            sound: 'default',
          },
        },
      },
    });
    expect(build('background-c2c-text', { priority: 'normal' }).body.message.android).toEqual({
      priority: 'NORMAL',
      notification: { title: 'Denny', body: 'Denny:PushLab offline check', sound: 'default' },
    });
  });

  it('titles: sender ID without nickname, the override, the group name for groups; ext in data', () => {
    expect(build('background-c2c-text-no-nickname').body.message.android.notification).toMatchObject({
      title: 'pushlab_sender',
      body: 'PushLab offline check',
    });
    expect(build('background-title-desc').body.message.android.notification).toMatchObject({
      title: 'PushLab title',
      body: 'PushLab desc',
    });
    expect(build('screen-locked-group-text').body.message.android.notification).toMatchObject({
      title: 'Lab Team',
      body: 'Denny (QA) (Lab Team):Group check',
    });
    expect(build('background-custom-sound').body.message.android.notification?.sound).toBe('pushlab_ding');
    expect(build('background-ext-redirect').body.message.data).toEqual({
      ext: '{"conversation":"c2c_pushlab_sender"}',
    });
  });

  it("the scenario's FCM channel wins over the plan's", () => {
    const spec = {
      ...message('background-c2c-text'),
      push: { vendor: { fcmChannelId: 'scenario_channel' } },
    };
    expect(
      buildFcmMessage(spec, { token: TOKEN, scenarioId: 'x', priority: 'high', channelId: 'plan_channel' })
        .body.message.android.notification?.channel_id,
    ).toBe('scenario_channel');
  });

  it('the title and text are what the Android expectation looks for', () => {
    const phone = {
      channel: 'fcm' as const,
      rom: 'Android' as const,
      sdk: 34,
      pushServiceReady: true,
      notificationsBlocked: false,
    };
    let checked = 0;
    for (const scenario of SCENARIOS.filter((s) => s.state === 'background')) {
      const expectation = expectFor(scenario, phone, { fcmPriority: 'high' });
      if (expectation.outcome !== 'shown') continue;
      const n = buildFcmMessage(scenario.message, { token: TOKEN, scenarioId: scenario.id, priority: 'high' })
        .body.message.android.notification;
      if (expectation.title !== null) expect(n?.title, scenario.id).toBe(expectation.title.value);
      if (expectation.text !== null) expect(n?.body, scenario.id).toContain(expectation.text.value);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('a message Tencent would not push goes data-only, so nothing shows', () => {
    const built = build('background-custom-no-desc');
    expect(built.kind).toBe('data');
    expect(built.dataOnlyBecause).toMatch(/custom message without desc/);
    expect(built.body).toEqual({
      message: {
        token: TOKEN,
        android: { priority: 'HIGH' },
        data: { pushlab_scenario: 'background-custom-no-desc' },
      },
    });
    const disabled = buildFcmMessage(
      { ...message('background-c2c-text'), push: { disabled: true, ext: 'e' } },
      { token: TOKEN, scenarioId: 's', priority: 'high' },
    );
    expect(disabled).toMatchObject({
      kind: 'data',
      body: { message: { data: { pushlab_scenario: 's', ext: 'e' } } },
    });
  });

  it('every catalog message is a body the local FCM server accepts', () => {
    for (const scenario of SCENARIOS) {
      const built = buildFcmMessage(scenario.message, {
        token: TOKEN,
        scenarioId: scenario.id,
        priority: 'normal',
        channelId: 'c',
      });
      expect(messageProblem(built.body), scenario.id).toBeNull();
    }
  });

  it('refuses a payload over 4096 bytes before sending', () => {
    const error = (() => {
      try {
        buildFcmMessage(
          { ...message('background-c2c-text'), text: 'x'.repeat(FCM_MAX_PAYLOAD_BYTES) },
          { token: TOKEN, scenarioId: 's', priority: 'high' },
        );
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).message).toMatch(
      /^The FCM payload would be \d+ bytes; FCM accepts at most 4096\.$/,
    );
    expect(build('background-c2c-text').payloadBytes).toBeLessThan(200);
  });
});
