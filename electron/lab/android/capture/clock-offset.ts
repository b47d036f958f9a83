/**
 * How far the phone's clock is from the host's, NTP-style. A reading taken between host times
 * `sentAt` and `receivedAt` bounds the offset: phone − receivedAt <= offset <= phone + precision −
 * sentAt. The bounds of the fastest round trips are intersected; the estimate is the middle of what
 * is left and the uncertainty its half-width.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import {
  PHONE_CLOCK_MS_COMMAND,
  readPhoneClock,
  type PhoneClockCommand,
} from '../commands/capture/read-phone-clock';
import { LabError } from '../../errors';

export interface ClockSample {
  /** Host time just before the read was sent (ms). */
  readonly sentAt: number;
  /** Host time just after the answer arrived (ms). */
  readonly receivedAt: number;
  /** The phone's time as read (epoch ms, truncated to the precision). */
  readonly phoneMs: number;
  readonly precisionMs: number;
}

/** offsetMs = phone clock − host clock; host time = phone time − offsetMs. */
export interface ClockOffset {
  readonly offsetMs: number;
  /** The true offset lies within offsetMs ± uncertaintyMs. */
  readonly uncertaintyMs: number;
  readonly samples: number;
}

/** No offset known: phone and host taken as agreeing, with nothing said about how well. */
export const UNKNOWN_CLOCK_OFFSET: ClockOffset = {
  offsetMs: 0,
  uncertaintyMs: Number.POSITIVE_INFINITY,
  samples: 0,
};

function bounds(s: ClockSample): { lo: number; hi: number } {
  return { lo: s.phoneMs - s.receivedAt, hi: s.phoneMs + s.precisionMs - s.sentAt };
}

/**
 * The offset from samples (pure). Uses the fastest quarter of the round trips (at least two when
 * there are two): a slow round trip only widens the bounds, and under load most are slow.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset {
  const valid = samples.filter((s) => Number.isFinite(s.phoneMs) && s.receivedAt >= s.sentAt);
  if (valid.length === 0) {
    throw new LabError('INVALID_ARGUMENT', "No clock sample to estimate the phone's clock offset from.", {
      hint: "Read the phone's clock at least once (`date +%s`).",
      zh: {
        message: '没有可用来估算手机时钟偏差的时钟样本。',
        hint: '请至少读取一次手机的时钟（`date +%s`）。',
      },
    });
  }
  const fastest = [...valid]
    .sort((a, b) => a.receivedAt - a.sentAt - (b.receivedAt - b.sentAt))
    .slice(0, Math.min(valid.length, Math.max(2, Math.ceil(valid.length / 4))));
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (const s of fastest) {
    const b = bounds(s);
    lo = Math.max(lo, b.lo);
    hi = Math.min(hi, b.hi);
  }
  if (lo > hi) {
    // The intervals disagree (a clock stepped between samples): trust the fastest one alone.
    const b = bounds(fastest[0] as ClockSample);
    lo = b.lo;
    hi = b.hi;
  }
  return { offsetMs: (lo + hi) / 2, uncertaintyMs: (hi - lo) / 2, samples: valid.length };
}

/** Reads per measurement: enough that a few land on a quiet moment of the link. */
export const CLOCK_SAMPLES = 12;
/** Pause between reads, so one read's teardown does not slow the next. */
const SAMPLE_GAP_MS = 5;

/**
 * Reads the phone's clock `samples` times, one after another with a short pause, and estimates
 * the offset. `now` is the host clock the latencies will be measured with.
 */
export async function measureClockOffset(
  io: AdbDeviceIo,
  now: () => number,
  samples = CLOCK_SAMPLES,
): Promise<ClockOffset> {
  const taken: ClockSample[] = [];
  let command: PhoneClockCommand = PHONE_CLOCK_MS_COMMAND;
  for (let i = 0; i < Math.max(1, samples); i++) {
    const sentAt = now();
    const reading = await readPhoneClock(io, command);
    const receivedAt = now();
    // The first read may have probed two commands: its round trip is not one read's.
    if (i === 0 && reading.command !== command) {
      command = reading.command;
      i--;
      continue;
    }
    command = reading.command;
    taken.push({ sentAt, receivedAt, phoneMs: reading.epochMs, precisionMs: reading.precisionMs });
    if (i < samples - 1) await new Promise((r) => setTimeout(r, SAMPLE_GAP_MS));
  }
  return estimateClockOffset(taken);
}
