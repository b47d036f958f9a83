/**
 * Diagnose attribution: the vendor path's message carries an invisible marker that leaves what the
 * user reads unchanged, and a record without it (a late Tencent push) never counts for the vendor.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../shared/scenarios/catalog';
import { displayText } from '../../../shared/scenarios/rules/display';
import { directContent } from '../../../electron/lab/push/direct/content';
import { diagnose, describeDiagnosis, type PathOutcome } from '../../../shared/runs/diagnose';
import {
  DIRECT_PATH_MARKER,
  carriesMarker,
  markDirectMessage,
  pathOfRecord,
  withoutMarker,
} from '../../../shared/runs/diagnose-marker';
import type { MessageSpec } from '../../../shared/scenarios/types';
import type { ObservedRecord } from '../../../shared/runs/types';

const unmark = (value: string | null): string | null => value?.replaceAll(DIRECT_PATH_MARKER, '') ?? null;

const record = (
  title: string | null,
  text: string | null,
  more: Partial<ObservedRecord> = {},
): ObservedRecord => ({
  title,
  text,
  channelId: 'pushlab_high',
  postTime: 1,
  ...more,
});

describe('markDirectMessage', () => {
  const pushed = SCENARIOS.filter((s) => displayText(s.message, { platform: 'android' }).pushed);

  it('marks what every pushed scenario shows, and nothing else the user reads changes', () => {
    expect(pushed.length).toBeGreaterThan(5);
    for (const scenario of pushed) {
      const marked = markDirectMessage(scenario.message);
      expect(marked, scenario.id).not.toBeNull();
      const before = displayText(scenario.message, { platform: 'android' });
      const after = displayText(marked!, { platform: 'android' });
      if (!before.pushed || !after.pushed) throw new Error(scenario.id);
      // The shown line (or, for a placeholder with a title override, the title) carries the marker.
      expect(`${after.title ?? ''}${after.line}`.includes(DIRECT_PATH_MARKER), scenario.id).toBe(true);
      expect(unmark(after.line), scenario.id).toBe(before.line);
      expect(unmark(after.title), scenario.id).toBe(before.title);
      expect(after.lineExact, scenario.id).toBe(before.lineExact);
      // What the direct senders build from it: same wording once the marker is removed, same ext.
      const content = directContent(marked!, scenario.id);
      const original = directContent(scenario.message, scenario.id);
      if (content.kind !== 'notification' || original.kind !== 'notification') throw new Error(scenario.id);
      expect(unmark(content.body)).toBe(original.body);
      expect(unmark(content.title)).toBe(original.title);
      expect(content.ext).toBe(original.ext);
      expect(content.sound).toBe(original.sound);
    }
  });

  it('marks the placeholder line through the sender name, and gives up when nothing shown can carry it', () => {
    const image: MessageSpec = {
      kind: 'image',
      conversation: 'c2c',
      sender: { id: 'u1', nickname: 'Denny' },
    };
    const shown = displayText(markDirectMessage(image)!, { platform: 'android' });
    expect(shown.pushed && shown.line).toBe(`Denny${DIRECT_PATH_MARKER}:[image]`);
    expect(markDirectMessage({ ...image, sender: { id: 'u1' } })).toBeNull();
    expect(markDirectMessage({ ...image, push: { disabled: true } })).toBeNull();
    const noDesc: MessageSpec = {
      kind: 'custom',
      conversation: 'c2c',
      sender: { id: 'u1' },
      custom: { data: '{}' },
    };
    expect(markDirectMessage(noDesc)).toBeNull();
  });

  it('is invisible: only zero-width, default-ignorable code points', () => {
    for (const ch of DIRECT_PATH_MARKER) expect(ch).toMatch(/^\p{Cf}$/u);
    expect(`x${DIRECT_PATH_MARKER}`.trim()).toBe(`x${DIRECT_PATH_MARKER}`);
  });
});

describe('pathOfRecord', () => {
  const marked = { marked: true, tencentShown: false };
  const vendorRecord = record(`Denny`, `Denny:PushLab offline check${DIRECT_PATH_MARKER}`);
  const tencentRecord = record('Denny', 'Denny:PushLab offline check');

  it('credits the marked record to the vendor and a late unmarked one to Tencent', () => {
    expect(carriesMarker(vendorRecord)).toBe(true);
    expect(pathOfRecord(vendorRecord, marked)).toBe('vendor');
    expect(pathOfRecord(tencentRecord, marked)).toBe('tencent-late');
    expect(withoutMarker(vendorRecord)).toEqual(tencentRecord);
  });

  it('counts an unmarked record for the vendor only once Tencent already showed its own', () => {
    expect(pathOfRecord(tencentRecord, { marked: true, tencentShown: true })).toBe('vendor');
    expect(pathOfRecord(tencentRecord, { marked: true, tencentShown: null })).toBe('tencent-late');
  });

  it('cannot tell from a redacted dump or an unmarked message', () => {
    const redacted = record(null, null, { redacted: true });
    expect(pathOfRecord(redacted, marked)).toBe('unknown');
    expect(pathOfRecord(redacted, { marked: true, tencentShown: true })).toBe('vendor');
    expect(pathOfRecord(tencentRecord, { marked: false, tencentShown: false })).toBe('unknown');
  });
});

describe('a late Tencent push in the diagnosis', () => {
  const lost: PathOutcome = { shown: false, requestId: 't1', error: null };
  const late: PathOutcome = { ...lost, arrivedLate: true };
  const vendor = (shown: boolean) => ({ kind: 'fcm', shown, requestId: 'v1', error: null });

  it('is the vendor side when the direct push was lost, whatever the doctor says', () => {
    for (const doctorFailing of [null, [], ['notifications.app']]) {
      const d = diagnose({ tencent: late, vendor: vendor(false), presence: 'push-online', doctorFailing });
      expect(d.link).toBe('vendor-side');
    }
    // Without the late push the same facts say the phone or "undecided".
    expect(
      diagnose({ tencent: lost, vendor: vendor(false), presence: null, doctorFailing: ['x'] }).link,
    ).toBe('phone-side');
  });

  it('keeps the Tencent side when the direct push showed, and says the Tencent push was late', () => {
    const d = diagnose({ tencent: late, vendor: vendor(true), presence: 'push-online', doctorFailing: [] });
    expect(d.link).toBe('tencent-side');
    expect(describeDiagnosis(d, 'en')).toContain('arrived late, after the direct send');
    expect(describeDiagnosis(d, 'zh-CN')).toContain('计入腾讯链路');
    const plain = diagnose({
      tencent: lost,
      vendor: vendor(true),
      presence: 'push-online',
      doctorFailing: [],
    });
    expect(describeDiagnosis(plain, 'en')).not.toContain('late');
  });
});
