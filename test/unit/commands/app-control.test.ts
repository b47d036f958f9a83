import { describe, expect, it } from 'vitest';
import { forceStop } from '../../../electron/lab/android/commands/force-stop';
import { launchApp } from '../../../electron/lab/android/commands/launch-app';
import { swipeAway } from '../../../electron/lab/android/commands/swipe-away';
import { screenOff, screenOn } from '../../../electron/lab/android/commands/screen-power';
import { takeScreenshot } from '../../../electron/lab/android/commands/take-screenshot';
import { FakeDeviceIo } from '../../support/fake-device-io';

const MONKEY_OK =
  `  bash arg: -p\n  bash arg: com.example.app\nargs: [-p, com.example.app, -c, android.intent.category.LAUNCHER, ` +
  `1]\nEvents injected: 1\n## Network stats: elapsed time=12ms (0ms mobile, 0ms wifi, ` +
  `12ms not connected)\n`;

describe('app control commands', () => {
  it('launches through monkey and recognises success', async () => {
    const io = new FakeDeviceIo('S1', [[/^monkey/, MONKEY_OK]]);
    await launchApp(io, 'com.example.app');
    expect(io.commands).toEqual(['monkey -p com.example.app -c android.intent.category.LAUNCHER 1']);
  });

  it('reports a launch failure with what monkey said', async () => {
    const io = new FakeDeviceIo('S1', [[/^monkey/, '** No activities found to run, monkey aborted.\n']]);
    await expect(launchApp(io, 'com.example.app')).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      detail: expect.stringContaining('monkey aborted'),
    });
  });

  it('never sends a hostile package name to the phone', async () => {
    const io = new FakeDeviceIo('S1');
    await expect(forceStop(io, 'com.x;reboot')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(launchApp(io, '$(reboot).x')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(io.commands).toEqual([]);
  });

  it('swipes away as HOME then kill (no stopped state)', async () => {
    const io = new FakeDeviceIo('S1');
    await swipeAway(io, 'com.example.app');
    expect(io.commands).toEqual(['input keyevent 3', 'am kill com.example.app']);
  });

  it('uses explicit SLEEP/WAKEUP keys, never the POWER toggle', async () => {
    const io = new FakeDeviceIo('S1');
    await screenOff(io);
    await screenOn(io);
    expect(io.commands).toEqual(['input keyevent 223', 'input keyevent 224']);
  });

  it('accepts a PNG screenshot and rejects anything else', async () => {
    const io = new FakeDeviceIo('S1');
    io.execResult = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(40),
    ]);
    await expect(takeScreenshot(io)).resolves.toHaveLength(48);
    io.execResult = Buffer.from('screencap: permission denied\n');
    await expect(takeScreenshot(io)).rejects.toMatchObject({ code: 'MALFORMED_OUTPUT' });
  });
});
