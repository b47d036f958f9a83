import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseLogcat,
  parseLogcatLine,
  startedPids,
} from '../../../../electron/lab/android/parsers/logcat-epoch';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../fixtures/logcat/${name}.txt`, import.meta.url));

describe('logcat parser on the real Nexus 6 report (threadtime)', () => {
  const parsed = parseLogcat(fixture('nexus6-threadtime-report-1'));

  it('reads every log line, glued "," included, and counts the report text and the cut last line as skipped', () => {
    const text = fixture('nexus6-threadtime-report-1').toString('utf8');
    const headed = text.split('\n').filter((l) => /^,?\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} /.test(l));
    // The cut last line still has its header and a (short) message, so it counts.
    expect(parsed.lines).toHaveLength(headed.length);
    expect(headed).toHaveLength(126);
    expect(parsed.lines.at(-1)?.message).toBe(
      'Start proc 3350:com.android.packageinstaller/u0a69 for activity com.android.packageinstaller/.permission.ui.Gran',
    );
    expect(parsed.buffers).toEqual(['main', 'system']);
    // "#### Test …" heading and the ``` fence are not log lines.
    expect(parsed.skipped).toBe(2);
  });

  it('splits pid, tid, priority, padded and double-colon tags, and messages', () => {
    const start = parsed.lines.find((l) => l.message.startsWith('Start proc 3301'));
    expect(start).toMatchObject({
      pid: 877,
      tid: 1756,
      priority: 'I',
      tag: 'ActivityManager',
      stamp: '07-01 08:58:47.000',
      timeMs: null,
    });
    expect(parsed.lines.find((l) => l.tag === 'Icing')).toMatchObject({
      priority: 'I',
      message: expect.stringMatching(/^Indexing 0A45/),
    });
    expect(parsed.lines.find((l) => l.tag === 'SoundTriggerHwService::Module')?.message).toMatch(
      /^void android::SoundTriggerHwService/,
    );
    expect(
      parsed.lines.find((l) => l.tag === 'Adreno' && l.message.startsWith('Remote Branch'))?.message,
    ).toBe('Remote Branch                    : ');
    const first = parsed.lines[0];
    expect(first).toMatchObject({ pid: 1529, tag: 'GLSActivity', priority: 'V' });
    expect(first?.raw.startsWith(',')).toBe(false);
  });

  it('finds the pids a package was started with from "Start proc" lines', () => {
    expect(startedPids(parsed.lines, 'com.test.thalitest')).toEqual([3301]);
    expect(startedPids(parsed.lines, 'com.android.packageinstaller')).toEqual([3350]);
    expect(startedPids(parsed.lines, 'com.test')).toEqual([]);
  });

  it('gives dated stamps a time only with a year and UTC or a zone', () => {
    expect(
      parseLogcatLine('2016-07-01 08:58:47.000   877  1756 I ActivityManager: x', { utc: true })?.timeMs,
    ).toBe(Date.UTC(2016, 6, 1, 8, 58, 47));
    expect(parseLogcatLine('2016-07-01 08:58:47.000   877  1756 I ActivityManager: x')?.timeMs).toBeNull();
    expect(parseLogcatLine('2016-07-01 08:58:47.000 +0200   877  1756 I ActivityManager: x')?.timeMs).toBe(
      Date.UTC(2016, 6, 1, 6, 58, 47),
    );
  });
});

describe('logcat parser on epoch stamps (composed from the real report, CRLF, cut short)', () => {
  const parsed = parseLogcat(fixture('composed-epoch-crlf-2'));

  it('reads 40 lines with exact epoch times and skips the cut last line', () => {
    expect(parsed.lines).toHaveLength(40);
    expect(parsed.skipped).toBe(1);
    expect(parsed.lines[0]).toMatchObject({
      timeMs: Date.UTC(2016, 6, 1, 8, 58, 46, 70),
      stamp: '1467363526.070',
      pid: 1529,
      tid: 1529,
      priority: 'V',
      tag: 'GLSActivity',
    });
    expect(parsed.lines.every((l) => !l.raw.endsWith('\r') && !l.message.endsWith('\r'))).toBe(true);
    const times = parsed.lines.map((l) => l.timeMs as number);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('agrees with the threadtime original on every field but the time', () => {
    const original = parseLogcat(fixture('nexus6-threadtime-report-1')).lines.slice(0, 40);
    expect(parsed.lines.map((l) => [l.pid, l.tid, l.priority, l.tag, l.message])).toEqual(
      original.map((l) => [l.pid, l.tid, l.priority, l.tag, l.message]),
    );
  });

  it('takes microsecond stamps and UTF-16 input', () => {
    const line = '         1467363526.070123  1529  1530 W Tag: message';
    expect(parseLogcatLine(line)).toMatchObject({
      timeMs: 1467363526070,
      tid: 1530,
      priority: 'W',
      tag: 'Tag',
      message: 'message',
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${line}\r\n`, 'utf16le')]);
    expect(parseLogcat(utf16).lines).toHaveLength(1);
  });

  it('rejects garbage without guessing', () => {
    for (const junk of [
      '',
      'hello',
      '1467363526 1529 1529 I Tag: no millis',
      '1467363526.070  abc  1529 I Tag: x',
      '07-01 08:58:46.070  1529  1529 Q Tag: bad priority',
    ]) {
      expect(parseLogcatLine(junk)).toBeNull();
    }
  });
});
