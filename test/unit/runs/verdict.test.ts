import { describe, expect, it } from 'vitest';
import { judge } from '../../../electron/lab/runs/verdict';
import { describeReason } from '../../../shared/runs/reasons';
import { expectFor } from '../../../shared/scenarios/rules/expect';
import { REFERENCE_APP, REFERENCE_PHONES, scenarioById } from '../../../shared/scenarios/catalog';
import { anError, quietExpectation, record, seen, shownExpectation, timedOut } from './verdict-helpers';

describe('judge: expectation shown', () => {
  const e = shownExpectation();

  it('passes on a matching record, with its latency', () => {
    const v = judge(e, seen([record()]));
    expect(v.kind).toBe('pass');
    expect(v.reason.key).toBe('pass.shown');
    expect(v.details).toMatchObject({
      delivered: true,
      latencyMs: 1200,
      checks: { title: 'ok', text: 'ok', channel: 'ok' },
    });
    expect(describeReason(v.reason)).toBe('Shown after 1200 ms as expected.');
  });

  it('finds the matching record among others of the app', () => {
    expect(judge(e, seen([record({ title: 'Sync' }), record()])).kind).toBe('pass');
  });

  it('fails on a wrong title, naming expected and actual', () => {
    const v = judge(e, seen([record({ title: 'pushlab_sender' })]));
    expect(v.kind).toBe('fail');
    expect(v.reason).toEqual({
      key: 'fail.wrong-text',
      values: { field: 'title', match: 'exact', expected: 'Denny', actual: 'pushlab_sender' },
    });
    expect(describeReason(v.reason)).toBe('Wrong title: expected exact "Denny", shown "pushlab_sender".');
  });

  it('fails on a wrong text and treats exact as exact', () => {
    expect(judge(e, seen([record({ text: 'Denny:[image]' })])).reason).toMatchObject({
      key: 'fail.wrong-text',
      values: { field: 'text', actual: 'Denny:[image]' },
    });
    expect(judge(e, seen([record({ title: 'Denny ' })])).reason.key).toBe('fail.wrong-text');
    expect(judge(e, seen([record({ title: 'denny' })])).kind).toBe('fail');
  });

  it('matches "contains" text in the title too, and normalises CRLF only', () => {
    expect(
      judge(shownExpectation({ title: null }), seen([record({ title: 'hello world', text: 'x' })])).kind,
    ).toBe('pass');
    const multi = shownExpectation({ text: { value: 'a\nb', match: 'exact' } });
    expect(judge(multi, seen([record({ text: 'a\r\nb' })])).kind).toBe('pass');
    expect(judge(multi, seen([record({ text: 'a b' })])).kind).toBe('fail');
  });

  it('fails on a wrong channel', () => {
    const v = judge(e, seen([record({ channelId: 'default' })]));
    expect(v.reason).toEqual({ key: 'fail.wrong-channel', values: { expected: 'im', actual: 'default' } });
  });

  it('fails on a known wrong sound, and does not judge an unknown one', () => {
    const custom = shownExpectation({ sound: { kind: 'custom', name: 'ding' } });
    expect(judge(custom, seen([record({ sound: 'default' })])).reason.key).toBe('fail.wrong-sound');
    expect(judge(custom, seen([record({ sound: 'ding' })])).kind).toBe('pass');
    expect(judge(custom, seen([record()])).kind).toBe('pass');
  });

  it('is inconclusive when the texts were redacted or the channel unreadable', () => {
    expect(judge(e, seen([record({ redacted: true, title: null, text: null })])).reason.key).toBe(
      'inconclusive.redacted',
    );
    expect(judge(e, seen([record({ channelId: null })])).reason.key).toBe('inconclusive.channel-unknown');
    // A redacted record might be the right one even beside a certainly wrong one.
    expect(
      judge(e, seen([record({ title: 'x' }), record({ redacted: true, title: null, text: null })])).kind,
    ).toBe('inconclusive');
  });

  it('fails when nothing showed in time, or showed late', () => {
    const v = judge(e, timedOut());
    expect(v).toMatchObject({
      kind: 'fail',
      reason: { key: 'fail.not-shown-in-time', values: { within: '60000 ms' } },
      details: { delivered: false },
    });
    expect(judge(e, seen([])).kind).toBe('fail');
    expect(judge(e, seen([record()], { latencyMs: 61_000 })).reason.key).toBe('fail.late');
  });

  it('is inconclusive when a documented vendor limit may drop it', () => {
    const v = judge(shownExpectation({ ifMissing: 'inconclusive' }), timedOut());
    expect(v).toMatchObject({
      kind: 'inconclusive',
      reason: { key: 'inconclusive.missing-may-be-dropped', values: { why: 'because of the rules' } },
    });
  });

  it('waits for Doze to end before calling an after-idle push missing', () => {
    const idle = shownExpectation({ delivery: 'after-idle' });
    expect(judge(idle, timedOut()).reason.key).toBe('inconclusive.before-idle');
    expect(judge(idle, timedOut(0, { idleLeft: true })).reason.key).toBe('fail.not-shown-in-time');
    expect(judge(idle, seen([record()], { latencyMs: 3_600_000 })).kind).toBe('pass');
  });

  it('calls a must-show push that timed out while notification reads failed inconclusive, not a fail', () => {
    const v = judge(shownExpectation(), timedOut(2));
    expect(v).toMatchObject({
      kind: 'inconclusive',
      reason: { key: 'inconclusive.read-errors', values: { readErrors: 2 } },
      details: { delivered: null },
    });
  });
});

