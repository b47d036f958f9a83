/**
 * Push tokens from `adb logcat`: the command is fixed (no user text reaches the phone's shell), the
 * pattern runs in Node over parsed lines, the newest match wins, and odd input is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  findPushToken,
  readPushToken,
  readPushTokenCommand,
} from '../../../electron/lab/android/commands/read-push-token';
import type { AdbDeviceIo } from '../../../electron/lab/adb/device-io';
import { TOKEN_PRESETS } from '../../../shared/runs/token-presets';

const LOG = [
  '12-07 08:00:00.000  1234  1234 I TUIOfflinePush-TUIOfflinePushManager: setOfflinePushConfig businessID = 7 pushToken = OLDtoken1234',
  '12-07 08:00:01.000  1234  1234 D OtherApp: setOfflinePushConfig businessID = 7 pushToken = NOTthisOne99',
  '12-07 08:00:02.000  1234  1234 I TUIOfflinePush-TUIOfflinePushManager: setOfflinePushConfig businessID = 7 pushToken = NEWtoken5678',
  '--------- beginning of main',
  'garbage line',
].join('\n');

describe('read-push-token', () => {
  it('runs one fixed logcat command', () => {
    expect(readPushTokenCommand(20_000)).toBe('logcat -d -v threadtime -t 20000');
    expect(() => readPushTokenCommand(0)).toThrow(/line count/);
    expect(() => readPushTokenCommand(1.5)).toThrow(/line count/);
  });

  it('finds the newest token a preset matches, and only in its tag', () => {
    expect(findPushToken(LOG, TOKEN_PRESETS['tencent-offline-push'].pattern)).toEqual({
      token: 'NEWtoken5678',
      lines: 3,
    });
  });

  it('uses a user pattern in Node; a line with no token-shaped capture is skipped', () => {
    expect(findPushToken(LOG, 'OtherApp: .*pushToken = (\\S+)').token).toBe('NOTthisOne99');
    expect(findPushToken(LOG, 'pushToken = (.{1,3})').token).toBeNull();
    expect(findPushToken('', 'x(y)')).toEqual({ token: null, lines: 0 });
    expect(() => findPushToken(LOG, 'pushToken = \\S+')).toThrow(/capture group/);
  });

  it('asks the phone with the fixed command whatever the pattern says', async () => {
    const asked: string[] = [];
    const io = {
      serial: 'A1',
      shell: async (command: string) => {
        asked.push(command);
        return Buffer.from(LOG);
      },
    } as unknown as AdbDeviceIo;
    const read = await readPushToken(io, "pushToken = (NEW\\w+)'; reboot; echo '");
    expect(read.token).toBeNull();
    expect(asked).toEqual(['logcat -d -v threadtime -t 20000']);
  });
});
