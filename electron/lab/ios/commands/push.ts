/**
 * `simctl push <udid> <bundle id> -`: hands an APNs payload to the simulator as if APNs had
 * delivered it. The payload is checked first (object with `aps`, at most 4096 bytes): simctl's
 * own refusals are less clear, and an oversize payload would also be refused by APNs.
 */
import { LabError } from '../../errors';
import type { SimctlRunner } from '../simctl/runner';
import { assertBundleId, assertUdid } from './args';

export const MAX_PUSH_PAYLOAD_BYTES = 4096;

/** Problems with a payload as simctl and APNs see it; empty when it can be sent. */
export function payloadProblems(payload: Uint8Array): string[] {
  return payloadProblemsIn(payload).map((problem) => problem.en);
}

/** The same problems, each in English and zh-CN. */
function payloadProblemsIn(payload: Uint8Array): { en: string; zh: string }[] {
  const problems: { en: string; zh: string }[] = [];
  if (payload.length > MAX_PUSH_PAYLOAD_BYTES) {
    problems.push({
      en: `it is ${payload.length} bytes, over the ${MAX_PUSH_PAYLOAD_BYTES}-byte limit`,
      zh: `它有 ${payload.length} 字节，超过了 ${MAX_PUSH_PAYLOAD_BYTES} 字节的上限`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return [...problems, { en: 'it is not JSON', zh: '它不是 JSON' }];
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push({ en: 'it is not a JSON object', zh: '它不是 JSON 对象' });
  } else if (
    typeof (json as Record<string, unknown>).aps !== 'object' ||
    (json as Record<string, unknown>).aps === null
  ) {
    problems.push({ en: 'it has no "aps" dictionary', zh: '它没有 "aps" 字典' });
  }
  return problems;
}

/** Sends the payload; resolves with what simctl printed ("Notification sent to '<bundle id>'"). */
export async function pushToSimulator(
  runner: SimctlRunner,
  udid: string,
  bundleId: string,
  payload: Uint8Array,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string> {
  assertUdid(udid);
  assertBundleId(bundleId);
  const problems = payloadProblemsIn(payload);
  if (problems.length > 0) {
    throw new LabError(
      'INVALID_ARGUMENT',
      `The push payload cannot be sent: ${problems.map((p) => p.en).join('; ')}.`,
      {
        hint: 'Shorten the title, body or ext: APNs and simctl accept at most 4096 bytes.',
        zh: {
          message: `无法发送推送负载：${problems.map((p) => p.zh).join('；')}。`,
          hint: '请缩短标题、正文或 ext：APNs 和 simctl 最多接受 4096 字节。',
        },
      },
    );
  }
  const { stdout, stderr } = await runner.run('push', [udid, bundleId, '-'], {
    input: payload,
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return `${stdout.toString('utf8')}${stderr}`.trim();
}
