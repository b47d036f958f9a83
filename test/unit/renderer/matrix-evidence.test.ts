import { describe, expect, it } from 'vitest';
import { attemptFacts, evidenceOf, requestIdOf } from '../../../renderer/src/matrix/attempt-facts';
import { readDoctorEvidence, snapshotAtTime } from '../../../renderer/src/matrix/doctor-at-time';
import type { CheckStatus, DoctorCheck, DoctorReport } from '../../../shared/domain/doctor';
import type { AttemptDetail } from '../../../shared/domain/run';
import { attempt, verdict } from './support/sample-runs';

const check = (id: string, status: CheckStatus, evidence: string): DoctorCheck => ({
  id,
  status,
  title: { key: `check.${id}.title`, values: {} },
  evidence,
  advice: { key: 'x', values: {} },
  fixes: [],
  settingsPath: null,
});
const report = (id: number, takenAt: string, checks: DoctorCheck[], complete = true): DoctorReport => ({
  id,
  serial: 'mi-1',
  package: 'com.pushlab.demo',
  takenAt,
  complete,
  incompleteReason: null,
  phone: null,
  checks,
});

describe('the doctor snapshot an attempt ran under', () => {
  const first = report(1, '2026-01-04T09:00:00.000Z', [
    check('notifications.enabled', 'ok', 'enabled=true'),
    check('battery.doze', 'ok', 'whitelisted'),
    check('app.stopped', 'ok', 'stopped=false'),
  ]);
  const second = report(2, '2026-01-05T09:00:00.000Z', [
    check('notifications.enabled', 'fail', 'enabled=false'),
    check('battery.doze', 'ok', 'not whitelisted'),
    check('app.stopped', 'ok', 'stopped=false'),
  ]);
  const later = report(3, '2026-01-06T09:00:00.000Z', [check('notifications.enabled', 'ok', 'enabled=true')]);

  it('reads the stored evidence and refuses anything else', () => {
    expect(
      readDoctorEvidence({ id: 2, takenAt: second.takenAt, failing: ['notifications.enabled', 7] }),
    ).toEqual({ id: 2, takenAt: second.takenAt, failing: ['notifications.enabled'] });
    expect(readDoctorEvidence({ id: null, takenAt: second.takenAt, failing: [] })?.id).toBeNull();
    expect(readDoctorEvidence({ takenAt: 5, failing: [] })).toBeNull();
    expect(readDoctorEvidence('<b>')).toBeNull();
  });

  it('finds the report and shows what changed since the one before it, status changes first', () => {
    const at = snapshotAtTime([later, first, second], {
      id: 2,
      takenAt: second.takenAt,
      failing: ['notifications.enabled'],
    });
    expect(at?.report.id).toBe(2);
    expect(at?.previous?.id).toBe(1);
    expect(at?.lines.map((l) => `${l.checkId}:${l.before}->${l.after}:${String(l.statusChanged)}`)).toEqual([
      'notifications.enabled:ok->fail:true',
      'battery.doze:ok->ok:false',
    ]);
    expect(at?.lines[1]).toMatchObject({ beforeEvidence: 'whitelisted', afterEvidence: 'not whitelisted' });
  });

  it('finds it by time when the run kept no report id, and has no drift for the first snapshot', () => {
    expect(snapshotAtTime([first, second], { id: null, takenAt: first.takenAt, failing: [] })).toEqual({
      report: first,
      previous: null,
      lines: [],
    });
    expect(snapshotAtTime([first], { id: 9, takenAt: 'x', failing: [] })).toBeNull();
  });

  it('does not call checks a partial report did not read "removed"', () => {
    const partial = report(
      4,
      '2026-01-07T09:00:00.000Z',
      [check('notifications.enabled', 'fail', 'enabled=false')],
      false,
    );
    expect(
      snapshotAtTime([later, partial], { id: 4, takenAt: partial.takenAt, failing: [] })?.lines.map(
        (l) => l.kind,
      ),
    ).toEqual(['changed']);
    const complete = { ...partial, complete: true, checks: [] };
    expect(
      snapshotAtTime([second, complete], { id: 4, takenAt: partial.takenAt, failing: [] })?.lines.map(
        (l) => l.kind,
      ),
    ).toEqual(['removed', 'removed', 'removed']);
  });
});

describe('expected vs shown', () => {
  it('pairs each expectation with what the phone showed and how it compared', () => {
    const v = verdict('fail', 'fail.wrong-text');
    const facts = attemptFacts({
      ...v,
      details: {
        ...v.details,
        record: {
          title: '<img src=x onerror=alert(1)>',
          text: 'Hello',
          channelId: 'pushlab_im',
          sound: 'default',
          postTime: 1,
        },
        expected: {
          title: { value: 'PushLab offline check', match: 'exact' },
          text: { value: 'Hello', match: 'contains' },
          channelId: 'pushlab_im',
        },
        checks: { title: 'mismatch', text: 'ok', channel: 'ok', sound: 'not-checked' },
      },
    });
    expect(facts.captured).toBe(true);
    expect(facts.fields).toEqual([
      {
        field: 'title',
        expected: { value: 'PushLab offline check', match: 'exact' },
        actual: '<img src=x onerror=alert(1)>',
        check: 'mismatch',
      },
      { field: 'text', expected: { value: 'Hello', match: 'contains' }, actual: 'Hello', check: 'ok' },
      {
        field: 'channel',
        expected: { value: 'pushlab_im', match: 'exact' },
        actual: 'pushlab_im',
        check: 'ok',
      },
      { field: 'sound', expected: null, actual: 'default', check: 'not-checked' },
    ]);
  });

  it('says nothing was captured, or that the phone hid the texts', () => {
    expect(attemptFacts(verdict('fail', 'fail.not-shown-in-time')).captured).toBe(false);
    expect(attemptFacts(null).fields.every((f) => f.actual === null && f.check === 'not-checked')).toBe(true);
    const v = verdict('inconclusive', 'inconclusive.redacted');
    const hidden = attemptFacts({
      ...v,
      details: {
        ...v.details,
        record: { title: null, text: null, channelId: 'c', postTime: 1, redacted: true },
      },
    });
    expect(hidden.redacted).toBe(true);
  });

  it('reads the sender’s request id from the send evidence, newest evidence of a kind first', () => {
    const detail: AttemptDetail = {
      attempt: attempt(5, 'mi-1', 'background-c2c-text', 1),
      steps: [],
      evidence: [
        {
          id: 1,
          kind: 'send',
          path: null,
          data: { sentAt: 1, requestId: '144115233068235330-1736071200-12345', body: {} },
          at: 1,
        },
        { id: 2, kind: 'logcat', path: 'logcat/a.txt', data: { lines: 3 }, at: 2 },
        { id: 3, kind: 'logcat', path: 'logcat/b.txt', data: { lines: 4 }, at: 3 },
      ],
    };
    expect(requestIdOf(detail)).toBe('144115233068235330-1736071200-12345');
    expect(evidenceOf(detail, 'logcat')?.id).toBe(3);
    expect(evidenceOf(detail, 'doctor')).toBeNull();
    expect(
      requestIdOf({ evidence: [{ id: 1, kind: 'send', path: null, data: { requestId: null }, at: 1 }] }),
    ).toBeNull();
    expect(requestIdOf(null)).toBeNull();
  });
});
