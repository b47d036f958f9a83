/**
 * The vendor send limits as data (read by the run preflight and the emulators), and the run
 * engine's rule that a direct vendor sender cannot test IM-backend states.
 */
import { describe, expect, it } from 'vitest';
import { senderCannotTest } from '../../../../electron/lab/runs/engine/sender-limits';
import { dailyDeviceCap, inQuietHours, VENDOR_SEND_LIMITS } from '../../../../shared/push/vendor-limits';
import { SCENARIOS } from '../../../../shared/scenarios';

describe('vendor send limits', () => {
  it('caps the low class per phone and day, leaves the service class open', () => {
    expect(dailyDeviceCap('huawei', 'low')).toBe(2);
    expect(dailyDeviceCap('honor', 'low')).toBe(2);
    expect(dailyDeviceCap('xiaomi', 'low')).toBe(5);
    expect(dailyDeviceCap('xiaomi', 'high')).toBeNull();
    expect(VENDOR_SEND_LIMITS.huawei.testMessagesPerDay?.count).toBe(500);
    expect(dailyDeviceCap('meizu', 'low')).toBe(3);
    expect(dailyDeviceCap('oppo', 'high')).toBeNull();
    for (const limits of Object.values(VENDOR_SEND_LIMITS)) {
      expect(limits.maxPayloadBytes).toBe(
        { oppo: 4000, vivo: 1024, meizu: 2000 }[limits.vendor as string] ?? 4096,
      );
      expect(limits.sources.length).toBeGreaterThan(0);
      expect(limits.highClassHow.zhCN).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('quiet hours: HMS and Honor 00:00-06:00 for all classes, none documented for Mi Push', () => {
    expect(inQuietHours('huawei', 0, 'high')).toBe(true);
    expect(inQuietHours('honor', 5, 'low')).toBe(true);
    expect(inQuietHours('huawei', 6, 'low')).toBe(false);
    expect(inQuietHours('xiaomi', 3, 'low')).toBe(false);
    // vivo holds operational (low) messages 23:00-07:00 only: the window wraps midnight.
    expect(inQuietHours('vivo', 23, 'low')).toBe(true);
    expect(inQuietHours('vivo', 6, 'low')).toBe(true);
    expect(inQuietHours('vivo', 7, 'low')).toBe(false);
    expect(inQuietHours('vivo', 23, 'high')).toBe(false);
  });

  it('a direct vendor sender blocks logged-out and kicked scenarios like APNs and FCM do', () => {
    const loggedOut = SCENARIOS.find((s) => s.state === 'logged-out')!;
    const background = SCENARIOS.find((s) => s.id === 'background-c2c-text')!;
    for (const kind of ['xiaomi', 'huawei', 'honor'] as const) {
      expect(senderCannotTest(loggedOut, kind)?.en).toMatch(
        new RegExp(`the ${kind} sender pushes straight to the device`),
      );
      expect(senderCannotTest(background, kind)).toBeNull();
    }
    expect(senderCannotTest(loggedOut, 'tencent')).toBeNull();
  });
});
