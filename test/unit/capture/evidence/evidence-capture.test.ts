import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  logcatSinceCommand,
  logcatTimeArg,
  readLogcat,
} from '../../../../electron/lab/android/commands/capture/read-logcat';
import {
  captureLogcatSlice,
  MAX_SLICE_LINES,
  stripSecrets,
} from '../../../../electron/lab/android/capture/evidence/logcat-slice';
import { captureShadeScreenshot } from '../../../../electron/lab/android/capture/evidence/shade-screenshot';
import { EvidenceStore } from '../../../../electron/lab/evidence/evidence-store';
import { FakeDeviceIo } from '../../../support/fake-device-io';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(40, 7),
]);
const T0 = 1_700_000_000_000;

/** An epoch logcat line as Android 7+ prints it. */
function line(ms: number, pid: number, tag: string, message: string): string {
  return (
    `${String(Math.floor(ms / 1000)).padStart(19)}.${String(ms % 1000).padStart(3, '0')} ` +
    ` ${String(pid).padStart(5)}  ${String(pid).padStart(5)} I ${tag.padEnd(8)}: ${message}`
  );
}

let dir: string;
let store: EvidenceStore;
const clock = { now: () => Date.UTC(2026, 0, 2, 3, 4, 5, 6), iso: () => '' };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-evidence-'));
  store = new EvidenceStore(dir, clock);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('evidence store', () => {
  it('saves by kind with a path relative to the evidence folder, never overwriting', async () => {
    const a = await store.save('logcat', 'emulator-5554:weird/serial', 'txt', 'one');
    const b = await store.save('logcat', 'emulator-5554:weird/serial', 'txt', 'two');
    expect(a.relativePath).toBe('logcat/emulator-5554_weird_serial-2026-01-02T03-04-05-006Z.txt');
    expect(b.relativePath).toBe('logcat/emulator-5554_weird_serial-2026-01-02T03-04-05-006Z-1.txt');
    expect(a.path).toBe(join(dir, 'logcat', 'emulator-5554_weird_serial-2026-01-02T03-04-05-006Z.txt'));
    expect(await readFile(a.path, 'utf8')).toBe('one');
    expect(await readFile(join(dir, b.relativePath), 'utf8')).toBe('two');
    expect(a.sizeBytes).toBe(3);
  });

  it('refuses unknown kinds and odd extensions', async () => {
    await expect(store.save('secrets' as never, 's', 'txt', 'x')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(store.save('logcat', 's', '../x', 'x')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('shade screenshot', () => {
  it('expands, takes the screenshot, collapses, and stores the PNG', async () => {
    const io = new FakeDeviceIo('s1');
    io.execResult = PNG;
    const saved = await captureShadeScreenshot(io, store, 's1', { settleMs: 0 });
    expect(io.commands).toEqual([
      'cmd statusbar expand-notifications',
      'exec:screencap -p',
      'cmd statusbar collapse',
    ]);
    expect(saved.relativePath).toMatch(/^screenshot\/s1-.*\.png$/);
    expect(await readFile(saved.path)).toEqual(PNG);
  });

  it('collapses the shade even when the screenshot fails, and reports the screenshot error', async () => {
    const io = new FakeDeviceIo('s1');
    io.execResult = Buffer.from('nothing');
    await expect(captureShadeScreenshot(io, store, 's1', { settleMs: 0 })).rejects.toMatchObject({
      code: 'MALFORMED_OUTPUT',
    });
    expect(io.commands.at(-1)).toBe('cmd statusbar collapse');
    expect(await readdir(dir)).toEqual([]);
  });

  it('uses the binder call on phones without the statusbar shell command', async () => {
    const io = new FakeDeviceIo('old', [
      [/^cmd statusbar/, "cmd: Can't find service: statusbar\n"],
      [/^service call statusbar [12]$/, "Result: Parcel(00000000    '....')\n"],
    ]);
    io.execResult = PNG;
    await captureShadeScreenshot(io, store, 'old', { settleMs: 0 });
    expect(io.commands).toEqual([
      'cmd statusbar expand-notifications',
      'service call statusbar 1',
      'exec:screencap -p',
      'cmd statusbar collapse',
      'service call statusbar 2',
    ]);
  });
});

describe('logcat slice', () => {
  it("asks for epoch stamps from the start time, keeps the window, and counts the app's lines", async () => {
    const log = [
      '--------- beginning of main',
      line(
        T0 + 500,
        900,
        'ActivityManager',
        'Start proc 4242:com.pushlab.demo/u0a12 for pre-top-activity {com.pushlab.demo/.Main}',
      ),
      line(T0 + 900, 4242, 'PushLabDemo', 'token=abcd1234secret arrived'),
      'garbage that is not a log line',
      line(T0 + 2_500, 4242, 'PushLabDemo', 'after the window'),
    ].join('\r\n');
    const io = new FakeDeviceIo('s1', [
      [/^logcat /, log],
      [/^pidof /, '4242\n'],
    ]);
    const slice = await captureLogcatSlice(io, store, {
      serial: 's1',
      fromPhoneMs: T0,
      toPhoneMs: T0 + 2_000,
      package: 'com.pushlab.demo',
      secrets: ['abcd1234secret'],
    });
    expect(io.commands[0]).toBe('logcat -d -v threadtime -v epoch -v UTC -T 1700000000.000 -m 2001');
    expect(slice).toMatchObject({
      lines: 2,
      truncated: false,
      timeFiltered: true,
      mode: 'since',
      appLines: 1,
    });
    const text = await readFile(slice.path, 'utf8');
    expect(text).toBe(
      `${line(T0 + 500, 900, 'ActivityManager', 'Start proc 4242:com.pushlab.demo/u0a12 for pre-top-activity {com.pushlab.demo/.Main}')}\n` +
        `${line(T0 + 900, 4242, 'PushLabDemo', 'token=[redacted] arrived')}\n`,
    );
    expect(slice.relativePath).toMatch(/^logcat\/s1-.*\.txt$/);
  });

  it('stops at 2000 lines and says so', async () => {
    const log = Array.from({ length: MAX_SLICE_LINES + 1 }, (_, i) =>
      line(T0 + i, 1000, 'Spam', `line ${i}`),
    ).join('\n');
    const io = new FakeDeviceIo('s1', [[/^logcat /, log]]);
    const slice = await captureLogcatSlice(io, store, {
      serial: 's1',
      fromPhoneMs: T0,
      toPhoneMs: T0 + 60_000,
    });
    expect(slice).toMatchObject({ lines: MAX_SLICE_LINES, truncated: true, appLines: null });
  });

  it('stops at 512 KiB and says so', async () => {
    const big = 'x'.repeat(4_000);
    const log = Array.from({ length: 200 }, (_, i) => line(T0 + i, 1000, 'Big', big)).join('\n');
    const io = new FakeDeviceIo('s1', [[/^logcat /, log]]);
    const slice = await captureLogcatSlice(io, store, {
      serial: 's1',
      fromPhoneMs: T0,
      toPhoneMs: T0 + 60_000,
    });
    expect(slice.truncated).toBe(true);
    expect(slice.sizeBytes).toBeLessThanOrEqual(512 * 1024);
    expect(slice.lines).toBe(Math.floor((512 * 1024) / (line(T0, 1000, 'Big', big).length + 1)));
  });

  it('falls back to the last lines on logcat that cannot start at a time (old and new wordings)', async () => {
    for (const refusal of [
      'ERROR: -T "1700000000.000" not in "%m-%d %H:%M:%S.%q" time format\n',
      'Invalid parameter "epoch" to -v\n',
    ]) {
      const io = new FakeDeviceIo('old', [
        [/-T /, refusal],
        [
          /^logcat -d -v threadtime -t 2001$/,
          '07-01 08:58:47.000   877  1756 I ActivityManager: Start proc 3301:com.x/u0a0 for activity com.x/.Main\n',
        ],
      ]);
      const slice = await captureLogcatSlice(io, store, {
        serial: 'old',
        fromPhoneMs: T0,
        toPhoneMs: T0 + 1,
      });
      expect(slice).toMatchObject({ mode: 'tail', timeFiltered: false, lines: 1 });
      expect(io.commands[1]).toBe('logcat -d -v threadtime -t 2001');
    }
  });

  it('says plainly when the phone will not show its log', async () => {
    const io = new FakeDeviceIo('s1', [[/^logcat /, '/system/bin/sh: logcat: inaccessible or not found\n']]);
    await expect(readLogcat(io, { sincePhoneMs: T0, maxLines: 10 })).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: expect.stringContaining('not found'),
    });
  });

  it('validates the window and the package before reading', async () => {
    const io = new FakeDeviceIo('s1');
    await expect(
      captureLogcatSlice(io, store, { serial: 's1', fromPhoneMs: T0, toPhoneMs: T0 - 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      captureLogcatSlice(io, store, { serial: 's1', fromPhoneMs: T0, toPhoneMs: T0, package: 'x; reboot' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(io.commands).toEqual([]);
    expect(logcatTimeArg(1_700_000_000_007.9)).toBe('1700000000.007');
    expect(() => logcatSinceCommand(Number.NaN, 10)).toThrow();
    expect(stripSecrets('a key abc and abcdef', ['abc', 'abcdef'])).toBe('a key abc and [redacted]');
  });
});
