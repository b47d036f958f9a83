import { describe, expect, it } from 'vitest';
import { waitForNotification } from '../../../electron/lab/android/capture/wait-for-notification';
import type { Clock } from '../../../electron/lab/util/clock';
import { FakeDeviceIo } from '../../support/fake-device-io';
import { dumpWith, type FakeRecord } from './dump-builder';

const APP = 'com.example.app';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakePhone() {
  const posted: FakeRecord[] = [];
  const io = new FakeDeviceIo('phone', [[/^dumpsys notification/, () => dumpWith(null, posted)]]);
  return { io, posted };
}

/** A host clock running 1:1 with real time from a fixed origin. */
function hostClock(origin: number): Clock {
  const start = Date.now();
  return {
    now: () => origin + (Date.now() - start),
    iso: () => new Date(origin + (Date.now() - start)).toISOString(),
  };
}

describe('waitForNotification', () => {
  it("finds the matching record and corrects the latency for the phone's clock offset", async () => {
    const phone = fakePhone();
    const since = 1_000_000;
    const offset = { offsetMs: 60_000, uncertaintyMs: 4, samples: 5 }; // the phone runs a minute ahead
    const waiting = waitForNotification(phone.io, {
      package: APP,
      since,
      timeoutMs: 2000,
      pollMs: 10,
      offset,
      clock: hostClock(since),
      match: (r) => r.title === 'ping 2',
    });
    await sleep(40);
    phone.posted.push({ pkg: APP, id: 1, postTime: since + 60_000 + 100, title: 'ping 1' });
    phone.posted.push({
      pkg: APP,
      opPkg: 'com.hihonor.push',
      id: 2,
      postTime: since + 60_000 + 350,
      title: 'ping 2',
    });
    const result = await waiting;
    if (result.timedOut) throw new Error('timed out');
    expect(result.record.title).toBe('ping 2');
    expect(result.record.opPkg).toBe('com.hihonor.push');
    expect(result.shownAtPhoneMs).toBe(since + 60_350);
    expect(result.latencyMs).toBe(350);
    expect(result.latencyUncertaintyMs).toBe(4);
    expect(result.detectedAtMs).toBeGreaterThanOrEqual(since + 40);
  });

  it('ignores a leftover record from before the send but accepts one that beat the baseline', async () => {
    const phone = fakePhone();
    const since = 5_000_000;
    phone.posted.push({ pkg: APP, id: 1, postTime: since - 30_000, title: 'old' });
    const stale = await waitForNotification(phone.io, {
      package: APP,
      since,
      timeoutMs: 150,
      pollMs: 10,
      clock: hostClock(since),
    });
    expect(stale).toEqual({ timedOut: true, errors: [] });
    phone.posted.push({ pkg: APP, id: 2, postTime: since + 20, title: 'fast' });
    const fast = await waitForNotification(phone.io, {
      package: APP,
      since,
      timeoutMs: 1000,
      pollMs: 10,
      clock: hostClock(since),
    });
    expect(fast).toMatchObject({ timedOut: false, record: { title: 'fast' }, latencyMs: 20 });
  });

  it('times out when nothing shows, with the read errors it met, and stops reading', async () => {
    let calls = 0;
    const io = new FakeDeviceIo('phone', [
      [
        /^dumpsys/,
        () => {
          calls++;
          if (calls > 1) throw new Error('closed');
          return dumpWith(null, []);
        },
      ],
    ]);
    const started = Date.now();
    const result = await waitForNotification(io, {
      package: APP,
      since: Date.now(),
      timeoutMs: 200,
      pollMs: 10,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(result.timedOut).toBe(true);
    if (!result.timedOut) return;
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]?.message).toContain('closed');
    const after = calls;
    await sleep(100);
    expect(calls).toBe(after);
  });

  it('ends early when the caller aborts', async () => {
    const phone = fakePhone();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    const result = await waitForNotification(phone.io, {
      package: APP,
      since: Date.now(),
      timeoutMs: 5000,
      pollMs: 10,
      signal: controller.signal,
    });
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