describe('judge: expectation not shown', () => {
  const e = quietExpectation('not-shown');

  it('passes only with a positive control that showed', () => {
    expect(judge(e, timedOut(0, { positiveControlShown: true }))).toMatchObject({
      kind: 'pass',
      reason: { key: 'pass.not-shown' },
      details: { delivered: false },
    });
    expect(judge(e, timedOut(0, { positiveControlShown: false })).reason.key).toBe(
      'inconclusive.positive-control-missing',
    );
    expect(judge(e, timedOut(0)).reason.key).toBe('inconclusive.no-positive-control');
  });

  it('fails when anything of the app showed', () => {
    const v = judge(e, seen([record({ title: 'Hi', text: '<b>' })], { positiveControlShown: true }));
    expect(v.reason).toEqual({ key: 'fail.shown-when-must-not', values: { title: 'Hi', text: '<b>' } });
    expect(judge(e, seen([record({ redacted: true, title: null, text: null })])).reason.values).toEqual({
      title: '(hidden)',
      text: '(hidden)',
    });
  });

  it('does not take failed reads for "nothing showed"', () => {
    expect(judge(e, timedOut(3, { positiveControlShown: true })).reason).toEqual({
      key: 'inconclusive.read-errors',
      values: { readErrors: 3 },
    });
  });
});

describe('judge: precedence', () => {
  const good = seen([record()], { positiveControlShown: true });

  it('never runs a not-applicable scenario', () => {
    expect(judge(quietExpectation('not-applicable'), good)).toMatchObject({
      kind: 'not-run',
      reason: { key: 'not-run.not-applicable' },
    });
  });

  it('reports a lost phone, from set-up or from the capture', () => {
    expect(judge(shownExpectation(), { ...good, setup: { kind: 'device-lost' } }).kind).toBe('device-lost');
    expect(
      judge(shownExpectation(), {
        setup: { kind: 'ok' },
        captured: { kind: 'capture-error', error: anError('DEVICE_LOST') },
      }).kind,
    ).toBe('device-lost');
  });

  it('blocks on a failed set-up, whatever was captured', () => {
    const v = judge(shownExpectation(), {
      ...good,
      setup: { kind: 'failed', error: anError('INSTALL_FAILED') },
    });
    expect(v).toMatchObject({
      kind: 'blocked',
      reason: { key: 'blocked.setup-failed', values: { code: 'INSTALL_FAILED' } },
      details: { error: { code: 'INSTALL_FAILED' } },
    });
  });

  it('keeps undecided inconclusive even when a perfect record showed', () => {
    const v = judge(quietExpectation('undecided'), good);
    expect(v.kind).toBe('inconclusive');
    expect(v.reason.key).toBe('inconclusive.undecided-shown');
    expect(v.details.record).not.toBeNull();
    expect(judge(quietExpectation('undecided'), timedOut()).reason.key).toBe('inconclusive.undecided');
  });

  it('is inconclusive when the capture failed', () => {
    expect(
      judge(shownExpectation(), {
        setup: { kind: 'ok' },
        captured: { kind: 'capture-error', error: anError('MALFORMED_OUTPUT') },
      }).reason.key,
    ).toBe('inconclusive.capture-error');
  });
});

describe('judge with the real expectation rules', () => {
  it('passes the background c2c text on Xiaomi only with "Nickname:content" under the nickname', () => {
    const scenario = scenarioById('background-c2c-text');
    if (scenario === undefined) throw new Error('catalog changed');
    const phone = REFERENCE_PHONES.xiaomi;
    if (phone === undefined) throw new Error('catalog changed');
    const e = expectFor(scenario, phone, REFERENCE_APP);
    expect(e.outcome).toBe('shown');
    const title = e.title?.value ?? null;
    const text = e.text?.value ?? '';
    expect(judge(e, seen([record({ title, text, channelId: e.channelId })])).kind).toBe('pass');
    expect(judge(e, seen([record({ title: 'pushlab_sender', text, channelId: e.channelId })])).kind).toBe(
      'fail',
    );
  });
});
