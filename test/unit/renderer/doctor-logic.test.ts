import { describe, expect, it } from 'vitest';
import type { CheckStatus, DoctorCheck, DoctorReport, DoctorResult } from '../../../shared/domain/doctor';
import {
  areaOf,
  compareSeverity,
  countStatuses,
  groupChecks,
  worstStatus,
} from '../../../renderer/src/doctor/check-groups';
import { applyFixOutcome, driftLines, fixChangeLines } from '../../../renderer/src/doctor/report-changes';
import { hasInvisible, revealInvisible } from '../../../renderer/src/doctor/visible-text';

const check = (id: string, status: CheckStatus, evidence = `${id}=${status}`): DoctorCheck => ({
  id,
  status,
  title: { key: `check.${id}.title`, values: {} },
  evidence,
  advice: { key: `check.${id}.advice`, values: {} },
  fixes: [],
  settingsPath: null,
});

const report = (checks: DoctorCheck[]): DoctorReport => ({
  id: 1,
  serial: '3c1a9f2e',
  package: 'com.example.chat',
  takenAt: '2026-01-05T10:00:00.000Z',
  complete: true,
  incompleteReason: null,
  phone: null,
  checks,
});

describe('grouping and counting checks', () => {
  it('puts each check in its area by id prefix, unknown prefixes under other', () => {
    expect(areaOf('app.installed')).toBe('app');
    expect(areaOf('notifications.permission')).toBe('notifications');
    expect(areaOf('channel:im.message:v2')).toBe('channels');
    expect(areaOf('dnd.zen')).toBe('dnd');
    expect(areaOf('lockscreen.notifications')).toBe('dnd');
    expect(areaOf('battery.standbyBucket')).toBe('battery');
    expect(areaOf('vendor.miui.autostart')).toBe('vendor');
    expect(areaOf('push.service')).toBe('push');
    expect(areaOf('toString.x')).toBe('other');
    expect(areaOf('')).toBe('other');
  });

  it('orders areas the way a push travels and keeps the report order inside an area', () => {
    const checks = [
      check('push.service', 'ok'),
      check('battery.doze', 'warn'),
      check('app.installed', 'ok'),
      check('battery.standbyBucket', 'fail'),
      check('weird', 'unknown'),
      check('channel:a', 'fail'),
    ];
    const groups = groupChecks(checks);
    expect(groups.map((g) => g.area)).toEqual(['app', 'channels', 'battery', 'push', 'other']);
    expect(groups.find((g) => g.area === 'battery')?.checks.map((c) => c.id)).toEqual([
      'battery.doze',
      'battery.standbyBucket',
    ]);
    expect(groupChecks([])).toEqual([]);
  });

  it('counts statuses and finds the worst one', () => {
    const checks = [check('a', 'ok'), check('b', 'manual'), check('c', 'warn'), check('d', 'ok')];
    expect(countStatuses(checks)).toEqual({ ok: 2, warn: 1, fail: 0, unknown: 0, manual: 1 });
    expect(worstStatus(checks)).toBe('warn');
    expect(worstStatus([...checks, check('e', 'fail')])).toBe('fail');
    expect(worstStatus([check('a', 'ok'), check('b', 'manual'), check('c', 'unknown')])).toBe('unknown');
    expect(worstStatus([check('a', 'ok')])).toBe('ok');
    expect(worstStatus([])).toBeNull();
    expect(compareSeverity('fail', 'ok')).toBeLessThan(0);
    expect(compareSeverity('ok', 'warn')).toBeGreaterThan(0);
  });
});

describe('drift and fix changes', () => {
  it('titles drift from the current report, puts status changes before evidence-only ones', () => {
    const result: DoctorResult = {
      report: report([check('battery.doze', 'ok'), check('dnd.zen', 'warn', 'zen_mode=1')]),
      previousTakenAt: '2026-01-04T10:00:00.000Z',
      drift: [
        {
          checkId: 'dnd.zen',
          before: { status: 'warn', evidence: 'zen_mode=3' },
          after: { status: 'warn', evidence: 'zen_mode=1' },
        },
        {
          checkId: 'battery.doze',
          before: { status: 'warn', evidence: 'not listed' },
          after: { status: 'ok', evidence: 'user,com.example.chat' },
        },
        { checkId: 'channel:gone', before: { status: 'ok', evidence: 'x' }, after: null },
      ],
    };
    const lines = driftLines(result);
    expect(lines.map((l) => [l.checkId, l.kind, l.before, l.after, l.statusChanged])).toEqual([
      ['battery.doze', 'changed', 'warn', 'ok', true],
      ['channel:gone', 'removed', 'ok', null, true],
      ['dnd.zen', 'changed', 'warn', 'warn', false],
    ]);
    expect(lines[0]?.title?.key).toBe('check.battery.doze.title');
    expect(lines[1]?.title).toBeNull();
    expect(lines[2]?.beforeEvidence).toBe('zen_mode=3');

    // The previous snapshot names a check that is gone; a partial report does not call unread checks gone.
    expect(driftLines(result, [check('channel:gone', 'ok')])[1]?.title?.key).toBe('check.channel:gone.title');
    const partial = driftLines({ ...result, report: { ...result.report, complete: false } });
    expect(partial.map((l) => l.checkId)).toEqual(['battery.doze', 'dnd.zen']);
  });

  it('pairs a fix outcome before and after by check id, including checks that appear or vanish', () => {
    const lines = fixChangeLines({
      before: [check('notifications.permission', 'fail'), check('channel:old', 'warn')],
      after: [check('notifications.permission', 'ok'), check('channel:new', 'ok')],
    });
    expect(lines.map((l) => [l.checkId, l.kind, l.before, l.after])).toEqual([
      ['notifications.permission', 'changed', 'fail', 'ok'],
      ['channel:old', 'removed', 'warn', null],
      ['channel:new', 'added', null, 'ok'],
    ]);
  });

  it('folds re-read checks into the report in place and appends new ones', () => {
    const base = report([
      check('app.stopped', 'fail'),
      check('battery.doze', 'warn'),
      check('dnd.zen', 'ok'),
    ]);
    const next = applyFixOutcome(base, {
      after: [check('app.stopped', 'ok'), check('channel:im_message', 'ok')],
    });
    expect(next.checks.map((c) => `${c.id}=${c.status}`)).toEqual([
      'app.stopped=ok',
      'battery.doze=warn',
      'dnd.zen=ok',
      'channel:im_message=ok',
    ]);
    expect(base.checks[0]?.status).toBe('fail');
    expect(applyFixOutcome(base, { after: [] })).toBe(base);
  });
});

describe('revealInvisible', () => {
  it('makes bidi overrides, zero-width and control characters visible, keeps tabs and new lines', () => {
    const hostile = 'mName=\u202Egnp.exe\u202C\u200B end\u0007\r\nnext\tcol';
    expect(revealInvisible(hostile)).toBe('mName=⟨U+202E⟩gnp.exe⟨U+202C⟩⟨U+200B⟩ end⟨U+0007⟩\nnext\tcol');
    expect(hasInvisible(hostile)).toBe(true);
    expect(revealInvisible('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(hasInvisible('plain\r\ntext\twith tab')).toBe(false);
    expect(revealInvisible('lone\rreturn \uFEFF\u2066x\u2069')).toBe(
      'lone⟨U+000D⟩return ⟨U+FEFF⟩⟨U+2066⟩x⟨U+2069⟩',
    );
  });
});
