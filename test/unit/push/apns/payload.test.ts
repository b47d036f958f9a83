import { describe, expect, it } from 'vitest';
import { APNS_MAX_PAYLOAD_BYTES, buildApnsNotification } from '../../../../electron/lab/push/apns/payload';
import { LabError } from '../../../../electron/lab/errors';
import { SCENARIOS } from '../../../../shared/scenarios';
import { expectFor } from '../../../../shared/scenarios/rules/expect';
import type { MessageSpec } from '../../../../shared/scenarios/types';
import { payloadProblem } from '../../../virtual-lab/apns/rules';

const message = (id: string): MessageSpec => {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found.message;
};
const alert = (id: string) => buildApnsNotification(message(id), { pushType: 'alert' });

describe('APNs payload from a scenario message', () => {
  it('one-to-one text: "Nickname:content" as the body, no title (the seeds give iOS none), default sound', () => {
    const n = alert('background-c2c-text');
    expect(n).toMatchObject({ pushType: 'alert', priority: 10, silentBecause: null });
    expect(n.payload).toEqual({ aps: { alert: { body: 'Denny:PushLab offline check' }, sound: 'default' } });
    expect(n.bytes).toBe(Buffer.byteLength(n.json));
    expect(JSON.parse(n.json)).toEqual(n.payload);
  });

  it('group, placeholders, title/desc override, custom desc, custom sound and ext', () => {
    expect(alert('screen-locked-group-text').payload).toMatchObject({
      aps: { alert: { body: 'Denny (QA) (Lab Team):Group check' } },
    });
    expect(alert('background-image').payload).toMatchObject({ aps: { alert: { body: 'Denny:[image]' } } });
    expect(alert('background-title-desc').payload).toMatchObject({
      aps: { alert: { title: 'PushLab title', body: 'PushLab desc' } },
    });
    // A desc replaces the line: the seeds only promise the desc itself.
    expect(alert('background-custom-desc').payload).toMatchObject({
      aps: { alert: { body: 'Your order shipped' } },
    });
    expect(alert('background-custom-sound').payload).toMatchObject({ aps: { sound: 'pushlab_ding' } });
    // Top-level "ext", where didReceiveRemoteNotification reads userInfo["ext"] (seed 001).
    expect(alert('background-ext-redirect').payload).toEqual({
      aps: { alert: { body: 'Denny:Tap me' }, sound: 'default' },
      ext: '{"conversation":"c2c_pushlab_sender"}',
    });
  });

  it('the body is what the iOS expectation looks for', () => {
    const apnsPhone = {
      channel: 'apns' as const,
      rom: 'iOS' as const,
      sdk: null,
      notificationsBlocked: false,
    };
    let checked = 0;
    for (const scenario of SCENARIOS.filter((s) => s.state === 'background')) {
      const expectation = expectFor(scenario, apnsPhone, {
        apns: { build: 'release', certificate: 'production' },
      });
      if (expectation.outcome !== 'shown' || expectation.text === null) continue;
      const body = (
        buildApnsNotification(scenario.message, { pushType: 'alert' }).payload.aps as {
          alert: { body: string };
        }
      ).alert.body;
      if (expectation.text.match === 'exact') expect(body, scenario.id).toBe(expectation.text.value);
      else expect(body, scenario.id).toContain(expectation.text.value);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('a message Tencent would not push goes silently (background, priority 5), so nothing shows', () => {
    const n = alert('background-custom-no-desc');
    expect(n).toMatchObject({ pushType: 'background', priority: 5 });
    expect(n.payload).toEqual({ aps: { 'content-available': 1 } });
    expect(n.silentBecause).toMatch(/custom message without desc/);
    const disabled = buildApnsNotification(
      { ...message('background-c2c-text'), push: { disabled: true, ext: 'x' } },
      { pushType: 'alert' },
    );
    expect(disabled).toMatchObject({
      pushType: 'background',
      priority: 5,
      payload: { aps: { 'content-available': 1 }, ext: 'x' },
    });
  });

  it("a background plan sends every message silently at priority 5; alerts keep the plan's priority", () => {
    expect(buildApnsNotification(message('background-c2c-text'), { pushType: 'background' })).toMatchObject({
      pushType: 'background',
      priority: 5,
      silentBecause: null,
      payload: { aps: { 'content-available': 1 } },
    });
    expect(
      buildApnsNotification(message('background-c2c-text'), { pushType: 'alert', priority: 5 }).priority,
    ).toBe(5);
  });

  it('every catalog message makes a payload the local APNs server accepts for its push type', () => {
    for (const scenario of SCENARIOS) {
      for (const pushType of ['alert', 'background'] as const) {
        const n = buildApnsNotification(scenario.message, { pushType });
        expect(payloadProblem(n.json, n.pushType), `${scenario.id} ${pushType}`).toBeNull();
      }
    }
  });

  it('refuses a payload over 4096 bytes before anything is sent, and takes one at the limit', () => {
    const base = message('background-c2c-text');
    const overhead = Buffer.byteLength(
      JSON.stringify({ aps: { alert: { body: 'Denny:' }, sound: 'default' } }),
    );
    const fits = buildApnsNotification(
      { ...base, text: 'x'.repeat(APNS_MAX_PAYLOAD_BYTES - overhead) },
      { pushType: 'alert' },
    );
    expect(fits.bytes).toBe(APNS_MAX_PAYLOAD_BYTES);
    const error = (() => {
      try {
        buildApnsNotification({ ...base, text: 'é'.repeat(2100) }, { pushType: 'alert' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('INVALID_ARGUMENT');
    expect((error as LabError).message).toMatch(
      /^The APNs payload would be \d{4} bytes; APNs accepts at most 4096\.$/,
    );
  });
});
